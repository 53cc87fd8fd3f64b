import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile, pilotModel } from "../../src/engine/modelFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { nodesOf, printFormula, type Expr } from "../../src/plan/formula";
import type { SheetPlan } from "../../src/plan/types";

/**
 * Excel's 0^0 is #NUM!, while HyperFormula and LibreOffice (the engines the tests run) return 1 (review M20): no test
 * that evaluates a formula can see it. So every power in the workbook must be one whose base or exponent cannot be 0,
 * for a reason listed here. Any other power fails this test until it is written safely and listed.
 */
const SAFE_POWERS: readonly { readonly shape: RegExp; readonly why: string }[] = [
  { shape: /^1\+SIB_DiscountRate \^ /, why: "the discount rate is above −1 (its rule's exclusive minimum)" },
  { shape: /^1\+SIB_InvHurdleRate \^ /, why: "the hurdle rate is above −1 (its rule's exclusive minimum)" },
  { shape: /^1\+SIB_InvCapIRR \^ /, why: "the IRR cap is at least 0 (its rule)" },
  { shape: /^1\+IRR\(/, why: "an IRR Excel finds is above −1; no IRR is an error caught by IFERROR" },
  { shape: /^SIB_InvMultiple \^ 1\/MAX\(1,/, why: "the exponent 1/MAX(1, …) is never 0" },
  {
    shape: /^SIB_Persistence \^ C-SIB_MeasurementMonth$/,
    why: "g(t): only in IF(t=M,1,ρ^(t−M)) inside IF(t<M,…), so the exponent is at least 1",
  },
  {
    shape: /^\$A\$\d+ \^ C-SIB_MeasurementMonth$/,
    why: "the Sensitivity sheet's g(t) at a grid row's persistence ρ_i: as SIB_Persistence above, only in IF(t=M,1,…)",
  },
  {
    shape: /^1\+SIB_BudgetPriceIndex \^ C-SIB_BudgetPriceYear$/,
    why: "the Budget sheet's price factor: the price change has a data validation from −50 % to 50 %, so 1 + π ≥ 0.5",
  },
  {
    shape: /^1\+SIB_BudgetPaymentIndexation \^ C$/,
    why: "the Budget sheet's contract index (1 + π_c)^⌊m/12⌋: π_c has a data validation from 0 % to 20 %, so 1 + π_c ≥ 1",
  },
  {
    shape:
      /^SIB_Persistence\+\(SIB_Persistence=0\)\*\(\([A-Z]+\d+-SIB_CohortIntakeMonths-SIB_MeasurementMonth-SIB_PayLagMonths\+ABS\(/,
    why: "the sustainment card's ρ^j (sustainmentBlock.ts): the base ρ + [ρ = 0]·[j = 0] is 1 when ρ and j are both 0",
  },
  {
    shape: /^SIB_Persistence \^ C$/,
    why: "the rate card's months after measurement, a label above 0 (a metric at 0 months is written without a power)",
  },
];

/** The power's shape: base and exponent printed, cell references as C. */
const shapeOf = (node: Extract<Expr, { kind: "binary" }>): string =>
  `${printFormula(node.left)} ^ ${printFormula(node.right).replace(/\$?[A-Z]{1,3}\$?\d+/g, "C")}`;

function problems(sheets: readonly SheetPlan[]): { problems: string[]; powers: number } {
  const found: string[] = [];
  let powers = 0;
  for (const sheet of sheets) {
    const labels = new Map(sheet.cells.map((cell) => [cell.address, cell]));
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      const printed = printFormula(cell.formula);
      for (const node of nodesOf(cell.formula)) {
        if (node.kind !== "binary" || node.op !== "^") continue;
        powers++;
        const shape = shapeOf(node);
        const where = `${sheet.name}!${cell.address}: ${shape}`;
        const safe = SAFE_POWERS.find((entry) => entry.shape.test(shape));
        if (safe === undefined) found.push(`${where} is not a listed safe power`);
        else if (shape.endsWith("C-SIB_MeasurementMonth") && !/IF\([A-Z]+\d+=SIB_MeasurementMonth,1,/.test(printed)) {
          found.push(`${where} is not guarded by IF(t=M,1,…)`);
        } else if (shape === "SIB_Persistence ^ C") {
          const exponent = node.right.kind === "ref" ? labels.get(node.right.address.replace(/\$/g, "")) : undefined;
          const value = exponent?.value;
          if (exponent?.role !== "label" || typeof value !== "number" || !(value > 0)) {
            found.push(`${where}: the exponent cell is not a label above 0`);
          }
        }
      }
    }
  }
  return { problems: found, powers };
}

describe("no power in the workbook can be 0^0 (#NUM! in Excel only)", () => {
  const contract = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
  it.each([
    ["pilot", expectOk(pilotModel())],
    ["contract.json (sustainment metrics, IRR cap, hurdle)", contract],
  ] as const)("%s, both languages, with the Check sheet", (_, model) => {
    for (const language of ["da", "en"] as const) {
      const plan = buildPlan(model.scenario, language, { ...model, checks: true });
      const result = problems(plan.sheets);
      expect(result.problems).toEqual([]);
      expect(result.powers).toBeGreaterThan(100);
    }
  });
});
