import { computeBusinessCase, type BusinessCaseResult } from "../../engine/businessCase";
import { dealCostSchedule } from "../../engine/investor/dealCosts";
import { moneyFlowsCore, municipalityPositionAfterContract } from "../../engine/investor/moneyFlows";
import type { InvestorFlowsResult } from "../../engine/investor/waterfall";
import { contractSurplusFlows } from "../../engine/investor/surplus";
import { zeroEffectScenario } from "../../engine/payment/deadweight";
import { zeroEffectProgression } from "../../engine/payment/progression";
import { zeroScheduleAtContractLength } from "../../engine/selfFunded";
import { computePaymentSchedule, type PaymentSchedule } from "../../engine/payment/schedule";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { savingsByMonth } from "../../engine/payment/savingsShare";

/**
 * The engine's value of the Investor sheet's money outputs (src/plan/investor/metricsBlock.ts `moneyMetrics`): deal
 * costs, the surplus to the commissioner in total and the municipality's part, and the municipality's net present
 * value after the contract (src/engine/investor/moneyFlows.ts); with the scenario and payment terms also the savings
 * surplus totals (surplus.ts contractSurplusFlows) and the municipality's part of a top-up at zero effect (PV).
 * @example moneyNames(result, schedule, investor).SIB_InvToCommissioner // 1,575,265 kr in the review's cap-binds case
 */
export function moneyNames(
  result: BusinessCaseResult,
  schedule: PaymentSchedule,
  investor: InvestorFlowsResult,
  contract: { readonly scenario: Scenario; readonly paymentTerms: PaymentTerms } | null = null,
): Record<string, number> {
  const flows = moneyFlowsCore(result.monthly.cost, schedule.byPayer, investor.terms);
  const position = municipalityPositionAfterContract(savingsByMonth(result, "narrow"), flows, [
    ...schedule.discountFactor,
  ]);
  const { toCommissioner } = flows.totals;
  const deal = dealCostSchedule(investor.terms, result.monthly.cost, schedule.months, schedule.discountFactor);
  return {
    ...(contract === null ? {} : surplusNames(contract.scenario, contract.paymentTerms, result, schedule, investor)),
    SIB_InvDealCostsTotal: investor.dealCosts.reduce((total, cost) => total + cost, 0),
    SIB_InvToCommissioner: toCommissioner.municipality + toCommissioner.state,
    SIB_InvToCommissionerMunicipality: toCommissioner.municipality,
    SIB_MunicipalityNetPVAfterContract: position.discounted.net,
    SIB_InvDealCostsPV: deal.presentValue,
    SIB_SocioEconomicAfterDealCosts: result.npv.total.socioEconomic - deal.presentValue,
  };
}

/** The Investor sheet's savings-surplus totals and the top-up at zero effect (src/plan/investor/surplusColumns.ts). */
function surplusNames(
  scenario: Scenario,
  paymentTerms: PaymentTerms,
  result: BusinessCaseResult,
  schedule: PaymentSchedule,
  investor: InvestorFlowsResult,
): Record<string, number> {
  const flows = moneyFlowsCore(result.monthly.cost, schedule.byPayer, investor.terms);
  const surplus = contractSurplusFlows(scenario, result, schedule.discountFactor, flows, investor.terms.savingsSurplus);
  const zero = zeroEffectScenario(scenario);
  const zeroResult = computeBusinessCase(zero);
  // As compareFinancing (src/engine/selfFunded.ts): progression at the comparison share, the top-up at the contract's end.
  const zeroTerms = { ...paymentTerms, rateCard: zeroEffectProgression(paymentTerms.rateCard) };
  const zeroSchedule = zeroScheduleAtContractLength(computePaymentSchedule(zero, zeroResult, zeroTerms), schedule);
  const zeroFlows = moneyFlowsCore(zeroResult.monthly.cost, zeroSchedule.byPayer, investor.terms);
  const topUp = zeroFlows.topUp.commissioner.municipality;
  const totals = surplus.totals;
  return {
    SIB_InvSavingsSurplus: totals.surplus,
    SIB_InvSavingsSurplusKept: totals.kept,
    SIB_InvSavingsSurplusProvider: totals.provider,
    SIB_InvReinvestedFromSavings: totals.reinvestedFromSavings,
    SIB_InvReinvestedFromInvestor: totals.reinvestedFromInvestor,
    SIB_InvRecycledCohorts: surplus.cohorts.length,
    SIB_InvRecycledParticipants: totals.participants,
    SIB_InvRecycledCost: totals.cohortCost,
    SIB_InvFundUnspent: totals.unspent,
    SIB_InvTopUpAtZeroPV: topUp.reduce((pv, amount, t) => pv + amount * (zeroSchedule.discountFactor[t] ?? 0), 0),
  };
}
