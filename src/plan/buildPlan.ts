import { computeBusinessCase } from "../engine/businessCase";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "../engine/investor/terms";
import { computePaymentSchedule } from "../engine/payment/schedule";
import type { PaymentTerms } from "../engine/payment/terms";
import type { Scenario } from "../engine/scenario";
import { budgetPayments, budgetSheet } from "./budgetSheet";
import { calculationSheet } from "./calculationSheet";
import { checkSheet } from "./checkSheet";
import { inputsSheet } from "./inputsSheet";
import { investorSheet } from "./investorSheet";
import { paymentSheet } from "./paymentSheet";
import { resultsSheet } from "./resultsSheet";
import { sensitivitySheet } from "./sensitivitySheet";
import { sourcesSheet } from "./sourcesSheet";
import type { Language, WorkbookPlan } from "./types";

/** What else the model shows besides the business case. */
export interface PlanOptions {
  /** Validated payment terms for the Payment sheet; omitted = no Payment and Investor sheets. */
  readonly paymentTerms?: PaymentTerms;
  /** Validated investor terms for the Investor sheet (with payment terms); default DEFAULT_INVESTOR_TERMS. */
  readonly investorTerms?: InvestorTerms;
  /**
   * Add the Check sheet, whose cells call SIB.* functions: only where the add-in is loaded (the Excel writer in the
   * taskpane), never in the .xlsx export.
   */
  readonly checks?: boolean;
  /**
   * Cohort months the model is written for (its capacity), at least the scenario's horizon (the default): spare rows
   * stay inactive until the horizon is raised in the workbook. Above the capacity the results show a message.
   */
  readonly capacityMonths?: number;
  /**
   * The date shown next to the Sensitivity sheet's values computed by the add-in (tornado rows that are not linear,
   * the Monte Carlo table), YYYY-MM-DD; default today (UTC).
   */
  readonly computedOn?: string;
  /**
   * Run the engine for the Sensitivity sheet's values computed by the add-in (the tornado table and chart, the Monte
   * Carlo table; about 0.1 s for the pilot) when there are payment terms: default true, as every writer of the product
   * uses it. false leaves the two blocks out (the sheet as without terms), for tests that do not read them.
   * @example buildPlan(pilot, "da", { paymentTerms, addInValues: false }).charts // no tornado chart
   */
  readonly addInValues?: boolean;
}

/**
 * The whole model of a validated scenario as a workbook plan: Inputs, Calculation, Results, (Payment,) Sources
 * sheets with native formulas over named inputs. The plan is pure data; src/excel and src/export write it. The engine
 * is used only to size the structure (e.g. the number of payment months), never to fill in a result.
 * @example buildPlan(pilot, "da").sheets.map((s) => s.name) // ["Input", "Beregning", "Resultater", "Kilder"]
 */
export function buildPlan(scenario: Scenario, language: Language, options: PlanOptions = {}): WorkbookPlan {
  const inputs = inputsSheet(scenario, language);
  const calculation = calculationSheet(scenario, language, inputs.layout, options.capacityMonths);
  const check = options.checks === true ? checkSheet(scenario, language, inputs.layout) : null;
  const terms = options.paymentTerms;
  const payment =
    terms === undefined
      ? null
      : paymentSheet(
          scenario,
          terms,
          computePaymentSchedule(scenario, computeBusinessCase(scenario), terms),
          language,
          inputs.layout,
          calculation.layout,
        );
  const budget = budgetSheet(scenario, language, calculation.layout, budgetPayments(payment?.layout, terms));
  const investor =
    payment === null
      ? null
      : investorSheet(options.investorTerms ?? DEFAULT_INVESTOR_TERMS, language, calculation.layout, payment.layout);
  const sensitivity = sensitivitySheet(language, {
    ...(options.capacityMonths === undefined ? {} : { capacityMonths: options.capacityMonths }),
    ...(terms === undefined || payment === null || options.addInValues === false
      ? {}
      : {
          deal: {
            scenario,
            paymentTerms: terms,
            investorTerms: options.investorTerms ?? DEFAULT_INVESTOR_TERMS,
            metricRanges: payment.layout.metricRanges,
            discountRange: payment.layout.discountRange,
            computedOn: options.computedOn ?? new Date().toISOString().slice(0, 10),
          },
        }),
  });
  const results = resultsSheet(
    language,
    { calculation: calculation.layout, parameterYear: scenario.parameterYear, withPayments: payment !== null },
    [...inputs.checks, ...calculation.checks, ...(payment?.checks ?? []), ...(investor?.checks ?? [])],
  );
  return {
    language,
    sheets: [
      inputs.plan,
      ...calculation.consequencesPlan, // the Consequences sheet (issue 15) when the scenario has consequence rows
      calculation.plan,
      results.plan,
      budget.plan,
      ...(payment === null ? [] : [payment.plan]),
      ...(investor === null ? [] : [investor.plan]),
      sensitivity.plan,
      ...(check === null ? [] : [check.plan]),
      sourcesSheet(scenario.parameterYear, language),
    ],
    names: [
      ...inputs.names,
      ...calculation.names,
      ...results.names,
      ...budget.names,
      ...(payment?.names ?? []),
      ...(investor?.names ?? []),
      ...sensitivity.names,
      ...(check?.names ?? []),
    ],
    charts: [
      ...results.charts,
      ...calculation.charts,
      ...(payment?.charts ?? []),
      ...(investor?.charts ?? []),
      ...sensitivity.charts,
    ],
  };
}
