import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile, type Model } from "../../src/engine/modelFile";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { type PaymentTerms } from "../../src/engine/payment/terms";
import { buildPlan } from "../../src/plan/buildPlan";
import { INVESTOR_SHEET_NAMES } from "../../src/plan/investorSheet";
import { PAYMENT_SHEET_NAMES } from "../../src/plan/paymentSheet";
import { STATUS_NAME, STATUS_OK, VALID_NAME } from "../../src/plan/blocks/checks";
import { parseCell } from "../../src/plan/address";
import type { Expr } from "../../src/plan/formula";
import { contractFromWorkbook, readContract } from "../../src/plan/readBack";
import type { InputValidation, Language, PlanCell, WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";

/** A contract with every payment mechanism switched on and a principal-protected, capped investor. */
const model: Model = (() => {
  const base = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
  const paymentTerms: PaymentTerms = {
    ...base.paymentTerms,
    rateCard: [
      { metric: "selfSupporting", price: 150_000, volumeCap: 12, requires: null },
      { metric: "paidHours", price: 60_000, volumeCap: null, requires: null },
      { metric: "sustained6", price: 40_000, volumeCap: 9, requires: "selfSupporting" },
    ],
    baseline: { kind: "historical", rate: 0.05, rates: { paidHours: 0.02 } },
    threshold: { pp: 5, scope: "metric", metric: null },
    contractCap: 4_000_000,
    baseFee: 2_000,
  };
  return { ...base, paymentTerms, investorTerms: { ...base.investorTerms, returnCap: { irr: 0.08, multiple: 1.5 } } };
})();

/**
 * Values a user might type into a term cell: the bounds of every payment and investor rule, one step past them,
 * fractions for whole-number rules, large amounts, and text (the "none" texts and other text).
 */
const CANDIDATES: readonly (number | string)[] = [
  -101,
  -100,
  -1.5,
  -1,
  -0.5,
  0,
  0.25,
  1,
  1.5,
  2,
  2.5,
  3,
  10,
  10.5,
  100,
  100.5,
  120,
  121,
  1e12,
  1e12 + 1e4,
  "abc",
];
const NONE_TEXTS: Readonly<Record<Language, readonly string[]>> = {
  da: ["intet loft", "ingen tærskel", "ingen"],
  en: ["no cap", "no threshold", "none"],
};

/** The input cells of the Payment and Investor sheets, and a scratch cell evaluating each custom validation. */
interface TermCell {
  readonly sheet: string;
  readonly address: string;
  readonly value: number | string;
  readonly validation: InputValidation;
  readonly scratch: string | null;
}

function withScratchCells(plan: WorkbookPlan): { plan: WorkbookPlan; cells: TermCell[] } {
  const contractSheets = [PAYMENT_SHEET_NAMES[plan.language], INVESTOR_SHEET_NAMES[plan.language]];
  const cells: TermCell[] = [];
  const sheets = plan.sheets.map((sheet) => {
    if (!contractSheets.includes(sheet.name)) return sheet;
    const extra: PlanCell[] = [];
    for (const cell of sheet.cells) {
      if (cell.role !== "input" || cell.validation === undefined || cell.value === undefined) continue;
      const rule = cell.validation.rule;
      const scratch = rule.kind === "custom" ? `CZ${parseCell(cell.address).row}` : null;
      if (rule.kind === "custom" && scratch !== null) extra.push(scratchCell(scratch, rule.formula));
      cells.push({ sheet: sheet.name, address: cell.address, value: cell.value, validation: cell.validation, scratch });
    }
    return { ...sheet, cells: [...sheet.cells, ...extra] };
  });
  return { plan: { ...plan, sheets }, cells };
}

const scratchCell = (address: string, formula: Expr): PlanCell => ({ address, role: "calculation", formula });

/** Does the cell's data validation accept the value? (Whole/decimal ranges in code, custom formulas evaluated.) */
function validationAccepts(workbook: EvaluatedWorkbook, cell: TermCell, value: number | string): boolean {
  const rule = cell.validation.rule;
  if (rule.kind !== "custom") {
    return (
      typeof value === "number" &&
      value >= rule.min &&
      value <= rule.max &&
      (rule.kind === "decimal" || Number.isInteger(value))
    );
  }
  const sheet = workbook.hf.getSheetId(cell.sheet) ?? -1;
  const { column, row } = parseCell(cell.scratch ?? "");
  return workbook.hf.getCellValue({ sheet, row: row - 1, col: column }) === true;
}

/**
 * The engine's verdict on the terms the workbook now holds: read back and validated, within the written capacity.
 * `cellAccepts`: the verdict on the cell alone, without relations between cells (the surplus shares' sum) and the
 * capacity, which a cell's data validation cannot see.
 */
function engineAccepts(workbook: EvaluatedWorkbook): { accepts: boolean; cellAccepts: boolean; why: string } {
  const base = { paymentTerms: model.paymentTerms, investorTerms: model.investorTerms };
  const valuesOf = (name: string): unknown[][] | undefined => workbook.rangeOf(name);
  // The sheets' formulas read any non-number in an optional term as none; the read-back lists other text than the
  // none-texts as a problem whose fallback is none, so the verdict compared is the one with those accepted.
  const accept = readContract(base, valuesOf).problems.filter((problem) => problem.fallback === "none");
  const read = contractFromWorkbook(base, valuesOf, undefined, { accept });
  if (!read.ok) {
    const why = read.issues.map((issue) => issue.message).join(" | ");
    return { accepts: false, cellAccepts: read.issues.every((issue) => issue.rule === "sum"), why };
  }
  if (read.value === null) throw new Error("no payment sheet");
  const schedule = computePaymentSchedule(model.scenario, computeBusinessCase(model.scenario), read.value.paymentTerms);
  const capacity = workbook.valueOf("SIB_CapacityPaymentMonths") as number;
  return schedule.months <= capacity
    ? { accepts: true, cellAccepts: true, why: "engine accepts" }
    : {
        accepts: false,
        cellAccepts: true,
        why: `engine accepts, but ${schedule.months} payment months exceed ${capacity}`,
      };
}

describe("the Payment and Investor sheets refuse exactly what the engine refuses", () => {
  it.each(["da", "en"] as const)(
    "every term cell, every rule's bounds and one step past them, text (%s)",
    (language) => {
      // Without the Sensitivity sheet's tornado and Monte Carlo values (engine runs, read by no check here).
      const built = buildPlan(model.scenario, language, {
        paymentTerms: model.paymentTerms,
        investorTerms: model.investorTerms,
        addInValues: false,
      });
      const { plan, cells } = withScratchCells(built);
      const workbook = evaluatePlan(plan);
      expect(workbook.valueOf(VALID_NAME)).toBe(1);
      // + 2 Payment cells of the sustainment card; 7 Investor cells: capped surplus, 5 deal costs, intermediary years;
      // 3 more: the savings-surplus rule, share and recycled cohort size.
      expect(cells.length).toBe(12 + 3 * 3 + 9 + 2 + 7 + 3);
      let refused = 0;
      for (const cell of cells) {
        for (const candidate of [...CANDIDATES, ...NONE_TEXTS[language]]) {
          workbook.setInput(cell, candidate);
          const engine = engineAccepts(workbook);
          const valid = workbook.valueOf(VALID_NAME) === 1;
          const label = `${cell.sheet}!${cell.address} = ${String(candidate)}: ${engine.why}; status ${String(workbook.valueOf(STATUS_NAME))}`;
          expect(valid, label).toBe(engine.accepts);
          if (!valid) {
            refused++;
            expect(workbook.valueOf(STATUS_NAME), label).not.toBe(STATUS_OK[language]);
            expect(typeof workbook.valueOf("SIB_PayTotal"), label).toBe("string");
            expect(typeof workbook.valueOf("SIB_InvMultiple"), label).toBe("string");
          }
          // Data validation never lets through what the engine refuses in the cell; for numbers it accepts the same.
          const accepted = validationAccepts(workbook, cell, candidate);
          if (accepted) expect(engine.cellAccepts, `validation: ${label}`).toBe(true);
          if (typeof candidate === "number") expect(accepted, `validation: ${label}`).toBe(engine.cellAccepts);
        }
        workbook.setInput(cell, cell.value);
      }
      expect(workbook.valueOf(VALID_NAME)).toBe(1);
      expect(refused).toBeGreaterThan(200);
    },
    300_000,
  );
});
