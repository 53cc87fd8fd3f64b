/**
 * The provenance of each refusion step (input `refusion.week<N>`) is that step's own: a built-in share keeps its source
 * and a changed one is the user's, whichever step it is (issue 16's sample of 2 December 2026: reading the share of
 * another step, `fromWeek !== N`, passed every test).
 */
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { inputProvenance } from "../../src/engine/provenance";

const pilot = expectOk(pilotScenario());

describe("inputProvenance of the refusion steps", () => {
  it("the pilot's steps have different shares, so reading the wrong step would show", () => {
    const shares = pilot.refusionSteps.map((step) => step.share);
    expect(new Set(shares).size).toBe(shares.length);
    expect(shares.length).toBeGreaterThanOrEqual(2);
  });

  it.each(pilot.refusionSteps.map((step) => [step.fromWeek]))("week %i: the built-in share has its source", (week) => {
    expect(inputProvenance(pilot, `refusion.week${week}`).evidence).not.toBe("user");
  });

  it("a changed step is the user's; the others keep their source", () => {
    const [first, ...rest] = pilot.refusionSteps;
    if (first === undefined) throw new Error("the pilot has no refusion steps");
    const changed = {
      ...pilot,
      refusionSteps: [{ ...first, share: first.share === 0.5 ? 0.45 : 0.5 }, ...rest],
    };
    expect(inputProvenance(changed, `refusion.week${first.fromWeek}`).evidence).toBe("user");
    for (const step of rest)
      expect(inputProvenance(changed, `refusion.week${step.fromWeek}`).evidence).not.toBe("user");
  });
});
