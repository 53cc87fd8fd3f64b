// Prints the mutation score per top folder (src/engine, src/plan, src/functions, src/taskpane) from Stryker's JSON
// report (mutation-testing-report-schema). Run by `npm run mutate` after Stryker; alone: `node scripts/mutation-summary.mjs
// [report.json]`. Score as Stryker counts it: detected (killed + timeout) / valid (detected + survived + no coverage);
// compile and runtime errors and ignored mutants are not counted.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Sampled runs (scripts/mutation-sample.mjs): `node scripts/mutation-summary.mjs --sample [dir …] [--survivors]
// [--acrossCommits]`. --acrossCommits merges samples drawn from different versions of the source (each is a uniform
// sample of its own version's mutants; together they estimate the score over those versions, see docs/mutation.md).
if (process.argv.includes("--sample")) {
  summariseSample(
    process.argv.slice(2).filter((a) => !a.startsWith("--")),
    process.argv.includes("--survivors"),
    process.argv.includes("--acrossCommits"),
  );
  process.exit(0);
}

const reportFile = process.argv[2] ?? "reports/mutation/mutation.json";
if (!existsSync(reportFile)) {
  console.error(`No mutation report at ${reportFile}: run \`npm run mutate\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, "utf8"));

const folderOf = (file) => file.replaceAll("\\", "/").split("/").slice(0, 2).join("/");
const empty = () => ({ files: 0, Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0, Ignored: 0 });
const folders = new Map();
const total = empty();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = folders.get(folderOf(file)) ?? empty();
  folders.set(folderOf(file), folder);
  folder.files += 1;
  total.files += 1;
  for (const { status } of mutants) {
    const key = status === "CompileError" || status === "RuntimeError" ? "errors" : status;
    if (key in folder) {
      folder[key] += 1;
      total[key] += 1;
    }
  }
}

const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid === 0 ? "n/a" : `${((100 * detected) / valid).toFixed(2)} %`;
};
const rows = [...folders.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([folder, c]) => [folder, c])
  .concat([["all", total]]);
const header = ["folder", "files", "mutants", "killed", "timeout", "survived", "no cov.", "errors", "score"];
const table = [header].concat(
  rows.map(([folder, c]) => [
    folder,
    c.files,
    c.Killed + c.Timeout + c.Survived + c.NoCoverage + c.errors + c.Ignored,
    c.Killed,
    c.Timeout,
    c.Survived,
    c.NoCoverage,
    c.errors,
    score(c),
  ]),
);
const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
console.log("\nMutation score per folder:");
for (const row of table) {
  console.log(
    row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  "),
  );
}

/**
 * Wilson score interval for a proportion: k successes of n, z = 1.96 for 95 %. Better than the normal (Wald) interval
 * near 0 and 1 and for small n. Example: wilson(85, 100) ≈ [0.767, 0.907].
 */
export function wilson(k, n, z = 1.96) {
  if (n === 0) return [0, 1];
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return [(centre - half) / denominator, (centre + half) / denominator];
}

/** Per-folder estimate from the sampled runs' directories (default: every reports/mutation/sample-* with a report). */
function summariseSample(dirs, showSurvivors, acrossCommits) {
  const base = "reports/mutation";
  const chosen =
    dirs.length > 0
      ? dirs
      : readdirSync(base)
          .filter((d) => d.startsWith("sample-"))
          .map((d) => join(base, d));
  const seen = new Set();
  const population = {};
  const rows = new Map();
  const survivors = [];
  let sourceSha = null;
  for (const dir of chosen) {
    const { sample, population: sizes, sourceSha256 } = JSON.parse(readFileSync(join(dir, "sample.json"), "utf8"));
    if (sourceSha !== null && sourceSha256 !== sourceSha) {
      if (!acrossCommits) {
        console.error(
          `${dir}: sampled from other source files than the directories before it; not merged (--acrossCommits merges).`,
        );
        continue;
      }
      console.log(`${dir}: sampled from another version of the source; merged (--acrossCommits).`);
    }
    sourceSha = sourceSha256;
    for (const [folder, size] of Object.entries(sizes)) {
      population[folder] =
        population[folder] === undefined || population[folder] === size ? size : `${population[folder]}/${size}`;
    }
    const reportPath = join(dir, "mutation.json");
    const results = new Map();
    const streamPath = join(dir, "results.jsonl");
    if (!existsSync(reportPath) && existsSync(streamPath)) {
      // A run stopped before its end: the results it reached (scripts/mutation-sample-reporter.mjs).
      for (const line of readFileSync(streamPath, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")) {
        const m = JSON.parse(line);
        const { start, end } = m.location;
        const key = `${m.file}:${start.line - 1}:${start.column - 1}-${end.line - 1}:${end.column - 1}|${m.mutatorName}|${m.replacement}`;
        results.set(key, m);
      }
    }
    if (existsSync(reportPath)) {
      const report = JSON.parse(readFileSync(reportPath, "utf8"));
      for (const [file, { mutants }] of Object.entries(report.files)) {
        for (const m of mutants) {
          const { start, end } = m.location; // 1-based lines and columns in the report schema
          const key = `${file.replaceAll("\\", "/")}:${start.line - 1}:${start.column - 1}-${end.line - 1}:${end.column - 1}|${m.mutatorName}|${m.replacement}`;
          results.set(key, m);
        }
      }
    }
    for (const m of sample) {
      const key = `${m.file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}|${m.mutatorName}|${m.replacement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = rows.get(m.folder) ?? {
        sampled: 0,
        Killed: 0,
        Timeout: 0,
        Survived: 0,
        NoCoverage: 0,
        errors: 0,
        static: 0,
        pending: 0,
      };
      rows.set(m.folder, row);
      row.sampled += 1;
      const result = results.get(key);
      const status = result?.status;
      if (status === "Ignored" && /static/i.test(result?.statusReason ?? "")) row.static += 1;
      else if (status === undefined || status === "Pending" || status === "Ignored") row.pending += 1;
      else if (status === "CompileError" || status === "RuntimeError") row.errors += 1;
      else row[status] += 1;
      if (status === "Survived" || status === "NoCoverage") {
        survivors.push({ ...m, status, line: m.location.start.line + 1, tests: result?.testsCompleted });
      }
    }
  }
  const header = [
    "folder",
    "population",
    "sampled",
    "killed",
    "timeout",
    "survived",
    "no cov.",
    "errors",
    "static, not run",
    "pending",
    "tested",
    "score",
    "95 % CI (Wilson)",
  ];
  const table = [header];
  for (const [folder, c] of [...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const detected = c.Killed + c.Timeout;
    const tested = detected + c.Survived + c.NoCoverage;
    const [low, high] = wilson(detected, tested);
    const pct = (x) => `${(100 * x).toFixed(1)} %`;
    table.push([
      folder,
      population[folder] ?? "?",
      c.sampled,
      c.Killed,
      c.Timeout,
      c.Survived,
      c.NoCoverage,
      c.errors,
      c.static,
      c.pending,
      tested,
      tested === 0 ? "n/a" : pct(detected / tested),
      tested === 0 ? "n/a" : `${pct(low)} – ${pct(high)}`,
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  console.log(
    `\nSampled mutation score per folder (${chosen.length} sample director${chosen.length === 1 ? "y" : "ies"}):`,
  );
  for (const row of table) {
    console.log(
      row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  "),
    );
  }
  console.log(
    "score = (killed + timeout) / tested; tested = killed + timeout + survived + no coverage (errors: mutants that do not type-check).",
  );
  if (showSurvivors) {
    console.log("\nSurvivors and uncovered mutants of the sample:");
    for (const m of survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
      console.log(
        `${m.status.padEnd(10)} ${m.file}:${m.line}  ${m.mutatorName}  → ${m.replacement.replace(/\s+/g, " ").slice(0, 100)}`,
      );
    }
  }
}
