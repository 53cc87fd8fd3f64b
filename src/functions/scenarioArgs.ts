import { computeBusinessCase, type BusinessCaseResult } from "../engine/businessCase";
import { DEFAULT_PARAMETER_YEAR, missingDefaultsFailure, unsuppliedDefaults } from "../engine/defaults";
import { failMany } from "../engine/errors";
import { applyConsequenceInputs, isConsequenceInput } from "../engine/consequences/inputs";
import { applyInputs } from "../engine/inputs";
import { MUNICIPALITY_INPUT_NAMES, withMunicipality } from "../engine/municipalities";
import { pilotScenarioDraft } from "../engine/pilot";
import type { Scenario } from "../engine/scenario";
import { validateScenario } from "../engine/validate";
import { nameValuePairs, optionalNumber, type CellValue } from "./coerce";
import { excelError } from "./errors";

/** Scenario arguments shared by the business-case functions. */
export interface ScenarioArguments {
  readonly inputs: CellValue[][] | null | undefined;
  readonly horizonMonths: CellValue | undefined;
  readonly parameterYear: CellValue | undefined;
}

const CACHE_SIZE = 64;
const cache = new Map<string, { scenario: Scenario; result: BusinessCaseResult }>();

type PilotDraft = ReturnType<typeof pilotScenarioDraft>;
const DRAFT_CACHE_SIZE = 16;
const drafts = new Map<number, PilotDraft>();

/**
 * pilotScenarioDraft(year), built once per parameter year and deep-frozen: the inputs are applied to copies (applyInputs
 * never writes into the scenario it is given), so every cache miss can start from the same draft instead of looking up
 * every parameter again (about 15 % of a miss's CPU time, bench/functions.ts).
 * @example frozenPilotDraft(2023).scenario.horizonMonths // 50, the same object on every call
 */
function frozenPilotDraft(year: number): PilotDraft {
  const known = drafts.get(year);
  if (known !== undefined) return known;
  if (drafts.size >= DRAFT_CACHE_SIZE) drafts.clear();
  const draft = deepFreeze(pilotScenarioDraft(year));
  drafts.set(year, draft);
  return draft;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The built-in pilot at the parameter year, overridden by the name/value inputs and the horizon argument, validated
 * and computed. Throws a CustomFunctions.Error naming the argument or input on any problem. Results are memoised by
 * argument values (the same arguments give the same numbers; the cache only saves time).
 */
export function businessCaseFromArguments(args: ScenarioArguments): { scenario: Scenario; result: BusinessCaseResult } {
  const year =
    optionalNumber(args.parameterYear, "parameterYear", DEFAULT_PARAMETER_YEAR, true) ?? DEFAULT_PARAMETER_YEAR;
  const horizon = optionalNumber(args.horizonMonths, "horizonMonths", null, true);
  const pairs = nameValuePairs(args.inputs, "inputs");
  const key = JSON.stringify([year, horizon, pairs]);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  // Overrides first (issue 10): values the data lack for the year may be given as inputs.
  const base = frozenPilotDraft(year);
  // The input `municipality` (issue 10): that municipality's built-in kommuneskat, before the other inputs.
  const chosen = pairs.filter(([name]) => MUNICIPALITY_INPUT_NAMES.includes(name.toLowerCase()));
  const rest = pairs.filter(([name]) => !MUNICIPALITY_INPUT_NAMES.includes(name.toLowerCase()));
  let start = base.scenario;
  for (const [, value] of chosen) {
    const local = withMunicipality(start, String(value));
    if (!local.ok) throw excelError(local);
    start = local.value;
  }
  // Consequence rows (issue 15): consequence.<id>.<field> inputs, applied after the scalar inputs.
  const scalars = rest.filter(([name]) => !isConsequenceInput(name));
  const scalarApplied = applyInputs(start, horizon === null ? scalars : [...scalars, ["horizonMonths", horizon]]);
  if (!scalarApplied.ok) throw excelError(scalarApplied);
  const applied = applyConsequenceInputs(
    scalarApplied.value,
    rest.filter(([name]) => isConsequenceInput(name)),
  );
  if (!applied.ok) throw excelError(applied);
  const unsupplied = unsuppliedDefaults(base.missing, applied.value);
  if (unsupplied.length > 0) throw excelError(missingDefaultsFailure(year, unsupplied, "inputs"));
  const issues = validateScenario(applied.value);
  if (issues.length > 0) throw excelError(failMany(issues));
  const entry = { scenario: applied.value, result: computeBusinessCase(applied.value) };
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, entry);
  return entry;
}
