import { computeBusinessCase } from "../src/engine/businessCase";
import { expectOk } from "../src/engine/errors";
import { pilotScenario } from "../src/engine/pilot";
import { callsPerSecond, count, installCustomFunctionsGlobal } from "./timing";

/** Business-case engine and SIB.BUDGETSAVING throughput for the pilot (56 participants, 50 months). */
export async function runBusinessCaseBench(): Promise<string[]> {
  installCustomFunctionsGlobal();
  const functions = await import("../src/functions/functions");
  const pilot = expectOk(pilotScenario());
  const long = { ...pilot, horizonMonths: 420 };
  let horizon = 14;
  const uncached = (): number => {
    horizon = horizon >= 420 ? 14 : horizon + 1;
    return functions.budgetSaving("kommune", [["horizonMonths", horizon]]);
  };
  return [
    `Business case, pilot (50 months): ${count(callsPerSecond(() => computeBusinessCase(pilot)))} computations/s`,
    `Business case, 420 months: ${count(callsPerSecond(() => computeBusinessCase(long)))} computations/s`,
    `SIB.BUDGETSAVING, repeated arguments (memoised): ${count(callsPerSecond(() => functions.budgetSaving("kommune")))} evaluations/s`,
    `SIB.BUDGETSAVING, new arguments each call: ${count(callsPerSecond(uncached))} evaluations/s`,
  ];
}
