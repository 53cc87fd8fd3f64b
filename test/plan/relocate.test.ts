import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { buildPlan } from "../../src/plan/buildPlan";
import { nodesOf, printFormula, type Expr } from "../../src/plan/formula";
import { freePlacement, relocatePlan } from "../../src/plan/relocate";

/** Every defined name a formula uses. */
function namesIn(expr: Expr): string[] {
  return nodesOf(expr).flatMap((node) => (node.kind === "name" ? [node.name] : []));
}

describe("a second model beside the first refers only to its own names and sheets", () => {
  it("formulas and custom validation rules use SIB2_ names and the (2) sheets", () => {
    const plan = buildPlan(expectOk(pilotScenario()), "da");
    const placement = freePlacement(
      plan,
      plan.sheets.map((s) => s.name),
      plan.names.map((n) => n.name),
    );
    expect(placement.namePrefix).toBe("SIB2_");
    const moved = relocatePlan(plan, placement.sheetNames, placement.namePrefix);
    let customRules = 0;
    for (const sheet of moved.sheets) {
      for (const cell of sheet.cells) {
        const rule = cell.validation?.rule;
        const formulas = [cell.formula, rule?.kind === "custom" ? rule.formula : undefined];
        if (rule?.kind === "custom") customRules++;
        for (const formula of formulas) {
          if (formula === undefined) continue;
          const stale = namesIn(formula).filter((n) => n.startsWith("SIB_"));
          expect(stale, `${sheet.name}!${cell.address}: ${printFormula(formula)}`).toEqual([]);
        }
      }
    }
    expect(customRules).toBeGreaterThan(3);
    expect(moved.names.every((n) => n.name.startsWith("SIB2_") && n.sheet.endsWith("(2)"))).toBe(true);
  });
});
