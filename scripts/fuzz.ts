/**
 * `npm run fuzz [-- --calls N --files N --seed S]`: the long fuzz run of issue 13 item 7. Hostile scenario files through
 * `npm run case`'s entry point in-process and hostile arguments (1,000,000-row ranges included) through the BUILT
 * dist/functions.js with a stand-in runtime; the same generators and checks as test/fuzz (which run a few hundred in
 * `npm test`). Prints calls, files, failures (the first 20 shown) and peak RSS; exits 1 on any failure.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { callProblem, loadBuiltFunctions } from "../test/fuzz/builtFunctions";
import { hostileArguments, hostileFileText } from "../test/fuzz/hostile";

const { values } = parseArgs({
  options: {
    calls: { type: "string" },
    files: { type: "string" },
    seed: { type: "string" },
    "use-dist": { type: "boolean" },
  },
});
const targetCalls = Number(values.calls ?? 100_000);
const targetFiles = Number(values.files ?? 2_000);
const seed = Number(values.seed ?? 13);
const failures: string[] = [];

let caseCli: { main: (argv: readonly string[]) => number };
const folder = mkdtempSync(join(tmpdir(), "sib-fuzz-"));
const path = join(folder, "hostile.json");

/** Runs the CLI in-process with its output captured (the same checks as test/fuzz/cliFuzz.test.ts). */
function fileProblem(text: string): string | null {
  writeFileSync(path, text);
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  const start = process.cpuUsage();
  let code: number;
  try {
    code = caseCli.main(["--scenario", path, "--json"]);
  } catch (error) {
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  if (ms > 1000) return `took ${ms.toFixed(0)} ms of CPU`;
  if (code === 0) return stderr === "" ? null : "exit 0 with errors";
  if (code !== 2) return `exit ${code}`;
  const lines = stderr.replace(/\n$/, "").split("\n");
  if (stdout !== "" || lines.length > 51 || lines.some((line) => !line.startsWith("error: ")))
    return "bad error output";
  if (/\n\s+at |TypeError|RangeError|ReferenceError|undefined/.test(stderr)) return `a crash: ${stderr.slice(0, 200)}`;
  // eslint-disable-next-line no-control-regex -- the check is that no control character is echoed
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(stderr)) return "a control character echoed";
  return null;
}

async function run(): Promise<void> {
  caseCli = await import("../src/cli/case");
  const started = performance.now();
  let files = 0;
  for (const text of fc.sample(hostileFileText, { seed, numRuns: targetFiles })) {
    files++;
    const problem = fileProblem(text);
    if (problem !== null) failures.push(`file ${text.slice(0, 120)}: ${problem}`);
  }

  const functions = loadBuiltFunctions(values["use-dist"] !== true);
  let calls = 0;
  const perFunction = Math.ceil(targetCalls / functions.length);
  for (const [index, fn] of functions.entries()) {
    // One call in 2,000 gets a 1,000,000-row range where the function takes a range.
    const huge = fc.sample(hostileArguments(fn.dimensions, true), {
      seed: seed + index,
      numRuns: Math.ceil(perFunction / 2000),
    });
    const small = fc.sample(hostileArguments(fn.dimensions, false), {
      seed: seed + index,
      numRuns: perFunction - huge.length,
    });
    for (const args of [...small, ...huge]) {
      calls++;
      const problem = callProblem(fn, args);
      if (problem !== null) failures.push(`${fn.id}(${JSON.stringify(args).slice(0, 120)}): ${problem}`);
    }
  }
  rmSync(folder, { recursive: true, force: true });

  console.log(`calls: ${calls.toLocaleString("en")} (${functions.length} functions of dist/functions.js)`);
  console.log(`files: ${files.toLocaleString("en")} (through npm run case in-process)`);
  console.log(`failures: ${failures.length}`);
  for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`);
  console.log(`seed: ${seed}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

void run();
