/**
 * Typed-array reference of the business case (issue 10 item 5): computeBusinessCase's arithmetic in one function on
 * Float64Arrays (same order of operations, the same net-cost tables for taxes and refusion, kept between calls as the
 * engine keeps them), with every output of the engine that carries a number: monthly flows of the six accounts and
 * the cost, NPVs, undiscounted totals, break-even months, per-cohort NPVs and the attribution rows. Adapted from the review's perf/bcKernel.ts
 * (../shared/reviews/performance.md, M2), extended with the attribution. The bench times it next to the engine in the
 * same run and checks that both give the same numbers (Object.is), so the ratio compares equal work.
 */
import { ACCOUNTS, type BusinessCaseResult } from "../src/engine/businessCase";
import { EFFECT_SUM_RESIDUE } from "../src/engine/attribution";
import { BUDGET_HOLDERS } from "../src/engine/budgetHolders";
import { monthlyDiscountFactor } from "../src/engine/discount";
import { effectProfile } from "../src/engine/effectProfile";
import { cachedNetCostTable } from "../src/engine/netCostCache";
import { effectiveParticipantShares } from "../src/engine/neutralise";
import type { Scenario } from "../src/engine/scenario";
import { OUTCOME_STATES } from "../src/engine/states";

const A = 6; // accounts, in ACCOUNTS order
const S = 8; // outcome states, in OUTCOME_STATES order
const ROWS = S + 1; // attribution rows: the states, then cost

/** Outputs of {@link businessCaseKernel}: flat arrays, account-major where two indices. */
export interface KernelResult {
  readonly participants: number;
  readonly months: number;
  readonly cost: Float64Array;
  /** netFlow[a·months + t] */
  readonly netFlow: Float64Array;
  readonly npv: Float64Array;
  readonly undiscounted: Float64Array;
  /** −1 = never */
  readonly breakEven: Float64Array;
  /** cohortNpv[c·6 + a] */
  readonly cohortNpv: Float64Array;
  /** attribution[a·9 + row] (kr, total) */
  readonly attribution: Float64Array;
}

/** The business case of a validated scenario on typed arrays (see the file comment). */
export function businessCaseKernel(scenario: Scenario): KernelResult {
  const horizon = scenario.horizonMonths;
  const cohorts = scenario.cohorts;
  let lastIntake = -Infinity;
  let participants = 0;
  for (const c of cohorts) {
    if (c.intakeMonth > lastIntake) lastIntake = c.intakeMonth;
    participants += c.participants;
  }
  const months = lastIntake + horizon;
  const shares = effectiveParticipantShares(scenario);
  const effect = new Float64Array(S);
  const wage = new Float64Array(S);
  const health = new Float64Array(S);
  OUTCOME_STATES.forEach((s, i) => {
    effect[i] = shares[s] - scenario.comparisonShares[s];
    wage[i] = scenario.states[s].wage;
    health[i] = scenario.states[s].healthCost;
  });
  let wageGain = 0;
  let healthSaving = 0;
  let effectSum = 0;
  for (let s = 0; s < S; s++) wageGain += (effect[s] as number) * (wage[s] as number);
  for (let s = 0; s < S; s++) healthSaving += (effect[s] as number) * (health[s] as number);
  for (let s = 0; s < S; s++) effectSum += effect[s] as number;
  healthSaving = -healthSaving;
  if (Math.abs(effectSum) <= EFFECT_SUM_RESIDUE) effectSum = 0;
  // The engine's kept tables (src/engine/netCostCache.ts), so both sides skip rebuilding them for the same inputs.
  const table = cachedNetCostTable(scenario).table;
  const social = scenario.socioEconomic;
  // One saving and one value table per distinct refusion share.
  const refusions: number[] = [];
  const savings: Float64Array[] = [];
  const tableOfMonth = new Int32Array(horizon);
  const flow = new Float64Array(horizon * A);
  const costs = new Float64Array(horizon);
  const share = new Float64Array(horizon);
  for (let t = 0; t < horizon; t++) {
    const refusion = table.refusionByMonth[t] as number;
    let index = refusions.indexOf(refusion);
    if (index < 0) {
      const nc = table.netCost(t);
      const saving = new Float64Array(4);
      for (let s = 0; s < S; s++) {
        const state = nc[OUTCOME_STATES[s] as (typeof OUTCOME_STATES)[number]];
        for (let h = 0; h < 4; h++) {
          saving[h] = (saving[h] as number) - (effect[s] as number) * state[BUDGET_HOLDERS[h] as "state"];
        }
      }
      index = refusions.length;
      refusions.push(refusion);
      savings.push(saving);
    }
    tableOfMonth[t] = index;
    const saving = savings[index] as Float64Array;
    const g = effectProfile(t, scenario.measurementMonth, scenario.persistence);
    const cost = scenario.costTiming === "upfront" ? (t === 0 ? scenario.costPerParticipant : 0) : t < scenario.interventionMonths ? scenario.costPerParticipant / scenario.interventionMonths : 0; // prettier-ignore
    const m = (saving[0] as number) * g;
    const st = (saving[1] as number) * g;
    const r = (saving[2] as number) * g;
    const o = (saving[3] as number) * g;
    const publicSaving = 0 + m + st + r + o;
    const b = t * A;
    flow[b] = m - cost;
    flow[b + 1] = st;
    flow[b + 2] = r;
    flow[b + 3] = o;
    flow[b + 4] = publicSaving - cost;
    flow[b + 5] =
      social.netTaxFactor * (social.employerCostFactor * wageGain * g + healthSaving * g - cost) +
      (social.distortionFactor - 1) * (publicSaving - cost);
    costs[t] = cost;
    share[t] = g;
  }
  const df = new Float64Array(months);
  for (let t = 0; t < months; t++) df[t] = monthlyDiscountFactor(scenario.discountRate, t);
  const cost = new Float64Array(months);
  const netFlow = new Float64Array(A * months);
  const cohortNpv = new Float64Array(A * cohorts.length);
  const weight = new Float64Array(horizon);
  cohorts.forEach((cohort, c) => {
    const n = cohort.participants;
    for (let t = 0; t < horizon; t++) {
      const cal = cohort.intakeMonth + t;
      const d = df[cal] as number;
      weight[t] = (weight[t] as number) + n * d;
      cost[cal] = (cost[cal] as number) + n * (costs[t] as number);
      for (let a = 0; a < A; a++) {
        const v = n * (flow[t * A + a] as number);
        netFlow[a * months + cal] = (netFlow[a * months + cal] as number) + v;
        cohortNpv[c * A + a] = (cohortNpv[c * A + a] as number) + v * d;
      }
    }
  });
  const npv = new Float64Array(A);
  const undiscounted = new Float64Array(A);
  const breakEven = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    let sum = 0;
    let plain = 0;
    let cumulative = 0;
    let candidate = -1;
    let any = false;
    for (let t = 0; t < months; t++) {
      const v = netFlow[a * months + t] as number;
      sum += v * (df[t] as number);
      plain += v;
      if (v !== 0) any = true;
      cumulative += v * (df[t] as number);
      if (cumulative >= -1e-9) {
        if (candidate < 0) candidate = t + 1;
      } else candidate = -1;
    }
    npv[a] = sum;
    undiscounted[a] = plain;
    breakEven[a] = any ? candidate : -1;
  }
  // Attribution: weights per table in month order, then rows per table, state and account.
  const tableWeight = new Float64Array(refusions.length);
  let discountedCost = 0;
  for (let t = 0; t < horizon; t++) {
    const i = tableOfMonth[t] as number;
    tableWeight[i] = (tableWeight[i] as number) + (weight[t] as number) * (share[t] as number);
    discountedCost += (weight[t] as number) * (costs[t] as number);
  }
  const attribution = new Float64Array(A * ROWS);
  const value = new Float64Array(S * A);
  const reference = OUTCOME_STATES.indexOf(scenario.attributionReference);
  refusions.forEach((_, i) => {
    const nc = table.netCost(tableOfMonth.indexOf(i));
    for (let s = 0; s < S; s++) {
      const state = OUTCOME_STATES[s] as (typeof OUTCOME_STATES)[number];
      const c = nc[state];
      const publicValue = -(0 + c.municipality + c.state + c.region + c.otherMunicipalities);
      value[s * A] = -c.municipality;
      value[s * A + 1] = -c.state;
      value[s * A + 2] = -c.region;
      value[s * A + 3] = -c.otherMunicipalities;
      value[s * A + 4] = publicValue;
      value[s * A + 5] =
        social.netTaxFactor * (social.employerCostFactor * (wage[s] as number) - (health[s] as number)) +
        (social.distortionFactor - 1) * publicValue;
    }
    const w = tableWeight[i] as number;
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < A; a++) {
        const ref = value[reference * A + a] as number;
        const contribution =
          s === reference ? effectSum * ref : (effect[s] as number) * ((value[s * A + a] as number) - ref);
        attribution[a * ROWS + s] = (attribution[a * ROWS + s] as number) + w * contribution;
      }
    }
  });
  attribution[0 * ROWS + S] = -discountedCost;
  attribution[4 * ROWS + S] = -discountedCost;
  attribution[5 * ROWS + S] = -(social.netTaxFactor + social.distortionFactor - 1) * discountedCost;
  return { participants, months, cost, netFlow, npv, undiscounted, breakEven, cohortNpv, attribution };
}

/**
 * Number of output numbers on which the kernel and the engine differ (Object.is), over monthly cost and flows, NPVs,
 * undiscounted totals, break-even months, cohort NPVs and attribution totals; 0 = identical.
 */
export function kernelDifferences(engine: BusinessCaseResult, kernel: KernelResult): number {
  let differences = 0;
  const check = (a: number, b: number): void => {
    if (!Object.is(a, b)) differences++;
  };
  engine.monthly.cost.forEach((v, t) => check(v, kernel.cost[t] as number));
  ACCOUNTS.forEach((account, a) => {
    check(engine.npv.total[account], kernel.npv[a] as number);
    check(engine.undiscounted.total[account], kernel.undiscounted[a] as number);
    check(engine.breakEvenMonth[account] ?? -1, kernel.breakEven[a] as number);
    engine.monthly.netFlow[account].forEach((v, t) => check(v, kernel.netFlow[a * kernel.months + t] as number));
    engine.cohorts.forEach((c, ci) => check(c.npv[account], kernel.cohortNpv[ci * A + a] as number));
    const rows = engine.attribution.total[account];
    OUTCOME_STATES.forEach((state, s) => check(rows[state], kernel.attribution[a * ROWS + s] as number));
    check(rows.cost, kernel.attribution[a * ROWS + S] as number);
  });
  return differences;
}
