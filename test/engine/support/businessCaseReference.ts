/**
 * Frozen copy of `computeBusinessCase` as of commit 371b0bf (before the issue-10 item-5 speed-up), with the helpers it
 * used from netCost.ts, tax.ts and attribution.ts copied alongside, so later changes to those files cannot move the
 * reference. Used only by test/engine/businessCaseSpeed.test.ts to check that the fast kernel gives bit-identical
 * outputs (Object.is on every number). Do not optimise or "fix" this file: it is the yardstick.
 */
import { ACCOUNTS, perAccount, type Account, type PerAccount } from "../../../src/engine/accounts";
import { BUDGET_HOLDERS, type BudgetHolder, type PerHolder } from "../../../src/engine/budgetHolders";
import { monthlyDiscountFactor } from "../../../src/engine/discount";
import { effectProfile } from "../../../src/engine/effectProfile";
import { effectiveParticipantShares } from "../../../src/engine/neutralise";
import { benefitWeek, refusionShare } from "../../../src/engine/refusion";
import type { Scenario, StateEconomics, TaxParameters } from "../../../src/engine/scenario";
import { OUTCOME_STATES, perState, sumOverStates, type OutcomeState, type PerState } from "../../../src/engine/states";

type AttributionRow = OutcomeState | "cost";
const ATTRIBUTION_ROWS: readonly AttributionRow[] = [...OUTCOME_STATES, "cost"];
const EFFECT_SUM_RESIDUE = 1e-12;

interface MonthlyTaxes {
  readonly labourMarketContribution: number;
  readonly municipalTax: number;
  readonly bottomTax: number;
}

function monthlyTaxes(economics: StateEconomics, tax: TaxParameters): MonthlyTaxes {
  const annualWage = 12 * economics.wage;
  const annualBenefit = 12 * economics.benefit;
  const labourMarketContribution = tax.labourMarketContributionRate * annualWage;
  const personalIncome = annualWage - labourMarketContribution + annualBenefit;
  const employmentAllowance = Math.min(tax.employmentAllowanceRate * annualWage, tax.employmentAllowanceMax);
  const jobAllowance = Math.min(
    tax.jobAllowanceRate * Math.max(0, annualWage - tax.jobAllowanceFloor),
    tax.jobAllowanceMax,
  );
  const taxableIncome = personalIncome - employmentAllowance - jobAllowance;
  const municipalTax = tax.municipalTaxRate * Math.max(0, taxableIncome - tax.personalAllowance);
  const bottomTax = tax.bottomTaxRate * Math.max(0, personalIncome - tax.personalAllowance);
  return {
    labourMarketContribution: labourMarketContribution / 12,
    municipalTax: municipalTax / 12,
    bottomTax: bottomTax / 12,
  };
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

interface NetCostTable {
  readonly refusionByMonth: readonly number[];
  readonly netCost: (month: number) => PerState<PerHolder<number>>;
}

function netCostTable(scenario: Scenario): NetCostTable {
  const taxes = perState((state) => monthlyTaxes(scenario.states[state], scenario.tax));
  const refusionByMonth = Array.from({ length: scenario.horizonMonths }, (_, month) =>
    refusionShare(scenario.refusionSteps, benefitWeek(scenario.weeksOnBenefitAtIntake, month)),
  );
  const cache = new Map<number, PerState<PerHolder<number>>>();
  const netCost = (month: number): PerState<PerHolder<number>> => {
    const refusion = refusionByMonth[month];
    if (refusion === undefined) throw new Error(`month ${month} outside the horizon`);
    const cached = cache.get(refusion);
    if (cached !== undefined) return cached;
    const table = perState((state) => netCostFromTaxes(scenario, state, refusion, taxes[state]));
    cache.set(refusion, table);
    return table;
  };
  return { refusionByMonth, netCost };
}

function savingAtFullEffect(effect: PerState<number>, netCost: PerState<PerHolder<number>>): PerHolder<number> {
  const saving = { municipality: 0, state: 0, region: 0, otherMunicipalities: 0 } as Record<BudgetHolder, number>;
  for (const state of OUTCOME_STATES) {
    for (const holder of BUDGET_HOLDERS) saving[holder] -= effect[state] * netCost[state][holder];
  }
  return saving;
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

function computeAttribution(
  scenario: Scenario,
  effect: PerState<number>,
  costs: NetCostTable,
  discountFactor: readonly number[],
  costOf: (month: number) => number,
) {
  const reference = scenario.attributionReference;
  const participants = scenario.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0);
  const rawEffectSum = sumOverStates((state) => effect[state]);
  const effectSum = Math.abs(rawEffectSum) <= EFFECT_SUM_RESIDUE ? 0 : rawEffectSum;
  const weightByTable = new Map<PerState<PerHolder<number>>, number>();
  let discountedCost = 0;
  for (let month = 0; month < scenario.horizonMonths; month++) {
    let weight = 0;
    for (const cohort of scenario.cohorts) {
      weight += cohort.participants * (discountFactor[cohort.intakeMonth + month] ?? 0);
    }
    const share = effectProfile(month, scenario.measurementMonth, scenario.persistence);
    const netCost = costs.netCost(month);
    weightByTable.set(netCost, (weightByTable.get(netCost) ?? 0) + weight * share);
    discountedCost += weight * costOf(month);
  }
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

function interventionCost(scenario: Scenario, month: number): number {
  if (scenario.costTiming === "upfront") return month === 0 ? scenario.costPerParticipant : 0;
  return month < scenario.interventionMonths ? scenario.costPerParticipant / scenario.interventionMonths : 0;
}

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

/** The business case exactly as computed before the speed-up (same outputs as BusinessCaseResult). */
export function referenceBusinessCase(scenario: Scenario) {
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
  const cohorts: {
    intakeMonth: number;
    participants: number;
    npv: PerAccount<number>;
    npvPerParticipant: PerAccount<number>;
  }[] = [];
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
  const breakEven = {} as Record<Account, number | null>;
  for (const account of ACCOUNTS) breakEven[account] = breakEvenMonth(netFlow[account], discountFactor);
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
    breakEvenMonth: breakEven,
    cohorts,
    attribution: computeAttribution(scenario, effect, costs, discountFactor, (month) =>
      interventionCost(scenario, month),
    ),
  };
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
