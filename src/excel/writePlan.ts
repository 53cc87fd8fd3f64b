import { columnLetters, parseCell } from "../plan/address";
import { cellFormula } from "../plan/formula";
import {
  FORMATS,
  type ChartPlan,
  type InputValidation,
  type PlanCell,
  type SheetPlan,
  type WorkbookPlan,
} from "../plan/types";
import { callsAddInFunction, localizeFunctions, type FunctionLanguage } from "./functionNames";
import { areasAddresses, cellRectangles, columnsAddress, widthRuns } from "./rangeAreas";
import { BATCH_OVERHEAD_BYTES, CALL_OVERHEAD_BYTES, jsonBytes, MAX_REQUEST_BYTES } from "./requestSize";

/** Input cells: light yellow; outputs: light green (as in the .xlsx export). */
export const INPUT_FILL = "#FFF2CC";
export const OUTPUT_FILL = "#E2EFDA";
/** Points per character of column width (Calibri 11). */
export const POINTS_PER_CHARACTER = 7;

/** A styled set of cells: bold labels, inputs (yellow, unlocked) or outputs (green). */
export type CellStyle = "bold" | "input" | "output";

/**
 * One step of a write, as plain data: what the writer queues on the Excel context (src/excel/queueOperation.ts). A
 * step never spans two requests, and no Excel object crosses a `context.sync`: each step gets its sheet by name.
 */
export type WriteOperation =
  | { readonly kind: "addSheets"; readonly sheets: readonly string[] }
  | {
      readonly kind: "name";
      readonly name: string;
      readonly sheet: string;
      readonly reference: string;
      readonly comment: string;
    }
  | {
      readonly kind: "cells";
      readonly sheet: string;
      readonly address: string;
      readonly formulas: readonly (readonly (string | number)[])[];
      readonly formats: readonly (readonly string[])[];
    }
  | { readonly kind: "style"; readonly sheet: string; readonly areas: string; readonly style: CellStyle }
  | { readonly kind: "columnWidth"; readonly sheet: string; readonly columns: string; readonly points: number }
  | {
      readonly kind: "validation";
      readonly sheet: string;
      readonly address: string;
      readonly validation: ExcelValidation;
    }
  | { readonly kind: "status"; readonly sheet: string; readonly address: string; readonly ok: string }
  | { readonly kind: "chart"; readonly chart: ChartPlan }
  | { readonly kind: "activate"; readonly sheet: string }
  /** Last step: recalculate (calculation was suspended) and read back the cells that call SIB.* functions. */
  | { readonly kind: "finish"; readonly probes: readonly AddInCell[] };

/** A plan's data validation in the shape of Excel's `range.dataValidation` (ExcelApi 1.8). */
export interface ExcelValidation {
  readonly rule: Excel.DataValidationRule;
  readonly prompt: Excel.DataValidationPrompt;
  readonly errorAlert: Excel.DataValidationErrorAlert;
}

/** A cell whose formula calls an add-in function, printed with the names of each language. */
export interface AddInCell {
  readonly sheet: string;
  readonly address: string;
  readonly formulas: Readonly<Record<FunctionLanguage, string>>;
}

/** The requests of a write, in order; `bytes` is the writer's estimate of each request (≥ its real size). */
export interface WriteBatch {
  readonly operations: readonly WriteOperation[];
  readonly bytes: number;
}

/**
 * Splits the write of a placed plan into requests of at most `maxBytes` each (estimated as in requestSize.ts): sheets
 * first, then names, cell contents by rows (formulas, then number formats), styles on RangeAreas, column widths, data
 * validation, status formats, charts, the active sheet and the final recalculation. `language` names the SIB.*
 * functions in formulas. A single row larger than `maxBytes` is refused before anything is written.
 * @example planWrite(plan, "en").batches.length // 1 for the pilot
 */
export function planWrite(
  plan: WorkbookPlan,
  language: FunctionLanguage,
  maxBytes: number = MAX_REQUEST_BYTES,
): { batches: WriteBatch[]; addInCells: AddInCell[] } {
  const packer = new Packer(maxBytes);
  packer.add({ kind: "addSheets", sheets: plan.sheets.map((sheet) => sheet.name) });
  for (const definedName of plan.names) {
    const { name, sheet, reference, description } = definedName;
    packer.add({ kind: "name", name, sheet, reference, comment: description });
  }
  const addInCells: AddInCell[] = [];
  for (const sheet of plan.sheets) addInCells.push(...packCells(packer, sheet, language));
  for (const sheet of plan.sheets) for (const operation of formatOperations(sheet)) packer.add(operation);
  for (const chart of plan.charts) packer.add({ kind: "chart", chart });
  const first = plan.sheets[0];
  if (first !== undefined) packer.add({ kind: "activate", sheet: first.name });
  packer.add({ kind: "finish", probes: addInCells });
  return { batches: packer.finish(), addInCells };
}

/** Estimated request bytes of one operation: its JSON plus an overhead per RichApi record it makes. */
export function operationBytes(operation: WriteOperation): number {
  return jsonBytes(operation) + recordsOf(operation) * CALL_OVERHEAD_BYTES;
}

/** RichApi records (actions and object paths) an operation makes, counted generously (see queueOperation.ts). */
function recordsOf(operation: WriteOperation): number {
  switch (operation.kind) {
    case "addSheets":
      return 2 + 2 * operation.sheets.length;
    case "cells":
      return 8;
    case "style":
      return operation.style === "input" ? 14 : 10;
    case "columnWidth":
      return 8;
    case "validation":
      return 10;
    case "status":
      return 36;
    case "name":
      return 8;
    case "chart":
      return 28;
    case "activate":
      return 4;
    case "finish":
      return 6 + 6 * operation.probes.length;
  }
}

/** Greedy packing of operations into requests in order. */
class Packer {
  private readonly batches: { operations: WriteOperation[]; bytes: number }[] = [];

  constructor(readonly maxBytes: number) {
    this.open();
  }

  /** Bytes still free in the current request. */
  room(): number {
    return this.maxBytes - this.current().bytes;
  }

  isEmpty(): boolean {
    return this.current().operations.length === 0;
  }

  /** Adds an operation, in a new request when it does not fit in the current one. */
  add(operation: WriteOperation, bytes: number = operationBytes(operation)): void {
    if (bytes > this.room() && !this.isEmpty()) this.open();
    if (bytes > this.room())
      throw new Error(`a single ${operation.kind} step needs ${bytes} bytes, over ${this.maxBytes}`);
    const batch = this.current();
    batch.operations.push(operation);
    batch.bytes += bytes;
  }

  open(): void {
    this.batches.push({ operations: [], bytes: BATCH_OVERHEAD_BYTES });
  }

  finish(): WriteBatch[] {
    return this.batches.filter((batch) => batch.operations.length > 0);
  }

  private current(): { operations: WriteOperation[]; bytes: number } {
    const batch = this.batches[this.batches.length - 1];
    if (batch === undefined) throw new Error("no open batch");
    return batch;
  }
}

/** One row of a sheet's block: what `range.formulas` and `range.numberFormat` take, and its JSON size. */
interface BlockRow {
  readonly formulas: (string | number)[];
  readonly formats: string[];
  readonly bytes: number;
}

/**
 * Queues a sheet's used block (A1 to its last used cell) as cell operations of whole rows, cut where the current
 * request is full. Returns the cells that call SIB.* functions.
 */
function packCells(packer: Packer, sheet: SheetPlan, language: FunctionLanguage): AddInCell[] {
  const { rows, columns, addInCells } = sheetBlock(sheet, language);
  const lastColumn = columnLetters(columns - 1);
  const base = (start: number, end: number): WriteOperation => ({
    kind: "cells",
    sheet: sheet.name,
    address: `A${start + 1}:${lastColumn}${end}`,
    formulas: [],
    formats: [],
  });
  let start = 0;
  while (start < rows.length) {
    const overhead = operationBytes(base(start, rows.length));
    let end = start;
    let bytes = overhead;
    while (end < rows.length && bytes + (rows[end]?.bytes ?? 0) <= packer.room()) bytes += rows[end++]?.bytes ?? 0;
    if (end === start) {
      if (packer.isEmpty()) throw new Error(`${sheet.name} row ${start + 1} alone is over ${packer.maxBytes} bytes`);
      packer.open();
      continue;
    }
    const chunk = rows.slice(start, end);
    const operation = {
      ...base(start, end),
      formulas: chunk.map((row) => row.formulas),
      formats: chunk.map((row) => row.formats),
    };
    packer.add(operation, bytes);
    start = end;
  }
  return addInCells;
}

/** The 2-D formulas and number formats of a sheet's block, row by row with their JSON sizes. */
function sheetBlock(
  sheet: SheetPlan,
  language: FunctionLanguage,
): { rows: BlockRow[]; columns: number; addInCells: AddInCell[] } {
  const positions = sheet.cells.map((cell) => ({ cell, ...parseCell(cell.address) }));
  const rowCount = Math.max(1, ...positions.map((position) => position.row));
  const columns = Math.max(1, ...positions.map((position) => position.column + 1));
  const formulas = Array.from({ length: rowCount }, () => new Array<string | number>(columns).fill(""));
  const formats = Array.from({ length: rowCount }, () => new Array<string>(columns).fill(FORMATS.general));
  const addInCells: AddInCell[] = [];
  for (const { cell, row, column } of positions) {
    const content = cellContent(cell);
    const line = formulas[row - 1];
    const formatLine = formats[row - 1];
    if (line === undefined || formatLine === undefined) continue;
    if (typeof content === "string" && cell.formula !== undefined && callsAddInFunction(content)) {
      const printed = { en: localizeFunctions(content, "en"), da: localizeFunctions(content, "da") };
      addInCells.push({ sheet: sheet.name, address: cell.address, formulas: printed });
      line[column] = printed[language];
    } else line[column] = content;
    formatLine[column] = cell.format ?? FORMATS.general;
  }
  const rows = formulas.map((line, index) => {
    const formatLine = formats[index] ?? [];
    return { formulas: line, formats: formatLine, bytes: jsonBytes(line) + jsonBytes(formatLine) + 2 };
  });
  return { rows, columns, addInCells };
}

/** What `range.formulas` takes for a cell: "=…" for a formula, the number, or text (a leading "=" is quoted). */
export function cellContent(cell: PlanCell): string | number {
  if (cell.formula !== undefined) return cellFormula(cell.formula);
  if (typeof cell.value === "number") return cell.value;
  const text = cell.value ?? "";
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Styles on RangeAreas, column widths, data validation and status formats of a sheet. */
function formatOperations(sheet: SheetPlan): WriteOperation[] {
  const operations: WriteOperation[] = [];
  const styled: Record<CellStyle, string[]> = { bold: [], input: [], output: [] };
  for (const cell of sheet.cells) {
    if (cell.bold === true) styled.bold.push(cell.address);
    if (cell.role === "input") styled.input.push(cell.address);
    else if (cell.role === "output") styled.output.push(cell.address);
  }
  for (const style of ["bold", "input", "output"] as const) {
    for (const areas of areasAddresses(cellRectangles(styled[style]))) {
      operations.push({ kind: "style", sheet: sheet.name, areas, style });
    }
  }
  for (const [first, last, width] of widthRuns(sheet.columnWidths)) {
    const columns = columnsAddress(first, last);
    operations.push({ kind: "columnWidth", sheet: sheet.name, columns, points: width * POINTS_PER_CHARACTER });
  }
  for (const cell of sheet.cells) {
    if (cell.validation !== undefined) {
      const validation = excelValidation(cell.validation);
      operations.push({ kind: "validation", sheet: sheet.name, address: cell.address, validation });
    }
    if (cell.status !== undefined) {
      operations.push({ kind: "status", sheet: sheet.name, address: cell.address, ok: cell.status.ok });
    }
  }
  return operations;
}

/**
 * A plan's validation as Excel's rule, input prompt and stop alert: decimal/whole number between min and max
 * (inclusive), or a custom formula (en-US, relative to the cell) that is TRUE for an accepted value.
 * @example excelValidation({ rule: { kind: "whole", min: 1, max: 420 }, title: "Horizon", prompt: "Months", error: "1–420" }).rule // { wholeNumber: { formula1: 1, formula2: 420, operator: "Between" } }
 */
export function excelValidation(validation: InputValidation): ExcelValidation {
  const { rule, title } = validation;
  const between = (min: number, max: number): Excel.BasicDataValidation => ({
    formula1: min,
    formula2: max,
    operator: "Between",
  });
  const excelRule: Excel.DataValidationRule =
    rule.kind === "decimal"
      ? { decimal: between(rule.min, rule.max) }
      : rule.kind === "whole"
        ? { wholeNumber: between(rule.min, rule.max) }
        : { custom: { formula: cellFormula(rule.formula) } };
  return {
    rule: excelRule,
    prompt: { showPrompt: true, title, message: validation.prompt },
    errorAlert: { showAlert: true, style: "Stop", title, message: validation.error },
  };
}
