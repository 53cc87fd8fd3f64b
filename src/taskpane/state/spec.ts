import { MAX_PEOPLE, WIZARD_MAX_COHORTS } from "../../engine/limits";
import type { ChoiceSpec, DisplayUnit, FieldRange, FieldSpec, FieldTarget, StepId, Text } from "./types";

/** What a field needs besides the defaults of its unit. */
export interface FieldOptions {
  readonly id: string;
  readonly label: Text;
  readonly help: Text;
  readonly target: FieldTarget;
  readonly range?: Partial<FieldRange>;
  readonly group?: Text;
  readonly optional?: boolean;
  readonly noneText?: Text;
  readonly example?: number;
  readonly decimals?: number;
  readonly effectMode?: FieldSpec["effectMode"];
  readonly messages?: FieldSpec["messages"];
  readonly showSource?: boolean;
}

/** Defaults per unit: scale, decimals, range and an example. Ranges match the engine's validators. */
const UNIT_DEFAULTS: Readonly<
  Record<DisplayUnit, { scale: number; decimals: number; range: FieldRange; example: number }>
> = {
  people: { scale: 1, decimals: 0, range: { min: 1, max: MAX_PEOPLE, integer: true }, example: 50 },
  cohorts: { scale: 1, decimals: 0, range: { min: 1, max: WIZARD_MAX_COHORTS, integer: true }, example: 2 },
  kr: { scale: 1, decimals: 2, range: { min: 0, max: 1_000_000_000, integer: false }, example: 80_000 },
  krMonth: { scale: 1, decimals: 2, range: { min: 0, max: 1_000_000_000, integer: false }, example: 25_000 },
  krYear: { scale: 1, decimals: 2, range: { min: 0, max: 1_000_000_000, integer: false }, example: 48_000 },
  months: { scale: 1, decimals: 0, range: { min: 1, max: "horizon", integer: true }, example: 12 },
  weeks: { scale: 1, decimals: 0, range: { min: 0, max: 520, integer: false }, example: 104 },
  percent: { scale: 100, decimals: 4, range: { min: 0, max: 100, integer: false }, example: 20 },
  percentYear: { scale: 100, decimals: 4, range: { min: 0, max: 99, integer: false }, example: 8 },
  pp: { scale: 1, decimals: 2, range: { min: -100, max: 100, integer: false }, example: 10 },
  factor: { scale: 1, decimals: 4, range: { min: 0, max: 10, integer: false, exclusiveMin: true }, example: 1.1 },
  year: { scale: 1, decimals: 0, range: { min: 1900, max: 2100, integer: true }, example: 2026 },
  calendarMonth: { scale: 1, decimals: 0, range: { min: 1, max: 12, integer: true }, example: 1 },
  // The engine's bound on a consequence row's change (MAX_CHANGE_PER_YEAR, src/engine/consequences/validate.ts).
  unitsYear: { scale: 1, decimals: 4, range: { min: -10_000_000, max: 10_000_000, integer: false }, example: -2 },
};

/** Builds a field spec from the unit's defaults and the options. */
export function field(step: StepId, unit: DisplayUnit, options: FieldOptions): FieldSpec {
  const defaults = UNIT_DEFAULTS[unit];
  return {
    id: options.id,
    step,
    label: options.label,
    help: options.help,
    unit,
    scale: defaults.scale,
    decimals: options.decimals ?? defaults.decimals,
    range: { ...defaults.range, ...options.range },
    optional: options.optional ?? false,
    example: options.example ?? defaults.example,
    target: options.target,
    ...(options.group === undefined ? {} : { group: options.group }),
    ...(options.noneText === undefined ? {} : { noneText: options.noneText }),
    ...(options.effectMode === undefined ? {} : { effectMode: options.effectMode }),
    ...(options.messages === undefined ? {} : { messages: options.messages }),
    ...(options.showSource === undefined ? {} : { showSource: options.showSource }),
  };
}

/** A choice spec (radio group). */
export function choice(step: StepId, spec: Omit<ChoiceSpec, "step">): ChoiceSpec {
  return { ...spec, step };
}

/** One step: its title, a short introduction, and its fields and choices in the order shown. */
export interface StepModule {
  readonly id: StepId;
  readonly title: Text;
  readonly intro: Text;
  readonly fields: readonly FieldSpec[];
  readonly choices: readonly ChoiceSpec[];
}
