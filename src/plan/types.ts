import type { Expr } from "./formula";

/** Languages the workbook is written in. */
export type Language = "da" | "en";

/** What a cell is for: an input the user may change, a calculation step, a result, or a label. */
export type CellRole = "label" | "input" | "calculation" | "output";

/** Number formats (en-US codes, as `range.numberFormat` and ExcelJS take them). */
export const FORMATS = {
  kr: "#,##0",
  krDecimals: "#,##0.00",
  percent: "0.0%",
  percentPrecise: "0.000%",
  share: "0.0000",
  factor: "0.000",
  integer: "0",
  general: "General",
  text: "@",
} as const;
export type NumberFormat = (typeof FORMATS)[keyof typeof FORMATS];

/**
 * Excel data validation of an input cell, with its texts in the workbook's language. Ranges are inclusive. A rule that
 * cannot be said as a range (a cap that is a number or the text "no cap") is a custom formula evaluated for the cell
 * itself: TRUE accepts the value. Excel's limits: title ≤ 32 characters, input message ≤ 255, error message ≤ 225
 * (tested in test/plan).
 */
export interface InputValidation {
  readonly rule:
    | { readonly kind: "decimal"; readonly min: number; readonly max: number }
    | { readonly kind: "whole"; readonly min: number; readonly max: number }
    | { readonly kind: "custom"; readonly formula: Expr };
  /** Title of the input message and of the error alert. */
  readonly title: string;
  /** Input message shown when the cell is selected: what the cell holds and which values are allowed. */
  readonly prompt: string;
  /** Error alert (style "stop") shown when a value outside the rule is typed. */
  readonly error: string;
}

/** One cell of a plan: a value or a formula, with its role, format, optional defined name and note. */
export interface PlanCell {
  /** A1 address on its sheet, e.g. "B4". */
  readonly address: string;
  readonly role: CellRole;
  readonly value?: number | string;
  readonly formula?: Expr;
  readonly format?: NumberFormat;
  /** Bold label (headings). */
  readonly bold?: boolean;
  /** Data validation of an input cell (inputs only). */
  readonly validation?: InputValidation;
  /**
   * A status cell: its formula gives `ok` when every check passes, else the message of the first failing check. The
   * writers colour it with a conditional format: green when the value equals `ok`, red otherwise.
   */
  readonly status?: { readonly ok: string };
}

/** A named range (several cells) on a sheet. */
export interface PlanName {
  readonly name: string;
  readonly sheet: string;
  /** Absolute A1 reference, e.g. "$B$20:$B$27" or "$B$4". */
  readonly reference: string;
  readonly role: CellRole;
  /** What the name means, shown in docs and as the name's comment in Excel. */
  readonly description: string;
}

export interface SheetPlan {
  /** Sheet name (≤ 31 characters, none of \ / ? * [ ] :). */
  readonly name: string;
  readonly cells: readonly PlanCell[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
}

/**
 * A chart of the model (drawn by the Excel writer through Office.js, and written into the .xlsx as DrawingML parts by
 * src/export/charts.ts).
 * References are absolute A1 ranges on `dataSheet`; the chart is placed on `sheet` at `anchor` (top-left cell).
 */
export interface ChartPlan {
  readonly sheet: string;
  readonly anchor: string;
  /** barClustered: horizontal bars, the series overlapping (a tornado). */
  readonly type: "line" | "columnClustered" | "barClustered";
  readonly title: string;
  readonly dataSheet: string;
  /** Series in columns, first row = series names. */
  readonly data: string;
  /** Category labels (x axis), same number of rows as the data without its header. */
  readonly categories: string;
}

/** The whole model: sheets in order, the workbook's defined names and its charts. */
export interface WorkbookPlan {
  readonly language: Language;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly PlanName[];
  readonly charts: readonly ChartPlan[];
}
