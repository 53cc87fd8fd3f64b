/**
 * Monthly rate equivalent to an annual rate: i_m = (1 + i)^(1/12) − 1.
 * @example monthlyRate(0.035) // 0.0028709...
 */
export function monthlyRate(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/**
 * Discount factor of a flow in programme month `month` (0-based), discounted to the programme start at mid-month:
 * DF = (1 + i_m)^−(month + 0.5) (DOMAIN.md b4).
 * @example monthlyDiscountFactor(0.035, 0) // 0.99857...
 */
export function monthlyDiscountFactor(annualRate: number, month: number): number {
  return Math.pow(1 + annualRate, -(month + 0.5) / 12);
}
