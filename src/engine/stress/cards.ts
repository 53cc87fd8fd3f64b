/**
 * The absolute and the counterfactual card side by side (issue 11 item 2): the same payment terms paid on absolute
 * outcome shares (baseline none, a gross card) and on outcomes above the comparison group (baseline comparison), each
 * with its deadweight and its deal zone (price factor from the investor's hurdle to the municipality's limit).
 *
 * The model's own card is shown as given; its counterpart gets the same terms with the other baseline and every
 * rate-card price scaled to the midpoint of the counterpart's own deal zone (factor (x_low + x_high)/2 at the hurdle and
 * municipality share given), so that both sides keep a margin. A counterpart without a zone keeps the prices as given,
 * with the zone's reason. A historical baseline counts as counterfactual here (its counterpart is the gross card).
 */
import { computeBusinessCase } from "../businessCase";
import { failMany, ok, type Result } from "../errors";
import type { InvestorTerms } from "../investor/terms";
import { deadweightCore, type Deadweight } from "../payment/deadweight";
import { computePaymentSchedule } from "../payment/schedule";
import type { PaymentTerms } from "../payment/terms";
import type { Scenario } from "../scenario";
import { dealZone, type DealZone } from "./dealZone";
import { validateStressInputs } from "./model";

/** One card: its terms, expected payment, deadweight and deal zone. */
export interface CardComparison {
  readonly kind: "absolute" | "counterfactual";
  /** True for the model's own card, false for the counterpart built from it. */
  readonly asGiven: boolean;
  readonly terms: PaymentTerms;
  /** The factor the counterpart's prices were scaled by (1 for the card as given). */
  readonly priceFactor: number;
  /** Expected payment (all payers, kr, undiscounted). */
  readonly payment: number;
  readonly deadweight: Deadweight;
  /** The deal zone of this card's terms (factor relative to this card's prices). */
  readonly zone: DealZone;
}

/**
 * Both cards for a scenario and its terms (see the module comment).
 * @param options hurdleRate (effective annual, e.g. 0.05) and municipalityShare (s, e.g. 1).
 * @returns [absolute, counterfactual], or the stress inputs' issues (e.g. costPerParticipant 0: no investor).
 * @example compareCards(pilot, PILOT_PAYMENT_TERMS, DEFAULT_INVESTOR_TERMS, { hurdleRate: 0.05, municipalityShare: 1 })
 *   // counterfactual prices × 2.6586 (zone 2.2715–3.0458): 526,644 kr per additional self-supporting outcome
 */
export function compareCards(
  scenario: Scenario,
  terms: PaymentTerms,
  investorTerms: InvestorTerms,
  options: { readonly hurdleRate: number; readonly municipalityShare: number },
): Result<readonly [CardComparison, CardComparison]> {
  const issues = validateStressInputs({ scenario, paymentTerms: terms, investorTerms });
  if (issues.length > 0) return failMany(issues);
  const businessCase = computeBusinessCase(scenario);
  const zoneOf = (cardTerms: PaymentTerms): Result<DealZone> =>
    dealZone({ scenario, paymentTerms: cardTerms, investorTerms }, { ...options, metric: null });
  const card = (
    kind: CardComparison["kind"],
    asGiven: boolean,
    cardTerms: PaymentTerms,
    priceFactor: number,
    zone: DealZone,
  ): CardComparison => {
    const schedule = computePaymentSchedule(scenario, businessCase, cardTerms);
    return {
      kind,
      asGiven,
      terms: cardTerms,
      priceFactor,
      payment: schedule.totals.all,
      deadweight: deadweightCore(scenario, schedule, cardTerms),
      zone,
    };
  };
  const ownKind: CardComparison["kind"] = terms.baseline.kind === "none" ? "absolute" : "counterfactual";
  const ownZone = zoneOf(terms);
  if (!ownZone.ok) return ownZone;
  const own = card(ownKind, true, terms, 1, ownZone.value);
  const otherBase: PaymentTerms = {
    ...terms,
    baseline: ownKind === "absolute" ? { kind: "comparison" } : { kind: "none" },
  };
  const otherZone = zoneOf(otherBase);
  if (!otherZone.ok) return otherZone;
  const zone = otherZone.value;
  const factor = zone.empty || zone.high === null ? 1 : (zone.low.factor + zone.high.factor) / 2;
  const scaled: PaymentTerms = {
    ...otherBase,
    rateCard: otherBase.rateCard.map((line) => ({ ...line, price: line.price * factor })),
  };
  const scaledZone = factor === 1 ? otherZone : zoneOf(scaled);
  if (!scaledZone.ok) return scaledZone;
  const other = card(ownKind === "absolute" ? "counterfactual" : "absolute", false, scaled, factor, scaledZone.value);
  return ok(ownKind === "absolute" ? [own, other] : [other, own]);
}
