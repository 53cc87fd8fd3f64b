import type { Text } from "../state/types";
import { lazyChunk } from "./lazyChunk";

/** The lazy chunk views.js (src/taskpane/ui/lazyViews.ts): the workshop and the About page. */
export type LazyViews = typeof import("./lazyViews");

/** Shown in place of a view whose chunk has not arrived yet (it is loaded right after the first screen). */
export const VIEW_LOADING: Text = { da: "Visningen hentes, et øjeblik …", en: "The view is loading, one moment …" };

const views = lazyChunk<LazyViews>(() => import(/* webpackChunkName: "views" */ "./lazyViews"));

/**
 * The workshop and About views if views.js has loaded, else null (the app then shows that the view is on its way and
 * draws it when {@link loadViews} resolves).
 * @example viewsNow()?.aboutView("da", false)
 */
export function viewsNow(): LazyViews | null {
  return views.now();
}

/**
 * Loads views.js once (later calls share the same promise; a failed load is tried again by the next call).
 * @example void loadViews().then(() => app.render());
 */
export function loadViews(): Promise<LazyViews> {
  return views.load();
}
