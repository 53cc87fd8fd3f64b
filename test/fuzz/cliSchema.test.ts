import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { MAX_COHORTS, MAX_FILE_BYTES, MAX_TERMS, MAX_TEXT_LENGTH, MAX_VIEWS } from "../../src/engine/limits";
import { runCaseInProcess } from "./cliRunner";

/**
 * Review F5, F12, F13 and F14 (../shared/reviews/reliability.md): the command line reads and reports within bounds,
 * echoes no terminal escapes, and gives the same verdict as the JSON schema (docs/scenario.schema.json) on the
 * examples and a set of good and bad files (the rules the schema cannot express are listed in docs/limits.md and left
 * out here).
 */
const folder = mkdtempSync(join(tmpdir(), "sib-cli-"));
let counter = 0;
function file(content: unknown): string {
  const path = join(folder, `f${counter++}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const ajv = new Ajv2020({ allErrors: false, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync("docs/scenario.schema.json", "utf8")) as object);

const cohorts = (count: number): { participants: number; intakeMonth: number }[] =>
  Array.from({ length: count }, (_, index) => ({ participants: 5, intakeMonth: index % 601 }));
const view = (id: string): unknown => ({
  id,
  label: { da: "Visning", en: "View" },
  changes: { da: "ingen", en: "none" },
  overrides: {},
});

const GOOD: readonly (readonly [string, string])[] = [
  ["{}", "{}"],
  ['{"base": "pilot"}', '{"base":"pilot"}'],
  ["horizon 420", JSON.stringify({ horizonMonths: 420 })],
  [`${MAX_COHORTS} cohorts`, JSON.stringify({ cohorts: cohorts(MAX_COHORTS) })],
  ["a description of 2,000 characters", JSON.stringify({ description: "d".repeat(MAX_TEXT_LENGTH) })],
  ["measuredParticipants null", '{"measuredParticipants": null, "comparisonGroupSize": null}'],
  ["cost 1e9", '{"costPerParticipant": 1e9}'],
  [`${MAX_VIEWS} views`, JSON.stringify({ views: Array.from({ length: MAX_VIEWS }, (_, i) => view(`v${i}`)) })],
];

const BAD: readonly (readonly [string, string])[] = [
  ['{"base": null} (F14)', '{"base": null}'],
  ['{"base": "other"}', '{"base": "other"}'],
  ['{"parameterYear": null}', '{"parameterYear": null}'],
  ['{"$schema": 5}', '{"$schema": 5}'],
  ["top-level __proto__ (F4)", '{"__proto__": {"horizonMonths": 36}}'],
  ["states.__proto__", '{"states": {"__proto__": {}}}'],
  ["toString", '{"toString": 1}'],
  ["tax.constructor", '{"tax": {"constructor": {}}}'],
  ["unknown key", '{"horizon": 36}'],
  ["horizon 421", '{"horizonMonths": 421}'],
  ["horizon 36.5", '{"horizonMonths": 36.5}'],
  ["horizon as text", '{"horizonMonths": "36"}'],
  ["cost 1e10 (F12)", '{"costPerParticipant": 1e10}'],
  ["wage 1e300 (F12)", '{"states": {"JOB": {"wage": 1e300}}}'],
  ["participants 1e9 (F12)", '{"cohorts": [{"participants": 1e9, "intakeMonth": 0}]}'],
  ["no cohorts", '{"cohorts": []}'],
  [`${MAX_COHORTS + 1} cohorts`, JSON.stringify({ cohorts: cohorts(MAX_COHORTS + 1) })],
  ["601 cohorts (F1)", JSON.stringify({ horizonMonths: 420, cohorts: cohorts(601) })],
  ["measuredParticipants 0", '{"measuredParticipants": 0}'],
  ["comparisonGroupSize 1e8", '{"comparisonGroupSize": 100000000}'],
  ["a description of 2,001 characters", JSON.stringify({ description: "d".repeat(MAX_TEXT_LENGTH + 1) })],
  ["name as a number", '{"name": 5}'],
  ["a name of 2,001 characters", JSON.stringify({ name: "n".repeat(MAX_TEXT_LENGTH + 1) })],
  [`${MAX_VIEWS + 1} views`, JSON.stringify({ views: Array.from({ length: MAX_VIEWS + 1 }, (_, i) => view(`v${i}`)) })],
  [
    `${MAX_TERMS + 1} payment terms`,
    JSON.stringify({ payment: Object.fromEntries(Array.from({ length: MAX_TERMS + 1 }, (_, i) => [`t${i}`, i])) }),
  ],
  ["payment as a list", '{"payment": [1]}'],
  ["payment term as an object", '{"payment": {"baseline": {}}}'],
  ["duplicate neutralised state", '{"neutraliseStates": ["JOB", "JOB"]}'],
  ["unknown reference state", '{"attributionReference": "XYZ"}'],
  ["costTiming other", '{"costTiming": "later"}'],
  ["share above 1", '{"participantShares": {"JOB": 1.5}}'],
  ["not an object", "[1, 2]"],
];

describe("schema and command line agree (F14)", () => {
  const examples = readdirSync("examples").filter((name) => name.endsWith(".json"));

  it.each(examples)("examples/%s: valid for both", (name) => {
    const path = join("examples", name);
    expect(validate(JSON.parse(readFileSync(path, "utf8"))), JSON.stringify(validate.errors)).toBe(true);
    expect(runCaseInProcess(["--scenario", path, "--json"]).code).toBe(0);
  });

  it.each(GOOD)("%s: valid for both", (_, text) => {
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    const run = runCaseInProcess(["--scenario", file(text), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it.each(BAD)("%s: invalid for both, exit 2 with one message naming the field", (_, text) => {
    expect(validate(JSON.parse(text))).toBe(false);
    const run = runCaseInProcess(["--scenario", file(text)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).not.toMatch(/\n\s+at |TypeError|RangeError/);
  });
});

describe("the command line reads and reports within bounds (F5, F13)", () => {
  it("a file over 5 MB is refused from its size, before it is read", () => {
    const run = runCaseInProcess(["--scenario", file(" ".repeat(MAX_FILE_BYTES + 1))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the file has 5,242,881 bytes; the limit is 5,242,880 bytes/);
  });

  it.each([
    ["/dev/zero", "/dev/zero"],
    ["a directory", folder],
  ])("%s is refused as not a regular file", (_, path) => {
    const run = runCaseInProcess(["--scenario", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a regular file/);
  });

  it("140,000 cohorts (under 5 MB) are refused by the cohort limit, no stack overflow, in under 2 s", () => {
    const run = runCaseInProcess(["--scenario", file({ cohorts: cohorts(140_000) })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cohorts must list at most 120 cohorts .* got 140000\./);
    expect(run.ms).toBeLessThan(2000);
  });

  it("50,000 unknown keys give one line (the object's field limit), not 50,000", () => {
    const keys = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`k${index}`, index]));
    const run = runCaseInProcess(["--scenario", file(keys)]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/: \$ must hold at most 200 fields .* got 50000\.$/),
    ]);
  });

  it("many problems: the first 50 lines and a count of the rest", () => {
    // 120 cohorts with a text for participants: 120 type errors, 49 listed and one line counting the other 71.
    const bad = { cohorts: Array.from({ length: 120 }, () => ({ participants: "many", intakeMonth: 0 })) };
    const lines = runCaseInProcess(["--scenario", file(bad)])
      .stderr.trim()
      .split("\n");
    expect(lines).toHaveLength(50);
    expect(lines[0]).toMatch(/cohorts\[0\]\.participants must be a number, got string\.$/);
    expect(lines[49]).toMatch(/… and 71 more problems of the same kinds\.$/);
    // 150 unknown payment terms, reported by the terms parser: capped by the command line itself.
    const terms = { payment: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`nonsense${i}`, 1])) };
    const termLines = runCaseInProcess(["--scenario", file(terms)])
      .stderr.trim()
      .split("\n");
    expect(termLines).toHaveLength(51);
    expect(termLines[50]).toBe("error: … and 100 more");
  });

  it("terminal escape sequences in a name or a key are printed escaped (F13)", () => {
    const title = "\u001b]0;pwned-title\u0007\u001b[2J";
    const named = runCaseInProcess(["--scenario", file({ name: title })]);
    expect(named.code).toBe(0);
    expect(named.stdout.split("\n")[0]).toBe("\\u001b]0;pwned-title\\u0007\\u001b[2J");
    const keyed = runCaseInProcess(["--scenario", file({ [title]: 1 })]);
    expect(keyed.code).toBe(2);
    // eslint-disable-next-line no-control-regex -- the test is that no control character is printed
    expect(keyed.stderr.replace(/\n$/, "")).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(keyed.stderr).toContain("Unknown field \\u001b]0;pwned-title\\u0007\\u001b[2J;");
  });
});
