import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { casePlan } from "../../src/taskpane/host/plan";
import { computeCaseNumbers, type CaseNumbers } from "../../src/taskpane/preview/preview";
import type { InvestorOutcome } from "../../src/taskpane/preview/investorAdapter";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

/**
 * The investor's hurdle rate in the wizard (issue 11 item 6 / issue 14 item 4): a field on the payment step, 5 % a
 * year by default (the engine's documented DEFAULT_HURDLE_RATE), used by the preview's NPV at the hurdle, saved in the
 * case file and written to the workbook's hurdle input SIB_InvHurdleRate.
 *
 * Independent figures: the pilot's investor pays 56 × 79,236 kr spread over months 0–11 and gets back the outcome
 * payment 56 × (15/55 × 198,090 + 9/55 × 99,045) kr at month 17 (the published prices and measured outcomes).
 */
const MONTHLY_COST = (56 * 79_236) / 12;
const PAYMENT = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045);

/** The pilot investor's net flows by month, written out. */
const PILOT_FLOWS = Array.from(
  { length: 18 },
  (_, month) => (month < 12 ? -MONTHLY_COST : 0) + (month === 17 ? PAYMENT : 0),
);

/** NPV at an effective annual rate, month t discounted t months (written out). */
function npvAnnual(flows: readonly number[], annual: number): number {
  return flows.reduce((sum, flow, month) => sum + flow / Math.pow(1 + annual, month / 12), 0);
}

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });

function investorOf(state: WizardState): InvestorOutcome {
  const model = modelOf(state);
  expect(model.valid).toBe(true);
  const numbers: CaseNumbers = expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
  if (numbers.investor.kind !== "invested") throw new Error("expected an investment");
  return numbers.investor;
}

describe("the investor's hurdle rate field", () => {
  it("starts at the documented 5 % a year, and the preview's NPV is at 5 %", () => {
    expect(pilotState.fields["hurdleRate"]?.text).toBe("5");
    expect(modelOf(pilotState).investor.hurdleRate).toBe(0.05);
    const investor = investorOf(pilotState);
    expect(investor.hurdleRate).toBe(0.05);
    expect(investor.npvAtHurdle).toBeCloseTo(npvAnnual(PILOT_FLOWS, 0.05), 4);
  });

  it("a typed hurdle moves the NPV: 8 % gives the flows discounted at 8 %, 0 % gives returned − drawn", () => {
    const eight = investorOf(run(pilotState, { type: "setField", id: "hurdleRate", text: "8" }));
    expect(eight.hurdleRate).toBe(0.08);
    expect(eight.npvAtHurdle).toBeCloseTo(npvAnnual(PILOT_FLOWS, 0.08), 4);
    const zero = investorOf(run(pilotState, { type: "setField", id: "hurdleRate", text: "0" }));
    expect(zero.npvAtHurdle).toBeCloseTo(PAYMENT - 56 * 79_236, 4);
    const decimal = investorOf(run(pilotState, { type: "setField", id: "hurdleRate", text: "7,5" }));
    expect(decimal.hurdleRate).toBe(0.075);
  });

  it.each([
    ["-100", "da", "Skriv et tal over -100 og højst 1.000 % om året."],
    ["-100", "en", "Enter a number above -100 and at most 1,000 % a year."],
    ["fem", "da", "Skriv et tal, fx 5."],
    ["", "en", "This field is required."],
  ] as const)("%j in %s is refused next to the field: %s", (text, language, message) => {
    const state = run(
      initialState(language === "da" ? "da-DK" : "en-US"),
      { type: "start", start: "pilot" },
      { type: "setField", id: "hurdleRate", text },
    );
    const model = modelOf(state);
    expect(model.valid).toBe(false);
    const error = model.errors.get("hurdleRate");
    expect(error?.step).toBe("payment");
    if (error === undefined) throw new Error("expected an error on hurdleRate");
    expect(fieldMessage(error, language, { horizonMonths: 50 })).toBe(message);
  });

  it("is saved in the case file and read back into the field", () => {
    const state = run(pilotState, { type: "setField", id: "hurdleRate", text: "8" });
    const model = modelOf(state);
    const text = expectOk(
      caseFileText({
        scenario: model.scenario,
        terms: model.terms,
        investor: model.investor,
        views: [],
        description: null,
      }),
    );
    expect((JSON.parse(text) as { investor: Record<string, unknown> }).investor["hurdleRate"]).toBe(0.08);
    const loaded = reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
    expect(loaded.fields["hurdleRate"]?.text).toBe("8");
    expect(modelOf(loaded).investor.hurdleRate).toBe(0.08);
  });

  it("is written to the workbook's hurdle input, whose NPV equals the preview's (HyperFormula)", () => {
    const state = run(pilotState, { type: "setField", id: "hurdleRate", text: "8" });
    const model = modelOf(state);
    const workbook = evaluatePlan(expectOk(casePlan(model, "da", false)));
    expect(workbook.valueOf("SIB_InvHurdleRate")).toBe(0.08);
    const npv = workbook.valueOf("SIB_InvNPVHurdle");
    expect(typeof npv).toBe("number");
    expect(npv as number).toBeCloseTo(investorOf(state).npvAtHurdle, 4);
    expect(npv as number).toBeCloseTo(npvAnnual(PILOT_FLOWS, 0.08), 4);
  });
});
