import { parseCell, columnLetters } from "../plan/address";
import { cellFormula } from "../plan/formula";
import { freePlacement, relocatePlan } from "../plan/relocate";
import { FORMATS, type PlanCell, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { ExcelHost } from "./host";

/** Input cells: light yellow; outputs: light green (as in the .xlsx export). */
const INPUT_FILL = "#FFF2CC";
const OUTPUT_FILL = "#E2EFDA";
/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHARACTER = 7;

/** What a write did: where the model went, so the taskpane can say so. */
export interface WriteReport {
  /** The sheet names written, in order (free names: an existing sheet is never reused). */
  readonly sheets: readonly string[];
  /** Prefix of the model's defined names (SIB_, or SIB2_ … when a model already exists). */
  readonly namePrefix: string;
  readonly cells: number;
  readonly formulas: number;
  readonly names: number;
  readonly charts: number;
  /** context.sync calls made (2: one to read what exists, one to write). */
  readonly syncs: number;
  /** True when the whole write is one undo step (ExcelApi 1.20). */
  readonly oneUndoStep: boolean;
}

/**
 * Writes a workbook plan into the open workbook through `host.run` with two syncs whatever the horizon: the first reads
 * the existing sheet and defined names, the second writes everything (calculation suspended until then). Existing
 * sheets and names are never overwritten: the model gets free sheet names ("Input (2)") and name prefix (SIB2_).
 * If the write fails, what this write added is removed (a third batch) and the error is rethrown; the rest of the
 * workbook is as it was. On success the add-in is set to load with the workbook.
 */
export async function writeModel(plan: WorkbookPlan, host: ExcelHost): Promise<WriteReport> {
  const oneUndoStep = host.supportsExcelApi("1.20");
  let syncs = 0;
  let placed: WorkbookPlan | null = null;
  let namePrefix = "SIB_";
  try {
    await host.run(
      async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        const names = context.workbook.names;
        names.load("items/name");
        await context.sync();
        syncs++;
        const placement = freePlacement(
          plan,
          worksheets.items.map((sheet) => sheet.name),
          names.items.map((item) => item.name),
        );
        placed = relocatePlan(plan, placement.sheetNames, placement.namePrefix);
        namePrefix = placement.namePrefix;
        context.application.suspendApiCalculationUntilNextSync();
        queuePlan(context, placed);
        await context.sync();
        syncs++;
      },
      oneUndoStep ? { mergeUndoGroup: true } : undefined,
    );
  } catch (error) {
    if (placed !== null) await removeModel(placed, host);
    throw error;
  }
  const written: WorkbookPlan = placed ?? plan;
  await host.loadOnStartup();
  const cells = written.sheets.flatMap((sheet) => sheet.cells);
  return {
    sheets: written.sheets.map((sheet) => sheet.name),
    namePrefix,
    cells: cells.length,
    formulas: cells.filter((cell) => cell.formula !== undefined).length,
    names: written.names.length,
    charts: written.charts.length,
    syncs,
    oneUndoStep,
  };
}

/** Queues every sheet, value, formula, format, name and chart of a plan (no sync). */
function queuePlan(context: Excel.RequestContext, plan: WorkbookPlan): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const sheetPlan of plan.sheets) {
    const sheet = context.workbook.worksheets.add(sheetPlan.name);
    sheets.set(sheetPlan.name, sheet);
    queueSheet(sheet, sheetPlan);
  }
  const sheetOf = (name: string): Excel.Worksheet => {
    const sheet = sheets.get(name);
    if (sheet === undefined) throw new Error(`the plan refers to a sheet it does not write: ${name}`);
    return sheet;
  };
  for (const definedName of plan.names) {
    context.workbook.names.add(
      definedName.name,
      sheetOf(definedName.sheet).getRange(definedName.reference),
      definedName.description,
    );
  }
  for (const chartPlan of plan.charts) {
    const dataSheet = sheetOf(chartPlan.dataSheet);
    const chart = sheetOf(chartPlan.sheet).charts.add(
      // String forms of Excel.ChartType / Excel.ChartSeriesBy, so the writer needs no Excel global at import.
      chartPlan.type === "line" ? "Line" : "ColumnClustered",
      dataSheet.getRange(chartPlan.data),
      "Columns",
    );
    chart.title.text = chartPlan.title;
    chart.axes.categoryAxis.setCategoryNames(dataSheet.getRange(chartPlan.categories));
    chart.setPosition(chartPlan.anchor);
  }
  const first = plan.sheets[0];
  if (first !== undefined) sheetOf(first.name).activate();
}

/** One Range for the sheet's used block: 2-D formulas and number formats of the exact shape, then per-cell styling. */
function queueSheet(sheet: Excel.Worksheet, sheetPlan: SheetPlan): void {
  const positions = sheetPlan.cells.map((cell) => ({ cell, ...parseCell(cell.address) }));
  const rows = Math.max(1, ...positions.map((position) => position.row));
  const columns = Math.max(1, ...positions.map((position) => position.column + 1));
  const formulas: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array<string | number>(columns).fill(""),
  );
  const formats: string[][] = Array.from({ length: rows }, () => new Array<string>(columns).fill(FORMATS.general));
  for (const { cell, row, column } of positions) {
    const line = formulas[row - 1];
    const formatLine = formats[row - 1];
    if (line === undefined || formatLine === undefined) continue;
    line[column] = cellContent(cell);
    formatLine[column] = cell.format ?? FORMATS.general;
  }
  const block = sheet.getRange(`A1:${columnLetters(columns - 1)}${rows}`);
  block.numberFormat = formats;
  block.formulas = formulas;
  for (const cell of sheetPlan.cells) {
    if (cell.bold === true) sheet.getRange(cell.address).format.font.bold = true;
    if (cell.role === "input") {
      const range = sheet.getRange(cell.address);
      range.format.fill.color = INPUT_FILL;
      range.format.protection.locked = false;
    } else if (cell.role === "output") {
      sheet.getRange(cell.address).format.fill.color = OUTPUT_FILL;
    }
  }
  sheetPlan.columnWidths.forEach((width, index) => {
    const letter = columnLetters(index);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
}

/** What `range.formulas` takes for a cell: "=…" for a formula, the number, or text (a leading "=" is quoted). */
function cellContent(cell: PlanCell): string | number {
  if (cell.formula !== undefined) return cellFormula(cell.formula);
  if (typeof cell.value === "number") return cell.value;
  const text = cell.value ?? "";
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Removes the sheets and names a failed write added (they did not exist before: the placement made them free). */
async function removeModel(plan: WorkbookPlan, host: ExcelHost): Promise<void> {
  try {
    await host.run(async (context) => {
      const names = plan.names.map((definedName) => context.workbook.names.getItemOrNullObject(definedName.name));
      const sheets = plan.sheets.map((sheetPlan) => context.workbook.worksheets.getItemOrNullObject(sheetPlan.name));
      for (const item of [...names, ...sheets]) item.load("isNullObject");
      await context.sync();
      for (const item of [...names, ...sheets]) if (!item.isNullObject) item.delete();
      await context.sync();
    });
  } catch {
    // The workbook may be unreachable (that is often why the write failed); the original error is what matters.
  }
}
