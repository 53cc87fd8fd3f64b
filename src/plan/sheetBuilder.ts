import { absolute, cell, columnRange } from "./address";
import type { Expr } from "./formula";
import type { CellRole, Language, NumberFormat, PlanCell, PlanName, SheetPlan } from "./types";

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

  input(column: number, row: number, value: number, format: NumberFormat): void {
    this.put({ address: cell(column, row), role: "input", value, format });
  }

  /** An input that may hold text (e.g. "no cap" in a cap cell) or a structural constant shown as a label. */
  value(column: number, row: number, role: "input" | "label", value: number | string, format: NumberFormat): void {
    this.put({ address: cell(column, row), role, value, format });
  }

  formula(column: number, row: number, formula: Expr, role: "calculation" | "output", format: NumberFormat): void {
    this.put({ address: cell(column, row), role, formula, format });
  }

  /** A labelled, named output: the label in `column`, the formula (green output cell) to its right. */
  namedOutput(
    column: number,
    row: number,
    output: { name: string; label: Bilingual; formula: Expr; format: NumberFormat; description: string },
  ): void {
    this.label(column, row, output.label);
    this.formula(column + 1, row, output.formula, "output", output.format);
    this.nameCell(output.name, column + 1, row, "output", output.description);
  }

  /** A defined name for one cell of this sheet. */
  nameCell(name: string, column: number, row: number, role: CellRole, description: string): void {
    this.names.push({ name, sheet: this.sheetName, reference: absolute(column, row), role, description });
  }

  /** A defined name for a block of one column, rows `firstRow`..`lastRow`. */
  nameColumn(
    name: string,
    column: number,
    firstRow: number,
    lastRow: number,
    role: CellRole,
    description: string,
  ): void {
    this.names.push({
      name,
      sheet: this.sheetName,
      reference: columnRange(column, firstRow, lastRow),
      role,
      description,
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
