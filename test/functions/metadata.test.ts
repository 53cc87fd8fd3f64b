import { describe, expect, it } from "vitest";
import { FUNCTION_HELP } from "../../src/taskpane/about";
import { danishMetadata, generatedMetadata } from "../support/functionsMetadata";

/** The generated functions.json is Excel's help: every function and parameter must be described. */
describe("functions.json (generated from the JSDoc)", () => {
  it("has the SIB functions, each described, every parameter described with a unit or example", async () => {
    const metadata = await generatedMetadata();
    expect(metadata.functions.length).toBeGreaterThanOrEqual(6);
    for (const fn of metadata.functions) {
      expect(fn.description ?? "", fn.id).not.toBe("");
      for (const parameter of fn.parameters) {
        expect((parameter.description ?? "").length, `${fn.id}(${parameter.name})`).toBeGreaterThan(15);
      }
    }
  });

  it("declares range arguments as matrices (a scalar 'any' would not accept a range)", async () => {
    const metadata = await generatedMetadata();
    for (const fn of metadata.functions) {
      for (const parameter of fn.parameters.filter((p) => p.name === "inputs")) {
        expect(parameter.dimensionality, `${fn.id}(${parameter.name})`).toBe("matrix");
      }
    }
  });

  it("the taskpane introduces exactly the functions that exist", async () => {
    const ids = (await generatedMetadata()).functions.map((fn) => `SIB.${fn.id}`);
    for (const help of FUNCTION_HELP) expect(ids).toContain(help.name);
  });

  it("has a complete Danish translation (functions-da.json): same ids, Danish names, every parameter", async () => {
    const english = await generatedMetadata();
    const danish = await danishMetadata();
    expect(danish.functions.map((fn) => fn.id)).toEqual(english.functions.map((fn) => fn.id));
    for (const fn of danish.functions) {
      expect(fn.name).toMatch(/^[A-ZÆØÅ][A-ZÆØÅ0-9._]*$/);
      expect(fn.parameters.every((parameter) => (parameter.description ?? "").length > 10)).toBe(true);
    }
    expect(new Set(danish.functions.map((fn) => fn.name)).size).toBe(danish.functions.length);
  });
});
