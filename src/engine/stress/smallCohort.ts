/**
 * Exact small-cohort probabilities a stress report needs, from the binomial distribution in stats/binomial.ts (not a
 * second implementation): the probability that a threshold on a metric's measured effect is met, with the
 * participants' count Binomial(n, p) and, optionally, the comparison group's count Binomial(n_c, q).
 *
 * The threshold rule is the payment engine's: met when 100 × (X/n − Y/n_c) ≥ θ (pp), i.e. X ≥ ⌈n·(Y/n_c + θ/100) −
 * 1e-9⌉, the head count `requiredCountCore` gives for the target share Y/n_c + θ/100. Without comparison noise Y/n_c is
 * the true rate q. These are the exact values a Monte Carlo estimate of P(payment triggered) converges to when the
 * threshold gates every outcome payment (scope contract) and only the binomial draws are uncertain.
 */
import { binomialPmfCore, probabilityOfReachingTargetCore } from "../stats/binomial";

/**
 * P(the threshold is met) = Σ_y P(Y = y) · P(X ≥ ⌈n·(y/n_c + θ/100) − 1e-9⌉), X ~ Binomial(n, p), Y ~ Binomial(n_c, q);
 * with n_c = 0 the comparison share is q exactly. Unchecked core: n ≥ 1 and n_c ≥ 0 whole numbers, p and q from 0 to 1.
 * A target share above 1 cannot be met (probability 0); one at or below 0 is always met.
 * @param participants n.
 * @param participantRate p, the participants' true rate in the metric.
 * @param comparisonSize n_c (0 = no comparison noise).
 * @param comparisonRate q, the comparison group's true rate.
 * @param thresholdPP θ in percentage points.
 * @returns The probability, 0 to 1.
 * @example thresholdProbabilityCore(56, 15 / 55, 0, 0.12, 10) // P(X ≥ 13), X ~ Binomial(56, 0.2727) ≈ 0.80
 */
export function thresholdProbabilityCore(
  participants: number,
  participantRate: number,
  comparisonSize: number,
  comparisonRate: number,
  thresholdPP: number,
): number {
  const reach = (comparisonShare: number): number => {
    const target = comparisonShare + thresholdPP / 100;
    if (target > 1) return 0;
    if (target <= 0) return 1;
    return probabilityOfReachingTargetCore(participants, participantRate, target);
  };
  if (comparisonSize === 0) return reach(comparisonRate);
  let probability = 0;
  for (let y = 0; y <= comparisonSize; y++) {
    const weight = binomialPmfCore(y, comparisonSize, comparisonRate);
    if (weight > 0) probability += weight * reach(y / comparisonSize);
  }
  return probability;
}
