import { columnRange } from "../address";
import { add, bool, call, eq, ifThen, name, num, ref, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";

/**
 * One check of the written model's inputs: a logical formula that is TRUE when the inputs are fine and never an error
 * (guard with ISNUMBER/COUNT before comparing), and the message shown in place of the results when it is FALSE.
 */
export interface CheckSpec {
  /** Suffix of the check's defined name: SIB_Check_<id>. */
  readonly id: string;
  /** What is checked, as a row label. */
  readonly label: Bilingual;
  readonly ok: Expr;
  /** What is wrong and what to do, in the workbook's language (may concatenate input values with &). */
  readonly message: Expr;
}

/** Defined name of the model's status text ("OK …" or the first failing check's message). */
export const STATUS_NAME = "SIB_Status";
/** Defined name of 1 when every check passes, else 0 (never an error). */
export const VALID_NAME = "SIB_InputsValid";

/** The status text when every check passes. */
export const STATUS_OK: Bilingual = {
  da: "OK: alle kontroller af input er bestået",
  en: "OK: every input check passed",
};
/** The status when a check itself cannot be evaluated (an error value in an input cell). */
export const STATUS_ERROR: Bilingual = {
  da: "Fejl: en input-celle indeholder en fejlværdi; ret den",
  en: "Error: an input cell holds an error value; correct it",
};

/**
 * A result that is only shown when the inputs pass every check: otherwise the cell shows the status message, so the
 * workbook never shows a number computed from an input the engine would refuse.
 * @example printFormula(guarded(name("SIB_NPV_Municipality"))) // IF(SIB_InputsValid=1,SIB_NPV_Municipality,SIB_Status)
 */
export function guarded(result: Expr): Expr {
  return ifThen(eq(name(VALID_NAME), num(1)), result, name(STATUS_NAME));
}

/**
 * `condition` when every value is a number (a cell or a range: COUNT = ROWS), else TRUE: a check of a relation between
 * inputs leaves a non-number to the input's own rule check, so it never errors and never blames the wrong input.
 * @example whenNumbers([name("SIB_HorizonMonths")], le(name("SIB_HorizonMonths"), name("SIB_CapacityMonths")))
 */
export function whenNumbers(values: readonly Expr[], condition: Expr): Expr {
  const count = call("COUNT", ...values);
  const cells = values.map((value) => call("ROWS", value)).reduce((total, rows) => add(total, rows));
  return ifThen(eq(count, cells), condition, bool(true));
}

/**
 * The model's status repeated on another sheet (label in `column`, SIB_Status to its right, coloured), so a user who
 * edits inputs there sees at once when a check fails.
 */
export function writeStatusEcho(sheet: SheetBuilder, column: number, row: number): void {
  sheet.label(column, row, { da: "Status", en: "Status" }, true);
  sheet.status(column + 1, row, name(STATUS_NAME), sheet.text(STATUS_OK));
}

/** A logical formula as 1/0 (so a column of checks can be summed). */
const asFlag = (condition: Expr): Expr => ifThen(condition, num(1), num(0));

/**
 * The Checks block: the status cell (SIB_Status, coloured by the writers) and SIB_InputsValid at `status`, and a table
 * with one row per check (label, 1/0, the message when it fails) from `table.headerRow`. Returns the row below the table.
 * @example writeChecks(sheet, { status: { left: 0, top: 3 }, table: { left: 0, headerRow: 30 }, checks })
 */
export function writeChecks(
  sheet: SheetBuilder,
  spec: {
    readonly status: { readonly left: number; readonly top: number };
    readonly table: { readonly left: number; readonly headerRow: number };
    readonly checks: readonly CheckSpec[];
  },
): number {
  const { checks } = spec;
  const { left, headerRow } = spec.table;
  if (checks.length === 0) throw new Error("a Checks block needs at least one check");
  const firstRow = headerRow + 1;
  const lastRow = headerRow + checks.length;
  sheet.label(left, headerRow, { da: "Kontrol af input", en: "Input checks" }, true);
  sheet.label(left + 1, headerRow, { da: "Bestået (1/0)", en: "Passed (1/0)" }, true);
  sheet.label(left + 2, headerRow, { da: "Besked hvis ikke bestået", en: "Message if not passed" }, true);
  checks.forEach((check, index) => {
    const row = firstRow + index;
    sheet.label(left, row, check.label);
    sheet.formula(left + 1, row, asFlag(check.ok), "calculation", FORMATS.integer);
    sheet.nameCell(`SIB_Check_${check.id}`, left + 1, row, "calculation", {
      da: `1 når kontrollen er bestået: ${check.label.da}`,
      en: `1 when the check passes: ${check.label.en}`,
    });
    // A fixed message is a label; one that shows input values is a formula.
    if (check.message.kind === "text") sheet.label(left + 2, row, check.message.value);
    else sheet.formula(left + 2, row, check.message, "calculation", FORMATS.general);
  });
  writeStatus(
    sheet,
    spec.status,
    ref(columnRange(left + 1, firstRow, lastRow)),
    ref(columnRange(left + 2, firstRow, lastRow)),
  );
  return lastRow + 1;
}

/** SIB_Status (OK, the first failing check's message, or the error text) and SIB_InputsValid (1/0, never an error). */
function writeStatus(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly top: number },
  flags: Expr,
  messages: Expr,
): void {
  const broken = call("ISERROR", call("SUM", flags));
  const allPassed = eq(call("SUM", flags), call("ROWS", flags));
  // A message that joins an input holding an error value is itself an error: say so instead.
  const firstFailing = call(
    "IFERROR",
    call("INDEX", messages, call("MATCH", num(0), flags, num(0))),
    text(sheet.text(STATUS_ERROR)),
  );
  sheet.label(at.left, at.top, { da: "Status", en: "Status" }, true);
  const status = ifThen(
    broken,
    text(sheet.text(STATUS_ERROR)),
    ifThen(allPassed, text(sheet.text(STATUS_OK)), firstFailing),
  );
  sheet.status(at.left + 1, at.top, status, sheet.text(STATUS_OK));
  sheet.nameCell(STATUS_NAME, at.left + 1, at.top, "output", {
    da: "Modellens status: OK eller den første kontrol, der ikke er bestået",
    en: "The model's status: OK, or the first failing input check",
  });
  sheet.label(at.left, at.top + 1, { da: "Input gyldige (1/0)", en: "Inputs valid (1/0)" });
  sheet.formula(at.left + 1, at.top + 1, ifThen(broken, num(0), asFlag(allPassed)), "calculation", FORMATS.integer);
  sheet.nameCell(VALID_NAME, at.left + 1, at.top + 1, "calculation", {
    da: "1 når alle kontroller af input er bestået, ellers 0",
    en: "1 when every input check passes, else 0",
  });
}
