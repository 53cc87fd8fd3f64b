import * as languages from "hyperformula/i18n/languages";
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

  it("no id or name is a built-in function name in English or Danish Excel (or another HyperFormula language)", async () => {
    const english = await generatedMetadata();
    const danish = await danishMetadata();
    const builtIns = builtInFunctionNames();
    const names = [
      ...english.functions.flatMap((fn) => [`${fn.id} (id)`, `${fn.name} (name)`]),
      ...danish.functions.map((fn) => `${fn.name} (Danish name of ${fn.id})`),
    ];
    const clashes = names.filter((entry) => builtIns.has(entry.split(" ")[0] ?? ""));
    expect(
      clashes.map((entry) => `${entry}: ${[...(builtIns.get(entry.split(" ")[0] ?? "") ?? [])].join(", ")}`),
    ).toEqual([]);
    // The lists are HyperFormula's language packs (its ~400 functions in Excel's names per language), so the check
    // covers EFFECT, RATE, IRR, XIRR, IA and every other function the model could plausibly be confused with.
    expect(builtIns.get("IA")).toContain("daDK");
    expect(builtIns.get("INTERN.RENTE")).toContain("daDK");
    expect(builtIns.get("XIRR")).toContain("enUS");
  });

  it("every id and name starts with a letter, has at least 3 characters and is no cell reference", async () => {
    const english = await generatedMetadata();
    const danish = await danishMetadata();
    const names = [...english.functions.flatMap((fn) => [fn.id, fn.name]), ...danish.functions.map((fn) => fn.name)];
    for (const name of names) {
      expect(name.length, name).toBeGreaterThanOrEqual(3);
      expect(name, name).toMatch(/^\p{L}/u);
      expect(name, name).not.toMatch(/^[A-Z]{1,3}[0-9]+$|^R[0-9]*C[0-9]*$/);
    }
    for (const fn of english.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      expect(fn.name).toBe(fn.id);
    }
  });
});

/** Built-in function names (upper case) → the HyperFormula language packs that have them (daDK, enGB, enUS, …). */
function builtInFunctionNames(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [code, pack] of Object.entries(languages)) {
    const functions = (pack as { functions?: Record<string, string> }).functions ?? {};
    for (const [english, translated] of Object.entries(functions)) {
      for (const name of [english, translated]) {
        const key = name.toUpperCase();
        found.set(key, (found.get(key) ?? new Set()).add(code));
      }
    }
  }
  return found;
}
