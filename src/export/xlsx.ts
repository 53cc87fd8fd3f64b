import ExcelJS from "exceljs";
import { call, eq, num, printFormula, quoteSheet, ref, text } from "../plan/formula";
import type { InputValidation, PlanCell, WorkbookPlan } from "../plan/types";
import { addCharts } from "./charts";

/** Fill of input cells (light yellow, the usual "you may change this" colour in financial models). */
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
/** Fill of output cells (light green). */
const OUTPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
/**
 * Conditional-format fills of a status cell. A differential format (dxf) takes a solid fill's colour from bgColor in
 * Excel and from fgColor in some readers: both are set.
 */
const STATUS_OK_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" }, bgColor: { argb: "FFC6EFCE" } },
  font: { color: { argb: "FF006100" } },
};
const STATUS_FAILED_STYLE: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" }, bgColor: { argb: "FFC00000" } },
  font: { bold: true, color: { argb: "FFFFFFFF" } },
};

/** What to write besides the plan. */
export interface XlsxOptions {
  /**
   * The cached result of named output cells, by defined name: the engine's number, or the text the cell shows where
   * the engine has none (see cachedOutputValues). Written as the formula's result (`<v>`), so a viewer that does not
   * recalculate (Excel's Protected View, previews) shows the numbers; every reader that recalculates replaces them.
   * When given, every status cell caches its `ok` text too (a plan is only built for a valid scenario). A name that
   * is not a one-cell defined name of the plan is an error.
   */
  readonly cachedValues?: ReadonlyMap<string, number | string>;
}

/**
 * Writes a workbook plan to an .xlsx file image: values, formulas (en-US; calcPr fullCalcOnLoad, so Excel and
 * LibreOffice recalculate on open), cached results of the named outputs when given, number formats, defined names,
 * column widths, data validation of inputs (input message and a "stop" error alert), status cells coloured by a
 * conditional format (green when all checks pass, red otherwise), the charts (src/export/charts.ts); input cells
 * unlocked and yellow, outputs green.
 * @example const bytes = await planToXlsx(plan, { cachedValues: cachedOutputValues(plan, scenario, options) });
 */
export async function planToXlsx(plan: WorkbookPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SIB Business Case";
  workbook.calcProperties.fullCalcOnLoad = true;
  const cached = cachedBySheet(plan, options.cachedValues);
  for (const sheetPlan of plan.sheets) {
    const sheet = workbook.addWorksheet(sheetPlan.name);
    sheetPlan.columnWidths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
    const sheetCache = cached?.get(sheetPlan.name) ?? new Map<string, number | string>();
    let statusCells = 0;
    for (const planCell of sheetPlan.cells) {
      const result = cached === null ? undefined : (sheetCache.get(bare(planCell.address)) ?? planCell.status?.ok);
      writeCell(sheet.getCell(planCell.address), planCell, result);
      if (planCell.status !== undefined) addStatusFormat(sheet, planCell.address, planCell.status.ok, ++statusCells);
    }
  }
  for (const definedName of plan.names) {
    workbook.definedNames.add(`${quoteSheet(definedName.sheet)}!${definedName.reference}`, definedName.name);
  }
  // Stored, not deflated: addCharts opens the package again and compresses it once (saves a deflate and an inflate).
  const buffer = await workbook.xlsx.writeBuffer(plan.charts.length === 0 ? {} : { zip: { compression: "STORE" } });
  return addCharts(new Uint8Array(buffer), plan, cached ?? new Map());
}

function writeCell(target: ExcelJS.Cell, planCell: PlanCell, result: number | string | undefined): void {
  if (planCell.formula !== undefined) {
    const formula = printFormula(planCell.formula);
    target.value = result === undefined ? { formula } : { formula, result };
  } else if (planCell.value !== undefined) target.value = planCell.value;
  if (planCell.format !== undefined) target.numFmt = planCell.format;
  if (planCell.bold === true) target.font = { bold: true };
  if (planCell.validation !== undefined) target.dataValidation = dataValidation(planCell.validation);
  if (planCell.role === "input") {
    target.fill = INPUT_FILL;
    target.protection = { locked: false };
  } else if (planCell.role === "output") {
    target.fill = OUTPUT_FILL;
  }
}

/**
 * ExcelJS data validation of an input: a decimal or whole number between min and max (inclusive), or a custom formula
 * (en-US, relative to the cell) that is TRUE for an accepted value; blanks are refused; the input message is shown on
 * selection and a "stop" alert refuses anything else.
 * @example dataValidation({ rule: { kind: "whole", min: 1, max: 120 }, title: "Måneder", prompt: "1–120", error: "…" })
 */
export function dataValidation(validation: InputValidation): ExcelJS.DataValidation {
  const rule = validation.rule;
  const texts = {
    allowBlank: false,
    showInputMessage: true,
    promptTitle: validation.title,
    prompt: validation.prompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: validation.title,
    error: validation.error,
  };
  if (rule.kind === "custom") return { type: "custom", formulae: [printFormula(rule.formula)], ...texts };
  return { type: rule.kind, operator: "between", formulae: [rule.min, rule.max], ...texts };
}

/**
 * Colours a status cell: green when it shows `ok`, red with white bold text otherwise (another text, or an error
 * value: the red rule reads an error as "not ok"). `ordinal` (1, 2, …) numbers the status cells of a sheet, so the
 * rules' priorities are unique on the sheet.
 */
function addStatusFormat(sheet: ExcelJS.Worksheet, address: string, ok: string, ordinal: number): void {
  const isOk = eq(ref(bare(address)), text(ok));
  sheet.addConditionalFormatting({
    ref: bare(address),
    rules: [
      { type: "expression", priority: 2 * ordinal - 1, formulae: [printFormula(isOk)], style: STATUS_OK_STYLE },
      {
        type: "expression",
        priority: 2 * ordinal,
        formulae: [printFormula(call("NOT", call("IFERROR", isOk, num(0))))],
        style: STATUS_FAILED_STYLE,
      },
    ],
  });
}

/** The cached values by sheet and cell address (null: write no cached results), checked against the plan's names. */
function cachedBySheet(
  plan: WorkbookPlan,
  values: ReadonlyMap<string, number | string> | undefined,
): Map<string, Map<string, number | string>> | null {
  if (values === undefined) return null;
  const bySheet = new Map<string, Map<string, number | string>>();
  const names = new Map(plan.names.map((definedName) => [definedName.name, definedName]));
  for (const [name, value] of values) {
    const definedName = names.get(name);
    if (definedName === undefined || definedName.reference.includes(":")) {
      throw new Error(`a cached value for ${name}, which is not a one-cell defined name of the plan`);
    }
    const sheet = bySheet.get(definedName.sheet) ?? new Map<string, number | string>();
    sheet.set(bare(definedName.reference), value);
    bySheet.set(definedName.sheet, sheet);
  }
  return bySheet;
}

/** "$B$4" → "B4". */
function bare(address: string): string {
  return address.replace(/\$/g, "");
}
