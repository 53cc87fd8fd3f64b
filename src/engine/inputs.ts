import { fail, failMany, issue, ok, type Issue, type Result } from "./errors";
import type { BenefitPayer, CostTiming, Scenario, StateEconomics, TaxParameters } from "./scenario";
import { isOutcomeState, OUTCOME_STATES, STATE_LABELS, type OutcomeState } from "./states";

/** Units of scalar inputs, as shown next to input cells and wizard fields. */
export type InputUnit =
  "people" | "kr" | "kr/month" | "kr/year" | "months" | "weeks" | "share" | "rate/year" | "factor" | "year" | "text";

/**
 * One named scalar input of a scenario. The catalogue is the single vocabulary for name/value ranges in custom
 * functions, the workbook's input cells and the wizard's fields. Keys are matched ignoring case and punctuation.
 */
export interface InputField {
  readonly key: string;
  readonly da: string;
  readonly en: string;
  readonly unit: InputUnit;
  /** Other accepted keys (e.g. Danish). */
  readonly aliases: readonly string[];
  readonly get: (scenario: Scenario) => number | string;
  readonly set: (scenario: Scenario, value: number | string) => Result<Scenario>;
}

function numeric(
  key: string,
  da: string,
  en: string,
  unit: InputUnit,
  get: (scenario: Scenario) => number,
  update: (scenario: Scenario, value: number) => Scenario,
  aliases: readonly string[] = [],
): InputField {
  return {
    key,
    da,
    en,
    unit,
    aliases,
    get,
    set: (scenario, value) =>
      typeof value === "number" && Number.isFinite(value)
        ? ok(update(scenario, value))
        : fail("InvalidInput", key, "number", `${key} must be a number, got ${JSON.stringify(value)}.`),
  };
}

function choice<T extends string>(
  key: string,
  da: string,
  en: string,
  options: readonly T[],
  get: (scenario: Scenario) => T,
  update: (scenario: Scenario, value: T) => Scenario,
): InputField {
  return {
    key,
    da,
    en,
    unit: "text",
    aliases: [],
    get,
    set: (scenario, value) => {
      const match = options.find((option) => typeof value === "string" && option === value.trim().toLowerCase());
      return match === undefined
        ? fail(
            "InvalidInput",
            key,
            "oneOf",
            `${key} must be one of ${options.join(", ")}, got ${JSON.stringify(value)}.`,
          )
        : ok(update(scenario, match));
    },
  };
}

const taxField = (key: keyof TaxParameters, da: string, en: string, unit: InputUnit): InputField =>
  numeric(
    key,
    da,
    en,
    unit,
    (s) => s.tax[key],
    (s, v) => ({ ...s, tax: { ...s.tax, [key]: v } }),
  );

const stateField = (
  prefix: "wage" | "benefit" | "healthCost",
  property: "wage" | "benefit" | "healthCost",
  da: string,
  en: string,
  state: OutcomeState,
): InputField =>
  numeric(
    `${prefix}.${state}`,
    `${da}: ${STATE_LABELS[state].da}`,
    `${en}: ${STATE_LABELS[state].en}`,
    "kr/month",
    (s) => s.states[state][property],
    (s, v) => withState(s, state, { [property]: v }),
  );

function withState(scenario: Scenario, state: OutcomeState, change: Partial<StateEconomics>): Scenario {
  return { ...scenario, states: { ...scenario.states, [state]: { ...scenario.states[state], ...change } } };
}

const BENEFIT_PAYERS: readonly BenefitPayer[] = ["municipality", "state"];
const COST_TIMINGS: readonly CostTiming[] = ["spread", "upfront"];

function buildCatalogue(): InputField[] {
  const fields: InputField[] = [
    numeric(
      "participants",
      "Deltagere",
      "Participants",
      "people",
      (s) => s.cohorts.reduce((sum, cohort) => sum + cohort.participants, 0),
      (s, v) => ({ ...s, cohorts: [{ participants: v, intakeMonth: s.cohorts[0]?.intakeMonth ?? 0 }] }),
      ["deltagere", "antal"],
    ),
    numeric(
      "measuredParticipants",
      "Deltagere med målt udfald",
      "Participants with measured outcome",
      "people",
      (s) => s.measuredParticipants ?? Number.NaN,
      (s, v) => ({ ...s, measuredParticipants: v }),
    ),
    numeric(
      "comparisonGroupSize",
      "Kontrolgruppens størrelse",
      "Comparison-group size",
      "people",
      (s) => s.comparisonGroupSize ?? Number.NaN,
      (s, v) => ({ ...s, comparisonGroupSize: v }),
      ["kontrolgruppe"],
    ),
    numeric(
      "costPerParticipant",
      "Omkostning pr. deltager",
      "Cost per participant",
      "kr",
      (s) => s.costPerParticipant,
      (s, v) => ({ ...s, costPerParticipant: v }),
      ["omkostning", "pris"],
    ),
    choice(
      "costTiming",
      "Omkostningens timing",
      "Cost timing",
      COST_TIMINGS,
      (s) => s.costTiming,
      (s, v) => ({
        ...s,
        costTiming: v,
      }),
    ),
    numeric(
      "interventionMonths",
      "Indsatsens længde",
      "Length of the effort",
      "months",
      (s) => s.interventionMonths,
      (s, v) => ({ ...s, interventionMonths: v }),
      ["indsatsmaaneder"],
    ),
    numeric(
      "measurementMonth",
      "Målemåned",
      "Measurement month",
      "months",
      (s) => s.measurementMonth,
      (s, v) => ({ ...s, measurementMonth: v }),
      ["maalemaaned"],
    ),
    numeric(
      "persistence",
      "Effektens vedvarenhed pr. måned",
      "Monthly persistence of the effect",
      "factor",
      (s) => s.persistence,
      (s, v) => ({ ...s, persistence: v }),
      ["vedvarenhed"],
    ),
    numeric(
      "horizonMonths",
      "Tidshorisont",
      "Horizon",
      "months",
      (s) => s.horizonMonths,
      (s, v) => ({ ...s, horizonMonths: v }),
      ["horisont", "horizon"],
    ),
    numeric(
      "weeksOnBenefitAtIntake",
      "Uger på ydelse ved start",
      "Weeks on benefit at intake",
      "weeks",
      (s) => s.weeksOnBenefitAtIntake,
      (s, v) => ({ ...s, weeksOnBenefitAtIntake: v }),
      ["ugerpaaydelse"],
    ),
    numeric(
      "equalisationShare",
      "Udligningsandel U",
      "Equalisation share U",
      "share",
      (s) => s.equalisationShare,
      (s, v) => ({ ...s, equalisationShare: v }),
      ["udligning"],
    ),
    numeric(
      "discountRate",
      "Diskonteringsrente",
      "Discount rate",
      "rate/year",
      (s) => s.discountRate,
      (s, v) => ({ ...s, discountRate: v }),
      ["diskonteringsrente", "rente"],
    ),
    numeric(
      "netTaxFactor",
      "Nettoafgiftsfaktor (NAF)",
      "Net indirect-tax factor (NAF)",
      "factor",
      (s) => s.socioEconomic.netTaxFactor,
      (s, v) => ({ ...s, socioEconomic: { ...s.socioEconomic, netTaxFactor: v } }),
      ["naf", "nettoafgiftsfaktor"],
    ),
    numeric(
      "distortionFactor",
      "Skatteforvridningsfaktor",
      "Tax distortion factor",
      "factor",
      (s) => s.socioEconomic.distortionFactor,
      (s, v) => ({ ...s, socioEconomic: { ...s.socioEconomic, distortionFactor: v } }),
      ["forvridning"],
    ),
    numeric(
      "employerCostFactor",
      "Arbejdsgiveromkostningsfaktor",
      "Employer-cost factor",
      "factor",
      (s) => s.socioEconomic.employerCostFactor,
      (s, v) => ({ ...s, socioEconomic: { ...s.socioEconomic, employerCostFactor: v } }),
    ),
    taxField("labourMarketContributionRate", "AM-bidrag", "Labour-market contribution", "rate/year"),
    taxField("municipalTaxRate", "Kommuneskat", "Municipal income tax", "rate/year"),
    taxField("bottomTaxRate", "Bundskat", "Bottom tax", "rate/year"),
    taxField("personalAllowance", "Personfradrag", "Personal allowance", "kr/year"),
    taxField("employmentAllowanceRate", "Beskæftigelsesfradrag, sats", "Employment allowance, rate", "rate/year"),
    taxField("employmentAllowanceMax", "Beskæftigelsesfradrag, maks", "Employment allowance, maximum", "kr/year"),
    taxField("jobAllowanceRate", "Jobfradrag, sats", "Job allowance, rate", "rate/year"),
    taxField("jobAllowanceFloor", "Jobfradrag, indkomstgrænse", "Job allowance, wage floor", "kr/year"),
    taxField("jobAllowanceMax", "Jobfradrag, maks", "Job allowance, maximum", "kr/year"),
  ];
  for (const state of OUTCOME_STATES) {
    fields.push(
      numeric(
        `participantShare.${state}`,
        `Andel deltagere: ${STATE_LABELS[state].da}`,
        `Participant share: ${STATE_LABELS[state].en}`,
        "share",
        (s) => s.participantShares[state],
        (s, v) => ({ ...s, participantShares: { ...s.participantShares, [state]: v } }),
      ),
      numeric(
        `comparisonShare.${state}`,
        `Andel kontrolgruppe: ${STATE_LABELS[state].da}`,
        `Comparison share: ${STATE_LABELS[state].en}`,
        "share",
        (s) => s.comparisonShares[state],
        (s, v) => ({ ...s, comparisonShares: { ...s.comparisonShares, [state]: v } }),
      ),
      stateField("wage", "wage", "Bruttoløn", "Gross wage", state),
      stateField("benefit", "benefit", "Ydelse", "Benefit", state),
      choice(
        `benefitPayer.${state}`,
        `Betaler af ydelse: ${STATE_LABELS[state].da}`,
        `Payer of benefit: ${STATE_LABELS[state].en}`,
        BENEFIT_PAYERS,
        (s) => s.states[state].benefitPayer,
        (s, v) => withState(s, state, { benefitPayer: v }),
      ),
      stateField("healthCost", "healthCost", "Sundhedsudgift", "Health cost", state),
    );
  }
  for (const state of OUTCOME_STATES) fields.push(neutraliseField(state));
  fields.push(attributionReferenceField());
  return fields;
}

/**
 * `neutralise.<STATE>`: 1 = the state is neutralised (its difference is not counted as an effect, see
 * src/engine/neutralise.ts), 0 = counted. Any other value is refused. Setting keeps `neutraliseStates` in the order of
 * OUTCOME_STATES.
 */
function neutraliseField(state: OutcomeState): InputField {
  const key = `neutralise.${state}`;
  return {
    key,
    da: `Neutraliseret (1 = ja, 0 = nej): ${STATE_LABELS[state].da}`,
    en: `Neutralised (1 = yes, 0 = no): ${STATE_LABELS[state].en}`,
    unit: "factor",
    aliases: [`neutraliser.${state}`],
    get: (s) => (s.neutraliseStates.includes(state) ? 1 : 0),
    set: (s, value) => {
      if (value !== 0 && value !== 1) {
        return fail(
          "InvalidInput",
          key,
          "flag",
          `${key} must be 1 (neutralised: the difference in ${state} is not counted as an effect) or 0 (counted), got ${JSON.stringify(value)}.`,
        );
      }
      const chosen = new Set(s.neutraliseStates.filter((item) => item !== state));
      if (value === 1) chosen.add(state);
      return ok({ ...s, neutraliseStates: OUTCOME_STATES.filter((item) => chosen.has(item)) });
    },
  };
}

/** `attributionReference`: the state id (e.g. "TEMP") the attribution table measures the other states against. */
function attributionReferenceField(): InputField {
  const key = "attributionReference";
  return {
    key,
    da: "Referencetilstand for fordelingen af besparelsen",
    en: "Reference state of the attribution",
    unit: "text",
    aliases: ["referencetilstand"],
    get: (s) => s.attributionReference,
    set: (s, value) => {
      const id = typeof value === "string" ? value.trim().toUpperCase() : "";
      return isOutcomeState(id)
        ? ok({ ...s, attributionReference: id })
        : fail(
            "InvalidInput",
            key,
            "oneOf",
            `${key} must be one of the state ids ${OUTCOME_STATES.join(", ")}, got ${JSON.stringify(value)}.`,
          );
    },
  };
}

/** Every scalar input of a scenario, in a stable order (the order of input cells in the workbook). */
export const INPUT_FIELDS: readonly InputField[] = buildCatalogue();

/** Refusion steps are keyed `refusion.week<fromWeek>`, e.g. `refusion.week53`. */
const REFUSION_KEY = /^refusion\.?week(\d+)$/;

function normaliseKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_KEY: ReadonlyMap<string, InputField> = new Map(
  INPUT_FIELDS.flatMap((field) => [field.key, ...field.aliases].map((key) => [normaliseKey(key), field] as const)),
);

/** Finds an input field by key or alias (case and punctuation ignored). */
export function findInputField(key: string): InputField | undefined {
  return FIELD_BY_KEY.get(normaliseKey(key));
}

/**
 * Applies name/value pairs to a scenario, e.g. [["horizonMonths", 36], ["participantShare.JOB", 0.2]]. Refusion steps
 * are set with `refusion.week<N>` where N is the first week of an existing step. Unknown keys and bad values are all
 * reported; nothing is applied partially.
 */
export function applyInputs(
  scenario: Scenario,
  pairs: readonly (readonly [string, number | string])[],
): Result<Scenario> {
  const issues: Issue[] = [];
  let current = scenario;
  for (const [key, value] of pairs) {
    const refusion = REFUSION_KEY.exec(key.trim().toLowerCase().replace(/\s/g, ""));
    if (refusion !== null) {
      const fromWeek = Number(refusion[1]);
      const updated = setRefusionStep(current, fromWeek, value, key);
      if (updated.ok) current = updated.value;
      else issues.push(...updated.issues);
      continue;
    }
    const field = findInputField(key);
    if (field === undefined) {
      issues.push(issue("InvalidInput", key, "known", `Unknown input "${key}". Known inputs: ${knownKeysHint()}.`));
      continue;
    }
    const updated = field.set(current, value);
    if (updated.ok) current = updated.value;
    else issues.push(...updated.issues);
  }
  return issues.length > 0 ? failMany(issues) : ok(current);
}

function setRefusionStep(scenario: Scenario, fromWeek: number, value: number | string, key: string): Result<Scenario> {
  const index = scenario.refusionSteps.findIndex((step) => step.fromWeek === fromWeek);
  if (index < 0) {
    const weeks = scenario.refusionSteps.map((step) => `refusion.week${step.fromWeek}`).join(", ");
    return fail("InvalidInput", key, "known", `No refusion step starts at week ${fromWeek}; use one of ${weeks}.`);
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return fail("InvalidInput", key, "number", `${key} must be a share from 0 to 1, got ${JSON.stringify(value)}.`);
  }
  const refusionSteps = scenario.refusionSteps.map((step, i) => (i === index ? { ...step, share: value } : step));
  return ok({ ...scenario, refusionSteps });
}

function knownKeysHint(): string {
  const shown = INPUT_FIELDS.slice(0, 12).map((field) => field.key);
  return `${shown.join(", ")}, participantShare.<STATE>, comparisonShare.<STATE>, wage.<STATE>, benefit.<STATE>, neutralise.<STATE>, attributionReference, refusion.week<N> (STATE one of ${OUTCOME_STATES.join(", ")})`;
}
