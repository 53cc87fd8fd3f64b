import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callProblem, loadBuiltFunctions } from "./builtFunctions";
import { hostileArguments, PROTOTYPE_KEYS } from "./hostile";

/**
 * Issue 13 item 7: hostile arguments (prototype names, ±1e308, 5e-324, NaN and ±Infinity, numbers as text, error
 * texts, empty and ragged ranges, name/value ranges with hostile names) through the BUILT dist/functions.js with a
 * stand-in runtime: every call returns a finite number, a text or a matrix of them, or throws an Excel error with a
 * message; none takes over 1 s. `npm run fuzz` runs ≥ 100,000 calls with 1,000,000-row ranges too (scripts/fuzz.ts).
 */
const functions = loadBuiltFunctions();

describe("hostile arguments through the built functions.js (seeded)", () => {
  it("registers every function of functions.json", () => {
    expect(functions.length).toBeGreaterThanOrEqual(20);
  });

  it.each(functions.map((fn) => [fn.id, fn] as const))(
    "%s: 15 hostile calls, no raw error or non-finite value",
    (_, fn) => {
      fc.assert(
        fc.property(hostileArguments(fn.dimensions, false), (args) => {
          expect(callProblem(fn, args), JSON.stringify(args).slice(0, 300)).toBeNull();
        }),
        { seed: 13, numRuns: 15 },
      );
    },
  );

  it.each(functions.map((fn) => [fn.id, fn] as const))("%s: every argument a prototype name in turn", (_, fn) => {
    for (const key of PROTOTYPE_KEYS) {
      for (let index = 0; index < fn.dimensions.length; index++) {
        const args: unknown[] = fn.dimensions.map(() => null);
        args[index] = fn.dimensions[index] === "matrix" ? [[key, 1]] : key;
        expect(callProblem(fn, args), `${fn.id} argument ${index + 1} = ${key}`).toBeNull();
      }
    }
  });

  it("a 1,000,000-row column: RETURNRATE, MULTIPLE and BUDGETSAVING's inputs answer within 1 s", () => {
    const column = Array.from({ length: 1_000_000 }, (_, index) => [index === 0 ? -1 : 0.001]);
    for (const [id, args] of [
      ["RETURNRATE", [column, 12]],
      ["MULTIPLE", [column]],
      ["BUDGETSAVING", ["kommune", column]],
    ] as const) {
      const fn = functions.find((candidate) => candidate.id === id);
      if (fn === undefined) throw new Error(`no ${id}`);
      expect(callProblem(fn, args, 1000), id).toBeNull();
    }
  });
});
