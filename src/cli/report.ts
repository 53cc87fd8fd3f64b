import { type BusinessCaseResult, type PerAccount } from "../engine/businessCase";
import { effectEstimates, type EffectEstimate } from "../engine/effect";
import type { Scenario } from "../engine/scenario";
import type { PerState } from "../engine/states";
import { workbookNames } from "../plan/outputs";

/** The machine-readable business case printed by `npm run case -- --json`. Amounts in kr; months are counts. */
export interface CaseReport {
  readonly scenario: string;
  readonly parameterYear: number;
  readonly participants: number;
  readonly horizonMonths: number;
  readonly discountRate: number;
  /** NPV per participant, per account (positive = net gain). */
  readonly perParticipant: PerAccount<number>;
  /** NPV for all cohorts together. */
  readonly total: PerAccount<number>;
  readonly undiscounted: { readonly perParticipant: PerAccount<number>; readonly total: PerAccount<number> };
  readonly breakEvenMonth: PerAccount<number | null>;
  readonly effect: PerState<EffectEstimate>;
  /** The engine's value of every output defined name of the workbook (null = break-even not reached). */
  readonly workbookNames: Readonly<Record<string, number | null>>;
  readonly monthly: {
    readonly discountFactor: readonly number[];
    readonly cost: readonly number[];
    readonly netFlow: PerAccount<readonly number[]>;
  };
}

export function caseReport(scenario: Scenario, result: BusinessCaseResult): CaseReport {
  return {
    scenario: scenario.name,
    parameterYear: scenario.parameterYear,
    participants: result.participants,
    horizonMonths: scenario.horizonMonths,
    discountRate: scenario.discountRate,
    perParticipant: result.npv.perParticipant,
    total: result.npv.total,
    undiscounted: result.undiscounted,
    breakEvenMonth: result.breakEvenMonth,
    effect: effectEstimates(scenario),
    workbookNames: workbookNames(scenario, result),
    monthly: result.monthly,
  };
}
