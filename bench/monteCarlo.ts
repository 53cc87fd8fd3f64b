/**
 * Benchmark of the Monte Carlo stress test (src/engine/stress) for the DRC pilot: 56 participants in one cohort, a
 * 50-month horizon, every source of uncertainty that matters switched on (binomial outcome draws per participant,
 * effect multiplier N(1, 0.3), persistence N(0.99, 0.01), a lognormal cost factor with σ = 0.15), and two sets of
 * terms:
 * - "pilot": the pilot's payment terms (the sustainment milestones at price 0) and default investor terms with an 8 %
 *   hurdle;
 * - "card and costs": the terms issue 11 added, on both sides: the sustainment milestones priced (sustained6 and
 *   sustained12, paid 6 and 12 months after the measurement month, each requiring the one before), the monthly
 *   sustainment card (a payment for every month in work, 12 months from the measurement month), a volume cap on
 *   self-supporting outcomes, a contract cap, and the deal's costs drawn by the investor (set-up, evaluation,
 *   intermediary one-off and yearly fees).
 *
 * Each set is timed on the engine (`simulateModel`) and on a typed-array kernel written below that does the same work
 * in one function: the same generator and draws in the same order, the engine's metric shares, volume and contract
 * caps, chain, payment months, the monthly sustainment card, deal costs (dealCostAt), savings, IRR (the same root finder and conversion), NPV at the
 * hurdle, mean flows and summary, with the terms' structure hard-wired (one cohort, no baseline, threshold, person cap,
 * savings share or base fee; capital drawn as needed without return cap or protection). The kernel's summary equals
 * the engine's bit for bit (test/bench/monteCarloKernel.test.ts), so the ratio compares equal work. Rounds alternate
 * engine and kernel; each ratio is the median over rounds of the per-round ratio of the process's own CPU time
 * (other processes on a loaded machine do not count). Target (issue 11 item 8): engine ≤ 1.5 × the kernel. Not a
 * test: nothing fails on a time.
 */
import { loadavg } from "node:os";
import { expectOk, ok } from "../src/engine/errors";
import { irr, irrCore } from "../src/engine/investor/irr";
import { effectiveAnnualRate, MONTHS_PER_YEAR } from "../src/engine/investor/rates";
import { uniqueLogRoot } from "../src/engine/investor/rootFinding";
import { DEFAULT_INVESTOR_TERMS, investorTerms, type InvestorTerms } from "../src/engine/investor/terms";
import { dealCostAt, lastCostMonth } from "../src/engine/investor/waterfall";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../src/engine/payment/terms";
import { pilotScenario } from "../src/engine/pilot";
import { clampMultiplier, sharesAtMultiplierInto } from "../src/engine/stress/effectScale";
import { compileStressModel, type StressModel } from "../src/engine/stress/model";
import { distributionOf } from "../src/engine/stress/percentiles";
import {
  categoricalThresholdsInto,
  normalQuantileFast,
  seededGenerator,
  uniformOpen,
  type RandomGenerator,
} from "../src/engine/stress/random";
import { simulateModel, type SimulationSummary } from "../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY, type UncertaintySettings } from "../src/engine/stress/uncertainty";

const RUNS = 20_000;
const ROUNDS = 9;
const WARM_UP_RUNS = 20_000;
const SEED = 20_261_123;

/** The uncertainty of the benchmark (see the module comment). */
export const BENCH_SETTINGS: UncertaintySettings = {
  ...DEFAULT_UNCERTAINTY,
  effectSd: 0.3,
  persistenceMean: 0.99,
  persistenceSd: 0.01,
  costSd: 0.15,
};

/** The pilot's payment terms and default investor terms with an 8 % hurdle. */
export const PILOT_TERMS: { readonly payment: PaymentTerms; readonly investor: InvestorTerms } = {
  payment: PILOT_PAYMENT_TERMS,
  investor: { ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08 },
};

/**
 * The card and costs of issue 11 (illustrative amounts, not sourced: a benchmark workload): sustained6 40,000 kr and
 * sustained12 60,000 kr, a monthly sustainment card of 2,000 kr per participant and month in work for 12 months, at
 * most 20 self-supporting outcomes paid, a contract cap of 4.5 mio. kr, deal costs set-up
 * 250,000, evaluation 150,000, intermediary 50,000 once and 40,000 a year for 2 years (months 0 and 12, so the
 * investor's flows keep one sign change).
 */
export const CARD_AND_COSTS_TERMS: { readonly payment: PaymentTerms; readonly investor: InvestorTerms } = {
  payment: {
    ...PILOT_PAYMENT_TERMS,
    rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line) =>
      line.metric === "sustained6"
        ? { ...line, price: 40_000 }
        : line.metric === "sustained12"
          ? { ...line, price: 60_000 }
          : line.metric === "selfSupporting"
            ? { ...line, volumeCap: 20 }
            : line,
    ),
    contractCap: 4_500_000,
    sustainment: { monthlyPrice: 2_000, months: 12 },
  },
  investor: expectOk(
    investorTerms({
      hurdleRate: 0.08,
      dealCosts: {
        setup: 250_000,
        evaluation: 150_000,
        intermediaryOneOff: 50_000,
        intermediaryYearly: 40_000,
        intermediaryYears: 2,
      },
    }),
  ),
};

/** The model of a set of terms on the pilot scenario. */
export function benchModel(terms: { readonly payment: PaymentTerms; readonly investor: InvestorTerms }): StressModel {
  return compileStressModel({
    scenario: expectOk(pilotScenario()),
    paymentTerms: terms.payment,
    investorTerms: terms.investor,
  });
}

/** Throws unless the model and settings have the structure the kernel hard-wires (see the module comment). */
function checkKernelStructure(model: StressModel, settings: UncertaintySettings): void {
  const terms = model.paymentTerms;
  const investor = model.investorTerms;
  const supported =
    model.cohortParticipants.length === 1 &&
    model.baselineKind === "none" &&
    model.thresholdPP === null &&
    terms.personCap === null &&
    !(terms.savingsShare > 0) &&
    model.baseFee.every((fee) => fee === 0) &&
    investor.draw === "asNeeded" &&
    investor.returnCap.irr === null &&
    investor.returnCap.multiple === null &&
    investor.maxLoss === null &&
    settings.binomialOutcomes &&
    (settings.comparisonSize ?? model.scenario.comparisonGroupSize ?? 0) === 0;
  if (!supported) throw new Error("the Monte Carlo kernel supports only the benchmark's structure of terms");
}

/**
 * The kernel: the engine's per-draw arithmetic for the benchmark's structure of terms (see the module comment) on
 * typed arrays in one function, with the engine's summary.
 */
export function kernel(
  model: StressModel,
  settings: UncertaintySettings,
  runs: number,
  rng: RandomGenerator,
): SimulationSummary {
  checkKernelStructure(model, settings);
  const states = 8;
  const holders = 4;
  const n = model.cohortParticipants[0] as number;
  const intake = model.cohortIntake[0] as number;
  const horizon = model.scenario.horizonMonths;
  const measurement = model.scenario.measurementMonth;
  const k = model.metricCount;
  const maxMonths = model.maxMonths;
  const bcMonths = model.businessCaseMonths;
  const bcCosts = model.businessCase.monthly.cost;
  const df = model.discountFactor;
  const costs = model.costs;
  const costMonths = costs.length;
  const share = model.paymentTerms.municipalityShare;
  const cap = model.paymentTerms.contractCap;
  const hasHurdle = model.investorTerms.hurdleRate !== null;
  const group0 = model.groupStates[0] ?? [];
  const group1 = model.groupStates[1] ?? [];
  const comparison = model.effect.comparison;
  const cardPrice = model.sustainmentPrice;
  const cardMonths = model.sustainmentMonths;
  const cardStart = intake + measurement + model.paymentTerms.lagMonths;
  const deal = new Float64Array(maxMonths);
  const dealTerms = model.investorTerms.dealCosts;
  const lastCost = lastCostMonth(costs);
  if (dealTerms !== undefined) for (let t = 0; t < maxMonths; t++) deal[t] = dealCostAt(dealTerms, t, lastCost);
  // Metrics that can pay: a price above 0, or required by one that can (no person cap or threshold here).
  const live = new Uint8Array(k);
  for (let metric = k - 1; metric >= 0; metric--) {
    if ((model.prices[metric] as number) > 0) live[metric] = 1;
    const prerequisite = model.requires[metric];
    if (live[metric] === 1 && prerequisite !== null && prerequisite !== undefined) live[prerequisite] = 1;
  }
  const expected = new Float64Array(states);
  const thresholds = new Float64Array(states);
  const counts = new Int32Array(states);
  const shares = new Float64Array(states);
  const saving = new Float64Array(model.tableCount);
  const payable = new Float64Array(k);
  const payments = new Float64Array(maxMonths);
  const flows = new Float64Array(maxMonths);
  const meanFlows = new Float64Array(maxMonths);
  const irrs = new Float64Array(runs);
  const multiples = new Float64Array(runs);
  const nets = new Float64Array(runs);
  const npvs = new Float64Array(hasHurdle ? runs : 0);
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
  const persistenceMean = settings.persistenceMean ?? model.scenario.persistence;
  let lastMultiplier = Number.NaN;
  let irrCount = 0;
  let totalLossCount = 0;
  let undefinedIrr = 0;
  let clamped = 0;
  let losses = 0;
  let triggeredCount = 0;
  let belowHurdle = 0;
  let paymentSum = 0;
  let paymentsPvSum = 0;
  let flowMonths = 0;
  for (let i = 0; i < runs; i++) {
    // The draws: m, ρ, f, then one state per participant.
    const u1 = uniformOpen(rng);
    const u2 = uniformOpen(rng);
    const u3 = uniformOpen(rng);
    let m =
      settings.effectSd === 0 ? settings.effectMean : settings.effectMean + settings.effectSd * normalQuantileFast(u1);
    const bounded = clampMultiplier(model.effect, m);
    if (bounded !== m) {
      clamped++;
      m = bounded;
    }
    let rho = persistenceMean;
    if (settings.persistenceSd !== 0) {
      rho = Math.min(1, Math.max(0, persistenceMean + settings.persistenceSd * normalQuantileFast(u2)));
    }
    const f =
      settings.costSd === 0
        ? settings.costMedian
        : settings.costMedian * Math.exp(settings.costSd * normalQuantileFast(u3));
    if (m !== lastMultiplier) {
      sharesAtMultiplierInto(model.effect, m, expected);
      categoricalThresholdsInto(expected, thresholds);
      lastMultiplier = m;
    }
    counts.fill(0);
    for (let person = 0; person < n; person++) {
      const u = rng.next() >>> 0;
      let s = 0;
      while (u >= (thresholds[s] as number)) s++;
      counts[s] = (counts[s] as number) + 1;
    }
    for (let s = 0; s < states; s++) shares[s] = (counts[s] as number) / n;

    // Payments: metric shares (group sums × ρ^k), chain, volume caps and payment months, as paymentsInto.
    let sum0 = 0;
    for (let j = 0; j < group0.length; j++) sum0 += shares[group0[j] as number] as number;
    let sum1 = 0;
    for (let j = 0; j < group1.length; j++) sum1 += shares[group1[j] as number] as number;
    let months = bcMonths;
    let firstPaid = maxMonths;
    // The monthly sustainment card (gross, no threshold here), before the outcomes as the engine sums a month:
    // price × max(0, s·ρ^j − 0) × n in month intake + M + j + lag.
    for (let j = 0; j < cardMonths; j++) {
      const amount = Math.max(0, sum0 * Math.pow(rho, j) - 0) * n * cardPrice;
      if (amount !== 0) {
        const month = cardStart + j;
        payments[month] = (payments[month] as number) + amount;
        if (month < firstPaid) firstPaid = month;
        if (month + 1 > months) months = month + 1;
      }
    }
    for (let metric = 0; metric < k; metric++) {
      if (live[metric] === 0) continue;
      const after = model.monthsAfterMeasurement[metric] as number;
      const groupSum = model.metricGroup[metric] === 1 ? sum1 : sum0;
      const metricShare = after === 0 ? groupSum : groupSum * Math.pow(rho, after);
      let count = Math.max(0, metricShare - 0) * n;
      const prerequisite = model.requires[metric];
      if (prerequisite !== null && prerequisite !== undefined) count = Math.min(count, payable[prerequisite] as number);
      const paid = Math.max(0, Math.min(count, model.volumeCaps[metric] as number));
      payable[metric] = paid;
      const amount = paid * (model.prices[metric] as number);
      if (amount !== 0) {
        const month = model.paymentMonth[metric] as number;
        payments[month] = (payments[month] as number) + amount;
        if (month < firstPaid) firstPaid = month;
        if (month + 1 > months) months = month + 1;
      }
    }
    if (model.baseFeeLength > months) months = model.baseFeeLength;
    // The contract cap month by month (months without a payment pay 0 and leave the cap as it is), as totalsInto.
    let capPaid = 0;
    let paymentTotal = 0;
    let paymentsPv = 0;
    let triggered = false;
    for (let t = firstPaid; t < months; t++) {
      const sum = payments[t] as number;
      if (sum === 0) continue;
      const payment = cap === null ? sum : Math.max(0, Math.min(sum, cap - capPaid));
      capPaid += payment;
      payments[t] = payment;
      if (payment !== 0) {
        paymentTotal += payment;
        paymentsPv += (df[t] as number) * (payment * share);
        triggered = true;
      }
    }

    // The municipality's savings before the cost, as plainSavingsPv: −Σ_s (share − comparison)·NC per table, the
    // effect profile (the model's at the scenario's persistence, else ramp and repeated multiplication).
    for (let j = 0; j < model.tableCount; j++) {
      let value = 0;
      for (let s = 0; s < states; s++) {
        value -=
          ((shares[s] as number) - (comparison[s] as number)) *
          (model.netCost[j * states * holders + s * holders] as number);
      }
      saving[j] = value;
    }
    const profile = rho === model.scenario.persistence ? model.profile : null;
    let decay = 1;
    let savingsPv = 0;
    const savingsEnd = Math.min(months, bcMonths);
    for (let t = 0; t < savingsEnd; t++) {
      let flow = 0;
      if (t >= intake && t < intake + horizon) {
        const u = t - intake;
        let g: number;
        if (profile !== null) g = profile[u] as number;
        else if (u < measurement) g = (u + 1) / measurement;
        else {
          g = decay;
          decay *= rho;
        }
        const municipality = (saving[model.tableOfMonth[u] as number] as number) * g;
        flow = 0 + n * (municipality - (model.costPerParticipant[u] as number));
      }
      savingsPv += (df[t] as number) * (flow + (bcCosts[t] as number));
    }
    nets[i] = savingsPv - paymentsPv;

    // The investor: cost × f + deal costs drawn in their month, the payments received; IRR, multiple, NPV at the hurdle.
    let principal = 0;
    let changes = 0;
    let previous = 0;
    first = -1;
    for (let t = 0; t < months; t++) {
      const drawn =
        (t < costMonths ? (f !== 1 ? (costs[t] as number) * f : (costs[t] as number)) : 0) + (deal[t] as number);
      if (drawn !== 0) principal += drawn;
      const flow = (payments[t] as number) - drawn;
      payments[t] = 0;
      flows[t] = flow;
      const sign = Math.sign(flow);
      if (sign !== 0) {
        meanFlows[t] = (meanFlows[t] as number) + flow;
        if (first < 0) first = t;
        last = t;
        if (previous !== 0 && sign !== previous) changes++;
        previous = sign;
      }
    }
    for (let t = months; t < costMonths; t++) principal += f !== 1 ? (costs[t] as number) * f : (costs[t] as number);
    const multiple = paymentTotal / principal;
    let rate = Number.NaN;
    if (first >= 0 && changes === 1) {
      rate = Math.expm1(uniqueLogRoot(npv, Math.sign(flows[first] as number)));
      if (rate === -1) rate = Number.NaN;
    } else rate = irrCore(flows.subarray(0, months));
    const totalLoss = Number.isNaN(rate) && !(paymentTotal > 0);
    if (totalLoss) totalLossCount++;
    if (Number.isNaN(rate)) {
      if (totalLoss) irrs[irrCount++] = -1;
      else undefinedIrr++;
    } else irrs[irrCount++] = effectiveAnnualRate(rate);
    multiples[i] = multiple;
    if (multiple < 1) losses++;
    if (triggered) triggeredCount++;
    if (hasHurdle) {
      const x = 1 / (1 + model.hurdleMonthlyRate);
      let value = 0;
      for (let t = months - 1; t >= 0; t--) value = value * x + (flows[t] as number);
      npvs[i] = value;
      if (value < 0) belowHurdle++;
    }
    paymentSum += paymentTotal;
    paymentsPvSum += paymentsPv;
    if (months > flowMonths) flowMonths = months;
  }
  // prettier-ignore
  return summaryOf({ runs, irrs, irrCount, multiples, nets, npvs, losses, triggeredCount, belowHurdle, totalLossCount, undefinedIrr, clamped, paymentSum, paymentsPvSum, meanFlows, flowMonths, hasHurdle });
}

/** The simulation's summary from the kernel's draws, as simulateModel builds it. */
function summaryOf(draws: {
  readonly runs: number;
  readonly irrs: Float64Array;
  readonly irrCount: number;
  readonly multiples: Float64Array;
  readonly nets: Float64Array;
  readonly npvs: Float64Array;
  readonly losses: number;
  readonly triggeredCount: number;
  readonly belowHurdle: number;
  readonly totalLossCount: number;
  readonly undefinedIrr: number;
  readonly clamped: number;
  readonly paymentSum: number;
  readonly paymentsPvSum: number;
  readonly meanFlows: Float64Array;
  readonly flowMonths: number;
  readonly hasHurdle: boolean;
}): SimulationSummary {
  const runs = draws.runs;
  const meanFlowList = Array.from(draws.meanFlows.subarray(0, draws.flowMonths), (sum) => sum / runs);
  const meanIrr = irr(meanFlowList, { periodsPerYear: MONTHS_PER_YEAR });
  const irrDistribution = distributionOf(draws.irrs, draws.irrCount);
  const error = (p: number): number => Math.sqrt((p * (1 - p)) / runs);
  const pLoss = draws.losses / runs;
  const pTriggered = draws.triggeredCount / runs;
  const pBelow = draws.hasHurdle ? draws.belowHurdle / runs : null;
  return {
    iterations: runs,
    irr: irrDistribution,
    multiple: distributionOf(draws.multiples, runs),
    municipalityNet: distributionOf(draws.nets, runs),
    npvAtHurdle: draws.hasHurdle ? distributionOf(draws.npvs, runs) : null,
    probabilityOfLoss: pLoss,
    probabilityPaymentTriggered: pTriggered,
    probabilityBelowHurdle: pBelow,
    standardErrors: {
      probabilityOfLoss: error(pLoss),
      probabilityPaymentTriggered: error(pTriggered),
      probabilityBelowHurdle: pBelow === null ? null : error(pBelow),
    },
    meanOfIrrs: irrDistribution.mean,
    irrOfMeanFlows: meanIrr.ok ? ok(meanIrr.value.effectiveAnnualRate) : meanIrr,
    irrTotalLossDraws: draws.totalLossCount,
    irrUndefinedDraws: draws.undefinedIrr,
    effectClampedDraws: draws.clamped,
    meanPayment: draws.paymentSum / runs,
    meanMunicipalityPaymentsPv: draws.paymentsPvSum / runs,
  };
}

/** Seconds of this process's CPU time (user + system) that `work` takes. */
function cpuSeconds(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function grouped(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/**
 * Number of numbers in which two summaries differ (Object.is over every field, nested), 0 = identical.
 * @example summaryDifferences(a, a) // 0
 */
export function summaryDifferences(a: unknown, b: unknown): number {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b) ? 0 : 1;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b) ? 0 : 1;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let differences = 0;
  for (const key of keys) {
    differences += summaryDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
  }
  return differences;
}

/** Engine and kernel on one set of terms in alternating rounds; the printed lines. */
function compareOnTerms(label: string, model: StressModel): string[] {
  simulateModel(model, BENCH_SETTINGS, WARM_UP_RUNS, seededGenerator(1));
  kernel(model, BENCH_SETTINGS, WARM_UP_RUNS, seededGenerator(1));
  const engineRates: number[] = [];
  const kernelRates: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const runEngine = (): number => cpuSeconds(() => simulateModel(model, BENCH_SETTINGS, RUNS, seededGenerator(SEED)));
    const runKernel = (): number => cpuSeconds(() => kernel(model, BENCH_SETTINGS, RUNS, seededGenerator(SEED)));
    // Alternate which side goes first, so a change of load within a round falls on both.
    const engineFirst = round % 2 === 0;
    const first = engineFirst ? runEngine() : runKernel();
    const second = engineFirst ? runKernel() : runEngine();
    const engineSeconds = engineFirst ? first : second;
    const kernelSeconds = engineFirst ? second : first;
    engineRates.push(RUNS / engineSeconds);
    kernelRates.push(RUNS / kernelSeconds);
    ratios.push(engineSeconds / kernelSeconds);
  }
  const engineSummary = simulateModel(model, BENCH_SETTINGS, RUNS, seededGenerator(SEED));
  const kernelSummary = kernel(model, BENCH_SETTINGS, RUNS, seededGenerator(SEED));
  const differences = summaryDifferences(engineSummary, kernelSummary);
  const ratio = median(ratios);
  return [
    `${label}: engine ${grouped(median(engineRates))} runs/s, kernel ${grouped(median(kernelRates))} runs/s (own CPU time); ` +
      `100,000 runs: engine ${(100_000 / median(engineRates)).toFixed(3)} s (target ≤ 0.5 s)`,
    `${label}: ENGINE / KERNEL TIME RATIO ${ratio.toFixed(2)} (median of ${ROUNDS} alternating rounds of ${grouped(RUNS)} runs, ` +
      `range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; target ≤ 1.5, issue 11 item 8)`,
    `${label}: same draws, same summary: ${differences === 0 ? "identical (every number, Object.is)" : `${differences} numbers DIFFER`}; ` +
      `P50 IRR ${engineSummary.irr.p50.toFixed(6)}, P50 multiple ${engineSummary.multiple.p50.toFixed(6)}, ` +
      `P50 municipality net ${grouped(engineSummary.municipalityNet.p50)} kr, P(loss) ${engineSummary.probabilityOfLoss}`,
  ];
}

/**
 * Runs the benchmark and returns printable lines: for each set of terms the engine's and the kernel's runs per second,
 * their time ratio (the figure of issue 11 item 8) and whether the summaries agree; the load average and peak RSS.
 */
export function runMonteCarloBench(): string[] {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
  return [
    `Pilot: 56 participants × 50 months, seed ${SEED}; binomial outcomes, effect sd 0.3, persistence N(0.99, 0.01), cost sd 0.15; load average ${load} (1 / 5 / 15 min)`,
    ...compareOnTerms("Pilot terms", benchModel(PILOT_TERMS)),
    ...compareOnTerms(
      "Card and costs (sustainment milestones and monthly card priced, volume and contract caps, deal costs)",
      benchModel(CARD_AND_COSTS_TERMS),
    ),
    `Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ];
}
