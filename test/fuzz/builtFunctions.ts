import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runInThisContext } from "node:vm";
import { ErrorCode, StubCustomFunctionError } from "../support/customFunctionsStub";

/** A custom function of the built bundle: its id, its parameters' shapes and the function Excel would call. */
export interface BuiltFunction {
  readonly id: string;
  readonly dimensions: readonly ("scalar" | "matrix")[];
  readonly call: (...args: unknown[]) => unknown;
}

function newest(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The functions of the BUILT dist/functions.js (what Excel loads), registered through a stand-in `CustomFunctions`
 * runtime (test/support/customFunctionsStub.ts's Error and codes, and an `associate` that records each function).
 * Builds dist/ first (`npm run build`) when the bundle is missing or older than src/functions or src/engine (CI builds
 * before the tests).
 */
export function loadBuiltFunctions(rebuildWhenStale = true): BuiltFunction[] {
  const bundle = join("dist", "functions.js");
  const metadata = join("dist", "functions.json");
  if (
    !existsSync(bundle) ||
    !existsSync(metadata) ||
    (rebuildWhenStale && statSync(bundle).mtimeMs < Math.max(newest("src/functions"), newest("src/engine")))
  ) {
    const run = spawnSync("npm", ["run", "build"], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run build failed: ${run.stderr}\n${run.stdout}`);
  }
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const scope = globalThis as { CustomFunctions?: unknown; document?: unknown; self?: unknown };
  const previous = scope.CustomFunctions;
  const previousDocument = scope.document;
  const previousSelf = scope.self;
  scope.self ??= globalThis;
  // webpack's runtime finds its public path from the script element that loaded it.
  scope.document ??= { currentScript: { tagName: "SCRIPT", src: "https://localhost:3000/functions.js" } };
  scope.CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: StubCustomFunctionError,
    ErrorCode,
  };
  try {
    runInThisContext(readFileSync(bundle, "utf8"), { filename: bundle });
  } finally {
    scope.CustomFunctions = previous ?? { Error: StubCustomFunctionError, ErrorCode };
    scope.document = previousDocument;
    scope.self = previousSelf;
  }
  const described = JSON.parse(readFileSync(metadata, "utf8")) as {
    functions: { id: string; parameters: { dimensionality?: string }[] }[];
  };
  return described.functions.map((entry) => {
    const call = registered.get(entry.id);
    if (call === undefined) throw new Error(`dist/functions.js registers no ${entry.id}`);
    return {
      id: entry.id,
      dimensions: entry.parameters.map((parameter) => (parameter.dimensionality === "matrix" ? "matrix" : "scalar")),
      call,
    };
  });
}

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * What is wrong with one call's outcome, or null: a value must be a finite number, a text, or a matrix of finite
 * numbers and texts; a thrown value must be an Excel error (`CustomFunctions.Error`) with a known code and a message;
 * and the call must take at most `maxMs` of CPU time (wall clock on 2 shared cores says little).
 * @example callProblem(fn, [1, 2], 1000) // null
 */
export function callProblem(fn: BuiltFunction, args: readonly unknown[], maxMs = 1000): string | null {
  // CPU time of this process, not wall clock: the call's own work, whatever else shares the cores.
  const start = process.cpuUsage();
  const elapsed = (): number => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  let result: unknown;
  try {
    result = fn.call(...args);
  } catch (error) {
    const ms = elapsed();
    if (!(error instanceof StubCustomFunctionError)) {
      return `raw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}`;
    }
    if (!ERROR_CODES.has(error.code)) return `unknown error code ${error.code}`;
    if (error.message.trim() === "") return `${error.code} without a message`;
    return ms > maxMs ? `took ${ms.toFixed(0)} ms of CPU` : null;
  }
  const ms = elapsed();
  if (ms > maxMs) return `took ${ms.toFixed(0)} ms of CPU`;
  if (result instanceof Promise) return "a promise (no function is asynchronous)";
  const badCell = (cell: unknown): boolean =>
    !(typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell)));
  if (Array.isArray(result)) {
    for (const row of result as unknown[]) {
      if (!Array.isArray(row)) return "a matrix row that is not a list";
      const bad = row.find(badCell);
      if (bad !== undefined || row.some(badCell)) return `a matrix cell ${String(bad)}`;
    }
    return null;
  }
  return badCell(result) ? `returned ${String(result)}` : null;
}
