import { defineConfig } from "vitest/config";
import { slowFirst } from "./vitest.slowFirst.mjs";

/**
 * End-to-end tests: real LibreOffice and Chromium on built artefacts. Run by `npm run test:e2e`. Two files at a time
 * (CI has 2 cores): each file starts its own LibreOffice with its own profile, or its own Chromium and static server,
 * and writes under its own test-artifacts folder; the browser files build dist/ under a lock (ensureBuilt in
 * test/support/chromium.ts), so two never build it at once. The longest files start first (the fresh-clone CI run of 1
 * December 2026, 21:11: wizardPreview 110 s, wizard 105 s, libreoffice 97 s, wizardFile 37 s, capacity 18 s, budget
 * 10 s, sensitivityLibreOffice 9 s), so that on a fresh clone, where vitest orders by file size, a long file never
 * starts after the short ones while the other worker runs out of work.
 */
const SLOW_FIRST = [
  "test/e2e/wizardPreview.test.ts",
  "test/e2e/wizard.test.ts",
  "test/e2e/libreoffice.test.ts",
  "test/e2e/wizardFile.test.ts",
  "test/e2e/capacity.test.ts",
  "test/e2e/budget.test.ts",
  "test/e2e/sensitivityLibreOffice.test.ts",
];

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: slowFirst(SLOW_FIRST) },
  },
});
