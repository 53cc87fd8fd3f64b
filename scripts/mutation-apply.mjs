// Applies one sampled mutant by hand and runs tests against it (issue 16, docs/mutation.md "Sampling"): to check that a
// new test kills a survivor without a whole Stryker run (whose dry run alone takes 10–20 minutes here), and to test
// static mutants (code run while a module loads), which a sampled run with --ignoreStatic leaves out.
//
//   node scripts/mutation-apply.mjs show <sample dir> <folder> <rank>
//        prints the mutant (file, line, mutator) and the source before and after
//   node scripts/mutation-apply.mjs test <sample dir> <folder> <rank> [test files …]
//        writes the mutant into the source file, runs vitest (vitest.mutate.config.mts, stops at the first failing
//        test) on the given test files, or else on every test related to the mutated file (`vitest related`, as
//        Stryker's vitest runner does), restores the file and prints KILLED (a test failed) or SURVIVED (all passed)
//
// <folder> is "src/engine" or "src/plan" (or "engine"/"plan"); <rank> the mutant's position in the seeded order.
// It edits files, so it refuses to run in a git working tree: use a clean copy (`git archive HEAD | tar -x -C DIR`,
// node_modules linked), as for the sampled runs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

const root = process.cwd();

/** Character offset of a 0-based line and column in `text`. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) throw new Error(`line ${line + 1} is past the end of the file`);
    offset = next + 1;
  }
  return offset + column;
}

function findMutant(dir, folder, rank) {
  const { sample } = JSON.parse(readFileSync(join(dir, "sample.json"), "utf8"));
  const wanted = folder.startsWith("src/") ? folder : `src/${folder}`;
  const m = sample.find((s) => s.folder === wanted && s.rank === rank);
  if (!m) throw new Error(`no mutant of ${wanted} at rank ${rank} in ${dir}/sample.json`);
  return m;
}

/** The file's text with the mutant applied (the mutant's node replaced by Stryker's replacement code). */
export function mutated(text, m) {
  const start = offsetOf(text, m.location.start.line, m.location.start.column);
  const end = offsetOf(text, m.location.end.line, m.location.end.column);
  return { before: text.slice(start, end), after: text.slice(0, start) + m.replacement + text.slice(end) };
}

const [command, dir, folder, rankText, ...testFiles] = process.argv.slice(2);
const rank = Number(rankText);
if (!["show", "test"].includes(command) || !dir || !folder || !Number.isInteger(rank)) {
  console.error("usage: node scripts/mutation-apply.mjs show|test <sample dir> <folder> <rank> [test files …]");
  process.exit(2);
}
const m = findMutant(resolve(dir), folder, rank);
const path = join(root, m.file);
const original = readFileSync(path, "utf8");
const { before, after } = mutated(original, m);
console.log(`${m.folder} #${m.rank}: ${m.file}:${m.location.start.line + 1} ${m.mutatorName}`);
console.log(`- ${before.replace(/\s+/g, " ").slice(0, 300)}`);
console.log(`+ ${m.replacement.replace(/\s+/g, " ").slice(0, 300)}`);
if (command === "test") {
  if (existsSync(join(root, ".git"))) {
    console.error("refusing to edit sources in a git working tree: run this in a clean copy (see the file's header)");
    process.exit(2);
  }
  writeFileSync(path, after);
  let status;
  try {
    const vitest = ["vitest", "--config", "vitest.mutate.config.mts", "--bail", "1", "--reporter", "dot"];
    const args = testFiles.length > 0 ? [...vitest, "run", ...testFiles] : [...vitest, "related", "--run", m.file];
    const result = spawnSync("npx", args, { cwd: root, stdio: "inherit" });
    status = result.status;
  } finally {
    writeFileSync(path, original);
  }
  console.log(status === 0 ? "SURVIVED (every test passed)" : `KILLED (vitest exited with ${status})`);
}
