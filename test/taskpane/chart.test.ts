import { describe, expect, it } from "vitest";
import { breakEvenMonth, computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { barSpans, LINE_BOX, lineGeometry, niceTicks } from "../../src/taskpane/ui/chart";

const pilot = expectOk(pilotScenario());

describe("the preview's charts", () => {
  it("round ticks that cover the range and include 0", () => {
    expect(niceTicks(-1_200_000, 3_100_000, 4)).toEqual([-2_000_000, 0, 2_000_000, 4_000_000]);
    expect(niceTicks(-1_200_000, 3_100_000, 8)).toEqual([-2e6, -1e6, 0, 1e6, 2e6, 3e6, 4e6]);
    expect(niceTicks(0, 50, 5)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(5, 5, 4)).toEqual([5]);
  });

  it("the business-case line crosses zero for good exactly at the break-even month the number shows (review: 33 vs 38)", () => {
    const numbers = expectOk(computeCaseNumbers(pilot, PILOT_PAYMENT_TERMS, {}));
    const month = numbers.breakEvenMonth;
    expect(month).toBe(38);
    const series = numbers.businessCaseCumulative;
    // The same definition as the engine's breakEvenMonth: Σ_{m<T} DF(m)·flow(m) ≥ 0 from T on, to the horizon.
    const businessCase = computeBusinessCase(pilot);
    let running = 0;
    const written = businessCase.monthly.netFlow.municipality.map(
      (flow, m) => (running += flow * (businessCase.monthly.discountFactor[m] ?? 0)),
    );
    expect(series).toEqual(written);
    expect(breakEvenMonth(businessCase.monthly.netFlow.municipality, businessCase.monthly.discountFactor)).toBe(38);
    const geometry = lineGeometry([{ key: "withoutSib", label: "", values: series }], LINE_BOX);
    const points = geometry.lines[0]?.points ?? [];
    const zero = geometry.y(0);
    // Point k is the value after k months (point 0 is the start at 0): below zero at 37, at or above from 38 on.
    expect(points[37]?.[1]).toBeGreaterThan(zero);
    for (let k = 38; k < points.length; k++) expect(points[k]?.[1]).toBeLessThanOrEqual(zero + 1e-9);
    expect(points[38]?.[0]).toBeCloseTo(geometry.x(38), 12);
    // The SIB line (savings − payments) is a different series: it turns positive elsewhere, and is labelled so.
    expect(numbers.municipalityCumulative).not.toEqual(series);
  });

  it("bars start at zero: losses to the left, gains to the right, widths in proportion", () => {
    const { zero, spans } = barSpans([
      { key: "a", value: -1 },
      { key: "b", value: 3 },
      { key: "c", value: 1.5 },
    ]);
    expect(zero).toBeCloseTo(0.25, 12);
    expect(spans).toEqual([
      { key: "a", start: 0, width: 0.25 },
      { key: "b", start: 0.25, width: 0.75 },
      { key: "c", start: 0.25, width: 0.375 },
    ]);
    expect(barSpans([{ key: "z", value: 0 }]).spans).toEqual([{ key: "z", start: 0, width: 0 }]);
  });

  it("y ticks cover every value and x ticks the months", () => {
    const geometry = lineGeometry([{ key: "s", label: "", values: [-5, -2, 4, 9] }]);
    expect(Math.min(...geometry.yTicks)).toBeLessThanOrEqual(-5);
    expect(Math.max(...geometry.yTicks)).toBeGreaterThanOrEqual(9);
    expect(geometry.xTicks[0]).toBe(0);
    expect(geometry.months).toBe(4);
    expect(geometry.x(0)).toBe(LINE_BOX.left);
    expect(geometry.x(4)).toBe(LINE_BOX.width - LINE_BOX.right);
  });
});
