/**
 * Share g(t) of the measured end-state effect present in cohort month t (0-based), DOMAIN.md b2:
 * a linear ramp g(t) = (t + 1)/M before the measurement month M, then persistence g(t) = ρ^(t − M).
 * @example effectProfile(13, 14, 1) // 1 (the ramp reaches the full effect in month M − 1)
 * @example effectProfile(16, 14, 0.98) // 0.98² = 0.9604
 */
export function effectProfile(month: number, measurementMonth: number, persistence: number): number {
  if (month < measurementMonth) return (month + 1) / measurementMonth;
  return Math.pow(persistence, month - measurementMonth);
}
