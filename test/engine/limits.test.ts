import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  capLines,
  escapeControl,
  LIMITS,
  MAX_COHORTS,
  MAX_HORIZON_MONTHS,
  MAX_PEOPLE,
  MAX_TERMS,
  MAX_TEXT_LENGTH,
  MAX_VIEWS,
  quoteUserText,
} from "../../src/engine/limits";
import { MAX_AMOUNT_KR } from "../../src/engine/rules";

/** The schema as JSON (docs/scenario.schema.json); the paths below are JSON-pointer-like walks into it. */
const schema = JSON.parse(readFileSync("docs/scenario.schema.json", "utf8")) as Record<string, unknown>;

function at(path: readonly string[]): Record<string, unknown> {
  let node: unknown = schema;
  for (const key of path) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) {
      throw new Error(`schema has no ${path.join("/")}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node as Record<string, unknown>;
}

const AMOUNT_FIELDS = ["wage", "benefit", "healthCost"] as const;
const STATES = ["JOB", "JOB_UNK", "JOB_PART", "EDU", "FLEX", "TEMP", "PERM", "ABROAD"] as const;

describe("docs/scenario.schema.json holds the numbers of src/engine/limits.ts", () => {
  it("cohorts: maxItems = MAX_COHORTS, participants maximum = MAX_PEOPLE", () => {
    expect(at(["properties", "cohorts"])["maxItems"]).toBe(MAX_COHORTS);
    expect(at(["properties", "cohorts", "items", "properties", "participants"])["maximum"]).toBe(MAX_PEOPLE);
  });

  it("measured participants and the comparison group: maximum = MAX_PEOPLE", () => {
    expect(at(["properties", "measuredParticipants"])["maximum"]).toBe(MAX_PEOPLE);
    expect(at(["properties", "comparisonGroupSize"])["maximum"]).toBe(MAX_PEOPLE);
  });

  it("horizonMonths: maximum = MAX_HORIZON_MONTHS (420)", () => {
    expect(at(["properties", "horizonMonths"])["maximum"]).toBe(MAX_HORIZON_MONTHS);
    expect(MAX_HORIZON_MONTHS).toBe(35 * 12);
  });

  it("texts: maxLength = MAX_TEXT_LENGTH (description, name, views' labels and changes, term texts)", () => {
    for (const path of [
      ["properties", "description"],
      ["properties", "name"],
      ["properties", "views", "items", "properties", "label", "properties", "da"],
      ["properties", "views", "items", "properties", "label", "properties", "en"],
      ["properties", "views", "items", "properties", "changes", "properties", "da"],
      ["properties", "views", "items", "properties", "changes", "properties", "en"],
      ["properties", "payment", "additionalProperties"],
      ["properties", "investor", "additionalProperties"],
    ]) {
      expect(at(path)["maxLength"], path.join("/")).toBe(MAX_TEXT_LENGTH);
    }
  });

  it("payment and investor: maxProperties = MAX_TERMS; views: maxItems = MAX_VIEWS", () => {
    expect(at(["properties", "payment"])["maxProperties"]).toBe(MAX_TERMS);
    expect(at(["properties", "investor"])["maxProperties"]).toBe(MAX_TERMS);
    expect(at(["properties", "views"])["maxItems"]).toBe(MAX_VIEWS);
  });

  it("every amount in kr: maximum = MAX_AMOUNT_KR (1e9)", () => {
    expect(at(["properties", "costPerParticipant"])["maximum"]).toBe(MAX_AMOUNT_KR);
    for (const state of STATES) {
      for (const field of AMOUNT_FIELDS) {
        expect(at(["properties", "states", "properties", state, "properties", field])["maximum"]).toBe(MAX_AMOUNT_KR);
      }
    }
    for (const field of ["personalAllowance", "employmentAllowanceMax", "jobAllowanceFloor", "jobAllowanceMax"]) {
      expect(at(["properties", "tax", "properties", field])["maximum"]).toBe(MAX_AMOUNT_KR);
    }
  });

  it("docs/limits.md lists every limit by its number", () => {
    const doc = readFileSync("docs/limits.md", "utf8");
    for (const [name, value] of Object.entries(LIMITS)) {
      expect(doc, name).toContain(value.toLocaleString("en"));
    }
  });
});

describe("echoing user text", () => {
  it("escapes ESC, BEL, newlines, DEL, C1 and bidirectional overrides as \\uXXXX", () => {
    expect(escapeControl("\u001b]0;pwned-title\u0007\u001b[2J")).toBe("\\u001b]0;pwned-title\\u0007\\u001b[2J");
    expect(escapeControl("a\nb\r\u007f\u009b\u202e")).toBe("a\\u000ab\\u000d\\u007f\\u009b\\u202e");
    expect(escapeControl("Ærø 🚀 kr.")).toBe("Ærø 🚀 kr.");
  });

  it("cuts long text at 80 characters with …", () => {
    expect(quoteUserText("x".repeat(100))).toBe(`${"x".repeat(80)}…`);
    expect(quoteUserText("short")).toBe("short");
  });

  it("caps lines at 50 and counts the rest", () => {
    const lines = Array.from({ length: 120 }, (_, index) => `line ${index}`);
    const capped = capLines(lines);
    expect(capped).toHaveLength(51);
    expect(capped[49]).toBe("line 49");
    expect(capped[50]).toBe("… and 70 more");
    expect(capLines(lines.slice(0, 50))).toHaveLength(50);
  });
});
