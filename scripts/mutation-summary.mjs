// Prints the mutation score per top folder (src/engine, src/plan, src/functions, src/taskpane) from Stryker's JSON
// report (mutation-testing-report-schema). Run by `npm run mutate` after Stryker; alone: `node scripts/mutation-summary.mjs
// [report.json]`. Score as Stryker counts it: detected (killed + timeout) / valid (detected + survived + no coverage);
// compile and runtime errors and ignored mutants are not counted.
import { existsSync, readFileSync } from "node:fs";

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
