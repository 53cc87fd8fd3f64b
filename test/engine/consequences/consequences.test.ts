import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNTS } from "../../../src/engine/accounts";
import { ATTRIBUTION_ROWS } from "../../../src/engine/attribution";
import { computeBusinessCase } from "../../../src/engine/businessCase";
import { AREA_ROWS } from "../../../src/engine/consequences/flows";
import { expectOk } from "../../../src/engine/errors";
import { pilotScenario } from "../../../src/engine/pilot";
import type { Scenario } from "../../../src/engine/scenario";
import { validateScenario } from "../../../src/engine/validate";
import { perState } from "../../../src/engine/states";
import { scenarioArbitrary } from "../support/randomScenario";
import { consequenceRow, consequencesArbitrary } from "./support";

const pilot = expectOk(pilotScenario(2023));

/** Every number of `actual` is Object.is the number at the same path of `expected` (−0 vs 0 differs). */
function sameNumbers(expected: unknown, actual: unknown, path = "result"): string | null {
  if (typeof expected === "number")
    return Object.is(expected, actual) ? null : `${path}: ${expected} vs ${String(actual)}`;
  if (expected === null || typeof expected !== "object") return Object.is(expected, actual) ? null : path;
  if (actual === null || typeof actual !== "object") return `${path}: not an object`;
  for (const key of Object.keys(expected)) {
    if (key === "consequences") continue;
    const found = sameNumbers(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found !== null) return found;
  }
  return null;
}

/** Relative closeness with an absolute floor (kr). */
function close(a: number, b: number, floor = 1e-6): boolean {
  return Math.abs(a - b) <= Math.max(floor, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

describe("consequence rows (issue 15): the broad case", () => {
  it("rows whose change in use is 0 add exactly 0 to every number of the case (60 random scenarios)", () => {
    fc.assert(
      fc.property(scenarioArbitrary, consequencesArbitrary(true), (scenario, rows) => {
        const broad: Scenario = { ...scenario, consequences: rows };
        expect(validateScenario(broad)).toEqual([]);
        expect(sameNumbers(computeBusinessCase(scenario), computeBusinessCase(broad))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it("attribution rows by consequence area sum to the broad total; the employment row is the narrow case (60 runs)", () => {
    fc.assert(
      fc.property(scenarioArbitrary, consequencesArbitrary(false), (scenario, rows) => {
        const broad: Scenario = { ...scenario, consequences: rows };
        expect(validateScenario(broad)).toEqual([]);
        const broadCase = computeBusinessCase(broad);
        const narrowCase = computeBusinessCase(scenario);
        for (const account of ACCOUNTS) {
          const areas = broadCase.consequences.byArea.total[account];
          const sum = AREA_ROWS.reduce((total, row) => total + areas[row], 0);
          const scale = Math.max(1, ...AREA_ROWS.map((row) => Math.abs(areas[row])));
          expect(Math.abs(sum - broadCase.npv.total[account]) <= 1e-9 * scale, account).toBe(true);
          // The employment row is computed as a remainder: it must equal the narrow case computed on its own.
          const floor = 1e-7 * Math.max(1, Math.abs(broadCase.npv.total[account]), scale);
          expect(close(areas.employment, narrowCase.npv.total[account], floor), account).toBe(true);
          // The split by outcome state still sums (with cost) to the NPV: the consequence rows add their own split,
          // so the broad gap (rows + cost − NPV, a residue when Σ Δ is not exactly 0) is the narrow one.
          const gap = (result: typeof broadCase): number =>
            ATTRIBUTION_ROWS.reduce((total, row) => total + result.attribution.total[account][row], 0) -
            result.npv.total[account];
          // The reference row holds Σ Δ × v(ref), with Σ Δ below 1e-12 taken as 0 (src/engine/attribution.ts), so each
          // row may add at most |Σ Δ| × |its value of the reference state| to the gap: bounded here by the inputs
          // (|change_ref| × price × factor × valuation × participants × months × DF ≤ 2 / 12).
          const effectSum = Math.abs(
            Object.values(broadCase.effectAtMeasurement).reduce((total, delta) => total + delta, 0),
          );
          const social = broad.socioEconomic;
          const valuation = Math.max(1, Math.abs(social.netTaxFactor + social.distortionFactor - 1));
          const residue = rows.reduce(
            (total, row) =>
              total +
              (effectSum *
                Math.abs(row.changePerYear[broad.attributionReference]) *
                (row.unitPrice ?? 0) *
                (row.indexFactor ?? 1.2) *
                valuation *
                broadCase.participants *
                broad.horizonMonths *
                2) /
                12,
            0,
          );
          expect(
            Math.abs(gap(broadCase) - gap(narrowCase)) <= floor + residue,
            `${account} by state: ${gap(broadCase)} vs ${gap(narrowCase)}, residue bound ${residue}`,
          ).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("one row by hand: 1 inmate-day a month fewer in JOB, 1,000 kr a day, paid by the state", () => {
    // Independent calculation: every month t of the pilot's one cohort saves n × g(t) × Δ_JOB × 12 days × 1,000 kr / 12
    // for the state, discounted at mid-month with the monthly rate of 3.5 % a year; g(t) = (t + 1)/M before M, then 1.
    const row = consequenceRow({ changePerYear: perState((state) => (state === "JOB" ? -12 : 0)) });
    const result = computeBusinessCase({ ...pilot, consequences: [row] });
    const n = 56;
    const deltaJob = pilot.participantShares.JOB - pilot.comparisonShares.JOB;
    const monthly = Math.pow(1.035, 1 / 12) - 1;
    let expected = 0;
    for (let t = 0; t < pilot.horizonMonths; t++) {
      const g = t < pilot.measurementMonth ? (t + 1) / pilot.measurementMonth : 1;
      expected += (n * g * deltaJob * 12 * 1000) / 12 / Math.pow(1 + monthly, t + 0.5);
    }
    expect(pilot.cohorts[0]?.participants).toBe(n);
    expect(pilot.discountRate).toBe(0.035);
    expect(result.consequences.byArea.total.state.crime).toBeCloseTo(expected, 6);
    expect(result.npv.total.state - computeBusinessCase(pilot).npv.total.state).toBeCloseTo(expected, 6);
    expect(result.consequences.byArea.total.municipality.crime).toBe(0);
    // Society: (NAF + φ − 1) × the public saving = 1.0 × it for the pilot (NAF 1.0, φ 1.0).
    expect(result.consequences.byArea.total.socioEconomic.crime).toBeCloseTo(expected, 6);
    expect(result.consequences.rows.map((item) => item.id)).toEqual(["row"]);
  });

  it("a municipal row with refusion splits the saving, and a duration of 0 adds nothing", () => {
    const change = perState((state) => (state === "JOB" ? -1 : 0));
    const split = computeBusinessCase({
      ...pilot,
      consequences: [consequenceRow({ payer: "municipality", refusionShare: 0.25, changePerYear: change })],
    }).consequences.byArea.total;
    expect(split.state.crime / split.public.crime).toBeCloseTo(0.25, 12);
    expect(split.municipality.crime / split.public.crime).toBeCloseTo(0.75, 12);
    const never = computeBusinessCase({
      ...pilot,
      consequences: [consequenceRow({ durationMonths: 0, changePerYear: change })],
    });
    expect(never.npv.total.public).toBe(computeBusinessCase(pilot).npv.total.public);
  });

  it("a yearly decay of 50 % halves the change one year after the measurement month", () => {
    const change = perState((state) => (state === "JOB" ? -12 : 0));
    const flat = computeBusinessCase({ ...pilot, consequences: [consequenceRow({ changePerYear: change })] });
    const decayed = computeBusinessCase({
      ...pilot,
      consequences: [consequenceRow({ changePerYear: change, decayPerYear: 0.5 })],
    });
    const narrow = computeBusinessCase(pilot).monthly.netFlow.state;
    const month = pilot.measurementMonth + 12;
    const flatExtra = (flat.monthly.netFlow.state[month] ?? 0) - (narrow[month] ?? 0);
    const decayedExtra = (decayed.monthly.netFlow.state[month] ?? 0) - (narrow[month] ?? 0);
    expect(decayedExtra / flatExtra).toBeCloseTo(0.5, 10);
  });

  it("a price of another year is moved by the wage index: 2024 prices × 121.8/126.1 in parameter year 2023", () => {
    // lønindeks (personskattelovens § 20): 121.8 in 2023 and 126.1 in 2024 (Skatteministeriet, the indexed amounts).
    const change = perState((state) => (state === "JOB" ? -12 : 0));
    const in2023 = computeBusinessCase({ ...pilot, consequences: [consequenceRow({ changePerYear: change })] });
    const in2024 = computeBusinessCase({
      ...pilot,
      consequences: [consequenceRow({ changePerYear: change, priceYear: 2024 })],
    });
    expect(in2024.consequences.byArea.total.state.crime / in2023.consequences.byArea.total.state.crime).toBeCloseTo(
      121.8 / 126.1,
      12,
    );
    const ownIndex = computeBusinessCase({
      ...pilot,
      consequences: [consequenceRow({ changePerYear: change, priceYear: 2015, indexFactor: 1.2 })],
    });
    expect(ownIndex.consequences.byArea.total.state.crime / in2023.consequences.byArea.total.state.crime).toBeCloseTo(
      1.2,
      12,
    );
  });
});
