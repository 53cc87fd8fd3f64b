/**
 * A stress model: a scenario, its payment terms and investor terms, compiled once into typed arrays so that each Monte
 * Carlo draw runs without allocating (see draw.ts). Everything that does not change between draws is computed here,
 * with the engine's own functions: the business case (costs, discount factors), the net-cost tables of each outcome
 * state per budget holder (netCostTable), the effect profile, the rate card (resolveRateCard, familiesOf), the payment
 * months (paymentMonthCore), the base fee (baseFeeScheduleCore), the sustainment card's price, duration and last
 * payment month, and the effect mapping (effectScale.ts).
 */
import { effectiveParticipantShares } from "../neutralise";
import { BUDGET_HOLDERS } from "../budgetHolders";
import { computeBusinessCase, interventionCost, type BusinessCaseResult } from "../businessCase";
import { monthlyDiscountFactor } from "../discount";
import { effectProfile } from "../effectProfile";
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { periodRate } from "../investor/rates";
import type { InvestorTerms } from "../investor/terms";
import { netCostTable } from "../netCost";
import { metricStates, parseMetric } from "../payment/metrics";
import { familiesOf } from "../payment/schedule";
import { resolveRateCard, validatePaymentTerms, validateTermsForScenario, type PaymentTerms } from "../payment/terms";
import { baseFeeScheduleCore, paymentMonthCore } from "../payment/timing";
import type { Scenario } from "../scenario";
import { OUTCOME_STATES, type OutcomeState } from "../states";
import { validateScenario } from "../validate";
import { effectScale, STATE_COUNT, type EffectScale } from "./effectScale";

/** The two metric groups a rate card can count: 0 = the self-supporting states, 1 = paid hours (JOB_PART). */
export const METRIC_GROUPS = 2;

/** Inputs of a stress test: a scenario, payment terms and investor terms (all validated by the checked entries). */
export interface StressInputs {
  readonly scenario: Scenario;
  readonly paymentTerms: PaymentTerms;
  readonly investorTerms: InvestorTerms;
}

/** A compiled stress model (read-only; share it between runs). Monthly arrays are in programme months. */
export interface StressModel extends StressInputs {
  readonly businessCase: BusinessCaseResult;
  /** Months of the business case (last intake + horizon). */
  readonly businessCaseMonths: number;
  /** The longest payment schedule any draw can produce (every possible payment month + 1). */
  readonly maxMonths: number;
  /** Intervention cost per programme month, kr (the business case's monthly.cost without its trailing zeros). */
  readonly costs: Float64Array;
  /** The investor's hurdle per month, (1 + h)^(1/12) − 1 (periodRate), or NaN without a hurdle. */
  readonly hurdleMonthlyRate: number;
  /** Mid-month discount factors to the programme start for months 0 … maxMonths − 1. */
  readonly discountFactor: Float64Array;
  /** Cohorts in the scenario's order. */
  readonly cohortParticipants: Float64Array;
  readonly cohortIntake: Int32Array;
  /** Cohort indices sorted by intake month (ties in scenario order): the order payments use volume caps. */
  readonly paymentOrder: Int32Array;
  readonly totalParticipants: number;
  readonly effect: EffectScale;
  /** States of each metric group in metricStates order (group 0: selfSupporting, group 1: paidHours). */
  readonly groupStates: readonly (readonly number[])[];
  /** True comparison shares of each metric group (sums in metricStates order, as metricShareCore). */
  readonly comparisonGroupShares: Float64Array;
  // Rate card (K metrics, card order).
  readonly metricCount: number;
  readonly metricGroup: Uint8Array;
  readonly monthsAfterMeasurement: Int32Array;
  readonly prices: readonly number[];
  readonly requires: readonly (number | null)[];
  readonly families: readonly (readonly number[])[];
  /** Volume cap per metric (Infinity = none). */
  readonly volumeCaps: Float64Array;
  /** Payment month of metric k for cohort c (scenario order): index c·K + k. */
  readonly paymentMonth: Int32Array;
  /** Baseline kind and, for a historical baseline, the rate per metric. */
  readonly baselineKind: "none" | "comparison" | "historical";
  readonly historicalBaseline: Float64Array;
  /** Threshold θ (pp) or null; its scope and, for scope contract, the gating metric's position (−1 if none). */
  readonly thresholdPP: number | null;
  readonly thresholdScope: "metric" | "contract";
  readonly contractThresholdIndex: number;
  /** Base fee by programme month (kr), length maxMonths, and the length baseFeeScheduleCore gives. */
  readonly baseFee: Float64Array;
  readonly baseFeeLength: number;
  /**
   * The sustainment card (payment/terms.ts SustainmentTerms): kr per participant and month in work (0 = no card, or a
   * card priced 0, which pays nothing) and D, the months it pays from the measurement month.
   */
  readonly sustainmentPrice: number;
  readonly sustainmentMonths: number;
  /** For a historical baseline, the selfSupporting rate the card's counts are netted against (0 otherwise). */
  readonly sustainmentHistoricalBaseline: number;
  // Business case basis per cohort month t = 0 … horizon − 1.
  /** effectProfile(t, M, ρ) at the scenario's persistence. */
  readonly profile: Float64Array;
  /** Intervention cost per participant in cohort month t (interventionCost). */
  readonly costPerParticipant: Float64Array;
  /** Which distinct net-cost table cohort month t uses. */
  readonly tableOfMonth: Int32Array;
  /** Net public cost per person and month: [table][state][holder] flattened, holders in BUDGET_HOLDERS order. */
  readonly netCost: Float64Array;
  readonly tableCount: number;
}

/**
 * Every broken rule of the inputs (empty = valid): the scenario (validateScenario), the payment terms
 * (validatePaymentTerms) and a positive intervention cost (the investor must fund something).
 * @example validateStressInputs({ scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms }) // []
 */
export function validateStressInputs(inputs: StressInputs): Issue[] {
  const issues = [
    ...validateScenario(inputs.scenario),
    ...validatePaymentTerms(inputs.paymentTerms),
    ...validateTermsForScenario(
      inputs.paymentTerms,
      inputs.scenario.measurementMonth,
      inputs.scenario.horizonMonths,
      inputs.scenario.cohorts,
    ),
  ];
  if (issues.length === 0 && !(inputs.scenario.costPerParticipant > 0)) {
    issues.push(
      issue(
        "InvalidInput",
        "costPerParticipant",
        "positive",
        "costPerParticipant must be above 0 for a stress test: the investor funds the intervention cost.",
      ),
    );
  }
  return issues;
}

/**
 * Checked: validates the inputs and compiles the model.
 * @example stressModel({ scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms: DEFAULT_INVESTOR_TERMS })
 */
export function stressModel(inputs: StressInputs): Result<StressModel> {
  const issues = validateStressInputs(inputs);
  const municipalities = inputs.scenario.municipalities ?? [];
  if (municipalities.length > 0) {
    // The kernel computes every cohort with one net-cost table (one kommuneskat and weeks on benefit), while the engine
    // gives each municipality its own (issue 10): refuse rather than simulate with the wrong rates.
    issues.push(
      issue(
        "InvalidInput",
        "municipalities",
        "unsupported",
        `municipalities: the Monte Carlo simulation (SIB.SIMULATE) does not model several municipalities yet (this scenario lists ${municipalities.map((m) => m.name).join(", ")}); leave municipalities out to simulate the case as one combined municipality. The business case, schedule, budget and the workbook's results per municipality do include them.`,
      ),
    );
  }
  inputs.paymentTerms.rateCard.forEach((line, k) => {
    // Same for progression metrics (issue 15): the kernel draws outcome states, not given progression shares.
    if (line.progression === undefined || line.progression === null) return;
    issues.push(
      issue(
        "InvalidInput",
        `rateCard[${k}].progression`,
        "unsupported",
        `rateCard[${k}]: the Monte Carlo simulation (SIB.SIMULATE) does not model the progression metric ${line.metric} yet; take it off the rate card to simulate. The schedule, deadweight and deal zone do include it.`,
      ),
    );
  });
  if (issues.length > 0) return failMany(issues);
  return ok(compileStressModel(inputs));
}

/**
 * Unchecked: compiles valid inputs (see {@link validateStressInputs}) into a model.
 * @example compileStressModel(inputs).maxMonths // 50 for the pilot (its payment falls in month 17)
 */
export function compileStressModel(inputs: StressInputs): StressModel {
  const { scenario, paymentTerms: terms } = inputs;
  const businessCase = computeBusinessCase(scenario);
  const bcMonths = businessCase.months;
  const horizon = scenario.horizonMonths;
  const cohorts = scenario.cohorts;
  const cohortCount = cohorts.length;

  const { definitions, requires } = resolveRateCard(terms.rateCard);
  const metricCount = definitions.length;
  const metricGroup = Uint8Array.from(definitions, (definition) => (definition.kind === "paidHours" ? 1 : 0));
  const monthsAfterMeasurement = Int32Array.from(definitions, (definition) => definition.monthsAfterMeasurement);
  const stateIndex = (state: OutcomeState): number => OUTCOME_STATES.indexOf(state);
  const groupStates = [
    metricStates("selfSupporting", terms.includeEducation).map(stateIndex),
    metricStates("paidHours", terms.includeEducation).map(stateIndex),
  ];
  const comparisonGroupShares = Float64Array.from(groupStates, (states) => {
    let share = 0;
    for (const s of states) share += scenario.comparisonShares[OUTCOME_STATES[s] as OutcomeState];
    return share;
  });

  const paymentMonth = new Int32Array(cohortCount * metricCount);
  let maxMonths = bcMonths;
  cohorts.forEach((cohort, c) => {
    for (let k = 0; k < metricCount; k++) {
      const month = paymentMonthCore(
        cohort.intakeMonth,
        scenario.measurementMonth,
        monthsAfterMeasurement[k] as number,
        terms.lagMonths,
      );
      paymentMonth[c * metricCount + k] = month;
      maxMonths = Math.max(maxMonths, month + 1);
    }
  });
  // The sustainment card pays in months intake + M + j + lag, j = 0 … D − 1 (sustainmentScheduleCore).
  const card = terms.sustainment ?? null;
  const sustainmentPrice = card === null ? 0 : card.monthlyPrice;
  const sustainmentMonths = card === null || !(sustainmentPrice > 0) ? 0 : card.months;
  if (sustainmentMonths > 0) {
    for (const cohort of cohorts) {
      const last = paymentMonthCore(
        cohort.intakeMonth,
        scenario.measurementMonth,
        sustainmentMonths - 1,
        terms.lagMonths,
      );
      maxMonths = Math.max(maxMonths, last + 1);
    }
  }
  const baseFeeRaw = baseFeeScheduleCore(cohorts, terms.baseFee, terms.baseFeeTiming, scenario.interventionMonths);
  maxMonths = Math.max(maxMonths, baseFeeRaw.length);
  if (terms.savingsShare > 0) maxMonths = Math.max(maxMonths, bcMonths + terms.lagMonths);
  const baseFee = new Float64Array(maxMonths);
  baseFee.set(baseFeeRaw);

  const discountFactor = Float64Array.from(
    { length: maxMonths },
    (_, t) => businessCase.monthly.discountFactor[t] ?? monthlyDiscountFactor(scenario.discountRate, t),
  );

  const historicalBaseline = Float64Array.from(definitions, (definition) =>
    historicalRate(terms.baseline, definition.id),
  );
  const sustainmentHistoricalBaseline = historicalRate(terms.baseline, "selfSupporting");
  const threshold = terms.threshold;
  let contractThresholdIndex = -1;
  if (threshold !== null && threshold.scope === "contract") {
    const id = threshold.metric === null ? definitions[0]?.id : parseMetric(threshold.metric)?.id;
    contractThresholdIndex = definitions.findIndex((definition) => definition.id === id);
  }

  const table = netCostTable(scenario);
  const tableIds = new Map<number, number>();
  const tableOfMonth = new Int32Array(horizon);
  const tables: number[] = [];
  for (let t = 0; t < horizon; t++) {
    const refusion = table.refusionByMonth[t] as number;
    let id = tableIds.get(refusion);
    if (id === undefined) {
      id = tableIds.size;
      tableIds.set(refusion, id);
      const costs = table.netCost(t);
      for (const state of OUTCOME_STATES) for (const holder of BUDGET_HOLDERS) tables.push(costs[state][holder]);
    }
    tableOfMonth[t] = id;
  }

  const order = cohorts.map((cohort, index) => ({ cohort, index }));
  order.sort((a, b) => a.cohort.intakeMonth - b.cohort.intakeMonth || a.index - b.index);

  return {
    ...inputs,
    businessCase,
    businessCaseMonths: bcMonths,
    maxMonths,
    costs: Float64Array.from(businessCase.monthly.cost.slice(0, lastNonZero(businessCase.monthly.cost) + 1)),
    hurdleMonthlyRate:
      inputs.investorTerms.hurdleRate === null ? Number.NaN : periodRate(inputs.investorTerms.hurdleRate),
    discountFactor,
    cohortParticipants: Float64Array.from(cohorts, (cohort) => cohort.participants),
    cohortIntake: Int32Array.from(cohorts, (cohort) => cohort.intakeMonth),
    paymentOrder: Int32Array.from(order, (entry) => entry.index),
    totalParticipants: businessCase.participants,
    effect: effectScale(effectiveParticipantShares(scenario), scenario.comparisonShares),
    groupStates,
    comparisonGroupShares,
    metricCount,
    metricGroup,
    monthsAfterMeasurement,
    prices: terms.rateCard.map((line) => line.price),
    requires,
    families: familiesOf(requires),
    volumeCaps: Float64Array.from(terms.rateCard, (line) => line.volumeCap ?? Infinity),
    paymentMonth,
    baselineKind: terms.baseline.kind,
    historicalBaseline,
    thresholdPP: threshold === null ? null : threshold.pp,
    thresholdScope: threshold === null ? "metric" : threshold.scope,
    contractThresholdIndex,
    baseFee,
    baseFeeLength: baseFeeRaw.length,
    sustainmentPrice: sustainmentMonths > 0 ? sustainmentPrice : 0,
    sustainmentMonths,
    sustainmentHistoricalBaseline,
    profile: Float64Array.from({ length: horizon }, (_, t) =>
      effectProfile(t, scenario.measurementMonth, scenario.persistence),
    ),
    costPerParticipant: Float64Array.from({ length: horizon }, (_, t) => interventionCost(scenario, t)),
    tableOfMonth,
    netCost: Float64Array.from(tables),
    tableCount: tableIds.size,
  };
}

/** A historical baseline's rate for a metric id (its own rate, else the baseline's rate); 0 for another baseline. */
function historicalRate(baseline: PaymentTerms["baseline"], id: string): number {
  if (baseline.kind !== "historical") return 0;
  for (const [name, rate] of Object.entries(baseline.rates)) if (parseMetric(name)?.id === id) return rate;
  return baseline.rate;
}

/** Index of the last entry that is not 0 (−1 when all are 0). */
function lastNonZero(values: readonly number[]): number {
  for (let t = values.length - 1; t >= 0; t--) if (values[t] !== 0) return t;
  return -1;
}

/** Number of holders per net-cost table row (BUDGET_HOLDERS). */
export const HOLDER_COUNT = BUDGET_HOLDERS.length;

/** Entries of one net-cost table: states × holders. */
export const TABLE_SIZE = STATE_COUNT * HOLDER_COUNT;
