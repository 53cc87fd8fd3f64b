/**
 * The custom functions SIB.* on the taskpane page, which is Excel's shared runtime (manifest.xml: SharedRuntime): the
 * same files, in the same order, as the entry functions.js (runtimeGuard first, then FUNCTION_FILES of
 * scripts/functions-metadata.cjs, to which the metadata plugin appends the CustomFunctions.associate calls). The
 * taskpane loads this module as the lazy chunk customfunctions.js right after the wizard is interactive (issue 14
 * item 11), so the engine modules the wizard already holds are loaded once and the function wrappers are not part of
 * the initial script. functions.js stays a standalone bundle for a runtime without the page.
 * Checked by test/taskpane/bundle.test.ts (the imports equal FUNCTION_FILES).
 */
import "../../functions/runtimeGuard";
import "../../functions/functions";
import "../../functions/payment";
import "../../functions/investor";
import "../../functions/stats";
import "../../functions/stress";
import "../../functions/budget";

/** True once the module ran (its imports associated every function with Excel or the inert stand-in). */
export const CUSTOM_FUNCTIONS_REGISTERED = true;
