import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest unit files (vitest's JSON reporter, 1 December 2026, at load 20: each took 50–450 s there, a tenth of
 * that on a quiet machine), slowest first. On a fresh clone vitest has no timings and starts the largest files first,
 * which put inputChecks.test.ts (4 KB, one of the slowest) near the end, with one core idle while it ran alone.
 */
const SLOW_FIRST = [
  "test/plan/paymentPlan.test.ts",
  "test/plan/inputChecks.test.ts",
  "test/cli/case.test.ts",
  "test/plan/businessCasePlan.test.ts",
  "test/excel/readModel.test.ts",
  "test/excel/writeModelRequests.test.ts",
  "test/plan/municipalitiesPlan.test.ts",
  "test/export/cachedValues.test.ts",
  "test/plan/formulaScan.test.ts",
  "test/plan/paymentDeadweight.test.ts",
  "test/plan/paymentCapacity.test.ts",
  "test/excel/writeModel.test.ts",
  "test/plan/excelLimits.test.ts",
];

/** vitest's order (failed, then longest or largest first), with the files of SLOW_FIRST moved to the front. */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = SLOW_FIRST.findIndex((path) => spec.moduleId.replaceAll("\\", "/").endsWith(path));
      return index < 0 ? SLOW_FIRST.length : index;
    };
    return sorted
      .map((spec, order) => ({ spec, order, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ spec }) => spec);
  }
}

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
    sequence: { sequencer: SlowFirstSequencer },
  },
});
