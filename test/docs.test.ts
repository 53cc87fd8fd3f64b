import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INPUT_FIELDS } from "../src/engine/inputs";
import { OUTCOME_STATES } from "../src/engine/states";

describe("docs/scenario.md", () => {
  const doc = readFileSync("docs/scenario.md", "utf8");
  it("lists every input name the functions accept", () => {
    for (const field of INPUT_FIELDS) {
      const state = OUTCOME_STATES.find((s) => field.key.endsWith(`.${s}`));
      const documented = state === undefined ? field.key : field.key.replace(`.${state}`, ".<STATE>");
      expect(doc, field.key).toContain(`\`${documented}\``);
    }
  });
});
