import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { DEFAULT_INVESTOR_TERMS } from "../../src/engine/investor/terms";
import { returnCapMayBindAtZero } from "../../src/engine/selfFunded";
import { buildPlan } from "../../src/plan/buildPlan";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario(2023));
// The pilot's cost: 56 participants × 79,236 kr (the published cost per participant, DOMAIN.md), about 4.44 mio. kr;
// its card pays 1,885,817 kr at zero effect (issue 11), so prices × 3 pay about 5.66 mio. kr there: more than the cost.
const TRIPLE: PaymentTerms = {
  ...PILOT_PAYMENT_TERMS,
  rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) => ({ ...line, price: line.price * 3 })),
};

function lossCell(terms: PaymentTerms, multiple: number | null, language: "da" | "en"): unknown {
  const validated = expectOk(investorTerms({ returnCap: { irr: null, multiple } }));
  const plan = buildPlan(pilot, language, { paymentTerms: terms, investorTerms: validated, addInValues: false });
  return evaluatePlan(plan).valueOf("SIB_SibLossNoEffect");
}

describe("the SIB side's loss at zero effect when a return cap could bind there", () => {
  it("the engine's rule: a cap set and more paid at zero effect than the cost", () => {
    const capped = { ...DEFAULT_INVESTOR_TERMS, returnCap: { irr: null, multiple: 1.1 } };
    expect(returnCapMayBindAtZero(capped, 5_657_451, 4_437_216)).toBe(true);
    expect(returnCapMayBindAtZero(capped, 1_885_817, 4_437_216)).toBe(false);
    expect(returnCapMayBindAtZero(DEFAULT_INVESTOR_TERMS, 5_657_451, 4_437_216)).toBe(false);
    expect(returnCapMayBindAtZero({ ...capped, returnCap: { irr: 0.08, multiple: null } }, 5e6, 4e6)).toBe(true);
  });

  it("the workbook says why instead of a number, in Danish and English", () => {
    expect(lossCell(TRIPLE, 1.1, "da")).toBe("Vises ikke: et afkastloft kan binde ved nul effekt");
    expect(lossCell(TRIPLE, 1.1, "en")).toBe("Not shown: a return cap may bind at zero effect");
  });

  it("a number where the cap cannot bind (the pilot's card) or no cap is set", () => {
    expect(typeof lossCell(PILOT_PAYMENT_TERMS, 1.1, "en")).toBe("number");
    expect(typeof lossCell(TRIPLE, null, "en")).toBe("number");
  });
});
