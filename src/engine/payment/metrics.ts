/**
 * Outcome metrics a rate card can price (DOMAIN.md b2, b7). A metric is a set of outcome states counted at the
 * measurement month M, or some months after it for a sustainment metric.
 *
 * - `selfSupporting`: JOB + JOB_UNK (+ EDU when education counts), measured at M.
 * - `paidHours`: JOB_PART (wages plus a top-up benefit), measured at M.
 * - `sustained<k>` (k = 1..120, e.g. `sustained6`, `sustained12`): still self-supporting k months after M. The share is
 *   the self-supporting share at M times the effect profile's persistence, ρ^k = effectProfile(M + k, M, ρ), for the
 *   participants and the comparison group alike, so the effect decays exactly as in the business case [A].
 */
import { issue, ok, type Issue, type Result } from "../errors";
import type { PerState, OutcomeState } from "../states";
import { checkBoolean, checkShare, shown } from "./checks";
import { ownValue } from "../lookup";
import { progressionDefinition, PROGRESSION_METRICS } from "./progression";

/**
 * Kinds of outcome metric. `progression`: a progression or well-being measure (BIP, WHO-5, action plan, fit for
 * work, life satisfaction; src/engine/payment/progression.ts), given as shares per cohort, not an outcome state.
 */
export type MetricKind = "selfSupporting" | "paidHours" | "sustained" | "progression";

/** A parsed metric. */
export interface MetricDefinition {
  /** Canonical id, e.g. `selfSupporting`, `paidHours`, `sustained6`. */
  readonly id: string;
  readonly kind: MetricKind;
  /** Months after the measurement month at which the outcome is counted (0 for selfSupporting and paidHours). */
  readonly monthsAfterMeasurement: number;
}

/** Longest sustainment period a metric can name, months after M. */
export const MAX_SUSTAINED_MONTHS = 120;

/** The metrics of the pilot's rate card, in canonical order. */
export const PILOT_METRICS = ["selfSupporting", "paidHours", "sustained6", "sustained12"] as const;

/** Accepted spellings (after {@link normaliseName}) of the fixed metrics, English and Danish. */
const FIXED_METRICS: Readonly<Record<string, MetricDefinition>> = {
  selfsupporting: { id: "selfSupporting", kind: "selfSupporting", monthsAfterMeasurement: 0 },
  ss: { id: "selfSupporting", kind: "selfSupporting", monthsAfterMeasurement: 0 },
  selvforsoergende: { id: "selfSupporting", kind: "selfSupporting", monthsAfterMeasurement: 0 },
  selvforsoergelse: { id: "selfSupporting", kind: "selfSupporting", monthsAfterMeasurement: 0 },
  paidhours: { id: "paidHours", kind: "paidHours", monthsAfterMeasurement: 0 },
  ph: { id: "paidHours", kind: "paidHours", monthsAfterMeasurement: 0 },
  loentimer: { id: "paidHours", kind: "paidHours", monthsAfterMeasurement: 0 },
};

const SUSTAINED = /^(?:sustained|vedvarende|fastholdt)(\d+)$/;

/**
 * Lower case with æ/ø/å spelled ae/oe/aa and everything but letters and digits removed, so `price.selfSupporting`,
 * `Price self-supporting` and `priceselfsupporting` match.
 * @example normaliseName("Self-supporting") // "selfsupporting"
 */
export function normaliseName(name: string): string {
  const lower = name.toLowerCase();
  let normal = "";
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) normal += lower.charAt(i);
    else if (code === 0xe6) normal += "ae";
    else if (code === 0xf8) normal += "oe";
    else if (code === 0xe5) normal += "aa";
  }
  return normal;
}

/**
 * The metric named `name` (case and punctuation ignored; Danish `selvforsørgende`, `løntimer`, `vedvarende6` also
 * accepted), or null when the name is not a metric.
 * @example parseMetric("Sustained 6") // { id: "sustained6", kind: "sustained", monthsAfterMeasurement: 6 }
 */
export function parseMetric(name: string): MetricDefinition | null {
  const key = normaliseName(name);
  const fixed = ownValue(FIXED_METRICS, key);
  if (fixed !== undefined) return fixed;
  const progression = progressionDefinition(key);
  if (progression !== null) return progression;
  const sustained = SUSTAINED.exec(key);
  if (sustained === null) return null;
  const months = Number(sustained[1]);
  if (!Number.isInteger(months) || months < 1 || months > MAX_SUSTAINED_MONTHS) return null;
  return { id: `sustained${months}`, kind: "sustained", monthsAfterMeasurement: months };
}

/**
 * The issue for a name that is not a metric (rule `known`).
 * @example unknownMetricIssue("threshold.metric", "jobs") // { field: "threshold.metric", rule: "known", ... }
 */
export function unknownMetricIssue(field: string, name: unknown): Issue {
  return issue(
    "InvalidInput",
    field,
    "known",
    `${field} must be a metric: selfSupporting, paidHours, sustained<k> (k = 1 to ${MAX_SUSTAINED_MONTHS} months after measurement, e.g. sustained6) or a progression metric (${PROGRESSION_METRICS.map((metric) => metric.id).join(", ")}), got ${shown(name)}.`,
  );
}

/**
 * Checked {@link parseMetric}: a failure (field `metric`, rule `known`) when the name is not a metric.
 * @example metricDefinition("paidHours") // ok({ id: "paidHours", kind: "paidHours", monthsAfterMeasurement: 0 })
 */
export function metricDefinition(name: string): Result<MetricDefinition> {
  const definition = typeof name === "string" ? parseMetric(name) : null;
  if (definition === null) return { ok: false, issues: [unknownMetricIssue("metric", name)] };
  return ok(definition);
}

/**
 * The outcome states a metric counts: JOB, JOB_UNK (and EDU when `includeEducation`) for selfSupporting and
 * sustained<k>; JOB_PART for paidHours; none for a progression metric (its shares are given, not outcome states).
 * @example metricStates("paidHours", false) // ["JOB_PART"]
 */
export function metricStates(kind: MetricKind, includeEducation: boolean): readonly OutcomeState[] {
  if (kind === "paidHours") return ["JOB_PART"];
  if (kind === "progression") return [];
  return includeEducation ? ["JOB", "JOB_UNK", "EDU"] : ["JOB", "JOB_UNK"];
}

/**
 * Unchecked share of a group (a fraction 0–1) in a metric: Σ of the metric's state shares at M, times ρ^k for a
 * sustainment metric k months after M (ρ = monthly persistence, the business case's effect profile after M).
 * @example metricShareCore({ id: "sustained6", kind: "sustained", monthsAfterMeasurement: 6 }, shares, 0.98, false)
 * // (JOB + JOB_UNK) × 0.98⁶
 */
export function metricShareCore(
  definition: MetricDefinition,
  shares: PerState<number>,
  persistence: number,
  includeEducation: boolean,
): number {
  let share = 0;
  for (const state of metricStates(definition.kind, includeEducation)) share += shares[state];
  return definition.monthsAfterMeasurement === 0
    ? share
    : share * Math.pow(persistence, definition.monthsAfterMeasurement);
}

/**
 * Checked {@link metricShareCore}: the metric must be known, each state share 0–1 (field `shares.<STATE>`), the
 * persistence 0–1 (field `persistence`) and `includeEducation` a boolean.
 * @example metricShare("selfSupporting", { JOB: 0.18, JOB_UNK: 0.09, ... }, 1, false) // ok(0.27)
 */
export function metricShare(
  metric: string,
  shares: PerState<number>,
  persistence: number,
  includeEducation: boolean,
): Result<number> {
  const definition = metricDefinition(metric);
  if (!definition.ok) return definition;
  const issues: Issue[] = [];
  for (const state of metricStates(definition.value.kind, includeEducation)) {
    checkShare(issues, `shares.${state}`, shares[state]);
  }
  checkShare(issues, "persistence", persistence, "a monthly persistence from 0 to 1");
  checkBoolean(issues, "includeEducation", includeEducation);
  if (issues.length > 0) return { ok: false, issues };
  return ok(metricShareCore(definition.value, shares, persistence, includeEducation));
}
