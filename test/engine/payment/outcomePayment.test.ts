import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainedCountsCore } from "../../../src/engine/payment/chain";
import { personCappedPricesCore } from "../../../src/engine/payment/caps";
import {
  outcomePayment,
  outcomePaymentCore,
  validateOutcomePayment,
  type OutcomePaymentInput,
} from "../../../src/engine/payment/outcomePayment";

const plain: OutcomePaymentInput = {
  outcomes: [15, 9],
  prices: [198_090, 99_045],
  participants: null,
  personCap: null,
  volumeCaps: null,
  contractCap: null,
  chained: false,
  baseline: null,
  thresholdPP: null,
  labels: null,
};

function pay(change: Partial<OutcomePaymentInput>): number {
  const result = outcomePayment({ ...plain, ...change });
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("; "));
  return result.value;
}

describe("outcome payment: hand calculations", () => {
  it("counts × prices: 15 × 198,090 + 9 × 99,045 = 3,862,755 kr", () => {
    expect(pay({})).toBe(3_862_755);
  });

  it("shares of participants: 30 % and 20 % of 56 at the pilot prices repay 56 × 79,236 kr", () => {
    expect(pay({ outcomes: [0.3, 0.2], participants: 56 })).toBeCloseTo(56 * 79_236, 6);
  });

  it("volume caps cut counts: min(15, 12) × 198,090 + 9 × 99,045", () => {
    expect(pay({ volumeCaps: [12, null] })).toBe(12 * 198_090 + 9 * 99_045);
  });

  it("chain: the second metric is paid only up to the first's count", () => {
    // 10 jobs, 12 sustained (more than jobs): sustained paid for 10.
    expect(pay({ outcomes: [10, 12], prices: [30_000, 20_000], chained: true })).toBe(10 * 30_000 + 10 * 20_000);
    // A volume cap on the first limits the chained second: 6 jobs paid, so 6 sustained.
    expect(pay({ outcomes: [10, 8], prices: [30_000, 20_000], chained: true, volumeCaps: [6, null] })).toBe(
      6 * 30_000 + 6 * 20_000,
    );
  });

  it("per-person cap along a chain: 8 people capped at 40,000, 2 paid 30,000", () => {
    expect(pay({ outcomes: [10, 8], prices: [30_000, 20_000], chained: true, personCap: 40_000 })).toBe(
      8 * 40_000 + 2 * 30_000,
    );
  });

  it("per-person cap without a chain caps each price (different people)", () => {
    expect(pay({ outcomes: [10, 8], prices: [30_000, 50_000], personCap: 40_000 })).toBe(10 * 30_000 + 8 * 40_000);
  });

  it("contract cap", () => {
    expect(pay({ contractCap: 3_000_000 })).toBe(3_000_000);
    expect(pay({ contractCap: 5_000_000 })).toBe(3_862_755);
  });

  it("comparison baseline: pays (share − baseline) × participants", () => {
    // Pilot: self-supporting 15/55 vs 0.12, paid hours 9/55 vs 0.10, 56 participants.
    const expected = (15 / 55 - 0.12) * 56 * 198_090 + (9 / 55 - 0.1) * 56 * 99_045;
    expect(pay({ outcomes: [15 / 55, 9 / 55], participants: 56, baseline: [0.12, 0.1] })).toBeCloseTo(expected, 6);
    // Below the baseline pays nothing.
    expect(pay({ outcomes: [0.1, 0.05], participants: 56, baseline: [0.12, 0.1] })).toBe(0);
  });

  it("threshold: effects of 15.3 pp and 6.4 pp against θ = 10 pp pay only the first", () => {
    const expected = (15 / 55 - 0.12) * 56 * 198_090;
    const input = { outcomes: [15 / 55, 9 / 55], participants: 56, baseline: [0.12, 0.1] };
    expect(pay({ ...input, thresholdPP: 10 })).toBeCloseTo(expected, 6);
    // θ exactly at an effect computed with rounding: 0.18 − 0.07 = 11 pp reaches θ = 11.
    expect(
      pay({ outcomes: [0.18], prices: [1_000], participants: 100, baseline: [0.07], thresholdPP: 11 }),
    ).toBeCloseTo(11_000, 6);
    expect(pay({ outcomes: [0.1799], prices: [1_000], participants: 100, baseline: [0.07], thresholdPP: 11 })).toBe(0);
  });
});

describe("outcome payment: validation names every bad field", () => {
  it.each<[string, Partial<OutcomePaymentInput>, string[]]>([
    ["no outcomes", { outcomes: [], prices: [] }, ["outcomes:required"]],
    ["mismatched prices", { prices: [1] }, ["prices:length"]],
    ["negative count and price", { outcomes: [-1, 2], prices: [5, -5] }, ["outcomes[0]:range", "prices[1]:range"]],
    ["a share above 1 with participants", { outcomes: [1.5, 0.2], participants: 56 }, ["outcomes[0]:range"]],
    ["fractional participants", { outcomes: [0.1, 0.2], participants: 5.5 }, ["participants:integer"]],
    // Sampled Stryker run (docs/mutation.md): the upper bound 10,000,000 (rules.ts `people`) and a non-boolean chain.
    ["participants at the upper bound 10,000,000", { outcomes: [0.1, 0.2], participants: 10_000_000 }, []],
    ["participants above 10,000,000", { outcomes: [0.1, 0.2], participants: 10_000_001 }, ["participants:integer"]],
    ["chained neither TRUE nor FALSE", { chained: "yes" as unknown as boolean }, ["chained:boolean"]],
    ["negative caps", { personCap: -1, contractCap: -2 }, ["personCap:range", "contractCap:range"]],
    ["volume caps of the wrong length", { volumeCaps: [1] }, ["volumeCaps:length"]],
    ["a negative volume cap", { volumeCaps: [null, -1] }, ["volumeCaps[1]:range"]],
    ["a baseline without participants", { baseline: [0.1, 0.1] }, ["baseline:requires"]],
    ["a baseline above 1", { outcomes: [0.1, 0.2], participants: 5, baseline: [0.1, 2] }, ["baseline[1]:range"]],
    ["a threshold without baseline", { thresholdPP: 5 }, ["thresholdPP:requires"]],
    [
      "a threshold of 200 pp",
      { outcomes: [0.1, 0.2], participants: 5, baseline: [0, 0], thresholdPP: 200 },
      ["thresholdPP:range"],
    ],
    // Sampled Stryker run, evening (docs/mutation.md): the lower bound −100 pp and a threshold that is not a number.
    [
      "a threshold of -101 pp",
      { outcomes: [0.1, 0.2], participants: 5, baseline: [0, 0], thresholdPP: -101 },
      ["thresholdPP:range"],
    ],
    [
      "a threshold of -100 pp (the bound)",
      { outcomes: [0.1, 0.2], participants: 5, baseline: [0, 0], thresholdPP: -100 },
      [],
    ],
    [
      "a threshold given as text",
      { outcomes: [0.1, 0.2], participants: 5, baseline: [0, 0], thresholdPP: "10" as unknown as number },
      ["thresholdPP:range"],
    ],
  ])("%s", (_, change, expected) => {
    const issues = validateOutcomePayment({ ...plain, ...change });
    expect(issues.map((issue) => `${issue.field}:${issue.rule}`)).toEqual(expected);
    for (const issue of issues) expect(issue.message).toContain(issue.field.replace(/\[\d+\]$/, ""));
  });

  it("names metrics in messages when labels are given", () => {
    const issues = validateOutcomePayment({ ...plain, prices: [1, -1], labels: ["selfSupporting", "paidHours"] });
    expect(issues[0]?.message).toContain("prices for paidHours");
  });

  it("a valid input has no issues (the same empty list every time)", () => {
    expect(validateOutcomePayment(plain)).toHaveLength(0);
    expect(validateOutcomePayment(plain)).toBe(validateOutcomePayment({ ...plain }));
  });
});

const line = fc.record({
  count: fc.double({ min: 0, max: 60, noNaN: true }),
  price: fc.double({ min: 0, max: 300_000, noNaN: true }),
  volumeCap: fc.option(fc.double({ min: 0, max: 60, noNaN: true }), { nil: null }),
});
const card = fc.array(line, { minLength: 1, maxLength: 5 });
const optionalAmount = fc.option(fc.double({ min: 0, max: 5e6, noNaN: true }), { nil: null });

function inputOf(
  lines: readonly { count: number; price: number; volumeCap: number | null }[],
  personCap: number | null,
  contractCap: number | null,
  chained: boolean,
): OutcomePaymentInput {
  return {
    ...plain,
    outcomes: lines.map((l) => l.count),
    prices: lines.map((l) => l.price),
    volumeCaps: lines.map((l) => l.volumeCap),
    personCap,
    contractCap,
    chained,
  };
}

describe("outcome payment: properties", () => {
  it("never exceeds the contract cap, the person cap × people, or Σ volume cap × price", () => {
    fc.assert(
      fc.property(card, optionalAmount, optionalAmount, fc.boolean(), (lines, personCap, contractCap, chained) => {
        const input = inputOf(lines, personCap, contractCap, chained);
        const total = outcomePaymentCore(input);
        const tolerance = 1e-6 * Math.max(1, total);
        if (contractCap !== null) expect(total).toBeLessThanOrEqual(contractCap + tolerance);
        const people = chained ? (lines[0]?.count ?? 0) : lines.reduce((sum, l) => sum + l.count, 0);
        if (personCap !== null) expect(total).toBeLessThanOrEqual(people * personCap + tolerance);
        const volumeBound = lines.reduce((sum, l) => sum + Math.min(l.count, l.volumeCap ?? Infinity) * l.price, 0);
        expect(total).toBeLessThanOrEqual(volumeBound + tolerance);
      }),
    );
  });

  it("a higher price never lowers the total payment", () => {
    fc.assert(
      fc.property(
        card,
        optionalAmount,
        optionalAmount,
        fc.boolean(),
        fc.nat(4),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (lines, personCap, contractCap, chained, which, raise) => {
          const index = which % lines.length;
          const higher = lines.map((l, k) => (k === index ? { ...l, price: l.price + raise } : l));
          const before = outcomePaymentCore(inputOf(lines, personCap, contractCap, chained));
          const after = outcomePaymentCore(inputOf(higher, personCap, contractCap, chained));
          expect(after).toBeGreaterThanOrEqual(before - 1e-9 * Math.max(1, before));
        },
      ),
    );
  });

  it("equals the composition of the pieces (chain → volume cap → person cap → contract cap)", () => {
    fc.assert(
      fc.property(card, optionalAmount, optionalAmount, (lines, personCap, contractCap) => {
        const input = inputOf(lines, personCap, contractCap, true);
        // Chain and volume caps metric by metric (the chain uses the previous metric's paid count).
        const paid: number[] = [];
        lines.forEach((l, k) => {
          const chainedCount = chainedCountsCore([paid[k - 1] ?? Infinity, l.count], [null, 0])[1] ?? 0;
          paid.push(Math.min(chainedCount, l.volumeCap ?? Infinity));
        });
        const prices = personCappedPricesCore(
          paid,
          lines.map((l) => l.price),
          personCap,
        );
        const raw = paid.reduce((sum, n, k) => sum + n * (prices[k] ?? 0), 0);
        const expected = contractCap === null ? raw : Math.min(raw, contractCap);
        expect(outcomePaymentCore(input)).toBeCloseTo(expected, 4);
      }),
    );
  });

  it("with a threshold, an effect just below θ pays 0 and at θ pays more than 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (thresholdPP, baseline, below, participants) => {
          const at = baseline + thresholdPP / 100;
          const input = {
            ...plain,
            outcomes: [at],
            prices: [10_000],
            participants,
            baseline: [baseline],
            thresholdPP,
          };
          const justBelow = { ...input, outcomes: [at - below / 100] };
          expect(validateOutcomePayment(input)).toHaveLength(0);
          expect(validateOutcomePayment(justBelow)).toHaveLength(0);
          expect(outcomePaymentCore(input)).toBeGreaterThan(0);
          expect(outcomePaymentCore(justBelow)).toBe(0);
        },
      ),
    );
  });
});
