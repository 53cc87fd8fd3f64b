import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * The user's route, end to end: `npm run workbook` writes the pilot (and a scenario file) as .xlsx; LibreOffice opens
 * it, recalculates every formula (cached values are never trusted) and saves it; every named result equals
 * `npm run case -- --json`'s workbookNames to 1e-9 relative, and no cell is an error.
 */
const artifacts = join("test-artifacts", "e2e-libreoffice");

function npmJson(args: string[]): { workbookNames: Record<string, number | null> } {
  const run = spawnSync("npm", ["run", "--silent", "case", "--", ...args, "--json"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { workbookNames: Record<string, number | null> };
}

function writeWorkbook(out: string, args: string[]): void {
  const run = spawnSync("npm", ["run", "--silent", "workbook", "--", "--out", out, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`npm run workbook failed: ${run.stderr}`);
}

/**
 * A formula cell's computed result as LibreOffice saved it. ExcelJS drops a result of exactly 0 when it reads
 * `<v>0</v>` (its parser tests the text for truthiness after numeric conversion), so a formula cell without a result
 * is 0: LibreOffice writes a <v> for every formula cell it computed (errors come as t="e" and are kept).
 */
function resultOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? 0 : result;
  }
  return value;
}

async function namedValues(path: string): Promise<{ values: Map<string, unknown>; errors: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const errors: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as unknown;
        const result = resultOf(value);
        if (typeof result === "object" && result !== null && "error" in result)
          errors.push(`${sheet.name}!${cell.address}: ${String((result as { error: unknown }).error)}`);
      }),
    ),
  );
  const values = new Map<string, unknown>();
  for (const name of workbook.definedNames.model.map((entry: { name: string }) => entry.name)) {
    const [range] = workbook.definedNames.getRanges(name).ranges;
    const match = range === undefined ? null : /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (match === null) continue; // a multi-cell range (inputs and helper columns)
    const cell = workbook.getWorksheet(match[1] ?? "")?.getCell(`${match[2]}${match[3]}`);
    const value = cell?.value as unknown;
    values.set(name, resultOf(value));
  }
  return { values, errors };
}

describe("exported workbook recalculated by LibreOffice equals the engine", () => {
  beforeAll(() => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
  });

  it.each([
    ["pilot, Danish", "pilot-da.xlsx", [], []],
    ["pilot, English", "pilot-en.xlsx", ["--lang", "en"], []],
    [
      "examples/short-horizon.json",
      "short-horizon.xlsx",
      ["--scenario", "examples/short-horizon.json"],
      ["--scenario", "examples/short-horizon.json"],
    ],
    [
      "examples/contract.json",
      "contract.xlsx",
      ["--scenario", "examples/contract.json"],
      ["--scenario", "examples/contract.json"],
    ],
  ])("%s", async (_, file, workbookArgs, caseArgs) => {
    const source = join(artifacts, file);
    writeWorkbook(source, workbookArgs);
    const { output, seconds } = recalculateWithLibreOffice(
      source,
      join(artifacts, "recalculated"),
      join(artifacts, ".lo-profile"),
    );
    console.log(`LibreOffice recalculation of ${file}: ${seconds.toFixed(2)} s`);
    const { values, errors } = await namedValues(output);
    expect(errors).toEqual([]);
    const expected = npmJson(caseArgs).workbookNames;
    expect(Object.keys(expected).length).toBeGreaterThan(60);
    expect(Object.keys(expected)).toContain("SIB_InvIRR");
    for (const [name, engineValue] of Object.entries(expected)) {
      const value = values.get(name);
      if (engineValue === null) {
        expect(typeof value, name).toBe("string");
        continue;
      }
      expect(typeof value, `${name} = ${String(value)}`).toBe("number");
      expect(Math.abs((value as number) - engineValue) / Math.max(1, Math.abs(engineValue)), name).toBeLessThanOrEqual(
        1e-9,
      );
    }
  });
});
