import { columnLetters, parseCell } from "../plan/address";

/**
 * Longest address string given to `worksheet.getRanges` (RangeAreas, ExcelApi 1.9). Microsoft documents no limit for
 * the API; Excel's own Range("…") takes at most 255 characters, so the writer keeps every address within that.
 */
export const MAX_AREAS_ADDRESS_LENGTH = 255;

/** A rectangle of cells: 0-based columns, 1-based rows, inclusive. */
interface Rectangle {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Cells as few rectangles: vertical runs per column, then runs with the same rows in adjacent columns joined. A block
 * of input cells B44:G51 becomes one rectangle instead of 48 cells.
 * @example cellRectangles(["B4", "B5", "C4", "C5", "E9"]) // ["B4:C5", "E9"]
 */
export function cellRectangles(addresses: readonly string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const address of new Set(addresses)) {
    const { column, row } = parseCell(address);
    const rows = byColumn.get(column) ?? [];
    rows.push(row);
    byColumn.set(column, rows);
  }
  const runs = new Map<string, number[]>();
  for (const [column, rows] of byColumn) {
    for (const [top, bottom] of consecutiveRuns(rows)) {
      const key = `${top}:${bottom}`;
      runs.set(key, [...(runs.get(key) ?? []), column]);
    }
  }
  const rectangles: Rectangle[] = [];
  for (const [key, columns] of runs) {
    const [top = 0, bottom = 0] = key.split(":").map(Number);
    for (const [left, right] of consecutiveRuns(columns)) rectangles.push({ left, right, top, bottom });
  }
  rectangles.sort((a, b) => a.top - b.top || a.left - b.left);
  return rectangles.map(rectangleAddress);
}

/**
 * Addresses joined with commas into strings of at most `maxLength` characters, one per `getRanges` call.
 * @example areasAddresses(["B4:C5", "E9"]) // ["B4:C5,E9"]
 */
export function areasAddresses(addresses: readonly string[], maxLength = MAX_AREAS_ADDRESS_LENGTH): string[] {
  const groups: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current !== "" && current.length + 1 + address.length > maxLength) {
      groups.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") groups.push(current);
  return groups;
}

/**
 * Column widths as runs of equal width: [first column, last column, width], 0-based columns.
 * @example widthRuns([44, 18, 18, 14]) // [[0, 0, 44], [1, 2, 18], [3, 3, 14]]
 */
export function widthRuns(widths: readonly number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((width, column) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[2] === width && last[1] === column - 1) last[1] = column;
    else runs.push([column, column, width]);
  });
  return runs;
}

/** Whole columns as an address, e.g. columnsAddress(1, 2) → "B:C". */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

function consecutiveRuns(values: readonly number[]): [number, number][] {
  const sorted = [...values].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const value of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && value === last[1] + 1) last[1] = value;
    else runs.push([value, value]);
  }
  return runs;
}

function rectangleAddress({ left, right, top, bottom }: Rectangle): string {
  const start = `${columnLetters(left)}${top}`;
  return left === right && top === bottom ? start : `${start}:${columnLetters(right)}${bottom}`;
}
