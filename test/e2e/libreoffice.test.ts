import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACCOUNTS, type Account } from "../../src/engine/accounts";
import { expectOk } from "../../src/engine/errors";
import { OUTCOME_STATES } from "../../src/engine/states";
import { attributionName } from "../../src/plan/results/attributionBlock";
import { pilotModel } from "../../src/engine/modelFile";
import { SERIES_COLOURS } from "../../src/export/charts";
import { planToXlsx } from "../../src/export/xlsx";
import { main as workbookMain } from "../../src/export/workbookCli";
import { buildPlan } from "../../src/plan/buildPlan";
import {
  printAllWithLibreOffice,
  recalculateAllWithLibreOffice,
  recalculateWithLibreOffice,
} from "../support/libreoffice";
import { runCaseInProcess } from "../fuzz/cliRunner";
import { pathSegments } from "../support/pdfDrawing";
import { MONTHS, SMALL_SHEET, STATUS_OK, smallPlan, smallSeries } from "../support/smallPlans";
import { child, children, parse, readParts, valueOf } from "../support/xlsxParts";

/**
 * The user's route, end to end: `npm run workbook` writes the pilot (and a scenario file) as .xlsx; LibreOffice opens
 * it, recalculates every formula (cached values are never trusted) and saves it; every named result equals
 * `npm run case -- --json`'s workbookNames to 1e-9 relative, and no cell is an error. The first workbook goes through
 * the real commands (`npm run workbook`, `npm run case`, each a process); the others call the same commands' main
 * in-process (src/export/workbookCli.ts, src/cli/case.ts), which saves a node + tsx start (~2 s) per call.
 */
const artifacts = join("test-artifacts", "e2e-libreoffice");
/** One LibreOffice profile for every call of this file (the calls run one after the other; a new profile costs a start). */
const profile = join("test-artifacts", "e2e-libreoffice-profile");

/** What the e2e reads of `npm run case -- --json`: the named results and the attribution table per participant. */
interface CaseJson {
  readonly workbookNames: Record<string, number | null>;
  /** kr per participant: account → { JOB … ABROAD, cost }. */
  readonly attribution: Record<Account, Record<string, number>>;
  readonly perParticipant: Record<Account, number>;
}

/** `npm run case -- …args --json`: as a process (`npm run`) or in-process (src/cli/case.ts's main). */
function caseJson(args: string[], asProcess: boolean): CaseJson {
  const run = asProcess
    ? spawnSync("npm", ["run", "--silent", "case", "--", ...args, "--json"], { encoding: "utf8" })
    : (({ code, stdout, stderr }) => ({ status: code, stdout, stderr }))(runCaseInProcess([...args, "--json"]));
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as CaseJson;
}

/**
 * The attribution cells of the workbook against the JSON's `attribution` (a second path from the engine, not the
 * workbookNames list): every state row and the cost per participant, and the total row against `perParticipant`, to
 * 1e-9 of the account's gross size Σ|rows| (a row that is a small difference of large amounts carries rounding of
 * those amounts).
 */
function expectAttribution(values: Map<string, unknown>, json: CaseJson): void {
  for (const account of ACCOUNTS) {
    const rows = json.attribution[account];
    const gross = Object.values(rows).reduce((sum, value) => sum + Math.abs(value), 0);
    const expected: [string, number][] = [
      ...[...OUTCOME_STATES, "cost" as const].map((row): [string, number] => [
        attributionName("perParticipant", account, row === "cost" ? "Cost" : row),
        rows[row] ?? Number.NaN,
      ]),
      [attributionName("perParticipant", account, "Total"), json.perParticipant[account]],
    ];
    for (const [name, engineValue] of expected) {
      const value = values.get(name);
      expect(typeof value, `${name} = ${String(value)}`).toBe("number");
      expect(Math.abs((value as number) - engineValue) / Math.max(1, gross), name).toBeLessThanOrEqual(1e-9);
    }
  }
}

/** A named result's tolerance: 1e-9 relative; an attribution cell relative to its column's gross size. */
function scaleOf(expected: Record<string, number | null>, name: string, engineValue: number): number {
  const match = /^(SIB_Attribution(?:PerParticipant)?_[A-Za-z]+)_([A-Z_a-z]+)$/.exec(name);
  const gross =
    match === null
      ? 0
      : [...OUTCOME_STATES, "Cost"].reduce((sum, row) => sum + Math.abs(expected[`${match[1]}_${row}`] ?? 0), 0);
  return Math.max(1, Math.abs(engineValue), gross);
}

/** `npm run workbook -- --out OUT …args`: as a process (`npm run`) or in-process (src/export/workbookCli.ts's main). */
async function writeWorkbook(out: string, args: string[], asProcess: boolean): Promise<void> {
  if (asProcess) {
    const run = spawnSync("npm", ["run", "--silent", "workbook", "--", "--out", out, ...args], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run workbook failed: ${run.stderr}`);
    return;
  }
  let stderr = "";
  const out1 = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await workbookMain(["--out", out, ...args]);
    if (code !== 0) throw new Error(`npm run workbook (in-process) failed with ${code}: ${stderr}`);
  } finally {
    out1.mockRestore();
    err.mockRestore();
  }
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

/** The workbooks `npm run workbook` writes here, with the arguments of `npm run workbook` and of `npm run case`. */
const EXAMPLES: readonly (readonly [string, string, string[], string[]])[] = [
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
  [
    "examples/neutralise-abroad.json (ABROAD neutralised)",
    "neutralise-abroad.xlsx",
    ["--scenario", "examples/neutralise-abroad.json"],
    ["--scenario", "examples/neutralise-abroad.json"],
  ],
  // The sustainment card and the progression metrics as live formulas on the Payment sheet (issues 11 and 15).
  [
    "examples/pilot-sustainment.json (sustainment card)",
    "pilot-sustainment.xlsx",
    ["--scenario", "examples/pilot-sustainment.json"],
    ["--scenario", "examples/pilot-sustainment.json"],
  ],
  [
    "examples/pilot-progression.json (progression metrics)",
    "pilot-progression.xlsx",
    ["--scenario", "examples/pilot-progression.json"],
    ["--scenario", "examples/pilot-progression.json"],
  ],
  // The broad case: the Consequences sheet and the NPV by consequence area as live formulas (issue 15).
  [
    "examples/pilot-broad.json (consequences)",
    "pilot-broad.xlsx",
    ["--scenario", "examples/pilot-broad.json"],
    ["--scenario", "examples/pilot-broad.json"],
  ],
  // A return cap that binds at zero effect: the Investor sheet's zero-effect waterfall (issue 11).
  [
    "examples/pilot-cap-at-zero.json (a cap binds at zero effect)",
    "pilot-cap-at-zero.xlsx",
    ["--scenario", "examples/pilot-cap-at-zero.json"],
    ["--scenario", "examples/pilot-cap-at-zero.json"],
  ],
];

describe("exported workbook recalculated by LibreOffice equals the engine", () => {
  /** Each written workbook's recalculated copy, by file name. */
  const recalculated = new Map<string, string>();
  beforeAll(async () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const sources: string[] = [];
    for (const [index, [, file, workbookArgs]] of EXAMPLES.entries()) {
      const source = join(artifacts, file);
      await writeWorkbook(source, workbookArgs, index === 0);
      sources.push(source);
    }
    // One LibreOffice start recalculates all of them (its start-up is several seconds of each conversion).
    const { outputs, seconds } = recalculateAllWithLibreOffice(sources, join(artifacts, "recalculated"), profile);
    console.log(`LibreOffice recalculation of ${sources.length} workbooks in one call: ${seconds.toFixed(2)} s`);
    EXAMPLES.forEach(([, file], index) => recalculated.set(file, outputs[index] ?? ""));
  }, 900_000);

  it.each(EXAMPLES)("%s", async (_, file, _workbookArgs, caseArgs) => {
    const source = join(artifacts, file);
    const json = caseJson(caseArgs, file === EXAMPLES[0]?.[1]);
    const expected = json.workbookNames;
    // Before any recalculation the file already shows the engine's results (cached values, for Protected View).
    const written = (await namedValues(source)).values;
    for (const [name, engineValue] of Object.entries(expected)) {
      if (engineValue === null) expect(typeof written.get(name), name).toBe("string");
      else expect(written.get(name), name).toBe(engineValue);
    }
    const output = recalculated.get(file) ?? "";
    const { values, errors } = await namedValues(output);
    expect(errors).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThan(60);
    expect(Object.keys(expected)).toContain("SIB_InvIRR");
    expect(Object.keys(expected)).toContain("SIB_PayZeroEffect"); // deadweight: live formulas on the Payment sheet
    if (file === "pilot-broad.xlsx")
      expect(Object.keys(expected)).toContain("SIB_AreaAttributionPerParticipant_Region_Health");
    // 1.1 × 56 × 79,236 kr paid in month 17 at 3.5 % a year, mid-month (docs/investor.md), not the uncapped 5,380,625 kr.
    if (file === "pilot-cap-at-zero.xlsx")
      expect(values.get("SIB_SibLossNoEffect") as number).toBeCloseTo(
        1.1 * 56 * 79_236 * Math.pow(1.035, -17.5 / 12),
        4,
      );
    for (const [name, engineValue] of Object.entries(expected)) {
      const value = values.get(name);
      if (engineValue === null) {
        expect(typeof value, name).toBe("string");
        continue;
      }
      expect(typeof value, `${name} = ${String(value)}`).toBe("number");
      const scale = scaleOf(expected, name, engineValue);
      expect(Math.abs((value as number) - engineValue) / scale, name).toBeLessThanOrEqual(1e-9);
    }
    // The attribution table ("What carries the saving?") is among the named results; checked against `attribution`.
    expect(Object.keys(expected)).toContain("SIB_AttributionPerParticipant_Municipality_ABROAD");
    expectAttribution(values, json);
  });
});

/**
 * Charts: LibreOffice prints the exported workbook to PDF, and the PDF's drawing operators show every chart drawn
 * with its data: a line series through n points is stroked along at least n − 1 segments in its colour, a column
 * series fills a polygon per non-zero bar, while a chart frame without data, or its legend alone, paints at most one
 * small swatch per series. Counting path segments per colour in the PDF's content streams needs no rasteriser and is
 * exact where pixels would depend on anti-aliasing. Where pdftoppm (poppler-utils) is installed the pages are also
 * kept as PNG under test-artifacts/e2e-charts and the chart colours are counted in the pixels of the first page.
 */
const chartArtifacts = join("test-artifacts", "e2e-charts");

/** One segment per line piece or polygon side: a bar is at least the 1 + 3 segments of a filled rectangle. */
const SEGMENTS_PER_BAR = 4;

function renderPages(pdf: string, prefix: string): string[] {
  const which = spawnSync("which", ["pdftoppm"], { encoding: "utf8" });
  if (which.status !== 0) {
    console.log("pdftoppm (poppler-utils) is not installed: no PNG of the charts");
    return [];
  }
  spawnSync("pdftoppm", ["-r", "60", "-png", pdf, prefix], { encoding: "utf8" });
  spawnSync("pdftoppm", ["-r", "60", "-f", "1", "-l", "1", pdf, `${prefix}-raw`], { encoding: "utf8" });
  return readdirSync(dirname(prefix)).filter((file) => file.startsWith(basename(prefix)) && file.endsWith(".png"));
}

/** Pixels of a binary PPM (P6) within ±40 per channel of a colour ("4472C4"). */
function pixelsNear(ppm: Buffer, colour: string): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  if (header === null) throw new Error("not a binary PPM");
  const target = [0, 2, 4].map((offset) => parseInt(colour.slice(offset, offset + 2), 16));
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (target.every((value, channel) => Math.abs((ppm[i + channel] ?? 0) - value) <= 40)) count++;
  }
  return count;
}

describe("charts of the exported workbook, printed by LibreOffice", () => {
  beforeAll(() => {
    rmSync(chartArtifacts, { recursive: true, force: true });
    mkdirSync(chartArtifacts, { recursive: true });
  });

  it("a small plan: the line chart strokes every month of both series, the column chart fills every bar", async () => {
    const source = join(chartArtifacts, "small.xlsx");
    writeFileSync(source, await planToXlsx(smallPlan()));
    const bare = join(chartArtifacts, "small-without-charts.xlsx");
    writeFileSync(bare, await planToXlsx(smallPlan([])));
    // One LibreOffice start prints both: the plan with its two charts and the same sheet without charts.
    const printed = printAllWithLibreOffice([source, bare], chartArtifacts, profile);
    const [output = "", bareOutput = ""] = printed.outputs;
    console.log(`LibreOffice PDFs of small.xlsx and small-without-charts.xlsx: ${printed.seconds.toFixed(2)} s`);
    console.log(`small.pdf: ${statSync(output).size} bytes`);
    const { stroked, filled } = pathSegments(readFileSync(output));
    const [first, second] = SERIES_COLOURS;
    console.log(
      `segments stroked ${first}: ${stroked.get(first)}, ${second}: ${stroked.get(second)}; ` +
        `filled ${first}: ${filled.get(first)}, ${second}: ${filled.get(second)}`,
    );
    // Line: both series through 12 points (≥ 11 segments each, plus a legend line). Columns: 12 non-zero bars each.
    expect(stroked.get(first) ?? 0).toBeGreaterThanOrEqual(MONTHS - 1);
    expect(stroked.get(second) ?? 0).toBeGreaterThanOrEqual(MONTHS - 1);
    expect(filled.get(first) ?? 0).toBeGreaterThanOrEqual(MONTHS * SEGMENTS_PER_BAR);
    expect(filled.get(second) ?? 0).toBeGreaterThanOrEqual(MONTHS * SEGMENTS_PER_BAR);
    // Without charts the same sheet paints nothing in the series colours.
    const plain = pathSegments(readFileSync(bareOutput));
    expect([plain.stroked.get(first), plain.filled.get(first), plain.filled.get(second)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    const pages = renderPages(output, join(chartArtifacts, "small"));
    if (pages.length > 0) {
      const raw = readdirSync(chartArtifacts).find((file) => file.startsWith("small-raw") && file.endsWith(".ppm"));
      const pixels = pixelsNear(readFileSync(join(chartArtifacts, raw ?? "")), first);
      console.log(`PNG pages: ${pages.join(", ")}; ${pixels} pixels of the first series colour on page 1`);
      expect(pixels).toBeGreaterThan(200);
    }
  });

  it("the pilot: each chart of the plan, printed on its own, draws its first series with data", async () => {
    const model = expectOk(pilotModel());
    const plan = buildPlan(model.scenario, "da", model);
    expect(plan.charts.length).toBeGreaterThanOrEqual(4);
    const sources: string[] = [];
    for (const [index, chart] of plan.charts.entries()) {
      const source = join(chartArtifacts, `pilot-chart${index + 1}.xlsx`);
      writeFileSync(source, await planToXlsx({ ...plan, charts: [chart] }));
      sources.push(source);
    }
    // One LibreOffice start prints every file (each file still holds one chart).
    const { outputs, seconds } = printAllWithLibreOffice(sources, chartArtifacts, profile);
    console.log(`LibreOffice PDFs of ${sources.length} pilot charts in one call: ${seconds.toFixed(2)} s`);
    for (const [index, chart] of plan.charts.entries()) {
      const { stroked, filled } = pathSegments(readFileSync(outputs[index] ?? ""));
      const painted = chart.type === "line" ? stroked : filled;
      const segments = painted.get(SERIES_COLOURS[0]) ?? 0;
      console.log(`${chart.sheet}: "${chart.title}" (${chart.type}): ${segments} segments in the first series colour`);
      // More than a legend swatch and a couple of bars: the series is drawn through its data.
      expect(segments, chart.title).toBeGreaterThanOrEqual(3 * SEGMENTS_PER_BAR);
    }
  });
});

describe("a workbook with data validation and a status cell, recalculated by LibreOffice", () => {
  it("recalculates, shows the ok status, and keeps the validation and the colouring", async () => {
    const directory = join(chartArtifacts, "validation");
    mkdirSync(directory, { recursive: true });
    const source = join(directory, "small-validated.xlsx");
    writeFileSync(source, await planToXlsx(smallPlan()));
    const { output } = recalculateWithLibreOffice(source, join(directory, "recalculated"), profile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet(SMALL_SHEET);
    const { kommune } = smallSeries();
    expect(resultOf(sheet?.getCell("B4").value)).toBe(kommune[0]);
    expect(resultOf(sheet?.getCell("F8").value)).toBe(kommune.reduce((total, value) => total + value, 0));
    expect(resultOf(sheet?.getCell("F6").value)).toBe(STATUS_OK);
    const parts = await readParts(readFileSync(output));
    const saved = parts.text(parts.sheetPart(SMALL_SHEET));
    const worksheet = child(parse(saved), "worksheet");
    const validations = children(child(worksheet, "dataValidations"), "dataValidation");
    expect(validations.map((v) => [valueOf(v, "@_sqref"), valueOf(v, "@_type"), valueOf(v, "@_errorStyle")])).toEqual([
      ["F4", "decimal", "stop"],
      ["F5", "whole", "stop"],
      ["F7", "custom", "stop"],
    ]);
    expect(saved).toContain("<conditionalFormatting");
  });
});
