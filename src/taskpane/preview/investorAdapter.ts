/**
 * The one place the taskpane reaches the investor module (src/engine/investor). If that module's API changes, only
 * this adapter changes. Costs and payments are the engine's monthly series (business case and payment schedule).
 */
import type { Result } from "../../engine/errors";
import { DEFAULT_HURDLE_RATE, timingNote } from "../../engine/investor/summary";
import {
  DEFAULT_INVESTOR_TERMS,
  effectiveAnnualRate,
  investorFlows,
  irr,
  npvAtAnnualRate,
  signChanges,
  type InvestorFlowsResult,
  type InvestorTermsInput,
} from "../../engine/investor";

/** The hurdle used when the terms give none: the engine's DEFAULT_HURDLE_RATE (5 % a year, issue 11 item 6). */
export const FALLBACK_HURDLE_RATE = DEFAULT_HURDLE_RATE;

/** Why the preview shows no IRR: the investor gets nothing back, the flows never change sign, or the solver failed. */
export type NoIrrReason = "totalLoss" | "noSignChange" | "noSolution";

/** The investor's IRR as the workbook shows it, or why there is none. */
export type IrrShown =
  | {
      readonly kind: "rate";
      /** Effective annual IRR, a fraction. */
      readonly annual: number;
      /** Other effective annual rates with NPV 0 when the flows change sign more than once (ascending). */
      readonly otherRoots: readonly number[];
      readonly signChanges: number;
    }
  | { readonly kind: "none"; readonly reason: NoIrrReason; readonly signChanges: number };

/** What the investor puts in and gets back (kr, undiscounted), the IRR, the money multiple and the NPV at the hurdle. */
export interface InvestorOutcome {
  readonly kind: "invested";
  /** Capital the investor pays in (the programme's cost). */
  readonly drawn: number;
  /** Everything the investor gets back. */
  readonly returned: number;
  /** returned − drawn. */
  readonly netGain: number;
  /** returned / drawn. */
  readonly moneyMultiple: number;
  /** The hurdle the NPV is computed at (effective annual fraction). */
  readonly hurdleRate: number;
  /** NPV of the investor's monthly net flows at the hurdle (month t discounted t months), kr. */
  readonly npvAtHurdle: number;
  readonly irr: IrrShown;
  /** The engine's note when the deal loses money (multiple < 1) and an IRR exists: timing flatters the IRR. */
  readonly timingNote: { readonly da: string; readonly en: string } | null;
  /** The cap on the investor's return withheld some outcome payments (surplus > 0). */
  readonly capReached: boolean;
}

/** No capital is drawn (the programme costs 0 kr): there is no investment, so no IRR, multiple or NPV. */
export interface NoInvestment {
  readonly kind: "noInvestment";
}

/**
 * The hurdle rate of investor terms: the terms' own, else the engine's default (DEFAULT_HURDLE_RATE, 5 % a year).
 * @example hurdleRateOf({}) // 0.05
 */
export function hurdleRateOf(terms: InvestorTermsInput): number {
  return terms.hurdleRate ?? DEFAULT_INVESTOR_TERMS.hurdleRate ?? DEFAULT_HURDLE_RATE;
}

/**
 * The workbook's starting guess for Excel's IRR (Investor sheet, SIB_InvIRRGuess): multiple^(1 / max(1, mean receipt
 * month − mean draw month)) − 1 per month, means weighted by amount; 0.1 where that formula is an error (nothing
 * returned). The preview picks the IRR nearest this guess when the flows have several, as Excel does from it.
 * @example workbookIrrGuess(flows) // ≈ 0.0177 per month for the pilot with a fixed fee of 20,000 kr
 */
export function workbookIrrGuess(flows: InvestorFlowsResult): number {
  const { totals } = flows;
  const weighted = (series: readonly number[]): number => series.reduce((sum, value, month) => sum + value * month, 0);
  const meanDraw = weighted(flows.drawn) / totals.drawn;
  const meanReceipt =
    (weighted(flows.distributions) + weighted(flows.surplusSplit.investor) + weighted(flows.topUp)) / totals.returned;
  const guess = Math.pow(totals.returned / totals.drawn, 1 / Math.max(1, meanReceipt - meanDraw)) - 1;
  return Number.isFinite(guess) ? guess : 0.1;
}

/**
 * The investor's outcome for monthly costs and outcome payments under investor terms: drawn, returned, multiple, NPV
 * at the hurdle and the IRR (the one nearest the workbook's guess when there are several), or no investment when
 * nothing is drawn.
 * @example investorOutcome(bc.monthly.cost, schedule.total, {}) // ok({ kind: "invested", drawn: 4,437,216, … })
 */
export function investorOutcome(
  costByMonth: readonly number[],
  paymentsByMonth: readonly number[],
  terms: InvestorTermsInput,
): Result<InvestorOutcome | NoInvestment> {
  if (!costByMonth.some((cost) => cost > 0)) return { ok: true, value: { kind: "noInvestment" } };
  const hurdleRate = hurdleRateOf(terms);
  const flows = investorFlows(costByMonth, paymentsByMonth, { ...terms, hurdleRate });
  if (!flows.ok) return flows;
  const { totals, metrics, netFlow } = flows.value;
  const npv = npvAtAnnualRate(hurdleRate, netFlow);
  if (!npv.ok) return npv;
  return {
    ok: true,
    value: {
      kind: "invested",
      drawn: totals.drawn,
      returned: totals.returned,
      netGain: metrics.netGain,
      moneyMultiple: metrics.moneyMultiple,
      hurdleRate,
      npvAtHurdle: npv.value,
      irr: irrShown(flows.value),
      timingNote: metrics.moneyMultiple < 1 && metrics.irr.ok ? timingNote(metrics.moneyMultiple) : null,
      capReached: flows.value.capReached,
    },
  };
}

function irrShown(flows: InvestorFlowsResult): IrrShown {
  const found = irr(flows.netFlow, { guess: workbookIrrGuess(flows) });
  if (found.ok) {
    const { rate, roots } = found.value;
    return {
      kind: "rate",
      annual: found.value.effectiveAnnualRate,
      otherRoots: roots.filter((root) => root !== rate).map((root) => effectiveAnnualRate(root)),
      signChanges: found.value.signChanges,
    };
  }
  const changes = signChanges(flows.netFlow);
  if (flows.totals.returned === 0) return { kind: "none", reason: "totalLoss", signChanges: changes };
  const code = found.issues[0]?.code;
  return { kind: "none", reason: code === "NoSignChange" ? "noSignChange" : "noSolution", signChanges: changes };
}
