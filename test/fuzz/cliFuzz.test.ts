import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCaseInProcess } from "./cliRunner";
import { hostileFileText } from "./hostile";

/**
 * Issue 13 item 7: hostile scenario files (wrong types, prototype keys, huge and tiny numbers, deep nesting, long
 * texts, big lists, unknown keys, broken JSON) through the command line's entry point in-process. Every file gives
 * exit 0 or exit 2; exit 2 prints only "error: " lines (at most 51), no stack trace, and the first names a field
 * (a JSON path), the file or the JSON parser; no run hangs (over 10 s). `npm run fuzz` runs many more (scripts/fuzz.ts) and
 * reports the slowest against the 1 s budget.
 */
const folder = mkdtempSync(join(tmpdir(), "sib-fuzz-"));
const path = join(folder, "hostile.json");

/**
 * A run over this is a hang, not a slow machine: the guide forbids tests that fail on a wall-clock budget, so the
 * 1 s per file of issue 13 is measured by `npm run fuzz` (scripts/fuzz.ts, its report), and this test only catches
 * runaway work (a pilot file takes ~10–50 ms; 10 s leaves room for a CI machine under full load).
 */
const HANG_MS = 10_000;

/** The checks every run must pass; returns the problem or null. */
export function cliProblem(text: string): string | null {
  writeFileSync(path, text);
  const run = runCaseInProcess(["--scenario", path, "--json"]);
  if (run.ms > HANG_MS) return `took ${run.ms.toFixed(0)} ms`;
  if (run.code === 0) return run.stderr === "" ? null : `exit 0 with stderr ${run.stderr.slice(0, 200)}`;
  if (run.code !== 2) return `exit ${run.code}`;
  const lines = run.stderr.replace(/\n$/, "").split("\n");
  if (run.stdout !== "") return "exit 2 with output on stdout";
  if (lines.length > 51) return `${lines.length} error lines`;
  if (lines.some((line) => !line.startsWith("error: "))) return `a line without "error: ": ${run.stderr.slice(0, 300)}`;
  if (/\n\s+at |TypeError|RangeError|ReferenceError|undefined/.test(run.stderr))
    return `a crash: ${run.stderr.slice(0, 300)}`;
  // eslint-disable-next-line no-control-regex -- the check is that no control character is echoed
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(run.stderr)) return "a control character echoed";
  // A field's path, the file name (unreadable, not JSON), or a count line.
  if (!/^error: (.+\.json(: \S+| is not valid JSON)|cannot read )/.test(lines[0] ?? ""))
    return `no field named: ${lines[0]}`;
  return null;
}

describe("hostile scenario files through the command line (seeded)", () => {
  it("200 generated files: exit 0 or 2 with a message naming the field, no stack trace, none hangs", () => {
    fc.assert(
      fc.property(hostileFileText, (text) => {
        expect(cliProblem(text), text.slice(0, 300)).toBeNull();
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it("the prototype keys of review F4 at every depth are exit 2 naming the path", () => {
    for (const text of [
      '{"__proto__":{"horizonMonths":36}}',
      '{"states":{"JOB":{"__proto__":{"wage":-5}}}}',
      '{"payment":{"constructor":5}}',
      '{"payment":{"price.constructor":5}}',
      '{"investor":{"__proto__":1}}',
      '{"views":[{"id":"x","label":{"da":"a","en":"a"},"changes":{"da":"a","en":"a"},"overrides":{"constructor":1}}]}',
    ]) {
      expect(cliProblem(text), text).toBeNull();
      writeFileSync(path, text);
      expect(runCaseInProcess(["--scenario", path]).code, text).toBe(2);
    }
  });
});
