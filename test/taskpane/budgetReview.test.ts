import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { casePlan } from "../../src/taskpane/host/plan";
import { reviewBudget, type ReviewBudget } from "../../src/taskpane/preview/budgetAdapter";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { budgetTable, financingTable } from "../../src/taskpane/ui/budgetView";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

/**
 * The review step's budget view and "SIB or the municipality pays itself" (issue 10 items 3–4). Independent figures:
 * the pilot pays its one outcome payment, 56 × (15/55 × 198,090 + 9/55 × 99,045) kr, in programme month 17 (the
 * published prices and measured outcomes, paid at month 17); from a start in January 2026 that is June 2027, from
 * August 2026 it is January 2028. Contract money is not price-indexed.
 */
const PAYMENT = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045);

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });

function budgetOf(state: WizardState): ReviewBudget {
  const model = modelOf(state);
  expect(model.valid).toBe(true);
  return expectOk(reviewBudget(model.scenario, model.terms, model.investor));
}

describe("the review step's budget fields and tables", () => {
  it("start 1 January 2026 and 2 % a year by default, leaving the pilot's scenario as it was", () => {
    expect(pilotState.fields["startYear"]?.text).toBe("2026");
    expect(pilotState.fields["startMonth"]?.text).toBe("1");
    expect(pilotState.fields["priceIndex"]?.text).toBe("2");
    const scenario = modelOf(pilotState).scenario;
    const pilot = expectOk(pilotScenario());
    expect(scenario.startDate).toBe(pilot.startDate);
    expect(scenario.priceIndex).toBe(pilot.priceIndex);
    const budget = budgetOf(pilotState);
    expect(budget.startYear).toBe(2026);
    expect(budget.remainderFrom).toBe(2030);
    expect(budget.priceIndex).toBe(0.02);
    expect(budgetTable(budget, "da").header).toEqual([
      "Konto",
      "2026 (budgetår)",
      "2027 (overslagsår)",
      "2028 (overslagsår)",
      "2029 (overslagsår)",
      "2030 og senere",
    ]);
  });

  it("the outcome payment falls in the year it is paid: 2027 from January 2026, 2028 from August 2026", () => {
    const january = budgetOf(pilotState).rows.outcomePayments;
    expect(january[0]).toBe(0);
    expect(january[1]).toBeCloseTo(PAYMENT, 4);
    expect(january.slice(2).every((amount) => amount === 0)).toBe(true);
    const august = budgetOf(run(pilotState, { type: "setField", id: "startMonth", text: "8" })).rows.outcomePayments;
    expect(august[1]).toBe(0);
    expect(august[2]).toBeCloseTo(PAYMENT, 4);
    const later = budgetOf(run(pilotState, { type: "setField", id: "startYear", text: "2027" }));
    expect(later.startYear).toBe(2027);
    expect(budgetTable(later, "en").header[1]).toBe("2027 (budget year)");
    expect(budgetTable(later, "en").header[5]).toBe("2031 and later");
  });

  it("at a price change of 0 % the municipality's five columns sum to its undiscounted total in fixed prices", () => {
    const state = run(pilotState, { type: "setField", id: "priceIndex", text: "0" });
    const model = modelOf(state);
    const total = computeBusinessCase(model.scenario).undiscounted.total.municipality;
    const sum = budgetOf(state).rows.municipality.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(total, 4);
    // At 2 % a year the 2026 column is the fixed-price 2026 flow × 1.02^(2026 − 2023) = × 1.061208.
    const indexed = budgetOf(pilotState).rows.municipality[0] ?? Number.NaN;
    expect(indexed / (budgetOf(state).rows.municipality[0] ?? Number.NaN)).toBeCloseTo(1.061208, 12);
  });

  it("SIB vs self-funded: self-funded NPV is the business case's, and the tables read in both languages", () => {
    const budget = budgetOf(pilotState);
    const model = modelOf(pilotState);
    expect(budget.financing.selfFunded.npv).toBeCloseTo(computeBusinessCase(model.scenario).npv.total.municipality, 6);
    const da = financingTable(budget, "da");
    expect(da.header).toEqual(["Mål", "Kommunen betaler selv", "Med SIB"]);
    expect(da.rows.map((row) => row[0])).toEqual([
      "Kommunens nutidsværdi",
      "Laveste samlede kassebeholdning (ikke diskonteret)",
      "Hvornår den nås",
      "Tab, hvis indsatsen ingen effekt har",
    ]);
    const month = budget.financing.selfFunded.worstMonth;
    expect(month).not.toBeNull();
    // Programme month m from January 2026 is calendar month m + 1 of 2026 (m ≤ 11) or later.
    const en = financingTable(budget, "en");
    const expectedDate = new Date(Date.UTC(2026, month ?? 0, 1)).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    expect(en.rows[2]?.[1]).toBe(`month ${month} (${expectedDate})`);
  });

  it.each([
    ["startYear", "1800", "da", "Skriv et helt tal fra 1900 til 2100."],
    ["startYear", "2026,5", "en", "Enter a whole number from 1900 to 2100."],
    ["startYear", "snart", "da", "Skriv et tal, fx 2026."],
    ["startMonth", "13", "da", "Skriv et helt tal fra 1 til 12."],
    ["priceIndex", "60", "da", "Skriv et tal fra -50 til 50 % om året."],
    ["priceIndex", "-60", "en", "Enter a number from -50 to 50 % a year."],
  ] as const)("%s = %j in %s is refused next to the field", (id, text, language, message) => {
    const state = run(
      initialState(language === "da" ? "da-DK" : "en-US"),
      { type: "start", start: "pilot" },
      { type: "setField", id, text },
    );
    const error = modelOf(state).errors.get(id);
    if (error === undefined) throw new Error(`expected an error on ${id}`);
    expect(error.step).toBe("review");
    expect(fieldMessage(error, language, { horizonMonths: 50 })).toBe(message);
  });

  it("the start date and price change are saved in the case file and read back; the workbook gets them (HyperFormula)", () => {
    const state = run(
      pilotState,
      { type: "setField", id: "startYear", text: "2027" },
      { type: "setField", id: "startMonth", text: "8" },
      { type: "setField", id: "priceIndex", text: "3" },
    );
    const model = modelOf(state);
    expect(model.scenario.startDate).toBe("2027-08-01");
    expect(model.scenario.priceIndex).toBe(0.03);
    const text = expectOk(
      caseFileText({
        scenario: model.scenario,
        terms: model.terms,
        investor: model.investor,
        views: [],
        description: null,
      }),
    );
    const loaded = reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
    expect([
      loaded.fields["startYear"]?.text,
      loaded.fields["startMonth"]?.text,
      loaded.fields["priceIndex"]?.text,
    ]).toEqual(["2027", "8", "3"]);

    const budget = budgetOf(state);
    const workbook = evaluatePlan(expectOk(casePlan(model, "da", false)));
    expect(workbook.valueOf("SIB_BudgetStartYear")).toBe(2027);
    expect(workbook.valueOf("SIB_BudgetStartMonth")).toBe(8);
    expect(workbook.valueOf("SIB_BudgetPriceIndex")).toBe(0.03);
    for (const [name, value] of [
      ["SIB_SelfFundedNPV", budget.financing.selfFunded.npv],
      ["SIB_SibNPV", budget.financing.sib.npv],
      ["SIB_SelfFundedWorstCash", budget.financing.selfFunded.worstCumulative],
      ["SIB_SibLossNoEffect", budget.financing.sib.lossIfNoEffect],
    ] as const) {
      expect(workbook.valueOf(name) as number).toBeCloseTo(value, 4);
    }
  });
});
