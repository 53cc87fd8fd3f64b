import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import type { PlanCell, WorkbookPlan } from "../../src/plan/types";

/**
 * Issue 10 item 4: with several municipalities the single kommuneskat and weeks on benefit of the Inputs sheet do not
 * drive the business case (each municipality has its own, in the Municipalities table), so the workbook must not show
 * them as yellow inputs that count: a plain cell with a note beside it. With one municipality they stay inputs.
 */
const herningViborg = expectOk(
  parseScenarioFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8")) as unknown),
).scenario;
const pilot = expectOk(pilotScenario(2023));

/** The cell a single-cell defined name points at, and the cell three columns to its right (the source column). */
function cellOf(plan: WorkbookPlan, definedName: string): { value: PlanCell; note: PlanCell | undefined } {
  const found = plan.names.find((entry) => entry.name === definedName);
  const match = /^\$([A-Z]+)\$(\d+)$/.exec(found?.reference ?? "");
  if (found === undefined || match === null) throw new Error(`${definedName} is not a single cell`);
  const sheet = plan.sheets.find((candidate) => candidate.name === found.sheet);
  const column = match[1] ?? "";
  const row = match[2] ?? "";
  const value = sheet?.cells.find((entry) => entry.address === `${column}${row}`);
  if (value === undefined) throw new Error(`no cell at ${found.reference}`);
  // Columns on the Inputs sheet: label A, value B, unit C, source D.
  const note = sheet?.cells.find((entry) => entry.address === `D${row}`);
  return { value, note };
}

describe("several municipalities: the single kommuneskat and weeks are not shown as inputs that count", () => {
  it.each(["da", "en"] as const)(
    "Herning and Viborg (%s): plain cells with a note naming the Municipalities table",
    (language) => {
      const plan = buildPlan(herningViborg, language);
      for (const definedName of ["SIB_MunicipalTaxRate", "SIB_WeeksOnBenefitAtIntake"]) {
        const { value, note } = cellOf(plan, definedName);
        expect(value.role, definedName).toBe("label");
        expect(value.validation, definedName).toBeUndefined();
        expect(typeof value.value, definedName).toBe("number");
        expect(String(note?.value), definedName).toContain(
          language === "da" ? "tabellen Kommuner" : "Municipalities table",
        );
        expect(plan.names.find((entry) => entry.name === definedName)?.role).toBe("label");
      }
      // The tax note says it is not used at all; the weeks note names the one place that still uses it.
      expect(String(cellOf(plan, "SIB_MunicipalTaxRate").note?.value)).toMatch(
        language === "da" ? /^Bruges ikke/ : /^Not used/,
      );
      expect(String(cellOf(plan, "SIB_WeeksOnBenefitAtIntake").note?.value)).toContain(
        language === "da" ? "horisont × vedvarenhed" : "horizon × persistence",
      );
    },
  );

  it("the pilot (one combined municipality): both stay validated yellow inputs with their sources", () => {
    const plan = buildPlan(pilot, "da");
    for (const definedName of ["SIB_MunicipalTaxRate", "SIB_WeeksOnBenefitAtIntake"]) {
      const { value, note } = cellOf(plan, definedName);
      expect(value.role, definedName).toBe("input");
      expect(value.validation, definedName).toBeDefined();
      expect(String(note?.value), definedName).not.toContain("Kommuner");
    }
  });
});
