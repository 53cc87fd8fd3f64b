/**
 * Custom functions on cache misses: SIB.BUDGETSAVING with new arguments on every call (the memo never hits), and the
 * three stages of a miss measured apart (scenario from arguments, validation, computeBusinessCase). A script, never a
 * test: nothing here fails on a wall-clock time. Figures are wall-clock on the machine it runs on.
 */
import { cpus, loadavg } from "node:os";
import { computeBusinessCase } from "../src/engine/businessCase";
import { DEFAULT_PARAMETER_YEAR, unsuppliedDefaults } from "../src/engine/defaults";
import { applyInputs } from "../src/engine/inputs";
import { pilotScenarioDraft } from "../src/engine/pilot";
import type { Scenario } from "../src/engine/scenario";
import { validateScenario } from "../src/engine/validate";
import { callsPerSecond, count, installCustomFunctionsGlobal } from "./timing";

/** Median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Calls per second of this process's own CPU time (user + system), so other processes on a loaded machine do not
 * count: with a load average of 20 on 2 cores the wall clock gives a process about a tenth of a core.
 */
function callsPerCpuSecond(work: () => unknown, minSeconds: number): number {
  work();
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

/** The median rate over interleaved rounds of each piece of work (load on the machine spreads over all of them). */
function rates(work: readonly (() => unknown)[], clock: "wall" | "cpu", rounds = 5, seconds = 0.2): number[] {
  const measure = clock === "wall" ? callsPerSecond : callsPerCpuSecond;
  const perWork: number[][] = work.map(() => []);
  for (let round = 0; round < rounds; round++) {
    work.forEach((run, index) => perWork[index]?.push(measure(run, seconds)));
  }
  return perWork.map(median);
}

/** µs per call from calls per second, e.g. 2,000/s → "500.0 µs". */
function micros(rate: number): string {
  return `${(1e6 / rate).toFixed(1)} µs`;
}

/**
 * The scenario stage of a miss as scenarioArgs.ts does it: the inputs applied to the pilot draft of the year (built once
 * per year there, as `draft` here) and the defaults the year lacks checked.
 */
function scenarioFromInputs(
  draft: ReturnType<typeof pilotScenarioDraft>,
  pairs: readonly (readonly [string, number | string])[],
): Scenario {
  const applied = applyInputs(draft.scenario, pairs);
  if (!applied.ok) throw new Error(applied.issues.map((issue) => issue.message).join("; "));
  if (unsuppliedDefaults(draft.missing, applied.value).length > 0) throw new Error("defaults missing");
  return applied.value;
}

/** SIB.BUDGETSAVING on cache misses and its stages, for the pilot (56 participants, 50 months). */
export async function runFunctionsBench(): Promise<string[]> {
  installCustomFunctionsGlobal();
  const functions = await import("../src/functions/functions");
  let cost = 50_000;
  const nextCost = (): number => (cost = cost >= 150_000 ? 50_000 : cost + 1);
  let horizon = 14;
  const draft = pilotScenarioDraft(DEFAULT_PARAMETER_YEAR);
  const scenario = (): Scenario => scenarioFromInputs(draft, [["costPerParticipant", nextCost()]]);
  const work = [
    () => functions.budgetSaving("kommune", [["costPerParticipant", nextCost()]]),
    () => {
      horizon = horizon >= 420 ? 14 : horizon + 1;
      return functions.budgetSaving("kommune", [["horizonMonths", horizon]]);
    },
    () => pilotScenarioDraft(DEFAULT_PARAMETER_YEAR),
    scenario,
    () => validateScenario(scenario()),
    () => computeBusinessCase(scenario()),
  ];
  const lines: string[] = [];
  for (const clock of ["wall", "cpu"] as const) {
    const [missCost, missHorizon, drafting, applying, validation, compute] = rates(work, clock).map(
      (rate) => rate ?? NaN,
    ) as [number, number, number, number, number, number];
    const per = clock === "wall" ? "evaluations/s (wall clock)" : "evaluations per CPU-second of this process";
    lines.push(
      `SIB.BUDGETSAVING, new costPerParticipant each call (50 months): ${count(missCost)} ${per} (${micros(missCost)})`,
      `SIB.BUDGETSAVING, horizon cycling 14…420 (as bench/businessCase.ts): ${count(missHorizon)} ${per}`,
      `  pilotScenarioDraft(${DEFAULT_PARAMETER_YEAR}): ${micros(drafting)} a call (once per parameter year since the fix)`,
      `  inputs applied to the draft (applyInputs, unsupplied defaults): ${micros(applying)} a call`,
      `  validateScenario: ${(1e6 / validation - 1e6 / applying).toFixed(1)} µs a call (with the inputs ${micros(validation)})`,
      `  computeBusinessCase: ${(1e6 / compute - 1e6 / applying).toFixed(1)} µs a call (with the inputs ${micros(compute)})`,
    );
  }
  lines.push(`Load average (1 min) while measuring: ${loadavg()[0]?.toFixed(1) ?? "?"} on ${cpus().length} cores`);
  return lines;
}

/** `tsx bench/functions.ts` runs this section alone. */
if (process.argv[1]?.endsWith("functions.ts") === true) {
  void runFunctionsBench().then((lines) => {
    for (const line of lines) console.log(line);
  });
}
