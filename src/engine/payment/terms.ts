/**
 * Payment terms of an outcomes contract: a rate card of metrics with prices and optional volume caps and chains, a
 * baseline, a threshold, caps, a share of savings, a base fee, a claim lag and the payer split. Units: kr, months,
 * shares as fractions. {@link PILOT_PAYMENT_TERMS} gives illustrative terms for the DRC pilot; every bad field is
 * reported by {@link validatePaymentTerms}.
 */
import { issue, type Issue } from "../errors";
import type { BaselineKind } from "./baseline";
import {
  checkAmount,
  checkBoolean,
  checkCount,
  checkList,
  checkOneOf,
  checkOptionalAmount,
  checkShare,
  isFiniteNumber,
  shown,
} from "./checks";
import { parseMetric, unknownMetricIssue, type MetricDefinition } from "./metrics";
import {
  checkProgressionComparison,
  checkProgressionLine,
  validateProgressionForScenario,
  type ProgressionMeasure,
} from "./progression";
import type { SavingsScope } from "./savingsShare";
import { checkThreshold, type ThresholdScope } from "./threshold";
import { checkLag, type BaseFeeTiming } from "./timing";

/** One line of a rate card. */
export interface MetricTerms {
  /** The metric: `selfSupporting`, `paidHours` or `sustained<k>` (k months after measurement). */
  readonly metric: string;
  /** Price per outcome, kr (≥ 0). */
  readonly price: number;
  /** Most outcomes of this metric paid over the whole contract (all cohorts), or null for no volume cap. */
  readonly volumeCap: number | null;
  /** A metric earlier on the rate card that a person must have achieved (and been paid for) first, or null. */
  readonly requires: string | null;
  /** For a progression metric (bipGain, who5, …; progression.ts): its measurement month and shares. Else absent. */
  readonly progression?: ProgressionMeasure | null;
}

/** The baseline outcomes are netted against: none (gross), the comparison group, or historical rates. */
export type BaselineTerms =
  | { readonly kind: "none" }
  | { readonly kind: "comparison" }
  | {
      readonly kind: "historical";
      /** Historical rate (share 0–1) for every metric not in `rates`. */
      readonly rate: number;
      /** Historical rate per metric id, e.g. { paidHours: 0.1 }. */
      readonly rates: Readonly<Record<string, number>>;
    };

/** Pay nothing unless the measured effect (participant − comparison share) reaches `pp` percentage points. */
export interface ThresholdTerms {
  readonly pp: number;
  /** `metric`: each metric needs its own effect ≥ θ; `contract`: one metric's effect gates all outcome payments. */
  readonly scope: ThresholdScope;
  /** For scope `contract`: the metric whose effect is tested; null = the first metric on the rate card. */
  readonly metric: string | null;
}

/**
 * The sustainment card (issue 11 item 3): a payment for every month a participant is in work (self-supporting), for
 * `months` months from the measurement month M, so the investor carries the risk that the effect fades. In month M + j
 * after a cohort's intake (j = 0 … months − 1) it pays monthlyPrice × max(0, s_P·ρ^j − b_j) × participants, where
 * s_P = the participants' self-supporting share at M, ρ = the monthly persistence (the business case's effect profile)
 * and b_j the baseline (0 for a gross card, the comparison group's s_C·ρ^j, or the historical selfSupporting rate);
 * paid after the claim lag. A threshold applies through the selfSupporting effect at M. The per-person cap covers the
 * rate card only; the contract cap covers these payments too. The milestone variant ("paid at 6/12/18 months in
 * work") is the rate card's sustained<k> metrics (sustained6, sustained12, sustained18).
 */
export interface SustainmentTerms {
  /** kr per participant per month in work (≥ 0, fixed prices of the parameter year). */
  readonly monthlyPrice: number;
  /** D: how many months are paid, a whole number from 1 to 420; M + D must not exceed the horizon. */
  readonly months: number;
}

/** Longest sustainment duration, months (the longest horizon). */
export const MAX_SUSTAINMENT_MONTHS = 420;

/** Terms of an outcomes contract. */
export interface PaymentTerms {
  readonly rateCard: readonly MetricTerms[];
  /** Education (EDU) counts as self-supporting (for selfSupporting and sustained<k>). */
  readonly includeEducation: boolean;
  readonly baseline: BaselineTerms;
  readonly threshold: ThresholdTerms | null;
  /** Most paid for one participant's outcomes, kr, or null. The base fee and the savings share are not included. */
  readonly personCap: number | null;
  /** Most paid in total under the contract (base fee, outcomes, savings share), kr, or null. */
  readonly contractCap: number | null;
  /** α: share of the measured savings paid (0 = none). */
  readonly savingsShare: number;
  /** Whose savings α applies to: the municipality's (narrow) or all public budgets' (broad). */
  readonly savingsScope: SavingsScope;
  /** Base fee per participant, kr (fee-for-service, not subject to the claim lag). */
  readonly baseFee: number;
  readonly baseFeeTiming: BaseFeeTiming;
  /** Claim (verification) lag, whole months from 0 to 120, after the month an outcome is achieved or a saving made. */
  readonly lagMonths: number;
  /** w: the municipality's (kommune's) share of every payment; the state (stat) pays 1 − w. */
  readonly municipalityShare: number;
  /**
   * π: yearly indexation of the contract's prices, fees and caps (fraction, 0 to 0.2; absent = 0). Terms are in kr of
   * the parameter year; in contract year y = ⌊t/12⌋ (programme month t) they are paid as amount × (1 + π)^y. The
   * savings are in fixed prices, so the schedule deflates with the same index: every amount of the schedule that is
   * compared with savings (municipal position, "never pays more than it saves", savings share, deal zone, investor) is
   * in fixed prices; `PaymentSchedule.nominal` holds the contract money actually paid. Assumes the contract's index is
   * the general price level (a contract indexed differently from prices is not modelled).
   */
  readonly priceIndexation?: number;
  /** The sustainment card (absent or null = none). */
  readonly sustainment?: SustainmentTerms | null;
}

/** Highest yearly price indexation a contract may have (a typing guard: 20 % a year). */
export const MAX_PRICE_INDEXATION = 0.2;

/** The pilot's targets at the measurement month [V pilot]: 30 % self-supporting and 20 % with paid hours. */
export const PILOT_TARGETS = { selfSupporting: 0.3, paidHours: 0.2 } as const;

/**
 * Illustrative prices for the pilot [A] (the contract's prices are not published): at the targets, the outcome
 * payments repay the intervention cost K = 79,236 kr per participant, with a paid-hours outcome priced at half a
 * self-supporting one: 0.30·p + 0.20·p/2 = 79,236, so p = 198,090 kr and p/2 = 99,045 kr per outcome.
 */
export const PILOT_PRICES = { selfSupporting: 198_090, paidHours: 99_045 } as const;

/** [A] Claim lag of the pilot terms: 3 months for register data (eIndkomst, DREAM) to confirm an outcome. */
export const PILOT_LAG_MONTHS = 3;

/**
 * Illustrative terms for the DRC pilot [A]: a gross rate card (the targets were absolute shares, not effects) paying
 * {@link PILOT_PRICES} for self-supporting and paid-hours outcomes at the measurement month; sustainment metrics at 6
 * and 12 months are on the card, chained to self-support, at price 0; no caps, threshold, base fee or savings share;
 * paid 3 months after the outcome, all by the municipality.
 */
export const PILOT_PAYMENT_TERMS: PaymentTerms = {
  rateCard: [
    { metric: "selfSupporting", price: PILOT_PRICES.selfSupporting, volumeCap: null, requires: null },
    { metric: "paidHours", price: PILOT_PRICES.paidHours, volumeCap: null, requires: null },
    { metric: "sustained6", price: 0, volumeCap: null, requires: "selfSupporting" },
    { metric: "sustained12", price: 0, volumeCap: null, requires: "sustained6" },
  ],
  includeEducation: false,
  baseline: { kind: "none" },
  threshold: null,
  personCap: null,
  contractCap: null,
  savingsShare: 0,
  savingsScope: "narrow",
  baseFee: 0,
  baseFeeTiming: "intake",
  lagMonths: PILOT_LAG_MONTHS,
  municipalityShare: 1,
  priceIndexation: 0,
};

/** A rate card resolved to metric definitions and prerequisite positions (valid terms only). */
export interface ResolvedRateCard {
  readonly definitions: readonly MetricDefinition[];
  /** 0-based position of each metric's prerequisite on the card, or null. */
  readonly requires: readonly (number | null)[];
}

/**
 * Resolves a validated rate card to definitions and prerequisite positions; throws on invalid terms (a bug:
 * validate first).
 * @example resolveRateCard(PILOT_PAYMENT_TERMS.rateCard).requires // [null, null, 0, 2]
 */
export function resolveRateCard(rateCard: readonly MetricTerms[]): ResolvedRateCard {
  const definitions = rateCard.map((line) => {
    const definition = parseMetric(line.metric);
    if (definition === null) throw new Error(`unvalidated rate card: unknown metric ${line.metric}`);
    return definition;
  });
  const requires = rateCard.map((line) => {
    if (line.requires === null) return null;
    const id = parseMetric(line.requires)?.id;
    const index = definitions.findIndex((definition) => definition.id === id);
    if (index < 0) throw new Error(`unvalidated rate card: unknown prerequisite ${line.requires}`);
    return index;
  });
  return { definitions, requires };
}

const BASELINE_KINDS: readonly BaselineKind[] = ["none", "comparison", "historical"];
const THRESHOLD_SCOPES: readonly ThresholdScope[] = ["metric", "contract"];
const SAVINGS_SCOPES: readonly SavingsScope[] = ["narrow", "broad"];
const BASE_FEE_TIMINGS: readonly BaseFeeTiming[] = ["intake", "spread"];

/**
 * Checks every rule of payment terms and returns all broken ones (empty = valid). Each issue names the field (a
 * dotted path such as `rateCard[1].price` or `threshold.pp`) and the rule (`range`, `known`, `unique`, `order`,
 * `oneOf`, `integer`, `boolean`, `required`).
 * @example validatePaymentTerms({ ...PILOT_PAYMENT_TERMS, lagMonths: 1.5 }) // [{ field: "lagMonths", rule: "integer", ... }]
 */
export function validatePaymentTerms(terms: PaymentTerms): Issue[] {
  const issues: Issue[] = [];
  const ids = validateRateCard(issues, terms.rateCard);
  checkBoolean(issues, "includeEducation", terms.includeEducation);
  validateBaseline(issues, terms.baseline, ids);
  if (Array.isArray(terms.rateCard)) {
    checkProgressionComparison(
      issues,
      terms.rateCard,
      terms.baseline.kind,
      terms.threshold,
      (name) => parseMetric(name)?.id,
    );
  }
  if (terms.threshold !== null) {
    checkThreshold(issues, "threshold.pp", terms.threshold.pp);
    checkOneOf(issues, "threshold.scope", terms.threshold.scope, THRESHOLD_SCOPES);
    if (terms.threshold.metric !== null) checkOnCard(issues, "threshold.metric", terms.threshold.metric, ids);
  }
  checkOptionalAmount(issues, "personCap", terms.personCap, "an amount in kr of at least 0, or empty for no cap");
  checkOptionalAmount(issues, "contractCap", terms.contractCap, "an amount in kr of at least 0, or empty for no cap");
  checkShare(issues, "savingsShare", terms.savingsShare, "a share of the savings from 0 to 1");
  checkOneOf(issues, "savingsScope", terms.savingsScope, SAVINGS_SCOPES);
  checkAmount(issues, "baseFee", terms.baseFee, "a fee in kr per participant of at least 0");
  checkOneOf(issues, "baseFeeTiming", terms.baseFeeTiming, BASE_FEE_TIMINGS);
  checkLag(issues, "lagMonths", terms.lagMonths);
  checkShare(
    issues,
    "municipalityShare",
    terms.municipalityShare,
    "the municipality's share of the payments from 0 to 1",
  );
  const sustainment = terms.sustainment ?? null;
  if (sustainment !== null) {
    checkAmount(
      issues,
      "sustainment.monthlyPrice",
      sustainment.monthlyPrice,
      "a price in kr per month in work of at least 0",
    );
    if (
      !isFiniteNumber(sustainment.months) ||
      !Number.isInteger(sustainment.months) ||
      sustainment.months < 1 ||
      sustainment.months > MAX_SUSTAINMENT_MONTHS
    ) {
      issues.push(
        issue(
          "InvalidInput",
          "sustainment.months",
          "range",
          `sustainment.months must be a whole number of months from 1 to ${MAX_SUSTAINMENT_MONTHS}, got ${shown(sustainment.months)}.`,
        ),
      );
    }
  }
  const indexation = terms.priceIndexation;
  if (
    indexation !== undefined &&
    (!isFiniteNumber(indexation) || indexation < 0 || indexation > MAX_PRICE_INDEXATION)
  ) {
    issues.push(
      issue(
        "InvalidInput",
        "priceIndexation",
        "range",
        `priceIndexation must be a yearly indexation of prices from 0 to ${MAX_PRICE_INDEXATION} (e.g. 0.02 for 2 % a year), got ${shown(indexation)}.`,
      ),
    );
  }
  return issues;
}

/** Validates the rate card; returns the canonical ids of its metrics (null where unknown). */
function validateRateCard(issues: Issue[], rateCard: readonly MetricTerms[]): (string | null)[] {
  // The ids of a card that is not a list are only searched for known metric ids (checkOnCard, validateBaseline), which
  // a placeholder element never is, and the card's issue is already reported: another array here is equivalent.
  // Stryker disable next-line ArrayDeclaration: equivalent, see above
  if (!checkList(issues, "rateCard", rateCard, true)) return [];
  const ids: (string | null)[] = [];
  rateCard.forEach((line, k) => {
    const field = `rateCard[${k}]`;
    const definition = typeof line.metric === "string" ? parseMetric(line.metric) : null;
    if (definition === null) issues.push(unknownMetricIssue(`${field}.metric`, line.metric));
    else if (ids.includes(definition.id)) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.metric`,
          "unique",
          `${field}.metric: ${definition.id} is on the rate card twice.`,
        ),
      );
    }
    ids.push(definition?.id ?? null);
    checkProgressionLine(issues, field, definition, line.progression);
    checkAmount(issues, `${field}.price`, line.price, "a price in kr per outcome of at least 0");
    if (line.volumeCap !== null) {
      checkCount(
        issues,
        `${field}.volumeCap`,
        line.volumeCap,
        "a number of outcomes of at least 0, or empty for no cap",
      );
    }
  });
  rateCard.forEach((line, k) => {
    if (line.requires === null) return;
    const field = `rateCard[${k}].requires`;
    const prerequisite = typeof line.requires === "string" ? parseMetric(line.requires) : null;
    if (prerequisite === null) {
      issues.push(unknownMetricIssue(field, line.requires));
      return;
    }
    const position = ids.indexOf(prerequisite.id);
    if (position < 0) {
      issues.push(
        issue(
          "InvalidInput",
          field,
          "known",
          `${field} refers to ${prerequisite.id}, which is not on the rate card (${ids.filter((id) => id !== null).join(", ")}).`,
        ),
      );
    } else if (position >= k) {
      issues.push(
        issue(
          "InvalidInput",
          field,
          "order",
          `${field}: ${prerequisite.id} must come before ${ids[k] ?? shown(line.metric)} on the rate card (a chain runs from earlier to later metrics).`,
        ),
      );
    }
  });
  return ids;
}

/**
 * Rules of payment terms that depend on the scenario: the sustainment card's months must end within the horizon,
 * M + D ≤ horizonMonths (rule `horizon`, field `sustainment.months`); with `cohorts`, a progression metric's shares
 * match the cohorts and its measurement falls within the horizon (progression.ts). Empty = valid.
 * @example validateTermsForScenario({ ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 9000, months: 40 } }, 14, 50)
 *   // [{ field: "sustainment.months", rule: "horizon", ... }]: 14 + 40 = 54 > 50
 */
export function validateTermsForScenario(
  terms: PaymentTerms,
  measurementMonth: number,
  horizonMonths: number,
  cohorts?: readonly { readonly intakeMonth: number }[],
): Issue[] {
  const progression = validateProgressionForScenario(terms.rateCard, cohorts, horizonMonths);
  const sustainment = terms.sustainment ?? null;
  if (sustainment === null || !(measurementMonth + sustainment.months > horizonMonths)) return progression;
  return [
    ...progression,
    issue(
      "InvalidInput",
      "sustainment.months",
      "horizon",
      `sustainment.months: ${sustainment.months} months of sustainment payments from the measurement month ${measurementMonth} run to month ${measurementMonth + sustainment.months}, beyond the horizon of ${horizonMonths} months; use at most ${Math.max(0, horizonMonths - measurementMonth)} months or a longer horizonMonths.`,
    ),
  ];
}

function validateBaseline(issues: Issue[], baseline: BaselineTerms, ids: readonly (string | null)[]): void {
  checkOneOf(issues, "baseline.kind", baseline.kind, BASELINE_KINDS);
  if (baseline.kind !== "historical") return;
  checkShare(issues, "baseline.rate", baseline.rate, "a historical rate from 0 to 1");
  for (const [metric, rate] of Object.entries(baseline.rates)) {
    const field = `baseline.rates.${metric}`;
    if (checkOnCard(issues, field, metric, ids)) checkShare(issues, field, rate, "a historical rate from 0 to 1");
  }
}

/** The metric must be known and on the rate card (rule `known`). */
function checkOnCard(issues: Issue[], field: string, metric: string, ids: readonly (string | null)[]): boolean {
  const definition = typeof metric === "string" ? parseMetric(metric) : null;
  if (definition === null) {
    issues.push(unknownMetricIssue(field, metric));
    return false;
  }
  if (!ids.includes(definition.id)) {
    issues.push(
      issue("InvalidInput", field, "known", `${field} refers to ${definition.id}, which is not on the rate card.`),
    );
    return false;
  }
  return true;
}
