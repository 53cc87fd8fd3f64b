import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import {
  add,
  and,
  bool,
  call,
  div,
  eq,
  gt,
  ifThen,
  le,
  lt,
  mul,
  name,
  ne,
  neg,
  not,
  num,
  or,
  pow,
  printFormula,
  ref,
  sub,
  text,
  type Expr,
} from "../../src/plan/formula";
import { isLiteral, simplify } from "../../src/plan/simplify";

const printed = (expr: Expr): string => printFormula(simplify(expr));

describe("printFormula", () => {
  it("parenthesises by Excel's precedence", () => {
    // Excel reads -2^2 as (-2)^2 = 4: the negation of a power keeps its parentheses.
    expect(printFormula(neg(pow(num(2), num(2))))).toBe("-(2^2)");
    expect(printFormula(pow(neg(num(2)), num(2)))).toBe("(-2)^2");
    expect(printFormula(sub(ref("A1"), sub(ref("B1"), ref("C1"))))).toBe("A1-(B1-C1)");
    expect(printFormula(sub(sub(ref("A1"), ref("B1")), ref("C1")))).toBe("A1-B1-C1");
    expect(printFormula(mul(add(ref("A1"), num(1)), ref("B1")))).toBe("(A1+1)*B1");
    expect(printFormula(add(ref("A1"), neg(ref("B1"))))).toBe("A1+(-B1)");
  });
  it("quotes sheet names and doubles quotes in text", () => {
    expect(printFormula(ref("A1", "Kunde's ark"))).toBe("'Kunde''s ark'!A1");
    expect(printFormula(text('sagde "nej"'))).toBe('"sagde ""nej"""');
    expect(printFormula(bool(true))).toBe("TRUE()");
  });
  it("refuses a non-finite constant", () => {
    expect(() => printFormula(num(Number.NaN))).toThrow(/finite/);
  });
});

describe("simplify: the listed identities", () => {
  const x = ref("C20");
  it.each<[string, Expr, string]>([
    ["x-0", sub(x, num(0)), "C20"],
    ["x+0", add(x, num(0)), "C20"],
    ["0+x", add(num(0), x), "C20"],
    ["0-x", sub(num(0), x), "-C20"],
    ["x*1", mul(x, num(1)), "C20"],
    ["1*x", mul(num(1), x), "C20"],
    ["x/1", div(x, num(1)), "C20"],
    ["--x", neg(neg(x)), "C20"],
    ["AND(c,FALSE)", and(gt(x, num(0)), eq(num(0), num(1))), "FALSE()"],
    ["AND(c,TRUE)", and(gt(x, num(0)), eq(num(1), num(1))), "C20>0"],
    ["OR(c,TRUE)", or(gt(x, num(0)), eq(num(1), num(1))), "TRUE()"],
    ["NOT(0=0)", not(eq(num(0), num(0))), "FALSE()"],
    ["NOT(a=b)", not(eq(x, ref("D1"))), "C20<>D1"],
    ["NOT(a<b)", not(lt(x, ref("D1"))), "C20>=D1"],
    ["NOT(NOT(c))", not(not(gt(x, num(0)))), "C20>0"],
    ["IF(TRUE,a,b)", ifThen(eq(num(1), num(1)), x, ref("D1")), "C20"],
    ["IF(FALSE,a,b)", ifThen(lt(num(1), num(0)), x, ref("D1")), "D1"],
    ["MIN(MIN(a,b),c)", call("MIN", call("MIN", x, ref("D1")), name("SIB_Cap")), "MIN(C20,D1,SIB_Cap)"],
    ["nested AND", and(and(gt(x, num(0)), lt(x, num(9))), ne(x, num(3))), "AND(C20>0,C20<9,C20<>3)"],
  ])("%s", (_, expr, expected) => {
    expect(printed(expr)).toBe(expected);
  });
  it("keeps what is not an identity: x*0, meaningful literal arithmetic, a logical turned into a number", () => {
    expect(printed(mul(x, num(0)))).toBe("C20*0");
    expect(printed(div(num(52), num(12)))).toBe("52/12");
    expect(printed(mul(gt(x, num(0)), num(1)))).toBe("(C20>0)*1");
    expect(printed(and(ref("A1")))).toBe("AND(A1)");
  });
  it("reports a formula that folds to a literal", () => {
    expect(isLiteral(simplify(add(num(0), num(0))))).toBe(true);
    expect(isLiteral(simplify(add(x, num(0))))).toBe(false);
  });
});

/** Random formula trees over three cells (A1..A3) with the literals a generator writes (0, 1, 2). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr; logical: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Expr>(num(0), num(1), num(2), ref("A1"), ref("A2"), ref("A3")),
    fc.tuple(fc.constantFrom(add, sub, mul), tie("expr"), tie("expr")).map(([op, a, b]) => op(a, b)),
    tie("expr").map((a) => neg(a)),
    fc.tuple(tie("logical"), tie("expr"), tie("expr")).map(([c, a, b]) => ifThen(c, a, b)),
    fc
      .tuple(fc.constantFrom("MIN", "MAX") as fc.Arbitrary<"MIN" | "MAX">, tie("expr"), tie("expr"), tie("expr"))
      .map(([fn, a, b, c]) => call(fn, call(fn, a, b), c)),
  ),
  logical: fc.oneof(
    { depthSize: "small" },
    fc.tuple(fc.constantFrom(eq, ne, lt, le, gt), tie("expr"), tie("expr")).map(([op, a, b]) => op(a, b)),
    fc.tuple(tie("logical"), tie("logical")).map(([a, b]) => and(a, b)),
    fc.tuple(tie("logical"), tie("logical")).map(([a, b]) => or(a, b)),
    tie("logical").map((a) => not(a)),
  ),
})).expr;

describe("simplify: properties", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const once = simplify(expr);
        expect(simplify(once)).toEqual(once);
      }),
      { seed: 12, numRuns: 500 },
    );
  });
  it("keeps the value: HyperFormula gives the same result before and after, for random cell values", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("S")) ?? 0;
    fc.assert(
      fc.property(
        exprArbitrary,
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        (expr, values) => {
          values.forEach((value, row) => hf.setCellContents({ sheet, row, col: 0 }, value));
          hf.setCellContents({ sheet, row: 0, col: 1 }, `=${printFormula(expr)}`);
          hf.setCellContents({ sheet, row: 1, col: 1 }, `=${printFormula(simplify(expr))}`);
          const before = hf.getCellValue({ sheet, row: 0, col: 1 });
          const after = hf.getCellValue({ sheet, row: 1, col: 1 });
          expect(after).toEqual(before);
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });
});
