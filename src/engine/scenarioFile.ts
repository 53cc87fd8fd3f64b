import { DEFAULT_PARAMETER_YEAR, missingDefaultsFailure, unsuppliedDefaults } from "./defaults";
import { fail, failMany, issue, ok, type Issue, type Result } from "./errors";
import { MAX_COHORTS, MAX_ERROR_LINES, MAX_NESTING, MAX_TERMS, MAX_TEXT_LENGTH, quoteUserText } from "./limits";
import { ownValue } from "./lookup";
import { withoutEmptyMunicipalities } from "./municipalities";
import { CONSEQUENCE_TEMPLATE, withoutEmptyConsequences } from "./consequences/template";
import { pilotScenarioDraft } from "./pilot";
import type { Scenario } from "./scenario";
import { validateScenario } from "./validate";

/** Top-level keys of a scenario file that are not scenario fields. */
const FILE_KEYS = new Set(["$schema", "base", "description"]);
/** Scenario fields that may be null. */
const NULLABLE = new Set([
  "measuredParticipants",
  "comparisonGroupSize",
  // several municipalities (issue 10): null = the built-in rate / the scenario's weeks / no municipality
  "taxRate",
  "weeksOnBenefitAtIntake",
  "municipality",
  // consequence rows (issue 15): null = not found / no price year / the built-in index
  "unitPrice",
  "priceYear",
  "indexFactor",
]);

/** Element templates of array fields whose built-in value may be empty (so the template has no element to copy). */
const ARRAY_ELEMENTS: Readonly<Record<string, unknown>> = {
  neutraliseStates: "TEMP",
  municipalities: { name: "", taxRate: null, weeksOnBenefitAtIntake: null, paymentShare: 0 },
  consequences: CONSEQUENCE_TEMPLATE,
};

/** Optional keys of array elements that the built-in first element lacks (a cohort's municipality, issue 10). */
const ELEMENT_OPTIONAL_KEYS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  cohorts: { municipality: null },
};

/** What a scenario file holds besides the scenario (kept for later sections such as payment terms). */
export interface ScenarioFile {
  readonly scenario: Scenario;
  readonly description: string | null;
  /** Sections of the file that are not part of the business-case scenario (e.g. "payment"), unparsed. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * Parses a scenario file (docs/scenario.md). The file starts from the built-in pilot at its `parameterYear`
 * (`"base": "pilot"`, the default) and overrides any field it gives; objects merge key by key, arrays replace. Every
 * problem is reported with its JSON path: unknown fields, wrong types, then the scenario's own rules.
 * `extraSections` names top-level sections handled elsewhere (returned unparsed in `extra`).
 */
export function parseScenarioFile(json: unknown, extraSections: readonly string[] = []): Result<ScenarioFile> {
  if (!isRecord(json)) return fail("InvalidInput", "$", "object", "A scenario file must be a JSON object.");
  const shapeIssues = checkShape(json);
  if (shapeIssues.length > 0) return failMany(shapeIssues);
  // Given as null is not "not given": the schema requires "pilot" (review F14).
  const base = Object.hasOwn(json, "base") ? json["base"] : "pilot";
  if (base !== "pilot") {
    return fail(
      "InvalidInput",
      "base",
      "oneOf",
      `base must be "pilot" (the only built-in base), got ${JSON.stringify(base)}.`,
    );
  }
  const year = Object.hasOwn(json, "parameterYear") ? json["parameterYear"] : DEFAULT_PARAMETER_YEAR;
  if (typeof year !== "number" || !Number.isInteger(year)) {
    return fail(
      "InvalidInput",
      "parameterYear",
      "integer",
      `parameterYear must be a whole year, got ${JSON.stringify(year)}.`,
    );
  }
  // Overrides first (issue 10): values the data lack for the year are placeholders the file may supply.
  const draft = pilotScenarioDraft(year);
  // `municipalities` is optional in a Scenario; the template lists it (empty) so a file may give it.
  const pilot = { value: { municipalities: [], consequences: [], ...draft.scenario }, missing: draft.missing };
  const description = json["description"];
  if (description !== undefined && typeof description !== "string") {
    return fail("InvalidInput", "description", "string", "description must be a text.");
  }
  const schema = json["$schema"];
  if (schema !== undefined && typeof schema !== "string") {
    return fail("InvalidInput", "$schema", "string", "$schema must be a text (the schema's address).");
  }
  // Null-prototype objects: a key "__proto__" (JSON.parse makes it an own key) is then a plain key, found unknown below.
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const extra: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(json)) {
    if (FILE_KEYS.has(key)) continue;
    if (extraSections.includes(key)) extra[key] = value;
    else overrides[key] = value;
  }
  const issues = new IssueList();
  const merged = mergeChecked(pilot.value, overrides, "", issues);
  if (issues.count > 0) return failMany(issues.listed());
  const scenario = withoutEmptyConsequences(withoutEmptyMunicipalities(merged as Scenario));
  const unsupplied = unsuppliedDefaults(pilot.missing, scenario);
  if (unsupplied.length > 0) return missingDefaultsFailure(year, unsupplied, "file");
  const ruleIssues = validateScenario(scenario);
  if (ruleIssues.length > 0) return failMany(ruleIssues);
  return ok({ scenario, description: description ?? null, extra });
}

/**
 * Overlays `overrides` (a partial scenario as in a scenario file: objects merge key by key, arrays replace) on `base`
 * and validates the result. Unknown fields and wrong types are reported with `path` before their JSON path (e.g.
 * `views[1].overrides.socioEconomic.naf`); broken rules with their scenario field.
 * @example overlayScenario(pilot, { socioEconomic: { netTaxFactor: 1.28 } }, "").value.socioEconomic.netTaxFactor // 1.28
 */
export function overlayScenario(
  base: Scenario,
  overrides: Readonly<Record<string, unknown>>,
  path: string,
): Result<Scenario> {
  const issues = new IssueList();
  // A view may add consequence rows (issue 15) to a scenario that has none.
  const template = base.consequences === undefined ? { ...base, consequences: [] } : base;
  const merged = withoutEmptyConsequences(mergeChecked(template, overrides, path, issues) as Scenario);
  if (issues.count > 0) return failMany(issues.listed());
  const ruleIssues = validateScenario(merged);
  return ruleIssues.length > 0 ? failMany(ruleIssues) : ok(merged);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Issues as they are found, keeping the first {@link MAX_ERROR_LINES} − 1 and counting the rest (a file of a million
 * unknown keys gives 50 issues, not a million messages in memory).
 */
class IssueList {
  private readonly kept: Issue[] = [];
  count = 0;

  /** Adds an issue; `item` as a function is only called for an issue that is kept (no message built for the rest). */
  push(item: Issue | (() => Issue)): void {
    this.count += 1;
    if (this.kept.length < MAX_ERROR_LINES - 1) this.kept.push(typeof item === "function" ? item() : item);
  }

  /** The kept issues, and one more that counts the rest when there were more. */
  listed(): Issue[] {
    const rest = this.count - this.kept.length;
    if (rest === 0) return [...this.kept];
    return [...this.kept, issue("InvalidInput", "$", "more", `… and ${rest} more problems of the same kinds.`)];
  }
}

/**
 * Checks the file's shape before anything else reads it, without recursion (a 100,000-deep file cannot overflow the
 * stack): nesting at most {@link MAX_NESTING} levels, lists of at most {@link MAX_COHORTS} items, objects of at most
 * {@link MAX_TERMS} fields, every text and key at most {@link MAX_TEXT_LENGTH} characters.
 * Returns at most {@link MAX_ERROR_LINES} issues, each naming the JSON path.
 */
function checkShape(json: unknown): Issue[] {
  const issues = new IssueList();
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: json, path: "$", depth: 0 }];
  const tooLong = (path: string, what: string, length: number): void =>
    issues.push(
      issue(
        "InvalidInput",
        path,
        "maxLength",
        `${path}: ${what} must be at most ${MAX_TEXT_LENGTH} characters, got ${length}.`,
      ),
    );
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, depth } = next;
    if (typeof value === "string") {
      if (value.length > MAX_TEXT_LENGTH) tooLong(path, "a text", value.length);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_NESTING) {
      issues.push(
        issue(
          "InvalidInput",
          path,
          "nesting",
          `${path} is nested more than ${MAX_NESTING} levels deep; a scenario file needs at most 6.`,
        ),
      );
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_COHORTS) {
        const what =
          path === "cohorts" ? "cohorts (a monthly intake for ten years)" : "items (the longest list, cohorts)";
        issues.push(
          issue(
            "InvalidInput",
            path,
            "maxItems",
            `${path} must list at most ${MAX_COHORTS} ${what}, got ${value.length}.`,
          ),
        );
        continue;
      }
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({ value: value[index], path: `${path}[${index}]`, depth: depth + 1 });
      }
      continue;
    }
    const keyCount = Object.keys(value).length;
    if (keyCount > MAX_TERMS) {
      issues.push(
        issue(
          "InvalidInput",
          path,
          "maxProperties",
          `${path} must hold at most ${MAX_TERMS} fields (the most any section needs), got ${keyCount}.`,
        ),
      );
      continue;
    }
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] ?? ["", null];
      const childPath = (): string => (path === "$" ? quoteUserText(key) : `${path}.${quoteUserText(key)}`);
      if (key.length > MAX_TEXT_LENGTH) tooLong(childPath(), "a field name", key.length);
      else if (typeof child === "string" && child.length > MAX_TEXT_LENGTH)
        tooLong(childPath(), "a text", child.length);
      else if (typeof child === "object" && child !== null)
        stack.push({ value: child, path: childPath(), depth: depth + 1 });
    }
  }
  return issues.listed();
}

/**
 * Merges `override` into `template`, checking that every key is the template's own key (so `__proto__`,
 * `constructor` or `toString` are unknown fields, never inherited ones) and has the template's type.
 */
function mergeChecked(template: unknown, override: unknown, path: string, issues: IssueList): unknown {
  const field = path === "" ? "$" : path;
  const key = path.split(".").pop() ?? path;
  if (override === null && NULLABLE.has(key)) return null;
  const nullableKind = key === "municipality" ? "string" : "number";
  const expected = template === null && NULLABLE.has(key) ? nullableKind : kind(template);
  if (kind(override) !== expected) {
    issues.push(issue("InvalidInput", field, "type", `${field} must be ${article(expected)}, got ${kind(override)}.`));
    return template;
  }
  if (Array.isArray(template) && Array.isArray(override)) {
    const first: unknown = template[0] ?? ownValue(ARRAY_ELEMENTS, key);
    const optional = ownValue(ELEMENT_OPTIONAL_KEYS, key);
    const element: unknown = optional !== undefined && isRecord(first) ? { ...optional, ...first } : first;
    return override.map((item, index) => mergeChecked(element, item, `${path}[${index}]`, issues));
  }
  if (isRecord(template) && isRecord(override)) {
    const result: Record<string, unknown> = { ...template };
    for (const [childKey, childValue] of Object.entries(override)) {
      const childPath = path === "" ? quoteUserText(childKey) : `${path}.${quoteUserText(childKey)}`;
      if (!Object.hasOwn(template, childKey)) {
        issues.push(() =>
          issue(
            "InvalidInput",
            childPath,
            "known",
            `Unknown field ${childPath}; expected one of ${Object.keys(template).join(", ")}.`,
          ),
        );
        continue;
      }
      result[childKey] = mergeChecked(template[childKey], childValue, childPath, issues);
    }
    return result;
  }
  return override;
}

function article(kindName: string): string {
  return kindName === "array" || kindName === "object" ? `an ${kindName}` : `a ${kindName}`;
}
