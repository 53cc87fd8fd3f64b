import { NOT_FOUND, type Consequence } from "../../engine/consequences/model";
import { MAX_HORIZON_MONTHS } from "../../engine/limits";
import { MAX_AMOUNT_KR } from "../../engine/rules";
import { OUTCOME_STATES, type OutcomeState } from "../../engine/states";
import { and, call, eq, ge, gt, le, or, ref, text, type Expr } from "../formula";
import type { Bilingual } from "../sheetBuilder";
import { FORMATS, type InputValidation, type Language, type NumberFormat } from "../types";
import {
  AREA_CODES,
  codesOf,
  CONSEQUENCE_AREAS,
  CONSEQUENCE_EVIDENCE,
  CONSEQUENCE_PAYERS,
  EVIDENCE_CODES,
  PAYER_CODES,
} from "./codes";

/** Keys of the input columns of the Consequences sheet, in sheet order (column A = id). */
export type InputKey =
  | "id"
  | "name"
  | "area"
  | "unit"
  | "unitPrice"
  | "priceYear"
  | "indexFactor"
  | "payer"
  | "refusion"
  | "evidence"
  | "source"
  | `change:${OutcomeState}`
  | "duration"
  | "decay";

/** One input column: its defined name (SIB_Cons_<Field>), header, format, the row's value and its data validation. */
export interface InputColumn {
  readonly key: InputKey;
  readonly name: string;
  readonly header: Bilingual;
  readonly format: NumberFormat;
  readonly value: (row: Consequence, language: Language) => number | string;
  /** Data validation of a cell; `cell` is its relative A1 address. */
  readonly validation?: (cell: string, language: Language) => InputValidation;
}

const TITLE: Bilingual = { da: "Tilladte værdier", en: "Allowed values" };

function validation(
  cellAddress: string,
  language: Language,
  spec: { readonly formula: (x: Expr) => Expr; readonly what: Bilingual; readonly allowed: Bilingual },
): InputValidation {
  const what = spec.what[language];
  const allowed = spec.allowed[language];
  return {
    rule: { kind: "custom", formula: spec.formula(ref(cellAddress)) },
    title: TITLE[language],
    prompt: `${what}: ${allowed}.`,
    error:
      language === "da"
        ? `Værdien er ikke tilladt: ${what} skal være ${allowed}.`
        : `This value is not allowed: ${what} must be ${allowed}.`,
  };
}

/** A number from `min` to `max` (both included); `whole` also a whole number. */
export function within(x: Expr, min: number, max: number, whole = false): Expr {
  const bounds = [call("ISNUMBER", x), ge(x, { kind: "number", value: min }), le(x, { kind: "number", value: max })];
  return and(...bounds, ...(whole ? [eq(x, call("ROUND", x, { kind: "number", value: 0 }))] : []));
}

/** One of the codes (Excel compares text without regard to case). */
export const isCode = (x: Expr, codes: readonly string[]): Expr => or(...codes.map((code) => eq(x, text(code))));

const codeColumn = (
  key: "area" | "payer" | "evidence",
  header: Bilingual,
  codes: (language: Language) => string[],
  value: (row: Consequence, language: Language) => string,
): InputColumn => ({
  key,
  name: `SIB_Cons_${key === "area" ? "Area" : key === "payer" ? "Payer" : "Evidence"}`,
  header,
  format: FORMATS.text,
  value,
  validation: (cellAddress, language) =>
    validation(cellAddress, language, {
      formula: (x) => isCode(x, codes(language)),
      what: header,
      allowed: { da: `en af ${codes("da").join(", ")}`, en: `one of ${codes("en").join(", ")}` },
    }),
});

const textColumn = (key: "id" | "name" | "unit" | "source", field: string, header: Bilingual): InputColumn => ({
  key,
  name: `SIB_Cons_${field}`,
  header,
  format: FORMATS.text,
  value: (row, language) => {
    if (key === "id") return row.id;
    if (key === "source") return row.unitPrice === null || row.evidence === "U" ? NOT_FOUND[language] : row.source;
    const textOf = row[key];
    return textOf[language] === "" ? textOf[language === "da" ? "en" : "da"] : textOf[language];
  },
});

/** An optional number (empty = none), allowed from `min` to `max`. */
const optionalNumber = (
  key: "unitPrice" | "priceYear" | "indexFactor",
  field: string,
  header: Bilingual,
  spec: { readonly min: number; readonly max: number; readonly whole: boolean; readonly allowed: Bilingual },
): InputColumn => ({
  key,
  name: `SIB_Cons_${field}`,
  header,
  format: key === "priceYear" ? FORMATS.integer : key === "indexFactor" ? FORMATS.factor : FORMATS.kr,
  value: (row) => row[key] ?? "",
  validation: (cellAddress, language) =>
    validation(cellAddress, language, {
      formula: (x) =>
        key === "indexFactor"
          ? and(call("ISNUMBER", x), gt(x, { kind: "number", value: 0 }), le(x, { kind: "number", value: 10 }))
          : within(x, spec.min, spec.max, spec.whole),
      what: header,
      allowed: spec.allowed,
    }),
});

const numberColumn = (
  key: "refusion" | "duration" | "decay" | `change:${OutcomeState}`,
  field: string,
  header: Bilingual,
  spec: { readonly min: number; readonly max: number; readonly whole: boolean; readonly allowed: Bilingual },
  value: (row: Consequence) => number,
): InputColumn => ({
  key,
  name: `SIB_Cons_${field}`,
  header,
  format:
    key === "duration" ? FORMATS.integer : key === "refusion" || key === "decay" ? FORMATS.percent : FORMATS.krDecimals,
  value,
  validation: (cellAddress, language) =>
    validation(cellAddress, language, {
      formula: (x) => within(x, spec.min, spec.max, spec.whole),
      what: header,
      allowed: spec.allowed,
    }),
});

/** Largest |change| per person-year (src/engine/consequences/validate.ts MAX_CHANGE_PER_YEAR). */
export const MAX_CHANGE = 10_000_000;

const SHARE_TEXT: Bilingual = { da: "en andel fra 0 % til 100 %", en: "a share from 0 % to 100 %" };

function changeColumns(): InputColumn[] {
  return OUTCOME_STATES.map((state) =>
    numberColumn(
      `change:${state}`,
      `Change_${state}`,
      { da: `Ændring pr. personår, ${state}`, en: `Change per person-year, ${state}` },
      {
        min: -MAX_CHANGE,
        max: MAX_CHANGE,
        whole: false,
        allowed: {
          da: "enheder fra −10 mio. til 10 mio. (0 = ingen)",
          en: "units from −10 million to 10 million (0 = none)",
        },
      },
      (row) => row.changePerYear[state],
    ),
  );
}

/**
 * The input columns of the Consequences sheet: one row per consequence, every field of the engine's Consequence
 * (src/engine/consequences/model.ts) as a named column SIB_Cons_<Field>. Codes (area, payer, evidence) in the
 * workbook's language; an empty unit price, price year or index factor is "none" (null in the engine).
 */
export const INPUT_COLUMNS: readonly InputColumn[] = [
  textColumn("id", "Id", { da: "Id (bogstaver, tal, - og _)", en: "Id (letters, digits, - and _)" }),
  textColumn("name", "Name", { da: "Konsekvens", en: "Consequence" }),
  codeColumn(
    "area",
    { da: "Område", en: "Area" },
    (language) => codesOf(CONSEQUENCE_AREAS, AREA_CODES, language),
    (row, language) => AREA_CODES[row.area][language],
  ),
  textColumn("unit", "Unit", { da: "Enhed", en: "Unit" }),
  optionalNumber(
    "unitPrice",
    "UnitPrice",
    { da: "Enhedspris, kr", en: "Unit price, kr" },
    {
      min: 0,
      max: MAX_AMOUNT_KR,
      whole: false,
      allowed: { da: "et beløb fra 0 til 1 mia. kr, tom = ikke fundet", en: "0 to 1 billion kr, empty = not found" },
    },
  ),
  optionalNumber(
    "priceYear",
    "PriceYear",
    { da: "Prisår", en: "Price year" },
    { min: 1900, max: 2100, whole: true, allowed: { da: "et år fra 1900 til 2100", en: "a year from 1900 to 2100" } },
  ),
  optionalNumber(
    "indexFactor",
    "IndexFactor",
    { da: "Egen indeksfaktor (tom = lønindeks)", en: "Own index factor (empty = wage index)" },
    {
      min: 0,
      max: 10,
      whole: false,
      allowed: { da: "over 0 og højst 10, eller tom", en: "above 0 and at most 10, or empty" },
    },
  ),
  codeColumn(
    "payer",
    { da: "Betaler", en: "Payer" },
    (language) => codesOf(CONSEQUENCE_PAYERS, PAYER_CODES, language),
    (row, language) => PAYER_CODES[row.payer][language],
  ),
  numberColumn(
    "refusion",
    "Refusion",
    { da: "Statsrefusion (kommunal enhed)", en: "State refusion (municipal unit)" },
    { min: 0, max: 1, whole: false, allowed: SHARE_TEXT },
    (row) => row.refusionShare,
  ),
  codeColumn(
    "evidence",
    { da: "Mærke", en: "Evidence mark" },
    (language) => codesOf(CONSEQUENCE_EVIDENCE, EVIDENCE_CODES, language),
    (row, language) => EVIDENCE_CODES[row.evidence][language],
  ),
  textColumn("source", "Source", {
    da: "Kilde (udgiver, titel, år, adresse)",
    en: "Source (publisher, title, year, address)",
  }),
  ...changeColumns(),
  numberColumn(
    "duration",
    "Duration",
    { da: "Varighed, måneder", en: "Duration, months" },
    {
      min: 0,
      max: MAX_HORIZON_MONTHS,
      whole: true,
      allowed: {
        da: `et helt antal måneder fra 0 til ${MAX_HORIZON_MONTHS}`,
        en: `a whole number of months from 0 to ${MAX_HORIZON_MONTHS}`,
      },
    },
    (row) => row.durationMonths,
  ),
  numberColumn(
    "decay",
    "Decay",
    { da: "Aftagning pr. år", en: "Decay per year" },
    { min: 0, max: 1, whole: false, allowed: SHARE_TEXT },
    (row) => row.decayPerYear,
  ),
];

/** The input column of a key. */
export function inputColumn(key: InputKey): InputColumn {
  const found = INPUT_COLUMNS.find((column) => column.key === key);
  if (found === undefined) throw new Error(`no consequence input column ${key}`);
  return found;
}
