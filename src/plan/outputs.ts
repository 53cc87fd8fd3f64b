import { ACCOUNTS, type BusinessCaseResult } from "../engine/businessCase";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { ACCOUNT_NAME } from "./labels";

/**
 * The engine's value of every output defined name of the workbook (docs/workbook.md), so a workbook and the engine
 * can be compared name by name. A break-even month that is never reached is null (the workbook shows "ingen"/"none").
 * @example workbookNames(pilot, result).SIB_NPVPerParticipant_Municipality // 28,005.72…
 */
export function workbookNames(scenario: Scenario, result: BusinessCaseResult): Record<string, number | null> {
  const names: Record<string, number | null> = { SIB_TotalParticipants: result.participants };
  for (const account of ACCOUNTS) {
    const suffix = ACCOUNT_NAME[account];
    names[`SIB_NPV_${suffix}`] = result.npv.total[account];
    names[`SIB_NPVPerParticipant_${suffix}`] = result.npv.perParticipant[account];
    names[`SIB_Undiscounted_${suffix}`] = result.undiscounted.total[account];
    names[`SIB_UndiscountedPerParticipant_${suffix}`] = result.undiscounted.perParticipant[account];
    names[`SIB_BreakEven_${suffix}`] = result.breakEvenMonth[account];
  }
  for (const state of OUTCOME_STATES) {
    names[`SIB_EffectPP_${state}`] = 100 * (scenario.participantShares[state] - scenario.comparisonShares[state]);
  }
  return names;
}
