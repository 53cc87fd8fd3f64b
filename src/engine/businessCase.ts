import { ACCOUNTS, type Account, type PerAccount } from "./accounts";
import { attributionFromWeights, type Attribution } from "./attribution";
import { perHolder, type PerHolder } from "./budgetHolders";
import {
  AREA_ROWS,
  consequenceFlows,
  consequenceResult,
  weightedShares,
  withConsequenceRows,
  type AreaRow,
  type ConsequenceResult,
} from "./consequences/flows";
import { monthlyDiscountFactor } from "./discount";
import { netCostTable, savingAtFullEffect, type NetCostTable } from "./netCost";
import { effectiveParticipantShares } from "./neutralise";
import { cohortMunicipalityIndex, municipalityScenario, resolveMunicipalities } from "./municipalities";
import type { Cohort, Scenario } from "./scenario";
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
  /**
   * The broad case by consequence area (issue 15, src/engine/consequences/flows.ts): every account's NPV split into
   * `employment` (the narrow case) and the consequence areas; all 0 but `employment` without consequence rows.
   */
  readonly consequences: ConsequenceResult;
}

/**
 * Computes the business case of a scenario that has passed {@link validateScenario}. DOMAIN.md b2–b5.
 * Use `runBusinessCase` for unvalidated input.
 */
export function computeBusinessCase(scenario: Scenario): BusinessCaseResult {
  const horizon = scenario.horizonMonths;
  let lastIntake = -Infinity;
  let participants = 0;
  for (const cohort of scenario.cohorts) {
    if (cohort.intakeMonth > lastIntake) lastIntake = cohort.intakeMonth;
    participants += cohort.participants;
  }
  const months = lastIntake + horizon;
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

  const totals = accountTotals(netFlow, discountFactor);
  const npvTotal = totals.npv;
  const undiscountedTotal = totals.undiscounted;
  const flowsOfGroups = groups.map((group) => group.flows);
  // Without consequence rows the broad case is the narrow one: its result is built directly (the same numbers as
  // consequenceResult gives for no active row, test/engine/businessCaseBroadSpeed.test.ts).
  const consequences =
    (scenario.consequences?.length ?? 0) === 0
      ? narrowConsequences(npvTotal, participants)
      : consequenceResult(
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
    breakEvenMonth: totals.breakEven,
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

/**
 * NPV (Σ flow·DF from month 0), undiscounted total (Σ flow from 0) and break-even month of every account in one pass
 * per account: the running discounted sum is the NPV's, so the same numbers as dot, reduce and breakEvenMonth apart.
 */
function accountTotals(
  netFlow: Readonly<Record<Account, readonly number[]>>,
  discountFactor: readonly number[],
): { npv: PerAccount<number>; undiscounted: PerAccount<number>; breakEven: PerAccount<number | null> } {
  const npv = zeroAccounts();
  const undiscounted = zeroAccounts();
  const breakEven = {} as Record<Account, number | null>;
  for (const account of ACCOUNTS) {
    const flows = netFlow[account];
    let discounted = 0;
    let plain = 0;
    let allZero = true;
    let candidate: number | null = null;
    for (let month = 0; month < flows.length; month++) {
      const flow = flows[month] as number;
      discounted += flow * (discountFactor[month] ?? 0);
      plain += flow;
      if (flow !== 0) allZero = false;
      if (discounted >= -1e-9) candidate ??= month + 1;
      else candidate = null;
    }
    npv[account] = discounted;
    undiscounted[account] = plain;
    breakEven[account] = allZero ? null : candidate;
  }
  return { npv, undiscounted, breakEven };
}

/** Zero in every row of the attribution by consequence area, in AREA_ROWS order (copied by spreading). */
const ZERO_AREAS: Readonly<Record<AreaRow, number>> = (() => {
  const record = {} as Record<AreaRow, number>;
  for (const row of AREA_ROWS) record[row] = 0;
  return record;
})();

/**
 * The broad case of a scenario without consequence rows: every area 0, `employment` the account's NPV (npv − 0, as
 * consequenceResult computes it), per participant × (1 / participants); no rows.
 */
function narrowConsequences(npvTotal: PerAccount<number>, participants: number): ConsequenceResult {
  const factor = 1 / participants;
  const total = {} as Record<Account, Record<AreaRow, number>>;
  const perParticipant = {} as Record<Account, Record<AreaRow, number>>;
  for (const account of ACCOUNTS) {
    const rows = { ...ZERO_AREAS };
    rows.employment = npvTotal[account] - 0;
    // 0 × factor is +0 (factor = 1 / participants > 0): only `employment` differs from the zero rows.
    const scaled = { ...ZERO_AREAS };
    scaled.employment = rows.employment * factor;
    total[account] = rows;
    perParticipant[account] = scaled;
  }
  return { byArea: { total, perParticipant }, rows: [], stateRows: [] };
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
  profileShares(scenario, shares);
  const upfront = scenario.costTiming === "upfront";
  let lastTable: PerState<PerHolder<number>> | null = null;
  let saving = ZERO_SAVING;
  for (let month = 0; month < horizon; month++) {
    const share = shares[month] as number;
    const table = costs.netCost(month);
    if (table !== lastTable) {
      const known = savingByTable.get(table);
      saving = known ?? savingAtFullEffect(effect, table);
      if (known === undefined) savingByTable.set(table, saving);
      lastTable = table;
    }
    // interventionCost(scenario, month), inline
    const monthCost = upfront
      ? month === 0
        ? scenario.costPerParticipant
        : 0
      : month < scenario.interventionMonths
        ? scenario.costPerParticipant / scenario.interventionMonths
        : 0;
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
  // Tables in the order first met, each with its running sum (starting at 0, as the Map's `?? 0`).
  const tables: PerState<PerHolder<number>>[] = [];
  const sums: number[] = [];
  let discountedCost = 0;
  groupFlows.forEach((flows, group) => {
    const weight = weights[group] as Float64Array;
    let last: PerState<PerHolder<number>> | null = null;
    let index = -1;
    for (let month = 0; month < scenario.horizonMonths; month++) {
      const table = flows.table[month] as PerState<PerHolder<number>>;
      if (table !== last) {
        index = tables.indexOf(table);
        if (index < 0) index = tables.push(table) - 1;
        sums[index] ??= 0;
        last = table;
      }
      const w = weight[month] as number;
      sums[index] = (sums[index] as number) + w * (flows.share[month] as number);
      discountedCost += w * (flows.cost[month] as number);
    }
  });
  const weightByTable = new Map<PerState<PerHolder<number>>, number>();
  tables.forEach((table, index) => weightByTable.set(table, sums[index] as number));
  return attributionFromWeights(scenario, effect, weightByTable, discountedCost);
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

/** The saving before the first table is met (never used: month 0 always meets one). */
const ZERO_SAVING: PerHolder<number> = { municipality: 0, state: 0, region: 0, otherMunicipalities: 0 };

/**
 * Values of a function of one integer kept between calls for the last parameter it was asked for: the discount
 * factors of the last rate and the powers ρ^k of the last persistence. Each value is the same call as before
 * (monthlyDiscountFactor, Math.pow), computed once per parameter instead of once per business case, so the numbers
 * are the same; a new parameter starts a new table.
 */
class LastParameterTable {
  private parameter = NaN;
  private values = new Float64Array(0);
  constructor(private readonly valueOf: (parameter: number, index: number) => number) {}

  /** The table for `parameter`, with at least `count` values. */
  get(parameter: number, count: number): Float64Array {
    if (!Object.is(parameter, this.parameter)) {
      this.parameter = parameter;
      this.values = new Float64Array(0);
    }
    if (this.values.length < count) {
      const grown = new Float64Array(Math.max(count, 2 * this.values.length));
      grown.set(this.values);
      for (let index = this.values.length; index < grown.length; index++) grown[index] = this.valueOf(parameter, index);
      this.values = grown;
    }
    return this.values;
  }
}

const DISCOUNT_FACTORS = new LastParameterTable(monthlyDiscountFactor);
const PERSISTENCE_POWERS = new LastParameterTable(Math.pow);

/** Discount factors of programme months 0..months−1 (DOMAIN.md b4), e.g. months 50 at 3.5 % → [0.99857…, …]. */
function discountFactors(annualRate: number, months: number): number[] {
  const table = DISCOUNT_FACTORS.get(annualRate, months);
  const factors = new Array<number>(months);
  for (let month = 0; month < months; month++) factors[month] = table[month] as number;
  return factors;
}

/**
 * g(t) of cohort months 0..T−1 into `shares`: the effect profile of src/engine/effectProfile.ts, (t + 1)/M before the
 * measurement month M and ρ^(t − M) from it (the same Math.pow(ρ, t − M), taken from the table of powers).
 */
function profileShares(scenario: Scenario, shares: Float64Array): void {
  const measurement = scenario.measurementMonth;
  const powers = PERSISTENCE_POWERS.get(scenario.persistence, Math.max(1, shares.length - measurement));
  for (let month = 0; month < shares.length; month++) {
    shares[month] = month < measurement ? (month + 1) / measurement : (powers[month - measurement] as number);
  }
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
