import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../../src/engine/investor/terms";
import { parseModelFile, pilotModel } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";

describe("model files: scenario + payment + investor sections", () => {
  it("without sections, the pilot's payment terms and the default investor terms", () => {
    const model = expectOk(parseModelFile({ horizonMonths: 36 }));
    expect(model.scenario.horizonMonths).toBe(36);
    expect(model.paymentTerms).toEqual(PILOT_PAYMENT_TERMS);
    expect(model.investorTerms).toEqual(DEFAULT_INVESTOR_TERMS);
    expect(expectOk(pilotModel()).paymentTerms).toEqual(PILOT_PAYMENT_TERMS);
  });

  it("applies payment and investor terms given by name", () => {
    const model = expectOk(
      parseModelFile({
        payment: { "price.selfSupporting": 150_000, baseline: "comparison", lagMonths: 2 },
        investor: { "returnCap.irr": 0.08, maxLoss: 0.5 },
      }),
    );
    expect(model.paymentTerms.rateCard[0]?.price).toBe(150_000);
    expect(model.paymentTerms.baseline).toEqual({ kind: "comparison" });
    expect(model.paymentTerms.lagMonths).toBe(2);
    expect(model.investorTerms.returnCap.irr).toBe(0.08);
    expect(model.investorTerms.maxLoss).toBe(0.5);
  });

  it("reports every bad term with its section", () => {
    const result = parseModelFile({
      payment: { lagMonths: -1, nonsense: 3 },
      investor: { maxLoss: 2 },
      horizonMonths: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The scenario is checked first; fix it and the term problems come next.
    expect(result.issues.map((issue) => issue.field)).toContain("horizonMonths");
    const terms = parseModelFile({ payment: { lagMonths: -1, nonsense: 3 }, investor: { maxLoss: 2 } });
    expect(terms.ok).toBe(false);
    if (terms.ok) return;
    const messages = terms.issues.map((issue) => issue.message).join("\n");
    expect(messages).toContain("payment:");
    expect(messages).toContain("investor:");
    expect(terms.issues.length).toBeGreaterThanOrEqual(3);
    expect(parseModelFile({ payment: [1, 2] }).ok).toBe(false);
  });
});
