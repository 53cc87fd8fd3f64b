import type { StateEconomics, TaxParameters } from "./scenario";

/** Monthly taxes (kr/month) paid by one person in one state. */
export interface MonthlyTaxes {
  /** AM-bidrag (state revenue). */
  readonly labourMarketContribution: number;
  /** Kommuneskat (municipal revenue before equalisation). */
  readonly municipalTax: number;
  /** Bundskat (state revenue). */
  readonly bottomTax: number;
}

/**
 * Taxes of a person with a monthly wage and a monthly (taxable) benefit, computed on annualised amounts and divided by
 * 12 (DOMAIN.md b3):
 * AM = a·Y_W; PI = Y_W − AM + Y_B; BF = min(β·Y_W, BF_max); JF = min(j·max(0, Y_W − JF_floor), JF_max);
 * SI = PI − BF − JF; kommuneskat = t_k·max(0, SI − PF); bundskat = t_b·max(0, PI − PF). AM is not levied on benefits.
 *
 * @example monthlyTaxes({ wage: 24000, benefit: 0, ... }, tax2023).municipalTax // ≈ 3,828 kr/month (DOMAIN.md d)
 */
export function monthlyTaxes(economics: StateEconomics, tax: TaxParameters): MonthlyTaxes {
  const annualWage = 12 * economics.wage;
  const annualBenefit = 12 * economics.benefit;
  const labourMarketContribution = tax.labourMarketContributionRate * annualWage;
  const personalIncome = annualWage - labourMarketContribution + annualBenefit;
  const employmentAllowance = Math.min(tax.employmentAllowanceRate * annualWage, tax.employmentAllowanceMax);
  const jobAllowance = Math.min(
    tax.jobAllowanceRate * Math.max(0, annualWage - tax.jobAllowanceFloor),
    tax.jobAllowanceMax,
  );
  const taxableIncome = personalIncome - employmentAllowance - jobAllowance;
  const municipalTax = tax.municipalTaxRate * Math.max(0, taxableIncome - tax.personalAllowance);
  const bottomTax = tax.bottomTaxRate * Math.max(0, personalIncome - tax.personalAllowance);
  return {
    labourMarketContribution: labourMarketContribution / 12,
    municipalTax: municipalTax / 12,
    bottomTax: bottomTax / 12,
  };
}
