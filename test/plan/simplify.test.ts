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
  ge,
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

/**
 * Each rule's edges, one test per hole Stryker found or could find in src/plan/simplify.ts (docs/mutation.md, simplify
 * table): a guard removed, a condition forced true or false, a table entry blanked. Expected formulas written by hand.
 * Last in the file on purpose: a mutant these kill got past every test above, the property tests included.
 */
describe("simplify: the edges of each rule (Stryker survivors)", () => {
  const x = ref("C20");
  const y = ref("D1");
  const c = gt(x, num(0));
  it("a negated literal: -(2) is the literal -2, and -(0) is +0, not -0", () => {
    expect(simplify(neg(num(2)))).toEqual(num(-2));
    expect(printed(neg(num(2)))).toBe("(-2)");
    const zero = simplify(neg(num(0)));
    expect(zero).toEqual(num(0));
    expect(zero.kind === "number" && Object.is(zero.value, 0)).toBe(true);
    expect(printed(sub(num(0), num(0)))).toBe("0");
  });

  it.each<[string, Expr, string]>([
    ["--(c) keeps its minus signs (TRUE → 1)", neg(neg(c)), "-(-(C20>0))"],
    ["(c)+0", add(c, num(0)), "(C20>0)+0"],
    ["(c)-0", sub(c, num(0)), "(C20>0)-0"],
    ["0+(c)", add(num(0), c), "0+(C20>0)"],
    ["0-(c)", sub(num(0), c), "0-(C20>0)"],
    ["1*(c)", mul(num(1), c), "1*(C20>0)"],
    ["(c)/1", div(c, num(1)), "(C20>0)/1"],
    ["TRUE+0", add(bool(true), num(0)), "TRUE()+0"],
    ["AND(..)+0", add(and(c, lt(x, num(9))), num(0)), "AND(C20>0,C20<9)+0"],
    ["OR(..)+0", add(or(c, lt(x, num(9))), num(0)), "OR(C20>0,C20<9)+0"],
    ["NOT(x)+0", add(not(x), num(0)), "NOT(C20)+0"],
    ["ISNUMBER(x)+0", add(call("ISNUMBER", x), num(0)), "ISNUMBER(C20)+0"],
  ])("a logical value turned into a number keeps its operator: %s", (_, expr, expected) => {
    expect(printed(expr)).toBe(expected);
  });

  it.each<[string, Expr, string]>([
    ["(x+y)+0", add(add(x, y), num(0)), "C20+D1"],
    ["(x*y)-0", sub(mul(x, y), num(0)), "C20*D1"],
    ["MIN(x,y)*1", mul(call("MIN", x, y), num(1)), "MIN(C20,D1)"],
    ["0+SUM(x)", add(num(0), call("SUM", x)), "SUM(C20)"],
    ["1*(x/y)", mul(num(1), div(x, y)), "C20/D1"],
  ])("a number that is not logical still folds: %s", (_, expr, expected) => {
    expect(printed(expr)).toBe(expected);
  });

  it.each<[string, (a: Expr, b: Expr) => Expr, [boolean, boolean, boolean]]>([
    ["=", eq, [false, true, false]],
    ["<>", ne, [true, false, true]],
    ["<", lt, [true, false, false]],
    ["<=", le, [true, true, false]],
    [">", gt, [false, false, true]],
    [">=", ge, [false, true, true]],
  ])("two literals compared with %s fold to TRUE/FALSE (1 vs 2, 2 vs 2, 2 vs 1)", (_, op, expected) => {
    expect([op(num(1), num(2)), op(num(2), num(2)), op(num(2), num(1))].map(simplify)).toEqual(expected.map(bool));
  });

  it("literal arithmetic is not folded: 2+3, 2-3, 2*3 and 2^3 stay", () => {
    expect(printed(add(num(2), num(3)))).toBe("2+3");
    expect(printed(sub(num(2), num(3)))).toBe("2-3");
    expect(printed(mul(num(2), num(3)))).toBe("2*3");
    expect(printed(pow(num(2), num(3)))).toBe("2^3");
  });

  it.each<[string, Expr, string]>([
    ["NOT(a<>b)", not(ne(x, y)), "C20=D1"],
    ["NOT(a>=b)", not(ge(x, y)), "C20<D1"],
    ["NOT(a>b)", not(gt(x, y)), "C20<=D1"],
    ["NOT(a<=b)", not(le(x, y)), "C20>D1"],
    ["NOT(FALSE)", not(lt(num(1), num(0))), "TRUE()"],
  ])("NOT of a comparison is the opposite comparison: %s", (_, expr, expected) => {
    expect(printed(expr)).toBe(expected);
  });

  it("NOT is kept where it is not a comparison or a logical: NOT(x+y), NOT(NOT(x)), NOT with two arguments", () => {
    expect(printed(not(add(x, y)))).toBe("NOT(C20+D1)");
    expect(printed(not(x))).toBe("NOT(C20)");
    // NOT(NOT(5)) is TRUE, not 5: only a logical argument may lose its two NOTs.
    expect(printed(not(not(x)))).toBe("NOT(NOT(C20))");
    expect(printed(call("NOT", x, y))).toBe("NOT(C20,D1)");
  });

  it("AND/OR: only the same function is flattened; OR drops FALSE; all neutral gives the neutral literal", () => {
    expect(printed(and(or(c, lt(x, num(9))), ne(x, num(3))))).toBe("AND(OR(C20>0,C20<9),C20<>3)");
    expect(printed(or(and(c, lt(x, num(9))), ne(x, num(3))))).toBe("OR(AND(C20>0,C20<9),C20<>3)");
    expect(printed(or(or(c, lt(x, num(9))), ne(x, num(3))))).toBe("OR(C20>0,C20<9,C20<>3)");
    expect(printed(or(c, lt(num(1), num(0))))).toBe("C20>0");
    expect(printed(and(eq(num(1), num(1)), eq(num(2), num(2))))).toBe("TRUE()");
    expect(printed(or(eq(num(0), num(1)), lt(num(1), num(0))))).toBe("FALSE()");
    expect(printed(or(c, eq(num(1), num(1)), x))).toBe("TRUE()");
    expect(printed(and(c, eq(num(0), num(1)), x))).toBe("FALSE()");
    // AND(5) is TRUE, not 5: one argument left is unwrapped only when logical.
    expect(printed(and(x, eq(num(1), num(1))))).toBe("AND(C20)");
    expect(printed(or(x, lt(num(1), num(0))))).toBe("OR(C20)");
  });

  it("MIN/MAX: only the same function is flattened, MAX as MIN", () => {
    expect(printed(call("MAX", call("MAX", x, y), name("SIB_Cap")))).toBe("MAX(C20,D1,SIB_Cap)");
    expect(printed(call("MIN", call("MAX", x, y), name("SIB_Cap")))).toBe("MIN(MAX(C20,D1),SIB_Cap)");
    expect(printed(call("MAX", call("MIN", x, y), x))).toBe("MAX(MIN(C20,D1),C20)");
    expect(printed(call("MIN", x, add(y, num(0))))).toBe("MIN(C20,D1)");
  });

  it("IF folds only a literal condition with both branches; other functions keep their arguments, simplified", () => {
    expect(printed(call("IF", lt(num(1), num(0)), x))).toBe("IF(FALSE(),C20)");
    expect(printed(call("IF", eq(num(1), num(1)), x))).toBe("IF(TRUE(),C20)");
    expect(printed(ifThen(c, add(x, num(0)), y))).toBe("IF(C20>0,C20,D1)");
    expect(printed(call("SUM", add(x, num(0)), mul(y, num(1))))).toBe("SUM(C20,D1)");
    expect(printed(call("ROUND", sub(x, num(0)), num(0)))).toBe("ROUND(C20,0)");
  });

  it("isLiteral: numbers, texts and booleans are literals; references, names, calls and operations are not", () => {
    expect([num(0), text("a"), bool(false)].map(isLiteral)).toEqual([true, true, true]);
    expect([x, name("SIB_Cap"), call("SUM", x), add(x, y), neg(x)].map(isLiteral)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isLiteral(simplify(and(eq(num(1), num(1)))))).toBe(true);
  });
});
