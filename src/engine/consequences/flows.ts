import { ACCOUNTS, perAccount, type Account, type PerAccount } from "../accounts";
import { ATTRIBUTION_ROWS, EFFECT_SUM_RESIDUE, type Attribution, type AttributionRow } from "../attribution";
import type { Scenario } from "../scenario";
import { OUTCOME_STATES, sumOverStates, type OutcomeState, type PerState } from "../states";
import { CONSEQUENCE_AREAS, type Consequence, type ConsequenceArea } from "./model";
import { changesNothing, unitPriceInParameterYear } from "./price";

/** The payers' share of a row's saving: kommune, region and stat (kr per participant-year at full effect). */
export interface PayerSaving {
  readonly municipality: number;
  readonly state: number;
  readonly region: number;
}

/** A row that changes something: its saving per participant-year at the full measured effect, per payer (kr/year). */
export interface ActiveConsequence {
  readonly row: Consequence;
  /** Position of the row in `scenario.consequences`. */
  readonly index: number;
  /** Unit price in fixed prices of the parameter year, kr per unit. */
  readonly price: number;
  /** Σ_s Δ_s × change_s: change in units per participant-year at the full effect (negative = less use). */
  readonly useChange: number;
  readonly saving: PayerSaving;
}

/**
 * The rows of a validated scenario that change anything, with their saving per participant-year at the full effect:
 * saving = −price × Σ_s Δ_s × change_s, split to the payer (a municipal row's `refusionShare` goes to the state).
 * Rows whose change is exactly 0 are left out, so they add exactly 0 (not even −0).
 * @example activeConsequences(pilot, effect) // [] for the pilot (no rows)
 */
export function activeConsequences(scenario: Scenario, effect: PerState<number>): ActiveConsequence[] {
  const rows = scenario.consequences ?? [];
  const active: ActiveConsequence[] = [];
  rows.forEach((row, index) => {
    if (changesNothing(row)) return;
    const price = unitPriceInParameterYear(row, scenario.parameterYear);
    if (price === null) throw new Error(`consequences[${index}] has no price: validateScenario must refuse it`);
    const useChange = sumOverStates((state) => effect[state] * row.changePerYear[state]);
    if (useChange === 0 || price === 0) return;
    const total = -useChange * price;
    const saving: PayerSaving =
      row.payer === "municipality"
        ? { municipality: total * (1 - row.refusionShare), state: total * row.refusionShare, region: 0 }
        : row.payer === "region"
          ? { municipality: 0, state: 0, region: total }
          : { municipality: 0, state: total, region: 0 };
    active.push({ row, index, price, useChange, saving });
  });
  return active;
}

/**
 * h(t): the share of a row's change present in cohort month t besides the effect profile g(t): 0 from the row's
 * duration on, else (1 − decay)^((t − M)/12) after the measurement month M (1 before it and without decay).
 * @example durationDecay({ …row, durationMonths: 120, decayPerYear: 0.1 }, 26, 14) // 0.9
 */
export function durationDecay(row: Consequence, month: number, measurementMonth: number): number {
  if (month >= row.durationMonths) return 0;
  if (row.decayPerYear === 0 || month <= measurementMonth) return 1;
  return Math.pow(1 - row.decayPerYear, (month - measurementMonth) / 12);
}

/**
 * Value to every account of a payer saving (kr, positive = gain): each payer its part, the public total their sum,
 * society (NAF + φ − 1) × the public saving (a service not bought frees its resources at market prices, and public
 * money saved avoids the distortion of raising it; DOMAIN.md b5, as the per-state health cost).
 * @example accountValues(pilot, { municipality: 100, state: 0, region: 0 }).socioEconomic // 100 with NAF 1, φ 1
 */
export function accountValues(scenario: Scenario, saving: PayerSaving): PerAccount<number> {
  const social = scenario.socioEconomic;
  const publicSaving = saving.municipality + saving.state + saving.region;
  return {
    municipality: saving.municipality,
    state: saving.state,
    region: saving.region,
    otherMunicipalities: 0,
    public: publicSaving,
    socioEconomic: (social.netTaxFactor + social.distortionFactor - 1) * publicSaving,
  };
}

/**
 * Monthly flows of all active rows per participant of a cohort, kr/month per account in cohort month t:
 * Σ_rows g(t) × h(t) × saving/12. Null when no row changes anything (the narrow case, left untouched).
 * `share[t]` = g(t), the effect profile of src/engine/effectProfile.ts.
 */
export function consequenceFlows(
  scenario: Scenario,
  effect: PerState<number>,
  share: (month: number) => number,
): PerAccount<Float64Array> | null {
  const active = activeConsequences(scenario, effect);
  if (active.length === 0) return null;
  const horizon = scenario.horizonMonths;
  const flows = perAccount(() => new Float64Array(horizon));
  for (const item of active) {
    const values = accountValues(scenario, item.saving);
    for (let month = 0; month < horizon; month++) {
      const factor = (share(month) * durationDecay(item.row, month, scenario.measurementMonth)) / 12;
      if (factor === 0) continue;
      for (const account of ACCOUNTS)
        flows[account][month] = (flows[account][month] as number) + values[account] * factor;
    }
  }
  return flows;
}

/** Rows of the attribution by consequence area: `employment` (the narrow case, cost included) and the areas. */
export const AREA_ROWS = ["employment", ...CONSEQUENCE_AREAS] as const;
export type AreaRow = (typeof AREA_ROWS)[number];

/** One active row's present value per account (kr, all participants and per participant). */
export interface ConsequenceRowResult {
  readonly id: string;
  readonly area: ConsequenceArea;
  readonly total: PerAccount<number>;
  readonly perParticipant: PerAccount<number>;
}

/**
 * The broad case by consequence area: every account's NPV split into `employment` (benefits, taxes, production and
 * the intervention cost: the narrow case) and one row per consequence area; the rows sum to the account's NPV.
 * kr in fixed prices of the parameter year, discounted at the real rate; positive = gain.
 */
export interface ConsequenceResult {
  readonly byArea: {
    readonly total: PerAccount<Readonly<Record<AreaRow, number>>>;
    readonly perParticipant: PerAccount<Readonly<Record<AreaRow, number>>>;
  };
  /** The rows that change anything, in list order. */
  readonly rows: readonly ConsequenceRowResult[];
  /** Per active row and account, the split by outcome state (kr, all participants), for the attribution by state. */
  readonly stateRows: readonly PerAccount<PerState<number>>[];
}

/**
 * Present values of the consequence rows from the cohort loop's weights: `weightedShare[t]` = Σ over cohorts of
 * n × DF(τ + t) × g(t) (participants × discount factor × effect profile, per cohort month). Row value per account =
 * Σ_t weightedShare[t] × h(t) × saving/12; its split by state is, as in src/engine/attribution.ts,
 * Δ_s × (v(s) − v(ref)) with v(s) = −change_s × price/12 valued per account, and Σ Δ × v(ref) on the reference.
 * `npvTotal` = the broad NPV of every account; `employment` = npvTotal − Σ areas.
 * @example consequenceResult(pilot, effect, weights, npv, 56).byArea.total.municipality.crime // 0 (no rows)
 */
export function consequenceResult(
  scenario: Scenario,
  effect: PerState<number>,
  weightedShare: ArrayLike<number>,
  npvTotal: PerAccount<number>,
  participants: number,
): ConsequenceResult {
  const active = activeConsequences(scenario, effect);
  const areaTotals = perAccount(() => zeroAreas());
  const rows: ConsequenceRowResult[] = [];
  const stateRows: PerAccount<PerState<number>>[] = [];
  const reference = scenario.attributionReference;
  const rawEffectSum = sumOverStates((state) => effect[state]);
  const effectSum = Math.abs(rawEffectSum) <= EFFECT_SUM_RESIDUE ? 0 : rawEffectSum;
  for (const item of active) {
    let weight = 0;
    for (let month = 0; month < scenario.horizonMonths; month++) {
      weight += (weightedShare[month] ?? 0) * durationDecay(item.row, month, scenario.measurementMonth);
    }
    const values = accountValues(scenario, item.saving);
    const total = perAccount((account) => (weight * values[account]) / 12);
    for (const account of ACCOUNTS) areaTotals[account][item.row.area] += total[account];
    rows.push({
      id: item.row.id,
      area: item.row.area,
      total,
      perParticipant: perAccount((account) => total[account] / participants),
    });
    // v(s) per account: the value of one person-year in state s, scaled like `values` (a share of the saving).
    const perUnitOfUse = perAccount((account) => (item.useChange === 0 ? 0 : values[account] / item.useChange));
    const valueOf = (state: OutcomeState, account: Account): number =>
      (item.row.changePerYear[state] * perUnitOfUse[account] * weight) / 12;
    stateRows.push(
      perAccount((account) => {
        const record = {} as Record<OutcomeState, number>;
        for (const state of OUTCOME_STATES) {
          record[state] =
            state === reference
              ? effectSum * valueOf(reference, account)
              : effect[state] * (valueOf(state, account) - valueOf(reference, account));
        }
        return record;
      }),
    );
  }
  const totalRows = perAccount((account) => {
    const record = { ...areaTotals[account] };
    record.employment = npvTotal[account] - CONSEQUENCE_AREAS.reduce((sum, area) => sum + record[area], 0);
    return record;
  });
  return {
    byArea: {
      total: totalRows,
      perParticipant: perAccount((account) => scaleAreas(totalRows[account], 1 / participants)),
    },
    rows,
    stateRows,
  };
}

/**
 * The attribution by outcome state with the consequence rows' split added to the states' rows (rows + cost still sum
 * to the broad NPV). Returns `base` itself when no row changes anything.
 */
export function withConsequenceRows(
  base: Attribution,
  consequences: ConsequenceResult,
  participants: number,
): Attribution {
  if (consequences.stateRows.length === 0) return base;
  const total = perAccount((account) => {
    const record = { ...base.total[account] } as Record<AttributionRow, number>;
    for (const split of consequences.stateRows) {
      for (const state of OUTCOME_STATES) record[state] += split[account][state];
    }
    return record;
  });
  const perParticipant = perAccount((account) => {
    const record = {} as Record<AttributionRow, number>;
    for (const row of ATTRIBUTION_ROWS) record[row] = total[account][row] * (1 / participants);
    return record;
  });
  return { reference: base.reference, total, perParticipant };
}

function zeroAreas(): Record<AreaRow, number> {
  const record = {} as Record<AreaRow, number>;
  for (const row of AREA_ROWS) record[row] = 0;
  return record;
}

function scaleAreas(rows: Readonly<Record<AreaRow, number>>, factor: number): Record<AreaRow, number> {
  const record = zeroAreas();
  for (const row of AREA_ROWS) record[row] = rows[row] * factor;
  return record;
}

/**
 * Σ over groups of weight[t] × share[t]: per cohort month, Σ over cohorts of n × DF × g(t) (the weights of
 * computeBusinessCase's cohort loop times the effect profile), the weights {@link consequenceResult} takes.
 */
export function weightedShares(
  shares: readonly ArrayLike<number>[],
  weights: readonly ArrayLike<number>[],
  horizon: number,
): Float64Array {
  const result = new Float64Array(horizon);
  shares.forEach((share, group) => {
    const weight = weights[group];
    if (weight === undefined) return;
    for (let month = 0; month < horizon; month++) {
      result[month] = (result[month] as number) + (weight[month] ?? 0) * (share[month] ?? 0);
    }
  });
  return result;
}
