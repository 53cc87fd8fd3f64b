import { describe, expect, it } from "vitest";
import { effectEstimates } from "../../src/engine/effect";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";

const pilot = expectOk(pilotScenario(2023));

/** Review F9 (reliability.md): measuredParticipants above the participants narrowed the interval (5.6–16.7 pp). */
describe("effect estimates: the measured participants", () => {
  it("more measured than took part gives no interval and says why (not a narrower interval)", () => {
    const scenario = { ...pilot, comparisonGroupSize: 100, measuredParticipants: 560 };
    const job = effectEstimates(scenario).JOB;
    expect(job.interval).toBeNull();
    expect(job.intervalMissingReason).toContain(
      "measuredParticipants (560) exceeds the participants of the cohorts (56)",
    );
    // The estimate itself does not depend on the count: 10/55 − 7 %.
    expect(job.estimatePp).toBeCloseTo(100 * (10 / 55 - 0.07), 12);
  });

  it("as many measured as took part, or fewer, still gives the interval (Wald, unpooled), computed by hand here", () => {
    const scenario = { ...pilot, comparisonGroupSize: 100, measuredParticipants: 56 };
    const job = effectEstimates(scenario).JOB;
    const p1 = 10 / 55;
    const p2 = 0.07;
    const standardError = Math.sqrt((p1 * (1 - p1)) / 56 + (p2 * (1 - p2)) / 100);
    expect(job.interval?.standardErrorPp).toBeCloseTo(100 * standardError, 9);
    expect(job.interval?.lowerPp).toBeCloseTo(100 * (p1 - p2 - 1.959963984540054 * standardError), 6);
    expect(effectEstimates({ ...scenario, measuredParticipants: 40 }).JOB.interval).not.toBeNull();
  });
});
