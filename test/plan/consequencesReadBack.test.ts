import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { parseScenarioFile } from "../../src/engine/scenarioFile";
import { buildPlan } from "../../src/plan/buildPlan";
import { readScenario, scenarioFromWorkbook } from "../../src/plan/readBack";
import type { WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());
const broad = expectOk(parseScenarioFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8")))).scenario;

/** The plan's business-case sheets only (Inputs, Consequences, Calculation, Results): what is read back and checked. */
function businessCaseSheets(plan: WorkbookPlan): WorkbookPlan {
  const kept = plan.sheets.slice(0, 4);
  const names = new Set(kept.map((sheet) => sheet.name));
  return { ...plan, sheets: kept, names: plan.names.filter((n) => names.has(n.sheet)), charts: [] };
}

/** The A1 address of the `row`-th cell (1-based) of a column-shaped defined name. */
function cellOf(plan: WorkbookPlan, definedName: string, row: number): { sheet: string; address: string } {
  const found = plan.names.find((n) => n.name === definedName);
  const match = /^\$([A-Z]+)\$(\d+):/.exec(found?.reference ?? "");
  if (found === undefined || match === null) throw new Error(`no column name ${definedName}`);
  return { sheet: found.sheet, address: `${match[1]}${Number(match[2]) + row - 1}` };
}

describe("reading the Consequences sheet back (issue 15)", () => {
  it.each(["da", "en"] as const)(
    "%s: pilot-broad.json reads back as exactly the scenario it was written from",
    (language) => {
      const workbook = evaluatePlan(businessCaseSheets(buildPlan(broad, language)));
      expect(expectOk(scenarioFromWorkbook(broad, (name) => workbook.rangeOf(name)))).toEqual(broad);
    },
  );

  it("a workbook without consequence rows reads back without them (the pilot as before)", () => {
    const workbook = evaluatePlan(businessCaseSheets(buildPlan(pilot, "da")));
    expect(expectOk(scenarioFromWorkbook(pilot, (name) => workbook.rangeOf(name)))).toEqual(pilot);
  });

  it("a change typed in a row without a price: the status names the row and the rule, the read-back refuses it", () => {
    const plan = businessCaseSheets(buildPlan(broad, "en"));
    const workbook = evaluatePlan(plan);
    const bedDay = (broad.consequences ?? []).findIndex((row) => row.id === "psychiatricBedDay") + 1;
    workbook.setInput(cellOf(plan, "SIB_Cons_Change_JOB", bedDay), -2);
    expect(workbook.valueOf("SIB_InputsValid")).toBe(0);
    expect(String(workbook.valueOf("SIB_Status"))).toBe(
      "Consequence psychiatricBedDay: no unit price: a row that changes the use of a unit needs its price in kr with price year and source (rule unitPrice)",
    );
    const read = readScenario(broad, (name) => workbook.rangeOf(name)).result;
    expect(read.ok ? [] : read.issues.map((item) => [item.field, item.rule])).toEqual([
      [`consequences[${bedDay - 1}].unitPrice`, "unitPrice"],
    ]);
    // With a price, year and mark the row is valid, and the read-back carries the change (kr per bed-day: an own figure).
    workbook.setInput(cellOf(plan, "SIB_Cons_UnitPrice", bedDay), 5_000);
    workbook.setInput(cellOf(plan, "SIB_Cons_PriceYear", bedDay), 2023);
    workbook.setInput(cellOf(plan, "SIB_Cons_Evidence", bedDay), "user");
    expect(workbook.valueOf("SIB_InputsValid")).toBe(1);
    const row = expectOk(scenarioFromWorkbook(broad, (name) => workbook.rangeOf(name))).consequences?.[bedDay - 1];
    expect([row?.changePerYear.JOB, row?.unitPrice, row?.priceYear, row?.evidence]).toEqual([-2, 5_000, 2023, "user"]);
  });
});
