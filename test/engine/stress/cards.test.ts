import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../../../src/engine/investor/terms";
import { parseModelFile } from "../../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../../src/engine/payment/terms";
import { pilotScenario } from "../../../src/engine/pilot";
import { compareCards } from "../../../src/engine/stress/cards";
import { dealZone } from "../../../src/engine/stress/dealZone";

const pilot = expectOk(pilotScenario(2023));
const options = { hurdleRate: 0.05, municipalityShare: 1 };

describe("absolute and counterfactual cards side by side (issue 11 item 2)", () => {
  it("the review's counterfactual deal zone at 8 %: factor 2.3340–3.0458, 462,335–603,333 kr per outcome", () => {
    // ../shared/reviews/economist.md 3.1: SIB.DEALZONE(1, 0.08) with baseline comparison.
    const zone = expectOk(
      dealZone(
        {
          scenario: pilot,
          paymentTerms: { ...PILOT_PAYMENT_TERMS, baseline: { kind: "comparison" } },
          investorTerms: DEFAULT_INVESTOR_TERMS,
        },
        { hurdleRate: 0.08, municipalityShare: 1, metric: null },
      ),
    );
    expect(zone.empty).toBe(false);
    if (zone.empty) return;
    expect(zone.low.factor).toBeCloseTo(2.334, 4);
    expect(zone.high?.factor).toBeCloseTo(3.0458, 4);
    expect(Math.abs(zone.low.price - 462_335)).toBeLessThan(1);
    expect(Math.abs((zone.high?.price ?? 0) - 603_333)).toBeLessThan(1);
  });

  it("the pilot's card and its counterfactual counterpart: deadweight 1,885,817 kr vs 0 at the comparison shares", () => {
    const [absolute, counterfactual] = expectOk(
      compareCards(pilot, PILOT_PAYMENT_TERMS, DEFAULT_INVESTOR_TERMS, options),
    );
    expect(absolute.asGiven).toBe(true);
    expect(absolute.deadweight.paymentAtZeroEffect).toBeCloseTo(56 * (0.12 * 198_090 + 0.1 * 99_045), 6);
    expect(counterfactual.kind).toBe("counterfactual");
    expect(counterfactual.deadweight.paymentAtZeroEffect).toBe(0);
    // Its prices sit at the midpoint of its own zone: relative to them the zone is symmetric around 1.
    expect(counterfactual.zone.empty).toBe(false);
    if (counterfactual.zone.empty) return;
    expect(counterfactual.zone.low.factor + (counterfactual.zone.high?.factor ?? Number.NaN)).toBeCloseTo(2, 9);
    // Payment above the comparison group: 56 × ((15/55 − 0.12) p + (9/55 − 0.10) p/2), p = 198,090 × factor.
    const p = 198_090 * counterfactual.priceFactor;
    expect(counterfactual.payment).toBeCloseTo(56 * ((15 / 55 - 0.12) * p + (9 / 55 - 0.1) * (p / 2)), 4);
  });

  it("examples/pilot-counterfactual.json: prices = the engine's zone midpoint (rounded), deadweight 0", () => {
    const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-counterfactual.json", "utf8"))));
    const [, counterpart] = expectOk(compareCards(pilot, PILOT_PAYMENT_TERMS, DEFAULT_INVESTOR_TERMS, options));
    const prices = Object.fromEntries(model.paymentTerms.rateCard.map((line) => [line.metric, line.price]));
    expect(prices["selfSupporting"]).toBe(Math.round(198_090 * counterpart.priceFactor));
    expect(prices["paidHours"]).toBe(Math.round(99_045 * counterpart.priceFactor));
    const [absolute, own] = expectOk(compareCards(model.scenario, model.paymentTerms, model.investorTerms, options));
    expect(own.asGiven).toBe(true);
    expect(own.deadweight.paymentAtZeroEffect).toBe(0);
    expect(absolute.kind).toBe("absolute");
    expect(absolute.deadweight.paymentAtZeroEffect).toBeGreaterThan(0);
  });

  it("no investor (cost 0): the reason, not a comparison", () => {
    const result = compareCards(
      { ...pilot, costPerParticipant: 0 },
      PILOT_PAYMENT_TERMS,
      DEFAULT_INVESTOR_TERMS,
      options,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe("costPerParticipant");
  });
});
