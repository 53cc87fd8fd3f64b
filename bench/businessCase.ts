import { loadavg } from "node:os";
import { computeBusinessCase } from "../src/engine/businessCase";
import { expectOk } from "../src/engine/errors";
import { pilotScenario } from "../src/engine/pilot";
import type { Scenario } from "../src/engine/scenario";
import { OUTCOME_STATES } from "../src/engine/states";
import { referenceBusinessCase } from "../test/engine/support/businessCaseReference";
import { businessCaseKernel, kernelDifferences } from "./businessCaseKernel";
import { callsPerSecond, count, installCustomFunctionsGlobal } from "./timing";

/** Median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Calls per second of this process's own CPU time (user + system): other processes on a loaded machine do not count.
 * @example callsPerCpuSecond(() => computeBusinessCase(pilot), 0.15) // ≈ 40,000 on an idle core
 */
function callsPerCpuSecond(work: () => unknown, minSeconds: number): number {
  let calls = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minSeconds * 1e6) {
    for (let i = 0; i < 50; i++) work();
    calls += 50;
    const used = process.cpuUsage(start);
    elapsed = used.user + used.system;
  }
  return calls / (elapsed / 1e6);
}

/**
 * The scenario with half its measured effect: participant shares halfway to the comparison group's (still summing to
 * 1), so consecutive calls alternate between two effects and each call computes (nothing is a repeated input).
 */
function halfEffect(scenario: Scenario): Scenario {
  const shares = { ...scenario.participantShares };
  for (const state of OUTCOME_STATES) {
    shares[state] = (scenario.participantShares[state] + scenario.comparisonShares[state]) / 2;
  }
  return { ...scenario, participantShares: shares };
}

/** Calls of `compute` that take the next scenario of `scenarios` each time (round robin). */
function cycling(compute: (scenario: Scenario) => unknown, scenarios: readonly Scenario[]): () => unknown {
  let next = 0;
  return () => {
    const scenario = scenarios[next] as Scenario;
    next = next + 1 === scenarios.length ? 0 : next + 1;
    return compute(scenario);
  };
}

/**
 * computeBusinessCase against the code it replaced (the frozen copy in test/engine/support/businessCaseReference.ts)
 * and against the typed-array reference of the same arithmetic (bench/businessCaseKernel.ts), in interleaved rounds of
 * one process after a warm-up of each (so all three run optimised code); each ratio is the median over rounds of the
 * per-round ratio of own CPU time, so load on the machine cancels out. Every side calls the scenarios in turn (the
 * scenario and {@link halfEffect} of it unless given), so consecutive calls differ. Target (issue 10 item 5): ≥ 4×
 * the old code.
 */
function compareKernels(
  label: string,
  scenario: Scenario,
  scenarios: readonly Scenario[] = [scenario, halfEffect(scenario)],
  rounds = 9,
): string {
  let differences = 0;
  for (const each of scenarios) differences += kernelDifferences(computeBusinessCase(each), businessCaseKernel(each));
  const engineCall = cycling(computeBusinessCase, scenarios);
  const oldCall = cycling(referenceBusinessCase, scenarios);
  const kernelCall = cycling(businessCaseKernel, scenarios);
  for (let i = 0; i < 2_000; i++) {
    engineCall();
    oldCall();
    kernelCall();
  }
  const engine: number[] = [];
  const old: number[] = [];
  const kernel: number[] = [];
  for (let round = 0; round < rounds; round++) {
    engine.push(callsPerCpuSecond(engineCall, 0.15));
    old.push(callsPerCpuSecond(oldCall, 0.15));
    kernel.push(callsPerCpuSecond(kernelCall, 0.15));
  }
  const speedUps = engine.map((rate, round) => rate / (old[round] ?? NaN));
  const speedUp = median(speedUps);
  const toKernel = median(kernel.map((rate, round) => rate / (engine[round] ?? NaN)));
  return (
    `Business case, ${label}: ${count(median(engine))} computations/s (own CPU time, ` +
    `${(1e6 / median(engine)).toFixed(1)} µs a call); ` +
    `SPEED-UP ${speedUp.toFixed(1)}× THE OLD CODE (${count(median(old))}/s; median of ${rounds} interleaved rounds, ` +
    `range ${Math.min(...speedUps).toFixed(1)}–${Math.max(...speedUps).toFixed(1)}; target ≥ 4, issue 10 item 5); ` +
    `typed-array reference ${count(median(kernel))}/s = ${toKernel.toFixed(2)}× the engine ` +
    `(${differences === 0 ? "identical outputs" : `${differences} outputs DIFFER`})`
  );
}

/** Business-case engine and SIB.BUDGETSAVING throughput for the pilot (56 participants, 50 months). */
export async function runBusinessCaseBench(): Promise<string[]> {
  installCustomFunctionsGlobal();
  const functions = await import("../src/functions/functions");
  const pilot = expectOk(pilotScenario());
  const long = { ...pilot, horizonMonths: 420 };
  const cohorts = {
    ...pilot,
    horizonMonths: 48,
    cohorts: Array.from({ length: 12 }, (_, month) => ({ participants: 56, intakeMonth: month })),
  };
  let horizon = 14;
  const uncached = (): number => {
    horizon = horizon >= 420 ? 14 : horizon + 1;
    return functions.budgetSaving("kommune", [["horizonMonths", horizon]]);
  };
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
  return [
    `Load average ${load} (1 / 5 / 15 min)`,
    "Each side calls the scenario and the scenario with half its effect in turn.",
    compareKernels("pilot (50 months)", pilot),
    compareKernels("420 months", long),
    compareKernels("12 cohorts × 48 months", cohorts),
    compareKernels(
      "pilot, a new municipal tax rate each call (64 in turn: the net-cost tables are rebuilt every call)",
      pilot,
      Array.from({ length: 64 }, (_, index) => ({
        ...(index % 2 === 0 ? pilot : halfEffect(pilot)),
        tax: { ...pilot.tax, municipalTaxRate: 0.24 + index / 10_000 },
      })),
    ),
    `SIB.BUDGETSAVING, repeated arguments (memoised): ${count(callsPerSecond(() => functions.budgetSaving("kommune")))} evaluations/s`,
    `SIB.BUDGETSAVING, new arguments each call: ${count(callsPerSecond(uncached))} evaluations/s`,
  ];
}
