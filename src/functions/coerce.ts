import { HOLDER_ALIASES, type BudgetHolder } from "../engine/budgetHolders";
import { argumentError } from "./errors";
import { MAX_RANGE_ROWS, MAX_TERMS } from "../engine/limits";
import { ownValue } from "../engine/lookup";

/** A cell value as Excel passes it to a custom function (an empty cell is 0 on desktop, null on the web). */
export type CellValue = number | string | boolean | null;

/** True when an optional argument was omitted or is an empty cell/text. A 0 counts as empty only where noted. */
function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A value as a message shows it: JSON for text and booleans, NaN and ±Infinity by name (JSON would say null). */
function shown(value: CellValue | undefined): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value ?? null);
}

/**
 * An optional number. Omitted, null and "" give `fallback`; when `zeroIsBlank` (for arguments where 0 is never a valid
 * value, such as a horizon or a year) a 0 from an empty desktop cell also gives `fallback`. Text or booleans are errors.
 */
export function optionalNumber(
  value: CellValue | undefined,
  name: string,
  fallback: number | null,
  zeroIsBlank = false,
): number | null {
  if (isBlank(value) || (zeroIsBlank && value === 0)) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw argumentError(`${name} must be a number, got ${shown(value)}.`);
  }
  return value;
}

/** A required number (an empty cell is an error, not 0, unless `emptyIsZero`). */
export function requiredNumber(value: CellValue | undefined, name: string, emptyIsZero = false): number {
  if (isBlank(value)) {
    if (emptyIsZero) return 0;
    throw argumentError(`${name} is required.`);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw argumentError(`${name} must be a number, got ${shown(value)}.`);
  }
  return value;
}

/** An optional TRUE/FALSE (1/0 accepted). Omitted or empty gives `fallback`. */
export function optionalBoolean(value: CellValue | undefined, name: string, fallback: boolean): boolean {
  if (isBlank(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  throw argumentError(`${name} must be TRUE or FALSE, got ${shown(value)}.`);
}

/** A required text. */
export function requiredText(value: CellValue | undefined, name: string): string {
  if (isBlank(value) || typeof value !== "string") {
    throw argumentError(`${name} must be a text, got ${shown(value)}.`);
  }
  return value.trim();
}

/** Accounts a function can report: a budget holder or the public sector in total. */
export type PublicAccount = BudgetHolder | "public";

const PUBLIC_ALIASES: Readonly<Record<string, PublicAccount>> = {
  ...HOLDER_ALIASES,
  public: "public",
  offentlig: "public",
  offentligt: "public",
  "offentlige sektor": "public",
  total: "public",
  i_alt: "public",
};

/** Budget holder by name: kommune/municipality, stat/state, region, udligning/other, offentlig/public. */
export function budgetHolder(value: CellValue | undefined, name: string): PublicAccount {
  const text = requiredText(value, name).toLowerCase();
  const holder = ownValue(PUBLIC_ALIASES, text);
  if (holder === undefined) {
    throw argumentError(
      `${name} must be "kommune", "stat", "region", "udligning" or "offentlig" (or municipality, state, region, other, public), got "${text}".`,
    );
  }
  return holder;
}

/**
 * Name/value pairs from a two-column range. Rows with an empty name are skipped (so a block can have blank rows);
 * a one-cell range is read as "no inputs" only when empty.
 */
export function nameValuePairs(range: CellValue[][] | null | undefined, name: string): [string, number | string][] {
  if (range === null || range === undefined) return [];
  checkRangeRows(range, name);
  const pairs: [string, number | string][] = [];
  for (const [index, row] of range.entries()) {
    const [key, value, ...rest] = row;
    if (isBlank(key) || key === 0) continue;
    if (row.length < 2 || rest.some((cell) => !isBlank(cell) && cell !== 0)) {
      throw argumentError(`${name} must be a two-column range of names and values (row ${index + 1} is not).`);
    }
    if (typeof key !== "string") {
      throw argumentError(`${name}: row ${index + 1} must start with an input name, got ${shown(key)}.`);
    }
    if (isBlank(value)) throw argumentError(`${name}: input "${key}" (row ${index + 1}) has no value.`);
    if (typeof value === "boolean") {
      throw argumentError(`${name}: input "${key}" (row ${index + 1}) must be a number or text, got ${value}.`);
    }
    pairs.push([key.trim(), value]);
    checkPairCount(pairs.length, name);
  }
  return pairs;
}

/**
 * A range of at most {@link MAX_RANGE_ROWS} rows (a whole Excel column); more can only come from JavaScript callers.
 * @example checkRangeRows([[1], [2]], "flows") // no error
 */
export function checkRangeRows(range: readonly unknown[], name: string): void {
  if (range.length > MAX_RANGE_ROWS) {
    throw argumentError(
      `${name} must have at most ${MAX_RANGE_ROWS.toLocaleString("en")} rows (a whole column), got ${range.length}.`,
    );
  }
}

/**
 * At most {@link MAX_TERMS} name/value rows in one range (empty rows not counted); throws #VALUE! past it.
 * @example checkPairCount(201, "terms") // throws "terms must hold at most 200 names and values …"
 */
export function checkPairCount(count: number, name: string): void {
  if (count > MAX_TERMS) {
    throw argumentError(`${name} must hold at most ${MAX_TERMS} names and values (non-empty rows), got more.`);
  }
}
