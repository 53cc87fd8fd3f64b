/**
 * Issue 15 item 3: progression and well-being metrics as rate-card rows on the Payment sheet (live formulas), marked
 * "not a budget saving". examples/pilot-progression.json pays 4,208,125 kr, of which 1,917,216 kr for progression
 * metrics (docs/payment.md); HyperFormula recalculates the workbook and every named output equals the engine's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import type { Scenario } from "../../src/engine/scenario";
import { buildPlan } from "../../src/plan/buildPlan";
import { expectPaymentSheetMatches } from "./paymentMatch";

const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-progression.json", "utf8")) as unknown));
const N = 56;

describe("progression metrics on the Payment sheet (live formulas) equal the engine", () => {
  it("examples/pilot-progression.json (da): 1,917,216 kr for progression, marked as not a budget saving", () => {
    const workbook = expectPaymentSheetMatches(model.scenario, model.paymentTerms, "da");
    // Written out from the example's shares and prices (gross card, one cohort of 56): fit for work 0.35 × 56 × 40,000
    // + action plan 0.60 × 56 × 25,000 + WHO-5 0.40 × 56 × 13,090 = 784,000 + 840,000 + 293,216.
    const progression = 0.35 * N * 40_000 + 0.6 * N * 25_000 + 0.4 * N * 13_090;
    expect(progression).toBeCloseTo(1_917_216, 6);
    expect(workbook.valueOf("SIB_PayProgressionTotal") as number).toBeCloseTo(progression, 6);
    expect(workbook.valueOf("SIB_PayMetric_who5") as number).toBeCloseTo(0.4 * N * 13_090, 6);
    expect(Math.round(workbook.valueOf("SIB_PayTotal") as number)).toBe(4_208_125);
    const plan = buildPlan(model.scenario, "da", { paymentTerms: model.paymentTerms, addInValues: false });
    const labels = plan.sheets.flatMap((sheet) => sheet.cells.map((cell) => cell.value)).map(String);
    expect(labels.some((label) => label.startsWith("Erklæret jobparat (ikke en budgetbesparelse)"))).toBe(true);
  });

  it("two cohorts with their own shares, a comparison baseline, a lag and a contract threshold (en)", () => {
    const scenario: Scenario = {
      ...model.scenario,
      cohorts: [
        { participants: 30, intakeMonth: 3 },
        { participants: 26, intakeMonth: 0 },
      ],
    };
    const terms: PaymentTerms = {
      ...model.paymentTerms,
      rateCard: model.paymentTerms.rateCard.map((line) =>
        line.metric === "who5" || line.metric === "actionPlan"
          ? { ...line, progression: { measurementMonth: 9, shares: [0.5, 0.3], comparisonShare: 0.2 } }
          : line,
      ),
      baseline: { kind: "comparison" },
      threshold: { pp: 5, scope: "contract", metric: null },
      lagMonths: 2,
    };
    const workbook = expectPaymentSheetMatches(scenario, terms, "en");
    expect(workbook.valueOf("SIB_PayProgressionTotal") as number).toBeGreaterThan(0);
  });

  it("a comparison share not measured (gross card): deadweight keeps the participants' shares (en)", () => {
    const terms: PaymentTerms = {
      ...model.paymentTerms,
      rateCard: model.paymentTerms.rateCard.map((line) =>
        line.metric === "who5" && line.progression
          ? { ...line, progression: { ...line.progression, comparisonShare: null } }
          : line,
      ),
    };
    const workbook = expectPaymentSheetMatches(model.scenario, terms, "en");
    expect(workbook.valueOf("SIB_PayComparisonReached_who5")).toBe(1);
  });
});
