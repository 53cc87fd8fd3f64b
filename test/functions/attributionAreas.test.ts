import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { attribution } from "../../src/functions/functions";

const pilot = expectOk(pilotScenario());

describe("SIB.ATTRIBUTION by consequence area (issue 15)", () => {
  it("without consequence inputs the table is as before: no area rows", () => {
    expect(attribution().some((row) => String(row[0]).startsWith("area:"))).toBe(false);
  });

  it("with a consequence input: area rows below total, summing to it; the crime row is the prison days saved", () => {
    const inputs = [
      ["consequence.prisonDay.change.inWork", -3],
      ["consequence.prisonDay.indexFactor", 1.2],
    ];
    const table = attribution("stat", inputs);
    const labels = table.map((row) => row[0]);
    expect(labels.slice(-10)).toEqual([
      "area:employment",
      "area:social",
      "area:childrenFamily",
      "area:health",
      "area:addiction",
      "area:crime",
      "area:housing",
      "area:jobCentre",
      "area:education",
      "area:other",
    ]);
    const value = (label: string): number => Number(table.find((row) => row[0] === label)?.[1]);
    const areas = table
      .filter((row) => String(row[0]).startsWith("area:"))
      .reduce((sum, row) => sum + Number(row[1]), 0);
    expect(Math.abs(areas - value("total"))).toBeLessThanOrEqual(1e-9 * Math.abs(value("total")));
    // Independent: 3 inmate-days a year fewer per person in work at 1,469 kr (Kriminalforsorgen 2015) × 1.2, paid by
    // the state; in-work Δ of the pilot's shares; ramp to the measurement month, then full effect (persistence 1);
    // mid-month discounting at 3.5 % a year over the horizon.
    const inWork = (["JOB", "JOB_UNK", "JOB_PART", "FLEX"] as const).reduce(
      (sum, state) => sum + pilot.participantShares[state] - pilot.comparisonShares[state],
      0,
    );
    expect([pilot.persistence, pilot.discountRate, pilot.neutraliseStates]).toEqual([1, 0.035, []]);
    let expected = 0;
    for (let t = 0; t < pilot.horizonMonths; t++) {
      const g = t < pilot.measurementMonth ? (t + 1) / pilot.measurementMonth : 1;
      expected += (g * inWork * 3 * 1469 * 1.2) / 12 / Math.pow(1.035, (t + 0.5) / 12);
    }
    expect(value("area:crime")).toBeCloseTo(expected, 6);
  });
});
