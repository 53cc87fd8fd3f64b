import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseCell } from "../../src/plan/address";
import { cellFormula, quoteSheet } from "../../src/plan/formula";
import type { WorkbookPlan } from "../../src/plan/types";

/** A plan loaded into HyperFormula (GPL-3.0, test-only), so its formulas really compute. */
export interface EvaluatedWorkbook {
  readonly hf: HyperFormula;
  /** The value of a defined name that refers to one cell. */
  readonly valueOf: (definedName: string) => unknown;
  /** The values of a defined name's range, row by row (undefined when the plan has no such name). */
  readonly rangeOf: (definedName: string) => unknown[][] | undefined;
  /** Sets an input cell (by its single-cell defined name, or sheet + A1 address). */
  readonly setInput: (target: string | { sheet: string; address: string }, value: number | string) => void;
  /** Every cell value that is an error, as "Sheet!A1: #ERR". */
  readonly errors: () => string[];
}

/** Loads a WorkbookPlan into HyperFormula: values and formulas cell by cell, defined names as named expressions. */
export function evaluatePlan(plan: WorkbookPlan): EvaluatedWorkbook {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    const grid: RawCellContent[][] = [];
    for (const planCell of sheet.cells) {
      const { column, row } = parseCell(planCell.address);
      const line = (grid[row - 1] ??= []);
      line[column] = planCell.formula !== undefined ? cellFormula(planCell.formula) : (planCell.value ?? null);
    }
    for (let row = 0; row < grid.length; row++) grid[row] ??= [];
    sheets[sheet.name] = grid;
  }
  const namedExpressions = plan.names.map((definedName) => ({
    name: definedName.name,
    expression: `=${quoteSheet(definedName.sheet)}!${definedName.reference}`,
  }));
  const hf = HyperFormula.buildFromSheets(
    sheets,
    { licenseKey: "gpl-v3", maxRows: 100_000, smartRounding: false, useArrayArithmetic: true },
    namedExpressions,
  );
  const addressOf = (definedName: string): { sheet: number; row: number; col: number } => {
    const found = plan.names.find((candidate) => candidate.name === definedName);
    if (found === undefined) throw new Error(`no defined name ${definedName}`);
    const sheet = hf.getSheetId(found.sheet);
    if (sheet === undefined) throw new Error(`no sheet ${found.sheet}`);
    const { column, row } = parseCell(found.reference);
    return { sheet, row: row - 1, col: column };
  };
  const rangeOf = (definedName: string): unknown[][] | undefined => {
    const found = plan.names.find((candidate) => candidate.name === definedName);
    const sheet = found === undefined ? undefined : hf.getSheetId(found.sheet);
    if (found === undefined || sheet === undefined) return undefined;
    const [from, to] = found.reference.split(":");
    const start = parseCell(from ?? "");
    const end = parseCell(to ?? from ?? "");
    return hf.getRangeValues({
      start: { sheet, row: start.row - 1, col: start.column },
      end: { sheet, row: end.row - 1, col: end.column },
    });
  };
  return {
    hf,
    rangeOf,
    valueOf: (definedName) => hf.getCellValue(addressOf(definedName)),
    setInput: (target, value) => {
      if (typeof target === "string") {
        hf.setCellContents(addressOf(target), value);
        return;
      }
      const sheet = hf.getSheetId(target.sheet);
      if (sheet === undefined) throw new Error(`no sheet ${target.sheet}`);
      const { column, row } = parseCell(target.address.replace(/\$/g, ""));
      hf.setCellContents({ sheet, row: row - 1, col: column }, value);
    },
    errors: () => {
      const found: string[] = [];
      for (const sheetName of hf.getSheetNames()) {
        const sheet = hf.getSheetId(sheetName);
        if (sheet === undefined) continue;
        hf.getSheetValues(sheet).forEach((line, row) =>
          line.forEach((value, col) => {
            if (typeof value === "object" && value !== null && "type" in value) {
              found.push(`${sheetName}!R${row + 1}C${col + 1}: ${String(value.value)} ${String(value.message ?? "")}`);
            }
          }),
        );
      }
      return found;
    },
  };
}
