import ExcelJS from "exceljs";
import { printFormula, quoteSheet } from "../plan/formula";
import type { PlanCell, WorkbookPlan } from "../plan/types";

/** Fill of input cells (light yellow, the usual "you may change this" colour in financial models). */
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
/** Fill of output cells (light green). */
const OUTPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

/**
 * Writes a workbook plan to an .xlsx file image with ExcelJS: values, formulas (en-US, without cached results, so
 * any spreadsheet recalculates them on open), number formats, defined names, column widths; input cells unlocked and
 * yellow, outputs green. ExcelJS cannot write charts: those come from the Excel writer only.
 * @example const bytes = await planToXlsx(buildPlan(pilot, "da")); writeFileSync("model.xlsx", bytes);
 */
export async function planToXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SIB Business Case";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheetPlan of plan.sheets) {
    const sheet = workbook.addWorksheet(sheetPlan.name);
    sheetPlan.columnWidths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
    for (const planCell of sheetPlan.cells) writeCell(sheet.getCell(planCell.address), planCell);
  }
  for (const definedName of plan.names) {
    workbook.definedNames.add(`${quoteSheet(definedName.sheet)}!${definedName.reference}`, definedName.name);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function writeCell(target: ExcelJS.Cell, planCell: PlanCell): void {
  if (planCell.formula !== undefined) target.value = { formula: printFormula(planCell.formula) };
  else if (planCell.value !== undefined) target.value = planCell.value;
  if (planCell.format !== undefined) target.numFmt = planCell.format;
  if (planCell.bold === true) target.font = { bold: true };
  if (planCell.role === "input") {
    target.fill = INPUT_FILL;
    target.protection = { locked: false };
  } else if (planCell.role === "output") {
    target.fill = OUTPUT_FILL;
  }
}
