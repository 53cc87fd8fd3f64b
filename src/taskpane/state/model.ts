import type { Issue } from "../../engine/errors";
import { parseStartDate, priceIndexOf, startDateOf } from "../../engine/budget";
import { applyInputs } from "../../engine/inputs";
import { investorTerms, type DrawTiming, type InvestorTermsInput } from "../../engine/investor";
import type { SavingsScope } from "../../engine/payment/savingsShare";
import {
  validatePaymentTerms,
  validateTermsForScenario,
  type BaselineTerms,
  type PaymentTerms,
} from "../../engine/payment/terms";
import type { CostTiming, Scenario } from "../../engine/scenario";
import { effectRangePp, participantSharesFromEmploymentEffect } from "../../engine/shares";
import { OUTCOME_STATES, type OutcomeState } from "../../engine/states";
import { MAX_HORIZON_MONTHS, validateScenario } from "../../engine/validate";
import { WIZARD_MAX_COHORTS } from "../../engine/limits";
import { applyConsequenceInputs } from "../../engine/consequences/inputs";
import { DEFAULT_SAVINGS_SURPLUS, reinvestmentIssues, type SurplusRule } from "../../engine/investor/surplus";
import { ALL_FIELDS, caseFields, fieldSpec } from "../steps";
import { BROAD_FIELDS, fileRowFields, LOCAL_ROWS } from "../steps/broad";
import { applyProgressionFields, progressionField } from "../steps/progression";
import { engineValue } from "./entries";
import { evenCohorts } from "../steps/target";
import type { Language } from "../about";
import { applyMunicipalities, municipalityField, type MunicipalityDraft } from "./municipalities";
import type { ChoiceId, EffectMode, FieldEntry, FieldSpec, PaymentFieldName, StepId } from "./types";

/** What the model is derived from: the sources the fields started from, the fields and the choices. */
export interface ModelInput {
  readonly base: Scenario;
  readonly baseTerms: PaymentTerms;
  readonly fields: Readonly<Record<string, FieldEntry>>;
  readonly choices: Readonly<Record<ChoiceId, string>>;
  /** Outcome states whose difference is not counted as an effect (the engine's `neutraliseStates`). */
  readonly neutralise: readonly OutcomeState[];
  /** Investor terms of a loaded case that the wizard has no field for (hurdle rate, surplus shares, multiple cap). */
  readonly extras?: { readonly investor: InvestorTermsInput } | null;
  /** Several municipalities as typed (absent: the base scenario's are kept as they are). */
  readonly municipalities?: MunicipalityDraft;
  /** The language the municipalities' percentages are typed in (default Danish). */
  readonly language?: Language;
}

/**
 * A broken rule, attached to a wizard field (or to `participantShares` / `comparisonShares` for the sum of a group,
 * or `general` for anything else). Language-free: the taskpane translates it by field and rule when it shows it.
 */
export interface FieldError {
  readonly field: string;
  readonly step: StepId;
  /** The engine's rule (`range`, `integer`, `sum`, ...) or the taskpane's (`number`: not a number; `required`). */
  readonly rule: string;
  /** The engine's English message (kept for the record; people see the translated text). */
  readonly engineMessage: string;
  /** The engine's field path when it is not one of the wizard's fields (`general`), for the translated message. */
  readonly path?: string;
  /** For a range that depends on other fields (the simple effect): the allowed range in display units. */
  readonly bounds?: { readonly min: number; readonly max: number };
}

/** The case the fields describe, with every broken rule. */
export interface WizardModel {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
  readonly effectMode: EffectMode;
  /**
   * Cohort months the workbook is written for: the horizon plus the spare months asked for (rows that stay inactive
   * until the horizon is raised in the workbook).
   */
  readonly capacityMonths: number;
  readonly errors: ReadonlyMap<string, FieldError>;
  readonly stepsWithErrors: ReadonlySet<StepId>;
  readonly valid: boolean;
}

/** Records a broken rule (the first per field wins). */
type Report = (
  field: string,
  rule: string,
  engineMessage?: string,
  bounds?: FieldError["bounds"],
  path?: string,
) => void;

/** Steps of the pseudo-fields that are not number fields. */
const PSEUDO_FIELD_STEPS: Readonly<Record<string, StepId>> = {
  participantShares: "effect",
  neutraliseStates: "effect",
  comparisonShares: "effect",
  general: "review",
};

/** Fields shown (and used) in an effect mode; with the case's base scenario, its own consequence rows' fields too. */
export function visibleFields(effectMode: EffectMode, base?: Scenario): FieldSpec[] {
  const fields = base === undefined ? ALL_FIELDS : caseFields(base);
  return fields.filter((spec) => spec.effectMode === undefined || spec.effectMode === effectMode);
}

/**
 * Derives the case from the fields: every readable value is applied with the engine (applyInputs, the simple effect,
 * payment and investor terms), then the engine's validators report every broken rule, mapped to the field it
 * concerns. A field that cannot be read keeps the source's value in the case and reports `number` (or `required`).
 */
export function deriveModel(input: ModelInput): WizardModel {
  const effectMode: EffectMode = input.choices.effectMode === "simple" ? "simple" : "states";
  const errors = new Map<string, FieldError>();
  const report: Report = (field, rule, engineMessage = "", bounds, path) => {
    if (errors.has(field)) return;
    const step =
      fieldSpec(field)?.step ??
      PSEUDO_FIELD_STEPS[field] ??
      (/^(municipality|cohortMunicipality)/.test(field) ? "target" : "review");
    errors.set(field, {
      field,
      step,
      rule,
      engineMessage,
      ...(bounds === undefined ? {} : { bounds }),
      ...(path === undefined || path === field ? {} : { path }),
    });
  };

  const values = new Map<string, number | null>();
  for (const spec of visibleFields(effectMode, input.base)) {
    const entry = input.fields[spec.id];
    if (entry === undefined || entry.parsed === "empty") {
      if (spec.optional) values.set(spec.id, null);
      else report(spec.id, "required");
    } else if (entry.parsed === "invalid") report(spec.id, "number");
    else values.set(spec.id, entry.value);
  }
  const count = values.get("cohortCount");
  if (
    count !== undefined &&
    count !== null &&
    !(Number.isInteger(count) && count >= 1 && count <= WIZARD_MAX_COHORTS)
  ) {
    report("cohortCount", "integer");
  }

  const applied = applyScenario(input, values, effectMode, report);
  const withMunicipalities =
    input.municipalities === undefined
      ? applied
      : applyMunicipalities(applied, input.municipalities, input.language ?? "da", report);
  const scenario = applyConsequences(input, withMunicipalities, values, report);
  for (const issue of validateScenario(scenario))
    report(scenarioField(issue.field, scenario, effectMode), issue.rule, issue.message, undefined, issue.field);

  // Progression metrics (steps/progression.ts): priced metrics on the card with their measure; then the engine's
  // rules, also those that depend on the cohorts and the horizon (validateTermsForScenario).
  const appliedTerms = applyTerms(input, values);
  const progression = applyProgressionFields(
    appliedTerms.rateCard,
    input.baseTerms.rateCard,
    values,
    scenario.horizonMonths,
  );
  for (const problem of progression.problems) report(problem.field, problem.rule, problem.message);
  const terms: PaymentTerms = { ...appliedTerms, rateCard: progression.rateCard };
  for (const issue of [
    ...validatePaymentTerms(terms),
    ...validateTermsForScenario(terms, scenario.measurementMonth, scenario.horizonMonths, scenario.cohorts),
  ])
    report(termsField(issue.field, terms), issue.rule, issue.message, undefined, issue.field);

  const baseInvestor = input.extras?.investor ?? {};
  const investor: InvestorTermsInput = {
    ...baseInvestor,
    draw: (input.choices.draw === "upfront" ? "upfront" : "asNeeded") satisfies DrawTiming,
    returnCap: { irr: values.get("returnCap.irr") ?? null, multiple: baseInvestor.returnCap?.multiple ?? null },
    maxLoss: values.get("maxLoss") ?? null,
    hurdleRate: values.get("hurdleRate") ?? baseInvestor.hurdleRate ?? null,
    ...savingsSurplus(input.choices.surplusRule, values.get("savingsSurplus.share"), baseInvestor, report),
  };
  const checkedInvestor = investorTerms(investor);
  if (!checkedInvestor.ok)
    for (const issue of checkedInvestor.issues)
      report(investorField(issue), issue.rule, issue.message, undefined, issue.field);
  // Reinvesting a surplus needs a next cohort's cost to fund (the engine's rule, as for a case file).
  else
    for (const issue of reinvestmentIssues(checkedInvestor.value, scenario.costPerParticipant))
      report(investorField(issue), issue.rule, issue.message, undefined, issue.field);

  const capacityMonths = writtenCapacity(scenario.horizonMonths, values.get("spareMonths"), report);
  const stepsWithErrors = new Set<StepId>([...errors.values()].map((error) => error.step));
  return { scenario, terms, investor, effectMode, capacityMonths, errors, stepsWithErrors, valid: errors.size === 0 };
}

/**
 * The broad case's fields (issue 15): every consequence field whose value differs from the source's becomes the
 * engine's input pair (`consequence.<id>.change.inWork` …, applied with applyConsequenceInputs), a local row also gets
 * its name, unit, payer and area; nothing changed leaves the scenario as it was (no consequence rows are added).
 */
function applyConsequences(
  input: ModelInput,
  scenario: Scenario,
  values: ReadonlyMap<string, number | null>,
  report: Report,
): Scenario {
  const sources = { scenario: input.base, terms: input.baseTerms, investor: {} };
  const pairs: [string, number | string][] = [];
  const locals = new Map<string, "municipality" | "region" | "state">();
  for (const spec of [...BROAD_FIELDS, ...fileRowFields(input.base)]) {
    const target = spec.target;
    const value = values.get(spec.id);
    if (target.kind !== "consequence" || value === undefined) continue;
    // An empty change is no change (0); an empty price or year is none.
    const none = target.part === "changeInWork" ? 0 : null;
    const given = value ?? none;
    if (given === (engineValue(spec, sources) ?? none)) continue;
    pairs.push([spec.id, given ?? "none"]);
    if (target.local !== undefined) locals.set(target.id, target.local);
  }
  for (const [id, payer] of locals) {
    const row = LOCAL_ROWS.find((candidate) => candidate.id === id);
    const language = input.language ?? "da";
    pairs.push([`consequence.${id}.name`, row?.name[language] ?? id]);
    pairs.push([`consequence.${id}.unit`, language === "da" ? "enhed" : "unit"]);
    pairs.push([`consequence.${id}.payer`, payer]);
    pairs.push([`consequence.${id}.area`, "other"]);
  }
  if (pairs.length === 0) return scenario;
  const applied = applyConsequenceInputs(scenario, pairs);
  if (applied.ok) return applied.value;
  for (const issue of applied.issues) report(known(issue.field), issue.rule, issue.message, undefined, issue.field);
  return scenario;
}

/**
 * The savings-surplus terms (issue 15 item 4): the rule chosen and the share typed, the recycled cohorts' size kept
 * from the source; none when the municipality keeps its surplus and the source had no terms (the default).
 */
function savingsSurplus(
  rule: string | undefined,
  share: number | null | undefined,
  base: InvestorTermsInput,
  report: Report,
): Pick<InvestorTermsInput, "savingsSurplus"> {
  const chosen: SurplusRule = rule === "provider" || rule === "reinvested" ? rule : "commissioner";
  if (chosen === "commissioner" && base.savingsSurplus === undefined) {
    // Not used while the municipality keeps its surplus, but a share outside 0-100 % is still a typing slip.
    if (typeof share === "number" && !(share >= 0 && share <= 1)) report("savingsSurplus.share", "range");
    return {};
  }
  const given = typeof share === "number" ? share : (base.savingsSurplus ?? DEFAULT_SAVINGS_SURPLUS).share;
  return { savingsSurplus: { rule: chosen, share: given, cohortSize: base.savingsSurplus?.cohortSize ?? null } };
}

/** The horizon plus the spare months, at most the longest horizon the engine computes (else a range error). */
function writtenCapacity(horizonMonths: number, spare: number | null | undefined, report: Report): number {
  const months = typeof spare === "number" ? spare : 0;
  if (!(Number.isInteger(months) && months >= 0 && horizonMonths + months <= MAX_HORIZON_MONTHS)) {
    report("spareMonths", "range", `horizon + spare months must be at most ${MAX_HORIZON_MONTHS}`);
    return horizonMonths;
  }
  return horizonMonths + months;
}

function applyScenario(
  input: ModelInput,
  values: ReadonlyMap<string, number | null>,
  effectMode: EffectMode,
  report: Report,
): Scenario {
  const pairs: [string, number | string][] = [];
  let scenario: Scenario = input.base;
  for (const spec of visibleFields(effectMode)) {
    if (spec.target.kind !== "input") continue;
    const value = values.get(spec.id);
    if (value === undefined) continue;
    if (value === null) {
      if (spec.target.key === "measuredParticipants") scenario = { ...scenario, measuredParticipants: null };
      if (spec.target.key === "comparisonGroupSize") scenario = { ...scenario, comparisonGroupSize: null };
      continue;
    }
    pairs.push([spec.target.key, value]);
  }
  pairs.push(["costTiming", (input.choices.costTiming === "upfront" ? "upfront" : "spread") satisfies CostTiming]);
  for (const state of OUTCOME_STATES) pairs.push([`neutralise.${state}`, input.neutralise.includes(state) ? 1 : 0]);
  const applied = applyInputs(scenario, pairs);
  if (applied.ok) scenario = applied.value;
  else for (const issue of applied.issues) report(issue.field, issue.rule, issue.message);

  const cohortIds = ["cohortParticipants", "cohortCount", "cohortSpacing"];
  const cohortTouched = cohortIds.some((id) => input.fields[id]?.touched === true);
  const [participants, count, spacing] = cohortIds.map((id) => values.get(id));
  if (
    cohortTouched &&
    typeof participants === "number" &&
    typeof count === "number" &&
    typeof spacing === "number" &&
    Number.isInteger(count) &&
    count >= 1 &&
    count <= WIZARD_MAX_COHORTS
  ) {
    scenario = { ...scenario, cohorts: evenCohorts(participants, count, spacing) };
  }

  scenario = applyBudget(input.base, scenario, values, report);

  const effectPp = values.get("effectPp");
  if (effectMode === "simple" && typeof effectPp === "number") {
    const shares = participantSharesFromEmploymentEffect(scenario.comparisonShares, effectPp);
    if (shares.ok) scenario = { ...scenario, participantShares: shares.value };
    else {
      const range = effectRangePp(scenario.comparisonShares);
      const bounds = range.ok ? { min: range.value.minPp, max: range.value.maxPp } : undefined;
      for (const issue of shares.issues) report("effectPp", issue.rule, issue.message, bounds);
    }
  }
  return scenario;
}

/**
 * The budget view's fields (issue 10 item 3): the start date's year and month (the day of the source's start date is
 * kept, at most the month's last day) and the yearly price change. A value equal to the source's leaves the scenario
 * as it was (no start date or price index is added to a case that had none).
 */
function applyBudget(
  base: Scenario,
  scenario: Scenario,
  values: ReadonlyMap<string, number | null>,
  report: Report,
): Scenario {
  let result = scenario;
  const index = values.get("priceIndex");
  if (typeof index === "number" && index !== priceIndexOf(base)) result = { ...result, priceIndex: index };
  const year = values.get("startYear");
  const month = values.get("startMonth");
  const yearOk = typeof year === "number" && Number.isInteger(year) && year >= 1900 && year <= 2100;
  const monthOk = typeof month === "number" && Number.isInteger(month) && month >= 1 && month <= 12;
  if (typeof year === "number" && !yearOk) report("startYear", "range", "startYear must be a whole year 1900-2100");
  if (typeof month === "number" && !monthOk) report("startMonth", "range", "startMonth must be a month 1-12");
  const from = parseStartDate(startDateOf(base));
  if (!yearOk || !monthOk || from === null || (year === from.year && month === from.month)) return result;
  const day = Math.min(from.day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const pad = (value: number): string => String(value).padStart(2, "0");
  return { ...result, startDate: `${year}-${pad(month)}-${pad(day)}` };
}

function applyTerms(input: ModelInput, values: ReadonlyMap<string, number | null>): PaymentTerms {
  const base = input.baseTerms;
  const number = (name: PaymentFieldName, fallback: number): number => {
    const value = values.get(name);
    return typeof value === "number" ? value : fallback;
  };
  const optional = (name: PaymentFieldName, fallback: number | null): number | null => {
    const value = values.get(name);
    return value === undefined ? fallback : value;
  };
  const rateCard = base.rateCard.map((line) => {
    const id = `price.${line.metric}`;
    return fieldSpec(id) === undefined ? line : { ...line, price: number(id as PaymentFieldName, line.price) };
  });
  const thresholdPp = optional("threshold.pp", base.threshold?.pp ?? null);
  const baseline: BaselineTerms =
    input.choices.baseline === "comparison"
      ? { kind: "comparison" }
      : input.choices.baseline === "none"
        ? { kind: "none" }
        : base.baseline;
  return {
    ...base,
    rateCard,
    baseline,
    threshold:
      thresholdPp === null
        ? null
        : { pp: thresholdPp, scope: base.threshold?.scope ?? "metric", metric: base.threshold?.metric ?? null },
    personCap: optional("personCap", base.personCap),
    contractCap: optional("contractCap", base.contractCap),
    lagMonths: number("lagMonths", base.lagMonths),
    municipalityShare: number("municipalityShare", base.municipalityShare),
    savingsShare: number("savingsShare", base.savingsShare),
    savingsScope: (input.choices.savingsScope === "broad" ? "broad" : "narrow") satisfies SavingsScope,
    baseFee: number("baseFee", base.baseFee),
  };
}

/** The wizard field an engine scenario issue concerns (dotted engine path → field id). */
export function scenarioField(path: string, scenario: Scenario, effectMode: EffectMode): string {
  const municipality = municipalityField(path);
  if (municipality !== null) return municipality;
  const consequence = /^consequences\[(\d+)\]\.(unitPrice|priceYear|indexFactor|changePerYear)/.exec(path);
  if (consequence !== null) {
    const id = scenario.consequences?.[Number(consequence[1])]?.id ?? "";
    const part = consequence[2] === "changePerYear" ? "change.inWork" : (consequence[2] ?? "");
    // A default row's price year has no field: its index factor says how to move the price to the parameter year.
    // A case's own rows (a loaded file's) have fields too (steps/broad.ts fileRowFields).
    const own = (candidate: string): string =>
      fileRowFields(scenario).some((spec) => spec.id === candidate) ? candidate : known(candidate);
    const field = own(`consequence.${id}.${part}`);
    return field === "general" && part === "priceYear" ? own(`consequence.${id}.indexFactor`) : field;
  }
  if (/^cohorts\[\d+\]\.participants$/.test(path)) return "cohortParticipants";
  if (/^cohorts\[\d+\]\.intakeMonth$/.test(path)) return "cohortSpacing";
  if (path === "cohorts") return "cohortCount";
  if (/^neutraliseStates(?:\[\d+\])?$/.test(path)) return "neutraliseStates";
  const share = /^(participant|comparison)Shares(?:\.(\w+))?$/.exec(path);
  if (share !== null) {
    if (share[1] === "participant" && effectMode === "simple") return "effectPp";
    return share[2] === undefined ? `${share[1]}Shares` : `${share[1]}Share.${share[2]}`;
  }
  const state = /^states\.(\w+)\.(wage|benefit)$/.exec(path);
  if (state !== null) return known(`${state[2]}.${state[1]}`);
  const refusion = /^refusionSteps\[(\d+)\]\.share$/.exec(path);
  if (refusion !== null) {
    const step = scenario.refusionSteps[Number(refusion[1])];
    return step === undefined ? "general" : known(`refusion.week${step.fromWeek}`);
  }
  const nested = /^(?:tax|socioEconomic)\.(\w+)$/.exec(path);
  if (nested !== null) return known(nested[1] ?? "");
  return known(path);
}

/** The wizard field a payment-terms issue concerns. */
export function termsField(path: string, terms: PaymentTerms): string {
  const progression = progressionField(path, terms.rateCard);
  if (progression !== null) return progression;
  const price = /^rateCard\[(\d+)\]\.price$/.exec(path);
  if (price !== null) {
    const metric = terms.rateCard[Number(price[1])]?.metric;
    return metric === undefined ? "general" : known(`price.${metric}`);
  }
  return known(path);
}

function investorField(issue: Issue): string {
  return known(issue.field.replace(/^terms\./, ""));
}

function known(id: string): string {
  return fieldSpec(id) === undefined ? "general" : id;
}
