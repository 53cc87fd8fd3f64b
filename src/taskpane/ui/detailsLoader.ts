/**
 * The lazy chunk details.js (src/taskpane/ui/previewDetails.ts): the preview's tables and chart and the broad case,
 * loaded after the first paint (issue 14 item 11: time to interactive).
 */
import { lazyChunk } from "./lazyChunk";

export type PreviewDetails = typeof import("./previewDetails");

const details = lazyChunk<PreviewDetails>(() => import(/* webpackChunkName: "details" */ "./previewDetails"));

/**
 * The preview's tables and chart if details.js has loaded, else null (the preview then shows its figures alone and is
 * drawn again when {@link loadDetails} resolves).
 * @example detailsNow()?.previewDetails(numbers, "da")
 */
export function detailsNow(): PreviewDetails | null {
  return details.now();
}

/**
 * Loads details.js once (later calls share the same promise; a failed load is tried again by the next call).
 * @example void loadDetails().then(() => app.showDetails());
 */
export function loadDetails(): Promise<PreviewDetails> {
  return details.load();
}
