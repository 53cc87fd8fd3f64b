/**
 * The deal zone: the range of outcome prices at which both sides can sign. Deterministic (expected outcomes).
 *
 * The price is varied one of two ways:
 * - **factor** (default): every rate-card price is multiplied by x (x = 1 is the terms as given); the base fee and
 *   the savings share stay as they are;
 * - **metric**: one metric's price is set to x kr per outcome; every other price stays.
 *
 * Two conditions, each monotone in x (a higher price never lowers the payments, and never lowers the investor's NPV
 * at a hurdle ≥ 0):
 * - the **investor** reaches its hurdle h: NPV_h(x) ≥ 0, the NPV of its monthly flows at (1 + h)^(1/12) − 1 per month
 *   (month 0 undiscounted). This holds from a lowest price x_low upwards;
 * - the **municipality** pays at most the share s of what it saves: PV(its payments at x) ≤ s · PV(its savings), both
 *   discounted at the scenario's rate (mid-month), savings before the intervention cost (the investor pays that). This
 *   holds up to a highest price x_high (or at every price, when caps stop the payments from growing).
 *
 * The zone is [x_low, x_high] when x_low ≤ x_high. Otherwise it is empty, with the reason: the investor needs more
 * than the municipality can pay (x_low > x_high), the investor never reaches the hurdle at any price (a return cap
 * below the hurdle, a contract cap, no payable outcomes), or the municipality cannot pay even at price 0 (the base fee
 * or savings share alone exceed its share of the savings). The savings do not depend on the price, so x_high solves a
 * linear equation when no cap binds: x_high = (s · PV savings − PV fixed payments) / PV(payments per unit of x).
 *
 * Both ends are found by bisection on the condition (solve.ts): the returned x_low satisfies the investor's condition
 * and x_high the municipality's, each within a relative 1e-12 of the boundary.
 */
import { computeBusinessCase } from "../businessCase";
import { fail, failMany, issue, ok, type Issue, type Result } from "../errors";
import { parseMetric } from "../payment/metrics";
import { POSITION_TOLERANCE_KR } from "../payment/position";
import { evaluateDeal, withLinePrice, withPriceFactor, type DealEvaluation } from "./deal";
import { validateStressInputs, type StressInputs } from "./model";
import { conditionBoundary, expandUntilChange } from "./solve";

/** Largest price factor (or price in kr per outcome) searched. */
export const DEAL_ZONE_LIMIT = 1e12;

/** Options of {@link dealZone}. */
export interface DealZoneOptions {
  /** The investor's hurdle, an effective annual rate above −1 (0.08 = 8 % a year). */
  readonly hurdleRate: number;
  /** s: the most of its discounted savings the municipality will pay, a share above 0 (1 = all of it; 0.8 = 80 %). */
  readonly municipalityShare: number;
  /** null: scale every price by a factor; a metric id: vary that metric's price in kr. */
  readonly metric: string | null;
}

/** One end of the zone with both sides' numbers there. */
export interface DealZoneEnd {
  /** x: the price factor, or the metric's price in kr per outcome. */
  readonly value: number;
  /** The price factor relative to the terms as given (value / base price in metric mode; NaN if the base is 0). */
  readonly factor: number;
  /** The reference metric's price at this end, kr per outcome. */
  readonly price: number;
  /** The investor's NPV at the hurdle, kr (≥ 0 at the low end). */
  readonly investorNpv: number;
  /** The investor's IRR, effective annual (NaN when none). */
  readonly investorIrr: number;
  /** The municipality's discounted payments, kr (≤ its limit at the high end). */
  readonly municipalityPaymentsPv: number;
}

/** Why a zone is empty. */
export type EmptyDealZoneCode = "investorNeedsMore" | "investorNeverReaches" | "municipalityCannotPay";

/** The deal zone or why there is none. */
export type DealZone =
  | {
      readonly empty: false;
      readonly unit: "factor" | "kr";
      /** The metric whose price is shown (and, in metric mode, varied). */
      readonly metric: string;
      readonly low: DealZoneEnd;
      /** The high end, or null when the municipality's condition holds at every price (caps stop the payments). */
      readonly high: DealZoneEnd | null;
      /** s · PV of the municipality's savings: the most it will pay, kr. */
      readonly municipalityLimitPv: number;
      readonly municipalitySavingsPv: number;
    }
  | {
      readonly empty: true;
      readonly code: EmptyDealZoneCode;
      /** A sentence for people (the custom function shows it with #N/A). */
      readonly reason: string;
      readonly unit: "factor" | "kr";
      readonly metric: string;
      /** The lowest price the investor needs, if it exists. */
      readonly investorNeeds: DealZoneEnd | null;
      /** The highest price the municipality accepts, if it exists (null: none, or no limit). */
      readonly municipalityAccepts: DealZoneEnd | null;
      readonly municipalityLimitPv: number;
      readonly municipalitySavingsPv: number;
    };

/**
 * The deal zone (see the module comment). Fails with InvalidInput for bad inputs or options (fields `hurdleRate`,
 * `municipalityShare`, `metric`); an empty zone is a valid answer (empty: true, with the reason).
 * @param inputs Scenario, payment terms and investor terms.
 * @param options Hurdle, the municipality's share of its savings and the price mode.
 * @returns The zone, or an empty zone with its reason.
 * @example dealZone(pilotInputs, { hurdleRate: 0.08, municipalityShare: 1, metric: null })
 * // ok({ empty: false, low: { value: ≈ 1.21 }, high: { value: ≈ 1.585 } }): prices from 121 % to 158.5 % of the card
 */
export function dealZone(inputs: StressInputs, options: DealZoneOptions): Result<DealZone> {
  const issues: Issue[] = validateStressInputs(inputs);
  const { hurdleRate, municipalityShare, metric } = options;
  if (!(Number.isFinite(hurdleRate) && hurdleRate > -1 && hurdleRate <= 10)) {
    issues.push(
      issue(
        "InvalidInput",
        "hurdleRate",
        "range",
        `hurdleRate must be an effective annual rate above -1 and at most 10 (0.08 = 8 %), got ${hurdleRate}.`,
      ),
    );
  }
  if (!(Number.isFinite(municipalityShare) && municipalityShare > 0 && municipalityShare <= 10)) {
    issues.push(
      issue(
        "InvalidInput",
        "municipalityShare",
        "range",
        `municipalityShare must be the share of its discounted savings the municipality will pay, above 0 and at most 10 (1 = all; 0.8 = 80 %), got ${municipalityShare}.`,
      ),
    );
  }
  const card = inputs.paymentTerms.rateCard;
  const ids = card.map((line) => parseMetric(line.metric)?.id ?? line.metric);
  let line = -1;
  if (metric !== null) {
    const id = parseMetric(metric)?.id;
    line = id === undefined ? -1 : ids.indexOf(id);
    if (line < 0) {
      issues.push(
        issue(
          "InvalidInput",
          "metric",
          "known",
          `metric must be a metric on the rate card (${ids.join(", ")}), got ${JSON.stringify(metric)}.`,
        ),
      );
    }
  } else if (issues.length === 0 && !card.some((entry) => entry.price > 0)) {
    issues.push(
      issue(
        "InvalidInput",
        "prices",
        "positive",
        "The rate card has no price above 0 to scale; name a metric to vary its price in kr instead.",
      ),
    );
  }
  if (issues.length > 0) return failMany(issues);

  const unit = metric === null ? "factor" : "kr";
  const reference = metric === null ? card.findIndex((entry) => entry.price > 0) : line;
  const basePrice = card[reference]?.price ?? 0;
  const referenceMetric = ids[reference] ?? "";
  const businessCase = computeBusinessCase(inputs.scenario);
  const cache = new Map<number, DealEvaluation>();
  const at = (x: number): DealEvaluation => {
    let deal = cache.get(x);
    if (deal === undefined) {
      const terms =
        metric === null ? withPriceFactor(inputs.paymentTerms, x) : withLinePrice(inputs.paymentTerms, line, x);
      deal = evaluateDeal({ ...inputs, paymentTerms: terms }, hurdleRate, businessCase);
      cache.set(x, deal);
    }
    return deal;
  };
  const savingsPv = at(0).municipalitySavingsPv;
  const limitPv = municipalityShare * savingsPv;
  const investorHolds = (x: number): boolean => at(x).investorNpv >= 0;
  const municipalityHolds = (x: number): boolean => at(x).municipalityPaymentsPv <= limitPv + POSITION_TOLERANCE_KR;
  const end = (x: number): DealZoneEnd => {
    const deal = at(x);
    const factor = metric === null ? x : basePrice > 0 ? x / basePrice : Number.NaN;
    return {
      value: x,
      factor,
      price: metric === null ? basePrice * x : x,
      investorNpv: deal.investorNpv,
      investorIrr: deal.investorIrr,
      municipalityPaymentsPv: deal.municipalityPaymentsPv,
    };
  };
  const start = metric === null || basePrice <= 0 ? 1 : basePrice;
  const common = {
    unit,
    metric: referenceMetric,
    municipalityLimitPv: limitPv,
    municipalitySavingsPv: savingsPv,
  } as const;
  const what = describeUnit(unit, referenceMetric);

  // The municipality: from price 0 up to the first price where its payments exceed its limit.
  let high: DealZoneEnd | null = null;
  if (!municipalityHolds(0)) {
    const low = lowestInvestorPrice(investorHolds, start);
    return ok({
      ...common,
      empty: true,
      code: "municipalityCannotPay",
      reason: `No deal: even at a ${what} of 0 the municipality pays ${kr(at(0).municipalityPaymentsPv)} discounted (base fee, savings share), above ${share(municipalityShare)} of its discounted savings (${kr(limitPv)}).`,
      investorNeeds: low === null ? null : end(low),
      municipalityAccepts: null,
    });
  }
  const municipalityBracket = expandUntilChange(municipalityHolds, start, DEAL_ZONE_LIMIT);
  if (municipalityBracket !== null) {
    high = end(conditionBoundary(municipalityHolds, municipalityBracket.inner, municipalityBracket.outer));
  } else if (!municipalityHolds(start)) {
    high = end(conditionBoundary(municipalityHolds, 0, start));
  }

  const low = lowestInvestorPrice(investorHolds, start);
  if (low === null) {
    const best = at(DEAL_ZONE_LIMIT);
    return ok({
      ...common,
      empty: true,
      code: "investorNeverReaches",
      reason: `No deal: the investor misses its ${percent(hurdleRate)} hurdle at any ${what} (NPV ${kr(best.investorNpv)} at ${number(DEAL_ZONE_LIMIT)}): a return cap below the hurdle, a contract cap or no payable outcomes.`,
      investorNeeds: null,
      municipalityAccepts: high,
    });
  }
  const lowEnd = end(low);
  if (high !== null && lowEnd.value > high.value) {
    return ok({
      ...common,
      empty: true,
      code: "investorNeedsMore",
      reason: `No deal: the investor's ${percent(hurdleRate)} hurdle needs a ${what} of at least ${number(lowEnd.value)}, but the municipality pays at most ${share(municipalityShare)} of its discounted savings (${kr(limitPv)}), reached at ${number(high.value)}.`,
      investorNeeds: lowEnd,
      municipalityAccepts: high,
    });
  }
  return ok({ ...common, empty: false, low: lowEnd, high });
}

/** The lowest x ≥ 0 at which the investor reaches its hurdle, or null below the search limit. */
function lowestInvestorPrice(holds: (x: number) => boolean, start: number): number | null {
  if (holds(0)) return 0;
  if (holds(start)) return conditionBoundary(holds, start, 0);
  const bracket = expandUntilChange(holds, start, DEAL_ZONE_LIMIT);
  return bracket === null ? null : conditionBoundary(holds, bracket.outer, bracket.inner);
}

function describeUnit(unit: "factor" | "kr", metric: string): string {
  return unit === "factor" ? "price factor" : `${metric} price (kr)`;
}

function kr(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} kr`;
}

function number(value: number): string {
  return Number(value.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

function percent(rate: number): string {
  return `${Number((100 * rate).toPrecision(4))} %`;
}

function share(value: number): string {
  return `${Number((100 * value).toPrecision(4))} %`;
}

/** Fails for a zone that should exist (tests and callers that require one). */
export function requireDealZone(zone: DealZone): Result<Extract<DealZone, { empty: false }>> {
  return zone.empty ? fail("Impossible", "dealZone", zone.code, zone.reason) : ok(zone);
}
