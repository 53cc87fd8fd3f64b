/**
 * The payment schedule of a contract for a scenario: who pays how much in which programme month, and what that leaves
 * the municipality. Composes the pieces in this folder, in this order:
 *
 * 1. metric shares at the measurement month M (sustainment metrics: × ρ^k, k months after M) for participants and
 *    the comparison group; effect = participant − comparison share, in percentage points;
 * 2. threshold: a metric (scope `metric`) or every outcome payment and the savings share (scope `contract`) pays 0
 *    unless the effect reaches θ pp;
 * 3. per cohort (in order of intake): payable outcomes = max(0, participant share − baseline share) × participants;
 *    a chained metric is capped at its prerequisite's paid count; a volume cap is used up by earlier cohorts first;
 * 4. per-person cap along each family of chained metrics (people stacked, see caps.ts);
 * 5. timing: paid at intake + M + k + claim lag; base fee at intake or over the effort; savings share (high-water
 *    mark) in the month of saving + lag;
 * 6. contract cap on the cumulative total (the last payments are cut, components scaled alike);
 * 7. payer split: municipality w, state 1 − w; the municipality's net position = its savings before the intervention
 *    cost − its payments.
 *
 * Months are programme months (0-based); arrays cover at least the business case's months and extend when payments
 * fall later. Amounts are kr, positive = paid by the payer. Discounting uses the business case's mid-month factors.
 */
import { effectiveParticipantShares } from "../neutralise";
import { computeBusinessCase, type BusinessCaseResult } from "../businessCase";
import { monthlyDiscountFactor } from "../discount";
import { failMany, ok, type Result } from "../errors";
import type { Scenario } from "../scenario";
import { validateScenario } from "../validate";
import { payableAboveBaselineCore } from "./baseline";
import { contractCapCore, personCappedPricesCore } from "./caps";
import { metricShareCore, parseMetric } from "./metrics";
import { municipalityPositionCore, type MunicipalityPosition } from "./position";
import { progressionCohortShare, progressionPooledShare } from "./progression";
import { savingsByMonth, savingsShareCore } from "./savingsShare";
import {
  resolveRateCard,
  validatePaymentTerms,
  validateTermsForScenario,
  type BaselineTerms,
  type PaymentTerms,
} from "./terms";
import { effectPercentagePoints, meetsThresholdCore } from "./threshold";
import { addAt, baseFeeScheduleCore, delayCore, paymentMonthCore, splitByPayerCore, type PerPayer } from "./timing";

/** What one metric of the rate card pays under a scenario. */
export interface MetricPaymentSummary {
  /** Canonical metric id. */
  readonly metric: string;
  /** Price per outcome, kr. */
  readonly price: number;
  /** Share of participants / the comparison group in the metric (0–1) at M + k. */
  readonly participantShare: number;
  readonly comparisonShare: number;
  /** The baseline share outcomes are netted against (0 for a gross rate card). */
  readonly baselineShare: number;
  /** Participant − comparison share, percentage points. */
  readonly effectPercentagePoints: number;
  /** False when a threshold (on this metric or on the contract) stops its payments. */
  readonly thresholdMet: boolean;
  /** Outcomes paid over all cohorts, after baseline, threshold, chain and volume cap. */
  readonly payableCount: number;
  /** Months from a cohort's intake to the payment: M + k + claim lag. */
  readonly monthsAfterIntake: number;
  /** Total paid for the metric, kr, after the person and contract caps. */
  readonly total: number;
}

/** Totals of a schedule, kr. */
export interface PaymentTotals {
  readonly all: number;
  readonly byPayer: PerPayer<number>;
  readonly outcomes: number;
  readonly byMetric: Readonly<Record<string, number>>;
  readonly baseFee: number;
  readonly savingsShare: number;
  /** Paid under the sustainment card (0 without one). */
  readonly sustainment: number;
  /** Paid for progression metrics (part of `outcomes`; not a budget saving, progression.ts). */
  readonly progression: number;
}

/** A contract's payments by programme month. All monthly arrays have length `months`. */
export interface PaymentSchedule {
  readonly months: number;
  /** Mid-month discount factors to the programme start. */
  readonly discountFactor: readonly number[];
  /** Total payments per month, kr (after the contract cap). */
  readonly total: readonly number[];
  readonly byPayer: PerPayer<readonly number[]>;
  /** Outcome payments per metric id per month, kr (after caps). */
  readonly byMetric: Readonly<Record<string, readonly number[]>>;
  readonly baseFee: readonly number[];
  readonly savingsShare: readonly number[];
  /** Payments of the sustainment card per month, kr (after the contract cap; all 0 without one). */
  readonly sustainment: readonly number[];
  /**
   * Payments for progression metrics per month, kr (after caps; part of byMetric): money the payers spend that is not
   * a budget saving (progression.ts). All 0 without progression metrics.
   */
  readonly progression: readonly number[];
  readonly metrics: readonly MetricPaymentSummary[];
  /** False when a contract-scope threshold stops all outcome payments and the savings share. */
  readonly contractThresholdMet: boolean;
  /** True when the contract cap cut some payment. */
  readonly contractCapBinding: boolean;
  readonly totals: PaymentTotals;
  /** Present values at the programme start, kr. */
  readonly discountedTotals: { readonly all: number; readonly byPayer: PerPayer<number> };
  /** The municipality's savings (before the intervention cost) − its payments. */
  readonly municipality: MunicipalityPosition;
  /**
   * The contract money actually paid when the terms index prices yearly (`priceIndexation` π): amount × (1 + π)^⌊t/12⌋
   * in programme month t. Every other amount of the schedule is in fixed prices of the parameter year (deflated with
   * the same index), as the savings it is compared with. Equal to `total` and `byPayer` when π = 0.
   */
  readonly nominal: {
    readonly priceIndexation: number;
    /** (1 + π)^⌊t/12⌋ per programme month. */
    readonly priceIndex: readonly number[];
    readonly total: readonly number[];
    readonly byPayer: PerPayer<readonly number[]>;
    readonly totals: { readonly all: number; readonly byPayer: PerPayer<number> };
  };
}

/**
 * Price index of an indexed contract in programme month t: (1 + π)^⌊t/12⌋ (prices change once a contract year).
 * @example contractPriceIndex(0.02, 12) // 1.02
 */
export function contractPriceIndex(priceIndexation: number, month: number): number {
  return Math.pow(1 + priceIndexation, Math.floor(month / 12));
}

/**
 * Checked: validates the terms (every bad field) and computes the schedule for a scenario and its business case
 * (both from {@link runBusinessCase}, i.e. already valid).
 * @example paymentScheduleFor(pilot, computeBusinessCase(pilot), PILOT_PAYMENT_TERMS) // ok(schedule)
 */
export function paymentScheduleFor(
  scenario: Scenario,
  businessCase: BusinessCaseResult,
  terms: PaymentTerms,
): Result<PaymentSchedule> {
  const issues = [
    ...validatePaymentTerms(terms),
    ...validateTermsForScenario(terms, scenario.measurementMonth, scenario.horizonMonths, scenario.cohorts),
  ];
  if (issues.length > 0) return failMany(issues);
  return ok(computePaymentSchedule(scenario, businessCase, terms));
}

/**
 * Checked: validates the scenario and the terms (all issues of both) and computes business case and schedule.
 * @example runPaymentSchedule(pilot, PILOT_PAYMENT_TERMS) // ok(schedule): 3,932,987 kr paid in month 17
 */
export function runPaymentSchedule(scenario: Scenario, terms: PaymentTerms): Result<PaymentSchedule> {
  const issues = [
    ...validateScenario(scenario),
    ...validatePaymentTerms(terms),
    ...validateTermsForScenario(terms, scenario.measurementMonth, scenario.horizonMonths, scenario.cohorts),
  ];
  if (issues.length > 0) return failMany(issues);
  return ok(computePaymentSchedule(scenario, computeBusinessCase(scenario), terms));
}

/**
 * Unchecked schedule (see the module comment for the steps). The scenario, its business case and the terms must be
 * valid; use {@link paymentScheduleFor} or {@link runPaymentSchedule} otherwise.
 * @example computePaymentSchedule(pilot, computeBusinessCase(pilot), PILOT_PAYMENT_TERMS).totals.all // 3,932,987
 */
export function computePaymentSchedule(
  scenario: Scenario,
  businessCase: BusinessCaseResult,
  terms: PaymentTerms,
): PaymentSchedule {
  const { definitions, requires } = resolveRateCard(terms.rateCard);
  const prices = terms.rateCard.map((line) => line.price);
  const shareOf = (shares: Scenario["participantShares"]): number[] =>
    definitions.map((definition) => metricShareCore(definition, shares, scenario.persistence, terms.includeEducation));
  const cohortSizes = scenario.cohorts.map((cohort) => cohort.participants);
  const progressionOf = (k: number): NonNullable<PaymentTerms["rateCard"][number]["progression"]> | null =>
    terms.rateCard[k]?.progression ?? null;
  // A progression metric's shares are given per cohort (pooled here for the summary), not outcome states.
  const participantShare = shareOf(effectiveParticipantShares(scenario)).map((share, k) => {
    const measure = progressionOf(k);
    return measure === null ? share : progressionPooledShare(measure, cohortSizes);
  });
  const comparisonShare = shareOf(scenario.comparisonShares).map(
    (share, k) => progressionOf(k)?.comparisonShare ?? share,
  );
  const effect = participantShare.map((share, k) => effectPercentagePoints(share, comparisonShare[k] ?? 0));
  const baselineShare = definitions.map((definition, k) =>
    baselineShareOf(terms.baseline, definition.id, comparisonShare[k] ?? 0),
  );

  const threshold = terms.threshold;
  let contractThresholdMet = true;
  if (threshold !== null && threshold.scope === "contract") {
    const id = threshold.metric === null ? definitions[0]?.id : parseMetric(threshold.metric)?.id;
    const index = definitions.findIndex((definition) => definition.id === id);
    contractThresholdMet = meetsThresholdCore(effect[index] ?? Number.NaN, threshold.pp);
  }
  const thresholdMet = effect.map(
    (value) =>
      contractThresholdMet &&
      (threshold === null || threshold.scope === "contract" || meetsThresholdCore(value, threshold.pp)),
  );

  const families = familiesOf(requires);
  const remaining = terms.rateCard.map((line) => line.volumeCap ?? Infinity);
  const payableCount = new Array<number>(definitions.length).fill(0);
  const outcomeRaw = definitions.map((): number[] => []);
  const cohorts = scenario.cohorts
    .map((cohort, index) => ({ cohort, index }))
    .sort((a, b) => a.cohort.intakeMonth - b.cohort.intakeMonth || a.index - b.index);
  for (const { cohort, index } of cohorts) {
    const payable = new Array<number>(definitions.length).fill(0);
    definitions.forEach((_, k) => {
      const measure = progressionOf(k);
      const cohortShare = measure === null ? (participantShare[k] ?? 0) : progressionCohortShare(measure, index);
      let count = thresholdMet[k]
        ? payableAboveBaselineCore(cohortShare, baselineShare[k] ?? 0, cohort.participants)
        : 0;
      const prerequisite = requires[k];
      if (prerequisite !== null && prerequisite !== undefined) count = Math.min(count, payable[prerequisite] ?? 0);
      const paid = Math.max(0, Math.min(count, remaining[k] ?? 0));
      remaining[k] = (remaining[k] ?? 0) - paid;
      payable[k] = paid;
      payableCount[k] = (payableCount[k] ?? 0) + paid;
    });
    const effectivePrices = familyCappedPrices(payable, prices, families, terms.personCap);
    definitions.forEach((definition, k) => {
      const month = paymentMonthCore(
        cohort.intakeMonth,
        progressionOf(k)?.measurementMonth ?? scenario.measurementMonth,
        definition.monthsAfterMeasurement,
        terms.lagMonths,
      );
      const amount = (payable[k] ?? 0) * (effectivePrices[k] ?? 0);
      const target = outcomeRaw[k];
      // Only real payments extend the schedule (a price-0 metric paid late does not).
      if (target !== undefined && amount !== 0) addAt(target, month, amount);
    });
  }

  const sustainmentRaw = sustainmentScheduleCore(scenario, terms, threshold, contractThresholdMet);

  const baseFeeRaw = baseFeeScheduleCore(
    scenario.cohorts,
    terms.baseFee,
    terms.baseFeeTiming,
    scenario.interventionMonths,
  );
  const savingsRaw =
    terms.savingsShare > 0 && contractThresholdMet
      ? delayCore(
          savingsShareCore(savingsByMonth(businessCase, terms.savingsScope), terms.savingsShare),
          terms.lagMonths,
        )
      : [];

  const months = Math.max(
    businessCase.months,
    baseFeeRaw.length,
    savingsRaw.length,
    sustainmentRaw.length,
    ...outcomeRaw.map((a) => a.length),
  );
  const raw = Array.from({ length: months }, (_, t) => {
    let sum = (baseFeeRaw[t] ?? 0) + (savingsRaw[t] ?? 0) + (sustainmentRaw[t] ?? 0);
    for (const amounts of outcomeRaw) sum += amounts[t] ?? 0;
    return sum;
  });
  const total = contractCapCore(raw, terms.contractCap);
  const scale = raw.map((value, t) => (value > 0 ? (total[t] ?? 0) / value : 0));
  const scaled = (amounts: readonly number[]): number[] =>
    Array.from({ length: months }, (_, t) => (amounts[t] ?? 0) * (scale[t] ?? 0));
  const byMetricArrays = outcomeRaw.map(scaled);
  const progression = new Array<number>(months).fill(0);
  byMetricArrays.forEach((amounts, k) => {
    if (progressionOf(k) !== null) amounts.forEach((value, t) => (progression[t] = (progression[t] ?? 0) + value));
  });
  const baseFee = scaled(baseFeeRaw);
  const savingsShare = scaled(savingsRaw);
  const sustainment = scaled(sustainmentRaw);
  const byPayer = splitByPayerCore(total, terms.municipalityShare);

  const discountFactor = Array.from(
    { length: months },
    (_, t) => businessCase.monthly.discountFactor[t] ?? monthlyDiscountFactor(scenario.discountRate, t),
  );
  const municipality = municipalityPositionCore(
    savingsByMonth(businessCase, "narrow"),
    byPayer.municipality,
    discountFactor,
  );

  const metricTotals = byMetricArrays.map(sum);
  const byMetric: Record<string, readonly number[]> = {};
  const byMetricTotal: Record<string, number> = {};
  definitions.forEach((definition, k) => {
    byMetric[definition.id] = byMetricArrays[k] ?? [];
    byMetricTotal[definition.id] = metricTotals[k] ?? 0;
  });
  const rawTotal = sum(raw);
  const allTotal = sum(total);
  const indexation = terms.priceIndexation ?? 0;
  const priceIndex = Array.from({ length: months }, (_, t) => contractPriceIndex(indexation, t));
  const inflate = (amounts: readonly number[]): number[] => amounts.map((value, t) => value * (priceIndex[t] ?? 1));
  const nominalTotal = inflate(total);
  const nominalByPayer = { municipality: inflate(byPayer.municipality), state: inflate(byPayer.state) };
  return {
    months,
    discountFactor,
    total,
    byPayer,
    byMetric,
    baseFee,
    savingsShare,
    sustainment,
    progression,
    metrics: definitions.map((definition, k) => ({
      metric: definition.id,
      price: prices[k] ?? 0,
      participantShare: participantShare[k] ?? 0,
      comparisonShare: comparisonShare[k] ?? 0,
      baselineShare: baselineShare[k] ?? 0,
      effectPercentagePoints: effect[k] ?? 0,
      thresholdMet: thresholdMet[k] ?? false,
      payableCount: payableCount[k] ?? 0,
      monthsAfterIntake:
        (progressionOf(k)?.measurementMonth ?? scenario.measurementMonth) +
        definition.monthsAfterMeasurement +
        terms.lagMonths,
      total: metricTotals[k] ?? 0,
    })),
    contractThresholdMet,
    contractCapBinding: allTotal < rawTotal,
    totals: {
      all: allTotal,
      byPayer: { municipality: sum(byPayer.municipality), state: sum(byPayer.state) },
      outcomes: sum(metricTotals),
      byMetric: byMetricTotal,
      baseFee: sum(baseFee),
      savingsShare: sum(savingsShare),
      sustainment: sum(sustainment),
      progression: sum(progression),
    },
    discountedTotals: {
      all: dot(total, discountFactor),
      byPayer: { municipality: dot(byPayer.municipality, discountFactor), state: dot(byPayer.state, discountFactor) },
    },
    municipality,
    nominal: {
      priceIndexation: indexation,
      priceIndex,
      total: nominalTotal,
      byPayer: nominalByPayer,
      totals: {
        all: sum(nominalTotal),
        byPayer: { municipality: sum(nominalByPayer.municipality), state: sum(nominalByPayer.state) },
      },
    },
  };
}

/**
 * Unchecked raw payments of the sustainment card by programme month, before the contract cap (see SustainmentTerms):
 * per cohort and j = 0 … D − 1, monthlyPrice × max(0, s_P·ρ^j − b_j) × participants in month intake + M + j + lag;
 * nothing when a threshold on the selfSupporting effect at M (or on the contract) is not met. Empty without a card.
 * @example sustainmentScheduleCore(pilot, { ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 1000, months: 2 } },
 *   null, true) // months 17 and 18: 1000 × 15/55 × 56 each (gross card, ρ = 1)
 */
export function sustainmentScheduleCore(
  scenario: Scenario,
  terms: PaymentTerms,
  threshold: PaymentTerms["threshold"],
  contractThresholdMet: boolean,
): number[] {
  const card = terms.sustainment ?? null;
  if (card === null || card.monthlyPrice === 0 || !contractThresholdMet) return [];
  const atMeasurement = { id: "selfSupporting", kind: "selfSupporting" as const, monthsAfterMeasurement: 0 };
  const participantShare = metricShareCore(
    atMeasurement,
    effectiveParticipantShares(scenario),
    scenario.persistence,
    terms.includeEducation,
  );
  const comparisonShare = metricShareCore(
    atMeasurement,
    scenario.comparisonShares,
    scenario.persistence,
    terms.includeEducation,
  );
  if (
    threshold !== null &&
    threshold.scope === "metric" &&
    !meetsThresholdCore(effectPercentagePoints(participantShare, comparisonShare), threshold.pp)
  ) {
    return [];
  }
  const amounts: number[] = [];
  for (let j = 0; j < card.months; j++) {
    const decay = Math.pow(scenario.persistence, j);
    const baseline = baselineShareOf(terms.baseline, "selfSupporting", comparisonShare * decay);
    for (const cohort of scenario.cohorts) {
      const payable = payableAboveBaselineCore(participantShare * decay, baseline, cohort.participants);
      const amount = payable * card.monthlyPrice;
      if (amount !== 0) {
        addAt(amounts, paymentMonthCore(cohort.intakeMonth, scenario.measurementMonth, j, terms.lagMonths), amount);
      }
    }
  }
  return amounts;
}

/** The baseline share a metric's outcomes are netted against. */
function baselineShareOf(baseline: BaselineTerms, metric: string, comparisonShare: number): number {
  switch (baseline.kind) {
    case "none":
      return 0;
    case "comparison":
      return comparisonShare;
    case "historical": {
      for (const [name, rate] of Object.entries(baseline.rates)) if (parseMetric(name)?.id === metric) return rate;
      return baseline.rate;
    }
  }
}

/**
 * Families of metrics achieved by the same people: the connected parts of the chain links. Returns, per metric, the
 * 0-based positions of its family's members (in card order).
 * @example familiesOf([null, null, 0, 2]) // [[0, 2, 3], [1]]: selfSupporting → sustained6 → sustained12; paidHours
 */
export function familiesOf(requires: readonly (number | null)[]): number[][] {
  const root = requires.map((_, k) => k);
  const find = (k: number): number => {
    let current = k;
    while ((root[current] ?? current) !== current) current = root[current] ?? current;
    return current;
  };
  requires.forEach((prerequisite, k) => {
    if (prerequisite === null) return;
    const a = find(k);
    const b = find(prerequisite);
    if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
  });
  const groups = new Map<number, number[]>();
  requires.forEach((_, k) => {
    const key = find(k);
    const group = groups.get(key) ?? [];
    group.push(k);
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Per-person capped prices, family by family (people in different families are different people). */
function familyCappedPrices(
  counts: readonly number[],
  prices: readonly number[],
  families: readonly (readonly number[])[],
  cap: number | null,
): number[] {
  if (cap === null) return prices.slice();
  const capped = prices.slice();
  for (const family of families) {
    const familyPrices = personCappedPricesCore(
      family.map((k) => counts[k] ?? 0),
      family.map((k) => prices[k] ?? 0),
      cap,
    );
    family.forEach((k, j) => {
      capped[k] = familyPrices[j] ?? 0;
    });
  }
  return capped;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] ?? 0) * (b[i] ?? 0);
  return total;
}
