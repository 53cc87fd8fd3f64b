import { absolute, cell, columnRange } from "../address";
import { ref, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import type { NumberFormat } from "../types";

/** What a column's formula sees of its row. */
export interface RowScope<K extends string> {
  /** 0-based position of the row in the table (the month m, the cohort month t, the cohort's position …). */
  readonly index: number;
  /** 1-based sheet row. */
  readonly row: number;
  readonly first: boolean;
  readonly last: boolean;
  /** This row's cell of a column (a relative reference, e.g. F32). */
  at(key: K): Expr;
  /** The cell of a column in the row above, or `seed` in the first row (so `previous(k, 0) + x` folds to `x`). */
  previous(key: K, seed: Expr): Expr;
}

/** One column of a table, declared once: header, format, and either the row index or a formula per row. */
export interface TableColumn<K extends string> {
  readonly key: K;
  readonly header: Bilingual | string;
  readonly format: NumberFormat;
  /** The row's formula; omitted = the column holds the row index (0, 1, 2, …) as a structural label. */
  readonly formula?: (row: RowScope<K>) => Expr;
  /** Role of the formula cells (default "calculation"). */
  readonly role?: "calculation" | "output";
  /** A defined name for the column's cells (all rows). */
  readonly name?: { readonly name: string; readonly description: Bilingual };
}

/** Where a written table is: rows, and each column's position and range. */
export interface Table<K extends string> {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based sheet column of a key. */
  column(key: K): number;
  /** The column's cells over all rows, absolute (e.g. $F$32:$F$81), on the table's sheet when `sheet` is given. */
  range(key: K, sheet?: string | null): Expr;
  /** Absolute A1 range text of a column (for names and charts). */
  rangeAddress(key: K): string;
  /** Absolute address of a column's header cell. */
  headerAddress(key: K): string;
}

/**
 * Writes a table: a bold header row at `headerRow`, then `rows` rows, each column from `left` in the order given.
 * Every column is declared once with its header, format and formula, so the facts about a column sit in one place.
 * @example writeTable(sheet, { left: 0, headerRow: 30, rows: 50, columns: [{ key: "t", header: "t", format: "0" }] })
 */
export function writeTable<K extends string>(
  sheet: SheetBuilder,
  spec: {
    readonly left: number;
    readonly headerRow: number;
    readonly rows: number;
    readonly columns: readonly TableColumn<K>[];
  },
): Table<K> {
  const { left, headerRow, rows, columns } = spec;
  const positions = new Map<K, number>();
  columns.forEach((column, offset) => {
    if (positions.has(column.key)) throw new Error(`table column ${column.key} declared twice`);
    positions.set(column.key, left + offset);
  });
  const column = (key: K): number => {
    const position = positions.get(key);
    if (position === undefined) throw new Error(`no table column ${key}`);
    return position;
  };
  const firstRow = headerRow + 1;
  const lastRow = headerRow + rows;
  for (const spec of columns) sheet.label(column(spec.key), headerRow, spec.header, true);
  for (let index = 0; index < rows; index++) {
    const row = firstRow + index;
    const scope: RowScope<K> = {
      index,
      row,
      first: index === 0,
      last: index === rows - 1,
      at: (key) => ref(cell(column(key), row)),
      previous: (key, seed) => (index === 0 ? seed : ref(cell(column(key), row - 1))),
    };
    for (const spec of columns) {
      if (spec.formula === undefined) sheet.value(column(spec.key), row, "label", index, spec.format);
      else sheet.formula(column(spec.key), row, spec.formula(scope), spec.role ?? "calculation", spec.format);
    }
  }
  for (const spec of columns) {
    if (spec.name !== undefined) {
      sheet.nameColumn(
        spec.name.name,
        column(spec.key),
        firstRow,
        lastRow,
        spec.role ?? "calculation",
        spec.name.description,
      );
    }
  }
  return {
    headerRow,
    firstRow,
    lastRow,
    column,
    range: (key, sheetName = null) => ref(columnRange(column(key), firstRow, lastRow), sheetName),
    rangeAddress: (key) => columnRange(column(key), firstRow, lastRow),
    headerAddress: (key) => absolute(column(key), headerRow),
  };
}
