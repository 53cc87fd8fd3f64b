import { describe, expect, it } from "vitest";
import { MAX_TERMS } from "../../src/engine/limits";
import { parseScenarioFile } from "../../src/engine/scenarioFile";

/**
 * A scenario file's object with more fields than any section needs (MAX_TERMS = 200, src/engine/limits.ts) is refused
 * before its fields are read, with the rule "maxProperties" (the JSON schema's keyword). The sampled mutation run of
 * 1 December 2026 (seed 16, docs/mutation.md) found that no test reached this rule: its name could be emptied.
 */
describe("scenario file: an object with more than MAX_TERMS fields (mutation sample)", () => {
  it(`${MAX_TERMS + 1} fields in states.JOB: one issue, rule maxProperties, naming the path and both counts`, () => {
    const job = Object.fromEntries(Array.from({ length: MAX_TERMS + 1 }, (_, i) => [`field${i}`, 1]));
    const result = parseScenarioFile({ states: { JOB: job } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.issues.filter((issue) => issue.rule === "maxProperties");
    expect(found).toEqual([
      {
        code: "InvalidInput",
        field: "states.JOB",
        rule: "maxProperties",
        message: `states.JOB must hold at most ${MAX_TERMS} fields (the most any section needs), got ${MAX_TERMS + 1}.`,
      },
    ]);
  });
});
