import type { AttributionRow } from "../../engine/attribution";
import { computeBusinessCase } from "../../engine/businessCase";
import type { Result } from "../../engine/errors";
import type { InvestorTermsInput } from "../../engine/investor";
import { municipalityAfterContract } from "../../engine/investor/moneyFlows";
import { investorTerms } from "../../engine/investor/terms";
import { deadweightCore, type Deadweight } from "../../engine/payment/deadweight";
import { computePaymentSchedule } from "../../engine/payment/schedule";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { PositionTotals } from "../../engine/payment/position";
import type { Scenario } from "../../engine/scenario";
import { participantWageGain } from "../../engine/participantIncome";
import { municipalityResults, type MunicipalityResult } from "../../engine/municipalityResults";
import { employmentDifferencePp } from "../../engine/shares";
import type { OutcomeState } from "../../engine/states";
import { investorOutcome, type InvestorOutcome, type NoInvestment } from "./investorAdapter";
import type { LossProbability } from "./lossAdapter";
import { lossProbabilityNow } from "./lossLoader";

/** The accounts the preview shows, in order. */
export const PREVIEW_ACCOUNTS = ["municipality", "state", "public", "socioEconomic"] as const;
export type PreviewAccount = (typeof PREVIEW_ACCOUNTS)[number];

/** One account of the business case (without the SIB): NPV per participant (kr) and its break-even month. */
export interface AccountNumbers {
  readonly npvPerParticipant: number;
  /** The engine's breakEvenMonth: months after which the cumulative discounted net is ≥ 0 for good; null = never. */
  readonly breakEvenMonth: number | null;
}

/** The numbers the preview and the workshop show. Every number comes from the engine. */
export interface CaseNumbers {
  readonly participants: number;
  /** The employment effect in percentage points (JOB + JOB_PART, participants − comparison group). */
  readonly employmentEffectPp: number;
  /** The business case: municipality's NPV per participant (savings − cost), kr. */
  readonly municipalNetPerParticipant: number;
  /** Month the municipality's cumulative discounted net turns positive for good, or null. */
  readonly breakEvenMonth: number | null;
  /** The business case per account: municipality, state, public total and socio-economic. */
  readonly accounts: Readonly<Record<PreviewAccount, AccountNumbers>>;
  /**
   * The business case's cumulative discounted net of the municipality (savings − cost, kr, all participants) after
   * each programme month: entry m is the sum over months 0…m, so it is ≥ 0 from entry breakEvenMonth − 1 on.
   */
  readonly businessCaseCumulative: readonly number[];
  /** With the SIB: the municipality's discounted savings, payments and net (kr). */
  readonly municipalitySib: PositionTotals;
  /** With the SIB: the same totals undiscounted (kr over the whole period), as the workshop shows them. */
  readonly municipalitySibTotal: PositionTotals;
  /** With the SIB: the municipality's cumulative discounted net by programme month (the preview's chart). */
  readonly municipalityCumulative: readonly number[];
  /** With the SIB: the state's savings minus its share of the payments, kr, undiscounted (the workshop's picture). */
  readonly stateSibTotal: number;
  /** The participants' extra gross wages over the horizon, kr, undiscounted (the engine's participantWageGain). */
  readonly participantWages: number;
  /** The fixed fees per participant in all payments, kr, undiscounted (paid whatever the outcome). */
  readonly baseFeeTotal: number;
  /** All outcome payments (municipality and state), kr, undiscounted. */
  readonly paymentsTotal: number;
  readonly investor: InvestorOutcome | NoInvestment;
  /** What the terms would pay if the programme had no effect (the engine's deadweight measures). */
  readonly deadweight: Deadweight;
  readonly lossProbability: LossProbability;
  /**
   * What carries the municipality's result: its NPV per participant split by outcome state relative to the reference
   * state, plus `cost` (the engine's attribution; rows + cost = municipalNetPerParticipant).
   */
  readonly municipalAttribution: {
    readonly reference: OutcomeState;
    readonly rows: Readonly<Record<AttributionRow, number>>;
  };
  /** Results per municipality, in the order listed (empty when the case has one combined municipality). */
  readonly byMunicipality: Readonly<Record<string, MunicipalityResult>>;
}

/**
 * What the preview shows above its tables and chart, and the compact summary: the figures, the warnings on the results
 * and the deadweight line. The first screen draws these from build-time figures (src/taskpane/preview/firstScreen.ts)
 * and the tables and chart after its first paint (issue 14 item 11).
 */
export type PreviewFigures = Pick<
  CaseNumbers,
  | "employmentEffectPp"
  | "municipalNetPerParticipant"
  | "breakEvenMonth"
  | "baseFeeTotal"
  | "paymentsTotal"
  | "investor"
  | "deadweight"
  | "lossProbability"
>;

/**
 * The {@link PreviewFigures} of a case's numbers (the same values, nothing recomputed).
 * @example previewFigures(pilotNumbers).breakEvenMonth // 38
 */
export function previewFigures(numbers: CaseNumbers): PreviewFigures {
  return { ...figuresBesideLoss(numbers), lossProbability: numbers.lossProbability };
}

/**
 * The {@link PreviewFigures} of a case's numbers but P(loss) (what the build-time table of the first screen keeps;
 * P(loss) has its own, src/taskpane/preview/lossLoader.ts).
 * @example figuresBesideLoss(pilotNumbers).municipalNetPerParticipant // 28,005.7…
 */
export function figuresBesideLoss(numbers: CaseNumbers): Omit<PreviewFigures, "lossProbability"> {
  return {
    employmentEffectPp: numbers.employmentEffectPp,
    municipalNetPerParticipant: numbers.municipalNetPerParticipant,
    breakEvenMonth: numbers.breakEvenMonth,
    baseFeeTotal: numbers.baseFeeTotal,
    paymentsTotal: numbers.paymentsTotal,
    investor: numbers.investor,
    deadweight: numbers.deadweight,
  };
}

/**
 * Computes the preview of a validated case (the wizard derives and validates it first): business case, payment
 * schedule, the investor's flows and P(loss).
 * @example computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {}) // ok({ municipalNetPerParticipant: 28,005.7…, … })
 */
export function computeCaseNumbers(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
): Result<CaseNumbers> {
  const businessCase = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, businessCase, terms);
  const outcome = investorOutcome(businessCase.monthly.cost, schedule.total, investor);
  if (!outcome.ok) return outcome;
  const checkedInvestor = investorTerms(investor);
  if (!checkedInvestor.ok) return checkedInvestor;
  // What the municipality actually pays (the money identity, src/engine/investor/moneyFlows.ts).
  const municipality = municipalityAfterContract(businessCase, schedule, checkedInvestor.value);
  const accounts = Object.fromEntries(
    PREVIEW_ACCOUNTS.map((account) => [
      account,
      {
        npvPerParticipant: businessCase.npv.perParticipant[account],
        breakEvenMonth: businessCase.breakEvenMonth[account],
      },
    ]),
  ) as Record<PreviewAccount, AccountNumbers>;
  const discount = businessCase.monthly.discountFactor;
  let running = 0;
  const businessCaseCumulative = businessCase.monthly.netFlow.municipality.map(
    (flow, month) => (running += flow * (discount[month] ?? 0)),
  );
  return {
    ok: true,
    value: {
      participants: businessCase.participants,
      employmentEffectPp: employmentDifferencePp(scenario.participantShares, scenario.comparisonShares),
      accounts,
      businessCaseCumulative,
      municipalNetPerParticipant: businessCase.npv.perParticipant.municipality,
      breakEvenMonth: businessCase.breakEvenMonth.municipality,
      municipalitySib: municipality.discounted,
      municipalitySibTotal: municipality.total,
      municipalityCumulative: municipality.cumulativeNetDiscounted,
      stateSibTotal: businessCase.undiscounted.total.state - schedule.totals.byPayer.state,
      participantWages: participantWageGain(scenario, businessCase),
      baseFeeTotal: schedule.totals.baseFee,
      paymentsTotal: schedule.totals.all,
      investor: outcome.value,
      deadweight: deadweightCore(scenario, schedule, terms),
      lossProbability: lossProbabilityNow(scenario, terms, investor),
      municipalAttribution: {
        reference: businessCase.attribution.reference,
        rows: businessCase.attribution.perParticipant.municipality,
      },
      byMunicipality: municipalityResults(scenario, {
        total: schedule.totals.byPayer.municipality,
        presentValue: schedule.discountedTotals.byPayer.municipality,
      }),
    },
  };
}
