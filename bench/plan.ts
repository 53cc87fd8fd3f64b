import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectOk } from "../src/engine/errors";
import { pilotModel } from "../src/engine/modelFile";
import { writeModel } from "../src/excel/writeModel";
import { planToXlsx } from "../src/export/xlsx";
import { buildPlan } from "../src/plan/buildPlan";
import type { WorkbookPlan } from "../src/plan/types";
import { recalculateWithLibreOffice, sofficePath } from "../test/support/libreoffice";
import { RecordingExcel } from "../test/support/recordingExcel";
import { count } from "./timing";

/** Plan sizes and build times (48 and 120 months), syncs per write, .xlsx size and LibreOffice recalculation time. */
export async function runPlanBench(): Promise<string[]> {
  const model = expectOk(pilotModel());
  const lines: string[] = [];
  let pilotPlan: WorkbookPlan | null = null;
  for (const horizonMonths of [48, 120]) {
    const scenario = { ...model.scenario, horizonMonths };
    const options = { paymentTerms: model.paymentTerms, investorTerms: model.investorTerms };
    buildPlan(scenario, "da", options);
    const runs = 20;
    const start = performance.now();
    let plan = buildPlan(scenario, "da", options);
    for (let i = 1; i < runs; i++) plan = buildPlan(scenario, "da", options);
    const milliseconds = (performance.now() - start) / runs;
    const cells = plan.sheets.flatMap((sheet) => sheet.cells);
    lines.push(
      `Plan, ${horizonMonths} months: ${count(cells.length)} cells, ${count(cells.filter((c) => c.formula !== undefined).length)} formulas, ${plan.names.length} names, ${plan.sheets.length} sheets; built in ${milliseconds.toFixed(1)} ms`,
    );
    if (horizonMonths === 48) pilotPlan = plan;
  }
  if (pilotPlan === null) return lines;
  const recorder = new RecordingExcel();
  const { syncs } = await writeModel(pilotPlan, recorder.host());
  lines.push(`Excel writer: ${syncs} context.sync calls per write (48-month pilot model)`);
  const bytes = await planToXlsx(pilotPlan);
  lines.push(`.xlsx export of the 48-month pilot model: ${count(bytes.length / 1024)} KB`);
  if (sofficePath() === null) {
    lines.push("LibreOffice recalculation: skipped (apt-get install -y libreoffice-calc-nogui)");
    return lines;
  }
  const directory = mkdtempSync(join(tmpdir(), "sib-bench-"));
  try {
    const file = join(directory, "pilot.xlsx");
    writeFileSync(file, bytes);
    recalculateWithLibreOffice(file, join(directory, "out1"), join(directory, "profile"));
    const { seconds } = recalculateWithLibreOffice(file, join(directory, "out2"), join(directory, "profile"));
    lines.push(
      `LibreOffice headless open + full recalculation + save of the pilot .xlsx: ${seconds.toFixed(2)} s (warm profile)`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return lines;
}
