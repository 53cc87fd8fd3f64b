import { INPUT_FILL, OUTPUT_FILL, type WriteOperation } from "./writePlan";

/** Status cells: Excel's "Good" and "Bad" cell styles (fill and font colours). */
export const STATUS_OK = { fill: "#C6EFCE", font: "#006100" } as const;
export const STATUS_FAILED = { fill: "#FFC7CE", font: "#9C0006" } as const;

/**
 * Queues one write operation on the context (no sync). Enum values are passed as their strings ("Recalculate",
 * "CellValue", "Line", …) so the writer needs no Excel global at import. Requirement sets: ranges, formats, names and
 * charts ExcelApi 1.1; `protection.locked` 1.2; `names.add` with a comment 1.4; conditional formats and
 * `suspendApiCalculationUntilNextSync` 1.6; `setCategoryNames` 1.7; data validation 1.8; `getRanges` (RangeAreas)
 * 1.9. `sheet` gets a worksheet by name (the writer passes one per request that reuses the object within the request;
 * no object is used across a sync). Returns the ranges it loaded (the finish step's probes), else an empty list.
 */
export function queueOperation(
  context: Excel.RequestContext,
  operation: WriteOperation,
  readJson: boolean,
  sheet: (name: string) => Excel.Worksheet = (name) => context.workbook.worksheets.getItem(name),
): Excel.Range[] {
  switch (operation.kind) {
    case "addSheets":
      for (const name of operation.sheets) context.workbook.worksheets.add(name);
      return [];
    case "name":
      context.workbook.names.add(
        operation.name,
        sheet(operation.sheet).getRange(operation.reference),
        operation.comment,
      );
      return [];
    case "cells": {
      // Formulas before number formats: a formula typed into a cell already formatted as Text stays text in Excel.
      const range = sheet(operation.sheet).getRange(operation.address);
      range.formulas = operation.formulas as (string | number)[][];
      range.numberFormat = operation.formats as string[][];
      return [];
    }
    case "style":
      queueStyle(sheet(operation.sheet).getRanges(operation.areas).format, operation.style);
      return [];
    case "columnWidth":
      sheet(operation.sheet).getRange(operation.columns).format.columnWidth = operation.points;
      return [];
    case "validation": {
      const validation = sheet(operation.sheet).getRange(operation.address).dataValidation;
      validation.rule = operation.validation.rule;
      validation.prompt = operation.validation.prompt;
      validation.errorAlert = operation.validation.errorAlert;
      return [];
    }
    case "status":
      queueStatus(sheet(operation.sheet).getRange(operation.address), operation.ok);
      return [];
    case "chart":
      queueChart(operation, sheet);
      return [];
    case "activate":
      sheet(operation.sheet).activate();
      return [];
    case "finish":
      context.workbook.application.calculate("Recalculate");
      return operation.probes.map((probe) => {
        const range = sheet(probe.sheet).getRange(probe.address);
        loadValues(range, readJson);
        return range;
      });
  }
}

function queueStyle(format: Excel.RangeFormat, style: "bold" | "input" | "output"): void {
  if (style === "bold") format.font.bold = true;
  else if (style === "output") format.fill.color = OUTPUT_FILL;
  else {
    format.fill.color = INPUT_FILL;
    format.protection.locked = false;
  }
}

/** Green when the cell's value equals `ok`, red otherwise (two cell-value conditional formats). */
function queueStatus(range: Excel.Range, ok: string): void {
  const okFormula = `="${ok.replace(/"/g, '""')}"`;
  const rules: [Excel.ConditionalCellValueRule, { fill: string; font: string }][] = [
    [{ formula1: okFormula, operator: "EqualTo" }, STATUS_OK],
    [{ formula1: okFormula, operator: "NotEqualTo" }, STATUS_FAILED],
  ];
  for (const [rule, colours] of rules) {
    const conditional = range.conditionalFormats.add("CellValue").cellValue;
    conditional.format.fill.color = colours.fill;
    conditional.format.font.color = colours.font;
    conditional.rule = rule;
  }
}

function queueChart(
  operation: Extract<WriteOperation, { kind: "chart" }>,
  sheet: (name: string) => Excel.Worksheet,
): void {
  const { chart: plan } = operation;
  const dataSheet = sheet(plan.dataSheet);
  const chart = sheet(plan.sheet).charts.add(
    plan.type === "line" ? "Line" : plan.type === "barClustered" ? "BarClustered" : "ColumnClustered",
    dataSheet.getRange(plan.data),
    "Columns",
  );
  chart.title.text = plan.title;
  chart.axes.categoryAxis.setCategoryNames(dataSheet.getRange(plan.categories));
  chart.setPosition(plan.anchor);
}

/** Loads a range's values: `valuesAsJson` (ExcelApi 1.16, errors typed in any language) or `values`. */
export function loadValues(range: Excel.Range, readJson: boolean): void {
  if (readJson) range.load("valuesAsJson");
  else range.load("values");
}
