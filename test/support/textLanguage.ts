/**
 * A small checker for texts a user reads (workbook cells, source notes): is a Danish text free of English, an English
 * text free of Danish, and neither pointing at files the user does not have? It works on whole words from curated
 * lists, so it finds the usual slips ("kr/month" in Danish, "og" in English) and says which word it found.
 *
 * Not flagged, on purpose:
 * - identifiers a function or formula reads (`participantShare.JOB`, `selfSupporting`, `kontanthjaelp_30plus_andre`,
 *   `week1`) and web addresses (`skm.dk/...`);
 * - in English text, a quoted Danish title ("Vejledning i samfundsøkonomiske konsekvensvurderinger"), so a source can
 *   be looked up under its own name, and the proper nouns in ENGLISH_PROPER_NOUNS;
 * - words that are Danish and English alike: model, rate, data, note, input, pilot, region, investor, total, net,
 *   person, program, case, business, for, over, under, to (Danish "two"), by (Danish "town"), pp, kr.
 */

export type TextLanguage = "da" | "en";

/** English words that have no place in a Danish text (Danish: the, og; of, af; per, pr.; month, måned …). */
const ENGLISH_WORDS = new Set([
  "the",
  "and",
  "of",
  "per",
  "in",
  "is",
  "are",
  "or",
  "from",
  "with",
  "without",
  "this",
  "that",
  "which",
  "not",
  "no",
  "none",
  "yes",
  "all",
  "each",
  "every",
  "only",
  "between",
  "near",
  "about",
  "used",
  "read",
  "see",
  "here",
  "replace",
  "rounded",
  "month",
  "months",
  "year",
  "years",
  "week",
  "weeks",
  "day",
  "days",
  "share",
  "shares",
  "fraction",
  "factor",
  "cost",
  "costs",
  "source",
  "sources",
  "assumption",
  "assumptions",
  "assumed",
  "table",
  "sheet",
  "cell",
  "cells",
  "formula",
  "formulas",
  "level",
  "local",
  "project",
  "programme",
  "participant",
  "participants",
  "benefit",
  "benefits",
  "wage",
  "wages",
  "tax",
  "income",
  "municipality",
  "municipalities",
  "state",
  "payment",
  "payments",
  "value",
  "values",
  "effect",
  "cap",
  "threshold",
  "check",
  "output",
  "run",
  "irr",
  "npv",
]);

/** Danish words that have no place in an English text (English: og, and; af, of; måned, month …). */
const DANISH_WORDS = new Set([
  "og",
  "af",
  "til",
  "med",
  "på",
  "er",
  "ikke",
  "eller",
  "den",
  "det",
  "der",
  "som",
  "fra",
  "ved",
  "efter",
  "uden",
  "mellem",
  "hver",
  "alle",
  "ingen",
  "intet",
  "en",
  "et",
  "pr",
  "jf",
  "stk",
  "se",
  "nr",
  "samt",
  "antal",
  "andel",
  "ydelse",
  "ydelser",
  "kommune",
  "kommuner",
  "kommunen",
  "offentlig",
  "skat",
  "måned",
  "måneder",
  "mdr",
  "md",
  "år",
  "uge",
  "uger",
  "beløb",
  "kilde",
  "kilder",
  "antagelse",
  "antaget",
  "tal",
  "faktor",
  "løn",
  "niveau",
  "sats",
  "satser",
]);

/** Stems of Danish compounds (kommuneskat, bundskat, personfradrag, kontanthjælp, tilskud …). */
const DANISH_STEMS: readonly RegExp[] = [
  /^kommun/i,
  /^gennemsnit/i,
  /(?:skat|ydelsen?|fradrag|tilskud|bidrag|hjælp)$/i,
];

/**
 * Names with Danish letters that an English text may keep: places (Ringkøbing-Skjern has a built-in tax rate in the
 * wizard's municipalities) and the Danish socio-economic investment model.
 */
export const ENGLISH_PROPER_NOUNS: readonly string[] = ["Ishøj", "Ringkøbing-Skjern", "SØM"];

/** Pointers to files and words only the developers have. */
const DEVELOPER_REFERENCES: readonly RegExp[] = [
  /DOMAIN/,
  /DEVELOPERS/,
  /\.md\b/,
  /\bthis project\b/i,
  /\bdette projekt\b/i,
  /\btable c\b/i,
  /\btabel c\b/i,
  /\b(?:docs|src|test|scratch)\//,
];

const QUOTED = /"[^"]*"|“[^”]*”|„[^“”]*[“”]/g;
const ADDRESS = /\b[\w-]+(?:\.[\w-]+)*\.(?:dk|ngo|com|org|eu|net)\b(?:\/[^\s),;]*)?/g;

/** A token a formula or function reads, not a word: snake_case, camelCase, dotted keys, letters glued to digits. */
function isIdentifier(token: string): boolean {
  return (
    /_/.test(token) ||
    /^[a-z]+[A-Z]/.test(token) ||
    /^[A-Za-z]+\.[A-Za-z0-9_]+/.test(token) ||
    /^[a-z]+\d+$/.test(token)
  );
}

function words(text: string): string[] {
  return text
    .split(/[\s()[\]{}:;,!?'"“”„=<>+*×·\u2013\u2014/\\|≈≥≤]+/)
    .filter((token) => token !== "" && !isIdentifier(token))
    .flatMap((token) => token.split(/-/))
    .map((token) => token.replace(/^[.…]+|[.…]+$/g, ""))
    .filter((token) => /\p{L}/u.test(token));
}

/**
 * What is wrong with a text shown in a workbook of `language`, one line per problem; [] when nothing is.
 * @example languageProblems("kr/month", "da") // ["English word \"month\""]
 */
export function languageProblems(text: string, language: TextLanguage): string[] {
  const problems: string[] = [];
  for (const pattern of DEVELOPER_REFERENCES) {
    const match = pattern.exec(text);
    if (match !== null) problems.push(`developer reference "${match[0]}"`);
  }
  const withoutAddresses = text.replace(ADDRESS, " ");
  if (language === "da") {
    for (const word of words(withoutAddresses)) {
      if (ENGLISH_WORDS.has(word.toLowerCase())) problems.push(`English word "${word}"`);
    }
    const decimalPoint = /\d\.\d{1,2}(?![\d.])/.exec(withoutAddresses); // not a date such as 1.7.2025
    if (decimalPoint !== null) problems.push(`decimal point in a Danish number "${decimalPoint[0]}"`);
  } else {
    let plain = withoutAddresses.replace(QUOTED, " ");
    for (const noun of ENGLISH_PROPER_NOUNS) plain = plain.split(noun).join(" ");
    for (const word of words(plain)) {
      if (/[æøåÆØÅ]/.test(word)) problems.push(`Danish letter in "${word}"`);
      else if (DANISH_WORDS.has(word.toLowerCase()) || DANISH_STEMS.some((stem) => stem.test(word))) {
        problems.push(`Danish word "${word}"`);
      }
    }
    const decimalComma = /\d,\d{1,2}(?![\d,])/.exec(plain);
    if (decimalComma !== null) problems.push(`decimal comma in an English number "${decimalComma[0]}"`);
  }
  return [...new Set(problems)];
}
