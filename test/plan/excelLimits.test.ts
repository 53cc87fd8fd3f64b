import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile, pilotModel, type Model } from "../../src/engine/modelFile";
import { MAX_HORIZON_MONTHS } from "../../src/engine/rules";
import { buildPlan } from "../../src/plan/buildPlan";
import { cellFormula } from "../../src/plan/formula";
import { freePlacement, relocatePlan } from "../../src/plan/relocate";
import type { WorkbookPlan } from "../../src/plan/types";

/** Excel's limits (support.microsoft.com, "Excel specifications and limits"; data validation dialog limits). */
const MAX_FORMULA_CHARACTERS = 8192;
const MAX_VALIDATION_TITLE = 32;
const MAX_VALIDATION_PROMPT = 255;
const MAX_VALIDATION_ERROR = 225;
/** The wizard's largest number of cohorts (src/taskpane/state/model.ts). */
const WIZARD_MAX_COHORTS = 60;

const pilot = expectOk(pilotModel());
const contract = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));

/** The largest model the wizard can write: 420 months, 60 cohorts three months apart, the contract's terms. */
function largest(base: Model, cohorts: number): Model {
  const scenario = {
    ...base.scenario,
    horizonMonths: MAX_HORIZON_MONTHS,
    cohorts: Array.from({ length: cohorts }, (_, index) => ({ participants: 5 + (index % 7), intakeMonth: 3 * index })),
  };
  return { ...base, scenario };
}

function plans(model: Model): WorkbookPlan[] {
  return (["da", "en"] as const).map((language) => {
    const plan = buildPlan(model.scenario, language, {
      paymentTerms: model.paymentTerms,
      investorTerms: model.investorTerms,
      checks: true,
    });
    // Written beside an existing model: longer sheet names ("Betaling (2)") and prefixes (SIB2_) in every reference.
    const placement = freePlacement(
      plan,
      plan.sheets.map((sheet) => sheet.name),
      plan.names.map((n) => n.name),
    );
    return relocatePlan(plan, placement.sheetNames, placement.namePrefix);
  });
}

describe("Excel's limits hold at the largest configuration", () => {
  it.each([
    ["wizard maximum: 420 months, 60 cohorts, contract terms", largest(contract, WIZARD_MAX_COHORTS)],
    ["a scenario file with 150 cohorts", largest(pilot, 150)],
  ] as const)("every formula ≤ 8,192 characters: %s", (_, model) => {
    let longest = { where: "", length: 0 };
    for (const plan of plans(model)) {
      for (const sheet of plan.sheets) {
        for (const cell of sheet.cells) {
          if (cell.formula === undefined) continue;
          const length = cellFormula(cell.formula).length;
          if (length > longest.length) longest = { where: `${sheet.name}!${cell.address}`, length };
        }
      }
    }
    console.log(`longest formula: ${longest.where}, ${longest.length} characters`);
    expect(longest.length).toBeLessThanOrEqual(MAX_FORMULA_CHARACTERS);
  });

  it("data validation texts fit Excel's dialog (title ≤ 32, input message ≤ 255, error ≤ 225)", () => {
    let validated = 0;
    for (const plan of [...plans(pilot), ...plans(contract)]) {
      for (const sheet of plan.sheets) {
        for (const cell of sheet.cells) {
          if (cell.validation === undefined) continue;
          validated++;
          const where = `${sheet.name}!${cell.address}`;
          expect(cell.role, where).toBe("input");
          expect(cell.validation.title.length, where).toBeLessThanOrEqual(MAX_VALIDATION_TITLE);
          expect(cell.validation.prompt.length, `${where}: ${cell.validation.prompt}`).toBeLessThanOrEqual(
            MAX_VALIDATION_PROMPT,
          );
          expect(cell.validation.error.length, `${where}: ${cell.validation.error}`).toBeLessThanOrEqual(
            MAX_VALIDATION_ERROR,
          );
        }
      }
    }
    expect(validated).toBeGreaterThan(100);
  });

  it("every input cell has data validation", () => {
    for (const plan of plans(contract)) {
      for (const sheet of plan.sheets) {
        const unvalidated = sheet.cells.filter((cell) => cell.role === "input" && cell.validation === undefined);
        expect(unvalidated.map((cell) => `${sheet.name}!${cell.address}`)).toEqual([]);
      }
    }
  });
});
