import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { slowFirst } from "./vitest.slowFirst.mjs";

/**
 * The slowest unit files, slowest first: the fresh-clone CI run of 1 December 2026, 21:11 (a quiet machine, 575 s in
 * all; vitest's per-file times, 8–47 s each), without test/cli/case.test.ts (32 s, in-process since). On a fresh clone
 * vitest has no timings and starts the largest files first, which put inputChecks.test.ts (4 KB, one of the slowest)
 * near the end, with one core idle while it ran alone; paymentChecks.test.ts (the slowest, 47 s) started 74th.
 */
const SLOW_FIRST = [
  "test/plan/paymentChecks.test.ts",
  "test/plan/paymentPlan.test.ts",
  "test/plan/inputChecks.test.ts",
  "test/plan/businessCasePlan.test.ts",
  "test/plan/paymentDeadweight.test.ts",
  "test/excel/readBackTells.test.ts",
  "test/plan/formulaScan.test.ts",
  "test/plan/paymentFormulas.test.ts",
  "test/excel/readModel.test.ts",
  "test/export/cachedValues.test.ts",
  "test/excel/writeModelRequests.test.ts",
  "test/plan/excelLimits.test.ts",
  "test/plan/paymentCapacity.test.ts",
  "test/plan/municipalitiesPlan.test.ts",
  "test/taskpane/update.test.ts",
  "test/excel/writeModel.test.ts",
];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    // vitest's default is one worker less than the cores: a single worker on CI's 2-core machine, which then leaves
    // a core idle while the main process only waits. Two workers there (one per core); the default elsewhere.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // One module registry per worker, not per file: each file re-evaluated the engine, the plan and HyperFormula
    // (test/functions alone: 97 s → 41 s; the whole suite 2,989 s → 1,616 s wall, both at load 20–25). Safe here
    // because no test keeps state between files: no vi.mock, spies restored in finally, process.env restored, and
    // src's module-level caches only memoise (docs/ci-time.md).
    isolate: false,
    sequence: { sequencer: slowFirst(SLOW_FIRST) },
  },
});
