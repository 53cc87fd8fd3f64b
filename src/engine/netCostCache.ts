import type { PerHolder } from "./budgetHolders";
import { netCostTable, type NetCostTable } from "./netCost";
import type { Scenario } from "./scenario";
import { OUTCOME_STATES, type OutcomeState, type PerState } from "./states";

/** One net-cost table per cohort month with its distinct tables, as {@link cachedNetCostTable} keeps them. */
export interface CachedNetCosts {
  readonly table: NetCostTable;
  /** The distinct net-cost tables (one per refusion share) in the order the months first meet them. */
  readonly distinct: readonly PerState<PerHolder<number>>[];
  /** indexByMonth[t]: index into `distinct` of cohort month t's table (t = 0..horizonMonths − 1). */
  readonly indexByMonth: readonly number[];
}

/** Inputs kept: a few, so the groups of a scenario with several municipalities each keep theirs. */
const CACHE_SIZE = 16;

/** Kept tables, most recently built last, each with the inputs it was built from. */
const CACHE: { readonly inputs: Float64Array; readonly costs: CachedNetCosts }[] = [];

/** The inputs of the current call, written in place (no allocation when the table is kept); grown when needed. */
let INPUTS = new Float64Array(64);

/** A benefit payer as a number of the inputs; null for a payer netCostFromTaxes does not know (nothing is kept). */
function payerCode(payer: string): number | null {
  return payer === "municipality" ? 1 : payer === "state" ? 2 : null;
}

/**
 * Every input netCostTable reads (src/engine/netCost.ts, with monthlyTaxes of src/engine/tax.ts) into INPUTS, in a
 * fixed order: the nine tax parameters; the equalisation share; the horizon; the weeks on benefit at intake; per state
 * the wage, benefit, its payer (1 municipality, 2 state) and health cost; the refusion steps. Returns how many, or null
 * for an input that cannot be written (a payer netCostFromTaxes does not know). Keep in step with those functions: a
 * value they read that is missing here would give a stale table (test/engine/netCostCache.test.ts changes each one).
 */
function writeInputs(scenario: Scenario): number | null {
  const length = 12 + 4 * STATES.length + 1 + 2 * scenario.refusionSteps.length;
  if (INPUTS.length < length) INPUTS = new Float64Array(2 * length);
  const into = INPUTS;
  let at = 0;
  const tax = scenario.tax;
  into[at++] = tax.labourMarketContributionRate;
  into[at++] = tax.municipalTaxRate;
  into[at++] = tax.bottomTaxRate;
  into[at++] = tax.personalAllowance;
  into[at++] = tax.employmentAllowanceRate;
  into[at++] = tax.employmentAllowanceMax;
  into[at++] = tax.jobAllowanceRate;
  into[at++] = tax.jobAllowanceFloor;
  into[at++] = tax.jobAllowanceMax;
  into[at++] = scenario.equalisationShare;
  into[at++] = scenario.horizonMonths;
  into[at++] = scenario.weeksOnBenefitAtIntake;
  for (const state of STATES) {
    const economics = scenario.states[state];
    const payer = payerCode(economics.benefitPayer);
    if (payer === null) return null;
    into[at++] = economics.wage;
    into[at++] = economics.benefit;
    into[at++] = payer;
    into[at++] = economics.healthCost;
  }
  into[at++] = scenario.refusionSteps.length;
  for (const step of scenario.refusionSteps) {
    into[at++] = step.fromWeek;
    into[at++] = step.share;
  }
  return at;
}

/** True when the kept inputs are the first `length` of INPUTS, each the same by Object.is (NaN = NaN, −0 ≠ 0). */
function sameInputs(kept: Float64Array, length: number): boolean {
  if (kept.length !== length) return false;
  const inputs = INPUTS;
  for (let i = 0; i < length; i++) if (!Object.is(kept[i], inputs[i])) return false;
  return true;
}

/**
 * netCostTable(scenario), kept between calls for the last few sets of inputs it reads (compared by value with
 * Object.is, so a changed wage, tax parameter, refusion step, horizon… builds a new table), with its distinct tables
 * and each month's index into them. The same numbers as netCostTable: it is netCostTable's own table. The tables
 * are shared between calls: read them, never change them or hand them out (copy instead).
 * @example cachedNetCostTable(pilot).distinct.length // 1: the pilot's participants are past week 53 (refusion 0.2)
 */
export function cachedNetCostTable(scenario: Scenario): CachedNetCosts {
  const length = writeInputs(scenario);
  if (length === null) return withDistinctTables(netCostTable(scenario), scenario.horizonMonths);
  for (let i = CACHE.length - 1; i >= 0; i--) {
    const kept = CACHE[i];
    if (kept !== undefined && sameInputs(kept.inputs, length)) return kept.costs;
  }
  const costs = withDistinctTables(netCostTable(scenario), scenario.horizonMonths);
  if (CACHE.length >= CACHE_SIZE) CACHE.shift();
  CACHE.push({ inputs: INPUTS.slice(0, length), costs });
  return costs;
}

/** The distinct tables of a net-cost table in the order months 0..horizon − 1 first meet them. */
function withDistinctTables(table: NetCostTable, horizon: number): CachedNetCosts {
  const distinct: PerState<PerHolder<number>>[] = [];
  const indexByMonth = new Array<number>(horizon);
  for (let month = 0; month < horizon; month++) {
    const netCost = table.netCost(month);
    let index = distinct.indexOf(netCost);
    if (index < 0) index = distinct.push(netCost) - 1;
    indexByMonth[month] = index;
  }
  return { table, distinct, indexByMonth };
}

/** The states, read once (a module's exported constant can be a getter call per read once transpiled to CommonJS). */
const STATES: readonly OutcomeState[] = OUTCOME_STATES;
