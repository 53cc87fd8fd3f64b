import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModelFile } from "../../src/engine/modelFile";
import { ownValue } from "../../src/engine/lookup";
import { asCalledByExcel, excelErrorOf, installCustomFunctionsStub } from "../support/customFunctionsStub";

/**
 * Review F3 and F4 (../shared/reviews/reliability.md): tables keyed by user text are read through own-property
 * lookups, so `constructor`, `__proto__` or `toString` never reach Object.prototype, and a scenario file with such a
 * key anywhere is refused naming its JSON path.
 */
installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");
const payment = await import("../../src/functions/payment");
const stress = await import("../../src/functions/stress");

const PROTOTYPE_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"] as const;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("tables keyed by user text are read by own keys only", () => {
  it("ownValue finds own keys and never inherited ones", () => {
    const table: Readonly<Record<string, string>> = { kommune: "municipality" };
    expect(ownValue(table, "kommune")).toBe("municipality");
    for (const key of PROTOTYPE_KEYS) expect(ownValue(table, key)).toBeUndefined();
  });

  it("no module-level Record<string, …> table in src/ is read with table[key] or `key in table`", () => {
    const files = sourceFiles("src").map((path) => ({ path, text: readFileSync(path, "utf8") }));
    // A table: a top-level `const NAME: Readonly<Record<string, …>> =` or `const NAME: Record<string, …> =`.
    const tables = files.flatMap(({ path, text }) =>
      [...text.matchAll(/^(?:export )?const (\w+): (?:Readonly<)?Record<string,/gm)].map((match) => ({
        name: match[1] ?? "",
        path,
      })),
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(["SETTINGS", "TEXT_CHOICES", "FIXED_METRICS", "HOLDER_ALIASES"]),
    );
    // Reviewed reads whose key is never user text: read it with ownValue(table, key) from src/engine/lookup.ts, or add
    // it here with the reason the key cannot be user text.
    const internal = new Set([
      "src/plan/inputsSheet.ts: SCALAR_RULES[input.key]", // keys of the INPUT_FIELDS catalogue
      "src/taskpane/state/model.ts: PSEUDO_FIELD_STEPS[field]", // the wizard's own field ids
      "src/engine/investor/summary.ts: MISSING[failure.code]", // an engine error code
      "src/engine/municipalities.ts: MUNICIPAL_TAX_RATES[key]", // key found by Object.keys of the same table
      "src/plan/sensitivity/addInValues.ts: INPUT_LABELS[line.input]", // the sensitivity's own input ids
    ]);
    // An entry whose code is no longer in its file is stale: it would silently allow the same read coming back.
    const stale = [...internal].filter((entry) => {
      const [file, code] = entry.split(": ");
      const source = files.find(({ path }) => path === file);
      return source === undefined || code === undefined || !source.text.includes(code);
    });
    expect(stale, "allowlist entries whose code no longer exists").toEqual([]);
    const offending: string[] = [];
    for (const { name } of tables) {
      const read = new RegExp(`\\b${name}\\[|\\bin ${name}\\b|\\b${name}\\.hasOwnProperty`);
      for (const { path, text } of files) {
        text.split("\n").forEach((line, index) => {
          const known = [...internal].some((entry) => {
            const [file, code] = entry.split(": ");
            return file === path && code !== undefined && line.includes(code);
          });
          if (read.test(line) && !known) offending.push(`${path}:${index + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offending).toEqual([]);
  });
});

describe("F3: prototype names in the custom functions give #VALUE! with a message", () => {
  const budgetSaving = asCalledByExcel(functions.budgetSaving);
  const breakEven = asCalledByExcel(functions.breakEven);
  const cashFlow = asCalledByExcel(functions.cashFlow);
  const paymentSchedule = asCalledByExcel(payment.paymentSchedule);
  const stressFunctions = {
    simulate: (terms: (string | number)[][]) => stress.simulate(50, 1, undefined, terms),
    breakEvenRate: (terms: (string | number)[][]) => stress.breakEvenRate(null, null, undefined, terms),
    dealZone: (terms: (string | number)[][]) => stress.dealZone(null, null, null, undefined, terms),
    tornado: (terms: (string | number)[][]) => stress.tornado(null, null, undefined, terms),
  };

  it.each(PROTOTYPE_KEYS)('SIB.BUDGETSAVING("%s"), SIB.BREAKEVEN and SIB.CASHFLOW name the holder rule', (key) => {
    for (const call of [() => budgetSaving(key), () => breakEven(key), () => cashFlow(key)]) {
      const error = excelErrorOf(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^holder must be "kommune"/);
    }
  });

  it.each(PROTOTYPE_KEYS)('SIB.PAYMENTSCHEDULE with the payer "%s" names the payer rule', (key) => {
    const error = excelErrorOf(() => paymentSchedule(null, null, key));
    expect(error).toEqual({ code: "#VALUE!", message: `payer must be "kommune", "stat" or "all", got "${key}".` });
  });

  it.each([
    [[["constructor", 1]], /^Unknown payment term "constructor"/],
    [[["price.constructor", 1]], /^price\.constructor does not name a metric/],
    [[["threshold.metric", "constructor"]], /threshold\.metric.*"constructor"/],
    [[["baseline", "constructor"]], /^baseline must be one of/],
  ] as const)("a terms range %j in PAYMENTSCHEDULE and the four stress functions: #VALUE! %s", (terms, message) => {
    const range = terms.map((row) => [...row]);
    for (const call of [() => paymentSchedule(range), ...Object.values(stressFunctions).map((f) => () => f(range))]) {
      const error = excelErrorOf(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    }
  });

  it('SIB.BREAKEVENRATE(, "constructor") is #VALUE! naming the metric (was 0.318, as if no metric were given)', () => {
    const error = excelErrorOf(() => stress.breakEvenRate(null, "constructor"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^metric must be/);
  });
});

describe("F4: prototype keys anywhere in a scenario file are unknown fields naming the JSON path", () => {
  const refused = (text: string): { field: string; message: string }[] => {
    const parsed = parseModelFile(JSON.parse(text));
    if (parsed.ok) throw new Error(`accepted ${text}`);
    return parsed.issues.map(({ field, message }) => ({ field, message }));
  };

  it.each([
    ['{"__proto__":{"horizonMonths":36}}', "__proto__"],
    ['{"__proto__":{"horizonMonths":999999,"polluted":true}}', "__proto__"],
    ['{"states":{"__proto__":{}}}', "states.__proto__"],
    ['{"states":{"JOB":{"__proto__":{"wage":-5}}}}', "states.JOB.__proto__"],
    ['{"constructor":{"a":1}}', "constructor"],
    ['{"toString":1}', "toString"],
    ['{"hasOwnProperty":"x"}', "hasOwnProperty"],
    ['{"tax":{"constructor":{}}}', "tax.constructor"],
    ['{"socioEconomic":{"valueOf":1}}', "socioEconomic.valueOf"],
    [
      '{"views":[{"id":"a","label":{"da":"a","en":"a"},"changes":{"da":"a","en":"a"},"overrides":{"__proto__":{}}}]}',
      "views[0].overrides.__proto__",
    ],
  ])("%s → Unknown field %s", (text, field) => {
    const issues = refused(text);
    expect(issues[0]?.field).toBe(field);
    expect(issues[0]?.message).toMatch(
      new RegExp(`^Unknown field ${field.replace(/[.[\]]/g, "\\$&")}; expected one of \\w`),
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ['{"payment":{"constructor":5}}', "constructor", /^payment: Unknown payment term "constructor"/],
    ['{"payment":{"price.constructor":5}}', "price.constructor", /^payment: price\.constructor does not name a metric/],
    ['{"payment":{"__proto__":5}}', "__proto__", /^payment: Unknown payment term "__proto__"/],
    ['{"payment":{"threshold.metric":"constructor"}}', "threshold.metric", /"constructor"/],
    ['{"investor":{"constructor":1}}', "constructor", /^investor: /],
  ])("%s is refused naming %s", (text, field, message) => {
    const issues = refused(text);
    expect(issues[0]?.field).toMatch(
      new RegExp(`^(payment|investor(\\.terms)?)\\.${field.replace(/[.[\]]/g, "\\$&")}$`),
    );
    expect(issues[0]?.message).toMatch(message);
  });
});
