/**
 * Benchmark of SIB.PAYMENT through its custom-function wrapper (argument coercion, validation and the engine core),
 * the way Excel calls it: 2-D ranges for outcomes and prices, null for omitted arguments. Not a test: it returns
 * printable lines, e.g. "SIB.PAYMENT evaluations/s: 2,345,678". The goal is at least 1,000,000 evaluations/s for a
 * small rate card.
 */
import { payment } from "../src/functions/payment";

/** Seconds the headline case runs (the variants run half as long each). */
const HEADLINE_SECONDS = 0.5;
const WARM_UP_CALLS = 20_000;
const BATCH = 1_000;

/** A minimal stand-in for Excel's CustomFunctions global, only installed when absent (outside Excel). */
function ensureCustomFunctions(): void {
  if ("CustomFunctions" in globalThis) return;
  class BenchCustomFunctionError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  };
  Object.assign(globalThis, { CustomFunctions: { Error: BenchCustomFunctionError, ErrorCode } });
}

/** One benchmarked call and the value it must return (hand-calculated). */
interface BenchCase {
  readonly label: string;
  readonly call: () => number;
  readonly expected: number;
  readonly seconds: number;
}

type Cells = Array<Array<number | string | boolean>>;

function cases(): BenchCase[] {
  const counts: Cells = [[15, 9, 4]];
  const prices: Cells = [[198_090, 99_045, 50_000]];
  const chainCounts: Cells = [[10], [8], [6]];
  const chainPrices: Cells = [[30_000], [20_000], [10_000]];
  const card: Cells = [
    ["selfSupporting", 198_090],
    ["paidHours", 99_045],
    ["sustained6", 50_000],
  ];
  return [
    {
      label: "SIB.PAYMENT evaluations/s",
      call: () => payment(counts, prices),
      // 15 × 198,090 + 9 × 99,045 + 4 × 50,000
      expected: 2_971_350 + 891_405 + 200_000,
      seconds: HEADLINE_SECONDS,
    },
    {
      label: "SIB.PAYMENT evaluations/s (chain, person and contract caps)",
      call: () => payment(chainCounts, chainPrices, null, 45_000, undefined, 1_000_000, true),
      // 6 people earn 60,000 and 2 earn 50,000, all capped at 45,000; 2 earn 30,000: 270,000 + 90,000 + 60,000
      expected: 420_000,
      seconds: HEADLINE_SECONDS / 2,
    },
    {
      label: "SIB.PAYMENT evaluations/s (two-column rate card)",
      call: () => payment(counts, card),
      expected: 2_971_350 + 891_405 + 200_000,
      seconds: HEADLINE_SECONDS / 2,
    },
  ];
}

/** Calls `call` in batches for at least `seconds`; returns evaluations per second. */
function measure(call: () => number, seconds: number): { perSecond: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < WARM_UP_CALLS; i++) sink += call();
  let evaluations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < BATCH; i++) sink += call();
    evaluations += BATCH;
    elapsed = performance.now() - start;
  }
  return { perSecond: evaluations / (elapsed / 1000), sink };
}

function grouped(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Times SIB.PAYMENT evaluations per second through the wrapper (headline case for ≥ 0.5 s, two variants for ≥ 0.25 s
 * each) and returns one printable line per case.
 */
export function runPaymentBench(): string[] {
  ensureCustomFunctions();
  const lines: string[] = [];
  for (const benchCase of cases()) {
    const value = benchCase.call();
    if (Math.abs(value - benchCase.expected) > 1e-6) {
      throw new Error(`${benchCase.label}: expected ${benchCase.expected}, got ${value}`);
    }
    const { perSecond, sink } = measure(benchCase.call, benchCase.seconds);
    if (!Number.isFinite(sink)) throw new Error(`${benchCase.label}: non-finite result`);
    lines.push(`${benchCase.label}: ${grouped(perSecond)}`);
  }
  return lines;
}
