import type { Scenario } from "../../engine/scenario";
import type { StepModule } from "../state/spec";
import { fileRowFields } from "./broad";
import type { ChoiceSpec, FieldSpec, StepId } from "../state/types";
import { costsStep } from "./costs";
import { effectStep } from "./effect";
import { financeStep } from "./finance";
import { paymentStep } from "./payment";
import { reviewStep } from "./review";
import { startStep } from "./start";
import { targetStep } from "./target";

/** The steps in order. */
export const STEPS: readonly StepModule[] = [
  startStep,
  targetStep,
  effectStep,
  costsStep,
  financeStep,
  paymentStep,
  reviewStep,
];

/** Every number field of the wizard, in step order. */
export const ALL_FIELDS: readonly FieldSpec[] = STEPS.flatMap((step) => step.fields);

/** Every choice of the wizard. */
export const ALL_CHOICES: readonly ChoiceSpec[] = STEPS.flatMap((step) => step.choices);

const FIELD_BY_ID: ReadonlyMap<string, FieldSpec> = new Map(ALL_FIELDS.map((spec) => [spec.id, spec]));

/** The field with this id (undefined for an unknown id). */
export function fieldSpec(id: string): FieldSpec | undefined {
  return FIELD_BY_ID.get(id);
}

/** The step module of a step id. */
export function stepModule(id: StepId): StepModule {
  const found = STEPS.find((step) => step.id === id);
  if (found === undefined) throw new Error(`unknown step ${id}`);
  return found;
}

/**
 * Every number field of a case: the wizard's fields, then the fields of the case's own consequence rows (a loaded
 * file's rows that are neither default nor local rows, steps/broad.ts fileRowFields; review step).
 * @example caseFields(pilotBroad).length - ALL_FIELDS.length // 4: psychiatricCareSensitivity's change, price, year, factor
 */
export function caseFields(base: Scenario): readonly FieldSpec[] {
  const own = fileRowFields(base);
  return own.length === 0 ? ALL_FIELDS : [...ALL_FIELDS, ...own];
}

/** The field with this id in a case (its own rows' fields too), or undefined. */
export function caseFieldSpec(id: string, base: Scenario): FieldSpec | undefined {
  return fieldSpec(id) ?? fileRowFields(base).find((spec) => spec.id === id);
}

/** A step's fields in a case: the review step also has the case's own consequence rows. */
export function caseStepFields(id: StepId, base: Scenario): readonly FieldSpec[] {
  const fields = stepModule(id).fields;
  return id === "review" ? [...fields, ...fileRowFields(base)] : fields;
}
