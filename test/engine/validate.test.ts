import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { MAX_COHORTS } from "../../src/engine/limits";
import { pilotScenario } from "../../src/engine/pilot";
import { runBusinessCase } from "../../src/engine/run";
import type { Scenario } from "../../src/engine/scenario";
import { validateScenario } from "../../src/engine/validate";

const pilot = expectOk(pilotScenario(2023));

function issuesOf(change: Partial<Scenario>) {
  return validateScenario({ ...pilot, ...change });
}

describe("scenario validation names the field and the rule", () => {
  it("accepts the pilot", () => {
    expect(validateScenario(pilot)).toEqual([]);
  });

  it.each<[string, Partial<Scenario>, string, string]>([
    ["horizon 0", { horizonMonths: 0 }, "horizonMonths", "integer"],
    ["horizon 12.5", { horizonMonths: 12.5 }, "horizonMonths", "integer"],
    ["horizon above 35 years", { horizonMonths: 421 }, "horizonMonths", "integer"],
    ["discount rate −100 %", { discountRate: -1 }, "discountRate", "range"],
    ["discount rate NaN", { discountRate: Number.NaN }, "discountRate", "range"],
    ["negative cost", { costPerParticipant: -1 }, "costPerParticipant", "range"],
    [
      "negative participants",
      { cohorts: [{ participants: -5, intakeMonth: 0 }] },
      "cohorts[0].participants",
      "integer",
    ],
    ["no cohorts", { cohorts: [] }, "cohorts", "required"],
    ["persistence above 1", { persistence: 1.2 }, "persistence", "range"],
    ["measurement after the horizon", { measurementMonth: 60 }, "measurementMonth", "integer"],
    ["U above 1", { equalisationShare: 1.5 }, "equalisationShare", "range"],
    ["NAF 0", { socioEconomic: { ...pilot.socioEconomic, netTaxFactor: 0 } }, "socioEconomic.netTaxFactor", "range"],
    ["comparison size 0", { comparisonGroupSize: 0 }, "comparisonGroupSize", "integer"],
    ["cost timing", { costTiming: "later" as Scenario["costTiming"] }, "costTiming", "oneOf"],
    [
      "refusion not from week 1",
      { refusionSteps: [{ fromWeek: 5, share: 0.4 }] },
      "refusionSteps[0].fromWeek",
      "start",
    ],
    [
      "refusion not sorted",
      {
        refusionSteps: [
          { fromWeek: 1, share: 0.8 },
          { fromWeek: 27, share: 0.3 },
          { fromWeek: 5, share: 0.4 },
        ],
      },
      "refusionSteps[2].fromWeek",
      "increasing",
    ],
  ])("%s", (_, change, field, rule) => {
    const issues = issuesOf(change);
    expect(issues.map((i) => [i.field, i.rule])).toContainEqual([field, rule]);
    const found = issues.find((i) => i.field === field);
    expect(found?.message).toContain(field);
    expect(found?.code).toBe("InvalidInput");
  });

  it("reports a share outside 0–1 and the broken sum", () => {
    const issues = issuesOf({ participantShares: { ...pilot.participantShares, JOB: 1.2 } });
    expect(issues.map((i) => i.field)).toEqual(["participantShares.JOB", "participantShares"]);
    expect(issues[1]?.rule).toBe("sum");
  });

  it("reports shares that do not sum to 1 within 1e-6, and accepts a 1e-7 rounding", () => {
    const off = { ...pilot.comparisonShares, TEMP: pilot.comparisonShares.TEMP - 0.01 };
    expect(issuesOf({ comparisonShares: off }).map((i) => i.rule)).toEqual(["sum"]);
    const rounding = { ...pilot.comparisonShares, TEMP: pilot.comparisonShares.TEMP + 1e-7 };
    expect(issuesOf({ comparisonShares: rounding })).toEqual([]);
  });

  it("a state's negative wage and a bad payer name the state", () => {
    const states = {
      ...pilot.states,
      JOB: { ...pilot.states.JOB, wage: -1 },
      EDU: { ...pilot.states.EDU, benefitPayer: "region" as "state" },
    };
    expect(issuesOf({ states }).map((i) => i.field)).toEqual(["states.JOB.wage", "states.EDU.benefitPayer"]);
  });

  it.each([
    ["wage", -1],
    ["benefit", -0.01],
    ["healthCost", -1],
    ["healthCost", Number.NaN],
    ["healthCost", 1e9 + 1],
  ] as const)(
    "every state's %s is checked (%d): the rule names the state and the field (review M24)",
    (field, value) => {
      for (const state of ["TEMP", "ABROAD"] as const) {
        const states = { ...pilot.states, [state]: { ...pilot.states[state], [field]: value } };
        expect(issuesOf({ states }).map((i) => `${i.field} ${i.rule}`)).toEqual([`states.${state}.${field} range`]);
      }
    },
  );

  it("runBusinessCase returns every issue instead of a number", () => {
    const result = runBusinessCase({ ...pilot, horizonMonths: 0, discountRate: -2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toEqual(["horizonMonths", "discountRate"]);
  });
});

describe("review F9: measuredParticipants at most the participants, comparisonGroupSize at least 1", () => {
  // The pilot: one cohort of 56 participants (DOMAIN.md; COWI/PDJF 2023), 55 of them measured.
  it("56 measured of 56 is valid; 57 and the review's 1,000 are refused naming the field and the total", () => {
    expect(issuesOf({ measuredParticipants: 56 })).toEqual([]);
    for (const measured of [57, 1000]) {
      expect(issuesOf({ measuredParticipants: measured })).toEqual([
        {
          code: "InvalidInput",
          field: "measuredParticipants",
          rule: "atMostParticipants",
          message: `measuredParticipants must be at most the participants (56), or empty for all of them, got ${measured}.`,
        },
      ]);
    }
  });

  it("the total is summed over the cohorts: 30 + 26 participants allow 56 measured, not 57", () => {
    const cohorts = [
      { participants: 30, intakeMonth: 0 },
      { participants: 26, intakeMonth: 6 },
    ];
    expect(issuesOf({ cohorts, measuredParticipants: 56 })).toEqual([]);
    expect(issuesOf({ cohorts, measuredParticipants: 57 }).map((item) => item.rule)).toEqual(["atMostParticipants"]);
  });

  it("null means all participants; invalid cohorts are reported by their own rule only", () => {
    expect(issuesOf({ measuredParticipants: null })).toEqual([]);
    const bad = issuesOf({ cohorts: [{ participants: 0, intakeMonth: 0 }], measuredParticipants: 55 });
    expect(bad.map((item) => item.field)).toEqual(["cohorts[0].participants"]);
  });

  it("comparisonGroupSize, when given, is at least 1 (and a whole number up to 10,000,000)", () => {
    expect(issuesOf({ comparisonGroupSize: 1 })).toEqual([]);
    for (const size of [0, -1, 0.5, 10_000_001]) {
      expect(issuesOf({ comparisonGroupSize: size }).map((item) => [item.field, item.rule])).toEqual([
        ["comparisonGroupSize", "integer"],
      ]);
    }
  });

  it(`more than ${MAX_COHORTS} cohorts are refused in one issue before any cohort is checked`, () => {
    const cohorts = Array.from({ length: MAX_COHORTS + 1 }, () => ({ participants: 0, intakeMonth: -1 }));
    expect(issuesOf({ cohorts, measuredParticipants: null })).toEqual([
      {
        code: "InvalidInput",
        field: "cohorts",
        rule: "maxItems",
        message: `cohorts must list at most ${MAX_COHORTS} cohorts (a monthly intake for ten years), got ${MAX_COHORTS + 1}.`,
      },
    ]);
  });
});
