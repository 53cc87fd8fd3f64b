import { describe, expect, it } from "vitest";
import { excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

/**
 * The argument parsing of the custom functions, tested directly. Each test names the Stryker survivor of
 * docs/mutation.md (coerce.ts table) it kills; before these tests coerce.ts was reached only through the functions.
 */
installCustomFunctionsStub();
const { budgetHolder, nameValuePairs, optionalBoolean, optionalNumber, requiredNumber, requiredText } =
  await import("../../src/functions/coerce");

describe("optionalNumber", () => {
  it("a 0 is a value, not the fallback, unless zeroIsBlank (mutant: default zeroIsBlank = true)", () => {
    expect(optionalNumber(0, "rate", 0.035)).toBe(0);
    expect(optionalNumber(0, "horizon", 120, true)).toBe(120);
  });

  it("omitted, null, '' and blank text give the fallback (mutant: value.trim() → value in isBlank)", () => {
    expect(optionalNumber(undefined, "rate", 0.035)).toBe(0.035);
    expect(optionalNumber(null, "rate", 0.035)).toBe(0.035);
    expect(optionalNumber("", "rate", 0.035)).toBe(0.035);
    expect(optionalNumber("   ", "rate", 0.035)).toBe(0.035);
  });

  it("text, booleans, NaN and ±Infinity are refused with the argument's name", () => {
    for (const bad of ["0.035", true, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = excelErrorOf(() => optionalNumber(bad, "rate", 0.035));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^rate must be a number, got /);
    }
    expect(excelErrorOf(() => optionalNumber("abc", "rate", 0)).message).toBe('rate must be a number, got "abc".');
  });
});

describe("requiredNumber", () => {
  it("an empty cell is an error, not 0 (mutants: default emptyIsZero = true; if (emptyIsZero) → if (true))", () => {
    for (const blank of [null, undefined, "", "  "]) {
      expect(excelErrorOf(() => requiredNumber(blank, "participants"))).toEqual({
        code: "#VALUE!",
        message: "participants is required.",
      });
    }
  });

  it("an empty cell is 0 only when asked", () => {
    expect(requiredNumber(null, "outcomes", true)).toBe(0);
    expect(requiredNumber(0, "participants")).toBe(0);
    expect(requiredNumber(56, "participants")).toBe(56);
  });

  it("text and non-finite numbers are refused, NaN and Infinity named as such (JSON would print null)", () => {
    expect(excelErrorOf(() => requiredNumber("56", "participants")).message).toBe(
      'participants must be a number, got "56".',
    );
    expect(excelErrorOf(() => requiredNumber(Number.NaN, "participants")).message).toBe(
      "participants must be a number, got NaN.",
    );
    expect(excelErrorOf(() => requiredNumber(-Infinity, "participants")).message).toBe(
      "participants must be a number, got -Infinity.",
    );
  });
});

describe("optionalBoolean", () => {
  it("1 is TRUE and 0 is FALSE (mutant: value === 0 || value === 1 → false)", () => {
    expect(optionalBoolean(1, "flag", false)).toBe(true);
    expect(optionalBoolean(0, "flag", true)).toBe(false);
    expect(optionalBoolean(true, "flag", false)).toBe(true);
    expect(optionalBoolean(false, "flag", true)).toBe(false);
    expect(optionalBoolean(null, "flag", true)).toBe(true);
  });

  it("other numbers and text are refused (mutants: the 0/1 condition → true; value === 1 → value !== 1)", () => {
    expect(excelErrorOf(() => optionalBoolean(2, "flag", false))).toEqual({
      code: "#VALUE!",
      message: "flag must be TRUE or FALSE, got 2.",
    });
    expect(excelErrorOf(() => optionalBoolean(-1, "flag", false)).message).toBe("flag must be TRUE or FALSE, got -1.");
    expect(excelErrorOf(() => optionalBoolean("ja", "flag", false)).message).toBe(
      'flag must be TRUE or FALSE, got "ja".',
    );
  });
});

describe("requiredText and budgetHolder", () => {
  it("a non-text is named in the message (mutant: value ?? null → value && null)", () => {
    expect(excelErrorOf(() => requiredText(5, "holder"))).toEqual({
      code: "#VALUE!",
      message: "holder must be a text, got 5.",
    });
    expect(excelErrorOf(() => requiredText(true, "holder")).message).toBe("holder must be a text, got true.");
    expect(excelErrorOf(() => requiredText(undefined, "holder")).message).toBe("holder must be a text, got null.");
    expect(excelErrorOf(() => requiredText(" ", "holder")).message).toBe('holder must be a text, got " ".');
  });

  it("text is trimmed (mutant: value.trim() → value)", () => {
    expect(requiredText(" stat ", "holder")).toBe("stat");
    expect(budgetHolder(" Kommune ", "holder")).toBe("municipality");
    expect(budgetHolder("offentlig", "holder")).toBe("public");
  });

  it("an unknown holder names the accepted ones", () => {
    expect(excelErrorOf(() => budgetHolder("Firma", "holder")).message).toMatch(
      /^holder must be "kommune".*got "firma"\.$/,
    );
  });
});

describe("nameValuePairs", () => {
  it("reads names and values; blank names skip a row; names are trimmed (mutant: key.trim() → key)", () => {
    expect(nameValuePairs(null, "inputs")).toEqual([]);
    expect(nameValuePairs(undefined, "inputs")).toEqual([]);
    expect(
      nameValuePairs(
        [
          [" share ", 0.2],
          [null, null],
          [0, 0],
          ["holder", "stat"],
        ],
        "inputs",
      ),
    ).toEqual([
      ["share", 0.2],
      ["holder", "stat"],
    ]);
  });

  it("a third column with a value is refused (mutant: the whole two-column check → false)", () => {
    expect(excelErrorOf(() => nameValuePairs([["share", 0.2, 5]], "inputs"))).toEqual({
      code: "#VALUE!",
      message: "inputs must be a two-column range of names and values (row 1 is not).",
    });
    expect(excelErrorOf(() => nameValuePairs([["share"]], "inputs")).message).toBe(
      "inputs must be a two-column range of names and values (row 1 is not).",
    );
  });

  it("a blank or 0 third column is fine (mutants: !isBlank(cell) → true; cell !== 0 → true)", () => {
    expect(nameValuePairs([["share", 0.2, null]], "inputs")).toEqual([["share", 0.2]]);
    expect(nameValuePairs([["share", 0.2, ""]], "inputs")).toEqual([["share", 0.2]]);
    expect(nameValuePairs([["share", 0.2, 0]], "inputs")).toEqual([["share", 0.2]]);
  });

  it("messages count rows from 1 (mutants: index + 1 → index - 1 at the shape and the value checks)", () => {
    expect(
      excelErrorOf(() =>
        nameValuePairs(
          [
            ["a", 1],
            ["b", 2, 3],
          ],
          "inputs",
        ),
      ).message,
    ).toBe("inputs must be a two-column range of names and values (row 2 is not).");
    expect(
      excelErrorOf(() =>
        nameValuePairs(
          [
            ["a", 1],
            ["b", null],
          ],
          "inputs",
        ),
      ).message,
    ).toBe('inputs: input "b" (row 2) has no value.');
  });

  it("a name that is not text is refused (no coverage before: the typeof key check)", () => {
    expect(excelErrorOf(() => nameValuePairs([[5, 1]], "inputs")).message).toBe(
      "inputs: row 1 must start with an input name, got 5.",
    );
    expect(
      excelErrorOf(() =>
        nameValuePairs(
          [
            ["a", 1],
            [true, 1],
          ],
          "inputs",
        ),
      ).message,
    ).toBe("inputs: row 2 must start with an input name, got true.");
  });

  it("a TRUE/FALSE value is refused (no coverage before: the boolean value check)", () => {
    expect(excelErrorOf(() => nameValuePairs([["a", true]], "inputs")).message).toBe(
      'inputs: input "a" (row 1) must be a number or text, got true.',
    );
    expect(
      excelErrorOf(() =>
        nameValuePairs(
          [
            ["a", 1],
            ["b", false],
          ],
          "inputs",
        ),
      ).message,
    ).toBe('inputs: input "b" (row 2) must be a number or text, got false.');
  });
});
