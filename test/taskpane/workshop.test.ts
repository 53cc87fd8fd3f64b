import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { PILOT_PARTICIPANT_COUNTS, PILOT_PUBLISHED_SHARES_PERCENT, pilotScenario } from "../../src/engine/pilot";
import { OUTCOME_STATES } from "../../src/engine/states";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { PILOT_WORKSHOP_VALUES, workshopCase, workshopNumbers } from "../../src/taskpane/preview/workshop";
import { initialState, WORKSHOP_DEFAULTS, WORKSHOP_RANGES } from "../../src/taskpane/state/reducer";
import { noEffectExplanation, sliderText, workshopBars } from "../../src/taskpane/ui/workshopView";

/** The workshop (issue 14 item 8; review wizard-ux.md finding 9): the pilot's own numbers first, a picture, effect 0. */
const pilot = expectOk(pilotScenario());

describe("the workshop starts from the pilot's own numbers", () => {
  it("the first screen is the pilot: 17.55 pp, 79,236 kr, 198,090 kr, 50 months, and the same case as the guide", () => {
    expect(WORKSHOP_DEFAULTS).toBe(PILOT_WORKSHOP_VALUES);
    expect(initialState("da-DK").workshop).toEqual(PILOT_WORKSHOP_VALUES);
    // 100 × (19/55 − 0.17): the published 35 % against 17 % in ordinary work (JOB + JOB_PART).
    expect(PILOT_WORKSHOP_VALUES.effectPp).toBeCloseTo(100 * (19 / 55 - 0.17), 12);
    expect(PILOT_WORKSHOP_VALUES.costPerParticipant).toBe(79_236);
    expect(PILOT_WORKSHOP_VALUES.price).toBe(198_090);
    expect(PILOT_WORKSHOP_VALUES.horizonMonths).toBe(50);
    const built = expectOk(workshopCase(PILOT_WORKSHOP_VALUES));
    expect(built.scenario).toEqual(pilot);
    expect(built.terms).toEqual(PILOT_PAYMENT_TERMS);
    const numbers = expectOk(workshopNumbers(PILOT_WORKSHOP_VALUES)).numbers;
    expect(numbers).toEqual(expectOk(computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {})));
    expect(numbers.municipalNetPerParticipant).toBeCloseTo(28_005.72, 1);
    expect(sliderText("effectPp", PILOT_WORKSHOP_VALUES.effectPp, "da")).toBe("17,5 procentpoint");
    for (const [id, range] of Object.entries(WORKSHOP_RANGES)) {
      const value = PILOT_WORKSHOP_VALUES[id as keyof typeof PILOT_WORKSHOP_VALUES];
      expect(value, id).toBeGreaterThanOrEqual(range.min);
      expect(value, id).toBeLessThanOrEqual(range.max);
    }
  });

  it("the picture: who gains what, and the participants' extra wages written out", () => {
    const numbers = expectOk(workshopNumbers(PILOT_WORKSHOP_VALUES)).numbers;
    const bars = workshopBars(numbers, "da");
    expect(bars.map((bar) => bar.key)).toEqual(["municipality", "state", "investor", "provider", "participants"]);
    // Every party with its article, in English too (the English screenshot read "Investor" among "The state", …).
    expect(workshopBars(numbers, "en").map((bar) => bar.label)).toEqual([
      "The municipality",
      "The state",
      "The investor",
      "The provider",
      "The participants' income",
    ]);
    expect(bars.map((bar) => bar.label)).toEqual([
      "Kommunen",
      "Staten",
      "Investoren",
      "Leverandøren",
      "Deltagernes indkomst",
    ]);
    // Provider: the programme's cost, 56 × 79,236 kr = 4,437,216 kr ("4,4 mio. kr.").
    expect(bars[3]?.value).toBeCloseTo(56 * 79_236, 4);
    expect(bars[3]?.text).toBe("4,4 mio. kr.");
    // Participants: 56 × Σ_t g(t) × Σ_s Δ_s·W_s; g ramps to the measurement month M, then ρ = 1 to the horizon H.
    const M = pilot.measurementMonth;
    const H = pilot.horizonMonths;
    expect(pilot.persistence).toBe(1);
    const profile = (M + 1) / 2 + (H - M);
    const perMonth = OUTCOME_STATES.reduce(
      (sum, state) =>
        sum +
        (PILOT_PARTICIPANT_COUNTS[state] / 55 - PILOT_PUBLISHED_SHARES_PERCENT.comparison[state] / 100) *
          pilot.states[state].wage,
      0,
    );
    expect(bars[4]?.value).toBeCloseTo(56 * profile * perMonth, 4);
    expect(bars[4]?.value).toBeGreaterThan(0);
  });

  it("'what if it does not work?': at effect 0 the municipality saves nothing and still pays 1,9 mio. kr.", () => {
    const numbers = expectOk(workshopNumbers({ ...PILOT_WORKSHOP_VALUES, effectPp: 0 })).numbers;
    expect(numbers.municipalitySibTotal.savings).toBeCloseTo(0, 6);
    // 56 × (0.12 × 198,090 + 0.10 × 99,045): the comparison group's 12 % self-supporting and 10 % with paid hours.
    expect(numbers.paymentsTotal).toBeCloseTo(56 * (0.12 * 198_090 + 0.1 * 99_045), 4);
    const text = noEffectExplanation(numbers, "da");
    expect(text).toContain("betaler stadig 1,9 mio. kr.");
    expect(text).toContain("22 %");
    expect(noEffectExplanation(numbers, "en")).toContain("still pays 1.9 million kr");
  });
});
