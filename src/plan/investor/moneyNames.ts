import type { BusinessCaseResult } from "../../engine/businessCase";
import { dealCostSchedule } from "../../engine/investor/dealCosts";
import { moneyFlowsCore, municipalityPositionAfterContract } from "../../engine/investor/moneyFlows";
import type { InvestorFlowsResult } from "../../engine/investor/waterfall";
import type { PaymentSchedule } from "../../engine/payment/schedule";
import { savingsByMonth } from "../../engine/payment/savingsShare";

/**
 * The engine's value of the Investor sheet's money outputs (src/plan/investor/metricsBlock.ts `moneyMetrics`): deal
 * costs, the surplus to the commissioner in total and the municipality's part, and the municipality's net present
 * value after the contract (src/engine/investor/moneyFlows.ts).
 * @example moneyNames(result, schedule, investor).SIB_InvToCommissioner // 1,575,265 kr in the review's cap-binds case
 */
export function moneyNames(
  result: BusinessCaseResult,
  schedule: PaymentSchedule,
  investor: InvestorFlowsResult,
): Record<string, number> {
  const flows = moneyFlowsCore(result.monthly.cost, schedule.byPayer, investor.terms);
  const position = municipalityPositionAfterContract(savingsByMonth(result, "narrow"), flows, [
    ...schedule.discountFactor,
  ]);
  const { toCommissioner } = flows.totals;
  const deal = dealCostSchedule(investor.terms, result.monthly.cost, schedule.months, schedule.discountFactor);
  return {
    SIB_InvDealCostsTotal: investor.dealCosts.reduce((total, cost) => total + cost, 0),
    SIB_InvToCommissioner: toCommissioner.municipality + toCommissioner.state,
    SIB_InvToCommissionerMunicipality: toCommissioner.municipality,
    SIB_MunicipalityNetPVAfterContract: position.discounted.net,
    SIB_InvDealCostsPV: deal.presentValue,
    SIB_SocioEconomicAfterDealCosts: result.npv.total.socioEconomic - deal.presentValue,
  };
}
