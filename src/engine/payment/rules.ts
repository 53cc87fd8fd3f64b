/**
 * The ranges a contract's numeric payment terms must lie in, as data: the single source of the engine's validation
 * (terms.ts, threshold.ts, timing.ts, checks.ts) and of the workbook's data validation and checks (src/plan/payment),
 * so the engine and the Payment sheet refuse the same terms. Bounds are inclusive; an unbounded maximum is Infinity.
 */
import type { NumericRule } from "../rules";
import { MAX_AMOUNT } from "./checks";
import { MAX_LAG_MONTHS } from "./timing";

/** Lowest and highest threshold, percentage points. */
export const THRESHOLD_RANGE_PP = { min: -100, max: 100 } as const;

export const PAYMENT_RULES = {
  /** A price, fee or cap in kr. */
  amount: { integer: false, min: 0, max: MAX_AMOUNT, what: "an amount in kr of at least 0" },
  /** A number of outcomes (expected counts may be fractional). */
  count: { integer: false, min: 0, max: Infinity, what: "a number of outcomes of at least 0" },
  share: { integer: false, min: 0, max: 1, what: "a share from 0 to 1 (e.g. 0.3 for 30 %)" },
  thresholdPP: {
    integer: false,
    min: THRESHOLD_RANGE_PP.min,
    max: THRESHOLD_RANGE_PP.max,
    what: "an effect in percentage points from -100 to 100",
  },
  lagMonths: {
    integer: true,
    min: 0,
    max: MAX_LAG_MONTHS,
    what: `a whole number of months from 0 to ${MAX_LAG_MONTHS}`,
  },
  /** The workbook's code of the baseline kind: 0 none, 1 comparison group, 2 historical rate. */
  baselineCode: { integer: true, min: 0, max: 2, what: "0 (none), 1 (comparison group) or 2 (historical rate)" },
  /** A yes/no term as the workbook holds it. */
  flag: { integer: true, min: 0, max: 1, what: "1 (yes) or 0 (no)" },
} as const satisfies Record<string, NumericRule>;
