import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../../src/engine/investor/terms";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { withPriceFactor } from "../../src/engine/stress/deal";
import { seededGenerator } from "../../src/engine/stress/random";
import { tornado } from "../../src/engine/stress/sensitivity";
import { simulate } from "../../src/engine/stress/simulate";
import { DEFAULT_UNCERTAINTY } from "../../src/engine/stress/uncertainty";
import { planToXlsx } from "../../src/export/xlsx";
import { parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";
import type { WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan, type EvaluatedWorkbook } from "../support/hyperformulaWorkbook";
import { readParts } from "../support/xlsxParts";

const pilot = expectOk(pilotScenario());
const DATE = "2026-12-01";
const investorTerms = { ...DEFAULT_INVESTOR_TERMS, hurdleRate: 0.08 };

function plan(terms: PaymentTerms, language: "da" | "en"): WorkbookPlan {
  return buildPlan(pilot, language, { paymentTerms: terms, investorTerms, computedOn: DATE });
}

/** Freezes an object and everything in it (a test that changed the shared plan would throw in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
let pilotPlanEn: WorkbookPlan | undefined;
/** The pilot with the pilot's terms in English, built once for the five tests that read it (was one build each). */
function pilotPlan(): WorkbookPlan {
  pilotPlanEn ??= deepFreeze(plan(PILOT_PAYMENT_TERMS, "en"));
  return pilotPlanEn;
}

/** The cells of a named range's rows (text and numbers), by row. */
function cellsOf(workbook: EvaluatedWorkbook, name: string): unknown[][] {
  const values = workbook.rangeOf(name);
  if (values === undefined) throw new Error(`no ${name}`);
  return values;
}

/** The text in column A of the rows of a named range (the tornado's input labels). */
function rowLabels(p: WorkbookPlan, workbook: EvaluatedWorkbook, name: string): string[] {
  const definedName = p.names.find((n) => n.name === name);
  if (definedName === undefined) throw new Error(`no ${name}`);
  const [from, to] = definedName.reference.replace(/\$/g, "").split(":");
  const first = parseCell(from ?? "").row;
  const last = parseCell(to ?? "").row;
  const sheet = workbook.hf.getSheetId(definedName.sheet) ?? -1;
  return Array.from({ length: last - first + 1 }, (_, i) =>
    String(workbook.hf.getCellValue({ sheet, row: first - 1 + i, col: 0 })),
  );
}

const LABELS_EN: Record<string, string> = {
  effect: "Effect (times the measured)",
  priceFactor: "Prices (factor on the rate card)",
  costPerParticipant: "Cost per participant (kr)",
  persistence: "Persistence a month",
  lagMonths: "Claim lag (months)",
  discountRate: "Discount rate (municipality, a year)",
  hurdleRate: "Hurdle rate (the investor, a year)",
};

describe("the Sensitivity sheet's tornado and Monte Carlo table equal the engine", () => {
  it("tornado (en): every row at low and high equals SIB.TORNADO('municipalityNet') in the engine's order", () => {
    const p = pilotPlan();
    const workbook = evaluatePlan(p);
    expect(workbook.errors()).toEqual([]);
    const engine = expectOk(
      tornado({ scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms }, "municipalityNet", 0.08),
    );
    const cells = cellsOf(workbook, "SIB_SensTornado");
    expect(rowLabels(p, workbook, "SIB_SensTornado")).toEqual(engine.rows.map((row) => LABELS_EN[row.input]));
    engine.rows.forEach((row, i) => {
      for (const [value, expected] of [
        [cells[i]?.[0], row.outputLow],
        [cells[i]?.[1], row.outputHigh],
      ] as const) {
        expect(typeof value, row.input).toBe("number");
        expect(Math.abs((value as number) - expected) / Math.max(1, Math.abs(expected)), row.input).toBeLessThan(1e-9);
      }
    });
    // The workbook's own municipal net PV is the engine's base.
    expect(workbook.valueOf("SIB_MunicipalityNetPV") as number).toBeCloseTo(engine.base, 6);
  });

  it("live rows are formulas: a price raised in the workbook moves the price-factor row as the engine re-run does", () => {
    const p = pilotPlan();
    const workbook = evaluatePlan(p);
    const labels = rowLabels(p, workbook, "SIB_SensTornado");
    const priceRow = labels.indexOf(LABELS_EN.priceFactor ?? "");
    const costRow = labels.indexOf(LABELS_EN.costPerParticipant ?? "");
    expect(priceRow).toBeGreaterThanOrEqual(0);
    // Raise the self-supporting price by 10 % in the workbook (the first rate-card line).
    const prices = p.names.find((n) => n.name === "SIB_PayPrices");
    const first = (prices?.reference.replace(/\$/g, "").split(":")[0] ?? "").trim();
    const raised: PaymentTerms = {
      ...PILOT_PAYMENT_TERMS,
      rateCard: PILOT_PAYMENT_TERMS.rateCard.map((line, k) => (k === 0 ? { ...line, price: line.price * 1.1 } : line)),
    };
    workbook.setInput({ sheet: prices?.sheet ?? "", address: first }, raised.rateCard[0]?.price ?? 0);
    const engine = expectOk(tornado({ scenario: pilot, paymentTerms: raised, investorTerms }, "municipalityNet", 0.08));
    const engineRow = engine.rows.find((row) => row.input === "priceFactor");
    const cells = cellsOf(workbook, "SIB_SensTornado");
    expect(cells[priceRow]?.[0] as number).toBeCloseTo(engineRow?.outputLow ?? Number.NaN, 4);
    expect(cells[priceRow]?.[1] as number).toBeCloseTo(engineRow?.outputHigh ?? Number.NaN, 4);
    // The cost does not enter the municipality's net: both ends are the new base.
    expect(cells[costRow]?.[0] as number).toBeCloseTo(engine.base, 4);
  });

  it("with a contract cap the price row is the engine's value, labelled as computed by the add-in (da)", () => {
    const capped: PaymentTerms = { ...PILOT_PAYMENT_TERMS, contractCap: 3_000_000 };
    const p = plan(capped, "da");
    const workbook = evaluatePlan(p);
    expect(workbook.errors()).toEqual([]);
    const engine = expectOk(tornado({ scenario: pilot, paymentTerms: capped, investorTerms }, "municipalityNet", 0.08));
    const cells = cellsOf(workbook, "SIB_SensTornado");
    engine.rows.forEach((row, i) => {
      expect(Math.abs((cells[i]?.[0] as number) - row.outputLow), row.input).toBeLessThan(
        1e-6 * Math.abs(row.outputLow) + 1e-6,
      );
    });
    const sheet = p.sheets.find((s) => s.name === "Følsomhed");
    const texts = sheet?.cells.map((c) => c.value).filter((v): v is string => typeof v === "string") ?? [];
    expect(texts).toContain(`beregnet af tilføjelsesprogrammet, ${DATE}`);
    expect(texts.some((t) => t.includes(`beregnet af tilføjelsesprogrammet, frø 1, ${DATE}`))).toBe(true);
    // The engine's price row at 0.8 and 1.2, checked against a direct evaluation with every price scaled.
    const direct = expectOk(
      tornado({ scenario: pilot, paymentTerms: withPriceFactor(capped, 1), investorTerms }, "municipalityNet", 0.08),
    );
    expect(direct.rows.find((row) => row.input === "priceFactor")?.outputLow).toBe(
      engine.rows.find((row) => row.input === "priceFactor")?.outputLow,
    );
  });

  it("Monte Carlo table: SIB.SIMULATE's percentiles with seed 1 and 1,000 draws, as labelled values", () => {
    const p = pilotPlan();
    const workbook = evaluatePlan(p);
    const summary = expectOk(
      simulate(
        { scenario: pilot, paymentTerms: PILOT_PAYMENT_TERMS, investorTerms },
        DEFAULT_UNCERTAINTY,
        1_000,
        seededGenerator(1),
      ),
    );
    const cells = cellsOf(workbook, "SIB_SensMonteCarlo");
    const row = (d: typeof summary.irr): number[] => [d.p5, d.p10, d.p50, d.p90, d.p95, d.mean];
    expect(cells).toEqual([row(summary.irr), row(summary.multiple), row(summary.municipalityNet)]);
    const texts = p.sheets
      .flatMap((s) => s.cells.map((c) => c.value))
      .filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes(`computed by the add-in, seed 1, ${DATE}, 1,000 draws`))).toBe(true);
  });

  it("the tornado chart: horizontal bars with overlapping series in the .xlsx, BarClustered in the plan", async () => {
    const p = pilotPlan();
    const chart = p.charts.find((c) => c.sheet === "Sensitivity");
    expect(chart?.type).toBe("barClustered");
    const parts = await readParts(await planToXlsx(p));
    const xml = parts.paths
      .filter((path) => path.startsWith("xl/charts/"))
      .map((path) => parts.text(path))
      .find((text) => text.includes("Tornado"));
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
  });

  it("without payment terms the sheet has the grids only (no tornado, no simulation)", () => {
    const p = buildPlan(pilot, "en");
    expect(p.names.some((n) => n.name === "SIB_SensTornado")).toBe(false);
    expect(p.names.some((n) => n.name === "SIB_SensHorizonPersistence")).toBe(true);
  });

  it("addInValues: false leaves out the tornado and the Monte Carlo table only; the default keeps them", () => {
    const full = pilotPlan();
    const lean = buildPlan(pilot, "en", {
      paymentTerms: PILOT_PAYMENT_TERMS,
      investorTerms,
      computedOn: DATE,
      addInValues: false,
    });
    const addIn = ["SIB_SensTornado", "SIB_SensMonteCarlo"];
    expect(addIn.every((name) => full.names.some((n) => n.name === name))).toBe(true);
    expect(lean.names.filter((n) => addIn.includes(n.name))).toEqual([]);
    expect(lean.names).toEqual(full.names.filter((n) => !addIn.includes(n.name)));
    expect(lean.charts).toEqual(full.charts.filter((c) => c.type !== "barClustered"));
    expect(lean.charts.length).toBe(full.charts.length - 1);
    // Every other sheet is the same cell for cell; the Sensitivity sheet is the full one's top (the grids).
    expect(lean.sheets.filter((s) => s.name !== "Sensitivity")).toEqual(
      full.sheets.filter((s) => s.name !== "Sensitivity"),
    );
    const leanSensitivity = lean.sheets.find((s) => s.name === "Sensitivity")?.cells ?? [];
    const fullSensitivity = full.sheets.find((s) => s.name === "Sensitivity")?.cells ?? [];
    expect(leanSensitivity.length).toBeGreaterThan(0);
    expect(fullSensitivity.slice(0, leanSensitivity.length)).toEqual(leanSensitivity);
  });
});
