/**
 * Keyboard behaviour of a modal dialog (the committee summary, issue 14): Escape closes it, and Tab / Shift+Tab stay
 * inside it (from the last control to the first and back), so a keyboard user never lands in the page behind it.
 */

/** Controls that can take focus with Tab. */
const FOCUSABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "[tabindex]:not([tabindex='-1'])",
].join(",");

/**
 * The controls of a container that Tab reaches, in document order (hidden ones left out).
 * @example focusableIn(dialog).map((node) => node.id) // ["summary-print", "summary-html", "summary-close"]
 */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (node) => !node.hidden && node.closest("[hidden]") === null && node.getClientRects().length > 0,
  );
}

/**
 * A keydown listener for a modal dialog: Escape calls `close`; Tab on the last control (or outside the controls)
 * moves to the first, Shift+Tab on the first (or on the dialog's heading) moves to the last.
 * @example el("div", { role: "dialog", onkeydown: dialogKeys(() => frame, close) }, …)
 */
export function dialogKeys(dialog: () => HTMLElement, close: () => void): (event: Event) => void {
  return (event) => {
    if (!(event instanceof KeyboardEvent)) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab") return;
    const controls = focusableIn(dialog());
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const index = active instanceof HTMLElement ? controls.indexOf(active) : -1;
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === controls.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  };
}
