/**
 * The one place the taskpane reaches the investor module (src/engine/investor). If that module's API changes, only
 * this adapter changes. Costs and payments are the engine's monthly series (business case and payment schedule).
 */
import type { ErrorCode, Result } from "../../engine/errors";
import { investorFlows, type InvestorTermsInput } from "../../engine/investor";

/** What the investor puts in and gets back (kr, undiscounted) and the IRR, or why there is no IRR. */
export interface InvestorOutcome {
  /** Capital the investor pays in (the programme's cost). */
  readonly drawn: number;
  /** Everything the investor gets back. */
  readonly returned: number;
  /** returned − drawn. */
  readonly netGain: number;
  readonly moneyMultiple: number;
  /** Effective annual IRR, or the engine's reason when there is none (e.g. nothing is paid back). */
  readonly irr:
    { readonly kind: "rate"; readonly annual: number } | { readonly kind: "none"; readonly code: ErrorCode };
}

/**
 * The investor's outcome for monthly costs and outcome payments under investor terms.
 * @example investorOutcome(bc.monthly.cost, schedule.total, {}) // ok({ drawn: 4,437,216, irr: { kind: "rate", ... } })
 */
export function investorOutcome(
  costByMonth: readonly number[],
  paymentsByMonth: readonly number[],
  terms: InvestorTermsInput,
): Result<InvestorOutcome> {
  const flows = investorFlows(costByMonth, paymentsByMonth, terms);
  if (!flows.ok) return flows;
  const { totals, metrics } = flows.value;
  const irr = metrics.irr;
  return {
    ok: true,
    value: {
      drawn: totals.drawn,
      returned: totals.returned,
      netGain: metrics.netGain,
      moneyMultiple: metrics.moneyMultiple,
      irr: irr.ok
        ? { kind: "rate", annual: irr.value.effectiveAnnualRate }
        : { kind: "none", code: irr.issues[0]?.code ?? "NoSignChange" },
    },
  };
}
