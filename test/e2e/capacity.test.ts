import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { OUTCOME_STATES } from "../../src/engine/states";
import { pilotModel } from "../../src/engine/modelFile";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import { planToXlsx } from "../../src/export/xlsx";
import { STATUS_NAME, VALID_NAME } from "../../src/plan/blocks/checks";
import { buildPlan } from "../../src/plan/buildPlan";
import { workbookNames } from "../../src/plan/outputs";
import type { WorkbookPlan } from "../../src/plan/types";
import { recalculateAllWithLibreOffice } from "../support/libreoffice";

/**
 * The workbook guards itself in LibreOffice too: a horizon typed beyond the written capacity, or a share typed as a
 * percent number, shows the check's message in every result; with spare capacity a longer horizon recalculates to the
 * engine's numbers. Each case writes the .xlsx, edits an input cell as a user would, recalculates in LibreOffice
 * headless and reads every named result back.
 */
const artifacts = join("test-artifacts", "e2e-capacity");
const pilot = expectOk(pilotScenario());

/** The cell (sheet, address) a single-cell defined name points at. */
function cellOf(plan: WorkbookPlan, definedName: string): { sheet: string; address: string } {
  const found = plan.names.find((n) => n.name === definedName);
  if (found === undefined) throw new Error(`no ${definedName}`);
  return { sheet: found.sheet, address: found.reference.replace(/\$/g, "").split(":")[0] ?? "" };
}

/** Writes the plan (or the given .xlsx bytes) with the edits applied as `<tag>.xlsx`; returns its path. */
async function edited(
  plan: WorkbookPlan,
  tag: string,
  edits: readonly { sheet: string; address: string; value: number }[],
  bytes?: Uint8Array,
): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((bytes ?? (await planToXlsx(plan))).buffer as ArrayBuffer);
  for (const edit of edits) {
    const sheet = workbook.getWorksheet(edit.sheet);
    if (sheet === undefined) throw new Error(`no sheet ${edit.sheet}`);
    sheet.getCell(edit.address).value = edit.value;
  }
  const input = join(artifacts, `${tag}.xlsx`);
  writeFileSync(input, Buffer.from(await workbook.xlsx.writeBuffer()));
  return input;
}

/** The value of every single-cell name of the plan in a workbook LibreOffice recalculated and saved. */
async function namedValuesOf(plan: WorkbookPlan, output: string): Promise<Map<string, unknown>> {
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.readFile(output);
  const values = new Map<string, unknown>();
  for (const definedName of plan.names) {
    if (definedName.reference.includes(":")) continue;
    const { sheet, address } = cellOf(plan, definedName.name);
    const value = saved.getWorksheet(sheet)?.getCell(address).value as unknown;
    const result =
      typeof value === "object" && value !== null && "formula" in value
        ? ((value as { result?: unknown }).result ?? 0)
        : value;
    values.set(definedName.name, result);
  }
  return values;
}

/**
 * 1e-9 relative; an attribution cell relative to its column's gross size Σ|rows| (the reference's row is Σ Δ × its
 * value, Σ Δ a rounding residue near 1e-17, which LibreOffice and the engine sum differently).
 */
function scaleOf(all: Record<string, number | null>, definedName: string, expected: number): number {
  const match = /^(SIB_Attribution(?:PerParticipant)?_[A-Za-z]+)_([A-Z_a-z]+)$/.exec(definedName);
  const gross =
    match === null
      ? 0
      : [...OUTCOME_STATES, "Cost"].reduce((sum, row) => sum + Math.abs(all[`${match[1]}_${row}`] ?? 0), 0);
  return Math.max(1, Math.abs(expected), gross);
}

function expectEngine(values: Map<string, unknown>, scenario: Scenario): void {
  const all = workbookNames(scenario, computeBusinessCase(scenario));
  for (const [definedName, expected] of Object.entries(all)) {
    const value = values.get(definedName);
    if (expected === null) {
      expect(typeof value, definedName).toBe("string");
      continue;
    }
    expect(typeof value, `${definedName} = ${String(value)}`).toBe("number");
    const scale = scaleOf(all, definedName, expected);
    expect(Math.abs((value as number) - expected) / scale, definedName).toBeLessThanOrEqual(1e-9);
  }
}

/** The cases' workbooks as LibreOffice recalculated them (every single-cell name's value), by tag. */
const recalculated = new Map<string, Map<string, unknown>>();
/** Output of `npm run workbook -- --capacity-months 120 --lang en` (written before the LibreOffice run). */
const cliOut = join(artifacts, "cli-capacity-120.xlsx");

function valuesOf(tag: string): Map<string, unknown> {
  const values = recalculated.get(tag);
  if (values === undefined) throw new Error(`no recalculated workbook ${tag}`);
  return values;
}

/**
 * Writes each case's workbook with its edit (as a user would type it), then one LibreOffice start recalculates all
 * five (its start-up is several seconds of each conversion); the tests below read the saved values.
 */
beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const cases: { tag: string; plan: WorkbookPlan; input: string }[] = [];
  const add = async (
    tag: string,
    plan: WorkbookPlan,
    edits: readonly { sheet: string; address: string; value: number }[],
    bytes?: Uint8Array,
  ): Promise<void> => {
    cases.push({ tag, plan, input: await edited(plan, tag, edits, bytes) });
  };
  const da = buildPlan(pilot, "da");
  await add("horizon-over-capacity", da, [{ ...cellOf(da, "SIB_HorizonMonths"), value: 60 }]);
  const spare = buildPlan(pilot, "en", { capacityMonths: 120 });
  await add("spare-capacity", spare, [{ ...cellOf(spare, "SIB_HorizonMonths"), value: 60 }]);
  const run = spawnSync(
    "npm",
    ["run", "--silent", "workbook", "--", "--capacity-months", "120", "--lang", "en", "--out", cliOut],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`npm run workbook --capacity-months 120 failed: ${run.stderr}`);
  const model = expectOk(pilotModel());
  // The same plan the CLI wrote, for the cells' addresses.
  const cli = buildPlan(model.scenario, "en", { ...model, capacityMonths: 120 });
  await add("cli-capacity", cli, [{ ...cellOf(cli, "SIB_HorizonMonths"), value: 96 }], readFileSync(cliOut));
  const en = buildPlan(pilot, "en");
  const shares = en.names.find((n) => n.name === "SIB_ParticipantShares");
  const first = shares?.reference.replace(/\$/g, "").split(":")[0] ?? "";
  await add("share-as-percent", en, [{ sheet: shares?.sheet ?? "", address: first, value: 18 }]);
  await add("pilot", da, []);
  const { outputs } = recalculateAllWithLibreOffice(
    cases.map((c) => c.input),
    join(artifacts, "out"),
    join(artifacts, "profile"),
  );
  for (const [index, { tag, plan }] of cases.entries()) {
    recalculated.set(tag, await namedValuesOf(plan, outputs[index] ?? ""));
  }
}, 900_000);

describe("LibreOffice: the workbook refuses what it cannot compute", () => {
  it("horizon 60 in a model written for 50 months: the message in every result (da)", () => {
    const values = valuesOf("horizon-over-capacity");
    const status = String(values.get(STATUS_NAME));
    expect(status).toMatch(/skrevet til 50 måneder; skriv den igen fra guiden for 60 måneder/);
    expect(values.get(VALID_NAME)).toBe(0);
    for (const definedName of Object.keys(workbookNames(pilot, computeBusinessCase(pilot)))) {
      expect(values.get(definedName), definedName).toBe(status);
    }
  });

  it("horizon 60 in a model written with spare capacity (120 months): the engine's numbers (en)", () => {
    const values = valuesOf("spare-capacity");
    expect(values.get(VALID_NAME)).toBe(1);
    expectEngine(values, { ...pilot, horizonMonths: 60 });
  });

  it("npm run workbook -- --capacity-months 120: the horizon raised to 96 in the file recalculates to the engine", () => {
    const values = valuesOf("cli-capacity");
    expect(values.get("SIB_CapacityMonths")).toBe(120);
    expectEngine(values, { ...pilot, horizonMonths: 96 });
    const refused = spawnSync(
      "npm",
      ["run", "--silent", "workbook", "--", "--capacity-months", "40", "--out", cliOut],
      { encoding: "utf8" },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--capacity-months must be a whole number of months from the horizon \(50\) to 420/);
  });

  it("a share typed as 18 (a percent number): the check's message, not 2.8 million kr", () => {
    const values = valuesOf("share-as-percent");
    expect(values.get(VALID_NAME)).toBe(0);
    expect(String(values.get(STATUS_NAME))).toMatch(/Participant share: every cell must be a share from 0 % to 100 %/);
    expect(typeof values.get("SIB_NPVPerParticipant_Municipality")).toBe("string");
  });

  it("the pilot as written: the engine's numbers, status OK", () => {
    const values = valuesOf("pilot");
    expect(values.get(VALID_NAME)).toBe(1);
    expectEngine(values, pilot);
  });
});
