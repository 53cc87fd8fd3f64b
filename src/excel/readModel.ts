import type { Result } from "../engine/errors";
import type { Scenario } from "../engine/scenario";
import { inputNames, scenarioFromWorkbook, type RangeValues } from "../plan/readBack";
import { NAME_PREFIX } from "../plan/relocate";
import type { ExcelHost } from "./host";

/**
 * Reads the inputs of a model written earlier (by its defined names, SIB_ or SIB2_ …) with two syncs: one for the
 * workbook's names, one for the values of the input ranges. Returns the scenario they describe, or every problem
 * (a missing name, a non-number, a broken rule) naming the defined name.
 */
export async function readModel(
  base: Scenario,
  host: ExcelHost,
  prefix: string = NAME_PREFIX,
): Promise<Result<Scenario>> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    const existing = new Set(names.items.map((item) => item.name));
    const wanted = inputNames().map((name) => `${prefix}${name.slice(NAME_PREFIX.length)}`);
    const ranges = new Map<string, Excel.Range>();
    for (const name of wanted.filter((candidate) => existing.has(candidate))) {
      const range = names.getItem(name).getRange();
      range.load("values");
      ranges.set(name, range);
    }
    await context.sync();
    return scenarioFromWorkbook(base, (name): RangeValues | undefined => ranges.get(name)?.values, prefix);
  });
}
