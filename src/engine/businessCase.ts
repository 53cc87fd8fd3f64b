import { ACCOUNTS, type Account, type PerAccount } from "./accounts";
import { attributionFromTables, type Attribution } from "./attribution";
import { perHolder, type PerHolder } from "./budgetHolders";
import {
  consequenceFlows,
  consequenceResult,
  weightedShares,
  withConsequenceRows,
  type AreaRow,
  type ConsequenceResult,
} from "./consequences/flows";
import { monthlyDiscountFactor } from "./discount";
import { savingAtFullEffect } from "./netCost";
import { cachedNetCostTable, type CachedNetCosts } from "./netCostCache";
import { effectiveParticipantShares } from "./neutralise";
import { cohortMunicipalityIndex, municipalityScenario, resolveMunicipalities } from "./municipalities";
import type { Cohort, Scenario } from "./scenario";
import { perState, type PerState } from "./states";

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
  const effect = effectOf(participantShares, scenario.comparisonShares);
  const social = scenario.socioEconomic;
  const wageGain = weightedSum(effect, scenario.states, "wage");
  const healthSaving = -weightedSum(effect, scenario.states, "healthCost");

  // Flows per participant in cohort month t, one set per municipality (its tax rate and weeks on benefit; one set when
  // the scenario lists no municipalities); cohorts of a municipality differ only in calendar timing.
  // The net-cost tables are kept between calls for the inputs they depend on (src/engine/netCostCache.ts); the flows
  // go into arrays kept per group between calls (never part of the result).
  const groups = municipalityGroups(scenario).map((group, index) => {
    const costs = cachedNetCostTable(group);
    const scratch = groupScratch(index, horizon);
    return { costs, flows: perParticipantFlows(group, effect, costs, wageGain, healthSaving, scratch) };
  });
  const groupOfCohort = cohortMunicipalityIndex(scenario);
  const discountFactor = DISCOUNT_FACTORS.get(scenario.discountRate, months);

  // Cohort × month × account summed on a flat typed array (row r of `calendar` = account r in ACCOUNTS order, row 6 =
  // the cost, each `months` long, from +0); the order of every floating-point operation is the one of the
  // record-based loop this replaces (test/engine/businessCaseSpeed.test.ts checks bit-identity against a frozen copy).
  const calendar = calendarScratch(months);
  const costRow = FLOW_WIDTH * months;
  // Σ over a group's cohorts of n·DF at the cohort's calendar month, per cohort month (the attribution's weights).
  const weights = groups.map((group) => group.flows.weight);
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
      calendar[costRow + calendarMonth] =
        (calendar[costRow + calendarMonth] as number) + n * (flows.cost[month] as number);
      const municipality = n * (flows.account[from] as number);
      const state = n * (flows.account[from + 1] as number);
      const region = n * (flows.account[from + 2] as number);
      const other = n * (flows.account[from + 3] as number);
      const publicFlow = n * (flows.account[from + 4] as number);
      const socio = n * (flows.account[from + 5] as number);
      let at = calendarMonth;
      calendar[at] = (calendar[at] as number) + municipality;
      at += months;
      calendar[at] = (calendar[at] as number) + state;
      at += months;
      calendar[at] = (calendar[at] as number) + region;
      at += months;
      calendar[at] = (calendar[at] as number) + other;
      at += months;
      calendar[at] = (calendar[at] as number) + publicFlow;
      at += months;
      calendar[at] = (calendar[at] as number) + socio;
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
  const municipalityTotals = accountTotals(calendar, 0, months, discountFactor);
  const stateTotals = accountTotals(calendar, 1, months, discountFactor);
  const regionTotals = accountTotals(calendar, 2, months, discountFactor);
  const otherTotals = accountTotals(calendar, 3, months, discountFactor);
  const publicTotals = accountTotals(calendar, 4, months, discountFactor);
  const socioTotals = accountTotals(calendar, 5, months, discountFactor);
  const netFlow: PerAccount<number[]> = {
    municipality: municipalityTotals.flows,
    state: stateTotals.flows,
    region: regionTotals.flows,
    otherMunicipalities: otherTotals.flows,
    public: publicTotals.flows,
    socioEconomic: socioTotals.flows,
  };
  const npvTotal: PerAccount<number> = {
    municipality: municipalityTotals.npv,
    state: stateTotals.npv,
    region: regionTotals.npv,
    otherMunicipalities: otherTotals.npv,
    public: publicTotals.npv,
    socioEconomic: socioTotals.npv,
  };
  const undiscountedTotal: PerAccount<number> = {
    municipality: municipalityTotals.undiscounted,
    state: stateTotals.undiscounted,
    region: regionTotals.undiscounted,
    otherMunicipalities: otherTotals.undiscounted,
    public: publicTotals.undiscounted,
    socioEconomic: socioTotals.undiscounted,
  };
  const breakEven: PerAccount<number | null> = {
    municipality: municipalityTotals.breakEven,
    state: stateTotals.breakEven,
    region: regionTotals.breakEven,
    otherMunicipalities: otherTotals.breakEven,
    public: publicTotals.breakEven,
    socioEconomic: socioTotals.breakEven,
  };
  const cost = copyRow(calendar, FLOW_WIDTH, months);
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
    monthly: { discountFactor: copyRow(discountFactor, 0, months), cost, netFlow },
    npv: { total: npvTotal, perParticipant: scaleAccounts(npvTotal, 1 / participants) },
    undiscounted: { total: undiscountedTotal, perParticipant: scaleAccounts(undiscountedTotal, 1 / participants) },
    breakEvenMonth: breakEven,
    cohorts,
    attribution: withConsequenceRows(attributionOf(scenario, effect, flowsOfGroups), consequences, participants),
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
 * One account's monthly flows as a list (row `row` of `calendar`, `months` long), with its NPV (Σ flow·DF from month
 * 0), undiscounted total (Σ flow from 0) and break-even month in one pass: the running discounted sum is the NPV's, so
 * the same numbers as dot, reduce and breakEvenMonth apart.
 */
function accountTotals(
  calendar: Float64Array,
  row: number,
  months: number,
  discountFactor: Float64Array,
): { flows: number[]; npv: number; undiscounted: number; breakEven: number | null } {
  const flows = new Array<number>(months);
  const from = row * months;
  let discounted = 0;
  let plain = 0;
  let allZero = true;
  let candidate = 0; // 0 = none (a break-even month is ≥ 1)
  for (let month = 0; month < months; month++) {
    const flow = calendar[from + month] as number;
    flows[month] = flow;
    discounted += flow * (discountFactor[month] as number);
    plain += flow;
    if (flow !== 0) allZero = false;
    if (discounted >= -1e-9) {
      if (candidate === 0) candidate = month + 1;
    } else candidate = 0;
  }
  return { flows, npv: discounted, undiscounted: plain, breakEven: allZero || candidate === 0 ? null : candidate };
}

/** Row `row` (`length` long) of a flat typed array as a list. */
function copyRow(values: Float64Array, row: number, length: number): number[] {
  const list = new Array<number>(length);
  const from = row * length;
  for (let i = 0; i < length; i++) list[i] = values[from + i] as number;
  return list;
}

/** The calendar rows of the cohort loop (ACCOUNTS, then the cost), kept between calls; +0 in the first 7 × months. */
let CALENDAR = new Float64Array(0);

function calendarScratch(months: number): Float64Array {
  const length = (FLOW_WIDTH + 1) * months;
  if (CALENDAR.length < length) CALENDAR = new Float64Array(Math.max(length, 2 * CALENDAR.length));
  else CALENDAR.fill(0, 0, length);
  return CALENDAR;
}

/**
 * The broad case of a scenario without consequence rows: every area 0, `employment` the account's NPV (npv − 0, as
 * consequenceResult computes it), per participant × (1 / participants); no rows.
 */
function narrowConsequences(npvTotal: PerAccount<number>, participants: number): ConsequenceResult {
  const factor = 1 / participants;
  const municipality = npvTotal.municipality - 0;
  const state = npvTotal.state - 0;
  const region = npvTotal.region - 0;
  const otherMunicipalities = npvTotal.otherMunicipalities - 0;
  const publicNpv = npvTotal.public - 0;
  const socioEconomic = npvTotal.socioEconomic - 0;
  // 0 × factor is +0 (factor = 1 / participants > 0): only `employment` differs from the zero rows.
  return {
    byArea: {
      total: {
        municipality: areaRows(municipality),
        state: areaRows(state),
        region: areaRows(region),
        otherMunicipalities: areaRows(otherMunicipalities),
        public: areaRows(publicNpv),
        socioEconomic: areaRows(socioEconomic),
      },
      perParticipant: {
        municipality: areaRows(municipality * factor),
        state: areaRows(state * factor),
        region: areaRows(region * factor),
        otherMunicipalities: areaRows(otherMunicipalities * factor),
        public: areaRows(publicNpv * factor),
        socioEconomic: areaRows(socioEconomic * factor),
      },
    },
    rows: [],
    stateRows: [],
  };
}

/**
 * The rows by consequence area with `employment` and every area 0, in AREA_ROWS order (test/engine/businessCaseKept.test.ts
 * checks the order against the frozen copy's).
 */
function areaRows(employment: number): Record<AreaRow, number> {
  return {
    employment,
    social: 0,
    childrenFamily: 0,
    health: 0,
    addiction: 0,
    crime: 0,
    housing: 0,
    jobCentre: 0,
    education: 0,
    other: 0,
  };
}

/** Accounts per month in the flat flow arrays, in ACCOUNTS order. */
const FLOW_WIDTH = ACCOUNTS.length;

/**
 * Per-participant flows of cohort months 0..T−1: `account[t·6 + a]` in ACCOUNTS order, `cost[t]` (kr/month). The
 * arrays are a group's scratch arrays (longer than T when an earlier call had a longer horizon): read months < T only.
 */
interface ParticipantFlows extends GroupScratch {
  /** The group's net-cost tables (one per refusion share) and each month's index into them. */
  readonly costs: CachedNetCosts;
  /** Saving at full effect per distinct net-cost table (kr/month per participant, per holder), same indices. */
  readonly savings: readonly PerHolder<number>[];
}

/** The arrays of one group of cohorts, kept between calls: flows, costs, g(t) and the cohort loop's weights. */
interface GroupScratch {
  readonly account: Float64Array;
  readonly cost: Float64Array;
  /** g(t), the share of the full effect present in cohort month t. */
  readonly share: Float64Array;
  /** Σ over the group's cohorts of n·DF at the cohort's calendar month, per cohort month (0 when handed out). */
  readonly weight: Float64Array;
}

/** Scratch arrays per group index; a call uses each group's arrays only until it returns (nothing keeps them). */
const GROUP_SCRATCH: GroupScratch[] = [];

/** Group `index`'s scratch arrays, at least `horizon` months long, with `weight` zero in months 0..horizon − 1. */
function groupScratch(index: number, horizon: number): GroupScratch {
  let scratch = GROUP_SCRATCH[index];
  if (scratch === undefined || scratch.cost.length < horizon) {
    scratch = {
      account: new Float64Array(FLOW_WIDTH * horizon),
      cost: new Float64Array(horizon),
      share: new Float64Array(horizon),
      weight: new Float64Array(horizon),
    };
    GROUP_SCRATCH[index] = scratch;
  } else {
    scratch.weight.fill(0, 0, horizon);
  }
  return scratch;
}

/**
 * Flows per participant in cohort month t. The saving at full effect depends on the month only through the net-cost
 * table (one per refusion share), so it is computed once per table, not once per month.
 */
function perParticipantFlows(
  scenario: Scenario,
  effect: PerState<number>,
  costs: CachedNetCosts,
  wageGain: number,
  healthSaving: number,
  scratch: GroupScratch,
): ParticipantFlows {
  const horizon = scenario.horizonMonths;
  const social = scenario.socioEconomic;
  const { account, cost, share: shares } = scratch;
  const tableIndex = costs.indexByMonth;
  const savings: PerHolder<number>[] = [];
  profileShares(scenario, shares, horizon);
  const upfront = scenario.costTiming === "upfront";
  let lastIndex = -1;
  let saving = ZERO_SAVING;
  for (let month = 0; month < horizon; month++) {
    const share = shares[month] as number;
    const index = tableIndex[month] as number;
    if (index !== lastIndex) {
      saving = savings[index] ??= savingAtFullEffect(effect, costs.distinct[index] as PerState<PerHolder<number>>);
      lastIndex = index;
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
  }
  // The broad case (issue 15): consequence rows that change anything add their flows; none = the narrow flows as is.
  if ((scenario.consequences?.length ?? 0) > 0) {
    const broad = consequenceFlows(scenario, effect, (month) => shares[month] as number);
    if (broad !== null) {
      for (let month = 0; month < horizon; month++) {
        ACCOUNTS.forEach((name, offset) => {
          const at = month * FLOW_WIDTH + offset;
          account[at] = (account[at] as number) + (broad[name][month] as number);
        });
      }
    }
  }
  return { account, cost, share: shares, weight: scratch.weight, costs, savings };
}

/**
 * The attribution from the weights of the cohort loop: the same sums in the same order as computeAttribution
 * (weights per net-cost table in month order, Σ n·DF·K), so the same numbers. Each group's tables are summed on their
 * own, group by group, even when two groups share the kept tables (as the separate tables of each group were).
 */
function attributionOf(
  scenario: Scenario,
  effect: PerState<number>,
  groupFlows: readonly ParticipantFlows[],
): Attribution {
  const tables: PerState<PerHolder<number>>[] = [];
  const sums: number[] = [];
  let discountedCost = 0;
  for (const flows of groupFlows) {
    const weight = flows.weight;
    const first = tables.length;
    const tableIndex = flows.costs.indexByMonth;
    for (const table of flows.costs.distinct) {
      tables.push(table);
      sums.push(0);
    }
    for (let month = 0; month < scenario.horizonMonths; month++) {
      const at = first + (tableIndex[month] as number);
      const w = weight[month] as number;
      sums[at] = (sums[at] as number) + w * (flows.share[month] as number);
      discountedCost += w * (flows.cost[month] as number);
    }
  }
  return attributionFromTables(scenario, effect, tables, sums, discountedCost);
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
  groups: readonly { costs: CachedNetCosts; flows: ParticipantFlows }[],
  month: number,
): { netCost: PerState<PerHolder<number>>; saving: PerHolder<number> } {
  const first = groups[0];
  if (first === undefined) throw new Error("a business case needs at least one group");
  if (groups.length === 1) {
    const netCost = first.costs.table.netCost(month);
    const saving = first.flows.savings[first.costs.indexByMonth[month] as number];
    // A copy: the kept table is shared between calls and must not be handed out.
    return {
      netCost: copyTable(netCost),
      saving: saving ?? savingAtFullEffect(effect, netCost),
    };
  }
  const municipalities = resolveMunicipalities(scenario);
  const total = municipalities.reduce((sum, municipality) => sum + municipality.participants, 0);
  const weightOf = (group: number): number => (municipalities[group]?.participants ?? 0) / total;
  const netCost = perState((state) =>
    perHolder((holder) =>
      groups.reduce((sum, group, index) => sum + weightOf(index) * group.costs.table.netCost(month)[state][holder], 0),
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

/**
 * g(t) of cohort months 0..horizon−1 into `shares`: the effect profile of src/engine/effectProfile.ts, (t + 1)/M before the
 * measurement month M and ρ^(t − M) from it (the same Math.pow(ρ, t − M), taken from the table of powers).
 */
function profileShares(scenario: Scenario, shares: Float64Array, horizon: number): void {
  const measurement = scenario.measurementMonth;
  const powers = PERSISTENCE_POWERS.get(scenario.persistence, Math.max(1, horizon - measurement));
  for (let month = 0; month < horizon; month++) {
    shares[month] = month < measurement ? (month + 1) / measurement : (powers[month - measurement] as number);
  }
}

/** Δ_s = participant share − comparison share for every state, in OUTCOME_STATES order. */
function effectOf(participant: PerState<number>, comparison: PerState<number>): PerState<number> {
  return {
    JOB: participant.JOB - comparison.JOB,
    JOB_UNK: participant.JOB_UNK - comparison.JOB_UNK,
    JOB_PART: participant.JOB_PART - comparison.JOB_PART,
    EDU: participant.EDU - comparison.EDU,
    FLEX: participant.FLEX - comparison.FLEX,
    TEMP: participant.TEMP - comparison.TEMP,
    PERM: participant.PERM - comparison.PERM,
    ABROAD: participant.ABROAD - comparison.ABROAD,
  };
}

/** Σ_s Δ_s × states[s][field], summed from 0 in OUTCOME_STATES order (as sumOverStates). */
function weightedSum(effect: PerState<number>, states: Scenario["states"], field: "wage" | "healthCost"): number {
  let total = 0;
  total += effect.JOB * states.JOB[field];
  total += effect.JOB_UNK * states.JOB_UNK[field];
  total += effect.JOB_PART * states.JOB_PART[field];
  total += effect.EDU * states.EDU[field];
  total += effect.FLEX * states.FLEX[field];
  total += effect.TEMP * states.TEMP[field];
  total += effect.PERM * states.PERM[field];
  total += effect.ABROAD * states.ABROAD[field];
  return total;
}

/** A copy of a net-cost table (every state's holders, in the same order), so a result never holds a kept table. */
function copyTable(table: PerState<PerHolder<number>>): PerState<PerHolder<number>> {
  return {
    JOB: { ...table.JOB },
    JOB_UNK: { ...table.JOB_UNK },
    JOB_PART: { ...table.JOB_PART },
    EDU: { ...table.EDU },
    FLEX: { ...table.FLEX },
    TEMP: { ...table.TEMP },
    PERM: { ...table.PERM },
    ABROAD: { ...table.ABROAD },
  };
}

/** Every account × factor, in ACCOUNTS order. */
function scaleAccounts(values: PerAccount<number>, factor: number): PerAccount<number> {
  return {
    municipality: values.municipality * factor,
    state: values.state * factor,
    region: values.region * factor,
    otherMunicipalities: values.otherMunicipalities * factor,
    public: values.public * factor,
    socioEconomic: values.socioEconomic * factor,
  };
}
