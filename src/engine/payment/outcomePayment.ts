/**
 * The total payment of a simple rate card for given outcomes (the core of SIB.PAYMENT): counts (or shares of the
 * participants) × prices, with optional baseline, threshold, chain, volume caps, per-person cap and contract cap.
 * Units: kr; counts in outcomes, shares as fractions, thresholds in percentage points. The result is the total paid,
 * a positive amount paid by the payer; timing is not modelled here (see schedule.ts).
 *
 * For each metric k, in list order:
 * 1. n_k = outcome_k (a count), or outcome_k × participants (a share) when `participants` is given;
 *    with a baseline b_k: n_k = max(0, outcome_k − b_k) × participants, and 0 when a threshold θ is given and the
 *    effect 100 × (outcome_k − b_k) pp is below θ;
 * 2. chained: n_k = min(n_k, n_{k−1}) (a later metric is paid only for people paid for the earlier one);
 * 3. volume cap: n_k = min(n_k, cap_k);
 * 4. price: p_k, or with a per-person cap C the capped price min(p_k, C) (unchained metrics: different people), or
 *    along a chain the capped marginal price min(P_k, C) − min(P_{k−1}, C), P_k = p_1 + … + p_k;
 * then total = min(Σ_k n_k × price_k, contract cap).
 */
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { MAX_AMOUNT, shown } from "./checks";
import { meetsThresholdCore } from "./threshold";

/** Inputs of {@link outcomePayment}. Lists are per metric and of one length. */
export interface OutcomePaymentInput {
  /** Outcome counts per metric (≥ 0), or shares of `participants` (0–1) when `participants` is given. */
  readonly outcomes: readonly number[];
  /** Price per outcome, kr (≥ 0). */
  readonly prices: readonly number[];
  /** Participants (whole, ≥ 1): when given, `outcomes` are shares; needed for a baseline. null = counts. */
  readonly participants: number | null;
  /** Most paid for one person's outcomes, kr, or null. */
  readonly personCap: number | null;
  /** Most outcomes paid per metric (null entries = no cap), or null for none. */
  readonly volumeCaps: readonly (number | null)[] | null;
  /** Most paid in total, kr, or null. */
  readonly contractCap: number | null;
  /** The metrics form one chain in list order. */
  readonly chained: boolean;
  /** Baseline share per metric (0–1): comparison-group or historical rates; null = gross. Needs participants. */
  readonly baseline: readonly number[] | null;
  /** Threshold θ in percentage points on each metric's effect (outcome − baseline share); null = none. Needs baseline. */
  readonly thresholdPP: number | null;
  /** Metric names for messages, or null (then cells are named by position, 1-based). */
  readonly labels: readonly string[] | null;
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/**
 * Every broken rule of the input (an empty, shared list when valid: no allocation on the hot path). Fields are
 * dotted paths with 0-based positions (`outcomes[0]`); messages name the argument and the cell (1-based) or metric.
 * @example validateOutcomePayment({ ...input, prices: [-5] }) // [{ field: "prices[0]", rule: "range", ... }]
 */
export function validateOutcomePayment(input: OutcomePaymentInput): readonly Issue[] {
  let issues: Issue[] | null = null;
  const { outcomes, prices, participants, volumeCaps, baseline, thresholdPP, labels } = input;
  const n = Array.isArray(outcomes) ? outcomes.length : 0;
  if (n === 0) {
    issues = add(issues, "outcomes", "required", "outcomes must give at least one outcome count or share.");
  }
  if (!Array.isArray(prices) || prices.length !== n) {
    issues = add(issues, "prices", "length", `prices must have one price per outcome (${n}), got ${lengthOf(prices)}.`);
  }
  const participantsGiven = participants !== null;
  if (participantsGiven && !(Number.isInteger(participants) && participants >= 1 && participants <= 10_000_000)) {
    issues = add(
      issues,
      "participants",
      "integer",
      `participants must be a whole number of people of at least 1, got ${shown(participants)}.`,
    );
  }
  for (let k = 0; k < n; k++) {
    const value = outcomes[k];
    if (participantsGiven) {
      if (!isShare(value)) {
        issues = add(
          issues,
          `outcomes[${k}]`,
          "range",
          `outcomes ${cell(labels, k)} must be a share from 0 to 1 when participants is given (leave participants empty for counts), got ${shown(value)}.`,
        );
      }
    } else if (!(typeof value === "number" && value >= 0 && value < Infinity)) {
      issues = add(
        issues,
        `outcomes[${k}]`,
        "range",
        `outcomes ${cell(labels, k)} must be a count of at least 0, got ${shown(value)}.`,
      );
    }
    const price = Array.isArray(prices) ? prices[k] : undefined;
    if (price !== undefined && !isAmount(price)) {
      issues = add(
        issues,
        `prices[${k}]`,
        "range",
        `prices ${cell(labels, k)} must be a price in kr of at least 0, got ${shown(price)}.`,
      );
    }
  }
  if (input.personCap !== null && !isAmount(input.personCap)) {
    issues = add(
      issues,
      "personCap",
      "range",
      `personCap must be an amount in kr of at least 0, got ${shown(input.personCap)}.`,
    );
  }
  if (input.contractCap !== null && !isAmount(input.contractCap)) {
    issues = add(
      issues,
      "contractCap",
      "range",
      `contractCap must be an amount in kr of at least 0, got ${shown(input.contractCap)}.`,
    );
  }
  if (volumeCaps !== null) {
    if (!Array.isArray(volumeCaps) || volumeCaps.length !== n) {
      issues = add(
        issues,
        "volumeCaps",
        "length",
        `volumeCaps must have one cap per outcome (${n}), got ${lengthOf(volumeCaps)}.`,
      );
    } else {
      for (let k = 0; k < n; k++) {
        const cap = volumeCaps[k];
        if (cap !== null && !(typeof cap === "number" && cap >= 0 && cap < Infinity)) {
          issues = add(
            issues,
            `volumeCaps[${k}]`,
            "range",
            `volumeCaps ${cell(labels, k)} must be a number of outcomes of at least 0, got ${shown(cap)}.`,
          );
        }
      }
    }
  }
  if (baseline !== null) {
    if (!participantsGiven) {
      issues = add(
        issues,
        "baseline",
        "requires",
        "baseline needs participants (outcomes are then shares of the participants).",
      );
    }
    if (!Array.isArray(baseline) || baseline.length !== n) {
      issues = add(
        issues,
        "baseline",
        "length",
        `baseline must have one share per outcome (${n}), got ${lengthOf(baseline)}.`,
      );
    } else {
      for (let k = 0; k < n; k++) {
        if (!isShare(baseline[k])) {
          issues = add(
            issues,
            `baseline[${k}]`,
            "range",
            `baseline ${cell(labels, k)} must be a share from 0 to 1, got ${shown(baseline[k])}.`,
          );
        }
      }
    }
  }
  if (thresholdPP !== null) {
    if (!(typeof thresholdPP === "number" && thresholdPP >= -100 && thresholdPP <= 100)) {
      issues = add(
        issues,
        "thresholdPP",
        "range",
        `thresholdPP must be percentage points from -100 to 100 (e.g. 10), got ${shown(thresholdPP)}.`,
      );
    }
    if (baseline === null) {
      issues = add(
        issues,
        "thresholdPP",
        "requires",
        "thresholdPP needs a baseline (the comparison-group shares the effect is measured against).",
      );
    }
  }
  if (typeof input.chained !== "boolean") {
    issues = add(issues, "chained", "boolean", `chained must be TRUE or FALSE, got ${shown(input.chained)}.`);
  }
  if (labels !== null && (!Array.isArray(labels) || labels.length !== n)) {
    issues = add(issues, "labels", "length", `labels must name each outcome (${n}), got ${lengthOf(labels)}.`);
  }
  return issues ?? NO_ISSUES;
}

/**
 * Unchecked total payment, kr (see the module comment for the rule). Inputs must pass {@link validateOutcomePayment}.
 * @example outcomePaymentCore({ outcomes: [15, 9], prices: [198_090, 99_045], participants: null, personCap: null,
 *   volumeCaps: null, contractCap: null, chained: false, baseline: null, thresholdPP: null, labels: null }) // 3,862,755
 */
export function outcomePaymentCore(input: OutcomePaymentInput): number {
  const { outcomes, prices, participants, personCap, volumeCaps, contractCap, chained, baseline, thresholdPP } = input;
  let total = 0;
  let previous = Infinity;
  let priceSum = 0;
  let cappedSum = 0;
  for (let k = 0; k < outcomes.length; k++) {
    const value = outcomes[k] ?? 0;
    let count: number;
    if (baseline === null) count = participants === null ? value : value * participants;
    else {
      const excess = value - (baseline[k] ?? 0);
      count =
        thresholdPP !== null && !meetsThresholdCore(100 * excess, thresholdPP)
          ? 0
          : Math.max(0, excess) * (participants ?? 0);
    }
    if (chained && count > previous) count = previous;
    const volumeCap = volumeCaps === null ? null : (volumeCaps[k] ?? null);
    if (volumeCap !== null && count > volumeCap) count = volumeCap;
    previous = count;
    const price = prices[k] ?? 0;
    let effective = price;
    if (personCap !== null) {
      if (chained) {
        priceSum += price;
        const capped = priceSum < personCap ? priceSum : personCap;
        effective = capped - cappedSum;
        cappedSum = capped;
      } else if (price > personCap) effective = personCap;
    }
    total += count * effective;
  }
  return contractCap !== null && total > contractCap ? contractCap : total;
}

/**
 * Checked total payment, kr: every broken rule is reported (fields `outcomes[k]`, `prices[k]`, `participants`,
 * `personCap`, `volumeCaps[k]`, `contractCap`, `baseline[k]`, `thresholdPP`, `chained`).
 * @example outcomePayment({ ...input, outcomes: [10, 8], prices: [30_000, 20_000], personCap: 40_000, chained: true })
 * // ok(380_000): 8 people paid 40,000 (capped from 50,000) and 2 paid 30,000
 */
export function outcomePayment(input: OutcomePaymentInput): Result<number> {
  const issues = validateOutcomePayment(input);
  if (issues.length > 0) return failMany(issues);
  return ok(outcomePaymentCore(input));
}

function add(issues: Issue[] | null, field: string, rule: string, message: string): Issue[] {
  const list = issues ?? [];
  list.push(issue("InvalidInput", field, rule, message));
  return list;
}

function cell(labels: readonly string[] | null, k: number): string {
  const label = labels?.[k];
  return label === undefined ? `(cell ${k + 1})` : `for ${label}`;
}

function lengthOf(list: unknown): string {
  return Array.isArray(list) ? String(list.length) : shown(list);
}

function isShare(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && value <= 1;
}

function isAmount(value: unknown): boolean {
  return typeof value === "number" && value >= 0 && value <= MAX_AMOUNT;
}
