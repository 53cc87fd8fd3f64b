import { describe, expect, it } from "vitest";
import { MAX_HORIZON_MONTHS } from "../../src/engine/validate";
import { writeModel } from "../../src/excel/writeModel";
import { MAX_REQUEST_BYTES } from "../../src/excel/requestSize";
import { MAX_WIZARD_COHORTS, MODEL_SIZES, sizedPlan, type ModelSize } from "../support/largestModel";
import { RecordingExcel, type RecordedRequest } from "../support/recordingExcel";

/**
 * Request sizes of the Office.js writer, measured with the recording stand-in of Excel.RequestContext
 * (test/support/recordingExcel.ts): Excel on the web refuses a request over 5 MB, the writer keeps each at or below
 * 4,000,000 bytes. `npm run bench` prints the figures (Workbook model section).
 */
const recorded = new Map<string, Promise<{ requests: RecordedRequest[]; recorder: RecordingExcel }>>();

/**
 * Writes a model of a size once per test file and ceiling (the largest takes a second) and checks the writer's
 * estimates.
 */
function recordWrite(
  size: ModelSize,
  ceiling = MAX_REQUEST_BYTES,
): Promise<{ requests: RecordedRequest[]; recorder: RecordingExcel }> {
  const key = `${size.horizonMonths}x${size.cohorts}@${ceiling}`;
  const done = recorded.get(key) ?? record(size, ceiling);
  recorded.set(key, done);
  return done;
}

async function record(
  size: ModelSize,
  ceiling: number,
): Promise<{ requests: RecordedRequest[]; recorder: RecordingExcel }> {
  const recorder = new RecordingExcel(["Ark1"]);
  const report = await writeModel(sizedPlan(size, "da"), recorder.host("da-DK"), { maxRequestBytes: ceiling });
  expect(report.syncs).toBe(recorder.requests.length);
  // The writer's estimate of each write request is at least what was recorded (the first request only reads).
  recorder.requests.slice(1).forEach((request, index) => {
    expect(report.requestBytes[index] ?? 0, `request ${index + 2}`).toBeGreaterThanOrEqual(request.bytes);
  });
  return { requests: recorder.requests, recorder };
}

describe("writeModel requests (recording stand-in of Excel.RequestContext)", () => {
  it("the pilot (48 months, contract terms, Check sheet, Danish Excel) takes 2 syncs: one read, one write", async () => {
    const { requests, recorder } = await recordWrite({ horizonMonths: 48, cohorts: 1 });
    expect(requests.length).toBe(2);
    expect(requests[1]?.bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(recorder.runs).toEqual([{ mergeUndoGroup: true }]);
  });

  const largest = { horizonMonths: MAX_HORIZON_MONTHS, cohorts: MAX_WIZARD_COHORTS };
  it.each([
    ...MODEL_SIZES.map((size) => [size.horizonMonths, size.cohorts, MAX_REQUEST_BYTES, size] as const),
    // The largest model under a 1 MB ceiling: the same checks with several write requests.
    [largest.horizonMonths, largest.cohorts, 1_000_000, largest] as const,
  ])(
    "%i months, %i cohorts, ceiling %i bytes: every request within it, at most one request more than the bytes need, one undo step",
    async (_months, _cohorts, ceiling, size) => {
      const { requests, recorder } = await recordWrite(size, ceiling);
      const writes = requests.slice(1);
      for (const request of requests) expect(request.bytes).toBeLessThanOrEqual(ceiling);
      const total = writes.reduce((sum, request) => sum + request.bytes, 0);
      expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / ceiling) + 1);
      if (ceiling < MAX_REQUEST_BYTES) expect(writes.length).toBeGreaterThan(2);
      expect(recorder.runs).toEqual([{ mergeUndoGroup: true }]);
      // Calculation is suspended before every write request; the last one recalculates.
      for (const request of writes) expect(request.methods[0]).toBe("suspendApiCalculationUntilNextSync");
      expect(writes[writes.length - 1]?.methods).toContain("calculate");
      expect(writes.slice(0, -1).every((request) => !request.methods.includes("calculate"))).toBe(true);
    },
  );

  it(`the largest model (420 months, ${MAX_WIZARD_COHORTS} cohorts) sets number formats after formulas on every range`, async () => {
    const { requests } = await recordWrite(largest, 1_000_000);
    let ranges = 0;
    for (const request of requests) {
      const order = new Map<number, string[]>();
      for (const { name, pathId } of request.assignments) order.set(pathId, [...(order.get(pathId) ?? []), name]);
      for (const names of order.values()) {
        if (!names.includes("numberFormat")) continue;
        expect(names.indexOf("formulas")).toBeGreaterThanOrEqual(0);
        expect(names.indexOf("formulas")).toBeLessThan(names.indexOf("numberFormat"));
        ranges++;
      }
    }
    expect(ranges).toBeGreaterThanOrEqual(8);
  });
});
