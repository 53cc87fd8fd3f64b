/**
 * Benchmark of the Monte Carlo stress test (src/engine/stress) for the DRC pilot: 56 participants in one cohort, a
 * 50-month horizon (the payment falls in month 17), pilot payment terms, default investor terms with an 8 % hurdle,
 * and every source of uncertainty that matters for these terms switched on: binomial outcome draws per participant,
 * effect multiplier N(1, 0.3), persistence N(0.99, 0.01) and a lognormal cost factor (σ = 0.15).
 *
 * It times 100,000 runs of the engine (`simulateModel`) and of a minimal typed-array kernel of the same arithmetic
 * written below (same generator, same draws in the same order, the same root finder for the IRR; the pilot's terms
 * hard-wired: one payment month, no caps), checks that both give the same percentiles, and prints runs per second,
 * their ratio and the peak RSS. Targets: 100,000 runs in at most 0.5 s on the 2-core machine and at most 1.5× the
 * kernel (issue 11; the engine fuses its per-month passes for plain investor terms, src/engine/stress/draw.ts). The
 * pilot's investor terms have no deal costs, so neither side computes any. Not a test: nothing fails on a wall-clock time. Each side runs once untimed (JIT warm-up), then three timed
 * runs; the median is reported, and the first timed run as "cold".
 */
import { DEFAULT_INVESTOR_TERMS } from "../src/engine/investor/terms";
import { uniqueLogRoot } from "../src/engine/investor/rootFinding";
import { expectOk } from "../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../src/engine/payment/terms";
import { pilotScenario } from "../src/engine/pilot";
import { compileStressModel, type StressModel } from "../src/engine/stress/model";
import { distributionOf } from "../src/engine/stress/percentiles";
import { normalQuantileFast, seededGenerator, uniformOpen, type RandomGenerator } from "../src/engine/stress/random";
import { simulateModel, type SimulationSummary } from "../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from "../src/engine/stress/uncertainty";

const RUNS = 100_000;
const WARM_UP_RUNS = 10_000;
const TIMED_REPEATS = 3;
const SEED = 20_261_123;

/** The uncertainty of the benchmark (see the module comment). */
const SETTINGS: UncertaintySettings = {
  ...DEFAULT_UNCERTAINTY,
  effectSd: 0.3,
  persistenceMean: 0.99,
  persistenceSd: 0.01,
  costSd: 0.15,
};

/** What both sides report: the three distributions and P(loss). */
interface BenchSummary {
  readonly irrP50: number;
  readonly multipleP50: number;
  readonly netP50: number;
  readonly probabilityOfLoss: number;
}

/**
 * The minimal kernel: the per-draw arithmetic of the engine for the pilot's terms (gross rate card, one payment
 * month, no caps, no threshold, costs drawn as they fall due, no return cap), on typed arrays, in one function.
 */
function kernel(model: StressModel, settings: UncertaintySettings, runs: number, rng: RandomGenerator): BenchSummary {
  const states = 8;
  const n = model.cohortParticipants[0] as number;
  const months = model.maxMonths;
  const horizon = model.scenario.horizonMonths;
  const measurement = model.scenario.measurementMonth;
  const paymentMonth = model.paymentMonth[0] as number;
  const price0 = model.prices[0] as number;
  const price1 = model.prices[1] as number;
  const { participant, comparison, difference, moved, losersRemaining, minMultiplier, maxMultiplier } = model.effect;
  const netCostMunicipality = Float64Array.from({ length: states }, (_, s) => model.netCost[s * 4] as number);
  const df = model.discountFactor;
  const costs = model.costs;
  const shares = new Float64Array(states);
  const thresholds = new Float64Array(states);
  const counts = new Int32Array(states);
  const flows = new Float64Array(months);
  const irrs = new Float64Array(runs);
  const multiples = new Float64Array(runs);
  const nets = new Float64Array(runs);
  let losses = 0;
  let principal = 0;
  for (let t = 0; t < costs.length; t++) principal += costs[t] as number;
  let first = 0;
  let last = 0;
  const npv = (u: number): number => {
    let total = 0;
    if (u >= 0) {
      const x = Math.exp(-u);
      for (let t = last; t >= first; t--) total = total * x + (flows[t] as number);
    } else {
      const y = Math.exp(u);
      for (let t = first; t <= last; t++) total = total * y + (flows[t] as number);
    }
    return total;
  };
  const rhoMean = settings.persistenceMean ?? model.scenario.persistence;
  for (let i = 0; i < runs; i++) {
    const m = Math.min(
      maxMultiplier,
      Math.max(minMultiplier, settings.effectMean + settings.effectSd * normalQuantileFast(uniformOpen(rng))),
    );
    const rho = Math.min(1, Math.max(0, rhoMean + settings.persistenceSd * normalQuantileFast(uniformOpen(rng))));
    const f = settings.costMedian * Math.exp(settings.costSd * normalQuantileFast(uniformOpen(rng)));
    // Expected shares at m and their 32-bit thresholds.
    const taken = m > 1 ? ((m - 1) * moved) / losersRemaining : 0;
    let cumulative = 0;
    let lastPositive = 0;
    for (let s = 0; s < states; s++) {
      const d = difference[s] as number;
      const share = m > 1 && d < 0 ? (participant[s] as number) * (1 - taken) : (comparison[s] as number) + m * d;
      shares[s] = share;
      if (share > 0) lastPositive = s;
    }
    for (let s = 0; s < states; s++) {
      cumulative += shares[s] as number;
      thresholds[s] = s >= lastPositive ? 4294967296 : Math.round(cumulative * 4294967296);
    }
    // One outcome state per participant.
    for (let s = 0; s < states; s++) counts[s] = 0;
    for (let person = 0; person < n; person++) {
      const u = rng.next() >>> 0;
      let s = 0;
      while (u >= (thresholds[s] as number)) s++;
      counts[s] = (counts[s] as number) + 1;
    }
    // Payment: self-supporting (JOB + JOB_UNK) and paid hours (JOB_PART) at their prices, in one month.
    const selfSupporting = (counts[0] as number) / n + (counts[1] as number) / n;
    const paidHours = (counts[2] as number) / n;
    const payment = selfSupporting * n * price0 + paidHours * n * price1;
    // The municipality: savings of the realised outcomes against the comparison shares, minus the payment.
    let saving = 0;
    for (let s = 0; s < states; s++) {
      saving -= ((counts[s] as number) / n - (comparison[s] as number)) * (netCostMunicipality[s] as number);
    }
    let savingsPv = 0;
    let decay = 1;
    for (let t = 0; t < horizon; t++) {
      let profile = decay;
      if (t < measurement) profile = (t + 1) / measurement;
      else decay *= rho;
      savingsPv += (df[t] as number) * n * saving * profile;
    }
    nets[i] = savingsPv - (df[paymentMonth] as number) * payment;
    // The investor: draws as the costs fall due, the payment in its month; IRR, multiple.
    flows.fill(0);
    for (let t = 0; t < costs.length; t++) flows[t] = -(costs[t] as number) * f;
    flows[paymentMonth] = (flows[paymentMonth] as number) + payment;
    const multiple = payment / (principal * f);
    multiples[i] = multiple;
    if (multiple < 1) losses++;
    first = 0;
    last = payment > 0 ? paymentMonth : costs.length - 1;
    irrs[i] = payment > 0 ? Math.expm1(12 * uniqueLogRoot(npv, -1)) : -1;
  }
  return {
    irrP50: distributionOf(irrs, runs).p50,
    multipleP50: distributionOf(multiples, runs).p50,
    netP50: distributionOf(nets, runs).p50,
    probabilityOfLoss: losses / runs,
  };
}

function engine(model: StressModel, runs: number, rng: RandomGenerator): BenchSummary {
  const summary: SimulationSummary = simulateModel(model, SETTINGS, runs, rng);
  return {
    irrP50: summary.irr.p50,
    multipleP50: summary.multiple.p50,
    netP50: summary.municipalityNet.p50,
    probabilityOfLoss: summary.probabilityOfLoss,
  };
}

function seconds(work: () => BenchSummary): { seconds: number; summary: BenchSummary } {
  const start = performance.now();
  const summary = work();
  return { seconds: (performance.now() - start) / 1000, summary };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function grouped(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/**
 * Runs the benchmark and returns printable lines: runs per second of the engine and of the kernel at 100,000 runs,
 * their ratio, the 100,000-run times (median of three, and the first), the agreement of the two and the peak RSS.
 */
export function runMonteCarloBench(): string[] {
  const scenario = expectOk(pilotScenario());
  const model = compileStressModel({
    scenario,
    paymentTerms: PILOT_PAYMENT_TERMS,
    investorTerms: { ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08 },
  });
  engine(model, WARM_UP_RUNS, seededGenerator(1));
  kernel(model, SETTINGS, WARM_UP_RUNS, seededGenerator(1));
  const engineTimes: number[] = [];
  const kernelTimes: number[] = [];
  let engineSummary: BenchSummary | null = null;
  let kernelSummary: BenchSummary | null = null;
  for (let repeat = 0; repeat < TIMED_REPEATS; repeat++) {
    const timedEngine = seconds(() => engine(model, RUNS, seededGenerator(SEED)));
    const timedKernel = seconds(() => kernel(model, SETTINGS, RUNS, seededGenerator(SEED)));
    engineTimes.push(timedEngine.seconds);
    kernelTimes.push(timedKernel.seconds);
    engineSummary = timedEngine.summary;
    kernelSummary = timedKernel.summary;
  }
  const engineSeconds = median(engineTimes);
  const kernelSeconds = median(kernelTimes);
  const agreement =
    engineSummary === null || kernelSummary === null
      ? "n/a"
      : `P50 IRR ${engineSummary.irrP50.toFixed(6)} vs ${kernelSummary.irrP50.toFixed(6)}, P50 multiple ${engineSummary.multipleP50.toFixed(6)} vs ${kernelSummary.multipleP50.toFixed(6)}, P50 municipality net ${grouped(engineSummary.netP50)} vs ${grouped(kernelSummary.netP50)} kr, P(loss) ${engineSummary.probabilityOfLoss} vs ${kernelSummary.probabilityOfLoss}`;
  return [
    `Pilot: 56 participants × 50 months, ${grouped(RUNS)} runs, seed ${SEED}; binomial outcomes, effect sd 0.3, persistence N(0.99, 0.01), cost sd 0.15`,
    `Monte Carlo runs/s (engine, simulateModel): ${grouped(RUNS / engineSeconds)}`,
    `Monte Carlo runs/s (minimal typed-array kernel): ${grouped(RUNS / kernelSeconds)}`,
    `Engine / kernel time ratio: ${(engineSeconds / kernelSeconds).toFixed(2)} (target ≤ 1.5, issue 11)`,
    `100,000 runs: engine ${engineSeconds.toFixed(3)} s (median of ${TIMED_REPEATS}; first timed run ${(engineTimes[0] ?? Number.NaN).toFixed(3)} s), kernel ${kernelSeconds.toFixed(3)} s (target ≤ 0.5 s)`,
    `Same draws, same results: ${agreement}`,
    `Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ];
}
