import { languageFor, type Language } from "../i18n/language";
import { expectOk } from "../../engine/errors";
import { DEFAULT_INVESTOR_TERMS, type InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { OUTCOME_STATES, type OutcomeState } from "../../engine/states";
import type { Model } from "../../engine/modelFile";
import type { ContractTerms } from "../../plan/readBack";
import { ALL_FIELDS, caseFields, caseFieldSpec } from "../steps";
import type { CaseExtras } from "./caseFile";
import { PILOT_WORKSHOP_VALUES } from "../preview/workshop";
import { startSources } from "../steps/start";
import { entriesFrom, entryFromText, relabelEntries, type Sources } from "./entries";
import { deriveModel, type WizardModel } from "./model";
import { draftFrom, relabelDraft, type MunicipalityDraft } from "./municipalities";
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
  /** Undo and redo of the case (fields, choices, neutralised states, the start). */
  readonly history: History;
  /** The user changed a field, choice or check box since the case was started or opened (a new start asks first). */
  readonly dirty: boolean;
  /** What a loaded case file holds besides the fields (investor terms, views, description); null otherwise. */
  readonly extras: CaseExtras | null;
  /** Several municipalities (issue 10 item 2): the listed municipalities as typed and each cohort's municipality. */
  readonly municipalities: MunicipalityDraft;
}

/** What undo restores: everything a change of the case touches. */
export interface Snapshot extends Pick<
  WizardState,
  | "start"
  | "base"
  | "baseTerms"
  | "fields"
  | "choices"
  | "neutralise"
  | "attempted"
  | "dirty"
  | "extras"
  | "municipalities"
> {
  /** The language the field texts were written in. */
  readonly textLanguage: Language;
}

/** Bounded undo/redo stacks (newest last). */
export interface History {
  readonly past: readonly Snapshot[];
  readonly future: readonly Snapshot[];
  /** The field the last change typed into: further typing there is the same undo step (one step per field edit). */
  readonly lastField: string | null;
}

/** Undo steps kept. */
export const HISTORY_LIMIT = 50;

const EMPTY_HISTORY: History = { past: [], future: [], lastField: null };

/** Actions that change the case and can be undone. */
const RECORDED: ReadonlySet<Action["type"]> = new Set([
  "setField",
  "setChoice",
  "setNeutralise",
  "start",
  "opened",
  "loadedFile",
  "setMunicipalities",
]);

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
  /** The municipalities as typed and each cohort's municipality (issue 10 item 2). */
  | { readonly type: "setMunicipalities"; readonly draft: MunicipalityDraft }
  | { readonly type: "start"; readonly start: "pilot" | "blank" }
  | {
      readonly type: "opened";
      readonly scenario: Scenario;
      readonly prefix: string;
      /** The model's payment and investor terms, when it has Payment and Investor sheets. */
      readonly contract?: ContractTerms | null;
      /** The views and description of the case file stored in the workbook with the model, if any. */
      readonly stored?: Pick<CaseExtras, "views" | "description"> | null;
    }
  /** A case file was read (issue 14 item 2): its scenario, terms, views and description replace the case. */
  | { readonly type: "loadedFile"; readonly model: Model }
  | { readonly type: "setWorkshop"; readonly slider: WorkshopSlider; readonly value: number }
  | { readonly type: "undo" }
  | { readonly type: "redo" }
  | { readonly type: "status"; readonly status: Status };

/** The workshop's starting point: the pilot's own numbers (issue 14 item 8; src/taskpane/preview/workshop.ts). */
export const WORKSHOP_DEFAULTS: WorkshopValues = PILOT_WORKSHOP_VALUES;

/** Slider ranges of the workshop (kr, percentage points, months). */
export const WORKSHOP_RANGES: Readonly<Record<WorkshopSlider, { min: number; max: number; step: number }>> = {
  effectPp: { min: 0, max: 40, step: 0.5 },
  costPerParticipant: { min: 20_000, max: 200_000, step: 5_000 },
  price: { min: 0, max: 400_000, step: 10_000 },
  horizonMonths: { min: 24, max: 120, step: 2 },
};

function choicesFrom(sources: Sources, effectMode: EffectMode): Record<ChoiceId, string> {
  return {
    effectMode,
    costTiming: sources.scenario.costTiming,
    baseline: sources.terms.baseline.kind,
    savingsScope: sources.terms.savingsScope,
    draw: sources.investor.draw ?? DEFAULT_INVESTOR_TERMS.draw,
    surplusRule: sources.investor.savingsSurplus?.rule ?? "commissioner",
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
    history: EMPTY_HISTORY,
    dirty: false,
    extras: null,
    municipalities: draftFrom(pilot.scenario, language),
  };
}

/** The case the state describes (cached per fields/choices/base object, so views can call it freely). */
export function modelOf(state: WizardState): WizardModel {
  const cached = modelCache.get(state.fields);
  if (
    cached !== undefined &&
    cached.choices === state.choices &&
    cached.base === state.base &&
    cached.neutralise === state.neutralise &&
    cached.municipalities === state.municipalities &&
    cached.language === state.language
  ) {
    return cached.model;
  }
  const model = deriveModel(state);
  modelCache.set(state.fields, {
    choices: state.choices,
    base: state.base,
    neutralise: state.neutralise,
    municipalities: state.municipalities,
    language: state.language,
    model,
  });
  return model;
}
const modelCache = new WeakMap<
  Readonly<Record<string, FieldEntry>>,
  {
    choices: WizardState["choices"];
    base: Scenario;
    neutralise: WizardState["neutralise"];
    municipalities: MunicipalityDraft;
    language: Language;
    model: WizardModel;
  }
>();

/**
 * The wizard's reducer: one new state per action, no side effects. Changes of the case are recorded for undo (typing
 * in one field is one step until another field, choice or step is touched); undo and redo restore the case in the
 * current language.
 * @example reduce(reduce(state, { type: "setField", id: "costPerParticipant", text: "1" }), { type: "undo" })
 */
export function reduce(state: WizardState, action: Action): WizardState {
  if (action.type === "undo") return travel(state, "back");
  if (action.type === "redo") return travel(state, "forward");
  const next = apply(state, action);
  if (next === state) return state;
  if (!RECORDED.has(action.type)) {
    // Moving on (another step, view or language) ends the typing in a field: typing there again is a new step.
    const moved = ["goTo", "next", "back", "setView", "setLanguage"].includes(action.type);
    return moved && next.history.lastField !== null ? { ...next, history: { ...next.history, lastField: null } } : next;
  }
  const dirty = action.type !== "start" && action.type !== "opened" && action.type !== "loadedFile";
  const field = action.type === "setField" ? action.id : action.type === "setMunicipalities" ? "municipalities" : null;
  if (field !== null && state.history.lastField === field) {
    return { ...next, dirty, history: { ...state.history, future: [] } };
  }
  const past = [...state.history.past, snapshotOf(state)].slice(-HISTORY_LIMIT);
  return { ...next, dirty, history: { past, future: [], lastField: field } };
}

/** True when there is a change to undo / to redo. */
export function canUndo(state: WizardState): boolean {
  return state.history.past.length > 0;
}
export function canRedo(state: WizardState): boolean {
  return state.history.future.length > 0;
}

function snapshotOf(state: WizardState): Snapshot {
  const { start, base, baseTerms, fields, choices, neutralise, attempted, dirty, extras, municipalities, language } =
    state;
  return {
    start,
    base,
    baseTerms,
    fields,
    choices,
    neutralise,
    attempted,
    dirty,
    extras,
    municipalities,
    textLanguage: language,
  };
}

function travel(state: WizardState, direction: "back" | "forward"): WizardState {
  const { past, future } = state.history;
  const target = direction === "back" ? past[past.length - 1] : future[future.length - 1];
  if (target === undefined) return state;
  const current = snapshotOf(state);
  const history: History =
    direction === "back"
      ? { past: past.slice(0, -1), future: [...future, current], lastField: null }
      : { past: [...past, current], future: future.slice(0, -1), lastField: null };
  const { textLanguage, ...restored } = target;
  // Texts written in another language are rewritten in today's (values are kept).
  const fields =
    textLanguage === state.language
      ? restored.fields
      : relabelEntries(caseFields(restored.base), restored.fields, state.language);
  const municipalities = relabelDraft(restored.municipalities, textLanguage, state.language);
  return { ...state, ...restored, fields, municipalities, history };
}

function apply(state: WizardState, action: Action): WizardState {
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
      const spec = caseFieldSpec(action.id, state.base);
      if (spec === undefined) return state;
      return { ...state, fields: { ...state.fields, [action.id]: entryFromText(spec, action.text, state.language) } };
    }
    case "setChoice":
      return action.id === "effectMode"
        ? withEffectMode(state, action.value)
        : withChoice(state, action.id, action.value);
    case "setNeutralise":
      return withNeutralised(state, action.state, action.on);
    case "setMunicipalities":
      return action.draft === state.municipalities ? state : { ...state, municipalities: action.draft };
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
        extras: {
          investor: model.investor,
          views: action.stored?.views ?? [],
          description: action.stored?.description ?? null,
        },
      };
    }
    case "loadedFile":
      return fromFile(state, action.model);
    case "setWorkshop":
      return { ...state, workshop: { ...state.workshop, [action.slider]: action.value } };
    case "status":
      return { ...state, status: action.status };
    case "undo":
    case "redo":
      return state;
  }
}

function attempt(attempted: readonly StepId[], step: StepId): readonly StepId[] {
  return attempted.includes(step) ? attempted : [...attempted, step];
}

function withLanguage(state: WizardState, language: Language): WizardState {
  if (language === state.language) return state;
  return {
    ...state,
    language,
    fields: relabelEntries(caseFields(state.base), state.fields, language),
    municipalities: relabelDraft(state.municipalities, state.language, language),
  };
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
    fields: entriesFrom(caseFields(sources.scenario), sources, state.language, begin.emptied),
    choices: choicesFrom(sources, begin.effectMode),
    neutralise: begin.scenario.neutraliseStates,
    attempted: [],
    status: { kind: "idle" },
    extras: null,
    municipalities: draftFrom(begin.scenario, state.language),
  };
}

/** A case file's model: every field from its scenario and terms, its extras kept for the next save. */
function fromFile(state: WizardState, model: Model): WizardState {
  const sources: Sources = { scenario: model.scenario, terms: model.paymentTerms, investor: model.investorTerms };
  return {
    ...state,
    start: "open",
    step: state.step === "start" ? "target" : state.step,
    base: model.scenario,
    baseTerms: model.paymentTerms,
    fields: entriesFrom(caseFields(sources.scenario), sources, state.language),
    // The effect mode the file was saved in (its `wizard` section); detailed when the file does not say.
    choices: choicesFrom(sources, model.wizard?.effectMode === "simple" ? "simple" : "states"),
    neutralise: model.scenario.neutraliseStates,
    attempted: [],
    extras: { investor: model.investorTerms, views: model.views, description: model.description },
    municipalities: draftFrom(model.scenario, state.language),
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
    fields: entriesFrom(caseFields(sources.scenario), sources, state.language),
    choices: choicesFrom(sources, "states"),
    neutralise: scenario.neutraliseStates,
    attempted: [],
    municipalities: draftFrom(scenario, state.language),
  };
}
