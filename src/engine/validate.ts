import { issue, type Issue } from "./errors";
import { budgetFieldIssues } from "./budget";
import { consequenceIssues } from "./consequences/validate";
import { MAX_COHORTS, MAX_PEOPLE } from "./limits";
import { municipalityIssues } from "./municipalities";
import { MAX_HORIZON_MONTHS, RULES, SHARE_SUM_TOLERANCE, type NumericRule } from "./rules";
import type { Scenario, StateEconomics, TaxParameters } from "./scenario";
import { neutralisedParticipantShares } from "./neutralise";
import { isOutcomeState, OUTCOME_STATES, type PerState } from "./states";

export { MAX_HORIZON_MONTHS, SHARE_SUM_TOLERANCE };

/** Describes a value for a message: numbers as written, other things by JSON. */
function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

type Check = (issues: Issue[], field: string, value: unknown) => void;

function finite(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A number in [min, max] (inclusive unless `exclusiveMin`). */
export function numberIn(min: number, max: number, what: string, exclusiveMin = false): Check {
  return (issues, field, value) => {
    const low = exclusiveMin ? finite(value) && value > min : finite(value) && value >= min;
    if (!low || !finite(value) || value > max) {
      issues.push(issue("InvalidInput", field, "range", `${field} must be ${what}, got ${shown(value)}.`));
    }
  };
}

/** A whole number in [min, max]. */
export function integerIn(min: number, max: number, what: string): Check {
  return (issues, field, value) => {
    if (!finite(value) || !Number.isInteger(value) || value < min || value > max) {
      issues.push(issue("InvalidInput", field, "integer", `${field} must be ${what}, got ${shown(value)}.`));
    }
  };
}

/** The check of a rule from src/engine/rules.ts (the single source the workbook's checks are written from). */
export function ruleCheck(rule: NumericRule, horizon = MAX_HORIZON_MONTHS): Check {
  const max = rule.max === "horizon" ? horizon : rule.max;
  const what = rule.max === "horizon" ? `${rule.what} (${horizon})` : rule.what;
  return rule.integer ? integerIn(rule.min, max, what) : numberIn(rule.min, max, what, rule.exclusiveMin === true);
}

const share = ruleCheck(RULES.share);
const amount = ruleCheck(RULES.amount);
const rate = ruleCheck(RULES.rate);
const factor = ruleCheck(RULES.factor);

/**
 * Checks every rule of a scenario and returns all broken ones (empty = valid). Each issue names the field (dotted
 * path) and the rule, so a user can find the bad value.
 */
export function validateScenario(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  integerIn(1900, 2100, "a year such as 2023")(issues, "parameterYear", scenario.parameterYear);
  issues.push(...budgetFieldIssues(scenario)); // start date and price index of the budget view (issue 10)
  validateCohorts(issues, scenario);
  issues.push(...municipalityIssues(scenario)); // several municipalities (issue 10, src/engine/municipalities.ts)
  for (const [field, value] of [
    ["measuredParticipants", scenario.measuredParticipants],
    ["comparisonGroupSize", scenario.comparisonGroupSize],
  ] as const) {
    if (value !== null)
      integerIn(1, MAX_PEOPLE, "a whole number of people from 1 to 10,000,000, or empty")(issues, field, value);
  }
  validateMeasured(issues, scenario);
  validateShares(issues, "participantShares", scenario.participantShares);
  validateShares(issues, "comparisonShares", scenario.comparisonShares);
  ruleCheck(RULES.horizon)(issues, "horizonMonths", scenario.horizonMonths);
  const horizonValid =
    finite(scenario.horizonMonths) && Number.isInteger(scenario.horizonMonths) && scenario.horizonMonths >= 1;
  const horizon = horizonValid ? Math.min(scenario.horizonMonths, MAX_HORIZON_MONTHS) : MAX_HORIZON_MONTHS;
  ruleCheck(RULES.monthWithinHorizon, horizon)(issues, "interventionMonths", scenario.interventionMonths);
  ruleCheck(RULES.monthWithinHorizon, horizon)(issues, "measurementMonth", scenario.measurementMonth);
  ruleCheck(RULES.persistence)(issues, "persistence", scenario.persistence);
  amount(issues, "costPerParticipant", scenario.costPerParticipant);
  if (scenario.costTiming !== "spread" && scenario.costTiming !== "upfront") {
    issues.push(
      issue(
        "InvalidInput",
        "costTiming",
        "oneOf",
        `costTiming must be "spread" or "upfront", got ${shown(scenario.costTiming)}.`,
      ),
    );
  }
  for (const state of OUTCOME_STATES) validateStateEconomics(issues, `states.${state}`, scenario.states[state]);
  validateRefusion(issues, scenario);
  ruleCheck(RULES.weeks)(issues, "weeksOnBenefitAtIntake", scenario.weeksOnBenefitAtIntake);
  validateTax(issues, scenario.tax);
  share(issues, "equalisationShare", scenario.equalisationShare);
  ruleCheck(RULES.discountRate)(issues, "discountRate", scenario.discountRate);
  factor(issues, "socioEconomic.netTaxFactor", scenario.socioEconomic.netTaxFactor);
  factor(issues, "socioEconomic.distortionFactor", scenario.socioEconomic.distortionFactor);
  factor(issues, "socioEconomic.employerCostFactor", scenario.socioEconomic.employerCostFactor);
  validateNeutralisation(issues, scenario);
  issues.push(...consequenceIssues(scenario)); // the broad case (issue 15, src/engine/consequences/validate.ts)
  validateHealthOverlap(issues, scenario);
  return issues;
}

/**
 * `neutraliseStates`: a list of known state ids, each at most once, that can be applied to the shares;
 * `attributionReference`: one state id.
 */
function validateNeutralisation(issues: Issue[], scenario: Scenario): void {
  const known = OUTCOME_STATES.join(", ");
  const reference: unknown = scenario.attributionReference;
  if (typeof reference !== "string" || !isOutcomeState(reference)) {
    issues.push(
      issue(
        "InvalidInput",
        "attributionReference",
        "oneOf",
        `attributionReference must be one of the state ids ${known}, got ${shown(reference)}.`,
      ),
    );
  }
  const states: unknown = scenario.neutraliseStates;
  if (!Array.isArray(states)) {
    issues.push(
      issue(
        "InvalidInput",
        "neutraliseStates",
        "list",
        `neutraliseStates must be a list of state ids (e.g. ["ABROAD", "PERM"]), got ${shown(states)}.`,
      ),
    );
    return;
  }
  const seen = new Set<string>();
  let listValid = true;
  states.forEach((state: unknown, index) => {
    const field = `neutraliseStates[${index}]`;
    if (typeof state !== "string" || !isOutcomeState(state)) {
      listValid = false;
      issues.push(
        issue("InvalidInput", field, "oneOf", `${field} must be one of the state ids ${known}, got ${shown(state)}.`),
      );
    } else if (seen.has(state)) {
      listValid = false;
      issues.push(
        issue("InvalidInput", field, "unique", `${field}: ${state} is listed twice in neutraliseStates; list it once.`),
      );
    } else seen.add(state);
  });
  const sharesValid = !issues.some(
    (item) => item.field.startsWith("participantShares") || item.field.startsWith("comparisonShares"),
  );
  if (!listValid || !sharesValid) return;
  const applied = neutralisedParticipantShares(
    scenario.participantShares,
    scenario.comparisonShares,
    scenario.neutraliseStates,
  );
  if (!applied.ok) issues.push(...applied.issues);
}

/**
 * Review F9: the measured participants are some of the participants. More measured than took part would narrow the
 * effect's confidence interval (5.6–16.7 pp instead of −0.2–22.5 pp for 1,000 of 56); checked only when the cohorts
 * and the count are valid themselves (their own rules report them otherwise).
 */
function validateMeasured(issues: Issue[], scenario: Scenario): void {
  const measured = scenario.measuredParticipants;
  if (measured === null || !finite(measured) || !Number.isInteger(measured) || measured < 1) return;
  if (!Array.isArray(scenario.cohorts) || scenario.cohorts.length === 0 || scenario.cohorts.length > MAX_COHORTS)
    return;
  let total = 0;
  for (const cohort of scenario.cohorts) {
    if (!finite(cohort.participants) || !Number.isInteger(cohort.participants) || cohort.participants < 1) return;
    total += cohort.participants;
  }
  if (measured > total) {
    issues.push(
      issue(
        "InvalidInput",
        "measuredParticipants",
        "atMostParticipants",
        `measuredParticipants must be at most the participants (${total}), or empty for all of them, got ${measured}.`,
      ),
    );
  }
}

function validateCohorts(issues: Issue[], scenario: Scenario): void {
  if (!Array.isArray(scenario.cohorts) || scenario.cohorts.length === 0) {
    issues.push(issue("InvalidInput", "cohorts", "required", "cohorts must list at least one cohort."));
    return;
  }
  if (scenario.cohorts.length > MAX_COHORTS) {
    issues.push(
      issue(
        "InvalidInput",
        "cohorts",
        "maxItems",
        `cohorts must list at most ${MAX_COHORTS} cohorts (a monthly intake for ten years), got ${scenario.cohorts.length}.`,
      ),
    );
    return;
  }
  scenario.cohorts.forEach((cohort, index) => {
    ruleCheck(RULES.people)(issues, `cohorts[${index}].participants`, cohort.participants);
    ruleCheck(RULES.intakeMonth)(issues, `cohorts[${index}].intakeMonth`, cohort.intakeMonth);
  });
}

function validateShares(issues: Issue[], field: string, shares: PerState<number>): void {
  let total = 0;
  let allFinite = true;
  for (const state of OUTCOME_STATES) {
    const value = shares[state];
    share(issues, `${field}.${state}`, value);
    if (finite(value)) total += value;
    else allFinite = false;
  }
  if (allFinite && Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "sum",
        `${field} must sum to 1 (100 %) within ${SHARE_SUM_TOLERANCE}, got ${total.toPrecision(8)}.`,
      ),
    );
  }
}

function validateStateEconomics(issues: Issue[], field: string, economics: StateEconomics): void {
  amount(issues, `${field}.wage`, economics.wage);
  amount(issues, `${field}.benefit`, economics.benefit);
  amount(issues, `${field}.healthCost`, economics.healthCost);
  if (economics.benefitPayer !== "municipality" && economics.benefitPayer !== "state") {
    issues.push(
      issue(
        "InvalidInput",
        `${field}.benefitPayer`,
        "oneOf",
        `${field}.benefitPayer must be "municipality" or "state", got ${shown(economics.benefitPayer)}.`,
      ),
    );
  }
}

function validateRefusion(issues: Issue[], scenario: Scenario): void {
  const steps = scenario.refusionSteps;
  if (!Array.isArray(steps) || steps.length === 0) {
    issues.push(issue("InvalidInput", "refusionSteps", "required", "refusionSteps must have at least one step."));
    return;
  }
  steps.forEach((step, index) => {
    share(issues, `refusionSteps[${index}].share`, step.share);
    ruleCheck(RULES.refusionWeek)(issues, `refusionSteps[${index}].fromWeek`, step.fromWeek);
    const previous = steps[index - 1];
    if (previous !== undefined && !(step.fromWeek > previous.fromWeek)) {
      issues.push(
        issue(
          "InvalidInput",
          `refusionSteps[${index}].fromWeek`,
          "increasing",
          `refusionSteps[${index}].fromWeek must come after week ${previous.fromWeek} (steps sorted by week), got ${step.fromWeek}.`,
        ),
      );
    }
  });
  if (steps[0]?.fromWeek !== 1) {
    issues.push(
      issue(
        "InvalidInput",
        "refusionSteps[0].fromWeek",
        "start",
        `refusionSteps[0].fromWeek must be 1 (the staircase starts at week 1), got ${shown(steps[0]?.fromWeek)}.`,
      ),
    );
  }
}

function validateTax(issues: Issue[], tax: TaxParameters): void {
  rate(issues, "tax.labourMarketContributionRate", tax.labourMarketContributionRate);
  rate(issues, "tax.municipalTaxRate", tax.municipalTaxRate);
  rate(issues, "tax.bottomTaxRate", tax.bottomTaxRate);
  rate(issues, "tax.employmentAllowanceRate", tax.employmentAllowanceRate);
  rate(issues, "tax.jobAllowanceRate", tax.jobAllowanceRate);
  amount(issues, "tax.personalAllowance", tax.personalAllowance);
  amount(issues, "tax.employmentAllowanceMax", tax.employmentAllowanceMax);
  amount(issues, "tax.jobAllowanceFloor", tax.jobAllowanceFloor);
  amount(issues, "tax.jobAllowanceMax", tax.jobAllowanceMax);
}

/**
 * Double counting (issue 15): the states' own regional health cost and a consequence row in the health area both
 * count health care; a scenario holds one or the other (docs/broad-case.md).
 */
function validateHealthOverlap(issues: Issue[], scenario: Scenario): void {
  const rows = Array.isArray(scenario.consequences) ? scenario.consequences : [];
  const health = rows.findIndex((row) => row.area === "health");
  const costly = OUTCOME_STATES.find((state) => scenario.states[state].healthCost !== 0);
  if (health < 0 || costly === undefined) return;
  const field = `consequences[${health}].area`;
  issues.push(
    issue(
      "InvalidInput",
      field,
      "noDoubleCounting",
      `${field}: a health consequence row and states.${costly}.healthCost both count health care; keep one (set every states.*.healthCost to 0 or remove the health rows) (rule noDoubleCounting).`,
    ),
  );
}
