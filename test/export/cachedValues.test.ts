import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { investorFlows } from "../../src/engine/investor/waterfall";
import { parseModelFile, pilotModel, type Model } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { cachedOutputValues, textShown } from "../../src/export/cachedValues";
import { planToXlsx } from "../../src/export/xlsx";
import { workbookBytes } from "../../src/taskpane/host/download";
import { buildPlan } from "../../src/plan/buildPlan";
import { NO_IRR } from "../../src/plan/investorSheet";
import { NO_BREAK_EVEN } from "../../src/plan/labels";
import { workbookNames } from "../../src/plan/outputs";
import type { Language } from "../../src/plan/types";
import { readParts } from "../support/xlsxParts";
import { STATUS_OK, SMALL_SHEET, smallPlan } from "../support/smallPlans";

/**
 * Named outputs of the plan that are not results but a helper of the workbook's own arithmetic, which the engine does
 * not compute: no cached value (Excel's Protected View shows them blank).
 */
const HELPER_OUTPUTS = new Set(["SIB_InvIRRGuess"]);

function exampleModel(path: string): Model {
  return expectOk(parseModelFile(JSON.parse(readFileSync(path, "utf8")) as unknown));
}

/** The pilot with a rate card that pays nothing: the investor gets nothing back, so there is no IRR. */
function unpaidPilot(): Model {
  const pilot = expectOk(pilotModel());
  const rateCard = pilot.paymentTerms.rateCard.map((line) => ({ ...line, price: 0 }));
  return { ...pilot, paymentTerms: { ...pilot.paymentTerms, rateCard } };
}

/** What `npm run case -- --json` reports as workbookNames for a model (src/cli/report.ts). */
function engineNames(model: Model): Record<string, number | null> {
  const result = computeBusinessCase(model.scenario);
  const schedule = computePaymentSchedule(model.scenario, result, model.paymentTerms);
  const flows = investorFlows(Array.from(result.monthly.cost), Array.from(schedule.total), model.investorTerms);
  return workbookNames(model.scenario, result, schedule, flows.ok ? flows.value : null, model.paymentTerms);
}

describe("cached values of the named outputs (shown where the file is not recalculated)", () => {
  it.each<[string, () => Model, Language]>([
    ["pilot, Danish", () => expectOk(pilotModel()), "da"],
    ["pilot, English", () => expectOk(pilotModel()), "en"],
    ["examples/contract.json", () => exampleModel("examples/contract.json"), "da"],
    ["examples/short-horizon.json", () => exampleModel("examples/short-horizon.json"), "en"],
    ["a contract that pays nothing (no IRR)", unpaidPilot, "da"],
  ])("%s: every named output cell caches the engine's value", async (_, model, language) => {
    const { scenario, paymentTerms, investorTerms } = model();
    const plan = buildPlan(scenario, language, { paymentTerms, investorTerms });
    const cachedValues = cachedOutputValues(plan, scenario, { paymentTerms, investorTerms });
    const parts = await readParts(await planToXlsx(plan, { cachedValues }));
    const engine = engineNames(model());
    expect(Object.keys(engine).length).toBeGreaterThan(60);
    for (const [name, value] of Object.entries(engine)) {
      const definedName = plan.names.find((candidate) => candidate.name === name);
      const cell = parts.cell(definedName?.sheet ?? "", definedName?.reference.replace(/\$/g, "") ?? "");
      expect(cell.formula, name).toBeDefined();
      if (value === null) {
        expect(cell.type, name).toBe("str");
        const expected = name.startsWith("SIB_BreakEven_")
          ? NO_BREAK_EVEN[language]
          : name.includes("IRR")
            ? NO_IRR[language]
            : undefined;
        if (expected !== undefined) expect(cell.value, name).toBe(expected);
        else expect(cell.value, name).toBe(textShown(plan, name));
      } else {
        expect(cell.type, name).toBeUndefined();
        expect(Number(cell.value), name).toBe(value);
      }
    }
    // Every other one-cell output: a status cell caches its ok text; only the workbook's own helpers have no cache.
    for (const definedName of plan.names.filter((n) => n.role === "output" && !n.reference.includes(":"))) {
      if (definedName.name in engine || HELPER_OUTPUTS.has(definedName.name)) continue;
      const address = definedName.reference.replace(/\$/g, "");
      const planCell = plan.sheets.find((s) => s.name === definedName.sheet)?.cells.find((c) => c.address === address);
      expect(planCell?.status, `${definedName.name}: no engine value and not a status cell`).toBeDefined();
      expect(parts.cell(definedName.sheet, address).value, definedName.name).toBe(planCell?.status?.ok);
    }
  });

  it("the browser download caches the engine's values as npm run workbook does", async () => {
    const pilot = expectOk(pilotModel());
    const bytes = await workbookBytes({ scenario: pilot.scenario, terms: pilot.paymentTerms, investor: {} }, "da");
    const parts = await readParts(bytes);
    const plan = buildPlan(pilot.scenario, "da", { paymentTerms: pilot.paymentTerms });
    const expected = cachedOutputValues(plan, pilot.scenario, { paymentTerms: pilot.paymentTerms });
    expect(expected.size).toBeGreaterThan(60);
    for (const [name, value] of expected) {
      const definedName = plan.names.find((candidate) => candidate.name === name);
      const cell = parts.cell(definedName?.sheet ?? "", definedName?.reference.replace(/\$/g, "") ?? "");
      expect(cell.value, name).toBe(String(value));
    }
  });

  it("the contract that pays nothing shows the texts for no IRR and no break-even", () => {
    const { scenario, paymentTerms, investorTerms } = unpaidPilot();
    const plan = buildPlan(scenario, "en", { paymentTerms, investorTerms });
    const cached = cachedOutputValues(plan, scenario, { paymentTerms, investorTerms });
    expect(cached.get("SIB_InvIRR")).toBe(NO_IRR.en);
    expect(cached.get("SIB_InvIRRMonthly")).toBe(NO_IRR.en);
    expect([...cached.values()]).toContain(NO_BREAK_EVEN.en);
  });

  it("without payment terms only the business case is cached", () => {
    const { scenario } = expectOk(pilotModel());
    const plan = buildPlan(scenario, "da");
    const cached = cachedOutputValues(plan, scenario);
    expect([...cached.keys()].some((name) => name.startsWith("SIB_Pay") || name.startsWith("SIB_Inv"))).toBe(false);
    expect(cached.get("SIB_NPVPerParticipant_Municipality")).toBe(
      computeBusinessCase(scenario).npv.perParticipant.municipality,
    );
  });

  it("status cells cache their ok text with cached values, and nothing is cached without them", async () => {
    const withCache = await readParts(
      await planToXlsx(smallPlan(), { cachedValues: new Map([["SIB_KommuneTotal", 12_000]]) }),
    );
    expect(withCache.cell(SMALL_SHEET, "F6")).toMatchObject({ type: "str", value: STATUS_OK });
    expect(withCache.cell(SMALL_SHEET, "F8")).toMatchObject({ formula: "SUM(B4:B15)", value: "12000" });
    expect(withCache.cell(SMALL_SHEET, "B4").value).toBeUndefined();
    const without = await readParts(await planToXlsx(smallPlan()));
    expect(without.cell(SMALL_SHEET, "F6").value).toBeUndefined();
    expect(without.cell(SMALL_SHEET, "F8").value).toBeUndefined();
  });

  it("refuses a cached value for a name the plan does not define as one cell", async () => {
    await expect(planToXlsx(smallPlan(), { cachedValues: new Map([["SIB_Nothing", 1]]) })).rejects.toThrow(
      /SIB_Nothing/,
    );
  });

  it("a named output without a number and without a text to show is an error of the plan", () => {
    expect(() => textShown(smallPlan(), "SIB_KommuneTotal")).toThrow(/holds 0 texts/);
    expect(() => textShown(smallPlan(), "SIB_Status")).toThrow(/holds 2 texts/);
  });
});
