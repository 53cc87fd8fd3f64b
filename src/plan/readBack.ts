import { failMany, issue, ok, type Issue, type Result } from "../engine/errors";
import { applyInputs } from "../engine/inputs";
import type { Cohort, RefusionStep, Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { validateScenario } from "../engine/validate";
import { SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS } from "./inputsSheet";
import { NAME_PREFIX } from "./relocate";

/** Values of a defined name's range, row by row, as a workbook holds them. */
export type RangeValues = readonly (readonly unknown[])[];

/** The defined names (without prefix, i.e. as with SIB_) an existing model's inputs are read from. */
export function inputNames(): string[] {
  return [
    "SIB_CohortParticipants",
    "SIB_CohortIntakeMonths",
    ...SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs.map((input) => input.name)),
    "SIB_RefusionFromWeek",
    "SIB_RefusionShare",
    ...STATE_INPUT_COLUMNS.map((column) => column.name),
  ];
}

/**
 * Rebuilds a scenario from the input cells of a model in a workbook (read by their defined names, with the model's
 * prefix), starting from `base` for what the workbook does not hold (name, parameter year, measured group sizes).
 * Every unreadable or invalid value is reported with the defined name it came from; nothing is filled in silently.
 * @example scenarioFromWorkbook(pilot, (name) => valuesOf(name), "SIB_") // ok: the scenario the cells describe
 */
export function scenarioFromWorkbook(
  base: Scenario,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
): Result<Scenario> {
  const issues: Issue[] = [];
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const column = (name: string): number[] => {
    const values = valuesOf(named(name));
    if (values === undefined) {
      issues.push(issue("InvalidInput", named(name), "required", `The workbook has no defined name ${named(name)}.`));
      return [];
    }
    return values.map((row, index) => {
      const value = row[0];
      if (typeof value === "number" && Number.isFinite(value)) return value;
      issues.push(
        issue(
          "InvalidInput",
          named(name),
          "number",
          `${named(name)} row ${index + 1} must be a number, got ${JSON.stringify(value ?? null)}.`,
        ),
      );
      return Number.NaN;
    });
  };
  const scalar = (name: string): number => column(name)[0] ?? Number.NaN;

  const participants = column("SIB_CohortParticipants");
  const intakes = column("SIB_CohortIntakeMonths");
  const cohorts: Cohort[] = participants.map((count, index) => ({
    participants: count,
    intakeMonth: intakes[index] ?? Number.NaN,
  }));
  const fromWeeks = column("SIB_RefusionFromWeek");
  const shares = column("SIB_RefusionShare");
  const refusionSteps: RefusionStep[] = fromWeeks.map((fromWeek, index) => ({
    fromWeek,
    share: shares[index] ?? Number.NaN,
  }));
  const pairs: [string, number | string][] = [];
  for (const group of SCALAR_INPUT_GROUPS) {
    for (const input of group.inputs) {
      const value = scalar(input.name);
      if (input.key === "costTiming")
        pairs.push([input.key, value === 1 ? "upfront" : value === 0 ? "spread" : String(value)]);
      else pairs.push([input.key, value]);
    }
  }
  for (const stateColumn of STATE_INPUT_COLUMNS) {
    const values = column(stateColumn.name);
    OUTCOME_STATES.forEach((state, index) => {
      const value = values[index] ?? Number.NaN;
      if (stateColumn.prefix === "benefitPayer") {
        pairs.push([
          `${stateColumn.prefix}.${state}`,
          value === 1 ? "municipality" : value === 0 ? "state" : String(value),
        ]);
      } else {
        pairs.push([`${stateColumn.prefix}.${state}`, value]);
      }
    });
  }
  if (issues.length > 0) return failMany(issues);
  const applied = applyInputs({ ...base, cohorts, refusionSteps }, pairs);
  if (!applied.ok) return applied;
  const ruleIssues = validateScenario(applied.value);
  return ruleIssues.length > 0 ? failMany(ruleIssues) : ok(applied.value);
}
