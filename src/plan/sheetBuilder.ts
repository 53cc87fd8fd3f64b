import { absolute, cell, columnRange } from "./address";
import { printFormula, type Expr } from "./formula";
import { isLiteral, simplify } from "./simplify";
import {
  FORMATS,
  type CellRole,
  type InputValidation,
  type Language,
  type NumberFormat,
  type PlanCell,
  type PlanName,
  type SheetPlan,
} from "./types";

/** Danish and English text of a label. */
export type Bilingual = { readonly da: string; readonly en: string };

/**
 * Collects the cells and defined names of one sheet. Columns are 0-based, rows 1-based (as in A1 addresses).
 * Every write goes to a fresh address: writing a cell twice is a bug and throws.
 */
export class SheetBuilder {
  private readonly cells = new Map<string, PlanCell>();
  readonly names: PlanName[] = [];

  constructor(
    readonly sheetName: string,
    readonly language: Language,
  ) {}

  /** The label in this sheet's language. */
  text(label: Bilingual): string {
    return label[this.language];
  }

  label(column: number, row: number, label: Bilingual | string, bold = false): void {
    const value = typeof label === "string" ? label : this.text(label);
    this.put({ address: cell(column, row), role: "label", value, ...(bold ? { bold } : {}) });
  }

  /** An input cell (yellow, unlocked) with the data validation that refuses what the engine refuses. */
  input(column: number, row: number, value: number, format: NumberFormat, validation?: InputValidation): void {
    this.put({ address: cell(column, row), role: "input", value, format, ...(validation ? { validation } : {}) });
  }

  /** An input that may hold text (e.g. "no cap" in a cap cell) or a structural constant shown as a label. */
  value(
    column: number,
    row: number,
    role: "input" | "label",
    value: number | string,
    format: NumberFormat,
    validation?: InputValidation,
  ): void {
    this.put({ address: cell(column, row), role, value, format, ...(validation ? { validation } : {}) });
  }

  /**
   * A formula cell. The formula is simplified first (src/plan/simplify.ts); one that folds to a literal is a bug at the
   * call site (the cell would read `=0`): decide it in code and write a value or leave the cell out instead.
   */
  formula(column: number, row: number, formula: Expr, role: "calculation" | "output", format: NumberFormat): void {
    const simplified = simplify(formula);
    if (isLiteral(simplified)) {
      throw new Error(
        `${this.sheetName}!${cell(column, row)}: the formula folds to the literal ${printFormula(simplified)}`,
      );
    }
    this.put({ address: cell(column, row), role, formula: simplified, format });
  }

  /** A status cell: a formula that gives `ok` when every check passes (the writers colour it green, else red). */
  status(column: number, row: number, formula: Expr, ok: string): void {
    const simplified = simplify(formula);
    this.put({
      address: cell(column, row),
      role: "output",
      formula: simplified,
      format: FORMATS.general,
      status: { ok },
    });
  }

  /** A labelled, named output: the label in `column`, the formula (green output cell) to its right. */
  namedOutput(
    column: number,
    row: number,
    output: { name: string; label: Bilingual; formula: Expr; format: NumberFormat; description: Bilingual | string },
  ): void {
    this.label(column, row, output.label);
    this.formula(column + 1, row, output.formula, "output", output.format);
    this.nameCell(output.name, column + 1, row, "output", output.description);
  }

  /** A defined name for one cell of this sheet. */
  nameCell(name: string, column: number, row: number, role: CellRole, description: Bilingual | string): void {
    const text = typeof description === "string" ? description : this.text(description);
    this.names.push({ name, sheet: this.sheetName, reference: absolute(column, row), role, description: text });
  }

  /** A defined name for a block of one column, rows `firstRow`..`lastRow`. */
  nameColumn(
    name: string,
    column: number,
    firstRow: number,
    lastRow: number,
    role: CellRole,
    description: Bilingual | string,
  ): void {
    this.names.push({
      name,
      sheet: this.sheetName,
      reference: columnRange(column, firstRow, lastRow),
      role,
      description: typeof description === "string" ? description : this.text(description),
    });
  }

  build(columnWidths: readonly number[]): SheetPlan {
    return { name: this.sheetName, cells: [...this.cells.values()], columnWidths };
  }

  private put(planCell: PlanCell): void {
    if (this.cells.has(planCell.address)) throw new Error(`${this.sheetName}!${planCell.address} written twice`);
    this.cells.set(planCell.address, planCell);
  }
}
