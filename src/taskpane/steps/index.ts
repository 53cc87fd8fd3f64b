import type { StepModule } from "../state/spec";
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
