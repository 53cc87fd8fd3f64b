/** Where the taskpane runs: in Excel (office.js loaded, host Excel) or in a plain browser. */
export interface DetectedHost {
  readonly host: "excel" | "browser";
  /** Office's display language (e.g. "da-DK") in Excel; the browser's language otherwise. */
  readonly displayLanguage: string | undefined;
}

/** How long to wait for Office.onReady before treating the page as a plain browser page. */
export const OFFICE_READY_TIMEOUT_MS = 5_000;

/**
 * Detects the host. Without office.js (offline, blocked) or without a host (a plain browser tab, where office.js
 * reports host null) the page is a browser page; so it is when Office.onReady does not answer in time.
 */
export function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<DetectedHost> {
  const browser: DetectedHost = { host: "browser", displayLanguage: navigator.language };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(browser);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(browser), timeoutMs);
    void Office.onReady((info) => {
      clearTimeout(timer);
      if (info.host === Office.HostType.Excel) {
        resolve({ host: "excel", displayLanguage: Office.context.displayLanguage });
      } else resolve(browser);
    });
  });
}
