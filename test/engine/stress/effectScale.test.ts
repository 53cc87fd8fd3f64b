import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OUTCOME_STATES } from "../../../src/engine/states";
import {
  effectScale,
  metricShareRange,
  sharesAtMetricShare,
  sharesAtMultiplier,
  sharesAtMultiplierInto,
} from "../../../src/engine/stress/effectScale";
import { expectOk } from "../../../src/engine/errors";
import { pilot } from "./support";

const participant = pilot.participantShares;
const comparison = pilot.comparisonShares;
const scale = effectScale(participant, comparison);

describe("the effect multiplier", () => {
  it("pilot range by hand: ABROAD (0.02 → 4/55) reaches 0 at m = −0.02/(4/55 − 0.02) = −0.3767; TEMP empties at 1 + (27/55)/D", () => {
    // Gaining states: JOB 10/55 − 0.07, JOB_UNK 5/55 − 0.05, JOB_PART 9/55 − 0.10, ABROAD 4/55 − 0.02.
    const moved = 10 / 55 - 0.07 + (5 / 55 - 0.05) + (9 / 55 - 0.1) + (4 / 55 - 0.02);
    expect(scale.moved).toBeCloseTo(moved, 14);
    expect(scale.minMultiplier).toBeCloseTo(-0.02 / (4 / 55 - 0.02), 12);
    expect(scale.losersRemaining).toBeCloseTo(27 / 55, 14);
    expect(scale.maxMultiplier).toBeCloseTo(1 + 27 / 55 / moved, 12);
  });

  it("m = 1 gives the measured shares exactly, m = 0 the comparison shares exactly", () => {
    const out = new Float64Array(8);
    sharesAtMultiplierInto(scale, 1, out);
    OUTCOME_STATES.forEach((state, s) => expect(out[s]).toBe(participant[state]));
    sharesAtMultiplierInto(scale, 0, out);
    OUTCOME_STATES.forEach((state, s) => expect(out[s]).toBe(comparison[state]));
  });

  it("m = 2: gaining states double their effect, TEMP gives the extra D in proportion to its 27/55", () => {
    const shares = expectOk(sharesAtMultiplier(participant, comparison, 2));
    expect(shares.JOB).toBeCloseTo(0.07 + 2 * (10 / 55 - 0.07), 14);
    expect(shares.TEMP).toBeCloseTo(27 / 55 - scale.moved, 14);
    expect(shares.PERM).toBe(0);
  });

  it("every valid multiplier gives shares from 0 to 1 summing to 1, continuous through m = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: scale.minMultiplier, max: scale.maxMultiplier, noNaN: true }), (m) => {
        const out = new Float64Array(8);
        sharesAtMultiplierInto(scale, m, out);
        let total = 0;
        for (const share of out) {
          expect(share).toBeGreaterThanOrEqual(-1e-15);
          expect(share).toBeLessThanOrEqual(1);
          total += share;
        }
        expect(total).toBeCloseTo(1, 12);
      }),
      { numRuns: 300, seed: 1 },
    );
    const below = new Float64Array(8);
    const above = new Float64Array(8);
    sharesAtMultiplierInto(scale, 1 - 1e-9, below);
    sharesAtMultiplierInto(scale, 1 + 1e-9, above);
    below.forEach((value, s) => expect(Math.abs(value - (above[s] ?? 0))).toBeLessThan(1e-8));
  });

  it("outside the range: InvalidInput naming effectMultiplier and the range", () => {
    const result = sharesAtMultiplier(participant, comparison, 5);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe("effectMultiplier");
  });

  it("no effect (equal shares): any multiplier leaves the shares unchanged", () => {
    const flat = effectScale(comparison, comparison);
    const out = new Float64Array(8);
    sharesAtMultiplierInto(flat, 7, out);
    OUTCOME_STATES.forEach((state, s) => expect(out[s]).toBe(comparison[state]));
  });
});

describe("the metric share mapping (break-even rate)", () => {
  it("selfSupporting p = 0.3: JOB:JOB_UNK stays 10:5 (0.2 and 0.1), TEMP gives up 0.3 − 15/55", () => {
    const shares = sharesAtMetricShare(participant, ["JOB", "JOB_UNK"], 0.3);
    expect(shares.JOB).toBeCloseTo(0.2, 14);
    expect(shares.JOB_UNK).toBeCloseTo(0.1, 14);
    expect(shares.TEMP).toBeCloseTo(27 / 55 - (0.3 - 15 / 55), 14);
    expect(shares.JOB_PART).toBe(participant.JOB_PART);
    const total = OUTCOME_STATES.reduce((sum, state) => sum + shares[state], 0);
    expect(total).toBeCloseTo(1, 14);
  });

  it("range: 0 to 15/55 + 27/55 (TEMP, PERM and FLEX are the sources; PERM and FLEX are 0 in the pilot)", () => {
    expect(metricShareRange(participant, ["JOB", "JOB_UNK"])).toEqual({ measured: 15 / 55, max: 42 / 55 });
  });

  it("p = 0 moves everyone in the metric to the transfer states; a metric with share 0 fills its first state", () => {
    const none = sharesAtMetricShare(participant, ["JOB_PART"], 0);
    expect(none.JOB_PART).toBe(0);
    expect(none.TEMP).toBeCloseTo(27 / 55 + 9 / 55, 14);
    const education = sharesAtMetricShare({ ...participant, EDU: 0 }, ["EDU"], 0.05);
    expect(education.EDU).toBeCloseTo(0.05, 14);
  });
});
