import type { Language } from "../about";
import type { Scenario } from "../../engine/scenario";
import { NEUTRALISE_TEXT, SHARE_SUM_FIELDS } from "../steps/effect";
import { caseFieldSpec, fieldSpec } from "../steps";
import type { FieldError } from "../state/model";
import type { DisplayUnit, FieldSpec, Text } from "../state/types";
import { formatNumber } from "./numbers";
import { issuePlace, ruleText } from "./issues";
import { MUNICIPALITY_SHARES_ID } from "../state/municipalities";
import { ownValue } from "../../engine/lookup";

/** Unit words in messages ("from 0 to 100 %", "fra 1 til 420 måneder"). */
const UNIT_WORDS: Readonly<Record<DisplayUnit, Text>> = {
  people: { da: "personer", en: "people" },
  cohorts: { da: "hold", en: "cohorts" },
  kr: { da: "kr.", en: "kr" },
  krMonth: { da: "kr. om måneden", en: "kr per month" },
  krYear: { da: "kr. om året", en: "kr per year" },
  months: { da: "måneder", en: "months" },
  weeks: { da: "uger", en: "weeks" },
  percent: { da: "%", en: "%" },
  percentYear: { da: "% om året", en: "% a year" },
  pp: { da: "procentpoint", en: "percentage points" },
  factor: { da: "", en: "" },
  year: { da: "", en: "" },
  calendarMonth: { da: "", en: "" },
  unitsYear: { da: "enheder om året", en: "units a year" },
};

/** Short unit labels shown next to a field. */
export const UNIT_LABELS: Readonly<Record<DisplayUnit, Text>> = {
  people: { da: "personer", en: "people" },
  cohorts: { da: "hold", en: "cohorts" },
  kr: { da: "kr.", en: "kr" },
  krMonth: { da: "kr./md.", en: "kr/month" },
  krYear: { da: "kr./år", en: "kr/year" },
  months: { da: "mdr.", en: "months" },
  weeks: { da: "uger", en: "weeks" },
  percent: { da: "%", en: "%" },
  percentYear: { da: "% om året", en: "% a year" },
  pp: { da: "pct.-point", en: "pp" },
  factor: { da: "faktor", en: "factor" },
  year: { da: "år", en: "year" },
  calendarMonth: { da: "måned", en: "month" },
  unitsYear: { da: "enh./år", en: "units/year" },
};

/** Context a message may need: the current horizon (for "at most the horizon"), the case (for its own rows' fields). */
export interface MessageContext {
  readonly horizonMonths: number;
  /** The case's base scenario: a loaded file's own consequence rows have fields too (steps/broad.ts fileRowFields). */
  readonly base?: Scenario;
}

/**
 * The message for a broken rule next to its field, in plain words in the user's language. Messages are chosen by
 * field and rule: `number` (not a number), `required` (empty), `sum` (shares), and the range rules (`range`,
 * `integer`), which state the field's valid range in its own unit.
 * @example fieldMessage({ field: "costPerParticipant", rule: "range", ... }, "da", ctx)
 *   // "Skriv et beløb fra 0 til 1.000.000.000 kr."
 */
export function fieldMessage(error: FieldError, language: Language, context: MessageContext): string {
  if (error.field === SHARE_SUM_FIELDS.participantShares.id || error.field === SHARE_SUM_FIELDS.comparisonShares.id) {
    return language === "da" ? "De otte andele skal tilsammen give 100 %." : "The eight shares must add up to 100 %.";
  }
  if (error.field === "neutraliseStates") {
    if (error.rule === "applicable") return NEUTRALISE_TEXT.cannot[language];
    return language === "da"
      ? "Udfaldene, der ikke tælles med som effekt, kan ikke bruges sådan: vælg dem igen."
      : "The outcomes not counted as an effect cannot be used like this: choose them again.";
  }
  const municipality = municipalityMessage(error, language);
  if (municipality !== null) return municipality;
  const spec = context.base === undefined ? fieldSpec(error.field) : caseFieldSpec(error.field, context.base);
  if (spec === undefined) {
    // Danish by the rule's code (i18n/issues.ts), never the engine's English message.
    return language === "da"
      ? `Modellen kan ikke regnes med disse tal (${issuePlace(error.path ?? error.field, "da")}: ${ruleText(error.rule, "da")}).`
      : `The model cannot be calculated with these numbers (${error.engineMessage})`;
  }
  if (error.rule === "range" && error.bounds !== undefined) return boundsMessage(error.bounds, language);
  const ownRules = spec.target.kind === "consequence" || spec.target.kind === "progression";
  if (ownRules && !["range", "integer", "number", "required"].includes(error.rule)) {
    // A consequence row's or progression metric's own rules (a price without a year, a year outside the index, a
    // measurement past the horizon, …), by the rule's code.
    const sentence = ruleText(error.rule, language);
    return stop(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`);
  }
  const override = spec.messages?.[error.rule];
  if (override !== undefined) return override[language];
  switch (error.rule) {
    case "number": {
      const example = spec.unit === "year" ? String(spec.example) : formatNumber(spec.example, language);
      return language === "da" ? `Skriv et tal, fx ${example}.` : `Enter a number, e.g. ${example}.`;
    }
    case "required":
      return language === "da" ? "Feltet skal udfyldes." : "This field is required.";
    default:
      return rangeMessage(spec, language, context);
  }
}

/**
 * The field's valid range in words.
 * @example rangeMessage(horizonField, "en", ctx) // "Enter a whole number from 1 to 420 months."
 */
export function rangeMessage(spec: FieldSpec, language: Language, context: MessageContext): string {
  const { min, max, integer, exclusiveMin } = spec.range;
  const horizon = Number.isInteger(context.horizonMonths) && context.horizonMonths >= 1 ? context.horizonMonths : 420;
  const upper = max === "horizon" ? Math.min(horizon, 420) : max;
  const unit = UNIT_WORDS[spec.unit][language];
  // A year is written without a thousands separator (2026, not 2.026).
  const format = (value: number): string => (spec.unit === "year" ? String(value) : formatNumber(value, language, 4));
  const low = format(min);
  const high = `${format(upper)}${unit === "" ? "" : unit === "%" ? " %" : ` ${unit}`}`;
  const horizonNote =
    max === "horizon" ? (language === "da" ? " (højst tidshorisonten)" : " (at most the time horizon)") : "";
  const none =
    spec.optional && spec.noneText !== undefined
      ? language === "da"
        ? ` Lad feltet stå tomt for ${spec.noneText.da}.`
        : ` Leave it empty for ${spec.noneText.en}.`
      : "";
  const kind = spec.unit === "kr" || spec.unit === "krMonth" || spec.unit === "krYear" ? "amount" : "number";
  if (language === "da") {
    const what = integer ? "et helt tal" : kind === "amount" ? "et beløb" : "et tal";
    const range = exclusiveMin ? `over ${low} og højst ${high}` : `fra ${low} til ${high}`;
    return `${stop(`Skriv ${what} ${range}${horizonNote}`)}${none}`;
  }
  const what = integer ? "a whole number" : kind === "amount" ? "an amount" : "a number";
  const range = exclusiveMin ? `above ${low} and at most ${high}` : `from ${low} to ${high}`;
  return `${stop(`Enter ${what} ${range}${horizonNote}`)}${none}`;
}

/**
 * The simple effect's range, which depends on the comparison group (see participantSharesFromEmploymentEffect): the
 * bounds rounded inwards to two decimals, so every number in the message is allowed.
 * @example boundsMessage({ min: -6.655, max: 49.554 }, "en") // "… from -6.65 to 49.55 percentage points. …"
 */
export function boundsMessage(bounds: { readonly min: number; readonly max: number }, language: Language): string {
  const low = formatNumber(Math.ceil(bounds.min * 100) / 100, language, 2);
  const high = formatNumber(Math.floor(bounds.max * 100) / 100, language, 2);
  return language === "da"
    ? `Med pilotens fordeling af effekten og denne kontrolgruppe kan effekten være fra ${low} til ${high} procentpoint. Uden for det ville en andel blive under 0 %.`
    : `With the pilot's distribution of the effect and this comparison group, the effect can be from ${low} to ${high} percentage points. Outside that a share would fall below 0 %.`;
}

/** Ends a sentence with one full stop ("… kr." already has one). */
function stop(sentence: string): string {
  return sentence.endsWith(".") ? sentence : `${sentence}.`;
}

/** Messages of the municipalities' parts, by part and rule (null for another field). */
const MUNICIPALITY_MESSAGES: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  name: {
    unique: {
      da: "Kommunen står på listen to gange; fjern den ene.",
      en: "The municipality is listed twice; remove one of them.",
    },
    default: { da: "Skriv kommunens navn, fx Herning.", en: "Enter the municipality's name, e.g. Herning." },
  },
  taxRate: {
    required: {
      da: "Der er ingen indbygget kommuneskat for denne kommune: skriv dens skatteprocent, fx 25,1.",
      en: "There is no built-in municipal tax for this municipality: enter its tax rate, e.g. 25.1.",
    },
    number: {
      da: "Skriv en skatteprocent, fx 25,1, eller lad feltet stå tomt for den indbyggede sats.",
      en: "Enter a tax rate, e.g. 25.1, or leave it empty for the built-in rate.",
    },
    default: { da: "Skriv en skatteprocent fra 0 til 99 %.", en: "Enter a tax rate from 0 to 99 %." },
  },
  share: {
    required: {
      da: "Skriv kommunens andel af betalingerne, fx 50.",
      en: "Enter the municipality's share of the payments, e.g. 50.",
    },
    default: { da: "Skriv en andel fra 0 til 100 %.", en: "Enter a share from 0 to 100 %." },
  },
  weeks: {
    number: {
      da: "Skriv et antal uger, fx 104, eller lad feltet stå tomt for målgruppens.",
      en: "Enter a number of weeks, e.g. 104, or leave it empty for the target group's.",
    },
    default: { da: "Skriv et antal uger fra 0 til 520.", en: "Enter a number of weeks from 0 to 520." },
  },
  sum: {
    default: {
      da: "Kommunernes andele af betalingerne skal tilsammen give 100 %.",
      en: "The municipalities' shares of the payments must add up to 100 %.",
    },
  },
  cohort: {
    default: {
      da: "Vælg en af kommunerne på listen for holdet.",
      en: "Choose one of the listed municipalities for the cohort.",
    },
  },
};

function municipalityMessage(error: FieldError, language: Language): string | null {
  const row = /^municipality\.\d+\.(name|taxRate|share|weeks)$/.exec(error.field);
  const part =
    row !== null
      ? (row[1] ?? "")
      : error.field === MUNICIPALITY_SHARES_ID
        ? "sum"
        : error.field.startsWith("cohortMunicipality.")
          ? "cohort"
          : null;
  if (part === null) return null;
  const messages = ownValue(MUNICIPALITY_MESSAGES, part);
  const text = messages === undefined ? undefined : (ownValue(messages, error.rule) ?? ownValue(messages, "default"));
  return text === undefined ? null : text[language];
}
