// Sampled mutation testing (issue 16, docs/mutation.md "Sampling"): a full Stryker run over src/engine and src/plan
// takes 13–32 h on 2 cores, so the per-folder score is estimated from a seeded uniform random sample of mutants.
//
//   node scripts/mutation-sample.mjs list                         every mutant in scope, per folder (no tests run)
//   node scripts/mutation-sample.mjs plan --seed S --from A --to B
//        writes reports/mutation/sample-<A>-<B>/: the mutants at positions A..B-1 of each folder's seeded random order
//        (sample.json), a Stryker config that tests exactly those (stryker.config.mjs) and its tsconfig
//   node scripts/mutation-sample.mjs run --seed S --from A --to B [stryker options]
//        the same, then runs Stryker with that config (a clean copy of the committed tree is the safe place to run it)
//
// Successive slices of the same seed (0–40, 40–120, …) are disjoint parts of one random order, so together they are
// one uniform sample without replacement of size max(B) per folder. scripts/mutation-summary.mjs --sample merges them.
//
// How exactly the sampled mutants are tested: Stryker's `mutate` option takes ranges ("file:line:col-line:col", line
// 1-based, column 0-based, both ends included). A range equal to a mutant's node also takes in the other mutants of
// that node and every mutant of its descendants, so the config adds an ignorer plugin (scripts/mutation-sample-
// ignorer.mjs) that skips descendants that hold no sampled mutant. What remains tested beyond the sample are the other
// mutators of a sampled node (e.g. `<=` and `>=` beside a sampled `<` → `>`): a checker plugin
// (scripts/mutation-sample-checker.mjs) turns them away before the type check, so they are neither run nor counted.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Instrumenter } from "@stryker-mutator/instrumenter";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FOLDERS = ["src/engine", "src/plan"];

const silent = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace() {},
  debug() {},
  info() {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
  fatal: (...args) => console.error(...args),
};

function tsFiles(folder) {
  return readdirSync(join(root, folder), { recursive: true })
    .map((f) => join(folder, String(f)).replaceAll("\\", "/"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .sort();
}

/** Every mutant Stryker would make in the folders (the instrumenter with the default mutators), minus ignored ones. */
export async function listMutants(folders = FOLDERS) {
  const files = folders.flatMap(tsFiles).map((name) => ({
    name: join(root, name),
    content: readFileSync(join(root, name), "utf8"),
    mutate: true,
  }));
  const { mutants } = await new Instrumenter(silent).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return mutants
    .filter((m) => m.status !== "Ignored")
    .map((m) => ({
      file: relative(root, m.fileName).replaceAll("\\", "/"),
      location: m.location, // 0-based lines and columns (Stryker's internal positions)
      mutatorName: m.mutatorName,
      replacement: m.replacement,
    }));
}

/** A mutant's identity across runs: file, position, mutator and replacement (Stryker's ids are per run). */
export const keyOf = (m) =>
  `${m.file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}` +
  `|${m.mutatorName}|${m.replacement}`;

// mulberry32: a small seeded PRNG, so a sample is reproducible from its seed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The folder's mutants in a seeded random order (Fisher–Yates over the list sorted by key). */
export function shuffled(mutants, seed) {
  const list = [...mutants].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const random = rng(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const folderOf = (file) => FOLDERS.find((f) => file.startsWith(`${f}/`)) ?? file.split("/").slice(0, 2).join("/");

/** Files that the mutated files' type errors can reach: the mutated files and every file that imports them. */
function importersClosure(mutatedFiles) {
  const all = ["src", "test", "bench", "scripts"].flatMap((d) =>
    readdirSync(join(root, d), { recursive: true })
      .map((f) => join(d, String(f)).replaceAll("\\", "/"))
      .filter((f) => /\.(ts|mts)$/.test(f)),
  );
  const importsOf = new Map(
    all.map((f) => {
      const text = readFileSync(join(root, f), "utf8");
      const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
      return [
        f,
        specs.map((s) =>
          join(dirname(f), s)
            .replaceAll("\\", "/")
            .replace(/\.(js|ts)$/, ""),
        ),
      ];
    }),
  );
  const set = new Set(mutatedFiles);
  let grown = true;
  while (grown) {
    grown = false;
    for (const [f, deps] of importsOf) {
      if (set.has(f)) continue;
      if (deps.some((d) => set.has(`${d}.ts`) || set.has(`${d}/index.ts`) || set.has(d))) {
        set.add(f);
        grown = true;
      }
    }
  }
  return [...set].sort();
}

function args(argv) {
  const out = { rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed" || a === "--from" || a === "--to") out[a.slice(2)] = Number(argv[++i]);
    else out.rest.push(a);
  }
  return out;
}

async function plan({ seed, from, to }) {
  for (const [name, value] of Object.entries({ seed, from, to })) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (to <= from) throw new Error(`--to (${to}) must be greater than --from (${from})`);
  const population = await listMutants();
  const sample = [];
  const sizes = {};
  for (const folder of FOLDERS) {
    const inFolder = population.filter((m) => folderOf(m.file) === folder);
    sizes[folder] = inFolder.length;
    sample.push(
      ...shuffled(inFolder, seed)
        .slice(from, to)
        .map((m, i) => ({ ...m, folder, rank: from + i })),
    );
  }
  const dir = join(root, "reports/mutation", `sample-s${seed}-${from}-${to}`);
  mkdirSync(dir, { recursive: true });
  const sourceHash = createHash("sha256");
  for (const f of [...new Set(population.map((m) => m.file))].sort()) sourceHash.update(readFileSync(join(root, f)));
  writeFileSync(
    join(dir, "sample.json"),
    JSON.stringify({ seed, from, to, population: sizes, sourceSha256: sourceHash.digest("hex"), sample }, null, 1),
  );
  const ranges = sample.map(
    (m) =>
      `${m.file}:${m.location.start.line + 1}:${m.location.start.column}-` +
      `${m.location.end.line + 1}:${m.location.end.column}`,
  );
  const mutatedFiles = [...new Set(sample.map((m) => m.file))].sort();
  const checked = importersClosure(mutatedFiles);
  const base = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8"));
  const rel = (p) => relative(dir, join(root, p)).replaceAll("\\", "/");
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify(
      { compilerOptions: base.compilerOptions, files: [...checked.map(rel), ...globalDeclarations().map(rel)] },
      null,
      1,
    ),
  );
  const d = relative(root, dir).replaceAll("\\", "/");
  writeFileSync(
    join(dir, "stryker.config.mjs"),
    `// Generated by scripts/mutation-sample.mjs: seed ${seed}, positions ${from}–${to - 1} of each folder.
import base from "../../../stryker.config.mjs";
export default {
  ...base,
  mutate: ${JSON.stringify(ranges, null, 1)},
  plugins: [
    "@stryker-mutator/*",
    "./scripts/mutation-sample-ignorer.mjs",
    "./scripts/mutation-sample-reporter.mjs",
    "./scripts/mutation-sample-checker.mjs",
  ],
  ignorers: ["sample"],
  // The sample checker first: the other mutators' mutants of a sampled node are turned away before any type check.
  checkers: ["sample", "typescript"],
  mutationSample: ${JSON.stringify(join(dir, "sample.json"))},
  tsconfigFile: "${d}/tsconfig.json",
  concurrency: 1,
  incremental: false,
  reporters: ["progress", "json", "sample-stream"],
  mutationSampleDir: "${d}",
  jsonReporter: { fileName: "${d}/mutation.json" },
};
`,
  );
  console.log(
    `${sample.length} mutants (${FOLDERS.map((f) => `${f}: ${sample.filter((m) => m.folder === f).length} of ${sizes[f]}`).join(", ")}) in ${mutatedFiles.length} files; type-checked: ${checked.length} files (+ their imports). Config: ${d}/stryker.config.mjs`,
  );
  return `${d}/stryker.config.mjs`;
}

/** Declaration files that hold global types (they are not reached by imports). */
function globalDeclarations() {
  return readdirSync(join(root, "src"), { recursive: true })
    .map((f) => join("src", String(f)).replaceAll("\\", "/"))
    .filter((f) => f.endsWith(".d.ts"));
}

const [command, ...rest] = process.argv.slice(2);
if (command === "list") {
  const population = await listMutants();
  for (const folder of FOLDERS) {
    const inFolder = population.filter((m) => folderOf(m.file) === folder);
    const files = new Set(inFolder.map((m) => m.file));
    console.log(`${folder}: ${inFolder.length} mutants in ${files.size} files`);
  }
} else if (command === "plan" || command === "run") {
  const options = args(rest);
  const config = await plan(options);
  if (command === "run") {
    const result = spawnSync("npx", ["stryker", "run", config, ...options.rest], { stdio: "inherit", cwd: root });
    process.exit(result.status ?? 1);
  }
} else if (command !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.error("usage: node scripts/mutation-sample.mjs list | plan|run --seed S --from A --to B [stryker options]");
  process.exit(1);
}
