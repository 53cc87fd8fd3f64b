import { loadavg } from "node:os";
import { computeBusinessCase } from "../src/engine/businessCase";
import { expectOk } from "../src/engine/errors";
import { pilotScenario } from "../src/engine/pilot";
import type { Scenario } from "../src/engine/scenario";
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
 * computeBusinessCase against the code it replaced (the frozen copy in test/engine/support/businessCaseReference.ts)
 * and against the typed-array reference of the same arithmetic (bench/businessCaseKernel.ts), in interleaved rounds of
 * one process after a warm-up of each (so all three run optimised code); each ratio is the median over rounds of the
 * per-round ratio of own CPU time, so load on the machine cancels out. Target (issue 10 item 5): ≥ 4× the old code.
 */
function compareKernels(label: string, scenario: Scenario, rounds = 9): string {
  const differences = kernelDifferences(computeBusinessCase(scenario), businessCaseKernel(scenario));
  for (let i = 0; i < 2_000; i++) {
    computeBusinessCase(scenario);
    referenceBusinessCase(scenario);
    businessCaseKernel(scenario);
  }
  const engine: number[] = [];
  const old: number[] = [];
  const kernel: number[] = [];
  for (let round = 0; round < rounds; round++) {
    engine.push(callsPerCpuSecond(() => computeBusinessCase(scenario), 0.15));
    old.push(callsPerCpuSecond(() => referenceBusinessCase(scenario), 0.15));
    kernel.push(callsPerCpuSecond(() => businessCaseKernel(scenario), 0.15));
  }
  const speedUps = engine.map((rate, round) => rate / (old[round] ?? NaN));
  const speedUp = median(speedUps);
  const toKernel = median(kernel.map((rate, round) => rate / (engine[round] ?? NaN)));
  return (
    `Business case, ${label}: ${count(median(engine))} computations/s (own CPU time); ` +
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
    compareKernels("pilot (50 months)", pilot),
    compareKernels("420 months", long),
    compareKernels("12 cohorts × 48 months", cohorts),
    `SIB.BUDGETSAVING, repeated arguments (memoised): ${count(callsPerSecond(() => functions.budgetSaving("kommune")))} evaluations/s`,
    `SIB.BUDGETSAVING, new arguments each call: ${count(callsPerSecond(uncached))} evaluations/s`,
  ];
}
