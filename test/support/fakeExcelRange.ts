import type { HyperFormula } from "hyperformula";
import { columnLetters, parseCell } from "../../src/plan/address";

/**
 * Ranges, RangeAreas, worksheets and charts of the HyperFormula-backed fake Excel (test/support/fakeExcel.ts). Every
 * write is queued and applied at sync in the order it was made, as Excel does.
 */

/** What the fake's ranges need from the workbook: the formula engine and the records the tests read. */
export interface FakeBook {
  readonly hf: HyperFormula;
  readonly formats: Map<string, string>;
  readonly fills: Map<string, string>;
  readonly bold: Set<string>;
  readonly unlocked: Set<string>;
  readonly columnWidths: Map<string, number>;
  readonly writtenFormulas: Map<string, string | number>;
  readonly validations: Map<string, FakeValidation>;
  readonly conditionalFormats: Map<string, FakeConditionalFormat[]>;
  readonly charts: { sheet: string; type: string; title: string; data: string; categories: string; position: string }[];
  active: string | null;
  /** Rewrites a formula as this Excel's function registry reads it (unregistered SIB.* names give #NAME?). */
  readonly registeredFormula: (formula: string) => string;
  /** The worksheet id Excel would give the sheet now called `name` ("{…}", unique for the workbook's life). */
  readonly sheetIdOf: (name: string) => string;
  /** The name of the sheet a worksheet key (a name or an id from `sheetIdOf`) refers to now. */
  readonly sheetNamed: (key: string) => string;
  /** Renames a sheet (keeping its id). */
  readonly renameSheet: (from: string, to: string) => void;
}

/** What the fake's ranges need from the request context: a queue applied at sync and loads answered at sync. */
export interface FakeQueue {
  readonly book: FakeBook;
  enqueue(apply: () => void): void;
  onSync(load: () => void): void;
}

export interface FakeValidation {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface FakeConditionalFormat {
  readonly type: string;
  readonly cellValue: {
    format: { fill: { color: string }; font: { color: string } };
    rule: Excel.ConditionalCellValueRule;
  };
}

/** Sheet-qualified key of one cell, e.g. "Input!B4". */
export function cellKey(sheet: string, column: number, row: number): string {
  return `${sheet}!${columnLetters(column)}${row}`;
}

/** The cells of an A1 range ("B4" or "B4:C9"): 0-based columns, 1-based rows. */
export function rangeCells(address: string): { column: number; row: number }[] {
  const [from = "", to = from] = address.split(":");
  const start = parseCell(from);
  const end = parseCell(to);
  const cells: { column: number; row: number }[] = [];
  for (let row = start.row; row <= end.row; row++) {
    for (let column = start.column; column <= end.column; column++) cells.push({ column, row });
  }
  return cells;
}

/**
 * A sheet's name as Excel writes it in `Range.address`: as is when it is a plain name ("Payment", "Input_2"), else in
 * single quotes with quotes doubled ("'Input (2)'").
 */
export function addressSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function sheetId(book: FakeBook, sheet: string): number {
  const id = book.hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`ItemNotFound: sheet ${sheet}`);
  return id;
}

/** A RangeFormat of one or several areas: font.bold, fill.color, protection.locked and columnWidth, recorded per cell. */
function fakeFormat(queue: FakeQueue, sheet: string, areas: readonly string[]): Excel.RangeFormat {
  const { book } = queue;
  const each = (record: (key: string) => void): void =>
    queue.enqueue(() => {
      for (const area of areas) for (const { column, row } of rangeCells(area)) record(cellKey(sheet, column, row));
    });
  const format = {
    font: {
      set bold(value: boolean) {
        each((key) => (value ? book.bold.add(key) : book.bold.delete(key)));
      },
    },
    fill: {
      set color(value: string) {
        each((key) => book.fills.set(key, value));
      },
    },
    protection: {
      set locked(value: boolean) {
        each((key) => (value ? book.unlocked.delete(key) : book.unlocked.add(key)));
      },
    },
    set columnWidth(points: number) {
      queue.enqueue(() => areas.forEach((area) => book.columnWidths.set(`${sheet}!${area}`, points)));
    },
  };
  return format as unknown as Excel.RangeFormat;
}

/**
 * A range of the fake. `area` is its A1 part ("B4:C9"); `address`, once loaded, is what Excel's `Range.address`
 * gives: the sheet (quoted when needed) and the area without $ ("'Input (2)'!B4:C9"). A null object (from
 * `getRangeOrNullObject` on a name whose reference is #REF!) has `isNullObject` true and loads nothing.
 */
export class FakeRange {
  readonly format: Excel.RangeFormat;
  values: unknown[][] = [];
  valuesAsJson: unknown[][] = [];
  address = "";
  isNullObject = false;

  constructor(
    private readonly queue: FakeQueue,
    readonly sheet: string,
    readonly area: string,
    private readonly nullObject = false,
  ) {
    this.format = fakeFormat(queue, sheet, [area]);
  }

  get dataValidation(): FakeValidation {
    const key = `${this.sheet}!${this.area}`;
    const { book } = this.queue;
    const record = (change: FakeValidation): void =>
      this.queue.enqueue(() => book.validations.set(key, { ...book.validations.get(key), ...change }));
    return {
      set rule(rule: Excel.DataValidationRule) {
        record({ rule });
      },
      set prompt(prompt: Excel.DataValidationPrompt) {
        record({ prompt });
      },
      set errorAlert(errorAlert: Excel.DataValidationErrorAlert) {
        record({ errorAlert });
      },
    };
  }

  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat } {
    const key = `${this.sheet}!${this.area}`;
    const { book } = this.queue;
    return {
      add: (type) => {
        const conditional: FakeConditionalFormat = {
          type,
          cellValue: {
            format: { fill: { color: "" }, font: { color: "" } },
            rule: { formula1: "", operator: "Invalid" },
          },
        };
        this.queue.enqueue(() =>
          book.conditionalFormats.set(key, [...(book.conditionalFormats.get(key) ?? []), conditional]),
        );
        return conditional;
      },
    };
  }

  /** Loads values, valuesAsJson and address (one name, a comma-separated list or an array, as Office.js takes). */
  load(properties: string | string[]): void {
    const wanted = (Array.isArray(properties) ? properties : properties.split(",")).map((name) => name.trim());
    const unknown = wanted.filter((name) => !["values", "valuesAsJson", "address"].includes(name));
    if (unknown.length > 0) throw new Error(`the fake loads only values, valuesAsJson and address, not ${unknown}`);
    this.queue.onSync(() => {
      if (this.nullObject) {
        this.isNullObject = true;
        return;
      }
      const sheet = sheetId(this.queue.book, this.sheet);
      this.address = `${addressSheet(this.sheet)}!${this.area}`;
      const { top, left, rows, columns } = this.shape();
      const grid = Array.from({ length: rows }, (_, row) =>
        Array.from({ length: columns }, (_, column) => {
          const address = { sheet, row: top + row, col: left + column };
          const value = this.queue.book.hf.getCellValue(address);
          // A formula whose result is empty (=A5 with A5 blank) shows 0 in Excel; only a blank cell reads as "".
          return value === null && this.queue.book.hf.doesCellHaveFormula(address) ? 0 : value;
        }),
      );
      this.values = grid.map((line) => line.map(plainValue));
      this.valuesAsJson = grid.map((line) => line.map(jsonValue));
    });
  }

  private shape(): { top: number; left: number; rows: number; columns: number } {
    const [from = "", to = from] = this.area.split(":");
    const start = parseCell(from);
    const end = parseCell(to);
    return {
      top: start.row - 1,
      left: start.column,
      rows: end.row - start.row + 1,
      columns: end.column - start.column + 1,
    };
  }

  private checkShape(values: readonly (readonly unknown[])[], what: string): void {
    const { rows, columns } = this.shape();
    if (values.length !== rows || values.some((line) => line.length !== columns)) {
      throw new Error(`InvalidArgument: ${what} of shape ${values.length}x${values[0]?.length} for range ${this.area}`);
    }
  }

  /**
   * Writes contents as Excel does: a formula goes in as a formula unless the cell is already formatted as Text ("@"),
   * where Excel keeps it as text; SIB.* names this Excel did not register give #NAME?.
   */
  set formulas(values: (string | number)[][]) {
    this.checkShape(values, "formulas");
    const { top, left } = this.shape();
    const { book } = this.queue;
    this.queue.enqueue(() => {
      const sheet = sheetId(book, this.sheet);
      const contents = values.map((line, row) =>
        line.map((value, column) => {
          const key = cellKey(this.sheet, left + column, top + row + 1);
          book.writtenFormulas.set(key, value);
          if (value === "") return null;
          if (typeof value !== "string" || !value.startsWith("=")) return value;
          return book.formats.get(key) === "@" ? `'${value}` : book.registeredFormula(value);
        }),
      );
      book.hf.setCellContents({ sheet, row: top, col: left }, contents);
    });
  }

  set numberFormat(values: string[][]) {
    this.checkShape(values, "numberFormat");
    const { top, left } = this.shape();
    this.queue.enqueue(() =>
      values.forEach((line, row) =>
        line.forEach((format, column) =>
          this.queue.book.formats.set(cellKey(this.sheet, left + column, top + row + 1), format),
        ),
      ),
    );
  }
}

/** A value as `range.values` gives it: errors as their text (#NAME?). */
function plainValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "value" in value) return (value as { value: unknown }).value;
  return value ?? "";
}

const ERROR_TYPES: Readonly<Record<string, string>> = {
  NAME: "Name",
  VALUE: "Value",
  NUM: "Num",
  NA: "NotAvailable",
  DIV_BY_ZERO: "Div0",
  REF: "Ref",
};

/** A value as `range.valuesAsJson` gives it (ExcelApi 1.16): typed, errors with their errorType. */
function jsonValue(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "type" in value) {
    const error = value as { type: string; value: string };
    return { type: "Error", basicValue: error.value, errorType: ERROR_TYPES[error.type] ?? error.type };
  }
  if (typeof value === "number") return { type: "Double", basicValue: value };
  if (typeof value === "boolean") return { type: "Boolean", basicValue: value };
  if (typeof value === "string") return { type: "String", basicValue: value };
  return { type: "Empty", basicValue: "" };
}

class FakeChart {
  readonly title = { text: "" };
  categories = "";
  position = "";
  readonly axes = {
    categoryAxis: { setCategoryNames: (range: FakeRange) => (this.categories = `${range.sheet}!${range.area}`) },
  };
  setPosition(anchor: string): void {
    this.position = anchor;
  }
}

/**
 * A worksheet of the fake, got by name or by id (`worksheets.getItem` takes either, as in Excel). `id` is loaded at
 * sync; setting `name` renames the sheet at sync; ranges and charts use the key it was got by.
 */
export class FakeWorksheet {
  readonly charts: { add: (type: string, data: FakeRange, seriesBy: string) => FakeChart };
  id = "";

  constructor(
    private readonly queue: FakeQueue,
    private readonly key: string,
  ) {
    const name = key;
    this.charts = {
      add: (type, data) => {
        const chart = new FakeChart();
        queue.enqueue(() =>
          queue.book.charts.push({
            sheet: name,
            type,
            title: chart.title.text,
            data: `${data.sheet}!${data.area}`,
            categories: chart.categories,
            position: chart.position,
          }),
        );
        return chart;
      },
    };
  }

  get name(): string {
    return this.key;
  }

  /** Renames the sheet at sync (Excel: `worksheet.name = …`); fails there when the name is taken. */
  set name(value: string) {
    this.queue.enqueue(() => this.queue.book.renameSheet(this.queue.book.sheetNamed(this.key), value));
  }

  /** Loads `id` (the fake loads nothing else of a worksheet). */
  load(property: string): void {
    if (property !== "id") throw new Error(`the fake loads only a worksheet's id, not ${property}`);
    this.queue.onSync(() => (this.id = this.queue.book.sheetIdOf(this.queue.book.sheetNamed(this.key))));
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.queue, this.name, address);
  }

  /** RangeAreas (ExcelApi 1.9): comma-separated areas; the fake supports their format. */
  getRanges(address: string): { format: Excel.RangeFormat } {
    if (address.length > 255) throw new Error(`InvalidArgument: getRanges address of ${address.length} characters`);
    return { format: fakeFormat(this.queue, this.name, address.split(",")) };
  }

  activate(): void {
    this.queue.enqueue(() => (this.queue.book.active = this.name));
  }
}
