import type { Issue } from "../../engine/errors";
import type { Language } from "../about";

/** The wizard's steps, in order. */
export const STEP_IDS = ["start", "target", "effect", "costs", "finance", "payment", "review"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** A text in both languages. */
export interface Text {
  readonly da: string;
  readonly en: string;
}

/** Units as a field shows them. Percent fields show engine fractions × 100 (18 for 0.18). */
export type DisplayUnit =
  | "people"
  | "cohorts"
  | "kr"
  | "krMonth"
  | "krYear"
  | "months"
  | "weeks"
  | "percent"
  | "percentYear"
  | "pp"
  | "factor"
  /** A calendar year, shown without a thousands separator (2026). */
  | "year"
  /** A calendar month, 1–12. */
  | "calendarMonth"
  /** Units of a consequence row per person-year (prison days, contacts, placement-years …). */
  | "unitsYear";

/** The valid range of a field in display units (what its error message says; the engine enforces it). */
export interface FieldRange {
  readonly min: number;
  /** A number, or "horizon" for "at most the horizon in months". */
  readonly max: number | "horizon";
  readonly integer: boolean;
  /** The minimum itself is not allowed (factors above 0, rates above −100 %). */
  readonly exclusiveMin?: boolean;
}

/** Where a field's value goes. Values are in engine units (fractions for percent fields). */
export type FieldTarget =
  /** A scalar scenario input of the engine's INPUT_FIELDS (or `refusion.week<N>`), applied with applyInputs. */
  | { readonly kind: "input"; readonly key: string }
  /** The cohorts: participants per cohort, number of cohorts, months between intakes. */
  | { readonly kind: "cohort"; readonly part: "participants" | "count" | "spacing" }
  /** The simple employment effect in percentage points. */
  | { readonly kind: "effect" }
  /** A payment term (PaymentTerms), by name. */
  | { readonly kind: "terms"; readonly name: PaymentFieldName }
  /** An investor term. */
  | { readonly kind: "investor"; readonly name: "returnCapIrr" | "maxLoss" | "hurdleRate" | "surplusShare" }
  /** The budget view (issue 10 item 3): the start date's year and month, and the yearly price change. */
  | { readonly kind: "budget"; readonly part: "startYear" | "startMonth" | "priceIndex" }
  /**
   * A progression metric of the rate card (src/taskpane/steps/progression.ts): its price, measurement month, share of
   * the participants reaching it, or the comparison group's share.
   */
  | { readonly kind: "progression"; readonly metric: string; readonly part: "price" | "month" | "share" | "comparison" }
  /** How the model is written: spare months beyond the horizon (the workbook's capacity). */
  | { readonly kind: "write"; readonly name: "spareMonths" }
  /**
   * A consequence row of the broad case (issue 15): the change in use per person-year in work, or the unit price and
   * its year; `local` rows are the user's own (empty until typed), with the payer they are made for.
   */
  | {
      readonly kind: "consequence";
      readonly id: string;
      readonly part: "changeInWork" | "unitPrice" | "priceYear" | "indexFactor";
      readonly local?: "municipality" | "region" | "state";
    };

export type PaymentFieldName =
  | "price.selfSupporting"
  | "price.paidHours"
  | "threshold.pp"
  | "personCap"
  | "contractCap"
  | "lagMonths"
  | "municipalityShare"
  | "savingsShare"
  | "baseFee";

/** One number field of the wizard. */
export interface FieldSpec {
  /** Stable id; for scenario inputs the engine's input key (e.g. `costPerParticipant`, `wage.JOB`). */
  readonly id: string;
  readonly step: StepId;
  /** Sub-heading the field is shown under, if any. */
  readonly group?: Text;
  readonly label: Text;
  /** Plain-language help shown under the field. */
  readonly help: Text;
  readonly unit: DisplayUnit;
  /** Display value = engine value × scale (100 for percent fields). */
  readonly scale: number;
  /** Decimals shown when the value is written into the field. */
  readonly decimals: number;
  readonly range: FieldRange;
  /** Empty means "none" (no cap, no threshold, unknown size); `noneText` says what empty means. */
  readonly optional: boolean;
  readonly noneText?: Text;
  /** Example value for "enter a number" messages, in display units. */
  readonly example: number;
  readonly target: FieldTarget;
  /** Only shown (and used) in this effect mode. */
  readonly effectMode?: EffectMode;
  /** Overrides of the message for a rule (e.g. the simple effect's limit). */
  readonly messages?: Readonly<Record<string, Text>>;
  /** Show where the default value comes from (source and year). */
  readonly showSource?: boolean;
}

export type EffectMode = "simple" | "states";

/** One choice (radio group) of the wizard. */
export interface ChoiceSpec {
  readonly id: ChoiceId;
  readonly step: StepId;
  readonly label: Text;
  /** Short label for the review ("Effekt", "Udgiften falder"). */
  readonly summary: Text;
  readonly help: Text;
  readonly options: readonly { readonly value: string; readonly label: Text }[];
}

export type ChoiceId = "effectMode" | "costTiming" | "baseline" | "savingsScope" | "draw" | "surplusRule";

/** What a text field holds: what was typed and what it means in engine units. */
export interface FieldEntry {
  readonly text: string;
  readonly parsed: "number" | "empty" | "invalid";
  /** Engine units; NaN unless parsed is "number". */
  readonly value: number;
  /** The user typed in it (errors show for touched fields and for steps the user tried to leave). */
  readonly touched: boolean;
}

export type HostKind = "pending" | "excel" | "browser";
export type View = "wizard" | "workshop" | "about";
export type StartChoice = "pilot" | "blank" | "open";
/** The start step's options: the three starts, and updating the model in the workbook (which starts nothing). */
export type StartOption = StartChoice | "update";

/** What the status line is about: writing, downloading, opening or updating the model. */
export type StatusWork = "write" | "download" | "open" | "update";

/** A message about writing, downloading, opening or updating, shown in the status line. */
export type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "working"; readonly what: StatusWork }
  | {
      readonly kind: "written";
      readonly sheets: readonly string[];
      readonly namePrefix: string;
      readonly syncs: number;
      /** Excel recognised none of the Check sheet's SIB.* functions (the add-in's functions are not loaded). */
      readonly functionsUnrecognised: boolean;
    }
  | {
      readonly kind: "updated";
      /** The prefix of the model whose inputs were read ("SIB_", "SIB2_", …). */
      readonly readFrom: string;
      /** The new version's sheets and prefix. */
      readonly sheets: readonly string[];
      readonly namePrefix: string;
      readonly syncs: number;
      readonly functionsUnrecognised: boolean;
    }
  | { readonly kind: "downloaded"; readonly fileName: string }
  | { readonly kind: "opened"; readonly prefix: string }
  | {
      readonly kind: "failed";
      readonly what: StatusWork;
      /** The error's message, or for an update the workbook refused, the defined names of the cells to fix. */
      readonly detail: string;
      /** The engine's problems when the error carried them: shown in the user's language instead of `detail`. */
      readonly issues?: readonly Issue[];
      /**
       * Only for an update the workbook refused: the prefix of the model whose inputs are invalid (`detail` names the
       * cells), or null when the workbook holds no model.
       */
      readonly readFrom?: string | null;
    };

/** The workshop's sliders. */
export interface WorkshopValues {
  readonly effectPp: number;
  readonly costPerParticipant: number;
  readonly price: number;
  readonly horizonMonths: number;
}
export type WorkshopSlider = keyof WorkshopValues;

export type { Language };
