/**
 * Rate conversions for investor metrics. A rate "per period" belongs to the flows' own period (per month for monthly
 * flows); an "effective annual" rate compounds it over a year: (1 + r_period)^periodsPerYear − 1. The nominal rate
 * 12 · r_month is never used.
 */

/** Months per year: the default number of periods for the programme's monthly flows. */
export const MONTHS_PER_YEAR = 12;

/**
 * Effective annual rate of a rate per period: (1 + r)^periodsPerYear − 1, computed as expm1(n · log1p(r)) so small
 * rates keep their precision.
 * @param periodRate Rate per period (per month for monthly flows), a fraction above −1 (0.01 = 1 % per month).
 * @param periodsPerYear Periods in a year (12 for months, 1 for years).
 * @returns The effective annual rate, a fraction (0.1268 = 12.68 % per year).
 * @example effectiveAnnualRate(0.01) // 0.12682503013196977 (1 % per month = 12.68 % effective per year)
 */
export function effectiveAnnualRate(periodRate: number, periodsPerYear: number = MONTHS_PER_YEAR): number {
  return Math.expm1(periodsPerYear * Math.log1p(periodRate));
}

/**
 * Rate per period equivalent to an effective annual rate: (1 + r_year)^(1/periodsPerYear) − 1.
 * @param annualRate Effective annual rate, a fraction above −1 (0.1 = 10 % per year).
 * @param periodsPerYear Periods in a year (12 for months).
 * @returns The rate per period (per month for 12), a fraction.
 * @example periodRate(0.1) // 0.007974140428903741 (10 % per year = 0.797 % per month)
 */
export function periodRate(annualRate: number, periodsPerYear: number = MONTHS_PER_YEAR): number {
  return Math.expm1(Math.log1p(annualRate) / periodsPerYear);
}
