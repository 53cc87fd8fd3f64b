import type { Language } from "../about";

/**
 * Numbers as people type and read them: Danish uses "." for thousands and "," for decimals (79.236 kr; 18,2 %),
 * English the other way round. Parsing is lenient where it is unambiguous: a separator followed by exactly three
 * digits in a group is a thousands separator, anything else is the decimal mark, so "1.5" is 1.5 in both languages.
 */

/** The BCP 47 locale of a language (amounts in kr with Danish formatting in Danish). */
export function localeOf(language: Language): string {
  return language === "da" ? "da-DK" : "en-GB";
}

/** The outcome of reading a number from a text field. */
export type ParsedNumber =
  { readonly kind: "number"; readonly value: number } | { readonly kind: "empty" } | { readonly kind: "invalid" };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number typed in `language`: thousands separators, a decimal mark, a leading minus (also "−"), and a
 * trailing unit such as "kr", "%" or "pp" are accepted.
 * @example parseNumber("79.236 kr", "da") // { kind: "number", value: 79236 }
 * @example parseNumber("18,5 %", "da") // { kind: "number", value: 18.5 }
 * @example parseNumber("79,236", "en") // { kind: "number", value: 79236 }
 */
export function parseNumber(text: string, language: Language): ParsedNumber {
  let body = text.replace(SPACES, "").replace(/\u2212/g, "-");
  body = body.replace(/(kr\.?|dkk|%|pp|procentpoint|percentagepoints|mdr\.?|måneder|months)$/i, "");
  if (body === "") return { kind: "empty" };
  const sign = body.startsWith("-") ? -1 : 1;
  if (body.startsWith("-") || body.startsWith("+")) body = body.slice(1);
  if (!/^[0-9.,]+$/.test(body) || !/[0-9]/.test(body)) return { kind: "invalid" };
  const decimalMark = language === "da" ? "," : ".";
  const groupMark = language === "da" ? "." : ",";
  const normalised = normalise(body, decimalMark, groupMark);
  if (normalised === null) return { kind: "invalid" };
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

/** Removes thousands separators and turns the decimal mark into "."; null when the text is not one number. */
function normalise(body: string, decimalMark: string, groupMark: string): string | null {
  const decimals = body.split(decimalMark);
  if (decimals.length > 2) {
    // Only the group mark may repeat; "1,2,3" in Danish is not a number.
    return null;
  }
  const [whole = "", fraction] = decimals;
  if (fraction !== undefined && fraction.includes(groupMark)) return null;
  const groups = whole.split(groupMark);
  let integer: string;
  if (groups.length === 1) integer = whole;
  else if (groups.slice(1).every((group) => group.length === 3) && groups[0] !== "") integer = groups.join("");
  else if (groups.length === 2 && fraction === undefined) {
    // "1.5" in Danish (or "1,5" in English): the other convention's decimal mark, read as a decimal.
    return `${groups[0] === "" ? "0" : groups[0]}.${groups[1]}`;
  } else return null;
  if (fraction === undefined) return integer;
  return `${integer === "" ? "0" : integer}.${fraction}`;
}

/** Number formats made so far, by locale and options: making one costs far more than formatting with it. */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** The Intl.NumberFormat of a locale and options, made once (the preview formats hundreds of numbers per update). */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  const known = NUMBER_FORMATS.get(key);
  if (known !== undefined) return known;
  const made = new Intl.NumberFormat(locale, options);
  NUMBER_FORMATS.set(key, made);
  return made;
}

/**
 * Writes a number for a text field in `language`, with thousands separators and at most `maxDecimals` decimals.
 * @example formatNumber(79236, "da") // "79.236"
 * @example formatNumber(18.1818, "en", 2) // "18.18"
 */
export function formatNumber(value: number, language: Language, maxDecimals = 2): string {
  return numberFormat(localeOf(language), { maximumFractionDigits: maxDecimals, useGrouping: true })
    .format(value)
    .replace(/\u2212/g, "-");
}

/**
 * An amount in kr for reading: "28.006 kr." in Danish, "28,006 kr" in English.
 * @example formatKr(-1234.4, "da") // "-1.234 kr."
 */
export function formatKr(value: number, language: Language): string {
  return `${formatNumber(Math.round(value), language, 0)} ${language === "da" ? "kr." : "kr"}`;
}

/**
 * A fraction as a percentage for reading, e.g. 0.0834 → "8,3 %" in Danish, "8.3 %" in English.
 * @example formatPercent(0.0834, "da") // "8,3 %"
 */
export function formatPercent(fraction: number, language: Language, decimals = 1): string {
  return `${numberFormat(localeOf(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(fraction * 100)} %`.replace(/\u2212/g, "-");
}
