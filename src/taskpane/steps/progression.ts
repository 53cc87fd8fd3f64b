/**
 * Progression metrics in the wizard (issue 14 leftover; engine: src/engine/payment/progression.ts, docs/payment.md
 * "Progression metrics"): for each of the five metrics a case file can price (BIP gain, WHO-5, action plan, fit for
 * work, life satisfaction) four fields on the payment step, named as the case file's terms: `price.<metric>` (empty:
 * not on the rate card), `progression.<metric>.month`, `.share` and `.comparison`. A share is given, not computed: the
 * business case's outcome shares do not change it. A loaded case with one share per cohort keeps them while the share
 * field is left empty. The engine's rules decide what is valid; {@link applyProgressionFields} only builds the lines.
 */
import { MAX_AMOUNT } from "../../engine/payment/checks";
import { PROGRESSION_METRICS, type ProgressionMeasure } from "../../engine/payment/progression";
import type { MetricTerms } from "../../engine/payment/terms";
import { field } from "../state/spec";
import type { FieldSpec, Text } from "../state/types";

/** The four parts of a progression metric's fields, as the case file names them. */
export type ProgressionPart = "price" | "month" | "share" | "comparison";

/**
 * A progression field's id: `price.<metric>` for the price (the case file's own term), else
 * `progression.<metric>.<part>`.
 * @example progressionFieldId("who5", "month") // "progression.who5.month"
 */
export function progressionFieldId(metric: string, part: ProgressionPart): string {
  return part === "price" ? `price.${metric}` : `progression.${metric}.${part}`;
}

/** Short names of the metrics for the groups' headings (the engine's labels, without the Danish proper names in English). */
const METRIC_NAMES: readonly { readonly id: string; readonly name: Text }[] = [
  { id: "bipGain", name: { da: "BIP-fremgang (jobparathed)", en: "BIP score gain (job readiness)" } },
  { id: "who5", name: { da: "WHO-5-trivsel over en grænse", en: "WHO-5 well-being above a cut-off" } },
  { id: "actionPlan", name: { da: "handleplansmål nået", en: "action-plan milestone reached" } },
  { id: "fitForWork", name: { da: "erklæret jobparat", en: "declared fit for work" } },
  { id: "lifeSatisfaction", name: { da: "livstilfredshed over et niveau", en: "life satisfaction above a level" } },
];

function metricFields(metric: (typeof PROGRESSION_METRICS)[number]): FieldSpec[] {
  const name = METRIC_NAMES.find((candidate) => candidate.id === metric.id)?.name ?? { da: metric.da, en: metric.en };
  const group: Text = { da: `Fremskridtsmål: ${name.da}`, en: `Progression metric: ${name.en}` };
  const target = (part: ProgressionPart) => ({ kind: "progression", metric: metric.id, part }) as const;
  return [
    field("payment", "kr", {
      id: progressionFieldId(metric.id, "price"),
      group,
      label: { da: "Pris pr. deltager, der når målet", en: "Price per participant who reaches it" },
      help: {
        da: "Hvad der betales for hver deltager, der når målet ved målingen. Tomt: målet er ikke med i betalingerne. Det er ikke en besparelse i budgettet: kommunen betaler, men ingen ydelse falder, fordi målet er nået; hold prisen lille for mål, deltagerne selv svarer på.",
        en: "What is paid for each participant who reaches it at the measurement. Empty: the metric is not paid for. It is not a budget saving: the municipality pays, but no benefit falls because the metric is reached; keep the price small for metrics the participants report themselves.",
      },
      optional: true,
      noneText: { da: "ikke med i betalingerne", en: "not paid for" },
      range: { max: MAX_AMOUNT },
      example: 10_000,
      target: target("price"),
    }),
    field("payment", "months", {
      id: progressionFieldId(metric.id, "month"),
      group,
      label: { da: "Målemåned efter holdets start", en: "Measurement month after intake" },
      help: {
        da: "Hele måneder efter hvert holds start, hvor andelen måles. Det sidste holds start plus målemåneden skal ligge inden for tidshorisonten.",
        en: "Whole months after each cohort's intake at which the share is measured. The last cohort's intake plus this month must lie within the horizon.",
      },
      optional: true,
      noneText: { da: "ingen måling", en: "no measurement" },
      example: 12,
      target: target("month"),
    }),
    field("payment", "percent", {
      id: progressionFieldId(metric.id, "share"),
      group,
      label: { da: "Andel af deltagerne, der når målet", en: "Share of the participants who reach it" },
      help: {
        da: "Andelen ved målemåneden, for alle hold. Den er givet (fx fra en evaluering), ikke beregnet af modellen. Tomt: en åbnet sags andele pr. hold bruges.",
        en: "The share at the measurement month, for every cohort. It is given (e.g. by an evaluation), not computed by the model. Empty: an opened case's shares per cohort are used.",
      },
      optional: true,
      noneText: { da: "den åbnede sags andele pr. hold", en: "the opened case's shares per cohort" },
      example: 40,
      target: target("share"),
    }),
    field("payment", "percent", {
      id: progressionFieldId(metric.id, "comparison"),
      group,
      label: { da: "Kontrolgruppens andel", en: "The comparison group's share" },
      help: {
        da: "Andelen i kontrolgruppen ved samme måned. Tomt: ikke målt; så regnes hele deltagernes andel som noget, der kunne være sket alligevel, og en basislinje eller tærskel efter kontrolgruppen kan ikke bruges på målet.",
        en: "The share in the comparison group at the same month. Empty: not measured; all of the participants' share then counts as something that could have happened anyway, and a comparison baseline or threshold cannot be used on the metric.",
      },
      optional: true,
      noneText: { da: "ikke målt", en: "not measured" },
      example: 25,
      target: target("comparison"),
    }),
  ];
}

/** Every progression field, metric by metric in the engine's order. */
export const PROGRESSION_FIELDS: readonly FieldSpec[] = PROGRESSION_METRICS.flatMap(metricFields);

/** A problem found while building the lines: the wizard field and the rule (`required`, `range`, `integer`). */
export interface ProgressionProblem {
  readonly field: string;
  readonly rule: "required" | "range" | "integer";
  readonly message: string;
}

/**
 * The rate card with the progression fields applied: a metric with a price is on the card (kept in place, or added at
 * the end) with the month, share (or the source's shares per cohort when the field is empty) and comparison share
 * typed; a metric without a price is taken off. A priced metric without a month, or without a share and no shares per
 * cohort to keep, is a `required` problem on that field (the line keeps the source's measure, if any). A value outside
 * its field's range (months 1 to the horizon, shares 0–100 %) is a `range` or `integer` problem whether the metric is
 * priced or not, as a typing slip. Values are in engine units (shares 0–1); undefined (a field that cannot be read)
 * keeps the source's value.
 * @example applyProgressionFields(PILOT_PAYMENT_TERMS.rateCard, PILOT_PAYMENT_TERMS.rateCard, new Map([["price.who5", 5000],
 *   ["progression.who5.month", 12], ["progression.who5.share", 0.4], ["progression.who5.comparison", null]]), 50).rateCard.at(-1)
 * // { metric: "who5", price: 5000, volumeCap: null, requires: null, progression: { measurementMonth: 12, shares: [0.4], comparisonShare: null } }
 */
export function applyProgressionFields(
  rateCard: readonly MetricTerms[],
  source: readonly MetricTerms[],
  values: ReadonlyMap<string, number | null>,
  horizonMonths: number,
): { readonly rateCard: MetricTerms[]; readonly problems: ProgressionProblem[] } {
  const problems: ProgressionProblem[] = [];
  for (const spec of PROGRESSION_FIELDS) {
    const value = values.get(spec.id);
    const rule = typeof value === "number" ? outOfRange(spec, value, horizonMonths) : null;
    if (rule !== null) problems.push({ field: spec.id, rule, message: `${spec.id} is outside its range (${rule}).` });
  }
  let card = [...rateCard];
  for (const metric of PROGRESSION_METRICS) {
    const value = (part: ProgressionPart) => values.get(progressionFieldId(metric.id, part));
    const before = source.find((line) => line.metric === metric.id)?.progression ?? null;
    const price = value("price");
    const index = card.findIndex((line) => line.metric === metric.id);
    if (price === null) {
      if (index >= 0) card = card.filter((_, k) => k !== index);
      continue;
    }
    const line = index >= 0 ? card[index] : undefined;
    const month = value("month");
    const share = value("share");
    const comparison = value("comparison");
    if (month === null) problems.push(required(metric.id, "month"));
    const keptShares = before !== null && before.shares.length > 1 ? before.shares : null;
    if (share === null && keptShares === null) problems.push(required(metric.id, "share"));
    const measure: ProgressionMeasure = {
      measurementMonth: typeof month === "number" ? month : (before?.measurementMonth ?? 1),
      shares: typeof share === "number" ? [share] : (keptShares ?? before?.shares ?? [0]),
      comparisonShare: comparison === undefined ? (before?.comparisonShare ?? null) : comparison,
    };
    const next: MetricTerms = {
      metric: metric.id,
      price: typeof price === "number" ? price : (line?.price ?? 0),
      volumeCap: line?.volumeCap ?? null,
      requires: line?.requires ?? null,
      progression: measure,
    };
    card = index >= 0 ? card.map((old, k) => (k === index ? next : old)) : [...card, next];
  }
  return { rateCard: card, problems };
}

/** The rule a value in engine units breaks against its field's range (display units), or null. */
function outOfRange(spec: FieldSpec, value: number, horizonMonths: number): "range" | "integer" | null {
  const shown = value * spec.scale;
  const { min, max, integer, exclusiveMin } = spec.range;
  if (integer && !Number.isInteger(shown)) return "integer";
  const upper = max === "horizon" ? horizonMonths : max;
  return shown < min || (exclusiveMin === true && shown === min) || shown > upper ? "range" : null;
}

function required(metric: string, part: ProgressionPart): ProgressionProblem {
  const id = progressionFieldId(metric, part);
  return { field: id, rule: "required", message: `${id} is required for a progression metric with a price.` };
}

/**
 * The wizard field of a progression problem the engine reports on a rate-card line (`rateCard[k].progression…`), or
 * null when the path is not one.
 * @example progressionField("rateCard[2].progression.measurementMonth", card) // "progression.who5.month"
 */
export function progressionField(path: string, rateCard: readonly MetricTerms[]): string | null {
  const match = /^rateCard\[(\d+)\]\.progression(?:\.(measurementMonth|shares|comparisonShare))?/.exec(path);
  if (match === null) return null;
  const metric = rateCard[Number(match[1])]?.metric;
  if (metric === undefined || !PROGRESSION_METRICS.some((candidate) => candidate.id === metric)) return null;
  const part: ProgressionPart =
    match[2] === "measurementMonth" ? "month" : match[2] === "comparisonShare" ? "comparison" : "share";
  return progressionFieldId(metric, part);
}

/**
 * A field's label in the review's summary: a progression field under its metric's name ("Fremskridtsmål: erklæret
 * jobparat, Pris pr. deltager, der når målet"), and null (left out) while its metric has no price; any other field's
 * own label.
 * @example summaryLabel(monthOfWho5, pilotFields, "en") // null: WHO-5 is not priced in the pilot
 */
export function summaryLabel(
  spec: FieldSpec,
  fields: Readonly<Record<string, { readonly parsed: string }>>,
  language: "da" | "en",
): string | null {
  const target = spec.target;
  if (target.kind !== "progression") return spec.label[language];
  if (fields[progressionFieldId(target.metric, "price")]?.parsed !== "number") return null;
  return `${spec.group?.[language] ?? ""}, ${spec.label[language].charAt(0).toLowerCase()}${spec.label[language].slice(1)}`;
}
