import type { PerHolder } from "./budgetHolders";
import { benefitWeek, refusionShare } from "./refusion";
import type { Scenario } from "./scenario";
import { OUTCOME_STATES, perState, type OutcomeState, type PerState } from "./states";
import { monthlyTaxes, type MonthlyTaxes } from "./tax";

/**
 * Net public cost (kr/month, negative = net revenue) of one person in `state`, per budget holder, when the state
 * reimburses the share `refusion` of municipal benefits (DOMAIN.md b3):
 * municipality = (1 − r)·B^K − (1 − U)·kommuneskat; state = r·B^K + B^S − bundskat − AM; region = health cost;
 * otherMunicipalities = −U·kommuneskat (equalisation moves that share of the tax change to the other kommuner).
 */
export function netCostOfState(scenario: Scenario, state: OutcomeState, refusion: number): PerHolder<number> {
  return netCostFromTaxes(scenario, state, refusion, monthlyTaxes(scenario.states[state], scenario.tax));
}

function netCostFromTaxes(
  scenario: Scenario,
  state: OutcomeState,
  refusion: number,
  taxes: MonthlyTaxes,
): PerHolder<number> {
  const economics = scenario.states[state];
  const municipalBenefit = economics.benefitPayer === "municipality" ? economics.benefit : 0;
  const stateBenefit = economics.benefitPayer === "state" ? economics.benefit : 0;
  const retained = 1 - scenario.equalisationShare;
  return {
    municipality: (1 - refusion) * municipalBenefit - retained * taxes.municipalTax,
    state: refusion * municipalBenefit + stateBenefit - taxes.bottomTax - taxes.labourMarketContribution,
    region: economics.healthCost,
    otherMunicipalities: -scenario.equalisationShare * taxes.municipalTax,
  };
}

/** Net cost per state and holder for each cohort month 0..T−1 (refusion follows the benefit-week counter). */
export interface NetCostTable {
  readonly taxes: PerState<MonthlyTaxes>;
  /** refusionByMonth[t]: refusion share in cohort month t. */
  readonly refusionByMonth: readonly number[];
  /** Net cost in cohort month t: netCost(t)[state][holder]. */
  readonly netCost: (month: number) => PerState<PerHolder<number>>;
}

export function netCostTable(scenario: Scenario): NetCostTable {
  const taxes = perState((state) => monthlyTaxes(scenario.states[state], scenario.tax));
  const horizon = scenario.horizonMonths;
  const steps = scenario.refusionSteps;
  const weeks = scenario.weeksOnBenefitAtIntake;
  const refusionByMonth = new Array<number>(horizon);
  const tableByMonth = new Array<PerState<PerHolder<number>>>(horizon);
  // One table per distinct refusion share (as a Map's keys: SameValueZero), built when first met; each month points at
  // its table. The shares are few (one per refusion step at most), so a list is searched.
  const shares: number[] = [];
  const tables: PerState<PerHolder<number>>[] = [];
  let last = NaN;
  let table: PerState<PerHolder<number>> | undefined;
  for (let month = 0; month < horizon; month++) {
    const refusion = refusionShare(steps, benefitWeek(weeks, month));
    if (table === undefined || !sameValueZero(refusion, last)) {
      let index = 0;
      while (index < shares.length && !sameValueZero(shares[index] as number, refusion)) index++;
      table = tables[index];
      if (table === undefined) {
        const share = refusion;
        table = perState((state) => netCostFromTaxes(scenario, state, share, taxes[state]));
        shares.push(refusion);
        tables.push(table);
      }
      last = refusion;
    }
    refusionByMonth[month] = refusion;
    tableByMonth[month] = table;
  }
  const netCost = (month: number): PerState<PerHolder<number>> => {
    const table = tableByMonth[month];
    if (table === undefined) throw new Error(`month ${month} outside the horizon`);
    return table;
  };
  return { taxes, refusionByMonth, netCost };
}

/** Equality of Map keys (SameValueZero): === except that NaN equals NaN. */
function sameValueZero(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * Monthly saving per participant at full effect for every holder (kr/month, positive = saving): −Σ_s Δ_s·NC_h(s),
 * each holder's sum starting at 0 and subtracting Δ_s·NC_h(s) state by state in OUTCOME_STATES order.
 * @example savingAtFullEffect(effect, netCost(20)).municipality // > 0 for the pilot (fewer on kontanthjælp)
 */
export function savingAtFullEffect(effect: PerState<number>, netCost: PerState<PerHolder<number>>): PerHolder<number> {
  let municipality = 0;
  let state = 0;
  let region = 0;
  let otherMunicipalities = 0;
  for (const name of STATES) {
    const delta = effect[name];
    const cost = netCost[name];
    municipality -= delta * cost.municipality;
    state -= delta * cost.state;
    region -= delta * cost.region;
    otherMunicipalities -= delta * cost.otherMunicipalities;
  }
  return { municipality, state, region, otherMunicipalities };
}

/** The states, read once (a module's exported constant can be a getter call per read once transpiled to CommonJS). */
const STATES: readonly OutcomeState[] = OUTCOME_STATES;
