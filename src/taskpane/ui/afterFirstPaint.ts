/**
 * Runs work once the first screen has been drawn (issue 14 item 11: time to interactive). Work started while the page's
 * first script runs delays the first frame: requesting the lazy chunks alone (creating and inserting six script
 * elements, the first of which starts the page's first script request) took 20–70 ms before the first paint. Scheduled
 * here it runs in the task after the first frame instead.
 *
 * A page that is not drawn gets no animation frames (Excel's shared runtime can load the page without showing the
 * taskpane, and its custom functions must still arrive), so a timer runs the work after `fallbackMs` if no frame came.
 * The work runs once.
 * @example afterFirstPaint(() => void loadViews());
 */
export function afterFirstPaint(work: () => void, fallbackMs = AFTER_FIRST_PAINT_FALLBACK_MS): void {
  let done = false;
  const runOnce = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const fallback = setTimeout(runOnce, fallbackMs);
  // The frame callback runs before the frame is drawn; the timer it sets runs in the task after the drawing.
  requestAnimationFrame(() => setTimeout(runOnce, 0));
}

/** How long to wait for a first frame before running the work anyway (a page loaded without being shown), in ms. */
export const AFTER_FIRST_PAINT_FALLBACK_MS = 200;
