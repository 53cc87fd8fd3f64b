import { ACCOUNTS, type Account, type PerAccount } from "./accounts";
import { computeAttribution, type Attribution } from "./attribution";
import { BUDGET_HOLDERS, type BudgetHolder, type PerHolder } from "./budgetHolders";
import { monthlyDiscountFactor } from "./discount";
import { effectProfile } from "./effectProfile";
import { netCostTable, savingAtFullEffect } from "./netCost";
import { effectiveParticipantShares } from "./neutralise";
import type { Scenario } from "./scenario";
import { perState, sumOverStates, type PerState } from "./states";

export { ACCOUNTS, type Account, type PerAccount };

/** Net result of one cohort (kr), discounted to the programme start. */
export interface CohortResult {
  readonly intakeMonth: number;
  readonly participants: number;
  readonly npv: PerAccount<number>;
  readonly npvPerParticipant: PerAccount<number>;
}

/**
 * Results of the business case. Sign convention: positive = net gain (saving or revenue) for that account; the
 * intervention cost is a negative flow of the municipality ("costs before income") and of society.
 * Months are programme months (0 = the first month of the first intake).
 */
export interface BusinessCaseResult {
  readonly participants: number;
  /** Number of programme months covered: max intake month + horizon. */
  readonly months: number;
  /**
   * Δ*_s = participant share − comparison share at the measurement month, as fractions; the participant shares are
   * the effective ones (after `neutraliseStates`, src/engine/neutralise.ts).
   */
  readonly effectAtMeasurement: PerState<number>;
  /** Net public cost per person and month by state and holder at the measurement month (kr/month). */
  readonly netCostAtMeasurement: PerState<PerHolder<number>>;
  /** Monthly saving per participant at full effect, per holder (kr/month), at the measurement month. */
  readonly savingAtFullEffect: PerHolder<number>;
  /** Monthly production gain at wage cost per participant at full effect, Σ Δ·W·λ (kr/month). */
  readonly productionGainAtFullEffect: number;
  readonly monthly: {
    readonly discountFactor: readonly number[];
    /** Intervention cost of all cohorts, kr (positive number = money spent). */
    readonly cost: readonly number[];
    /** Net flows of all cohorts, kr, per account (municipality includes −cost). */
    readonly netFlow: PerAccount<readonly number[]>;
  };
  readonly npv: { readonly total: PerAccount<number>; readonly perParticipant: PerAccount<number> };
  readonly undiscounted: { readonly total: PerAccount<number>; readonly perParticipant: PerAccount<number> };
  /**
   * Break-even month per account: the smallest number of programme months T′ after which the cumulative discounted
   * net flow is ≥ 0 and stays ≥ 0 to the horizon; null when never reached (or the account has no flows).
   */
  readonly breakEvenMonth: PerAccount<number | null>;
  readonly cohorts: readonly CohortResult[];
  /** What carries the saving: every account's NPV split by outcome state plus `cost` (src/engine/attribution.ts). */
  readonly attribution: Attribution;
}

/**
 * Computes the business case of a scenario that has passed {@link validateScenario}. DOMAIN.md b2–b5.
 * Use `runBusinessCase` for unvalidated input.
 */
export function computeBusinessCase(scenario: Scenario): BusinessCaseResult {
  const horizon = scenario.horizonMonths;
  const lastIntake = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth));
  const months = lastIntake + horizon;
  const participants = scenario.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  const participantShares = effectiveParticipantShares(scenario);
  const effect = perState((state) => participantShares[state] - scenario.comparisonShares[state]);
  const costs = netCostTable(scenario);
  const social = scenario.socioEconomic;
  const wageGain = sumOverStates((state) => effect[state] * scenario.states[state].wage);
  const healthSaving = -sumOverStates((state) => effect[state] * scenario.states[state].healthCost);

  // Flows per participant in cohort month t (identical for every cohort; cohorts differ only in calendar timing).
  const perParticipantFlow = Array.from({ length: horizon }, (_, month) => {
    const share = effectProfile(month, scenario.measurementMonth, scenario.persistence);
    const saving = savingAtFullEffect(effect, costs.netCost(month));
    const cost = interventionCost(scenario, month);
    const holders = perHolderScaled(saving, share);
    const publicSaving = BUDGET_HOLDERS.reduce((sum, holder) => sum + holders[holder], 0);
    const socioEconomic =
      social.netTaxFactor * (social.employerCostFactor * wageGain * share + healthSaving * share - cost) +
      (social.distortionFactor - 1) * (publicSaving - cost);
    return { holders, cost, publicSaving, socioEconomic };
  });

  const discountFactor = Array.from({ length: months }, (_, month) =>
    monthlyDiscountFactor(scenario.discountRate, month),
  );
  const cost = new Array<number>(months).fill(0);
  const netFlow = Object.fromEntries(ACCOUNTS.map((account) => [account, new Array<number>(months).fill(0)])) as Record<
    Account,
    number[]
  >;
  const cohorts: CohortResult[] = [];
  for (const cohort of scenario.cohorts) {
    const cohortNpv = zeroAccounts();
    for (let month = 0; month < horizon; month++) {
      const flow = perParticipantFlow[month];
      const calendarMonth = cohort.intakeMonth + month;
      const df = discountFactor[calendarMonth];
      if (flow === undefined || df === undefined) throw new Error("month index out of range");
      const n = cohort.participants;
      const accountFlows: PerAccount<number> = {
        municipality: flow.holders.municipality - flow.cost,
        state: flow.holders.state,
        region: flow.holders.region,
        otherMunicipalities: flow.holders.otherMunicipalities,
        public: flow.publicSaving - flow.cost,
        socioEconomic: flow.socioEconomic,
      };
      add(cost, calendarMonth, n * flow.cost);
      for (const account of ACCOUNTS) {
        add(netFlow[account], calendarMonth, n * accountFlows[account]);
        cohortNpv[account] += n * accountFlows[account] * df;
      }
    }
    cohorts.push({
      intakeMonth: cohort.intakeMonth,
      participants: cohort.participants,
      npv: cohortNpv,
      npvPerParticipant: scaleAccounts(cohortNpv, 1 / cohort.participants),
    });
  }

  const npvTotal = accountsFrom((account) => dot(netFlow[account], discountFactor));
  const undiscountedTotal = accountsFrom((account) => netFlow[account].reduce((sum, value) => sum + value, 0));
  const measurementIndex = Math.min(scenario.measurementMonth, horizon - 1);
  const netCostAtMeasurement = costs.netCost(measurementIndex);
  return {
    participants,
    months,
    effectAtMeasurement: effect,
    netCostAtMeasurement,
    savingAtFullEffect: savingAtFullEffect(effect, netCostAtMeasurement),
    productionGainAtFullEffect: social.employerCostFactor * wageGain,
    monthly: { discountFactor, cost, netFlow },
    npv: { total: npvTotal, perParticipant: scaleAccounts(npvTotal, 1 / participants) },
    undiscounted: { total: undiscountedTotal, perParticipant: scaleAccounts(undiscountedTotal, 1 / participants) },
    breakEvenMonth: breakEvenMonths(netFlow, discountFactor),
    cohorts,
    attribution: computeAttribution(scenario, effect, costs, discountFactor, (month) =>
      interventionCost(scenario, month),
    ),
  };
}

/** Intervention cost per participant in cohort month t: K/D over the effort, or K in month 0 (upfront). */
export function interventionCost(scenario: Scenario, month: number): number {
  if (scenario.costTiming === "upfront") return month === 0 ? scenario.costPerParticipant : 0;
  return month < scenario.interventionMonths ? scenario.costPerParticipant / scenario.interventionMonths : 0;
}

/**
 * Smallest T′ ≥ 1 such that Σ_{m<T′} DF(m)·flow(m) ≥ 0 and the cumulative sum stays ≥ 0 up to the last month; null if
 * there is no such T′ or every flow is 0. Tolerates rounding noise of 1e-9 kr.
 */
export function breakEvenMonth(flows: readonly number[], discountFactors: readonly number[]): number | null {
  if (flows.every((flow) => flow === 0)) return null;
  let cumulative = 0;
  let candidate: number | null = null;
  for (let month = 0; month < flows.length; month++) {
    cumulative += (flows[month] ?? 0) * (discountFactors[month] ?? 0);
    if (cumulative >= -1e-9) candidate ??= month + 1;
    else candidate = null;
  }
  return candidate;
}

function breakEvenMonths(
  netFlow: Readonly<Record<Account, readonly number[]>>,
  discountFactor: readonly number[],
): PerAccount<number | null> {
  const months = {} as Record<Account, number | null>;
  for (const account of ACCOUNTS) months[account] = breakEvenMonth(netFlow[account], discountFactor);
  return months;
}

function perHolderScaled(values: PerHolder<number>, factor: number): PerHolder<number> {
  const scaled = {} as Record<BudgetHolder, number>;
  for (const holder of BUDGET_HOLDERS) scaled[holder] = values[holder] * factor;
  return scaled;
}

function zeroAccounts(): Record<Account, number> {
  return { municipality: 0, state: 0, region: 0, otherMunicipalities: 0, public: 0, socioEconomic: 0 };
}

function accountsFrom(valueOf: (account: Account) => number): PerAccount<number> {
  const record = zeroAccounts();
  for (const account of ACCOUNTS) record[account] = valueOf(account);
  return record;
}

function scaleAccounts(values: PerAccount<number>, factor: number): PerAccount<number> {
  return accountsFrom((account) => values[account] * factor);
}

function add(target: number[], index: number, value: number): void {
  target[index] = (target[index] ?? 0) + value;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
