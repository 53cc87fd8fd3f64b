import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { errorOutput, loadModel } from "../cli/loadModel";
import { MAX_HORIZON_MONTHS } from "../engine/rules";
import { workbookMunicipalitiesIssue } from "../engine/municipalities";
import { buildPlan } from "../plan/buildPlan";
import type { Language } from "../plan/types";
import { cachedOutputValues } from "./cachedValues";
import { planToXlsx } from "./xlsx";

const USAGE = `Usage: npm run workbook -- [--scenario FILE.json] [--out FILE.xlsx] [--lang da|en] [--capacity-months N]
  Writes the business case (the built-in DRC pilot, or a scenario file) as an .xlsx workbook of native formulas
  that recalculate in Excel or LibreOffice without the add-in, with charts and the engine's results cached (shown
  where a viewer does not recalculate, e.g. Excel's Protected View). Default: sib-business-case.xlsx, Danish.
  --capacity-months N writes the month blocks for a horizon of up to N months (N from the scenario's horizon to
  ${MAX_HORIZON_MONTHS}), so the horizon can be raised in the workbook later; default: the scenario's horizon.`;

/**
 * The capacity asked for on the command line, as a whole number of months from the horizon to the longest horizon.
 * @example capacityMonths("120", 50) // { months: 120 }
 */
function capacityMonths(text: string | undefined, horizon: number): { months: number } | { error: string } {
  if (text === undefined) return { months: horizon };
  const months = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(months) || months < horizon || months > MAX_HORIZON_MONTHS) {
    return {
      error: `--capacity-months must be a whole number of months from the horizon (${horizon}) to ${MAX_HORIZON_MONTHS}, got ${JSON.stringify(text)}`,
    };
  }
  return { months };
}

/**
 * `npm run workbook` in-process (the e2e tests call it): writes the file, reports to process.stdout/stderr and returns
 * the exit code: 0 written, 2 bad arguments or a bad scenario file, 1 the file could not be written.
 * @example await main(["--out", "pilot.xlsx", "--lang", "en"]) // 0
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: {
    scenario?: string | undefined;
    out?: string | undefined;
    lang?: string | undefined;
    "capacity-months"?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        scenario: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        "capacity-months": { type: "string" },
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
    process.stderr.write(errorOutput(loaded.errors));
    return 2;
  }
  const out = options.out ?? "sib-business-case.xlsx";
  const { scenario, paymentTerms, investorTerms } = loaded.model;
  const several = workbookMunicipalitiesIssue(scenario);
  if (several !== null) {
    process.stderr.write(errorOutput([several.message]));
    return 2;
  }
  const capacity = capacityMonths(options["capacity-months"], scenario.horizonMonths);
  if ("error" in capacity) {
    process.stderr.write(`error: ${capacity.error}\n`);
    return 2;
  }
  const plan = buildPlan(scenario, language as Language, {
    paymentTerms,
    investorTerms,
    capacityMonths: capacity.months,
  });
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

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
