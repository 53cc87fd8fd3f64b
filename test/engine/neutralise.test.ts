import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseReport } from "../../src/cli/report";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { effectEstimates } from "../../src/engine/effect";
import { expectOk } from "../../src/engine/errors";
import { applyInputs, findInputField } from "../../src/engine/inputs";
import { pilotModel } from "../../src/engine/modelFile";
import { effectiveParticipantShares, neutralisedParticipantShares } from "../../src/engine/neutralise";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { sensitivityInputs, stressModel } from "../../src/engine/stress/index";
import { OUTCOME_STATES, type OutcomeState, type PerState } from "../../src/engine/states";
import { validateScenario } from "../../src/engine/validate";
import { scenarioArbitrary, sharesArbitrary, statesSubsetArbitrary } from "./support/randomScenario";

const pilot = expectOk(pilotScenario(2023));

function shares(values: Partial<Record<OutcomeState, number>>): PerState<number> {
  const record = {} as Record<OutcomeState, number>;
  for (const state of OUTCOME_STATES) record[state] = values[state] ?? 0;
  return record;
}

describe("neutralisedParticipantShares: the rule of issue 9", () => {
  // Pilot participants 10/5/9/0/0/27/0/4 of 55; comparison 7/5/10/1/2/63/10/2 %.
  it("ABROAD: participants get the comparison's 2 %, the rest is scaled by 0.98 / (51/55)", () => {
    const result = expectOk(neutralisedParticipantShares(pilot.participantShares, pilot.comparisonShares, ["ABROAD"]));
    expect(result.ABROAD).toBe(0.02);
    expect(result.JOB).toBeCloseTo((10 * 0.98) / 51, 15);
    expect(result.TEMP).toBeCloseTo((27 * 0.98) / 51, 15);
    expect(result.EDU).toBe(0);
  });

  it("ABROAD and PERM: 2 % and 10 %, the rest scaled by 0.88 / (51/55)", () => {
    const result = expectOk(
      neutralisedParticipantShares(pilot.participantShares, pilot.comparisonShares, ["ABROAD", "PERM"]),
    );
    expect(result.ABROAD).toBe(0.02);
    expect(result.PERM).toBe(0.1);
    expect(result.JOB).toBeCloseTo((10 * 0.88) / 51, 15);
    expect(result.JOB_PART).toBeCloseTo((9 * 0.88) / 51, 15);
    expect(OUTCOME_STATES.reduce((sum, state) => sum + result[state], 0)).toBeCloseTo(1, 15);
  });

  it("an empty set returns the participant shares unchanged (the same object)", () => {
    const result = expectOk(neutralisedParticipantShares(pilot.participantShares, pilot.comparisonShares, []));
    expect(result).toBe(pilot.participantShares);
  });

  it("all participants in N while the comparison group is not: an error naming neutraliseStates", () => {
    const result = neutralisedParticipantShares(shares({ ABROAD: 1 }), pilot.comparisonShares, ["ABROAD"]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.field).toBe("neutraliseStates");
      expect(result.issues[0]?.message).toContain("neutraliseStates cannot be applied");
    }
  });

  it("0/0: both groups entirely in N gives the comparison shares on N and 0 elsewhere", () => {
    const participant = shares({ ABROAD: 0.5, PERM: 0.5 });
    const comparison = shares({ ABROAD: 0.2, PERM: 0.8 });
    const result = expectOk(neutralisedParticipantShares(participant, comparison, ["ABROAD", "PERM"]));
    expect(result).toEqual(comparison);
  });

  it("the comparison group entirely in N: the other states get 0", () => {
    const comparison = shares({ TEMP: 1 });
    const result = expectOk(neutralisedParticipantShares(pilot.participantShares, comparison, ["TEMP"]));
    expect(result).toEqual(shares({ TEMP: 1 }));
  });

  it("property (200 runs): shares sum to 1, N gets the comparison shares, the others keep their proportions, idempotent", () => {
    fc.assert(
      fc.property(sharesArbitrary, sharesArbitrary, statesSubsetArbitrary, (p, c, n) => {
        const result = neutralisedParticipantShares(p, c, n);
        const pInN = n.reduce((sum, state) => sum + p[state], 0);
        const cInN = n.reduce((sum, state) => sum + c[state], 0);
        if (!result.ok) {
          // Only when the participants have no mass outside N but the comparison group does.
          expect(1 - pInN).toBeLessThanOrEqual(1e-6);
          expect(1 - cInN).toBeGreaterThan(1e-6);
          return;
        }
        const q = result.value;
        expect(Math.abs(OUTCOME_STATES.reduce((sum, state) => sum + q[state], 0) - 1)).toBeLessThan(1e-12);
        for (const state of n) expect(q[state]).toBe(c[state]);
        const others = OUTCOME_STATES.filter((state) => !n.includes(state));
        const anchor = others.find((state) => p[state] > 1e-3);
        if (anchor !== undefined && 1 - cInN > 1e-6) {
          for (const state of others) expect(q[state] / q[anchor]).toBeCloseTo(p[state] / p[anchor], 9);
        }
        const again = expectOk(neutralisedParticipantShares(q, c, n));
        for (const state of OUTCOME_STATES) expect(again[state]).toBeCloseTo(q[state], 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe("neutralisation applies everywhere the engine reads participant shares", () => {
  it("property (60 runs): the business case and the payment schedule equal those of the neutralised shares typed in", () => {
    const terms = expectOk(pilotModel()).paymentTerms;
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const typedIn: Scenario = {
          ...scenario,
          participantShares: effectiveParticipantShares(scenario),
          neutraliseStates: [],
        };
        const a = computeBusinessCase(scenario);
        const b = computeBusinessCase(typedIn);
        expect(a.npv).toEqual(b.npv);
        expect(a.effectAtMeasurement).toEqual(b.effectAtMeasurement);
        expect(computePaymentSchedule(scenario, a, terms).total).toEqual(
          computePaymentSchedule(typedIn, b, terms).total,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("the effect of a neutralised state is 0 pp and it has no confidence interval", () => {
    const estimates = effectEstimates({ ...pilot, comparisonGroupSize: 100, neutraliseStates: ["PERM"] });
    expect(estimates.PERM.estimatePp).toBe(0);
    expect(estimates.PERM.interval).toBeNull();
    expect(estimates.PERM.intervalMissingReason).toContain("neutralised");
    expect(estimates.JOB.interval).not.toBeNull();
  });

  it("the pilot with ABROAD and PERM neutralised: the shares of the rule, municipality below 0 (the review's point)", () => {
    const scenario: Scenario = { ...pilot, neutraliseStates: ["ABROAD", "PERM"] };
    const result = computeBusinessCase(scenario);
    // Independent: Δ_JOB = 10·0.88/51 − 0.07 (the rule's share minus the comparison's 7 %).
    expect(result.effectAtMeasurement.JOB).toBeCloseTo((10 * 0.88) / 51 - 0.07, 14);
    expect(result.effectAtMeasurement.ABROAD).toBe(0);
    expect(result.effectAtMeasurement.PERM).toBe(0);
    // The review moved the excess to TEMP instead (−1,336 kr); the rule also scales the employment states down by
    // 0.88·55/51 = 0.949, so the municipality ends lower still. Only the sign and the break-even are compared here.
    expect(result.npv.perParticipant.municipality).toBeLessThan(-1_336);
    expect(result.breakEvenMonth.municipality).toBeNull();
  });

  it("the CLI report lists the neutralised states", () => {
    const model = expectOk(pilotModel());
    const report = caseReport({ ...model, scenario: { ...model.scenario, neutraliseStates: ["ABROAD"] } });
    expect(report.neutraliseStates).toEqual(["ABROAD"]);
    expect(report.attribution.municipality.ABROAD).toBe(0);
  });
});

describe("bad neutralisation input: one clear issue naming the field", () => {
  it("unknown state id", () => {
    const issues = validateScenario({ ...pilot, neutraliseStates: ["MARS" as OutcomeState] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("neutraliseStates[0]");
    expect(issues[0]?.message).toBe(
      'neutraliseStates[0] must be one of the state ids JOB, JOB_UNK, JOB_PART, EDU, FLEX, TEMP, PERM, ABROAD, got "MARS".',
    );
  });

  it("duplicate state id", () => {
    const issues = validateScenario({ ...pilot, neutraliseStates: ["ABROAD", "PERM", "ABROAD"] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("neutraliseStates[2]");
    expect(issues[0]?.rule).toBe("unique");
    expect(issues[0]?.message).toContain("ABROAD is listed twice in neutraliseStates");
  });

  it("a neutralisation that cannot be applied", () => {
    const issues = validateScenario({
      ...pilot,
      participantShares: shares({ ABROAD: 1 }),
      neutraliseStates: ["ABROAD"],
    });
    expect(issues.map((item) => item.field)).toEqual(["neutraliseStates"]);
  });

  it("unknown attribution reference", () => {
    const issues = validateScenario({ ...pilot, attributionReference: "NONE" as OutcomeState });
    expect(issues.map((item) => `${item.field} ${item.rule}`)).toEqual(["attributionReference oneOf"]);
  });

  it("scenario files: a list of ids is read; an unknown id or a text instead of a list is refused", () => {
    const good = expectOk(parseScenarioFile({ neutraliseStates: ["ABROAD", "PERM"], attributionReference: "JOB" }));
    expect(good.scenario.neutraliseStates).toEqual(["ABROAD", "PERM"]);
    expect(good.scenario.attributionReference).toBe("JOB");
    const unknown = parseScenarioFile({ neutraliseStates: ["abroad"] });
    expect(unknown.ok ? [] : unknown.issues.map((item) => item.field)).toEqual(["neutraliseStates[0]"]);
    const text = parseScenarioFile({ neutraliseStates: "ABROAD" });
    expect(text.ok ? [] : text.issues.map((item) => item.message)).toEqual([
      "neutraliseStates must be an array, got string.",
    ]);
  });
});

describe("named inputs neutralise.<STATE> and attributionReference", () => {
  it("1 neutralises, 0 counts again, in the order of the states", () => {
    const set = expectOk(
      applyInputs(pilot, [
        ["neutralise.PERM", 1],
        ["neutralise.ABROAD", 1],
      ]),
    );
    expect(set.neutraliseStates).toEqual(["PERM", "ABROAD"]);
    expect(findInputField("neutralise.ABROAD")?.get(set)).toBe(1);
    const unset = expectOk(applyInputs(set, [["neutralise.PERM", 0]]));
    expect(unset.neutraliseStates).toEqual(["ABROAD"]);
    expect(findInputField("neutralise.PERM")?.get(unset)).toBe(0);
  });

  it("refuses values other than 1 and 0 with a message naming the input", () => {
    const result = applyInputs(pilot, [["neutralise.ABROAD", 0.5]]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.message).toBe(
        "neutralise.ABROAD must be 1 (neutralised: the difference in ABROAD is not counted as an effect) or 0 (counted), got 0.5.",
      );
    }
    expect(applyInputs(pilot, [["neutralise.ABROAD", "ja"]]).ok).toBe(false);
  });

  it("attributionReference takes a state id (any case) and refuses others", () => {
    expect(expectOk(applyInputs(pilot, [["attributionReference", "perm"]])).attributionReference).toBe("PERM");
    const bad = applyInputs(pilot, [["attributionReference", "X"]]);
    expect(bad.ok ? "" : bad.issues[0]?.message).toContain("attributionReference must be one of the state ids");
  });
});

describe("stress tests start from the effective shares", () => {
  it("the stress model's participant shares are the neutralised ones, and the sensitivity's base effect is the business case's", () => {
    const model = expectOk(pilotModel());
    const scenario: Scenario = { ...model.scenario, neutraliseStates: ["ABROAD", "PERM"] };
    const inputs = { scenario, paymentTerms: model.paymentTerms, investorTerms: model.investorTerms };
    const compiled = expectOk(stressModel(inputs));
    const effective = effectiveParticipantShares(scenario);
    OUTCOME_STATES.forEach((state, index) => expect(compiled.effect.participant[index]).toBe(effective[state]));
    const effect = sensitivityInputs(inputs, 0.05).find((input) => input.name === "effect");
    const atBase = effect?.at(1).inputs.scenario;
    expect(atBase === undefined ? null : computeBusinessCase(atBase).npv).toEqual(computeBusinessCase(scenario).npv);
  });
});
