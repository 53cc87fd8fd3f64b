import { languageFor, type Language } from "../about";
import { expectOk } from "../../engine/errors";
import { DEFAULT_INVESTOR_TERMS, type InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { OUTCOME_STATES, type OutcomeState } from "../../engine/states";
import type { ContractTerms } from "../../plan/readBack";
import { ALL_FIELDS, fieldSpec } from "../steps";
import { startSources } from "../steps/start";
import { entriesFrom, entryFromText, relabelEntries, type Sources } from "./entries";
import { deriveModel, type WizardModel } from "./model";
import {
  STEP_IDS,
  type ChoiceId,
  type EffectMode,
  type FieldEntry,
  type HostKind,
  type StartChoice,
  type Status,
  type StepId,
  type View,
  type WorkshopSlider,
  type WorkshopValues,
} from "./types";

/** Everything the taskpane shows. Pure data: the reducer makes a new state for every action. */
export interface WizardState {
  readonly language: Language;
  /** The user picked the language (then Office's display language no longer changes it). */
  readonly languageChosen: boolean;
  readonly host: HostKind;
  readonly view: View;
  readonly step: StepId;
  readonly start: StartChoice | null;
  /** The case the fields started from (pilot, blank or read from the workbook). */
  readonly base: Scenario;
  readonly baseTerms: PaymentTerms;
  readonly fields: Readonly<Record<string, FieldEntry>>;
  readonly choices: Readonly<Record<ChoiceId, string>>;
  /** Outcome states the user does not count as an effect (the effect step's check boxes). */
  readonly neutralise: readonly OutcomeState[];
  /** Steps the user tried to leave: their errors are shown on every field, touched or not. */
  readonly attempted: readonly StepId[];
  readonly workshop: WorkshopValues;
  readonly status: Status;
}

export type Action =
  | { readonly type: "setLanguage"; readonly language: Language }
  | { readonly type: "hostDetected"; readonly host: "excel" | "browser"; readonly displayLanguage?: string }
  | { readonly type: "setView"; readonly view: View }
  | { readonly type: "goTo"; readonly step: StepId }
  | { readonly type: "next" }
  | { readonly type: "back" }
  | { readonly type: "setField"; readonly id: string; readonly text: string }
  | { readonly type: "setChoice"; readonly id: ChoiceId; readonly value: string }
  | { readonly type: "setNeutralise"; readonly state: OutcomeState; readonly on: boolean }
  | { readonly type: "start"; readonly start: "pilot" | "blank" }
  | {
      readonly type: "opened";
      readonly scenario: Scenario;
      readonly prefix: string;
      /** The model's payment and investor terms, when it has Payment and Investor sheets. */
      readonly contract?: ContractTerms | null;
    }
  | { readonly type: "setWorkshop"; readonly slider: WorkshopSlider; readonly value: number }
  | { readonly type: "status"; readonly status: Status };

/** The workshop's starting point: the pilot in round numbers. */
export const WORKSHOP_DEFAULTS: WorkshopValues = {
  effectPp: 11,
  costPerParticipant: 80_000,
  price: 200_000,
  horizonMonths: 48,
};

/** Slider ranges of the workshop (kr, percentage points, months). */
export const WORKSHOP_RANGES: Readonly<Record<WorkshopSlider, { min: number; max: number; step: number }>> = {
  effectPp: { min: 0, max: 40, step: 1 },
  costPerParticipant: { min: 20_000, max: 200_000, step: 5_000 },
  price: { min: 0, max: 400_000, step: 10_000 },
  horizonMonths: { min: 24, max: 120, step: 6 },
};

function choicesFrom(sources: Sources, effectMode: EffectMode): Record<ChoiceId, string> {
  return {
    effectMode,
    costTiming: sources.scenario.costTiming,
    baseline: sources.terms.baseline.kind,
    savingsScope: sources.terms.savingsScope,
    draw: sources.investor.draw ?? DEFAULT_INVESTOR_TERMS.draw,
  };
}

const DEFAULT_INVESTOR: InvestorTermsInput = {
  draw: "asNeeded",
  returnCap: { irr: null, multiple: null },
  maxLoss: null,
};

/**
 * The state the taskpane opens with: the pilot case on the start step, in the language of Office (or the browser).
 * @example initialState("da-DK").language // "da"
 */
export function initialState(displayLanguage?: string | null): WizardState {
  const language = languageFor(displayLanguage);
  const pilot = expectOk(startSources("pilot"));
  const sources: Sources = { scenario: pilot.scenario, terms: pilot.terms, investor: DEFAULT_INVESTOR };
  return {
    language,
    languageChosen: false,
    host: "pending",
    view: "wizard",
    step: "start",
    start: null,
    base: pilot.scenario,
    baseTerms: pilot.terms,
    fields: entriesFrom(ALL_FIELDS, sources, language),
    choices: choicesFrom(sources, pilot.effectMode),
    neutralise: pilot.scenario.neutraliseStates,
    attempted: [],
    workshop: WORKSHOP_DEFAULTS,
    status: { kind: "idle" },
  };
}

/** The case the state describes (cached per fields/choices/base object, so views can call it freely). */
export function modelOf(state: WizardState): WizardModel {
  const cached = modelCache.get(state.fields);
  if (
    cached !== undefined &&
    cached.choices === state.choices &&
    cached.base === state.base &&
    cached.neutralise === state.neutralise
  ) {
    return cached.model;
  }
  const model = deriveModel(state);
  modelCache.set(state.fields, { choices: state.choices, base: state.base, neutralise: state.neutralise, model });
  return model;
}
const modelCache = new WeakMap<
  Readonly<Record<string, FieldEntry>>,
  { choices: WizardState["choices"]; base: Scenario; neutralise: WizardState["neutralise"]; model: WizardModel }
>();

/** The wizard's reducer: one new state per action, no side effects. */
export function reduce(state: WizardState, action: Action): WizardState {
  switch (action.type) {
    case "setLanguage":
      return withLanguage({ ...state, languageChosen: true }, action.language);
    case "hostDetected": {
      const next = { ...state, host: action.host };
      return state.languageChosen || action.displayLanguage === undefined
        ? next
        : withLanguage(next, languageFor(action.displayLanguage));
    }
    case "setView":
      return { ...state, view: action.view };
    case "goTo":
      return {
        ...state,
        step: action.step,
        attempted: action.step === state.step ? state.attempted : attempt(state.attempted, state.step),
      };
    case "next": {
      const index = STEP_IDS.indexOf(state.step);
      if (modelOf(state).stepsWithErrors.has(state.step)) {
        return { ...state, attempted: attempt(state.attempted, state.step) };
      }
      return { ...state, step: STEP_IDS[Math.min(index + 1, STEP_IDS.length - 1)] ?? state.step };
    }
    case "back": {
      const index = STEP_IDS.indexOf(state.step);
      return { ...state, step: STEP_IDS[Math.max(index - 1, 0)] ?? state.step };
    }
    case "setField": {
      const spec = fieldSpec(action.id);
      if (spec === undefined) return state;
      return { ...state, fields: { ...state.fields, [action.id]: entryFromText(spec, action.text, state.language) } };
    }
    case "setChoice":
      return action.id === "effectMode"
        ? withEffectMode(state, action.value)
        : withChoice(state, action.id, action.value);
    case "setNeutralise":
      return withNeutralised(state, action.state, action.on);
    case "start":
      return startFrom(state, action.start);
    case "opened": {
      const current = modelOf(state);
      const contract = action.contract ?? null;
      const model: WizardModel =
        contract === null
          ? current
          : { ...current, terms: contract.paymentTerms, investor: contract.investorTerms, errors: new Map() };
      return {
        ...loaded(state, action.scenario, model),
        start: "open",
        step: "target",
        status: { kind: "opened", prefix: action.prefix },
      };
    }
    case "setWorkshop":
      return { ...state, workshop: { ...state.workshop, [action.slider]: action.value } };
    case "status":
      return { ...state, status: action.status };
  }
}

function attempt(attempted: readonly StepId[], step: StepId): readonly StepId[] {
  return attempted.includes(step) ? attempted : [...attempted, step];
}

function withLanguage(state: WizardState, language: Language): WizardState {
  if (language === state.language) return state;
  return { ...state, language, fields: relabelEntries(ALL_FIELDS, state.fields, language) };
}

function withChoice(state: WizardState, id: ChoiceId, value: string): WizardState {
  return { ...state, choices: { ...state.choices, [id]: value } };
}

/**
 * Switching the effect mode changes only which representation the case uses: the simple effect field and the eight
 * participant shares both keep what they hold (measured or typed), so a click and a click back give the same case and
 * nothing is ever overwritten (issue 14 item 1).
 */
function withEffectMode(state: WizardState, value: string): WizardState {
  const mode: EffectMode = value === "simple" ? "simple" : "states";
  if (mode === state.choices.effectMode) return state;
  return { ...state, choices: { ...state.choices, effectMode: mode } };
}

/** Checks or unchecks a state in "do not count as an effect", keeping the states in their usual order. */
function withNeutralised(state: WizardState, outcome: OutcomeState, on: boolean): WizardState {
  if (state.neutralise.includes(outcome) === on) return state;
  const chosen = new Set(state.neutralise);
  if (on) chosen.add(outcome);
  else chosen.delete(outcome);
  return { ...state, neutralise: OUTCOME_STATES.filter((candidate) => chosen.has(candidate)) };
}

function startFrom(state: WizardState, start: "pilot" | "blank"): WizardState {
  const begin = expectOk(startSources(start));
  const sources: Sources = { scenario: begin.scenario, terms: begin.terms, investor: DEFAULT_INVESTOR };
  return {
    ...state,
    start,
    step: "target",
    base: begin.scenario,
    baseTerms: begin.terms,
    fields: entriesFrom(ALL_FIELDS, sources, state.language, begin.emptied),
    choices: choicesFrom(sources, begin.effectMode),
    neutralise: begin.scenario.neutraliseStates,
    attempted: [],
    status: { kind: "idle" },
  };
}

/** A scenario read from the workbook, with the current payment and investor terms (the workbook has none yet). */
function loaded(state: WizardState, scenario: Scenario, model: WizardModel): WizardState {
  const terms = model.errors.size === 0 ? model.terms : state.baseTerms;
  const sources: Sources = { scenario, terms, investor: model.investor };
  return {
    ...state,
    base: scenario,
    baseTerms: terms,
    fields: entriesFrom(ALL_FIELDS, sources, state.language),
    choices: choicesFrom(sources, "states"),
    neutralise: scenario.neutraliseStates,
    attempted: [],
  };
}
