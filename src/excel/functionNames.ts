import danish from "../functions/danish.json";

/**
 * The languages the add-in registers its function names in: English (functions.json, where every name equals its
 * id) and Danish (functions-da.json, built from src/functions/danish.json and loaded by Excel in Danish).
 */
export type FunctionLanguage = "en" | "da";

/** Danish function names by id, from the same file the build makes functions-da.json from (so they cannot drift). */
const DANISH_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(danish as Readonly<Record<string, { readonly name: string }>>).map(([id, entry]) => [id, entry.name]),
);

/**
 * The languages to try for `SIB.*` names in formulas written through `range.formulas`, most likely first. Excel
 * registers the names of the metadata it loaded for its display language (the manifest loads functions-da.json for
 * da-DK), and office-js issue #891 shows a translated add-in's English name giving #NAME? there. Which name
 * `range.formulas` accepts in Danish Excel is not documented, so the writer tries the display language's names
 * first, reads the cells back, and rewrites them with the other names when Excel answered #NAME?.
 * @example functionLanguages("da-DK") // ["da", "en"]
 */
export function functionLanguages(displayLanguage: string | undefined): readonly FunctionLanguage[] {
  return (displayLanguage ?? "").toLowerCase().startsWith("da") ? ["da", "en"] : ["en", "da"];
}

/** The name a function id is registered under in a language (the id itself in English). */
export function functionName(id: string, language: FunctionLanguage): string {
  return language === "da" ? (DANISH_NAMES.get(id) ?? id) : id;
}

/**
 * A formula printed in en-US syntax with every `SIB.<ID>(` call renamed to the language's registered name. Text in
 * double quotes and sheet names in single quotes are left alone, so only function calls change.
 * @example localizeFunctions('=SIB.BUDGETSAVING("kommune",SIB_CheckInputs)', "da") // '=SIB.BUDGETBESPARELSE("kommune",SIB_CheckInputs)'
 */
export function localizeFunctions(formula: string, language: FunctionLanguage): string {
  let result = "";
  let index = 0;
  while (index < formula.length) {
    const character = formula[index] ?? "";
    if (character === '"' || character === "'") {
      const end = quotedEnd(formula, index, character);
      result += formula.slice(index, end);
      index = end;
      continue;
    }
    const call = /^SIB\.([A-Z0-9._]+)\(/.exec(formula.slice(index, index + 64));
    if (call !== null && !/[A-Za-z0-9_.]/.test(formula[index - 1] ?? "")) {
      result += `SIB.${functionName(call[1] ?? "", language)}(`;
      index += call[0].length;
      continue;
    }
    result += character;
    index++;
  }
  return result;
}

/** True when a printed formula calls one of the add-in's functions. */
export function callsAddInFunction(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])SIB\.[A-Z0-9._]+\(/.test(unquoted(formula));
}

/** Index just after the quoted run starting at `start` (a doubled quote inside stays in the run). */
function quotedEnd(formula: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < formula.length) {
    if (formula[index] === quote) {
      if (formula[index + 1] !== quote) return index + 1;
      index += 2;
    } else index++;
  }
  return formula.length;
}

/** The formula without its quoted runs. */
function unquoted(formula: string): string {
  let result = "";
  let index = 0;
  while (index < formula.length) {
    const character = formula[index] ?? "";
    if (character === '"' || character === "'") index = quotedEnd(formula, index, character);
    else {
      result += character;
      index++;
    }
  }
  return result;
}

/**
 * True when a loaded cell value is Excel's #NAME? error: from `valuesAsJson` (ExcelApi 1.16, errorType "Name" in
 * every language) or from `values` ("#NAME?"; "#NAVN?" is the Danish display text, accepted in case a host
 * localizes it).
 */
export function isNameError(value: unknown): boolean {
  if (typeof value === "string") return value === "#NAME?" || value === "#NAVN?";
  if (typeof value !== "object" || value === null) return false;
  const cell = value as { readonly type?: unknown; readonly errorType?: unknown };
  return cell.type === "Error" && cell.errorType === "Name";
}
