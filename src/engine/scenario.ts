import type { Consequence } from "./consequences/model";
import type { OutcomeState, PerState } from "./states";

/**
 * One cohort: `participants` people who start the effort in programme month `intakeMonth`
 * (0 = the first month of the programme; months are calendar months counted from the programme start).
 */
export interface Cohort {
  readonly participants: number;
  readonly intakeMonth: number;
  /** The municipality the cohort belongs to (a name in `Scenario.municipalities`); absent/null when none is listed. */
  readonly municipality?: string | null;
}

/**
 * One of several municipalities sharing a case (src/engine/municipalities.ts, docs/scenario.md). `taxRate` null = the
 * built-in rate of the parameter year (Herning, Viborg, Ringkøbing-Skjern 2023–2026); `weeksOnBenefitAtIntake` null =
 * the scenario's; `paymentShare` = its share (0–1) of the municipal outcome payments (the shares sum to 1).
 */
export interface Municipality {
  readonly name: string;
  readonly taxRate: number | null;
  readonly weeksOnBenefitAtIntake: number | null;
  readonly paymentShare: number;
}

/** Who pays a state's benefit. A municipal benefit is partly reimbursed by the state (refusion). */
export type BenefitPayer = "municipality" | "state";

/**
 * Monthly amounts for a person in one outcome state, in kr per month, in fixed prices of the parameter year (the
 * discount rate is real, Finansministeriet's 3.5 %).
 */
export interface StateEconomics {
  /** Gross wage, kr/month. Taxed with AM contribution and income tax; valued at wage cost in the socio-economic account. */
  readonly wage: number;
  /** Gross public benefit, kr/month (taxable). */
  readonly benefit: number;
  /** Who pays `benefit`. */
  readonly benefitPayer: BenefitPayer;
  /** Regional health-care cost, kr/month (0 by default, as in COWI's evaluation). */
  readonly healthCost: number;
}

/** One step of the refusion staircase: from `fromWeek` (1-based, inclusive) the state reimburses `share`. */
export interface RefusionStep {
  readonly fromWeek: number;
  readonly share: number;
}

/**
 * Danish personal income tax as used for the public-budget account (DOMAIN.md b3). Rates are fractions per year
 * (0.08 = 8 %), amounts kr per year. Middle and top tax and church tax are not modelled (their thresholds lie far above
 * the wages of the target group).
 */
export interface TaxParameters {
  /** AM-bidrag: labour-market contribution on wages (not on benefits), e.g. 0.08. */
  readonly labourMarketContributionRate: number;
  /** Kommuneskat, e.g. 0.25018 (2023 average). */
  readonly municipalTaxRate: number;
  /** Bundskat (state), e.g. 0.1209 (2023). */
  readonly bottomTaxRate: number;
  /** Personfradrag, kr/year, e.g. 48,000 (2023). */
  readonly personalAllowance: number;
  /** Beskæftigelsesfradrag rate on wages, e.g. 0.1065. */
  readonly employmentAllowanceRate: number;
  /** Beskæftigelsesfradrag maximum, kr/year. */
  readonly employmentAllowanceMax: number;
  /** Jobfradrag rate on wages above the floor, e.g. 0.045. */
  readonly jobAllowanceRate: number;
  /** Jobfradrag wage floor, kr/year. */
  readonly jobAllowanceFloor: number;
  /** Jobfradrag maximum, kr/year. */
  readonly jobAllowanceMax: number;
}

/** Socio-economic valuation factors (Finansministeriet's guidance, DOMAIN.md b5). */
export interface SocioEconomicFactors {
  /** Nettoafgiftsfaktor NAF: factor prices → market prices, e.g. 1.28 (FM 2023) or 1.0 (COWI calibration). */
  readonly netTaxFactor: number;
  /** Distortion factor φ: 1 = no tax distortion (FM 2023), 1.10 = 10 % (FM 2017). */
  readonly distortionFactor: number;
  /** Employer-cost factor λ: wage cost = λ × gross wage, e.g. 1.10. */
  readonly employerCostFactor: number;
}

/** How the intervention cost falls over time. */
export type CostTiming = "spread" | "upfront";

/**
 * A complete business-case scenario. All amounts in kr in fixed prices of the parameter year (no indexation; the
 * discount rate is real, FM 3.5 %); all rates as fractions.
 * Shares are fractions of each group (0.18 = 18 %) at the measurement month; each group's eight shares sum to 1.
 *
 * Conventions: month t = 0 is a cohort's first month; flows in month t are discounted to the programme start at
 * mid-month, DF = (1 + i_m)^−(τ + t + 0.5) with i_m = (1 + i)^(1/12) − 1 (DOMAIN.md b4).
 */
export interface Scenario {
  readonly name: string;
  /** The year whose parameter level the amounts represent, e.g. 2023. */
  readonly parameterYear: number;
  readonly cohorts: readonly Cohort[];
  /** Number of participants whose outcome was measured (for the confidence interval); null = the cohort total. */
  readonly measuredParticipants: number | null;
  /** Comparison-group size (for the confidence interval); null = unknown, then no interval is computed. */
  readonly comparisonGroupSize: number | null;
  /** Outcome shares at the measurement month, per group. */
  readonly participantShares: PerState<number>;
  readonly comparisonShares: PerState<number>;
  /** D: length of the effort, months. */
  readonly interventionMonths: number;
  /** M: month at which outcomes are measured (≥ 1); the effect ramps linearly up to it. Pilot: D + 2. */
  readonly measurementMonth: number;
  /** ρ: monthly persistence of the effect after M (1 = no decay, 0.98 = 2 % decay a month). */
  readonly persistence: number;
  /** T: months followed per cohort (1..420). */
  readonly horizonMonths: number;
  /** K: intervention cost per participant, kr, charged to the municipality ("costs before income"). */
  readonly costPerParticipant: number;
  readonly costTiming: CostTiming;
  readonly states: PerState<StateEconomics>;
  /** Refusion staircase, sorted by `fromWeek`, the first step from week 1. */
  readonly refusionSteps: readonly RefusionStep[];
  /** Cumulative weeks on benefit at intake (the counter then runs 52/12 weeks a month). */
  readonly weeksOnBenefitAtIntake: number;
  readonly tax: TaxParameters;
  /** U: share of the municipality's tax change neutralised by equalisation (0 = gross view, as SØM). */
  readonly equalisationShare: number;
  /** i: discount rate per year, e.g. 0.035. Must be > −1. */
  readonly discountRate: number;
  readonly socioEconomic: SocioEconomicFactors;
  /**
   * N: outcome states whose difference is not counted as an effect of the programme (e.g. ABROAD for emigration, PERM
   * for selection into førtidspension). The participants get the comparison group's share in these states and every
   * other participant share is scaled by (1 − Σ_N c_s)/(1 − Σ_N p_s) (src/engine/neutralise.ts, docs/scenario.md).
   * Default `[]` (every difference counts). Each state at most once.
   */
  readonly neutraliseStates: readonly OutcomeState[];
  /**
   * The state the attribution table measures each state's contribution against (default "TEMP", the temporary
   * benefit the target group comes from): row s = Δ_s × (net flow of the reference − net flow of s).
   */
  readonly attributionReference: OutcomeState;
  /**
   * Start date of the programme, "YYYY-MM-DD" (default 2026-01-01): programme month 0 is its calendar month. Used by
   * the budget view (src/engine/budget.ts) to put months into calendar years; the business case does not depend on it.
   */
  readonly startDate?: string;
  /**
   * π: yearly price change of the budget view's current prices, e.g. 0.02 (default 2 % [A]): a fixed-price flow in
   * calendar year Y is × (1 + π)^(Y − parameterYear).
   */
  readonly priceIndex?: number;
  /**
   * Several municipalities in one case (issue 10): each cohort names one (`cohorts[].municipality`), each has its own
   * kommuneskat, weeks on benefit at intake and share of the outcome payments. Absent or empty = one combined
   * municipality with `tax.municipalTaxRate` and `weeksOnBenefitAtIntake` (the pilot).
   */
  readonly municipalities?: readonly Municipality[];
  /**
   * The broad case (issue 15, docs/broad-case.md): SØM-style consequence rows (prison days, placements, bed-days …)
   * whose use changes with the outcome states, each with a unit price, price year, payer and source. Absent or empty =
   * the narrow case (benefits, taxes and production only). src/engine/consequences/.
   */
  readonly consequences?: readonly Consequence[];
}
