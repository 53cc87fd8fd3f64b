import { describe, expect, it } from "vitest";
import { concat, text } from "../../src/plan/formula";

/**
 * `concat` with no parts is the empty text "" (the sampled mutation run of 1 December 2026, seed 16, found that no
 * test called it without parts: the empty text could be any text). With parts, strings become text literals.
 */
describe("concat (src/plan/formula.ts)", () => {
  it('no parts: the empty text literal ""', () => {
    expect(concat()).toEqual({ kind: "text", value: "" });
  });

  it("one string part: that text literal", () => {
    expect(concat("kr")).toEqual(text("kr"));
  });
});
