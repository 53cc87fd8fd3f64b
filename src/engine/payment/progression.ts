/**
 * Progression and well-being metrics on the rate card (issue 15 item 3): measures of a participant's progress that are
 * not outcome states of the business case, e.g. a BIP score gain, WHO-5 above a cut-off, an action-plan milestone or
 * "declared fit for work". Den Sociale Investeringsfond's Danish deals pay on such metrics (3–5 per deal: well-being,
 * action-plan progression, "fit for work"; reference note broad-savings.md §3.2 [V 27][V 28]).
 *
 * A progression metric is given per cohort as the share of participants (0–1) reaching it at a measurement month
 * (whole months after each cohort's intake), and optionally the comparison group's share at the same month. It pays
 * like the other metrics: price per outcome, volume cap, chain, per-person and contract caps, baseline (the
 * comparison share, or a historical rate), threshold (participant − comparison share in percentage points) and claim
 * lag; it is paid in month intake + measurement month + lag.
 *
 * A progression payment is NOT a budget saving: the municipality pays it, but nothing in the employment account
 * falls because a participant's WHO-5 score rose. The schedule reports these payments apart (`progression`), so the
 * municipality's net position shows what it pays for progression without a saving behind it.
 */
import { issue, type Issue } from "../errors";
import { ownValue } from "../lookup";
import { isFiniteNumber, shown } from "./checks";
import type { MetricDefinition } from "./metrics";

/** The progression metrics a rate card can price, with Danish and English labels and accepted spellings. */
export const PROGRESSION_METRICS = [
  {
    id: "bipGain",
    en: "BIP score gain (Væksthuset's job-readiness indicators)",
    da: "BIP-fremgang (Væksthusets indikatorer for jobparathed)",
    aliases: ["bipgain", "bip", "bipfremgang"],
  },
  {
    id: "who5",
    en: "WHO-5 well-being index above a cut-off (e.g. above 50 of 100)",
    da: "WHO-5-trivselsindeks over en grænse (f.eks. over 50 af 100)",
    aliases: ["who5", "who5trivsel", "trivsel"],
  },
  {
    id: "actionPlan",
    en: "action-plan milestone reached",
    da: "handleplansmål nået",
    aliases: ["actionplan", "handleplan", "handleplansmaal"],
  },
  {
    id: "fitForWork",
    en: "declared fit for work (job-ready)",
    da: "erklæret jobparat",
    aliases: ["fitforwork", "jobparat", "arbejdsparat"],
  },
  {
    id: "lifeSatisfaction",
    en: "life satisfaction (0–10) at or above a level",
    da: "livstilfredshed (0–10) på eller over et niveau",
    aliases: ["lifesatisfaction", "livstilfredshed"],
  },
] as const;

/** Canonical ids of the progression metrics. */
export type ProgressionMetricId = (typeof PROGRESSION_METRICS)[number]["id"];

/** Latest measurement month of a progression metric, months after intake (the longest horizon). */
export const MAX_PROGRESSION_MONTH = 420;

/** What a rate-card line of a progression metric measures. */
export interface ProgressionMeasure {
  /** Whole months after each cohort's intake at which the share is measured (1 to 420; intake + month ≤ horizon). */
  readonly measurementMonth: number;
  /** Share of participants (0–1) reaching the metric, per cohort in the scenario's cohort order; one value = every cohort. */
  readonly shares: readonly number[];
  /** The comparison group's share (0–1) at the same month, or null when it was not measured. */
  readonly comparisonShare: number | null;
}

/**
 * The progression metric a normalised name (see normaliseName) spells, or null.
 * @example progressionDefinition("who5") // { id: "who5", kind: "progression", monthsAfterMeasurement: 0 }
 */
export function progressionDefinition(normalName: string): MetricDefinition | null {
  for (const metric of PROGRESSION_METRICS) {
    if ((metric.aliases as readonly string[]).includes(normalName)) {
      return { id: metric.id, kind: "progression", monthsAfterMeasurement: 0 };
    }
  }
  return null;
}

/**
 * Share of participants of cohort `cohortIndex` (0-based, scenario order) reaching the metric: the cohort's own share,
 * or the single share given for every cohort.
 * @example progressionCohortShare({ measurementMonth: 6, shares: [0.4, 0.3], comparisonShare: null }, 1) // 0.3
 */
export function progressionCohortShare(measure: ProgressionMeasure, cohortIndex: number): number {
  return (measure.shares.length === 1 ? measure.shares[0] : measure.shares[cohortIndex]) ?? 0;
}

/**
 * Participant-weighted share over the cohorts: Σ_c share_c × n_c / Σ_c n_c (0 when there are no participants).
 * @example progressionPooledShare({ measurementMonth: 6, shares: [0.4, 0.1], comparisonShare: null }, [30, 10]) // 0.325
 */
export function progressionPooledShare(measure: ProgressionMeasure, participants: readonly number[]): number {
  let reached = 0;
  let people = 0;
  participants.forEach((count, c) => {
    reached += progressionCohortShare(measure, c) * count;
    people += count;
  });
  return people > 0 ? reached / people : 0;
}

/**
 * Checks the progression part of rate-card line `field` (e.g. `rateCard[2]`) for metric `definition`: a progression
 * metric needs its measure (rule `required`), the measure belongs only to a progression metric (rule `kind`), the
 * measurement month is a whole number from 1 to 420 (rule `integer`), every share and the comparison share 0–1 (rule
 * `range`), at least one share (rule `required`). Each message names the metric and the rule.
 * @example checkProgressionLine(issues, "rateCard[2]", who5, undefined) // pushes rateCard[2].progression / required
 */
export function checkProgressionLine(
  issues: Issue[],
  field: string,
  definition: MetricDefinition | null,
  measure: ProgressionMeasure | null | undefined,
): void {
  if (definition === null) return;
  const id = definition.id;
  if (measure === undefined || measure === null) {
    if (definition.kind === "progression") {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.progression`,
          "required",
          `${field}: the progression metric ${id} needs a measurement month and the share of participants reaching it (progression.${id}.month and progression.${id}.share), rule required.`,
        ),
      );
    }
    return;
  }
  if (definition.kind !== "progression") {
    issues.push(
      issue(
        "InvalidInput",
        `${field}.progression`,
        "kind",
        `${field}: ${id} is an outcome metric of the business case; only a progression metric (${PROGRESSION_METRICS.map((m) => m.id).join(", ")}) takes a measurement month and shares, rule kind.`,
      ),
    );
    return;
  }
  const month = measure.measurementMonth;
  if (!isFiniteNumber(month) || !Number.isInteger(month) || month < 1 || month > MAX_PROGRESSION_MONTH) {
    issues.push(
      issue(
        "InvalidInput",
        `${field}.progression.measurementMonth`,
        "integer",
        `${field}: the measurement month of the progression metric ${id} must be a whole number of months after intake from 1 to ${MAX_PROGRESSION_MONTH}, got ${shown(month)}.`,
      ),
    );
  }
  if (!Array.isArray(measure.shares) || measure.shares.length === 0) {
    issues.push(
      issue(
        "InvalidInput",
        `${field}.progression.shares`,
        "required",
        `${field}: the progression metric ${id} needs the share of participants reaching it (one share, or one per cohort), rule required.`,
      ),
    );
  } else {
    measure.shares.forEach((share, c) => {
      if (!isFiniteNumber(share) || share < 0 || share > 1) {
        issues.push(
          issue(
            "InvalidInput",
            `${field}.progression.shares[${c}]`,
            "range",
            `${field}: the share of participants reaching the progression metric ${id} (cohort ${c + 1}) must be from 0 to 1, got ${shown(share)}.`,
          ),
        );
      }
    });
  }
  const comparison = measure.comparisonShare;
  if (comparison !== null && (!isFiniteNumber(comparison) || comparison < 0 || comparison > 1)) {
    issues.push(
      issue(
        "InvalidInput",
        `${field}.progression.comparisonShare`,
        "range",
        `${field}: the comparison group's share for the progression metric ${id} must be from 0 to 1 (or none), got ${shown(comparison)}.`,
      ),
    );
  }
}

/** A rate-card line as far as progression is concerned. */
interface ProgressionLine {
  readonly metric: string;
  readonly progression?: ProgressionMeasure | null;
}

/**
 * Rules of progression metrics that depend on the scenario: one share or one per cohort (rule `cohorts`), and every
 * cohort's measurement (intake + month) within the horizon (rule `horizon`). `lines` are valid rate-card lines;
 * without `cohorts` only the horizon is checked, for one intake in month 0.
 * @example validateProgressionForScenario([{ metric: "who5", progression: { measurementMonth: 60, shares: [0.4],
 *   comparisonShare: null } }], [{ intakeMonth: 0 }], 50) // [{ field: "rateCard[0].progression.measurementMonth", rule: "horizon" }]
 */
export function validateProgressionForScenario(
  lines: readonly ProgressionLine[],
  cohorts: readonly { readonly intakeMonth: number }[] | undefined,
  horizonMonths: number,
): Issue[] {
  const issues: Issue[] = [];
  lines.forEach((line, k) => {
    const measure = line.progression;
    if (measure === undefined || measure === null) return;
    const field = `rateCard[${k}]`;
    if (cohorts !== undefined && measure.shares.length !== 1 && measure.shares.length !== cohorts.length) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.progression.shares`,
          "cohorts",
          `${field}: the progression metric ${line.metric} has ${measure.shares.length} shares but the scenario has ${cohorts.length} cohorts; give one share for every cohort or one for all, rule cohorts.`,
        ),
      );
    }
    const lastIntake = (cohorts ?? []).reduce((latest, cohort) => Math.max(latest, cohort.intakeMonth), 0);
    if (lastIntake + measure.measurementMonth > horizonMonths) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.progression.measurementMonth`,
          "horizon",
          `${field}: the progression metric ${line.metric} is measured ${measure.measurementMonth} months after intake, so the last cohort (intake month ${lastIntake}) is measured in month ${lastIntake + measure.measurementMonth}, past the horizon of ${horizonMonths} months; use a month of at most ${Math.max(0, horizonMonths - lastIntake)} or a longer horizonMonths, rule horizon.`,
        ),
      );
    }
  });
  return issues;
}

/**
 * The terms a programme without effect would meet (for deadweight): every progression share replaced by the comparison
 * group's share; without a measured comparison share the participants' shares are kept (assume it could all have
 * happened anyway: the conservative reading, docs/payment.md "Progression metrics").
 * @example zeroEffectProgression([{ metric: "who5", progression: { measurementMonth: 6, shares: [0.4], comparisonShare: 0.25 } }])
 *   // shares [0.25]
 */
export function zeroEffectProgression<T extends ProgressionLine>(lines: readonly T[]): T[] {
  return lines.map((line) => {
    const measure = line.progression;
    if (measure === undefined || measure === null || measure.comparisonShare === null) return line;
    return { ...line, progression: { ...measure, shares: [measure.comparisonShare] } };
  });
}

/**
 * A progression metric without a measured comparison share cannot be netted against the comparison group (baseline
 * `comparison`) nor tested by a threshold (its effect is unknown): rule `required` on
 * `rateCard[k].progression.comparisonShare`, naming the metric and the term that needs it.
 * @example checkProgressionComparison(issues, card, "comparison", null) // pushes one issue per such metric
 */
export function checkProgressionComparison(
  issues: Issue[],
  lines: readonly ProgressionLine[],
  baselineKind: string,
  threshold: { readonly scope: string; readonly metric: string | null } | null,
  idOf: (name: string) => string | undefined,
): void {
  const testedId = threshold?.scope === "contract" ? idOf(threshold.metric ?? lines[0]?.metric ?? "") : undefined;
  lines.forEach((line, k) => {
    const measure = line.progression;
    if (measure === undefined || measure === null || measure.comparisonShare !== null) return;
    const id = idOf(line.metric) ?? line.metric;
    const needs =
      baselineKind === "comparison"
        ? "baseline comparison"
        : threshold?.scope === "metric" || (threshold?.scope === "contract" && testedId === id)
          ? "the threshold"
          : null;
    if (needs === null) return;
    issues.push(
      issue(
        "InvalidInput",
        `rateCard[${k}].progression.comparisonShare`,
        "required",
        `rateCard[${k}]: ${needs} needs the comparison group's share for the progression metric ${id} (progression.${id}.comparison), rule required.`,
      ),
    );
  });
}

/** The part of a progression metric a term sets. */
export type ProgressionPart = "month" | "share" | "comparison";

/** A parsed progression term: `progression.<metric>.month|share|share.<n>|comparison` (Danish `fremskridt.…`). */
export interface ProgressionKey {
  readonly metric: MetricDefinition;
  readonly part: ProgressionPart;
  /** 1-based cohort for `share.<n>`, or null for every cohort. */
  readonly cohort: number | null;
}

const PROGRESSION_PREFIXES = ["progression", "fremskridt"] as const;
const PROGRESSION_PART = /^(.+?)(month|maaned|share|andel|comparison|kontrol)(\d*)$/;
const PARTS: Readonly<Record<string, ProgressionPart>> = {
  month: "month",
  maaned: "month",
  share: "share",
  andel: "share",
  comparison: "comparison",
  kontrol: "comparison",
};

/**
 * Parses a normalised term name (normaliseName) as a progression term: null when it does not start with
 * `progression`/`fremskridt`; an Issue (rule `known`) when it does but names no progression metric or part.
 * @example parseProgressionKey("progressionwho5share2", "progression.who5.share.2") // { metric: who5, part: "share", cohort: 2 }
 */
export function parseProgressionKey(normal: string, key: string): ProgressionKey | Issue | null {
  const prefix = PROGRESSION_PREFIXES.find((candidate) => normal.startsWith(candidate));
  if (prefix === undefined) return null;
  const match = PROGRESSION_PART.exec(normal.slice(prefix.length));
  const metric = match === null ? null : progressionDefinition(match[1] ?? "");
  const part = match === null ? undefined : ownValue(PARTS, match[2] ?? "");
  const digits = match?.[3] ?? "";
  const cohort = digits === "" ? null : Number(digits);
  if (metric === null || part === undefined || (cohort !== null && (part !== "share" || cohort < 1))) {
    return issue(
      "InvalidInput",
      key,
      "known",
      `${key} is not a progression term: use progression.<metric>.month, progression.<metric>.share, progression.<metric>.share.<cohort> (1, 2, …) or progression.<metric>.comparison, with <metric> one of ${PROGRESSION_METRICS.map((m) => m.id).join(", ")}.`,
    );
  }
  return { metric, part, cohort };
}

/** A rate-card line that may take a progression measure. */
interface CardLine {
  readonly metric: string;
  readonly progression?: ProgressionMeasure | null;
}

/**
 * Applies progression terms to a rate card (after prices have added their lines): the metric must be on the card
 * (rule `known`: give price.<metric>), a term at most once (rule `unique`), `share` and `share.<n>` not both (rule
 * `conflict`), per-cohort shares numbered 1…N without a gap (rule `cohorts`), a month a number, shares and the
 * comparison numbers (the comparison may be none). Ranges are checked by {@link checkProgressionLine} afterwards.
 * @example applyProgressionTerms(issues, card, [[{ metric: who5, part: "month", cohort: null }, "progression.who5.month", 12]])
 */
export function applyProgressionTerms<T extends CardLine>(
  issues: Issue[],
  rateCard: readonly T[],
  entries: readonly (readonly [ProgressionKey, string, number | string | boolean])[],
  idOf: (name: string) => string | undefined,
): T[] {
  const byMetric = new Map<
    string,
    { month?: number; all?: number; cohorts: Map<number, number>; comparison?: number | null; keys: Set<string> }
  >();
  for (const [parsed, key, value] of entries) {
    const id = parsed.metric.id;
    const entry = byMetric.get(id) ?? { cohorts: new Map<number, number>(), keys: new Set<string>() };
    byMetric.set(id, entry);
    const target = `${parsed.part}${parsed.cohort ?? ""}`;
    if (entry.keys.has(target)) {
      issues.push(issue("InvalidInput", key, "unique", `${key} is given twice for the progression metric ${id}.`));
      continue;
    }
    entry.keys.add(target);
    const isNone = typeof value === "string" && ["none", "ingen", ""].includes(value.trim().toLowerCase());
    if (parsed.part === "comparison" && isNone) {
      entry.comparison = null;
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push(
        issue(
          "InvalidInput",
          key,
          "number",
          `${key} must be a number (${parsed.part === "month" ? "whole months after intake" : "a share from 0 to 1"}) for the progression metric ${id}, got ${shown(value)}.`,
        ),
      );
      continue;
    }
    if (parsed.part === "month") entry.month = value;
    else if (parsed.part === "comparison") entry.comparison = value;
    else if (parsed.cohort === null) entry.all = value;
    else entry.cohorts.set(parsed.cohort, value);
  }
  let card = [...rateCard];
  for (const [id, entry] of byMetric) {
    const index = card.findIndex((line) => idOf(line.metric) === id);
    const name = `progression.${id}`;
    if (index < 0) {
      issues.push(
        issue(
          "InvalidInput",
          name,
          "known",
          `${name}: ${id} is not on the rate card; give price.${id} to add the progression metric.`,
        ),
      );
      continue;
    }
    if (entry.all !== undefined && entry.cohorts.size > 0) {
      issues.push(
        issue(
          "InvalidInput",
          `${name}.share`,
          "conflict",
          `${name}.share (every cohort) and ${name}.share.<cohort> cannot both be given for the progression metric ${id}.`,
        ),
      );
      continue;
    }
    const perCohort: number[] = [];
    for (let c = 1; c <= entry.cohorts.size; c++) {
      const share = entry.cohorts.get(c);
      if (share === undefined) {
        issues.push(
          issue(
            "InvalidInput",
            `${name}.share.${c}`,
            "cohorts",
            `${name}.share.${c} is missing: per-cohort shares of the progression metric ${id} are numbered 1, 2, … without a gap.`,
          ),
        );
        break;
      }
      perCohort.push(share);
    }
    const old = card[index]?.progression ?? null;
    const shares = entry.all !== undefined ? [entry.all] : perCohort.length > 0 ? perCohort : (old?.shares ?? []);
    const measurementMonth = entry.month ?? old?.measurementMonth;
    if (measurementMonth === undefined) {
      issues.push(
        issue(
          "InvalidInput",
          `${name}.month`,
          "required",
          `${name}.month is required: the progression metric ${id} needs the month after intake at which it is measured (e.g. 12).`,
        ),
      );
      continue;
    }
    const comparisonShare = entry.comparison !== undefined ? entry.comparison : (old?.comparisonShare ?? null);
    const measure: ProgressionMeasure = { measurementMonth, shares, comparisonShare };
    card = card.map((line, k) => (k === index ? { ...line, progression: measure } : line));
  }
  return card;
}
