import { ACCOUNTS, type Account, type PerAccount } from "./accounts";
import { BUDGET_HOLDERS, type PerHolder } from "./budgetHolders";
import { effectProfile } from "./effectProfile";
import type { NetCostTable } from "./netCost";
import type { Scenario } from "./scenario";
import { OUTCOME_STATES, type OutcomeState, type PerState } from "./states";

/** Rows of the attribution table: the eight outcome states, then `cost` (what belongs to no state). */
export const ATTRIBUTION_ROWS = [...OUTCOME_STATES, "cost"] as const;
export type AttributionRow = (typeof ATTRIBUTION_ROWS)[number];

/**
 * "What carries the saving?": every account's NPV split by outcome state, relative to a reference state, plus `cost`.
 * Row s = Σ over cohorts and months of DF · g(t) · Δ_s · (v_a(s, t) − v_a(ref, t)), i.e. the value of Δ_s people being
 * in state s instead of the reference state, through the same profile g, cohorts and discounting as the NPVs;
 * `cost` = the intervention cost and the valuation that follows it (NAF and distortion on the cost). Rows + cost =
 * the account's NPV. kr in fixed prices of the parameter year, discounted at the real rate; positive = gain.
 */
export interface Attribution {
  readonly reference: OutcomeState;
  readonly total: PerAccount<Readonly<Record<AttributionRow, number>>>;
  readonly perParticipant: PerAccount<Readonly<Record<AttributionRow, number>>>;
}

/**
 * Value v_a(s, t) to account a of one person being in state s in cohort month t, kr/month (positive = gain), from the
 * net public cost NC_h(s, t) of the state per holder h (src/engine/netCost.ts):
 * holder h: −NC_h; public: −Σ_h NC_h; socioEconomic: NAF·(λ·W_s − H_s) + (φ − 1)·(−Σ_h NC_h).
 * @example stateValue(pilot, "TEMP", netCost(20)).municipality // −(0.8·12,000 − kommuneskat of 12,000 kr) < 0
 */
export function stateValue(
  scenario: Scenario,
  state: OutcomeState,
  netCost: PerState<PerHolder<number>>,
): PerAccount<number> {
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
export function costValue(scenario: Scenario, cost: number): PerAccount<number> {
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

/**
 * |Σ Δ| at or below which Σ Δ is a floating-point residue of shares that sum to 1 (far below the 1e-6 share-sum
 * tolerance) and is taken as 0, so the reference row is exactly 0 in the engine and in the workbook (SIB_EffectSum),
 * whose spreadsheets sum the residue differently.
 */
export const EFFECT_SUM_RESIDUE = 1e-12;

/**
 * Computes the attribution of a validated scenario's business case (called by computeBusinessCase).
 * `effect` = Δ_s (effective participant share − comparison share); `discountFactor` per programme month;
 * `costOf(t)` = intervention cost per participant in cohort month t (kr). The reference row holds Σ_s Δ_s × value of
 * the reference state, which is 0 when both groups' shares sum to exactly 1 (and at most the value of the 1e-6
 * share-sum tolerance otherwise), so rows + cost equal the account's NPV in every case.
 * @example computeAttribution(pilot, …).perParticipant.municipality.ABROAD // ≈ 16,092 kr
 */
export function computeAttribution(
  scenario: Scenario,
  effect: PerState<number>,
  costs: NetCostTable,
  discountFactor: readonly number[],
  costOf: (month: number) => number,
): Attribution {
  // The value of a state depends on the month only through the refusion share, and netCostTable returns one table per
  // share: sum the weights n·DF·g(t) per table first, then multiply (the identity rows + cost = NPV is unchanged).
  const weightByTable = new Map<PerState<PerHolder<number>>, number>();
  let discountedCost = 0; // Σ_t Σ_k n_k · DF(τ_k + t) · K(t), kr
  for (let month = 0; month < scenario.horizonMonths; month++) {
    // Σ over cohorts of participants × DF at the cohort's calendar month: the weight of cohort month t.
    let weight = 0;
    for (const cohort of scenario.cohorts) {
      weight += cohort.participants * (discountFactor[cohort.intakeMonth + month] ?? 0);
    }
    const share = effectProfile(month, scenario.measurementMonth, scenario.persistence);
    const netCost = costs.netCost(month);
    weightByTable.set(netCost, (weightByTable.get(netCost) ?? 0) + weight * share);
    discountedCost += weight * costOf(month);
  }
  return attributionFromWeights(scenario, effect, weightByTable, discountedCost);
}

/**
 * The rows of {@link computeAttribution} from its weights: `weightByTable` = Σ over the months that use a net-cost
 * table of n·DF·g(t) (participants × discount factor × effect share), `discountedCost` = Σ n·DF·K(t) (kr). Lets
 * computeBusinessCase reuse the weights of its own month loop (same sums in the same order, so the same numbers).
 * @example attributionFromWeights(pilot, effect, new Map([[table, 40]]), 4_000_000).total.municipality.cost // −4e6
 */
export function attributionFromWeights(
  scenario: Scenario,
  effect: PerState<number>,
  weightByTable: ReadonlyMap<PerState<PerHolder<number>>, number>,
  discountedCost: number,
): Attribution {
  return attributionFromTables(
    scenario,
    effect,
    [...weightByTable.keys()],
    [...weightByTable.values()],
    discountedCost,
  );
}

/**
 * {@link attributionFromWeights} with the tables and their weights as two lists in the same order (a table may occur
 * more than once: each occurrence is summed on its own, in list order, as separate tables would be).
 * @example attributionFromTables(pilot, effect, [table], [40], 4_000_000).total.municipality.cost // −4e6
 */
export function attributionFromTables(
  scenario: Scenario,
  effect: PerState<number>,
  tables: readonly PerState<PerHolder<number>>[],
  weights: readonly number[],
  discountedCost: number,
): Attribution {
  const reference = scenario.attributionReference;
  const social = scenario.socioEconomic;
  let participants = 0;
  for (const cohort of scenario.cohorts) participants += cohort.participants;
  let rawEffectSum = 0;
  for (let s = 0; s < STATE_COUNT; s++) {
    const delta = effect[STATES[s] as OutcomeState];
    DELTAS[s] = delta;
    rawEffectSum += delta;
  }
  const effectSum = Math.abs(rawEffectSum) <= EFFECT_SUM_RESIDUE ? 0 : rawEffectSum;
  const referenceIndex = STATES.indexOf(reference);
  // SUMS[a·S + s]: row s of account a (ACCOUNTS × STATES), each the Σ over tables in list order of weight ×
  // contribution from 0, as before; VALUES[s·A + a] = stateValue(scenario, state s, table)[account a].
  SUMS.fill(0);
  const referenceAt = referenceIndex * ACCOUNT_COUNT;
  for (let t = 0; t < tables.length; t++) {
    const netCost = tables[t] as PerState<PerHolder<number>>;
    const weight = weights[t] as number;
    for (let s = 0; s < STATE_COUNT; s++) stateValuesInto(VALUES, s, scenario, netCost, social);
    for (let s = 0; s < STATE_COUNT; s++) {
      const delta = DELTAS[s] as number;
      for (let a = 0; a < ACCOUNT_COUNT; a++) {
        const referenceValue = VALUES[referenceAt + a] as number;
        const contribution =
          s === referenceIndex
            ? effectSum * referenceValue
            : delta * ((VALUES[s * ACCOUNT_COUNT + a] as number) - referenceValue);
        SUMS[a * STATE_COUNT + s] = (SUMS[a * STATE_COUNT + s] as number) + weight * contribution;
      }
    }
  }
  const costFactor = -(social.netTaxFactor + social.distortionFactor - 1);
  const factor = 1 / participants;
  // costValue(scenario, discountedCost): −cost for the municipality and the public total, 0 for the other holders.
  const municipality = rowsOf(0, -discountedCost);
  const state = rowsOf(1, 0);
  const region = rowsOf(2, 0);
  const otherMunicipalities = rowsOf(3, 0);
  const publicRows = rowsOf(4, -discountedCost);
  const socioEconomic = rowsOf(5, costFactor * discountedCost);
  return {
    reference,
    total: { municipality, state, region, otherMunicipalities, public: publicRows, socioEconomic },
    perParticipant: {
      municipality: scaledRows(municipality, factor),
      state: scaledRows(state, factor),
      region: scaledRows(region, factor),
      otherMunicipalities: scaledRows(otherMunicipalities, factor),
      public: scaledRows(publicRows, factor),
      socioEconomic: scaledRows(socioEconomic, factor),
    },
  };
}

/**
 * The rows of account `a` from SUMS, in ATTRIBUTION_ROWS order (the states in OUTCOME_STATES order, then `cost`;
 * test/engine/businessCaseKept.test.ts checks the order).
 */
function rowsOf(a: number, cost: number): Record<AttributionRow, number> {
  const at = a * STATE_COUNT;
  return {
    JOB: SUMS[at] as number,
    JOB_UNK: SUMS[at + 1] as number,
    JOB_PART: SUMS[at + 2] as number,
    EDU: SUMS[at + 3] as number,
    FLEX: SUMS[at + 4] as number,
    TEMP: SUMS[at + 5] as number,
    PERM: SUMS[at + 6] as number,
    ABROAD: SUMS[at + 7] as number,
    cost,
  };
}

/** Every row × factor, in ATTRIBUTION_ROWS order. */
function scaledRows(rows: Readonly<Record<AttributionRow, number>>, factor: number): Record<AttributionRow, number> {
  return {
    JOB: rows.JOB * factor,
    JOB_UNK: rows.JOB_UNK * factor,
    JOB_PART: rows.JOB_PART * factor,
    EDU: rows.EDU * factor,
    FLEX: rows.FLEX * factor,
    TEMP: rows.TEMP * factor,
    PERM: rows.PERM * factor,
    ABROAD: rows.ABROAD * factor,
    cost: rows.cost * factor,
  };
}

/** The lists, read once (a module's exported constant can be a getter call per read once transpiled to CommonJS). */
const STATES: readonly OutcomeState[] = OUTCOME_STATES;
const ACCOUNT_LIST: readonly Account[] = ACCOUNTS;
const ACCOUNT_COUNT = ACCOUNT_LIST.length;
const STATE_COUNT = STATES.length;

/** Scratch arrays of attributionFromTables, reused between calls (never part of a result): Δ_s, sums, values. */
const DELTAS = new Float64Array(STATE_COUNT);
const SUMS = new Float64Array(ACCOUNT_COUNT * STATE_COUNT);
const VALUES = new Float64Array(STATE_COUNT * ACCOUNT_COUNT);

/**
 * stateValue(scenario, state s, netCost) into values[s·A + a] in ACCOUNTS order, with the same operations (the public
 * value −Σ_h NC_h summed from 0: municipality, state, region, other municipalities).
 */
function stateValuesInto(
  values: Float64Array,
  s: number,
  scenario: Scenario,
  netCost: PerState<PerHolder<number>>,
  social: Scenario["socioEconomic"],
): void {
  const state = STATES[s] as OutcomeState;
  const cost = netCost[state];
  const economics = scenario.states[state];
  let publicCost = 0;
  publicCost += cost.municipality;
  publicCost += cost.state;
  publicCost += cost.region;
  publicCost += cost.otherMunicipalities;
  const publicValue = -publicCost;
  const at = s * ACCOUNT_COUNT;
  values[at] = -cost.municipality;
  values[at + 1] = -cost.state;
  values[at + 2] = -cost.region;
  values[at + 3] = -cost.otherMunicipalities;
  values[at + 4] = publicValue;
  values[at + 5] =
    social.netTaxFactor * (social.employerCostFactor * economics.wage - economics.healthCost) +
    (social.distortionFactor - 1) * publicValue;
}
