import { ACCOUNTS, type BusinessCaseResult } from "../engine/businessCase";
import { compareFinancing } from "../engine/selfFunded";
import { municipalityAfterContract } from "../engine/investor/moneyFlows";
import { DEFAULT_INVESTOR_TERMS } from "../engine/investor/terms";
import { selfFundedNames } from "./payment/selfFundedBlock";
import { signChanges } from "../engine/investor/irr";
import type { InvestorFlowsResult } from "../engine/investor/waterfall";
import type { PaymentSchedule } from "../engine/payment/schedule";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { ACCOUNT_NAME } from "./labels";
import { effectiveParticipantShares } from "../engine/neutralise";
import { attributionName } from "./results/attributionBlock";
import { areaAttributionNames } from "./consequences/areaBlock";
import { municipalityNames } from "./results/municipalityBlock";
import { deadweightCore, savingsAfterLastPaymentCore } from "../engine/payment/deadweight";
import type { PaymentTerms } from "../engine/payment/terms";
import { deadweightNames } from "./payment/deadweightBlock";
import { moneyNames } from "./investor/moneyNames";

/**
 * The engine's value of every output defined name of the workbook (docs/workbook.md), so a workbook and the engine
 * can be compared name by name. A break-even month that is never reached is null (the workbook shows "ingen"/"none").
 * With the payment terms too, the Payment sheet's deadweight outputs (src/plan/payment/deadweightBlock.ts).
 * @example workbookNames(pilot, result).SIB_NPVPerParticipant_Municipality // 28,005.72…
 */
export function workbookNames(
  scenario: Scenario,
  result: BusinessCaseResult,
  schedule: PaymentSchedule | null = null,
  investor: InvestorFlowsResult | null = null,
  terms: PaymentTerms | null = null,
): Record<string, number | null> {
  const names: Record<string, number | null> = { SIB_TotalParticipants: result.participants };
  for (const account of ACCOUNTS) {
    const suffix = ACCOUNT_NAME[account];
    names[`SIB_NPV_${suffix}`] = result.npv.total[account];
    names[`SIB_NPVPerParticipant_${suffix}`] = result.npv.perParticipant[account];
    names[`SIB_Undiscounted_${suffix}`] = result.undiscounted.total[account];
    names[`SIB_UndiscountedPerParticipant_${suffix}`] = result.undiscounted.perParticipant[account];
    names[`SIB_BreakEven_${suffix}`] = result.breakEvenMonth[account];
  }
  const participantShares = effectiveParticipantShares(scenario);
  for (const state of OUTCOME_STATES) {
    names[`SIB_EffectPP_${state}`] = 100 * (participantShares[state] - scenario.comparisonShares[state]);
  }
  Object.assign(names, attributionNames(result));
  if ((scenario.consequences?.length ?? 0) > 0) Object.assign(names, areaAttributionNames(result)); // issue 15
  Object.assign(names, municipalityNames(scenario, schedule)); // several municipalities (issue 10): Results columns
  if (schedule !== null) Object.assign(names, paymentNames(schedule, result, investor));
  if (schedule !== null && terms !== null) {
    const deadweight = deadweightCore(scenario, schedule, terms);
    Object.assign(names, deadweightNames(deadweight, savingsAfterLastPaymentCore(result, schedule)));
  }
  if (schedule !== null && terms !== null) {
    // issue 10 item 4; the SIB side with what the municipality actually pays under the investor terms (issue 11),
    // at zero effect through the same waterfall (a return cap, the surplus rule, a top-up)
    const investorTerms = investor?.terms ?? DEFAULT_INVESTOR_TERMS;
    Object.assign(names, selfFundedNames(compareFinancing(scenario, result, schedule, terms, investorTerms)));
  }
  if (investor !== null) Object.assign(names, investorNames(investor));
  if (schedule !== null && investor !== null) {
    const contract = terms === null ? null : { scenario, paymentTerms: terms };
    Object.assign(names, moneyNames(result, schedule, investor, contract));
  }
  return names;
}

/**
 * The engine's value of every cell of the Results sheet's attribution tables (src/engine/attribution.ts): per account
 * the eight state rows, the cost and the total (= the account's NPV), in total and per participant.
 * @example attributionNames(result).SIB_AttributionPerParticipant_Municipality_ABROAD // ≈ 16,092 for the pilot
 */
export function attributionNames(result: BusinessCaseResult): Record<string, number> {
  const names: Record<string, number> = {};
  for (const account of ACCOUNTS) {
    for (const table of ["total", "perParticipant"] as const) {
      const rows = result.attribution[table][account];
      for (const state of OUTCOME_STATES) names[attributionName(table, account, state)] = rows[state];
      names[attributionName(table, account, "Cost")] = rows.cost;
      names[attributionName(table, account, "Total")] = result.npv[table][account];
    }
  }
  return names;
}

/**
 * The engine's value of every output name of the Payment sheet. The municipality's net is after the contract (what it
 * actually pays under the investor's terms: a surplus withheld or returned under a cap, a top-up it pays; the money
 * identity in src/engine/investor/moneyFlows.ts), the schedule's own position without investor flows.
 */
export function paymentNames(
  schedule: PaymentSchedule,
  result: BusinessCaseResult | null = null,
  investor: InvestorFlowsResult | null = null,
): Record<string, number> {
  const position =
    result === null || investor === null
      ? schedule.municipality
      : municipalityAfterContract(result, schedule, investor.terms);
  const names: Record<string, number> = {
    SIB_PayTotal: schedule.totals.all,
    SIB_PayTotalPV: schedule.discountedTotals.all,
    SIB_PayMunicipality: schedule.totals.byPayer.municipality,
    SIB_PayState: schedule.totals.byPayer.state,
    SIB_PayMunicipalityPV: schedule.discountedTotals.byPayer.municipality,
    SIB_PayBaseFeeTotal: schedule.totals.baseFee,
    SIB_PaySavingsShareTotal: schedule.totals.savingsShare,
    SIB_PaySustainmentTotal: schedule.totals.sustainment,
    SIB_PayProgressionTotal: schedule.totals.progression,
    SIB_MunicipalitySavings: position.total.savings,
    SIB_MunicipalityNet: position.total.net,
    SIB_MunicipalityNetPV: position.discounted.net,
    SIB_NeverPaysMoreThanSaves: position.neverPaysMoreThanSaves ? 1 : 0,
  };
  for (const metric of schedule.metrics) names[`SIB_PayMetric_${metric.metric}`] = metric.total;
  return names;
}

/**
 * The engine's value of every output name of the Investor sheet; null where the workbook shows text (no single IRR,
 * no hurdle rate).
 */
export function investorNames(investor: InvestorFlowsResult): Record<string, number | null> {
  const irr = investor.metrics.irr;
  return {
    SIB_InvDrawn: investor.totals.drawn,
    SIB_InvReturned: investor.totals.returned,
    SIB_InvNetGain: investor.metrics.netGain,
    SIB_InvMultiple: investor.metrics.moneyMultiple,
    SIB_InvSignChanges: signChanges(investor.netFlow),
    SIB_InvIRRMonthly: irr.ok ? irr.value.rate : null,
    SIB_InvIRR: irr.ok ? irr.value.effectiveAnnualRate : null,
    SIB_InvNPVHurdle: investor.metrics.npvAtHurdle,
    SIB_InvSurplus: investor.totals.surplus,
    SIB_InvTopUp: investor.totals.topUp,
  };
}
