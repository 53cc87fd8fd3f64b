import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_HURDLE_RATE } from "../../src/engine/investor/summary";
import { pilotModel } from "../../src/engine/modelFile";
import { deadweightCore } from "../../src/engine/payment/deadweight";
import { computePaymentSchedule } from "../../src/engine/payment/schedule";
import { tornado } from "../../src/engine/stress/sensitivity";
import { planToXlsx } from "../../src/export/xlsx";
import { parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";
import { recalculateWithLibreOffice } from "../support/libreoffice";

/**
 * The Sensitivity sheet's live blocks and the Payment sheet's deadweight, recalculated by LibreOffice (no cached value
 * trusted), equal the engine: every cell of the horizon × persistence grid (the engine re-run at that horizon and
 * persistence), every tornado output (SIB.TORNADO's rows; the live ones recomputed by LibreOffice), and the payment at
 * zero effect.
 */
const artifacts = join("test-artifacts", "e2e-sensitivity");

/** A formula cell's result as LibreOffice saved it (ExcelJS drops a result of exactly 0: then it is 0). */
function resultOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? 0 : result;
  }
  return value;
}

/** The values of a defined name's range, row by row. */
function rangeValues(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const [range] = workbook.definedNames.getRanges(name).ranges;
  const match = range === undefined ? null : /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range);
  if (match === null) throw new Error(`no range ${name}`);
  const sheet = workbook.getWorksheet(match[1] ?? "");
  if (sheet === undefined) throw new Error(`no sheet for ${name}`);
  const first = parseCell(`${match[2]}${match[3]}`);
  const last = parseCell(`${match[4] ?? match[2]}${match[5] ?? match[3]}`);
  const rows: unknown[][] = [];
  for (let row = first.row; row <= last.row; row++) {
    const line: unknown[] = [];
    for (let column = first.column; column <= last.column; column++) {
      line.push(resultOf(sheet.getCell(row, column + 1).value as unknown));
    }
    rows.push(line);
  }
  return rows;
}

const relative = (value: unknown, expected: number): number =>
  Math.abs((value as number) - expected) / Math.max(1, Math.abs(expected));

describe("the Sensitivity sheet and the deadweight recalculated by LibreOffice equal the engine", () => {
  it("pilot (da): horizon × persistence grid, tornado, payment at zero effect", async () => {
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const { scenario, paymentTerms, investorTerms } = expectOk(pilotModel());
    const plan = buildPlan(scenario, "da", { paymentTerms, investorTerms });
    const source = join(artifacts, "pilot-sensitivity.xlsx");
    writeFileSync(source, await planToXlsx(plan));
    const { output, seconds } = recalculateWithLibreOffice(
      source,
      join(artifacts, "recalculated"),
      join(artifacts, ".lo-profile"),
    );
    console.log(`LibreOffice recalculation: ${seconds.toFixed(2)} s`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);

    const grid = rangeValues(workbook, "SIB_SensHorizonPersistence");
    const horizons = [24, 36, scenario.horizonMonths, 72, 120];
    const persistences = [scenario.persistence, 0.9, 0.95, 0.98, 0.99, 1];
    persistences.forEach((persistence, i) =>
      horizons.forEach((horizonMonths, j) => {
        const engine = computeBusinessCase({ ...scenario, horizonMonths, persistence }).npv.perParticipant.municipality;
        expect(typeof grid[i]?.[j], `ρ ${persistence}, T ${horizonMonths}`).toBe("number");
        expect(relative(grid[i]?.[j], engine), `ρ ${persistence}, T ${horizonMonths}`).toBeLessThan(1e-9);
      }),
    );

    const engineTornado = expectOk(
      tornado(
        { scenario, paymentTerms, investorTerms },
        "municipalityNet",
        investorTerms.hurdleRate ?? DEFAULT_HURDLE_RATE,
      ),
    );
    const cells = rangeValues(workbook, "SIB_SensTornado");
    engineTornado.rows.forEach((row, i) => {
      expect(relative(cells[i]?.[0], row.outputLow), row.input).toBeLessThan(1e-9);
      expect(relative(cells[i]?.[1], row.outputHigh), row.input).toBeLessThan(1e-9);
    });

    const schedule = computePaymentSchedule(scenario, computeBusinessCase(scenario), paymentTerms);
    const deadweight = deadweightCore(scenario, schedule, paymentTerms);
    const [[atZero]] = rangeValues(workbook, "SIB_PayZeroEffect") as [[unknown]];
    expect(relative(atZero, deadweight.paymentAtZeroEffect)).toBeLessThan(1e-9);
    // 56 × (0.12 × 198,090 + 0.10 × 99,045) kr, the review's 1,885,817 kr (economist.md 3.2 item 1).
    expect(Math.abs((atZero as number) - 1_885_817)).toBeLessThanOrEqual(1);
  }, 600_000);
});
