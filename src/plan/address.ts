/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let index = column;
  let letters = "";
  do {
    letters = String.fromCharCode(65 + (index % 26)) + letters;
    index = Math.floor(index / 26) - 1;
  } while (index >= 0);
  return letters;
}

/** A1 address of a 0-based column and 1-based row, e.g. cell(1, 4) → "B4". */
export function cell(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Absolute A1 address, e.g. absolute(1, 4) → "$B$4". */
export function absolute(column: number, row: number): string {
  return `$${columnLetters(column)}$${row}`;
}

/** Absolute range of one column from `firstRow` to `lastRow`, e.g. "$B$4:$B$11". */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  return `${absolute(column, firstRow)}:${absolute(column, lastRow)}`;
}

/** Parses "B4" or "$B$4" into a 0-based column and 1-based row. */
export function parseCell(address: string): { column: number; row: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (match === null) throw new Error(`not an A1 cell address: ${address}`);
  const letters = match[1] ?? "";
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}
