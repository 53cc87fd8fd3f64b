/**
 * The municipality's net position under a contract (DOMAIN.md b7): its savings before the intervention cost (the
 * investor pays the cost in a SIB) minus its payments, by programme month, cumulative and in total, undiscounted and
 * discounted (present value at the programme start, mid-month: DF(t) = (1 + i)^−(t + 0.5)/12).
 *
 * "Never pays more than it saves" means total discounted payments ≤ total discounted savings (within 1e-6 kr).
 */
import { issue, ok, type Issue, type Result } from "../errors";
import { checkList, isFiniteNumber } from "./checks";

/** Tolerance of the "never pays more than it saves" comparison, kr. */
export const POSITION_TOLERANCE_KR = 1e-6;

/** Totals of a position: kr. */
export interface PositionTotals {
  readonly savings: number;
  readonly payments: number;
  /** savings − payments. */
  readonly net: number;
}

/** The municipality's savings, payments and net position by programme month, kr. All arrays have one length. */
export interface MunicipalityPosition {
  readonly savings: readonly number[];
  readonly payments: readonly number[];
  /** savings − payments per month. */
  readonly net: readonly number[];
  readonly cumulativeNet: readonly number[];
  readonly cumulativeNetDiscounted: readonly number[];
  readonly total: PositionTotals;
  readonly discounted: PositionTotals;
  /** Total discounted payments ≤ total discounted savings. */
  readonly neverPaysMoreThanSaves: boolean;
}

/**
 * Unchecked net position; arrays shorter than the longest are read as 0 beyond their end, and `discountFactors` must
 * cover the longest.
 * @example municipalityPositionCore([100, 100], [0, 150], [1, 1]).total // { savings: 200, payments: 150, net: 50 }
 */
export function municipalityPositionCore(
  savings: readonly number[],
  payments: readonly number[],
  discountFactors: readonly number[],
): MunicipalityPosition {
  const months = Math.max(savings.length, payments.length);
  const saved: number[] = [];
  const paid: number[] = [];
  const net: number[] = [];
  const cumulativeNet: number[] = [];
  const cumulativeNetDiscounted: number[] = [];
  let totalSavings = 0;
  let totalPayments = 0;
  let discountedSavings = 0;
  let discountedPayments = 0;
  for (let t = 0; t < months; t++) {
    const s = savings[t] ?? 0;
    const p = payments[t] ?? 0;
    const df = discountFactors[t] ?? Number.NaN;
    saved.push(s);
    paid.push(p);
    net.push(s - p);
    totalSavings += s;
    totalPayments += p;
    discountedSavings += df * s;
    discountedPayments += df * p;
    cumulativeNet.push(totalSavings - totalPayments);
    cumulativeNetDiscounted.push(discountedSavings - discountedPayments);
  }
  return {
    savings: saved,
    payments: paid,
    net,
    cumulativeNet,
    cumulativeNetDiscounted,
    total: { savings: totalSavings, payments: totalPayments, net: totalSavings - totalPayments },
    discounted: {
      savings: discountedSavings,
      payments: discountedPayments,
      net: discountedSavings - discountedPayments,
    },
    neverPaysMoreThanSaves: discountedPayments <= discountedSavings + POSITION_TOLERANCE_KR,
  };
}

/**
 * Checked {@link municipalityPositionCore}: finite savings kr (`savings[t]`), payments kr ≥ 0 (`payments[t]`),
 * discount factors > 0 covering every month (`discountFactors`, rule `length`).
 * @example municipalityPosition([100], [120], [0.9]) // ok(...): discounted net −18, neverPaysMoreThanSaves false
 */
export function municipalityPosition(
  savings: readonly number[],
  payments: readonly number[],
  discountFactors: readonly number[],
): Result<MunicipalityPosition> {
  const issues: Issue[] = [];
  const lists =
    checkList(issues, "savings", savings, false) &&
    checkList(issues, "payments", payments, false) &&
    checkList(issues, "discountFactors", discountFactors, false);
  if (lists) {
    savings.forEach((value, t) => {
      if (!isFiniteNumber(value)) {
        issues.push(issue("InvalidInput", `savings[${t}]`, "number", `savings[${t}] must be a number of kr.`));
      }
    });
    payments.forEach((value, t) => {
      if (!isFiniteNumber(value) || value < 0) {
        issues.push(issue("InvalidInput", `payments[${t}]`, "range", `payments[${t}] must be kr of at least 0.`));
      }
    });
    discountFactors.forEach((value, t) => {
      if (!isFiniteNumber(value) || value <= 0) {
        issues.push(
          issue("InvalidInput", `discountFactors[${t}]`, "range", `discountFactors[${t}] must be a factor above 0.`),
        );
      }
    });
    const months = Math.max(savings.length, payments.length);
    if (discountFactors.length < months) {
      issues.push(
        issue(
          "InvalidInput",
          "discountFactors",
          "length",
          `discountFactors must cover all ${months} months, got ${discountFactors.length}.`,
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok(municipalityPositionCore(savings, payments, discountFactors));
}
