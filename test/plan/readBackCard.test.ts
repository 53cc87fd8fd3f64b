/**
 * Read-back of the sustainment card and the progression metrics (issue 11 item 3, issue 15 item 3): a written model's
 * Payment sheet, recalculated by HyperFormula, reads back into the terms it was written from, and a term typed into
 * the sheet reads back as typed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile, type Model } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { buildPlan } from "../../src/plan/buildPlan";
import { contractFromWorkbook } from "../../src/plan/readBack";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

const example = (file: string): Model => expectOk(parseModelFile(JSON.parse(readFileSync(file, "utf8")) as unknown));
const sustainment = example("examples/pilot-sustainment.json");
const progression = example("examples/pilot-progression.json");

/** The payment terms read back from a workbook, against a base without card or measures (the pilot's defaults). */
function readBack(model: Model, workbook: EvaluatedWorkbook): PaymentTerms {
  const base = { paymentTerms: PILOT_PAYMENT_TERMS, investorTerms: model.investorTerms };
  const read = expectOk(contractFromWorkbook(base, (name) => workbook.rangeOf(name)));
  if (read === null) throw new Error("no contract read");
  return read.paymentTerms;
}

describe("the sustainment card and progression metrics read back from the Payment sheet", () => {
  it("examples/pilot-sustainment.json: the card reads back; a price typed in reads back as typed, 0 as no card", () => {
    const plan = buildPlan(sustainment.scenario, "da", { ...sustainment, addInValues: false });
    const workbook = evaluatePlan(plan);
    expect(readBack(sustainment, workbook).sustainment).toEqual({ monthlyPrice: 4127, months: 24 });
    workbook.setInput("SIB_PaySustainPrice", 5000);
    workbook.setInput("SIB_PaySustainMonths", 12);
    expect(readBack(sustainment, workbook).sustainment).toEqual({ monthlyPrice: 5000, months: 12 });
    workbook.setInput("SIB_PaySustainPrice", 0);
    expect(readBack(sustainment, workbook).sustainment).toBeUndefined();
  });

  it("examples/pilot-progression.json and per-cohort shares with a comparison not measured: the rate card reads back", () => {
    const plan = buildPlan(progression.scenario, "en", { ...progression, addInValues: false });
    expect(readBack(progression, evaluatePlan(plan)).rateCard).toEqual(progression.paymentTerms.rateCard);
    const scenario = {
      ...progression.scenario,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 26, intakeMonth: 6 },
      ],
    };
    const paymentTerms: PaymentTerms = {
      ...progression.paymentTerms,
      rateCard: progression.paymentTerms.rateCard.map((line) =>
        line.metric === "who5"
          ? { ...line, progression: { measurementMonth: 9, shares: [0.5, 0.25], comparisonShare: null } }
          : line,
      ),
    };
    const model = { ...progression, scenario, paymentTerms };
    const workbook = evaluatePlan(buildPlan(scenario, "da", { ...model, addInValues: false }));
    expect(readBack(model, workbook).rateCard).toEqual(paymentTerms.rateCard);
  });
});
