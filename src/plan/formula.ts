/**
 * Formulas as data: a small expression tree printed in en-US Excel syntax (English function names, commas between
 * arguments, "." as decimal separator), which is what `range.formulas` (Office.js), ExcelJS and HyperFormula take.
 * Formulas are never concatenated by hand at the call site: build them with the helpers below.
 */
export type Expr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "bool"; readonly value: boolean }
  /** A cell or range on a sheet (A1 style, e.g. "B4" or "B4:B12"); `sheet` null = the formula's own sheet. */
  | { readonly kind: "ref"; readonly sheet: string | null; readonly address: string }
  /** A workbook defined name such as SIB_DiscountRate. */
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "unary"; readonly op: "-"; readonly arg: Expr }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "call"; readonly fn: ExcelFunction; readonly args: readonly Expr[] };

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | "<=" | ">" | ">=";

/** The worksheet functions the model uses: each exists in Excel, LibreOffice and HyperFormula with the same meaning. */
export type ExcelFunction =
  | "IF"
  | "AND"
  | "OR"
  | "NOT"
  | "ISNUMBER"
  | "ISERROR"
  | "SEARCH"
  | "COUNTIF"
  | "COUNT"
  | "ROWS"
  | "SUMIF"
  | "IFERROR"
  | "SIGN"
  /**
   * The add-in's own functions (English name, or the name registered in the user's Excel language): only in the Check
   * sheet, which only the Excel writer writes.
   */
  | `SIB.${string}`
  | "MIN"
  | "MAX"
  | "SUM"
  | "SUMPRODUCT"
  | "INDEX"
  | "MATCH"
  | "ABS"
  | "ROUND"
  | "IRR"
  | "XIRR"
  | "NPV";

/** Operator precedence in Excel (higher binds tighter). Unary minus binds tighter than ^ in Excel. */
const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  "<=": 1,
  ">": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

export const num = (value: number): Expr => ({ kind: "number", value });
export const bool = (value: boolean): Expr => ({ kind: "bool", value });
export const text = (value: string): Expr => ({ kind: "text", value });
export const ref = (address: string, sheet: string | null = null): Expr => ({ kind: "ref", sheet, address });
export const name = (definedName: string): Expr => ({ kind: "name", name: definedName });
export const call = (fn: ExcelFunction, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const neg = (arg: Expr): Expr => ({ kind: "unary", op: "-", arg });
const binary =
  (op: BinaryOperator) =>
  (left: Expr, right: Expr): Expr => ({ kind: "binary", op, left, right });
export const add = binary("+");
export const sub = binary("-");
export const mul = binary("*");
export const div = binary("/");
export const pow = binary("^");
export const eq = binary("=");
export const ne = binary("<>");
export const lt = binary("<");
export const le = binary("<=");
export const gt = binary(">");
export const ge = binary(">=");

/** Text joined with "&": strings become text literals, expressions stay (numbers are shown as Excel shows them). */
export function concat(...parts: (string | Expr)[]): Expr {
  const exprs = parts.map((part) => (typeof part === "string" ? text(part) : part));
  const [first, ...rest] = exprs;
  return first === undefined ? text("") : rest.reduce((joined, part) => binary("&")(joined, part), first);
}

/** Σ of several terms as one left-associated chain of "+" (0 for none). */
export function sum(...terms: Expr[]): Expr {
  const [first, ...rest] = terms;
  return first === undefined ? num(0) : rest.reduce((total, term) => add(total, term), first);
}

export const ifThen = (condition: Expr, then: Expr, otherwise: Expr): Expr => call("IF", condition, then, otherwise);
export const and = (...conditions: Expr[]): Expr => call("AND", ...conditions);
export const or = (...conditions: Expr[]): Expr => call("OR", ...conditions);
export const not = (condition: Expr): Expr => call("NOT", condition);

/**
 * Every node of an expression, the expression itself first (depth-first, arguments in order): for scans of a formula
 * (its literals, its defined names, its text constants).
 * @example nodesOf(add(ref("A1"), num(1))).filter((n) => n.kind === "number").length // 1
 */
export function nodesOf(expr: Expr): Expr[] {
  switch (expr.kind) {
    case "unary":
      return [expr, ...nodesOf(expr.arg)];
    case "binary":
      return [expr, ...nodesOf(expr.left), ...nodesOf(expr.right)];
    case "call":
      return [expr, ...expr.args.flatMap(nodesOf)];
    default:
      return [expr];
  }
}

/**
 * Prints an expression in en-US syntax without the leading "=". Numbers are printed with full precision
 * (shortest round-trip form), so a printed constant evaluates to exactly the engine's number.
 * @example printFormula(mul(name("SIB_Participants"), name("SIB_CostPerParticipant"))) // "SIB_Participants*SIB_CostPerParticipant"
 */
export function printFormula(expr: Expr): string {
  return print(expr, 0);
}

/** The formula with its leading "=", as written to a cell. */
export function cellFormula(expr: Expr): string {
  return `=${printFormula(expr)}`;
}

function print(expr: Expr, parentPrecedence: number): string {
  switch (expr.kind) {
    case "number":
      return printNumber(expr.value);
    case "text":
      return `"${expr.value.replace(/"/g, '""')}"`;
    case "bool":
      // The functions TRUE() and FALSE(): the same in Excel and LibreOffice, and HyperFormula reads no bare TRUE.
      return expr.value ? "TRUE()" : "FALSE()";
    case "ref":
      return expr.sheet === null ? expr.address : `${quoteSheet(expr.sheet)}!${expr.address}`;
    case "name":
      return expr.name;
    case "unary": {
      // Excel's unary minus binds tighter than ^ (=-2^2 is 4): parenthesise a compound operand, and the negation
      // itself inside any operator, so the printed text means what the tree means in every spreadsheet.
      const text = `-${print(expr.arg, 6)}`;
      return parentPrecedence > 0 ? `(${text})` : text;
    }
    case "binary": {
      const precedence = PRECEDENCE[expr.op];
      // Left-associative: the right operand needs parentheses at equal precedence (a-(b-c)); ^ is parenthesised both sides.
      const left = print(expr.left, expr.op === "^" ? precedence + 1 : precedence);
      const right = print(expr.right, precedence + 1);
      const text = `${left}${expr.op}${right}`;
      return precedence < parentPrecedence ? `(${text})` : text;
    }
    case "call":
      return `${expr.fn}(${expr.args.map((arg) => print(arg, 0)).join(",")})`;
  }
}

function printNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a formula constant must be finite, got ${value}`);
  const printed = String(value);
  // Excel reads 1e-7 fine, but write negative constants in parentheses so "a-−1" never happens.
  return value < 0 ? `(${printed})` : printed;
}

/** A sheet name in a reference, always quoted ('Beregning'!A1), with any ' doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The model's discount factor of programme month `month` (a cell or expression), at mid-month from the programme
 * start: (1 + SIB_DiscountRate)^−((month + 0.5)/12), as src/engine/discount.ts monthlyDiscountFactor.
 */
export function midMonthDiscountFactor(month: Expr): Expr {
  return pow(add(num(1), name("SIB_DiscountRate")), neg(div(add(month, num(0.5)), num(12))));
}
