/**
 * The figures of a whole case for the comparison and the committee summary (issue 14 items 3 and 9): every account,
 * the payment, the investor, the deadweight and the named views. Computed with exactly the engine calls of
 * `npm run case -- --json` (src/cli/report.ts caseReport and compareViews), so the wizard, the command line and the
 * workbook show the same numbers. Amounts in kr (fixed prices of the parameter year); NPVs are present values at the
 * scenario's discount rate; positive = net gain.
 */
import { municipalityAfterContract } from "../../engine/investor/moneyFlows";
import { municipalityResults, type MunicipalityResult } from "../../engine/municipalityResults";
import type { AttributionRow } from "../../engine/attribution";
import { computeBusinessCase, type PerAccount } from "../../engine/businessCase";
import { ok, type Result } from "../../engine/errors";
import { investorFlows, type InvestorTermsInput } from "../../engine/investor";
import { deadweightCore, savingsAfterLastPaymentCore } from "../../engine/payment/deadweight";
import { computePaymentSchedule } from "../../engine/payment/schedule";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import type { OutcomeState } from "../../engine/states";
import { applyViews, viewsToCompare, type DaEn, type ScenarioView } from "../../engine/views";

/** A case to compute: scenario, payment and investor terms, and the case's own views. */
export interface CaseInput {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
  readonly views: readonly ScenarioView[];
}

/** One named view's business case (docs/scenario.md "Views"). */
export interface ViewFigures {
  readonly id: string;
  readonly label: DaEn;
  readonly changes: DaEn;
  readonly perParticipant: PerAccount<number>;
  readonly breakEvenMonth: PerAccount<number | null>;
}

/** Everything the comparison and the summary show. */
export interface CaseFigures {
  readonly name: string;
  readonly participants: number;
  readonly horizonMonths: number;
  readonly parameterYear: number;
  readonly discountRate: number;
  /** NPV per participant by account, kr. */
  readonly perParticipant: PerAccount<number>;
  /** Month count to break-even by account, or null when not within the horizon. */
  readonly breakEvenMonth: PerAccount<number | null>;
  /** The municipality's NPV per participant by outcome state against the reference, plus `cost` (kr). */
  readonly attribution: { readonly reference: OutcomeState; readonly rows: Readonly<Record<AttributionRow, number>> };
  readonly payment: {
    /** All outcome payments, undiscounted (kr). */
    readonly total: number;
    readonly presentValue: number;
    readonly byPayer: { readonly municipality: number; readonly state: number };
    /** The municipality's savings − payments, present value (kr). */
    readonly municipalityNetPresentValue: number;
    readonly neverPaysMoreThanSaves: boolean;
    /** What the terms would pay with no effect (kr) and its share of `total` (null when `total` is 0). */
    readonly paymentAtZeroEffect: number;
    readonly deadweightShare: number | null;
    readonly deadweightWarning: boolean;
    /** Share of the municipality's discounted savings after the last outcome payment (null: none depends on outcomes). */
    readonly savingsAfterLastPayment: number | null;
    readonly lastOutcomePaymentMonth: number | null;
  };
  readonly investor: {
    readonly drawn: number;
    readonly returned: number;
    readonly moneyMultiple: number | null;
    /** Effective annual IRR (fraction), or null with the engine's reason in `irrFailure`. */
    readonly irr: number | null;
    readonly irrFailure: string | null;
    readonly npvAtHurdle: number | null;
    readonly hurdleRate: number | null;
  };
  readonly views: readonly ViewFigures[];
  /** Results per municipality, in the order listed (empty for one combined municipality); the engine's. */
  readonly byMunicipality: Readonly<Record<string, MunicipalityResult>>;
}

/**
 * The figures of a validated case.
 * @example caseFigures({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }).value.perParticipant.municipality // ≈ 28,005.7
 */
export function caseFigures(input: CaseInput): Result<CaseFigures> {
  const { scenario, terms } = input;
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, terms);
  const deadweight = deadweightCore(scenario, schedule, terms);
  const afterLast = savingsAfterLastPaymentCore(result, schedule);
  const flows = investorFlows(Array.from(result.monthly.cost), Array.from(schedule.total), input.investor);
  if (!flows.ok) return flows;
  const views = applyViews(scenario, viewsToCompare(input.views));
  if (!views.ok) return views;
  const irr = flows.value.metrics.irr;
  const afterContract = municipalityAfterContract(result, schedule, flows.value.terms);
  return ok({
    name: scenario.name,
    participants: result.participants,
    horizonMonths: scenario.horizonMonths,
    parameterYear: scenario.parameterYear,
    discountRate: scenario.discountRate,
    perParticipant: result.npv.perParticipant,
    breakEvenMonth: result.breakEvenMonth,
    attribution: { reference: result.attribution.reference, rows: result.attribution.perParticipant.municipality },
    payment: {
      total: schedule.totals.all,
      presentValue: schedule.discountedTotals.all,
      byPayer: schedule.totals.byPayer,
      // What the municipality actually pays (the money identity, src/engine/investor/moneyFlows.ts).
      municipalityNetPresentValue: afterContract.discounted.net,
      neverPaysMoreThanSaves: afterContract.neverPaysMoreThanSaves,
      paymentAtZeroEffect: deadweight.paymentAtZeroEffect,
      deadweightShare: deadweight.shareOfPayment,
      deadweightWarning: deadweight.warning,
      savingsAfterLastPayment: afterLast.share,
      lastOutcomePaymentMonth: afterLast.lastPaymentMonth,
    },
    investor: {
      drawn: flows.value.totals.drawn,
      returned: flows.value.totals.returned,
      moneyMultiple: flows.value.totals.drawn > 0 ? flows.value.metrics.moneyMultiple : null,
      irr: irr.ok ? irr.value.effectiveAnnualRate : null,
      irrFailure: irr.ok ? null : irr.issues.map((item) => item.message).join("; "),
      npvAtHurdle: flows.value.metrics.npvAtHurdle,
      hurdleRate: flows.value.terms.hurdleRate,
    },
    byMunicipality: municipalityResults(scenario, {
      total: schedule.totals.byPayer.municipality,
      presentValue: schedule.discountedTotals.byPayer.municipality,
    }),
    views: views.value.map(({ view, businessCase }) => ({
      id: view.id,
      label: view.label,
      changes: view.changes,
      perParticipant: businessCase.npv.perParticipant,
      breakEvenMonth: businessCase.breakEvenMonth,
    })),
  });
}
