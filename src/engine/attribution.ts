import { ACCOUNTS, type Account, type PerAccount } from "./accounts";
import { BUDGET_HOLDERS, type BudgetHolder, type PerHolder } from "./budgetHolders";
import { effectProfile } from "./effectProfile";
import type { NetCostTable } from "./netCost";
import type { Scenario } from "./scenario";
import { OUTCOME_STATES, sumOverStates, type OutcomeState, type PerState } from "./states";

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
  const reference = scenario.attributionReference;
  const social = scenario.socioEconomic;
  let participants = 0;
  for (const cohort of scenario.cohorts) participants += cohort.participants;
  const rawEffectSum = sumOverStates((state) => effect[state]);
  const effectSum = Math.abs(rawEffectSum) <= EFFECT_SUM_RESIDUE ? 0 : rawEffectSum;
  const referenceIndex = STATES.indexOf(reference);
  // sums[a·S + s]: row s of account a (ACCOUNTS × STATES), each the Σ over tables in Map order of weight ×
  // contribution from 0, as before; values[s·A + a] = stateValue(scenario, state s, table)[account a].
  const sums = new Float64Array(ACCOUNT_COUNT * STATE_COUNT);
  const values = new Float64Array(STATE_COUNT * ACCOUNT_COUNT);
  for (const [netCost, weight] of weightByTable) {
    for (let s = 0; s < STATE_COUNT; s++) stateValuesInto(values, s, scenario, netCost, social);
    const referenceAt = referenceIndex * ACCOUNT_COUNT;
    for (let s = 0; s < STATE_COUNT; s++) {
      const delta = effect[STATES[s] as OutcomeState];
      for (let a = 0; a < ACCOUNT_COUNT; a++) {
        const referenceValue = values[referenceAt + a] as number;
        const contribution =
          s === referenceIndex
            ? effectSum * referenceValue
            : delta * ((values[s * ACCOUNT_COUNT + a] as number) - referenceValue);
        sums[a * STATE_COUNT + s] = (sums[a * STATE_COUNT + s] as number) + weight * contribution;
      }
    }
  }
  const spent = costValue(scenario, discountedCost);
  const factor = 1 / participants;
  const total = {} as Record<Account, Record<AttributionRow, number>>;
  const perParticipant = {} as Record<Account, Record<AttributionRow, number>>;
  for (let a = 0; a < ACCOUNT_COUNT; a++) {
    const account = ACCOUNT_LIST[a] as Account;
    const rows = { ...ZERO_ROWS };
    for (let s = 0; s < STATE_COUNT; s++) rows[STATES[s] as OutcomeState] = sums[a * STATE_COUNT + s] as number;
    rows.cost = spent[account];
    const scaled = { ...ZERO_ROWS };
    for (const row of ROW_LIST) scaled[row] = rows[row] * factor;
    total[account] = rows;
    perParticipant[account] = scaled;
  }
  return { reference, total, perParticipant };
}

/** The lists, read once (a module's exported constant can be a getter call per read once transpiled to CommonJS). */
const STATES: readonly OutcomeState[] = OUTCOME_STATES;
const HOLDERS: readonly BudgetHolder[] = BUDGET_HOLDERS;
const ACCOUNT_LIST: readonly Account[] = ACCOUNTS;
const ROW_LIST: readonly AttributionRow[] = ATTRIBUTION_ROWS;
const ACCOUNT_COUNT = ACCOUNT_LIST.length;
const STATE_COUNT = STATES.length;

/** Zero in every attribution row, in ATTRIBUTION_ROWS order (copied by spreading). */
const ZERO_ROWS: Readonly<Record<AttributionRow, number>> = zeroRows();

/**
 * stateValue(scenario, state s, netCost) into values[s·A + a] in ACCOUNTS order, with the same operations (the public
 * value −Σ_h NC_h summed from 0 in HOLDERS order).
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
  for (const holder of HOLDERS) publicCost += cost[holder];
  const publicValue = -publicCost;
  const at = s * ACCOUNT_COUNT;
  for (let h = 0; h < HOLDERS.length; h++) values[at + h] = -cost[HOLDERS[h] as BudgetHolder];
  values[at + HOLDERS.length] = publicValue;
  values[at + HOLDERS.length + 1] =
    social.netTaxFactor * (social.employerCostFactor * economics.wage - economics.healthCost) +
    (social.distortionFactor - 1) * publicValue;
}

function zeroRows(): Record<AttributionRow, number> {
  const record = {} as Record<AttributionRow, number>;
  for (const row of ATTRIBUTION_ROWS) record[row] = 0;
  return record;
}
