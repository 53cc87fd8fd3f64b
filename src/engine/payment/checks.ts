/**
 * Validation helpers shared by the payment modules. Each pushes an {@link Issue} naming the field and the rule onto
 * `issues` when the value breaks the rule, so a validator can report every bad field at once.
 */
import { issue, type Issue } from "../errors";

/** Largest amount accepted for a price, fee or cap, kr (a guard against typos such as a missing decimal point). */
export const MAX_AMOUNT = 1e12;

/**
 * Describes a value for a message: numbers as written, other things by JSON.
 * @example shown("x") // "\"x\""; shown(null) // "nothing"
 */
export function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

/**
 * True for a finite number (not NaN, not ±Infinity).
 * @example isFiniteNumber(Infinity) // false
 */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * An amount in kr from 0 to {@link MAX_AMOUNT}. Rule `range`.
 * @example checkAmount(issues, "baseFee", -1) // pushes { field: "baseFee", rule: "range", ... }
 */
export function checkAmount(
  issues: Issue[],
  field: string,
  value: unknown,
  what = "an amount in kr of at least 0",
): void {
  if (!isFiniteNumber(value) || value < 0 || value > MAX_AMOUNT) {
    issues.push(issue("InvalidInput", field, "range", `${field} must be ${what}, got ${shown(value)}.`));
  }
}

/**
 * An amount in kr of at least 0, or null (no cap). Rule `range`.
 * @example checkOptionalAmount(issues, "personCap", null, "a cap in kr") // pushes nothing
 */
export function checkOptionalAmount(issues: Issue[], field: string, value: unknown, what: string): void {
  if (value !== null) checkAmount(issues, field, value, what);
}

/**
 * A count of outcomes or people (a number ≥ 0; fractions allowed: expected counts). Rule `range`.
 * @example checkCount(issues, "counts[0]", 8.55) // pushes nothing
 */
export function checkCount(issues: Issue[], field: string, value: unknown, what = "a count of at least 0"): void {
  if (!isFiniteNumber(value) || value < 0) {
    issues.push(issue("InvalidInput", field, "range", `${field} must be ${what}, got ${shown(value)}.`));
  }
}

/**
 * A share from 0 to 1. Rule `range`.
 * @example checkShare(issues, "savingsShare", 30) // pushes "savingsShare must be a share from 0 to 1 (e.g. 0.3 for 30 %), got 30."
 */
export function checkShare(issues: Issue[], field: string, value: unknown, what = "a share from 0 to 1"): void {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    issues.push(
      issue("InvalidInput", field, "range", `${field} must be ${what} (e.g. 0.3 for 30 %), got ${shown(value)}.`),
    );
  }
}

/**
 * A whole number in [min, max]. Rule `integer`.
 * @example checkWhole(issues, "lagMonths", 1.5, 0, 120, "a whole number of months") // pushes { rule: "integer" }
 */
export function checkWhole(
  issues: Issue[],
  field: string,
  value: unknown,
  min: number,
  max: number,
  what: string,
): void {
  if (!isFiniteNumber(value) || !Number.isInteger(value) || value < min || value > max) {
    issues.push(issue("InvalidInput", field, "integer", `${field} must be ${what}, got ${shown(value)}.`));
  }
}

/**
 * One of a fixed set of texts. Rule `oneOf`.
 * @example checkOneOf(issues, "savingsScope", "wide", ["narrow", "broad"]) // pushes { rule: "oneOf" }
 */
export function checkOneOf(issues: Issue[], field: string, value: unknown, options: readonly string[]): void {
  if (typeof value !== "string" || !options.includes(value)) {
    const listed = options.map((option) => `"${option}"`).join(", ");
    issues.push(issue("InvalidInput", field, "oneOf", `${field} must be one of ${listed}, got ${shown(value)}.`));
  }
}

/**
 * TRUE or FALSE. Rule `boolean`.
 * @example checkBoolean(issues, "includeEducation", 1) // pushes { rule: "boolean" }
 */
export function checkBoolean(issues: Issue[], field: string, value: unknown): void {
  if (typeof value !== "boolean") {
    issues.push(issue("InvalidInput", field, "boolean", `${field} must be TRUE or FALSE, got ${shown(value)}.`));
  }
}

/**
 * A list (array) of values; rule `required` when it is not an array, or is empty and `nonEmpty`. True when usable.
 * @example checkList(issues, "rateCard", [], true) // false, pushes { rule: "required" }
 */
export function checkList(
  issues: Issue[],
  field: string,
  value: unknown,
  nonEmpty: boolean,
): value is readonly unknown[] {
  if (!Array.isArray(value)) {
    issues.push(issue("InvalidInput", field, "required", `${field} must be a list of values, got ${shown(value)}.`));
    return false;
  }
  if (nonEmpty && value.length === 0) {
    issues.push(issue("InvalidInput", field, "required", `${field} must have at least one value.`));
    return false;
  }
  return true;
}

/**
 * Two lists must have the same length. Rule `length`. True when they do.
 * @example checkSameLength(issues, "prices", [1], "counts", [1, 2]) // false, pushes { rule: "length" }
 */
export function checkSameLength(
  issues: Issue[],
  field: string,
  list: readonly unknown[],
  otherField: string,
  other: readonly unknown[],
): boolean {
  if (list.length !== other.length) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "length",
        `${field} must have one value per item of ${otherField} (${other.length}), got ${list.length}.`,
      ),
    );
    return false;
  }
  return true;
}
