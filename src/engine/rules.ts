import { MAX_HORIZON_MONTHS, MAX_PEOPLE } from "./limits";

/**
 * The ranges a scenario's numeric inputs must lie in, as data: the single source of the engine's validation
 * (src/engine/validate.ts), the workbook's data validation and its Checks block (src/plan), so the engine and the
 * workbook refuse the same inputs. Bounds are inclusive unless `exclusiveMin`.
 */
export interface NumericRule {
  /** Whole numbers only. */
  readonly integer: boolean;
  readonly min: number;
  /** Upper bound: a number, or "horizon" for the scenario's horizon (months that must fall within it). */
  readonly max: number | "horizon";
  readonly exclusiveMin?: boolean;
  /** What the value must be, in English, completing "<field> must be …" (the engine's message). */
  readonly what: string;
}

/** Longest horizon and most people: declared with their reasons in src/engine/limits.ts. */
export { MAX_HORIZON_MONTHS, MAX_PEOPLE };

/** Tolerance for shares summing to 1. */
export const SHARE_SUM_TOLERANCE = 1e-6;
/** Largest amount in kr any single input may hold (a typing guard, far above any real amount). */
export const MAX_AMOUNT_KR = 1e9;
/** Latest intake month of a cohort (programme months from 0). */
export const MAX_INTAKE_MONTH = 600;

export const RULES = {
  share: { integer: false, min: 0, max: 1, what: "a share from 0 to 1 (e.g. 0.18 for 18 %)" },
  amount: { integer: false, min: 0, max: MAX_AMOUNT_KR, what: "an amount in kr from 0 to 1,000,000,000" },
  rate: { integer: false, min: 0, max: 0.99, what: "a rate from 0 to 0.99 (e.g. 0.08 for 8 %)" },
  factor: { integer: false, min: 0, max: 10, exclusiveMin: true, what: "a factor above 0 and at most 10" },
  flag: { integer: true, min: 0, max: 1, what: "1 (yes) or 0 (no)" },
  people: { integer: true, min: 1, max: MAX_PEOPLE, what: "a whole number of participants from 1 to 10,000,000" },
  intakeMonth: {
    integer: true,
    min: 0,
    max: MAX_INTAKE_MONTH,
    what: `a whole programme month from 0 to ${MAX_INTAKE_MONTH}`,
  },
  horizon: {
    integer: true,
    min: 1,
    max: MAX_HORIZON_MONTHS,
    what: `a whole number of months from 1 to ${MAX_HORIZON_MONTHS}`,
  },
  monthWithinHorizon: {
    integer: true,
    min: 1,
    max: "horizon",
    what: "a whole number of months from 1 to the horizon",
  },
  persistence: {
    integer: false,
    min: 0,
    max: 1,
    what: "a monthly persistence from 0 to 1 (1 = no decay, 0.98 = 2 % decay a month)",
  },
  weeks: { integer: false, min: 0, max: 520, what: "a number of weeks from 0 to 520" },
  discountRate: {
    integer: false,
    min: -1,
    max: 1,
    exclusiveMin: true,
    what: "an annual rate above -1 (−100 %) and at most 1 (100 %), e.g. 0.035",
  },
  refusionWeek: { integer: true, min: 1, max: 10_000, what: "a whole week number of at least 1" },
} as const satisfies Record<string, NumericRule>;

/**
 * The rule of every scalar input of a scenario, by its input key (the keys of INPUT_FIELDS and of the workbook's
 * scalar input cells). Choices are coded as numbers the way the workbook holds them (costTiming: 1 = up front).
 */
export const SCALAR_RULES: Readonly<Record<string, NumericRule>> = {
  interventionMonths: RULES.monthWithinHorizon,
  measurementMonth: RULES.monthWithinHorizon,
  persistence: RULES.persistence,
  horizonMonths: RULES.horizon,
  costPerParticipant: RULES.amount,
  costTiming: RULES.flag,
  weeksOnBenefitAtIntake: RULES.weeks,
  labourMarketContributionRate: RULES.rate,
  municipalTaxRate: RULES.rate,
  bottomTaxRate: RULES.rate,
  employmentAllowanceRate: RULES.rate,
  jobAllowanceRate: RULES.rate,
  personalAllowance: RULES.amount,
  employmentAllowanceMax: RULES.amount,
  jobAllowanceFloor: RULES.amount,
  jobAllowanceMax: RULES.amount,
  equalisationShare: RULES.share,
  discountRate: RULES.discountRate,
  netTaxFactor: RULES.factor,
  distortionFactor: RULES.factor,
  employerCostFactor: RULES.factor,
};

/**
 * True when a value satisfies a rule (`horizon` = the scenario's horizon, for rules bounded by it).
 * @example satisfies(RULES.share, 0.18, 50) // true
 */
export function satisfies(rule: NumericRule, value: unknown, horizon: number): boolean {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (rule.integer && !Number.isInteger(value)) return false;
  const max = rule.max === "horizon" ? horizon : rule.max;
  const aboveMin = rule.exclusiveMin === true ? value > rule.min : value >= rule.min;
  return aboveMin && value <= max;
}
