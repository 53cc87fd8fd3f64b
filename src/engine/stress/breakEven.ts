/**
 * The investor's break-even success rate p*: the share of participants achieving the priced metric at which the
 * investor's NPV at its hurdle is 0 (payments-and-peers.md c). Deterministic: expected outcomes, no sampling noise.
 *
 * How p maps into the outcome shares (effectScale.ts, `sharesAtMetricShare`): the participants' share in the metric's
 * states (selfSupporting: JOB + JOB_UNK, plus EDU when education counts; paidHours: JOB_PART) is set to p, keeping
 * the measured proportions between those states; the difference comes from (or goes to) the transfer states TEMP,
 * PERM and FLEX in proportion to their shares; every other state, and the comparison group, keep their shares. So p
 * ranges from 0 to the metric's measured share plus the transfer states' share (pilot selfSupporting: 0 to 42/55 =
 * 76.4 %). Everything downstream (sustainment metrics through ρ^k, thresholds, baseline, caps, a savings share) follows
 * from the shares through the engine.
 *
 * With a linear uncapped rate card, draws as costs fall due and one payment month t_p, the NPV is linear in p and
 * p* = (PV_h(costs)·(1 + h_m)^t_p / N − Σ_{other metrics} price·share) / price_metric (checked in the tests by hand).
 * Caps and thresholds make it nonlinear; the solver needs only that the NPV does not fall as p rises.
 */
import { effectiveParticipantShares } from "../neutralise";
import { computeBusinessCase } from "../businessCase";
import { fail, failMany, issue, ok, type Result } from "../errors";
import { metricStates, parseMetric, type MetricDefinition } from "../payment/metrics";
import { evaluateDeal, withParticipantShares } from "./deal";
import { metricShareRange, sharesAtMetricShare } from "./effectScale";
import { validateStressInputs, type StressInputs } from "./model";
import { conditionBoundary } from "./solve";

/** The break-even success rate and what it rests on. */
export interface BreakEvenRate {
  /** p*: the share of participants (0–1) achieving the metric at which the investor's NPV at the hurdle is 0. */
  readonly rate: number;
  /** The metric p is the share of (`selfSupporting` or `paidHours`). */
  readonly metric: string;
  readonly hurdleRate: number;
  /** The metric's measured participant share (the scenario's). */
  readonly measuredRate: number;
  /** The largest p the mapping allows. */
  readonly maxRate: number;
  /** The investor's NPV at the hurdle at p* (≥ 0, within the solver's tolerance of 0), kr. */
  readonly npvAtRate: number;
  /** True when even p = 0 reaches the hurdle (e.g. a base fee or principal protection covers it): p* is then 0. */
  readonly reachedAtZero: boolean;
}

/**
 * The break-even success rate (see the module comment). Fails with InvalidInput for bad inputs, a bad hurdle (field
 * `hurdleRate`) or a metric other than selfSupporting or paidHours (field `metric`), and with Impossible when even
 * the largest p leaves the investor below its hurdle.
 * @param inputs Scenario, payment terms and investor terms.
 * @param hurdleRate Effective annual hurdle, above −1 (0 = money back undiscounted; 0.08 = 8 % a year).
 * @param metric `selfSupporting` or `paidHours`, or null for the first rate-card metric of those two kinds with a
 *   price above 0 (else selfSupporting).
 * @returns p* and the NPV at it.
 * @example breakEvenSuccessRate(pilotInputs, 0, null) // ok({ rate: 0.3182, ... }): 31.8 % self-supporting at 0 %
 */
export function breakEvenSuccessRate(
  inputs: StressInputs,
  hurdleRate: number,
  metric: string | null,
): Result<BreakEvenRate> {
  const issues = validateStressInputs(inputs);
  if (!(Number.isFinite(hurdleRate) && hurdleRate > -1 && hurdleRate <= 10)) {
    issues.push(
      issue(
        "InvalidInput",
        "hurdleRate",
        "range",
        `hurdleRate must be an effective annual rate above -1 and at most 10 (0.08 = 8 %), got ${hurdleRate}.`,
      ),
    );
  }
  const definition = metric === null ? defaultMetric(inputs) : parseMetric(metric);
  // A progression metric's shares are given, not outcome states: there is no success rate of states to move.
  if (definition === null || definition.kind === "sustained" || definition.kind === "progression") {
    issues.push(
      issue(
        "InvalidInput",
        "metric",
        "oneOf",
        `metric must be selfSupporting or paidHours (the share at the measurement month; sustained metrics follow through the persistence, progression metrics are given shares), got ${JSON.stringify(metric)}.`,
      ),
    );
  }
  if (issues.length > 0 || definition === null) return failMany(issues);

  const { scenario } = inputs;
  const states = metricStates(definition.kind, inputs.paymentTerms.includeEducation);
  // Start from the effective shares (after neutraliseStates); the shifted distribution is then used as it is.
  const participantShares = effectiveParticipantShares(scenario);
  const range = metricShareRange(participantShares, states);
  const npvAt = (share: number): number => {
    const shifted = {
      ...withParticipantShares(scenario, sharesAtMetricShare(participantShares, states, share)),
      neutraliseStates: [],
    };
    return evaluateDeal({ ...inputs, scenario: shifted }, hurdleRate, computeBusinessCase(shifted)).investorNpv;
  };
  const base = { metric: definition.id, hurdleRate, measuredRate: range.measured, maxRate: range.max };
  const atZero = npvAt(0);
  if (atZero >= 0) return ok({ ...base, rate: 0, npvAtRate: atZero, reachedAtZero: true });
  const atMax = npvAt(range.max);
  if (!(atMax >= 0)) {
    return fail(
      "Impossible",
      "rate",
      "reachable",
      `The investor does not reach its hurdle of ${percent(hurdleRate)} a year at any success rate: even with ${percent(range.max)} of participants ${definition.id} (everyone on TEMP, PERM or FLEX moved there), its NPV is ${Math.round(atMax).toLocaleString("en-US")} kr.`,
    );
  }
  const rate = conditionBoundary((share) => npvAt(share) >= 0, range.max, 0);
  return ok({ ...base, rate, npvAtRate: npvAt(rate), reachedAtZero: false });
}

/** The first rate-card metric of kind selfSupporting or paidHours with a price above 0; else selfSupporting. */
function defaultMetric(inputs: StressInputs): MetricDefinition | null {
  for (const line of inputs.paymentTerms.rateCard) {
    const definition = parseMetric(line.metric);
    if (definition !== null && definition.kind !== "sustained" && line.price > 0) return definition;
  }
  return parseMetric("selfSupporting");
}

function percent(rate: number): string {
  return `${Number((100 * rate).toPrecision(4))} %`;
}
