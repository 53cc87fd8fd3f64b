import { failMany, ok, issue, type Issue, type Result } from "./errors";
import { investorTermsFromPairs } from "./investor/terms";
import { reinvestmentIssues } from "./investor/surplus";
import { MAX_METRICS, MAX_TERMS, MAX_VIEWS } from "./limits";
import type { InvestorTerms } from "./investor/terms";
import { applyPaymentTermInputs } from "./payment/termInputs";
import { PILOT_PAYMENT_TERMS, validateTermsForScenario, type PaymentTerms } from "./payment/terms";
import { pilotScenario } from "./pilot";
import type { Scenario } from "./scenario";
import { parseScenarioFile } from "./scenarioFile";
import { parseViews, type ScenarioView } from "./views";

/** A whole model: the business-case scenario, the payment terms and the investor terms. */
export interface Model {
  readonly scenario: Scenario;
  readonly paymentTerms: PaymentTerms;
  readonly investorTerms: InvestorTerms;
  readonly description: string | null;
  /** The views the file defines (docs/scenario.md "Views"), besides the built-in ones; [] for the pilot. */
  readonly views: readonly ScenarioView[];
  /**
   * How the wizard showed the case (the file's `wizard` section, docs/scenario.md "The wizard's view"): the effect
   * mode, "simple" (one effect in percentage points) or "detailed" (eight outcome shares). It changes no number: the
   * command line reads and ignores it. Absent when the file has no `wizard` section.
   */
  readonly wizard?: WizardView;
}

/** The wizard's view of a case as a file keeps it (the `wizard` section of a model file). */
export interface WizardView {
  /** "simple": the effect in percentage points; "detailed": the eight outcome shares; null when not given. */
  readonly effectMode: "simple" | "detailed" | null;
}

/** The effect modes a `wizard` section may name. */
const EFFECT_MODES: readonly string[] = ["simple", "detailed"];

/**
 * Reads a model file's `wizard` section: an object with at most the field `effectMode` ("simple" or "detailed").
 * @example wizardView({ effectMode: "simple" }, issues) // { effectMode: "simple" }
 */
function wizardView(json: unknown, issues: Issue[]): WizardView | undefined {
  if (json === undefined) return undefined;
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    issues.push(issue("InvalidInput", "wizard", "object", 'wizard must be an object, e.g. {"effectMode": "simple"}.'));
    return undefined;
  }
  let effectMode: WizardView["effectMode"] = null;
  for (const [key, value] of Object.entries(json)) {
    if (key !== "effectMode") {
      issues.push(
        issue("InvalidInput", `wizard.${key}`, "known", `wizard.${key} is not a known field (only effectMode).`),
      );
    } else if (typeof value === "string" && EFFECT_MODES.includes(value)) {
      effectMode = value === "simple" ? "simple" : "detailed";
    } else if (value !== null) {
      issues.push(
        issue("InvalidInput", "wizard.effectMode", "oneOf", 'wizard.effectMode must be "simple" or "detailed".'),
      );
    }
  }
  return { effectMode };
}

/** The built-in pilot model: the pilot scenario, illustrative pilot payment terms and default investor terms. */
export function pilotModel(): Result<Model> {
  const scenario = pilotScenario();
  if (!scenario.ok) return scenario;
  const investorTerms = investorTermsFromPairs([]);
  if (!investorTerms.ok) return investorTerms;
  return ok({
    scenario: scenario.value,
    paymentTerms: PILOT_PAYMENT_TERMS,
    investorTerms: investorTerms.value,
    description: null,
    views: [],
  });
}

/**
 * Parses a model file (docs/scenario.md): the scenario fields, plus optional `payment` and `investor` sections, each
 * an object of term names and values, and an optional `views` list (src/engine/views.ts) as in the functions' terms ranges (docs/payment.md, docs/investor.md), e.g.
 * `"payment": { "price.selfSupporting": 150000, "baseline": "comparison" }`. Terms start from the pilot's payment
 * terms and the default investor terms. An optional `wizard` section keeps how the wizard showed the case
 * (`{"effectMode": "simple"}`); it changes no number. Every problem is reported with its section and name.
 */
export function parseModelFile(json: unknown): Result<Model> {
  const parsed = parseScenarioFile(json, ["payment", "investor", "views", "wizard"]);
  if (!parsed.ok) return parsed;
  const issues: Issue[] = [];
  const pairsOf = (section: string): [string, number | string][] => {
    const value = parsed.value.extra[section];
    if (value === undefined) return [];
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push(issue("InvalidInput", section, "object", `${section} must be an object of term names and values.`));
      return [];
    }
    const entries = Object.entries(value);
    if (entries.length > MAX_TERMS) {
      issues.push(
        issue(
          "InvalidInput",
          section,
          "maxProperties",
          `${section} must hold at most ${MAX_TERMS} terms, got ${entries.length}.`,
        ),
      );
      return [];
    }
    const pairs: [string, number | string][] = [];
    for (const [name, term] of entries) {
      if (typeof term === "number" || typeof term === "string") pairs.push([name, term]);
      else if (typeof term === "boolean") pairs.push([name, term ? 1 : 0]);
      else if (term === null) pairs.push([name, "none"]);
      else
        issues.push(
          issue("InvalidInput", `${section}.${name}`, "type", `${section}.${name} must be a number or a text.`),
        );
    }
    return pairs;
  };
  const paymentPairs = pairsOf("payment");
  const investorPairs = pairsOf("investor");
  const wizard = wizardView(parsed.value.extra["wizard"], issues);
  if (issues.length > 0) return failMany(issues);
  const paymentTerms = applyPaymentTermInputs(PILOT_PAYMENT_TERMS, paymentPairs);
  const investorTerms = investorTermsFromPairs(investorPairs);
  const prefixed = (section: string, failure: { issues: readonly Issue[] }): Issue[] =>
    failure.issues.map((item) => ({
      ...item,
      field: `${section}.${item.field}`,
      message: `${section}: ${item.message}`,
    }));
  if (!paymentTerms.ok) issues.push(...prefixed("payment", paymentTerms));
  if (!investorTerms.ok) issues.push(...prefixed("investor", investorTerms));
  if (paymentTerms.ok && paymentTerms.value.rateCard.length > MAX_METRICS) {
    issues.push(
      issue(
        "InvalidInput",
        "payment",
        "maxItems",
        `payment: the rate card may pay on at most ${MAX_METRICS} metrics, got ${paymentTerms.value.rateCard.length}.`,
      ),
    );
  }
  if (paymentTerms.ok) {
    const scenario = parsed.value.scenario;
    const horizon = validateTermsForScenario(
      paymentTerms.value,
      scenario.measurementMonth,
      scenario.horizonMonths,
      scenario.cohorts,
    );
    issues.push(...prefixed("payment", { issues: horizon }));
  }
  // Reinvesting surplus needs a next cohort's cost to fund (issue 11 bad input).
  if (investorTerms.ok) {
    const costPerParticipant = parsed.value.scenario.costPerParticipant;
    issues.push(...prefixed("investor", { issues: reinvestmentIssues(investorTerms.value, costPerParticipant) }));
  }
  const viewsJson = parsed.value.extra["views"];
  const tooManyViews = Array.isArray(viewsJson) && viewsJson.length > MAX_VIEWS;
  if (tooManyViews) {
    issues.push(
      issue(
        "InvalidInput",
        "views",
        "maxItems",
        `views must list at most ${MAX_VIEWS} views, got ${viewsJson.length}.`,
      ),
    );
  }
  const views = viewsJson === undefined || tooManyViews ? ok([]) : parseViews(viewsJson, parsed.value.scenario);
  if (!views.ok) issues.push(...views.issues);
  if (!paymentTerms.ok || !investorTerms.ok || !views.ok || issues.length > 0) return failMany(issues);
  return ok({
    scenario: parsed.value.scenario,
    paymentTerms: paymentTerms.value,
    investorTerms: investorTerms.value,
    description: parsed.value.description,
    views: views.value,
    ...(wizard === undefined ? {} : { wizard }),
  });
}
