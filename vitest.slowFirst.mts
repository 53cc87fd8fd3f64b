import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * A vitest sequencer that starts the given files first, in the given order (slowest first, measured), then the rest in
 * vitest's own order (failed, then longest or largest first). On a fresh clone vitest has no timings and orders by file
 * size, which can start a slow small file last, with one core idle while it runs alone (docs/ci-time.md).
 * @example sequence: { sequencer: slowFirst(["test/plan/paymentChecks.test.ts"]) }
 */
export function slowFirst(files: readonly string[]): typeof BaseSequencer {
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(specs: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(specs);
      const rank = (spec: TestSpecification): number => {
        const index = files.findIndex((path) => spec.moduleId.replaceAll("\\", "/").endsWith(path));
        return index < 0 ? files.length : index;
      };
      return sorted
        .map((spec, order) => ({ spec, order, rank: rank(spec) }))
        .sort((a, b) => a.rank - b.rank || a.order - b.order)
        .map(({ spec }) => spec);
    }
  };
}
