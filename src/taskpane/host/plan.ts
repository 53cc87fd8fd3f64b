import type { Result } from "../../engine/errors";
import { investorTerms, type InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { buildPlan } from "../../plan/buildPlan";
import type { WorkbookPlan } from "../../plan/types";
import type { Language } from "../about";

/** A validated case the wizard writes: the scenario, the payment terms and the investor's terms. */
export interface CaseToWrite {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
  /** Cohort months to write the workbook for (at least the horizon; default the horizon: no spare rows). */
  readonly capacityMonths?: number;
}

/**
 * The workbook plan of a case in a language: business case, Payment and Investor sheets (the plan layer decides
 * what the workbook holds; the taskpane only passes the validated terms on). `inExcel` adds the Check sheet, whose
 * cells call the add-in's SIB.* functions: only where the add-in is loaded, never in a downloaded workbook.
 */
export function casePlan(model: CaseToWrite, language: Language, inExcel: boolean): Result<WorkbookPlan> {
  const investor = investorTerms(model.investor);
  if (!investor.ok) return investor;
  return {
    ok: true,
    value: buildPlan(model.scenario, language, {
      paymentTerms: model.terms,
      investorTerms: investor.value,
      checks: inExcel,
      ...(model.capacityMonths === undefined ? {} : { capacityMonths: model.capacityMonths }),
    }),
  };
}
