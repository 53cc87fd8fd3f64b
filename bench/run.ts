/**
 * `npm run bench`: prints performance figures. A script, never a test: nothing here fails on a wall-clock time.
 * Figures are wall-clock on the machine it runs on (2 cores in CI).
 */
import { runBusinessCaseBench } from "./businessCase";
import { runExcelRequestsBench } from "./excelRequests";
import { runExportBench } from "./export";
import { runFunctionsBench } from "./functions";
import { runPaymentBench } from "./payment";
import { runMonteCarloBench } from "./monteCarlo";
import { runPlanBench } from "./plan";
import { runTaskpaneBench } from "./taskpane";

async function main(): Promise<void> {
  const sections: [string, () => Promise<string[]> | string[]][] = [
    ["Business case", runBusinessCaseBench],
    ["Custom functions on cache misses (SIB.BUDGETSAVING; wall clock and own CPU time)", runFunctionsBench],
    ["Payment", runPaymentBench],
    ["Monte Carlo", runMonteCarloBench],
    ["Workbook model", runPlanBench],
    ["Excel writer requests (pilot to 420 months × 60 cohorts)", runExcelRequestsBench],
    ["Taskpane (wizard)", runTaskpaneBench],
    ["Export at the largest accepted file (own processes; CPU time is the figure under load)", runExportBench],
  ];
  for (const [title, run] of sections) {
    console.log(`\n== ${title}`);
    for (const line of await run()) console.log(line);
  }
  console.log(`\nPeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

void main();
