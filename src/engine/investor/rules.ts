/**
 * The ranges investor terms must lie in, as data: the single source of the engine's validation (terms.ts) and of the
 * workbook's data validation and checks (src/plan/investor), so both refuse the same terms. Bounds are inclusive
 * unless `exclusiveMin`; an unbounded maximum is Infinity.
 */
import { MAX_AMOUNT_KR, type NumericRule } from "../rules";

/** How far the surplus shares may sum from 1. */
export const SURPLUS_SHARE_TOLERANCE = 1e-9;

export const INVESTOR_RULES = {
  capIrr: { integer: false, min: 0, max: 1, what: "an effective annual rate from 0 to 1 (0.08 = 8 %)" },
  capMultiple: { integer: false, min: 1, max: Infinity, what: "a money multiple of at least 1 (1.3 = 130 %)" },
  maxLoss: { integer: false, min: 0, max: 1, what: "a fraction of the principal from 0 to 1 (0.5 = 50 %)" },
  hurdleRate: {
    integer: false,
    min: -1,
    max: 10,
    exclusiveMin: true,
    what: "an effective annual rate above -1 and at most 10 (0.08 = 8 %)",
  },
  surplusShare: { integer: false, min: 0, max: 1, what: "a share from 0 to 1" },
  dealCost: { integer: false, min: 0, max: MAX_AMOUNT_KR, what: "an amount in kr from 0 to 1,000,000,000" },
  intermediaryYears: { integer: true, min: 0, max: 100, what: "a whole number of years from 0 to 100" },
  flag: { integer: true, min: 0, max: 1, what: "1 (yes) or 0 (no)" },
  /** The savings-surplus rule as a code (surplus.ts): 0 commissioner, 1 provider, 2 reinvested. */
  savingsSurplusRule: {
    integer: true,
    min: 0,
    max: 2,
    what: "0 (the municipality keeps it), 1 (a share to the provider) or 2 (a share reinvested)",
  },
  recycledCohortSize: {
    integer: true,
    min: 1,
    max: 100_000,
    what: "a whole number of participants from 1 to 100,000",
  },
} as const satisfies Record<string, NumericRule>;
