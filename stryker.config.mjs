// Mutation testing with Stryker (issue 16): `npm run mutate`, see docs/mutation.md. Not part of `npm test` or CI.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // The engine, the formula plan and the number parsing of the custom functions and of the taskpane.
  mutate: [
    "src/engine/**/*.ts",
    "src/plan/**/*.ts",
    "src/functions/coerce.ts",
    "src/taskpane/i18n/numbers.ts",
    "!src/**/*.d.ts",
  ],
  testRunner: "vitest",
  // Unit tests of the mutated folders only (no e2e, no workbook export/Excel host tests): see vitest.mutate.config.mts.
  vitest: { configFile: "vitest.mutate.config.mts" },
  // Mutants that do not type-check are dropped before any test runs ("CompileError" in the report, not in the score).
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  // Each mutant runs only the tests that reached it in the first (dry) run.
  coverageAnalysis: "perTest",
  // Two cores: two test-runner workers (the TypeScript checker runs alongside).
  concurrency: 2,
  // A mutant's tests may take their dry-run time × 1.5 + 10 s before the mutant counts as "Timeout" (an endless loop).
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  // The dry run took 15–17 min at load 15–20 and over 20 min at load 20–30 (1 Dec 2026, 2 shared cores): 60 min.
  dryRunTimeoutMinutes: 60,
  // Reuse earlier results for unchanged code and tests; `--force` ignores them.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  // Not needed in the sandbox copy of the project.
  ignorePatterns: ["dist", "test-artifacts", "coverage", ".lo-profile", ".vitest.json"],
  cleanTempDir: "always",
};
