import { writeModel } from "../src/excel/writeModel";
import { MAX_REQUEST_BYTES } from "../src/excel/requestSize";
import { MODEL_SIZES, sizedPlan } from "../test/support/largestModel";
import { RecordingExcel } from "../test/support/recordingExcel";
import { count } from "./timing";

const MB = 1_000_000;

/**
 * Requests of the Office.js writer from the pilot to the largest model the product accepts, measured with the
 * recording stand-in of Excel.RequestContext (test/support/recordingExcel.ts): syncs, and per write request its
 * UTF-8 size (RichApi JSON), its formulas + number formats alone and its actions. Ceiling 4 MB; Excel on the web
 * refuses 5 MB.
 */
export async function runExcelRequestsBench(): Promise<string[]> {
  const lines = [`Ceiling per request: ${(MAX_REQUEST_BYTES / MB).toFixed(1)} MB (UTF-8 bytes of the RichApi JSON)`];
  for (const size of MODEL_SIZES) {
    const recorder = new RecordingExcel(["Ark1"]);
    const plan = sizedPlan(size, "da");
    const start = performance.now();
    const report = await writeModel(plan, recorder.host("da-DK"));
    const seconds = (performance.now() - start) / 1000;
    const writes = recorder.requests.slice(1);
    const sizes = writes.map((request) => (request.bytes / MB).toFixed(2)).join(" + ");
    const arrays = writes.reduce((sum, request) => sum + request.cellArrayBytes, 0);
    const actions = writes.reduce((sum, request) => sum + request.actions, 0);
    lines.push(
      `${size.horizonMonths} months, ${size.cohorts} cohort(s): ${count(report.cells)} cells, ${report.syncs} syncs ` +
        `(1 read + ${writes.length} write); write requests ${sizes} MB (formulas + formats ${(arrays / MB).toFixed(2)} MB, ` +
        `${count(actions)} actions); largest ${(Math.max(...writes.map((request) => request.bytes)) / MB).toFixed(2)} MB; ` +
        `planned and queued in ${seconds.toFixed(1)} s`,
    );
  }
  return lines;
}
