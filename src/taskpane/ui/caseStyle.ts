/**
 * Styles of the case tools: the toolbar, the A/B comparison, and the committee summary on screen (a full-window
 * sheet) and in print (only the sheet, A4). Injected once into the page's head by {@link installCaseStyle}; the same
 * sheet styles go into the summary's HTML download.
 */

/** Styles of the summary sheet itself (screen and print), also used in the HTML download. */
export const SHEET_CSS = `
.summary-sheet { max-width: 760px; margin: 0 auto; color: #1b1b1b; font-family: "Segoe UI", system-ui, sans-serif; font-size: 13px; line-height: 1.35; }
.summary-sheet h2 { font-size: 19px; margin: 0 0 4px; }
.summary-sheet h3 { font-size: 14px; margin: 12px 0 4px; border-bottom: 1px solid #e0e0e0; }
.summary-sheet .summary-basis { color: #605e5c; margin: 0 0 6px; }
.summary-sheet .key-numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(135px, 1fr)); gap: 6px; margin: 0; }
.summary-sheet .key-number { border: 1px solid #e0e0e0; border-radius: 4px; padding: 6px; }
.summary-sheet .key-number dt { font-size: 12px; color: #605e5c; }
.summary-sheet .key-number dd { margin: 2px 0 0; display: flex; flex-direction: column; }
.summary-sheet .key-number strong { font-size: 17px; }
.summary-sheet .key-number span { font-size: 11px; color: #605e5c; }
.summary-sheet figure { margin: 10px 0 0; }
.summary-sheet figcaption { font-weight: 600; margin-bottom: 4px; }
.summary-sheet .sheet-bar-row { display: grid; grid-template-columns: minmax(90px, 34%) 1fr minmax(78px, auto); gap: 6px; align-items: center; font-size: 12px; }
.summary-sheet .sheet-bar-row.total { font-weight: 600; border-top: 1px solid #e0e0e0; }
.summary-sheet .sheet-bar { display: block; width: 100%; height: 12px; }
.summary-sheet .sheet-bar-value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary-sheet dl.terms { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 2px 16px; margin: 0; }
.summary-sheet dl.terms div { display: flex; justify-content: space-between; gap: 8px; border-bottom: 1px dotted #e0e0e0; }
.summary-sheet dl.terms dt { flex: 1 1 auto; }
.summary-sheet dl.terms dd { margin: 0; text-align: right; flex: 0 0 auto; max-width: 55%; }
.summary-sheet ul { margin: 4px 0; padding-left: 18px; }
.summary-sheet .summary-sources { font-size: 11px; color: #3b3a39; }
.summary-sheet p { margin: 4px 0; }
@media print {
  @page { size: A4; margin: 12mm; }
  .summary-sheet { font-size: 10pt; max-width: none; }
  .summary-sheet section, .summary-sheet figure, .summary-sheet .key-numbers { break-inside: avoid; }
}
`;

/** Styles of the toolbar, the comparison and the sheet's frame in the taskpane. */
const TOOLS_CSS = `
.case-tools { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; align-items: center; }
.case-tools button { font: inherit; padding: 4px 8px; border: 1px solid #8a8886; border-radius: 4px; background: #fff; cursor: pointer; }
.case-tools button:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.case-tools button[disabled] { color: #605e5c; cursor: default; }
.case-message { margin: 4px 0; }
.case-message.problems { color: #b10e1c; }
.case-message ul { margin: 2px 0; padding-left: 18px; }
#case-panel:empty { display: none; }
#case-panel { container: case-panel / inline-size; border: 1px solid #e0e0e0; border-radius: 4px; padding: 8px; margin: 6px 0; overflow-x: auto; }
#case-panel h3 { margin: 0 0 4px; font-size: 15px; }
.compare-table { border-collapse: collapse; width: 100%; font-size: 12px; }
.compare-table caption { text-align: left; color: #605e5c; padding-bottom: 4px; }
.compare-table th, .compare-table td { padding: 3px 4px; border-bottom: 1px solid #e0e0e0; text-align: right; vertical-align: top; }
.compare-table th[scope="row"], .compare-table th[scope="rowgroup"] { text-align: left; font-weight: normal; }
.compare-table tr.group th { font-weight: 600; background: #f3f2f1; }
.compare-table td { font-variant-numeric: tabular-nums; white-space: nowrap; }
@container case-panel (max-width: 560px) {
  .compare-table thead { display: none; }
  .compare-table, .compare-table tbody, .compare-table caption { display: block; }
  .compare-table tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); border-bottom: 1px solid #e0e0e0; padding: 3px 0; }
  .compare-table tr.group { display: block; }
  .compare-table tr[data-row] th { grid-column: 1 / -1; border: 0; padding: 0 2px; }
  .compare-table td { border: 0; text-align: left; padding: 0 2px; white-space: normal; }
  .compare-table td::before { content: attr(data-label); display: block; color: #605e5c; font-size: 11px; }
}
#committee-summary { position: fixed; inset: 0; overflow: auto; background: #fff; z-index: 1000; padding: 10px 12px 24px; }
#committee-summary .sheet-actions { display: flex; flex-wrap: wrap; gap: 6px; max-width: 760px; margin: 0 auto 8px; }
#committee-summary .sheet-actions button { font: inherit; padding: 4px 8px; border: 1px solid #8a8886; border-radius: 4px; background: #fff; cursor: pointer; }
#committee-summary .sheet-actions button.primary { background: #0f6cbd; color: #fff; border-color: #0f6cbd; }
#committee-summary .sheet-help { max-width: 760px; margin: 0 auto 8px; color: #605e5c; font-size: 12px; }
body.sib-summary-open { overflow: hidden; }
@media print {
  body.sib-summary-open { overflow: visible; padding: 0; }
  body.sib-summary-open > :not(#committee-summary) { display: none !important; }
  #committee-summary { position: static; overflow: visible; padding: 0; }
  #committee-summary .sheet-actions, #committee-summary .sheet-help { display: none; }
  body:not(.sib-summary-open) .case-tools, body:not(.sib-summary-open) .lang, body:not(.sib-summary-open) .views,
  body:not(.sib-summary-open) .step-nav, body:not(.sib-summary-open) .history, body:not(.sib-summary-open) .step-actions { display: none; }
}
`;

/** Adds the case tools' styles to the page once. */
export function installCaseStyle(): void {
  if (document.getElementById("case-tools-style") !== null) return;
  const style = document.createElement("style");
  style.id = "case-tools-style";
  style.textContent = `${SHEET_CSS}\n${TOOLS_CSS}`;
  document.head.append(style);
}
