import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    // vitest's default is one worker less than the cores: a single worker on CI's 2-core machine, which then leaves
    // a core idle while the main process only waits. Two workers there (one per core); the default elsewhere.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
