import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadModel } from "../cli/loadModel";
import { buildPlan } from "../plan/buildPlan";
import type { Language } from "../plan/types";
import { cachedOutputValues } from "./cachedValues";
import { planToXlsx } from "./xlsx";

const USAGE = `Usage: npm run workbook -- [--scenario FILE.json] [--out FILE.xlsx] [--lang da|en]
  Writes the business case (the built-in DRC pilot, or a scenario file) as an .xlsx workbook of native formulas
  that recalculate in Excel or LibreOffice without the add-in, with charts and the engine's results cached (shown
  where a viewer does not recalculate, e.g. Excel's Protected View). Default: sib-business-case.xlsx, Danish.`;

/** Exit codes: 0 written, 2 bad arguments or a bad scenario file, 1 the file could not be written. */
async function main(argv: readonly string[]): Promise<number> {
  let options: {
    scenario?: string | undefined;
    out?: string | undefined;
    lang?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        scenario: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const language = options.lang ?? "da";
  if (language !== "da" && language !== "en") {
    process.stderr.write(`error: --lang must be da or en, got ${language}\n`);
    return 2;
  }
  const loaded = loadModel(options.scenario);
  if ("errors" in loaded) {
    for (const line of loaded.errors) process.stderr.write(`error: ${line}\n`);
    return 2;
  }
  const out = options.out ?? "sib-business-case.xlsx";
  const { scenario, paymentTerms, investorTerms } = loaded.model;
  const plan = buildPlan(scenario, language as Language, { paymentTerms, investorTerms });
  const cachedValues = cachedOutputValues(plan, scenario, { paymentTerms, investorTerms });
  try {
    writeFileSync(out, await planToXlsx(plan, { cachedValues }));
  } catch (error) {
    process.stderr.write(`error: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const cells = plan.sheets.reduce((total, sheet) => total + sheet.cells.length, 0);
  process.stdout.write(
    `Wrote ${out}: ${plan.sheets.map((sheet) => sheet.name).join(", ")} ` +
      `(${cells} cells, ${plan.names.length} defined names, ${plan.charts.length} charts).\n`,
  );
  return 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
