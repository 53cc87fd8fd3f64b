/**
 * Issue 11 item 3: the workbook has no live formulas for the sustainment card yet, so it refuses such terms with one
 * message naming the term and the rule, instead of writing a Payment sheet that leaves the card's payments out
 * (examples/pilot-sustainment.json pays 4,127 kr a month in work for 24 months: docs/payment.md).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { parseModelFile } from "../../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { workbookSustainmentIssue } from "../../../src/engine/payment/workbookSupport";
import { buildPlan } from "../../../src/plan/buildPlan";

const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-sustainment.json", "utf8")) as unknown));

describe("the workbook refuses a sustainment card it cannot write yet", () => {
  it("examples/pilot-sustainment.json: one issue naming sustainment.monthlyPrice and the rule, with the way out", () => {
    expect(model.paymentTerms.sustainment).toEqual({ monthlyPrice: 4127, months: 24 });
    const found = workbookSustainmentIssue(model.paymentTerms);
    expect(found?.field).toBe("sustainment.monthlyPrice");
    expect(found?.rule).toBe("unsupported");
    expect(found?.message).toContain("4127 kr a month in work for 24 months");
    expect(found?.message).toContain("set sustainment.monthlyPrice to none");
    expect(() => buildPlan(model.scenario, "da", { paymentTerms: model.paymentTerms })).toThrow(
      /sustainment\.monthlyPrice: the workbook does not write the sustainment card yet/,
    );
  });

  it("no card, or a card priced 0, is written as before", () => {
    expect(workbookSustainmentIssue(PILOT_PAYMENT_TERMS)).toBeNull();
    expect(workbookSustainmentIssue(undefined)).toBeNull();
    expect(
      workbookSustainmentIssue({ ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 0, months: 24 } }),
    ).toBeNull();
  });
});
