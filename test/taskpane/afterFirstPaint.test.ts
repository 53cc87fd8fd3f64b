/**
 * src/taskpane/ui/afterFirstPaint.ts: the work the first screen leaves for later (the preview's tables and chart, the
 * lazy chunks) runs in the task after the first frame, or after the fallback time when no frame comes (Excel's shared
 * runtime can load the page without showing it, and its custom functions must still load), and only once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AFTER_FIRST_PAINT_FALLBACK_MS, afterFirstPaint } from "../../src/taskpane/ui/afterFirstPaint";

/** The frame callbacks the page asked for, run by {@link drawFrame} as the browser would at its next frame. */
let frameCallbacks: FrameRequestCallback[] = [];

function drawFrame(): void {
  const callbacks = frameCallbacks;
  frameCallbacks = [];
  for (const callback of callbacks) callback(performance.now());
}

beforeEach(() => {
  vi.useFakeTimers();
  frameCallbacks = [];
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frameCallbacks.push(callback));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("afterFirstPaint", () => {
  it("runs the work in the task after the first frame, not during it and not before it", () => {
    const work = vi.fn();
    afterFirstPaint(work);
    vi.advanceTimersByTime(0);
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    // The frame callback itself runs before the frame's style, layout and paint: the work must wait for the next task.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("runs the work after the fallback time when the page gets no frame (loaded without being shown)", () => {
    const work = vi.fn();
    afterFirstPaint(work);
    vi.advanceTimersByTime(AFTER_FIRST_PAINT_FALLBACK_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("runs the work once when both the frame and the fallback come", () => {
    const work = vi.fn();
    afterFirstPaint(work, 50);
    drawFrame();
    vi.advanceTimersByTime(1_000);
    drawFrame();
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    afterFirstPaint(late, 50);
    vi.advanceTimersByTime(50);
    drawFrame();
    vi.advanceTimersByTime(1_000);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
