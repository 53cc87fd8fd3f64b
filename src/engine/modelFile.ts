import { failMany, ok, issue, type Issue, type Result } from "./errors";
import { investorTermsFromPairs } from "./investor/terms";
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
 * terms and the default investor terms. Every problem is reported with its section and name.
 */
export function parseModelFile(json: unknown): Result<Model> {
  const parsed = parseScenarioFile(json, ["payment", "investor", "views"]);
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
  });
}
