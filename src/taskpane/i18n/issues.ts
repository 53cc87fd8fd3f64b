/**
 * The engine's problems in the wizard's language (issue 14: no English in the Danish tool). The engine reports every
 * problem as an {@link Issue} with a field path, a rule code and an English message; the wizard translates by the rule
 * code (never by matching the English text): English shows the engine's own message, Danish a sentence for the rule,
 * after the field it concerns (the wizard's Danish label when the path is one of its fields, else the path).
 * test/taskpane/issueText.test.ts checks that every rule code the engine can report has a Danish text here.
 */
import type { Issue } from "../../engine/errors";
import { ownValue } from "../../engine/lookup";
import type { Language } from "../about";
import type { Text } from "../state/types";
import { fieldSpec } from "../steps";

/**
 * A sentence for each rule code of the engine (and of the case file: `json`, `size`), in Danish and English. The
 * English is a short fallback; the English UI shows the engine's own, more specific message.
 */
export const ISSUE_RULE_TEXT: Readonly<Record<string, Text>> = {
  aboveAlpha: {
    da: "styrken skal være større end risikoen for falsk alarm (alfa)",
    en: "the power must be greater than the false-alarm rate (alpha)",
  },
  applicable: {
    da: "udfaldene, der ikke tælles med som effekt, kan ikke bruges sådan med disse andele",
    en: "the outcomes not counted as an effect cannot be applied to these shares",
  },
  atMostParticipants: {
    da: "højst lige så mange som deltagerne (eller tomt for dem alle)",
    en: "at most the participants (or empty for all of them)",
  },
  boolean: { da: "skal være sand eller falsk (1 eller 0)", en: "must be TRUE or FALSE (1 or 0)" },
  cohortCost: {
    da: "overskud kan kun geninvesteres i nye hold, når indsatsen koster mere end 0 kr. pr. deltager",
    en: "a surplus can only be reinvested in new cohorts when the programme costs more than 0 kr a participant",
  },
  cohorts: {
    da: "giv én andel for hvert hold eller én fælles for dem alle, nummereret 1, 2, … uden huller",
    en: "give one share for every cohort or one for all, numbered 1, 2, … without gaps",
  },
  conflict: {
    da: "to indstillinger udelukker hinanden; fjern den ene",
    en: "two settings exclude each other; remove one of them",
  },
  contribution: {
    da: "pengestrømmene har ingen indbetaling (et negativt beløb), så pengemultiplen findes ikke",
    en: "the flows contain no money paid in (a negative amount), so the multiple does not exist",
  },
  convergence: {
    da: "beregningen fandt ikke et svar inden for sit antal forsøg",
    en: "the calculation did not find an answer within its number of attempts",
  },
  daEn: { da: "skal have en dansk og en engelsk tekst", en: "needs a Danish and an English text" },
  date: { da: "datoen kan ikke læses eller ligger for tidligt", en: "the date cannot be read or is too early" },
  duplicate: { da: "er angivet mere end én gang", en: "is given more than once" },
  duration: {
    da: "varigheden skal være et helt antal måneder fra 0 og op",
    en: "the duration must be a whole number of months, at least 0",
  },
  employment: {
    da: "effektens fordeling flytter ingen i beskæftigelse, så den kan ikke skaleres til en effekt",
    en: "the effect profile moves nobody into work, so it cannot be scaled to an effect",
  },
  enum: { da: "værdien er ikke en af de tilladte", en: "the value is not one of those allowed" },
  finite: { da: "skal være et endeligt tal", en: "must be a finite number" },
  flag: {
    da: "skal være 1 (tælles ikke med som effekt) eller 0 (tælles med)",
    en: "must be 1 (not counted as an effect) or 0 (counted)",
  },
  horizon: {
    da: "rækker ud over tidshorisonten; gør tidshorisonten længere eller målingen tidligere",
    en: "reaches beyond the time horizon; make the horizon longer or the measurement earlier",
  },
  increasing: {
    da: "refusionstrinnene skal stå i rækkefølge efter uge",
    en: "the refusion steps must be in order of week",
  },
  index: {
    da: "prisåret ligger uden for det indbyggede prisindeks; skriv selv en indeksfaktor",
    en: "the price year is outside the built-in price index; give an index factor",
  },
  integer: { da: "skal være et helt tal", en: "must be a whole number" },
  json: { da: "filen er ikke gyldig JSON", en: "the file is not valid JSON" },
  kind: {
    da: "kun et fremskridtsmål (fx BIP eller WHO-5) kan have en målemåned og andele",
    en: "only a progression metric (e.g. BIP or WHO-5) takes a measurement month and shares",
  },
  known: {
    da: "er ukendt: ikke et af de felter, navne eller mål, der kan bruges her",
    en: "is not known: not one of the fields, names or metrics that can be used here",
  },
  length: {
    da: "listerne skal have lige mange elementer",
    en: "the lists must have the same number of items",
  },
  list: { da: "skal være en liste", en: "must be a list" },
  maxItems: { da: "listen er for lang", en: "the list is too long" },
  maxLength: { da: "teksten er for lang", en: "the text is too long" },
  maxProperties: { da: "har for mange felter", en: "has too many fields" },
  more: {
    da: "og flere fejl af samme slags",
    en: "and more problems of the same kinds",
  },
  multipleRoots: {
    da: "pengestrømmene skifter fortegn flere gange, så der er mere end én intern rente",
    en: "the flows change sign more than once, so there is more than one internal rate of return",
  },
  nesting: { da: "filen er indlejret for dybt", en: "the file is nested too deeply" },
  noDoubleCounting: {
    da: "tælles allerede med i beskæftigelsesregnskabet (ydelser og skatter) og kan ikke lægges til igen",
    en: "is already counted in the employment account (benefits and taxes) and cannot be added again",
  },
  notFound: {
    da: "en række uden fundet kilde (mærket U) har ingen enhedspris; mærk din egen pris som brugerens",
    en: "a row marked not found (U) has no unit price; mark your own price as the user's",
  },
  number: { da: "skal være et tal", en: "must be a number" },
  object: { da: "skal være et objekt", en: "must be an object" },
  oneOf: { da: "værdien er ikke en af de tilladte", en: "the value is not one of those allowed" },
  order: {
    da: "et mål kan kun kræve et mål, der står før det på listen over betalinger",
    en: "a metric can only require a metric before it on the rate card",
  },
  overflow: {
    da: "tallene er for store til at regne med",
    en: "the numbers are too large to calculate with",
  },
  pattern: {
    da: "må kun have bogstaver, cifre, - og _ (1-40 tegn)",
    en: "may only hold letters, digits, - and _ (1-40 characters)",
  },
  payer: {
    da: "rækken mangler en betaler: kommune, region eller stat",
    en: "the row has no payer: municipality, region or state",
  },
  positive: { da: "skal være større end 0", en: "must be greater than 0" },
  precision: {
    da: "svaret kan ikke findes præcist nok",
    en: "the answer cannot be found precisely enough",
  },
  range: { da: "værdien er uden for det tilladte interval", en: "the value is outside the allowed range" },
  reachable: {
    da: "målet kan ikke nås med disse tal",
    en: "the target cannot be reached with these numbers",
  },
  refusion: {
    da: "kun en kommunal udgift har refusion; sæt den til 0 for denne betaler",
    en: "only a municipal cost has refusion; set it to 0 for this payer",
  },
  required: { da: "mangler", en: "is missing" },
  requires: {
    da: "kræver en anden indstilling, som mangler (fx kræver en tærskel en basislinje)",
    en: "needs another setting that is missing (e.g. a threshold needs a baseline)",
  },
  signChange: {
    da: "pengestrømmene skifter ikke fortegn, så der er ingen intern rente (investoren får intet eller taber intet)",
    en: "the flows do not change sign, so there is no internal rate of return (nothing is paid in or nothing comes back)",
  },
  size: { da: "filen er for stor", en: "the file is too large" },
  start: {
    da: "refusionstrappen skal begynde i uge 1",
    en: "the refusion staircase must start at week 1",
  },
  string: { da: "skal være en tekst", en: "must be a text" },
  sum: { da: "andelene skal tilsammen give 100 %", en: "the shares must add up to 100 %" },
  text: {
    da: "skal have en tekst på dansk eller engelsk",
    en: "needs a text in Danish or English",
  },
  type: { da: "forkert slags værdi", en: "the wrong kind of value" },
  unique: { da: "angivet mere end én gang", en: "given more than once" },
  unitPrice: {
    da: "rækken mangler en enhedspris i kr.",
    en: "the row has no unit price in kr",
  },
  unknown: { da: "ukendt navn", en: "unknown name" },
  unsupported: {
    da: "denne beregning kan endnu ikke tage det med; resultatberegningen og betalingsplanen gør",
    en: "this calculation cannot include it yet; the results and the payment schedule do",
  },
  work: {
    da: "for mange gentagelser med så mange deltagere",
    en: "too many iterations for so many participants",
  },
  year: { da: "året er uden for de indbyggede data", en: "the year is outside the built-in data" },
};

/**
 * The rule `unsupported` is reported by the Monte Carlo (src/engine/stress/model.ts) for what it cannot draw yet: its
 * sentence by the field it names.
 */
export const UNSUPPORTED_TEXT: Readonly<Record<string, Text>> = {
  municipalities: {
    da: "risikoberegningen (Monte Carlo) regner endnu ikke med flere kommuner hver for sig; resultaterne pr. kommune i guiden og i projektmappen gør",
    en: "the risk simulation (Monte Carlo) does not yet handle several municipalities separately; the results by municipality in the wizard and the workbook do",
  },
  progression: {
    da: "risikoberegningen (Monte Carlo) regner endnu ikke med fremskridtsmål; betalingsplanen gør",
    en: "the risk simulation (Monte Carlo) does not yet handle progression metrics; the payment schedule does",
  },
};

/** Which {@link UNSUPPORTED_TEXT} a field of an `unsupported` problem has (null: the rule's general sentence). */
function unsupportedKey(field: string): string | null {
  if (field === "municipalities") return "municipalities";
  if (/^rateCard\[\d+\]\.progression$/.test(field)) return "progression";
  return null;
}

/**
 * Why something cannot be done, as a sentence in the language (no place): the rule's sentence, for `unsupported` by
 * the field it names.
 * @example issueReason({ field: "municipalities", rule: "unsupported", … }, "da") // "risikoberegningen (Monte Carlo) …"
 */
export function issueReason(problem: Issue, language: Language): string {
  const key = problem.rule === "unsupported" ? unsupportedKey(problem.field) : null;
  const text = key === null ? undefined : ownValue(UNSUPPORTED_TEXT, key);
  return text === undefined ? ruleText(problem.rule, language) : text[language];
}

/** The Danish sentence for a rule that has none here (kept general, never the English message). */
const UNKNOWN_RULE: Text = { da: "reglen «{rule}» er ikke opfyldt", en: "the rule {rule} is broken" };

/**
 * A rule's sentence in a language (a general one for a rule without its own).
 * @example ruleText("range", "da") // "værdien er uden for det tilladte interval"
 */
export function ruleText(rule: string, language: Language): string {
  const text = ownValue(ISSUE_RULE_TEXT, rule) ?? UNKNOWN_RULE;
  return text[language].replace("{rule}", rule);
}

/** A whole section of a case file as a place. */
const SECTION_PLACE: Readonly<Record<string, Text>> = {
  payment: { da: "Betalingsvilkårene", en: "The payment terms" },
  investor: { da: "Investorens vilkår", en: "The investor's terms" },
  views: { da: "Visningerne", en: "The views" },
  wizard: { da: "Guidens visning", en: "The wizard's view" },
  municipalities: { da: "Kommunerne", en: "The municipalities" },
  consequences: { da: "Konsekvenserne", en: "The consequences" },
};

/**
 * Where a problem is, for a Danish line: the wizard's label for a path that is one of its fields (with a section
 * prefix such as `payment.` or `terms.` taken off), a consequence row by its number, else the path itself ("the file"
 * for the whole file, `$`).
 * @example issuePlace("costPerParticipant", "da") // "Pris for indsatsen pr. deltager"
 */
export function issuePlace(field: string, language: Language): string {
  if (field === "$" || field === "") return language === "da" ? "Filen" : "The file";
  const row = /^consequences\[(\d+)\]/.exec(field);
  if (row !== null) {
    const number = Number(row[1]) + 1;
    return language === "da" ? `Konsekvensrække ${number}` : `Consequence row ${number}`;
  }
  const section = ownValue(SECTION_PLACE, field);
  if (section !== undefined) return section[language];
  const bare = field.replace(/^(?:payment|investor|terms)\./, "");
  const spec = fieldSpec(bare) ?? fieldSpec(field);
  return spec === undefined ? field : spec.label[language];
}

/**
 * A problem as one line in a language: English keeps the engine's message (it names the field and the rule); Danish
 * gives the place and the rule's Danish sentence, translated by the rule code.
 * @example issueText({ code: "InvalidInput", field: "horizonMonths", rule: "range", message: "…" }, "da")
 * // "Tidshorisont: værdien er uden for det tilladte interval"
 */
export function issueText(problem: Issue, language: Language): string {
  if (language === "en") return problem.message;
  return `${issuePlace(problem.field, language)}: ${issueReason(problem, language)}`;
}

/**
 * Several problems as one line, separated by "; ".
 * @example issuesText([a, b], "da") // "Tidshorisont: …; Filen: …"
 */
export function issuesText(problems: readonly Issue[], language: Language): string {
  return problems.map((problem) => issueText(problem, language)).join("; ");
}

/**
 * An error that carries the engine's problems, so the status line can show them in the user's language (the message
 * is the engine's English, for the console and the record).
 */
export class IssuesError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((problem) => problem.message).join("; "));
    this.name = "IssuesError";
  }
}

/**
 * What a failure says: the problems of an {@link IssuesError}, or the text of any other error.
 * @example failureOf(new IssuesError([problem])) // { detail: "…", issues: [problem] }
 */
export function failureOf(error: unknown): { readonly detail: string; readonly issues?: readonly Issue[] } {
  if (error instanceof IssuesError) return { detail: error.message, issues: error.issues };
  return { detail: error instanceof Error ? error.message : String(error) };
}
