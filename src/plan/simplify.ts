import { bool, neg, num, type BinaryOperator, type Expr } from "./formula";

/**
 * Folds the identities a generator leaves in a formula, so every formula reads as a person would write it. The rules
 * (and only these) apply bottom-up, to literals the plan itself wrote, never to a cell's value:
 * - `x+0`, `0+x`, `x-0` → `x`; `0-x` → `-x`; `x*1`, `1*x`, `x/1` → `x`; `--x` → `x`; `-(2)` → `(-2)`;
 * - a comparison of two number literals → TRUE/FALSE; `NOT(TRUE)` → FALSE; `NOT(a=b)` → `a<>b` (each comparison to
 *   its opposite); `NOT(NOT(c))` → `c` for a logical `c`;
 * - `AND`/`OR`: nested calls flattened, neutral literals dropped (TRUE in AND, FALSE in OR), an absorbing literal
 *   decides (FALSE in AND, TRUE in OR), one logical argument left → that argument, none → the neutral literal;
 * - `IF(TRUE,a,b)` → `a`, `IF(FALSE,a,b)` → `b`;
 * - `MIN(MIN(a,b),c)` → `MIN(a,b,c)`, the same for MAX.
 * Not folded on purpose: `x*0` (x may be an error a reader must see) and literal arithmetic with meaning (`52/12`).
 * @example printFormula(simplify(sub(ref("C20"), num(0)))) // "C20"
 */
export function simplify(expr: Expr): Expr {
  switch (expr.kind) {
    case "unary":
      return simplifyNegation(simplify(expr.arg));
    case "binary":
      return simplifyBinary(expr.op, simplify(expr.left), simplify(expr.right));
    case "call":
      return simplifyCall(expr.fn, expr.args.map(simplify));
    default:
      return expr;
  }
}

/** True when a formula folded to a literal (a cell that would hold `=0` or `=TRUE`: write a value instead). */
export function isLiteral(expr: Expr): boolean {
  return expr.kind === "number" || expr.kind === "text" || expr.kind === "bool";
}

const isNumber = (expr: Expr, value: number): boolean => expr.kind === "number" && expr.value === value;

const OPPOSITE: Readonly<Partial<Record<BinaryOperator, BinaryOperator>>> = {
  "=": "<>",
  "<>": "=",
  "<": ">=",
  ">=": "<",
  ">": "<=",
  "<=": ">",
};

/** True for an expression whose value is always TRUE or FALSE (or an error). */
function isLogical(expr: Expr): boolean {
  if (expr.kind === "bool") return true;
  if (expr.kind === "binary") return OPPOSITE[expr.op] !== undefined;
  return expr.kind === "call" && (expr.fn === "AND" || expr.fn === "OR" || expr.fn === "NOT" || expr.fn === "ISNUMBER");
}

function simplifyNegation(arg: Expr): Expr {
  if (arg.kind === "number") return num(arg.value === 0 ? 0 : -arg.value);
  if (arg.kind === "unary" && !isLogical(arg.arg)) return arg.arg;
  return neg(arg);
}

function compareLiterals(op: BinaryOperator, left: number, right: number): boolean | null {
  switch (op) {
    case "=":
      return left === right;
    case "<>":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    default:
      return null;
  }
}

function simplifyBinary(op: BinaryOperator, left: Expr, right: Expr): Expr {
  // An arithmetic identity never drops the operator that turns a logical value into a number (TRUE+0 is 1).
  if (!isLogical(left) && (op === "+" || op === "-") && isNumber(right, 0)) return left;
  if (!isLogical(right) && op === "+" && isNumber(left, 0)) return right;
  if (!isLogical(right) && op === "-" && isNumber(left, 0)) return simplifyNegation(right);
  if (!isLogical(left) && (op === "*" || op === "/") && isNumber(right, 1)) return left;
  if (!isLogical(right) && op === "*" && isNumber(left, 1)) return right;
  if (left.kind === "number" && right.kind === "number") {
    const compared = compareLiterals(op, left.value, right.value);
    if (compared !== null) return bool(compared);
  }
  return { kind: "binary", op, left, right };
}

function simplifyCall(fn: Extract<Expr, { kind: "call" }>["fn"], args: readonly Expr[]): Expr {
  switch (fn) {
    case "NOT":
      return args.length === 1 && args[0] !== undefined ? simplifyNot(args[0]) : { kind: "call", fn, args };
    case "AND":
    case "OR":
      return simplifyJunction(fn, args);
    case "IF": {
      const [condition, then, otherwise] = args;
      if (condition?.kind === "bool" && then !== undefined && otherwise !== undefined) {
        return condition.value ? then : otherwise;
      }
      return { kind: "call", fn, args };
    }
    case "MIN":
    case "MAX":
      return {
        kind: "call",
        fn,
        args: args.flatMap((arg) => (arg.kind === "call" && arg.fn === fn ? arg.args : [arg])),
      };
    default:
      return { kind: "call", fn, args };
  }
}

function simplifyNot(arg: Expr): Expr {
  if (arg.kind === "bool") return bool(!arg.value);
  if (arg.kind === "binary") {
    const opposite = OPPOSITE[arg.op];
    if (opposite !== undefined) return { ...arg, op: opposite };
  }
  if (arg.kind === "call" && arg.fn === "NOT" && arg.args[0] !== undefined && isLogical(arg.args[0]))
    return arg.args[0];
  return { kind: "call", fn: "NOT", args: [arg] };
}

function simplifyJunction(fn: "AND" | "OR", args: readonly Expr[]): Expr {
  const neutral = fn === "AND";
  const flat = args.flatMap((arg) => (arg.kind === "call" && arg.fn === fn ? arg.args : [arg]));
  if (flat.some((arg) => arg.kind === "bool" && arg.value !== neutral)) return bool(!neutral);
  const kept = flat.filter((arg) => arg.kind !== "bool");
  const only = kept[0];
  if (kept.length === 0) return bool(neutral);
  if (kept.length === 1 && only !== undefined && isLogical(only)) return only;
  return { kind: "call", fn, args: kept };
}
