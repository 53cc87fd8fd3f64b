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
 * computeBusinessCase against the code it replaced (the frozen copy in test/engine/support/businessCaseReference.ts)
 * and against the typed-array reference of the same arithmetic (bench/businessCaseKernel.ts), in interleaved rounds of
 * one process; each ratio is the median over rounds of the per-round ratio, so load on the machine cancels out.
 */
function compareKernels(label: string, scenario: Scenario, rounds = 5): string {
  const differences = kernelDifferences(computeBusinessCase(scenario), businessCaseKernel(scenario));
  const engine: number[] = [];
  const old: number[] = [];
  const kernel: number[] = [];
  for (let round = 0; round < rounds; round++) {
    engine.push(callsPerSecond(() => computeBusinessCase(scenario), 0.2));
    old.push(callsPerSecond(() => referenceBusinessCase(scenario), 0.2));
    kernel.push(callsPerSecond(() => businessCaseKernel(scenario), 0.2));
  }
  const speedUp = median(engine.map((rate, round) => rate / (old[round] ?? NaN)));
  const toKernel = median(kernel.map((rate, round) => rate / (engine[round] ?? NaN)));
  return (
    `Business case, ${label}: ${count(median(engine))} computations/s; ${speedUp.toFixed(1)}× the old code ` +
    `(${count(median(old))}/s); typed-array reference ${count(median(kernel))}/s = ${toKernel.toFixed(2)}× the engine ` +
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
  return [
    compareKernels("pilot (50 months)", pilot),
    compareKernels("420 months", long),
    compareKernels("12 cohorts × 48 months", cohorts),
    `SIB.BUDGETSAVING, repeated arguments (memoised): ${count(callsPerSecond(() => functions.budgetSaving("kommune")))} evaluations/s`,
    `SIB.BUDGETSAVING, new arguments each call: ${count(callsPerSecond(uncached))} evaluations/s`,
  ];
}
