import { computeBusinessCase, type PerAccount } from "../engine/businessCase";
import type { Issue } from "../engine/errors";
import { investorFlows } from "../engine/investor/waterfall";
import type { Model } from "../engine/modelFile";
import { computePaymentSchedule } from "../engine/payment/schedule";
import { effectEstimates, type EffectEstimate } from "../engine/effect";
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
  /** Payment schedule under the model's payment terms (kr; byMonth per programme month). */
  readonly payment: {
    readonly total: number;
    readonly totalPresentValue: number;
    readonly byPayer: { readonly municipality: number; readonly state: number };
    readonly municipalityNetPresentValue: number;
    readonly neverPaysMoreThanSaves: boolean;
    readonly byMonth: readonly number[];
  };
  /** The investor's view under the model's investor terms (IRR as an effective annual rate, or why there is none). */
  readonly investor: {
    readonly drawn: number;
    readonly returned: number;
    readonly moneyMultiple: number | null;
    readonly irrEffectiveAnnual: number | null;
    readonly irrFailure: string | null;
    readonly netFlow: readonly number[];
  };
  /** The engine's value of every output defined name of the workbook (null = break-even not reached). */
  readonly workbookNames: Readonly<Record<string, number | null>>;
  readonly monthly: {
    readonly discountFactor: readonly number[];
    readonly cost: readonly number[];
    readonly netFlow: PerAccount<readonly number[]>;
  };
}

/**
 * The report of a model: the business case, the payment schedule under the model's payment terms and the
 * investor's flows, and the engine's value of every output name of the workbook.
 */
export function caseReport(model: Model): CaseReport {
  const scenario = model.scenario;
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, model.paymentTerms);
  const flows = investorFlows(Array.from(result.monthly.cost), Array.from(schedule.total), model.investorTerms);
  const investor = flows.ok ? flows.value : null;
  const irr = investor === null ? null : investor.metrics.irr;
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
    payment: {
      total: schedule.totals.all,
      totalPresentValue: schedule.discountedTotals.all,
      byPayer: schedule.totals.byPayer,
      municipalityNetPresentValue: schedule.municipality.discounted.net,
      neverPaysMoreThanSaves: schedule.municipality.neverPaysMoreThanSaves,
      byMonth: schedule.total,
    },
    investor: {
      drawn: investor?.totals.drawn ?? 0,
      returned: investor?.totals.returned ?? 0,
      moneyMultiple: investor?.metrics.moneyMultiple ?? null,
      irrEffectiveAnnual: irr?.ok === true ? irr.value.effectiveAnnualRate : null,
      irrFailure: describeIrrFailure(irr ?? flows),
      netFlow: investor?.netFlow ?? [],
    },
    workbookNames: workbookNames(scenario, result, schedule, investor),
    monthly: result.monthly,
  };
}

function describeIrrFailure(result: { readonly ok: boolean; readonly issues?: readonly Issue[] }): string | null {
  return result.ok ? null : (result.issues ?? []).map((item) => item.message).join("; ");
}
