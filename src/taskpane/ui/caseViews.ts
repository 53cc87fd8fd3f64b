/**
 * The comparison and the committee summary with the figures they need: loaded only when the user pins a case,
 * compares or opens the summary (the lazy chunk casetools.js), so they are not part of the initial scripts.
 */
export { caseFigures } from "../preview/caseFigures";
export { compareTable } from "./compareView";
export { summarySheet } from "./summaryView";
