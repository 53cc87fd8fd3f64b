import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: real LibreOffice and Chromium on built artefacts. Run by `npm run test:e2e`. Two files at a time
 * (CI has 2 cores): each file starts its own LibreOffice with its own profile, or its own Chromium and static server,
 * and writes under its own test-artifacts folder; the browser files build dist/ under a lock (ensureBuilt in
 * test/support/chromium.ts), so two never build it at once.
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
