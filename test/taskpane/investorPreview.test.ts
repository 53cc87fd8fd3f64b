import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { FALLBACK_HURDLE_RATE, type InvestorOutcome } from "../../src/taskpane/preview/investorAdapter";
import { computeCaseNumbers, type CaseNumbers } from "../../src/taskpane/preview/preview";
import { deadweightWarning, resultWarnings } from "../../src/taskpane/preview/warnings";
import { accountLines, irrNote, irrText, multipleText, previewBlock } from "../../src/taskpane/ui/previewView";

/**
 * The preview's investor figures (issue 14 item 2/4) for the three cases of the review (wizard-ux.md finding 2): the
 * pilot, a fixed fee of 20,000 kr per participant (the workbook shows 23.55 % a year) and a threshold above the effect
 * (a total loss). Expected values are written out from the pilot's published numbers: 56 participants, 79,236 kr each
 * spread over 12 months (369,768 kr a month), prices 198,090 kr (self-supporting, 15 of 55 measured) and 99,045 kr
 * (paid hours, 9 of 55), paid at month 17.
 */
const pilot = expectOk(pilotScenario());
const MONTHLY_COST = (56 * 79_236) / 12;
const PAYMENT = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045);

function numbersFor(terms: PaymentTerms): CaseNumbers {
  return expectOk(computeCaseNumbers(pilot, terms, {}));
}

function invested(numbers: CaseNumbers): InvestorOutcome {
  if (numbers.investor.kind !== "invested") throw new Error("expected an investment");
  return numbers.investor;
}

/** NPV of monthly flows at an effective annual rate, month t discounted t months (written out). */
function npvAnnual(flows: readonly number[], annual: number): number {
  return flows.reduce((sum, flow, month) => sum + flow / Math.pow(1 + annual, month / 12), 0);
}

/** The investor's flows of the pilot with a fixed fee per participant paid in month 0. */
function pilotFlows(fee: number, payment: number): number[] {
  return Array.from({ length: 50 }, (_, month) => {
    const cost = month < 12 ? -MONTHLY_COST : 0;
    return cost + (month === 0 ? 56 * fee : 0) + (month === 17 ? payment : 0);
  });
}

describe("the investor in the preview agrees with the workbook", () => {
  it("the pilot: IRR −11.9 % a year with the money multiple and the NPV at the 5 % hurdle beside it", () => {
    const investor = invested(numbersFor(PILOT_PAYMENT_TERMS));
    const flows = pilotFlows(0, PAYMENT);
    expect(investor.drawn).toBeCloseTo(56 * 79_236, 4);
    expect(investor.returned).toBeCloseTo(PAYMENT, 4);
    expect(investor.moneyMultiple).toBeCloseTo(PAYMENT / (56 * 79_236), 12);
    expect(investor.hurdleRate).toBe(FALLBACK_HURDLE_RATE);
    expect(investor.npvAtHurdle).toBeCloseTo(npvAnnual(flows, 0.05), 4);
    if (investor.irr.kind !== "rate") throw new Error("expected an IRR");
    // The review read −11,9 % om året in the preview for the pilot.
    expect(investor.irr.annual).toBeCloseTo(-0.1189, 4);
    expect(Math.abs(npvAnnual(flows, investor.irr.annual))).toBeLessThan(1e-4);
    expect(irrText(investor, "da")).toBe("-11,9 % om året");
    expect(multipleText(investor, "da")).toBe("0,89");
    // The engine's timing note beside the IRR of a losing deal (multiple 0.886 < 1).
    expect(irrNote(investor, "da")).toMatch(/^Pengemultiplen er 0,886 \(et tab på 11,4 % af kapitalen\)/);
  });

  it("a fixed fee of 20,000 kr: the workbook's 23.55 % a year, and the other root named (no more 'no return')", () => {
    const investor = invested(numbersFor({ ...PILOT_PAYMENT_TERMS, baseFee: 20_000 }));
    const flows = pilotFlows(20_000, PAYMENT);
    if (investor.irr.kind !== "rate") throw new Error("expected an IRR");
    // LibreOffice's recalculation of the downloaded workbook: "Intern rente, effektiv årlig" 23,55 %, multiple 1,139,
    // net gain +615.771 kr., 2 sign changes (review wizard-ux.md, finding 2).
    expect(investor.irr.annual).toBeCloseTo(0.2355, 4);
    expect(Math.abs(npvAnnual(flows, investor.irr.annual))).toBeLessThan(1e-3);
    expect(investor.moneyMultiple).toBeCloseTo(1.139, 3);
    expect(investor.netGain).toBeCloseTo(615_771, 0);
    expect(investor.irr.signChanges).toBe(2);
    expect(investor.irr.otherRoots).toHaveLength(1);
    const other = investor.irr.otherRoots[0] ?? 0;
    expect(other).toBeGreaterThan(100);
    expect(Math.abs(npvAnnual(flows, other))).toBeLessThan(1e-3);
    expect(investor.npvAtHurdle).toBeCloseTo(npvAnnual(flows, 0.05), 4);
    expect(irrText(investor, "da")).toBe("23,6 % om året");
    expect(irrNote(investor, "da")).toContain("skifter fortegn 2 gange");
    expect(irrNote(investor, "en")).toContain("change sign 2 times");
  });

  it("a threshold above the effect: a total loss, said in words, with multiple 0 and the NPV of the draws", () => {
    const numbers = numbersFor({ ...PILOT_PAYMENT_TERMS, threshold: { pp: 18, scope: "metric", metric: null } });
    const investor = invested(numbers);
    expect(investor.returned).toBe(0);
    expect(investor.moneyMultiple).toBe(0);
    expect(investor.irr).toEqual({ kind: "none", reason: "totalLoss", signChanges: 0 });
    expect(investor.npvAtHurdle).toBeCloseTo(npvAnnual(pilotFlows(0, 0), 0.05), 4);
    expect(irrText(investor, "da")).toBe("investor får intet tilbage og taber hele indskuddet");
    expect(irrText(investor, "en")).toBe("the investor gets nothing back and loses everything");
  });

  it("cost 0: the business case is shown and the investor part says there is no investment", () => {
    const numbers = expectOk(computeCaseNumbers({ ...pilot, costPerParticipant: 0 }, PILOT_PAYMENT_TERMS, {}));
    expect(numbers.investor).toEqual({ kind: "noInvestment" });
    expect(numbers.municipalNetPerParticipant).toBeGreaterThan(100_000);
    expect(irrText(numbers.investor, "da")).toBe("—");
    expect(irrNote(numbers.investor, "da")).toContain("Ingen investering");
  });
});

describe("all accounts, deadweight and when the preview is blocked", () => {
  it("municipality, state, public total and socio-economic per participant with break-even months", () => {
    const lines = accountLines(numbersFor(PILOT_PAYMENT_TERMS), "da");
    expect(lines.map((line) => line.key)).toEqual(["municipality", "state", "public", "socioEconomic"]);
    // The workbook's Resultater sheet (LibreOffice, review wizard-ux.md): 28.005,72 / 41.866,79 / 81.646,06 kr.
    expect(lines.map((line) => line.amount)).toEqual(["28.006 kr.", "41.867 kr.", expect.any(String), "81.646 kr."]);
    expect(lines[0]?.breakEven).toBe("md. 38");
    expect(lines.map((line) => line.label)).toEqual([
      "Kommunen",
      "Staten",
      "Det offentlige i alt",
      "Samfundsøkonomisk",
    ]);
  });

  it("the pilot's deadweight: 1,885,817 kr = 56 × (0.12 × 198,090 + 0.10 × 99,045), warned in plain Danish", () => {
    const numbers = numbersFor(PILOT_PAYMENT_TERMS);
    expect(numbers.deadweight.paymentAtZeroEffect).toBeCloseTo(56 * (0.12 * 198_090 + 0.1 * 99_045), 4);
    expect(numbers.deadweight.shareOfPayment).toBeCloseTo((56 * (0.12 * 198_090 + 0.1 * 99_045)) / PAYMENT, 12);
    const warning = deadweightWarning(numbers, "da") ?? "";
    expect(warning).toMatch(/^Kommunen betaler 1,9 mio\. kr\., selv hvis indsatsen ingen effekt har, fordi /);
    expect(warning).toContain("47,9 %");
    expect(deadweightWarning(numbers, "en")).toMatch(/^The municipality pays 1\.9 million kr even if/);
    expect(resultWarnings(numbers, "da").map((w) => w.key)).toEqual(["deadweight"]);
    // A fixed fee is paid whatever the outcome: the warning says how much of the zero-effect payment it is.
    const withFee = numbersFor({ ...PILOT_PAYMENT_TERMS, baseFee: 20_000 });
    expect(deadweightWarning(withFee, "da")).toContain("Heraf er 1,1 mio. kr. den faste betaling pr. deltager");
    expect(deadweightWarning(numbers, "da")).not.toContain("Heraf");
    // Paying only beyond the comparison group: nothing at zero effect, no warning.
    const netted = numbersFor({ ...PILOT_PAYMENT_TERMS, baseline: { kind: "comparison" } });
    expect(netted.deadweight.paymentAtZeroEffect).toBe(0);
    expect(deadweightWarning(netted, "da")).toBeNull();
  });

  it("results that look wrong are flagged: an IRR above 100 % a year, a payment with no effect", () => {
    const cheap = expectOk(computeCaseNumbers({ ...pilot, costPerParticipant: 79.23 }, PILOT_PAYMENT_TERMS, {}));
    expect(resultWarnings(cheap, "da").map((w) => w.key)).toContain("irrHigh");
    const noEffect = expectOk(
      computeCaseNumbers({ ...pilot, participantShares: pilot.comparisonShares }, PILOT_PAYMENT_TERMS, {}),
    );
    const keys = resultWarnings(noEffect, "en").map((w) => w.key);
    expect(keys).toContain("paysWithoutEffect");
    expect(keys).not.toContain("irrHigh");
  });

  it("'fix the errors' only when there is something to fix; a blank case just needs filling in", () => {
    expect(previewBlock(new Map([["costPerParticipant", { rule: "required" }]]))).toBe("incomplete");
    expect(previewBlock(new Map([["costPerParticipant", { rule: "range" }]]))).toBe("fix");
  });
});
