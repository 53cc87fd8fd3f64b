import { DEFAULT_PARAMETER_YEAR } from "../../engine/defaults";
import type { Result } from "../../engine/errors";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../engine/payment/terms";
import { pilotScenario } from "../../engine/pilot";
import type { Scenario } from "../../engine/scenario";
import type { StepModule } from "../state/spec";
import type { EffectMode, StartOption } from "../state/types";

/**
 * Step 1: start from the pilot, from a blank case, or from the model already in this workbook; or update that model
 * (write a new version of it from the numbers changed in its sheets).
 */
export const startStep: StepModule = {
  id: "start",
  title: { da: "Start", en: "Start" },
  intro: {
    da: "Vælg hvad du vil tage udgangspunkt i. Du kan ændre alle tal bagefter.",
    en: "Choose where to begin. You can change every number afterwards.",
  },
  fields: [],
  choices: [],
};

/**
 * The three ways to start and the update of the model in the workbook, each with a plain explanation. "open" and
 * "update" need Excel (the start step disables them in a browser).
 */
export const START_OPTIONS: readonly {
  readonly value: StartOption;
  readonly label: { readonly da: string; readonly en: string };
  readonly help: { readonly da: string; readonly en: string };
}[] = [
  {
    value: "pilot",
    label: { da: "Brug pilotprojektets tal", en: "Use the pilot's numbers" },
    help: {
      da: "DRC's SIB i Herning og Viborg (2020-23): 56 deltagere og 79.236 kr. pr. deltager.",
      en: "DRC's SIB in Herning and Viborg (2020-23): 56 participants and 79,236 kr per participant.",
    },
  },
  {
    value: "blank",
    label: { da: "Start med tomme felter", en: "Start with empty fields" },
    help: {
      da: "Du skriver selv antal deltagere, pris, effekt og betaling. Satser og skatter er udfyldt med kilde.",
      en: "You enter participants, cost, effect and payments yourself. Rates and taxes are filled in with sources.",
    },
  },
  {
    value: "open",
    label: { da: "Åbn modellen i denne projektmappe", en: "Open the model in this workbook" },
    help: {
      da: "Læser tallene fra en model, der allerede er skrevet i projektmappen. Kun i Excel.",
      en: "Reads the numbers of a model already written in this workbook. Excel only.",
    },
  },
  {
    value: "update",
    label: { da: "Opdater modellen i projektmappen", en: "Update the model in the workbook" },
    help: {
      da: "Læser de tal, du har ændret i arkene, og skriver en ny, opdateret udgave ved siden af den gamle. Den gamle bliver stående, som den er. Kun i Excel.",
      en: "Reads the numbers you changed in the sheets and writes a new, updated version next to the old one. The old one is kept as it is. Excel only.",
    },
  },
];

/** Start options that need a model in an open Excel workbook (disabled in a browser). */
export const EXCEL_ONLY_OPTIONS: ReadonlySet<StartOption> = new Set<StartOption>(["open", "update"]);

/**
 * Fields a blank start leaves empty: the user must fill them in, except measuredParticipants, which is optional and
 * empty means every participant (the pilot's 55 could exceed a smaller case's participants, which the engine refuses).
 */
export const BLANK_FIELDS: readonly string[] = [
  "cohortParticipants",
  "measuredParticipants",
  "costPerParticipant",
  "effectPp",
  "price.selfSupporting",
  "price.paidHours",
];

/** What a start choice begins from: the scenario, the payment terms and the effect mode. */
export interface StartSources {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly effectMode: EffectMode;
  /** Fields left empty. */
  readonly emptied: readonly string[];
}

/**
 * The sources of a start choice. The pilot keeps its eight measured outcome states; a blank case uses the simple
 * employment effect, the built-in parameters and the pilot's comparison group and timing, and leaves the case's own
 * numbers empty.
 */
export function startSources(start: "pilot" | "blank"): Result<StartSources> {
  const pilot = pilotScenario(DEFAULT_PARAMETER_YEAR);
  if (!pilot.ok) return pilot;
  return {
    ok: true,
    value:
      start === "pilot"
        ? { scenario: pilot.value, terms: PILOT_PAYMENT_TERMS, effectMode: "states", emptied: [] }
        : {
            scenario: { ...pilot.value, name: "Business case" },
            terms: PILOT_PAYMENT_TERMS,
            effectMode: "simple",
            emptied: BLANK_FIELDS,
          },
  };
}
