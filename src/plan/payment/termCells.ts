import type { NumericRule } from "../../engine/rules";
import { cell } from "../address";
import type { CheckSpec } from "../blocks/checks";
import { and, call, concat, eq, ge, gt, ifThen, bool, le, name, num, or, ref, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { simplify } from "../simplify";
import { FORMATS, type InputValidation, type Language, type NumberFormat } from "../types";

/** One named input term of a contract sheet, with the engine's rule for its value. */
export interface TermSpec {
  /** Defined name of the input cell, e.g. SIB_PayLagMonths. */
  readonly name: string;
  readonly label: Bilingual;
  /** Title of the cell's input message and error alert (at most 32 characters). */
  readonly title: Bilingual;
  readonly unit?: Bilingual;
  readonly format: NumberFormat;
  readonly rule: NumericRule;
  /** For an optional term: the text the cell holds when the term is off (any text means off). */
  readonly none?: Bilingual;
  /** What the value must be, when the rule's range says it badly (codes, flags). */
  readonly what?: Bilingual;
  /** The value written; null = the `none` text. */
  readonly value: number | null;
}

const LOCALE: Readonly<Record<Language, string>> = { da: "da-DK", en: "en-GB" };

function shownNumber(value: number, format: NumberFormat, language: Language): string {
  const percent = format === FORMATS.percent || format === FORMATS.percentPrecise;
  const shown = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 6 }).format(
    percent ? value * 100 : value,
  );
  if (!percent) return shown;
  return language === "da" ? `${shown} %` : `${shown}%`;
}

/**
 * What a value must be, in both languages, from the rule and the cell's format.
 * @example describeRule(PAYMENT_RULES.lagMonths, FORMATS.integer).en // "a whole number from 0 to 120"
 */
export function describeRule(rule: NumericRule, format: NumberFormat, none?: Bilingual, what?: Bilingual): Bilingual {
  const describe = (language: Language): string => {
    const n = (value: number): string => shownNumber(value, format, language);
    const da = language === "da";
    const kind = rule.integer ? (da ? "et helt tal" : "a whole number") : da ? "et tal" : "a number";
    const min = rule.exclusiveMin === true ? (da ? `over ${n(rule.min)}` : `above ${n(rule.min)}`) : null;
    const max = typeof rule.max === "number" && Number.isFinite(rule.max) ? n(rule.max) : null;
    let range: string;
    if (min !== null) range = max === null ? min : `${min} ${da ? "og højst" : "and at most"} ${max}`;
    else if (max === null) range = da ? `på mindst ${n(rule.min)}` : `of at least ${n(rule.min)}`;
    else range = da ? `fra ${n(rule.min)} til ${max}` : `from ${n(rule.min)} to ${max}`;
    const main = what?.[language] ?? `${kind} ${range}`;
    return none === undefined ? main : da ? `${main}, eller teksten «${none.da}»` : `${main}, or the text “${none.en}”`;
  };
  return { da: describe("da"), en: describe("en") };
}

/** TRUE when a number lies in the rule's range (and is whole for an integer rule). */
export function ruleHolds(value: Expr, rule: NumericRule): Expr {
  const max = typeof rule.max === "number" && Number.isFinite(rule.max) ? [le(value, num(rule.max))] : [];
  const whole = rule.integer ? [eq(value, call("ROUND", value, num(0)))] : [];
  return and(rule.exclusiveMin === true ? gt(value, num(rule.min)) : ge(value, num(rule.min)), ...max, ...whole);
}

/**
 * The check of one term as a logical formula that is never an error: a number in the rule's range, or (for an
 * optional term) anything that is not a number, which the model reads as "none".
 */
export function termOk(value: Expr, rule: NumericRule, optional: boolean): Expr {
  return ifThen(call("ISNUMBER", value), ruleHolds(value, rule), bool(optional));
}

/**
 * The check of a column of terms (a range): every cell a number in range, or for optional terms every number (text
 * means none). `applies`: the range rule holds only when this is TRUE (the cells must still be numbers).
 */
export function rangeOk(range: Expr, rule: NumericRule, optional: boolean, applies?: Expr): Expr {
  const bounds: NumericRule = { ...rule, integer: false };
  const maximum = Number.isFinite(rule.max) ? [ruleHolds(call("MAX", range), bounds)] : [];
  const holds = and(ruleHolds(call("MIN", range), bounds), ...maximum);
  const checked = applies === undefined ? holds : ifThen(applies, holds, bool(true));
  if (optional) return ifThen(gt(call("COUNT", range), num(0)), checked, bool(true));
  return ifThen(eq(call("COUNT", range), call("ROWS", range)), checked, bool(false));
}

/** Excel data validation of a term's cell (`address` on its own sheet), in the sheet's language. */
export function termValidation(
  sheet: SheetBuilder,
  address: string,
  spec: Omit<TermSpec, "name" | "value">,
): InputValidation {
  const self = ref(address);
  const what = sheet.text(describeRule(spec.rule, spec.format, spec.none, spec.what));
  const simple = spec.none === undefined && spec.rule.exclusiveMin !== true && Number.isFinite(spec.rule.max);
  const numberOk = and(call("ISNUMBER", self), ruleHolds(self, spec.rule));
  const rule: InputValidation["rule"] = simple
    ? { kind: spec.rule.integer ? "whole" : "decimal", min: spec.rule.min, max: spec.rule.max as number }
    : {
        kind: "custom",
        formula: simplify(spec.none === undefined ? numberOk : or(numberOk, eq(self, text(sheet.text(spec.none))))),
      };
  const label = sheet.text(spec.label);
  return {
    rule,
    title: sheet.text(spec.title),
    prompt: `${label}: ${what}.`,
    error: sheet.text({ da: `Værdien skal være ${what}.`, en: `The value must be ${what}.` }),
  };
}

/**
 * Writes a term in a row: label (column 0), the input cell with its data validation (`column`), its unit, and its
 * defined name; returns the term's check for the Checks block.
 */
export function writeTerm(
  sheet: SheetBuilder,
  column: number,
  row: number,
  spec: TermSpec,
  where: Bilingual,
): CheckSpec {
  sheet.label(0, row, spec.label);
  const value = spec.value ?? (spec.none === undefined ? null : sheet.text(spec.none));
  if (value === null) throw new Error(`${spec.name}: a term without a "none" text needs a value`);
  sheet.value(column, row, "input", value, spec.format, termValidation(sheet, cell(column, row), spec));
  if (spec.unit !== undefined) sheet.label(column + 1, row, spec.unit);
  sheet.nameCell(spec.name, column, row, "input", sheet.text(spec.label));
  return termCheck(sheet, spec, where);
}

/** The check of a named term: its rule, and a message naming the sheet, the term, what it must be and its value. */
export function termCheck(sheet: SheetBuilder, spec: Omit<TermSpec, "value">, where: Bilingual): CheckSpec {
  const what = describeRule(spec.rule, spec.format, spec.none, spec.what);
  const value = name(spec.name);
  return {
    id: spec.name.replace(/^SIB_/, ""),
    label: { da: `${where.da}: ${spec.label.da}`, en: `${where.en}: ${spec.label.en}` },
    ok: termOk(value, spec.rule, spec.none !== undefined),
    message: concat(
      sheet.text({
        da: `${where.da}: «${spec.label.da}» skal være ${what.da} (nu: `,
        en: `${where.en}: “${spec.label.en}” must be ${what.en} (now: `,
      }),
      value,
      ")",
    ),
  };
}
