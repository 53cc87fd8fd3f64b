import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/engine/errors";
import { personCappedPrices } from "../../../src/engine/payment/caps";
import { outcomePayment, type OutcomePaymentInput } from "../../../src/engine/payment/outcomePayment";
import { rateCardPayment } from "../../../src/engine/payment/rateCard";
import { asCalledByExcel, installCustomFunctionsStub } from "../../support/customFunctionsStub";

/**
 * A UK outcomes rate card with a per-person cap (issue 16, item 4), priced for a small hand-made cohort through the
 * engine (outcomePayment, the core of SIB.PAYMENT, and personCappedPrices, the cap rule of the payment schedule) and
 * through SIB.PAYMENT as Excel calls it, against a sum written out by hand, person by person.
 *
 * PUBLISHED: the per-person caps of the DWP Innovation Fund, £11,700 (round 1) and £8,200 (round 2): GO Lab INDIGO
 * impact-bond dataset, golab-indigo-data-store.herokuapp.com (the project's own reference notes, payments-and-peers.md
 * b3, source [I1]).
 *
 * NOT PUBLISHED HERE: the card's prices per outcome. Searches of the stored pages and documentation (1 December 2026:
 * "DWP Innovation Fund rate card outcomes prices", "Youth Engagement Fund rate card", "Fair Chance Fund rate card" and
 * variants) found the funds' evaluations and announcements (e.g. the Fair Chance Fund's outcome list at
 * thirdsectorleaderskirklees.org/2015/01/21/fair-chance-fund-congratulations-to-fusion-housing/: sustained
 * accommodation 3/6/12/18 months, qualifications, volunteering, work of 6 to 26 weeks) but no table of prices. The
 * prices below are therefore ILLUSTRATIVE, round numbers chosen for this test, and not the Innovation Fund's. Only the
 * caps are the published figures.
 *
 * The engine works in kr; the card is in pounds. No conversion is made: a payment is Σ count × price with caps, so the
 * arithmetic is the same in any currency, and every amount here is in £.
 */
installCustomFunctionsStub();
const functions = await import("../../../src/functions/payment");
const payment = asCalledByExcel(functions.payment);

/** Published per-person caps, £ (INDIGO, see above). */
const IF_ROUND_1_CAP = 11_700;
const IF_ROUND_2_CAP = 8_200;

/** ILLUSTRATIVE prices, £ per outcome: a chain (each outcome is paid only after the one before it). */
const CARD = [
  { metric: "job entry", price: 4_000 },
  { metric: "sustained 13 weeks", price: 3_000 },
  { metric: "sustained 26 weeks", price: 6_000 },
] as const;

/**
 * Ten young people, what each achieved (in chain order). Nested as a chain is: only those with a job entry can be
 * sustained. Counts: job entry 6, sustained 13 weeks 4, sustained 26 weeks 3.
 */
const COHORT: readonly (readonly boolean[])[] = [
  [true, true, true],
  [true, true, true],
  [true, true, true],
  [true, true, false],
  [true, false, false],
  [true, false, false],
  [false, false, false],
  [false, false, false],
  [false, false, false],
  [false, false, false],
];
const COUNTS = [6, 4, 3];
const PRICES = CARD.map((line) => line.price);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

function input(personCap: number | null): OutcomePaymentInput {
  return {
    outcomes: COUNTS,
    prices: PRICES,
    participants: null,
    personCap,
    volumeCaps: null,
    contractCap: null,
    chained: true,
    baseline: null,
    thresholdPP: null,
    labels: CARD.map((line) => line.metric),
  };
}

describe("a UK rate card with a per-person cap (published caps, illustrative prices)", () => {
  it("the cohort's counts are those of the list of people", () => {
    expect(CARD.map((_, k) => COHORT.filter((person) => person[k] === true).length)).toEqual(COUNTS);
  });

  it("uncapped: 6 × 4,000 + 4 × 3,000 + 3 × 6,000 = 54,000", () => {
    const byHand = 6 * 4_000 + 4 * 3_000 + 3 * 6_000;
    expect(byHand).toBe(54_000);
    expect(value(rateCardPayment(COUNTS, PRICES))).toBe(byHand);
    expect(value(outcomePayment(input(null)))).toBe(byHand);
    expect(payment([[6], [4], [3]], [[4_000], [3_000], [6_000]], null, null, null, null, true)).toBe(byHand);
  });

  it("round 1 cap £11,700: 3 × min(13,000, 11,700) + 1 × 7,000 + 2 × 4,000 = 50,100", () => {
    // Person by person: all three outcomes 4,000 + 3,000 + 6,000 = 13,000, capped at 11,700 (three people);
    // job and 13 weeks 7,000 (one person, under the cap); job entry only 4,000 (two people); nothing (four people).
    const byHand = 3 * Math.min(13_000, IF_ROUND_1_CAP) + 1 * 7_000 + 2 * 4_000;
    expect(byHand).toBe(50_100);
    expect(byHand).toBe(54_000 - 3 * (13_000 - 11_700));
    expect(value(outcomePayment(input(IF_ROUND_1_CAP)))).toBe(byHand);
    expect(payment([[6], [4], [3]], [[4_000], [3_000], [6_000]], null, IF_ROUND_1_CAP, null, null, true)).toBe(byHand);
  });

  it("round 2 cap £8,200: 3 × 8,200 + 1 × 7,000 + 2 × 4,000 = 39,600", () => {
    const byHand = 3 * Math.min(13_000, IF_ROUND_2_CAP) + 1 * Math.min(7_000, IF_ROUND_2_CAP) + 2 * 4_000;
    expect(byHand).toBe(39_600);
    expect(value(outcomePayment(input(IF_ROUND_2_CAP)))).toBe(byHand);
    expect(payment([[6], [4], [3]], [[4_000], [3_000], [6_000]], null, IF_ROUND_2_CAP, null, null, true)).toBe(byHand);
  });

  it("the payment schedule's cap rule gives each outcome its capped marginal price, summing to the same", () => {
    // Capped running sums along the chain at £8,200: 4,000, 7,000, 8,200 → marginal prices 4,000, 3,000, 1,200.
    const marginal = value(personCappedPrices(COUNTS, PRICES, IF_ROUND_2_CAP));
    expect(marginal).toEqual([4_000, 3_000, 1_200]);
    expect(6 * 4_000 + 4 * 3_000 + 3 * 1_200).toBe(39_600);
    // At £11,700: 4,000, 7,000, 11,700 → 4,000, 3,000, 4,700; 24,000 + 12,000 + 14,100 = 50,100.
    expect(value(personCappedPrices(COUNTS, PRICES, IF_ROUND_1_CAP))).toEqual([4_000, 3_000, 4_700]);
  });

  it("the same card as a two-column range of names and prices, outcomes named in another order", () => {
    const card = CARD.map((line) => [line.metric, line.price]);
    const outcomes = [
      ["sustained 26 weeks", 3],
      ["job entry", 6],
      ["sustained 13 weeks", 4],
    ];
    expect(payment(outcomes, card, null, IF_ROUND_1_CAP, null, null, true)).toBe(50_100);
  });

  it("each person's payment computed one by one sums to the engine's total, and none exceeds the cap", () => {
    for (const cap of [IF_ROUND_1_CAP, IF_ROUND_2_CAP]) {
      const perPerson = COHORT.map((achieved) =>
        Math.min(
          achieved.reduce((sum, done, k) => sum + (done ? (PRICES[k] ?? 0) : 0), 0),
          cap,
        ),
      );
      expect(Math.max(...perPerson)).toBeLessThanOrEqual(cap);
      expect(value(outcomePayment(input(cap)))).toBe(perPerson.reduce((a, b) => a + b, 0));
    }
  });
});
