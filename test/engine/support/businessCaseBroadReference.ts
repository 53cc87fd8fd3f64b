/**
 * Frozen copy of `computeBusinessCase` as of commit 9435abf (1 Dec 2026: several municipalities and the broad case's
 * consequence rows, before the second speed-up of issue 10 item 5), with attributionFromWeights, stateValue and
 * costValue from src/engine/attribution.ts copied alongside. Used only by
 * test/engine/businessCaseBroadSpeed.test.ts to check that the fast code gives bit-identical outputs (Object.is on
 * every number) for scenarios with municipalities and consequence rows, which the older frozen copy
 * (businessCaseReference.ts) does not know. Do not optimise or "fix" this file: it is the yardstick.
 */
import { ACCOUNTS, perAccount, type Account, type PerAccount } from "../../../src/engine/accounts";
import {
  ATTRIBUTION_ROWS,
  EFFECT_SUM_RESIDUE,
  type Attribution,
  type AttributionRow,
} from "../../../src/engine/attribution";
import type { BusinessCaseResult, CohortResult } from "../../../src/engine/businessCase";
import { BUDGET_HOLDERS, perHolder, type PerHolder } from "../../../src/engine/budgetHolders";
import {
  consequenceFlows,
  consequenceResult,
  weightedShares,
  withConsequenceRows,
} from "../../../src/engine/consequences/flows";
import { monthlyDiscountFactor } from "../../../src/engine/discount";
import { effectProfile } from "../../../src/engine/effectProfile";
import {
  cohortMunicipalityIndex,
  municipalityScenario,
  resolveMunicipalities,
} from "../../../src/engine/municipalities";
import { netCostTable, savingAtFullEffect, type NetCostTable } from "../../../src/engine/netCost";
import { effectiveParticipantShares } from "../../../src/engine/neutralise";
import type { Cohort, Scenario } from "../../../src/engine/scenario";
import { OUTCOME_STATES, perState, sumOverStates, type OutcomeState, type PerState } from "../../../src/engine/states";

/**
 * Computes the business case of a scenario that has passed {@link validateScenario}. DOMAIN.md b2–b5.
 * Use `runBusinessCase` for unvalidated input.
 */
export function broadReferenceBusinessCase(scenario: Scenario): BusinessCaseResult {
  const horizon = scenario.horizonMonths;
  const lastIntake = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth));
  const months = lastIntake + horizon;
  const participants = scenario.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  const participantShares = effectiveParticipantShares(scenario);
  const effect = perState((state) => participantShares[state] - scenario.comparisonShares[state]);
  const social = scenario.socioEconomic;
  const wageGain = sumOverStates((state) => effect[state] * scenario.states[state].wage);
  const healthSaving = -sumOverStates((state) => effect[state] * scenario.states[state].healthCost);

  // Flows per participant in cohort month t, one set per municipality (its tax rate and weeks on benefit; one set when
  // the scenario lists no municipalities); cohorts of a municipality differ only in calendar timing.
  const groups = municipalityGroups(scenario).map((group) => {
    const costs = netCostTable(group);
    return { costs, flows: perParticipantFlows(group, effect, costs, wageGain, healthSaving) };
  });
  const groupOfCohort = cohortMunicipalityIndex(scenario);
  const discountFactor = discountFactors(scenario.discountRate, months);

  // Cohort × month × account on flat typed arrays; the order of every floating-point operation is the one of the
  // record-based loop this replaces (test/engine/businessCaseSpeed.test.ts checks bit-identity against a frozen copy).
  const cost = zeros(months);
  const municipalityFlow = zeros(months);
  const stateFlow = zeros(months);
  const regionFlow = zeros(months);
  const otherFlow = zeros(months);
  const publicFlowSum = zeros(months);
  const socioFlow = zeros(months);
  // Σ over a group's cohorts of n·DF at the cohort's calendar month, per cohort month (the attribution's weights).
  const weights = groups.map(() => new Float64Array(horizon));
  const cohorts: CohortResult[] = [];
  for (let index = 0; index < scenario.cohorts.length; index++) {
    const cohort = scenario.cohorts[index] as Cohort;
    const group = groupOfCohort === null ? 0 : (groupOfCohort[index] as number);
    const flows = (groups[group] as { flows: ParticipantFlows }).flows;
    const weight = weights[group] as Float64Array;
    const n = cohort.participants;
    const intake = cohort.intakeMonth;
    let npvMunicipality = 0;
    let npvState = 0;
    let npvRegion = 0;
    let npvOther = 0;
    let npvPublic = 0;
    let npvSocio = 0;
    for (let month = 0; month < horizon; month++) {
      const calendarMonth = intake + month;
      const df = discountFactor[calendarMonth] as number;
      weight[month] = (weight[month] as number) + n * df;
      const from = month * FLOW_WIDTH;
      cost[calendarMonth] = (cost[calendarMonth] as number) + n * (flows.cost[month] as number);
      const municipality = n * (flows.account[from] as number);
      const state = n * (flows.account[from + 1] as number);
      const region = n * (flows.account[from + 2] as number);
      const other = n * (flows.account[from + 3] as number);
      const publicFlow = n * (flows.account[from + 4] as number);
      const socio = n * (flows.account[from + 5] as number);
      municipalityFlow[calendarMonth] = (municipalityFlow[calendarMonth] as number) + municipality;
      stateFlow[calendarMonth] = (stateFlow[calendarMonth] as number) + state;
      regionFlow[calendarMonth] = (regionFlow[calendarMonth] as number) + region;
      otherFlow[calendarMonth] = (otherFlow[calendarMonth] as number) + other;
      publicFlowSum[calendarMonth] = (publicFlowSum[calendarMonth] as number) + publicFlow;
      socioFlow[calendarMonth] = (socioFlow[calendarMonth] as number) + socio;
      npvMunicipality += municipality * df;
      npvState += state * df;
      npvRegion += region * df;
      npvOther += other * df;
      npvPublic += publicFlow * df;
      npvSocio += socio * df;
    }
    const cohortNpv: PerAccount<number> = {
      municipality: npvMunicipality,
      state: npvState,
      region: npvRegion,
      otherMunicipalities: npvOther,
      public: npvPublic,
      socioEconomic: npvSocio,
    };
    cohorts.push({
      intakeMonth: cohort.intakeMonth,
      participants: cohort.participants,
      npv: cohortNpv,
      npvPerParticipant: scaleAccounts(cohortNpv, 1 / cohort.participants),
    });
  }
  const netFlow: PerAccount<number[]> = {
    municipality: municipalityFlow,
    state: stateFlow,
    region: regionFlow,
    otherMunicipalities: otherFlow,
    public: publicFlowSum,
    socioEconomic: socioFlow,
  };

  const npvTotal = accountsFrom((account) => dot(netFlow[account], discountFactor));
  const undiscountedTotal = accountsFrom((account) => netFlow[account].reduce((sum, value) => sum + value, 0));
  const flowsOfGroups = groups.map((group) => group.flows);
  const consequences = consequenceResult(
    scenario,
    effect,
    weightedShares(
      flowsOfGroups.map((flows) => flows.share),
      weights,
      horizon,
    ),
    npvTotal,
    participants,
  );
  const measurementIndex = Math.min(scenario.measurementMonth, horizon - 1);
  const atMeasurement = measurementValues(scenario, effect, groups, measurementIndex);
  return {
    participants,
    months,
    effectAtMeasurement: effect,
    netCostAtMeasurement: atMeasurement.netCost,
    savingAtFullEffect: atMeasurement.saving,
    productionGainAtFullEffect: social.employerCostFactor * wageGain,
    monthly: { discountFactor, cost, netFlow },
    npv: { total: npvTotal, perParticipant: scaleAccounts(npvTotal, 1 / participants) },
    undiscounted: { total: undiscountedTotal, perParticipant: scaleAccounts(undiscountedTotal, 1 / participants) },
    breakEvenMonth: breakEvenMonths(netFlow, discountFactor),
    cohorts,
    attribution: withConsequenceRows(
      attributionOf(scenario, effect, flowsOfGroups, weights),
      consequences,
      participants,
    ),
    consequences,
  };
}

/** Intervention cost per participant in cohort month t: K/D over the effort, or K in month 0 (upfront). */
function interventionCost(scenario: Scenario, month: number): number {
  if (scenario.costTiming === "upfront") return month === 0 ? scenario.costPerParticipant : 0;
  return month < scenario.interventionMonths ? scenario.costPerParticipant / scenario.interventionMonths : 0;
}

/**
 * Smallest T′ ≥ 1 such that Σ_{m<T′} DF(m)·flow(m) ≥ 0 and the cumulative sum stays ≥ 0 up to the last month; null if
 * there is no such T′ or every flow is 0. Tolerates rounding noise of 1e-9 kr.
 */
function breakEvenMonth(flows: readonly number[], discountFactors: readonly number[]): number | null {
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

/** Accounts per month in the flat flow arrays, in ACCOUNTS order. */
const FLOW_WIDTH = ACCOUNTS.length;

/** Per-participant flows of cohort months 0..T−1: `account[t·6 + a]` in ACCOUNTS order, `cost[t]` (kr/month). */
interface ParticipantFlows {
  readonly account: Float64Array;
  readonly cost: Float64Array;
  /** g(t), the share of the full effect present in cohort month t. */
  readonly share: Float64Array;
  /** The net-cost table of cohort month t (one object per refusion share). */
  readonly table: readonly PerState<PerHolder<number>>[];
  /** Saving at full effect per net-cost table (kr/month per participant, per holder). */
  readonly savingByTable: ReadonlyMap<PerState<PerHolder<number>>, PerHolder<number>>;
}

/**
 * Flows per participant in cohort month t. The saving at full effect depends on the month only through the net-cost
 * table (one per refusion share), so it is computed once per table, not once per month.
 */
function perParticipantFlows(
  scenario: Scenario,
  effect: PerState<number>,
  costs: NetCostTable,
  wageGain: number,
  healthSaving: number,
): ParticipantFlows {
  const horizon = scenario.horizonMonths;
  const social = scenario.socioEconomic;
  const account = new Float64Array(FLOW_WIDTH * horizon);
  const cost = new Float64Array(horizon);
  const shares = new Float64Array(horizon);
  const tables = new Array<PerState<PerHolder<number>>>(horizon);
  const savingByTable = new Map<PerState<PerHolder<number>>, PerHolder<number>>();
  for (let month = 0; month < horizon; month++) {
    const share = effectProfile(month, scenario.measurementMonth, scenario.persistence);
    const table = costs.netCost(month);
    let saving = savingByTable.get(table);
    if (saving === undefined) {
      saving = savingAtFullEffect(effect, table);
      savingByTable.set(table, saving);
    }
    const monthCost = interventionCost(scenario, month);
    const municipality = saving.municipality * share;
    const state = saving.state * share;
    const region = saving.region * share;
    const other = saving.otherMunicipalities * share;
    const publicSaving = 0 + municipality + state + region + other;
    const at = month * FLOW_WIDTH;
    account[at] = municipality - monthCost;
    account[at + 1] = state;
    account[at + 2] = region;
    account[at + 3] = other;
    account[at + 4] = publicSaving - monthCost;
    account[at + 5] =
      social.netTaxFactor * (social.employerCostFactor * wageGain * share + healthSaving * share - monthCost) +
      (social.distortionFactor - 1) * (publicSaving - monthCost);
    cost[month] = monthCost;
    shares[month] = share;
    tables[month] = table;
  }
  // The broad case (issue 15): consequence rows that change anything add their flows; none = the narrow flows as is.
  const broad = consequenceFlows(scenario, effect, (month) => shares[month] as number);
  if (broad !== null) {
    for (let month = 0; month < horizon; month++) {
      ACCOUNTS.forEach((name, offset) => {
        const at = month * FLOW_WIDTH + offset;
        account[at] = (account[at] as number) + (broad[name][month] as number);
      });
    }
  }
  return { account, cost, share: shares, table: tables, savingByTable };
}

/**
 * The attribution from the weights of the cohort loop: the same sums in the same order as computeAttribution
 * (weights per net-cost table in month order, Σ n·DF·K), so the same numbers.
 */
function attributionOf(
  scenario: Scenario,
  effect: PerState<number>,
  groupFlows: readonly ParticipantFlows[],
  weights: readonly Float64Array[],
): Attribution {
  const weightByTable = new Map<PerState<PerHolder<number>>, number>();
  let discountedCost = 0;
  groupFlows.forEach((flows, group) => {
    const weight = weights[group] as Float64Array;
    for (let month = 0; month < scenario.horizonMonths; month++) {
      const table = flows.table[month] as PerState<PerHolder<number>>;
      const w = weight[month] as number;
      weightByTable.set(table, (weightByTable.get(table) ?? 0) + w * (flows.share[month] as number));
      discountedCost += w * (flows.cost[month] as number);
    }
  });
  return frozenAttributionFromWeights(scenario, effect, weightByTable, discountedCost);
}

/**
 * The scenario each group of cohorts is computed with: the scenario itself when it lists no municipalities, else one
 * per listed municipality with its tax rate and weeks on benefit at intake (src/engine/municipalities.ts).
 */
function municipalityGroups(scenario: Scenario): Scenario[] {
  const municipalities = resolveMunicipalities(scenario);
  return municipalities.length === 0
    ? [scenario]
    : municipalities.map((municipality) => municipalityScenario(scenario, municipality));
}

/**
 * Net cost per state and holder and the saving at full effect at the measurement month: the scenario's own with one
 * group; with several municipalities their participant-weighted mean (kr/month per participant).
 */
function measurementValues(
  scenario: Scenario,
  effect: PerState<number>,
  groups: readonly { costs: NetCostTable; flows: ParticipantFlows }[],
  month: number,
): { netCost: PerState<PerHolder<number>>; saving: PerHolder<number> } {
  const first = groups[0];
  if (first === undefined) throw new Error("a business case needs at least one group");
  if (groups.length === 1) {
    const netCost = first.costs.netCost(month);
    return { netCost, saving: first.flows.savingByTable.get(netCost) ?? savingAtFullEffect(effect, netCost) };
  }
  const municipalities = resolveMunicipalities(scenario);
  const total = municipalities.reduce((sum, municipality) => sum + municipality.participants, 0);
  const weightOf = (group: number): number => (municipalities[group]?.participants ?? 0) / total;
  const netCost = perState((state) =>
    perHolder((holder) =>
      groups.reduce((sum, group, index) => sum + weightOf(index) * group.costs.netCost(month)[state][holder], 0),
    ),
  );
  return { netCost, saving: savingAtFullEffect(effect, netCost) };
}

/** Discount factors of programme months 0..months−1 (DOMAIN.md b4). */
function discountFactors(annualRate: number, months: number): number[] {
  const factors = new Array<number>(months);
  for (let month = 0; month < months; month++) factors[month] = monthlyDiscountFactor(annualRate, month);
  return factors;
}

/** An array of `length` zeros (+0). */
function zeros(length: number): number[] {
  const values = new Array<number>(length);
  for (let i = 0; i < length; i++) values[i] = 0;
  return values;
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

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function stateValue(scenario: Scenario, state: OutcomeState, netCost: PerState<PerHolder<number>>): PerAccount<number> {
  const social = scenario.socioEconomic;
  const economics = scenario.states[state];
  const cost = netCost[state];
  const publicValue = -BUDGET_HOLDERS.reduce((sum, holder) => sum + cost[holder], 0);
  return {
    municipality: -cost.municipality,
    state: -cost.state,
    region: -cost.region,
    otherMunicipalities: -cost.otherMunicipalities,
    public: publicValue,
    socioEconomic:
      social.netTaxFactor * (social.employerCostFactor * economics.wage - economics.healthCost) +
      (social.distortionFactor - 1) * publicValue,
  };
}

/**
 * Value to account a of the intervention cost `cost` (kr, positive = spent) in one month: −cost for the municipality
 * and the public total, −(NAF + φ − 1)·cost for society, 0 for the other holders.
 * @example costValue(pilot, 6_603).socioEconomic // −6,603 with NAF 1.0 and φ 1.0
 */
function costValue(scenario: Scenario, cost: number): PerAccount<number> {
  const social = scenario.socioEconomic;
  return {
    municipality: -cost,
    state: 0,
    region: 0,
    otherMunicipalities: 0,
    public: -cost,
    socioEconomic: -(social.netTaxFactor + social.distortionFactor - 1) * cost,
  };
}

function frozenAttributionFromWeights(
  scenario: Scenario,
  effect: PerState<number>,
  weightByTable: ReadonlyMap<PerState<PerHolder<number>>, number>,
  discountedCost: number,
): Attribution {
  const reference = scenario.attributionReference;
  const participants = scenario.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  const rawEffectSum = sumOverStates((state) => effect[state]);
  const effectSum = Math.abs(rawEffectSum) <= EFFECT_SUM_RESIDUE ? 0 : rawEffectSum;
  const rows = perAccount(() => zeroRows());
  for (const [netCost, weight] of weightByTable) {
    const values = perState((state) => stateValue(scenario, state, netCost));
    const referenceValue = values[reference];
    for (const state of OUTCOME_STATES) {
      for (const account of ACCOUNTS) {
        const contribution =
          state === reference
            ? effectSum * referenceValue[account]
            : effect[state] * (values[state][account] - referenceValue[account]);
        rows[account][state] += weight * contribution;
      }
    }
  }
  const spent = costValue(scenario, discountedCost);
  for (const account of ACCOUNTS) rows[account].cost = spent[account];
  return {
    reference,
    total: rows,
    perParticipant: perAccount((account: Account) => scaleRows(rows[account], 1 / participants)),
  };
}

function zeroRows(): Record<AttributionRow, number> {
  const record = {} as Record<AttributionRow, number>;
  for (const row of ATTRIBUTION_ROWS) record[row] = 0;
  return record;
}

function scaleRows(rows: Readonly<Record<AttributionRow, number>>, factor: number): Record<AttributionRow, number> {
  const record = zeroRows();
  for (const row of ATTRIBUTION_ROWS) record[row] = rows[row] * factor;
  return record;
}
