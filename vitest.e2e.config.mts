import { defineConfig } from "vitest/config";

/** End-to-end tests: real LibreOffice (and later Chromium) on built artefacts. Run by `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
