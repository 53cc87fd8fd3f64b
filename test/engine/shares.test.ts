import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PUBLISHED_SHARES_PERCENT } from "../../src/engine/pilot";
import { participantSharesFromEmploymentEffect } from "../../src/engine/shares";
import { OUTCOME_STATES, perState, type PerState } from "../../src/engine/states";

const comparison = perState((state) => PILOT_PUBLISHED_SHARES_PERCENT.comparison[state] / 100);
const sum = (shares: PerState<number>) => OUTCOME_STATES.reduce((total, state) => total + shares[state], 0);

describe("participant shares from a simple employment effect", () => {
  it("moves 18 pp into JOB from TEMP, PERM and FLEX in proportion (63 : 10 : 2)", () => {
    const shares = expectOk(participantSharesFromEmploymentEffect(comparison, 18));
    expect(shares.JOB).toBeCloseTo(0.07 + 0.18, 12);
    expect(shares.TEMP).toBeCloseTo(0.63 - (0.18 * 63) / 75, 12);
    expect(shares.PERM).toBeCloseTo(0.1 - (0.18 * 10) / 75, 12);
    expect(shares.FLEX).toBeCloseTo(0.02 - (0.18 * 2) / 75, 12);
    expect(shares.EDU).toBe(0.01);
  });

  it("refuses an effect larger than the transfer states hold, naming effectPp", () => {
    const result = participantSharesFromEmploymentEffect(comparison, 80);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe("effectPp");
  });

  it("shares summing to 1 stay summing to 1, each within 0..1 (property)", () => {
    const sharesArbitrary = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 })
      .filter((weights) => weights.reduce((a, b) => a + b, 0) > 0.01)
      .map((weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        return perState((state) => (weights[OUTCOME_STATES.indexOf(state)] ?? 0) / total);
      });
    fc.assert(
      fc.property(sharesArbitrary, fc.double({ min: -1, max: 1, noNaN: true }), (shares, fraction) => {
        const source = shares.TEMP + shares.PERM + shares.FLEX;
        const effectPp = 100 * (fraction >= 0 ? fraction * source : fraction * shares.JOB);
        const moved = expectOk(participantSharesFromEmploymentEffect(shares, effectPp));
        expect(Math.abs(sum(moved) - 1)).toBeLessThan(1e-9);
        for (const state of OUTCOME_STATES) {
          expect(moved[state]).toBeGreaterThanOrEqual(0);
          expect(moved[state]).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
