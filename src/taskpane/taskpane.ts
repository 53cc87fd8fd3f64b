/**
 * Entry of the taskpane page (taskpane.html): the wizard. In Excel it writes the model into the workbook; in a plain
 * browser (no office.js, or office.js without a host) it downloads the same model as .xlsx. The page renders at once
 * and learns the host (and Office's display language) when Office.onReady answers.
 */
import { officeCaseStore } from "./host/caseStore";
import { detectHost } from "./host/detect";
import { loadLossAdapter } from "./preview/lossLoader";
import { initialState } from "./state/reducer";
import { afterFirstPaint } from "./ui/afterFirstPaint";
import { WizardApp } from "./ui/app";
import { loadCaseFile } from "./ui/caseTools";
import { installFluentForms } from "./ui/fluent";
import { loadViews } from "./ui/viewsLoader";

declare const ADDIN_VERSION: string;

/**
 * The plan builder and the Excel writer/reader, loaded when first needed (write, open, update, download) as the lazy
 * chunk workbook.js, so they are not part of the initial scripts (issue 14 item 11).
 */
const excelHost = () => import(/* webpackChunkName: "workbook" */ "./host/excel");
const downloadHost = () => import(/* webpackChunkName: "workbook" */ "./host/download");
/**
 * The custom functions (this page is Excel's shared runtime), loaded right after the wizard is interactive as the lazy
 * chunk customfunctions.js; it takes the engine modules from taskpane.js (issue 14 item 11).
 */
const customFunctions = () => import(/* webpackChunkName: "customfunctions" */ "./host/customFunctions");

/** A lazy chunk that failed to load (offline, a blocked URL): said in the console, the wizard keeps working. */
function reportLoadFailure(chunk: string): (error: unknown) => void {
  return (error) => console.error(`SIB: ${chunk} could not be loaded`, error);
}

/** Mounts the wizard on #app (called once the page's DOM exists). */
export function main(): void {
  const root = document.getElementById("app");
  if (root === null) return;
  const app = new WizardApp(
    root,
    {
      version: ADDIN_VERSION,
      detect: () => detectHost(),
      write: async (model, language) => (await excelHost()).writeCase(model, language),
      // The case-file code first: the app reads the case file stored in the workbook once the model is read.
      open: async (base, accept) => {
        await loadCaseFile();
        return (await excelHost()).openCase(base, undefined, { accept: accept ?? [] });
      },
      update: async (base, language, spareMonths) => (await excelHost()).updateCase(base, language, spareMonths),
      download: async (model, language) => (await downloadHost()).downloadCase(model, language),
      caseStore: () => officeCaseStore(),
    },
    initialState(navigator.language),
  );
  app.start();
  performance.mark("wizard-interactive");
  // The lazy chunks, the preview's tables and chart among them (below the fold in a narrow taskpane; details.js), are
  // requested once the first screen is drawn (afterFirstPaint), not while this script runs: the requests alone delayed
  // the first frame by 20-70 ms. When all of them have loaded (or failed), #app says so with data-loaded, which the
  // end-to-end tests wait for before they type into Fluent's fields.
  afterFirstPaint(() => {
    performance.mark("chunks-requested");
    const chunks = [
      // The preview's tables and chart and the broad case: details.js.
      app.showDetails().catch(reportLoadFailure("details.js")),
      installFluentForms().catch(reportLoadFailure("fluentforms.js")),
      customFunctions().catch(reportLoadFailure("customfunctions.js")),
      // The Monte Carlo (P(loss)): the first screen shows the build-time figure of its case until this chunk has loaded.
      loadLossAdapter()
        .then(() => {
          app.refreshLoss();
          performance.mark("montecarlo-ready");
        })
        .catch(reportLoadFailure("montecarlo.js")),
      // The workshop and the About page (their tabs on the first screen): views.js.
      loadViews().catch(reportLoadFailure("views.js")),
      // Saving and opening case files (the toolbar above every step): casetools.js.
      loadCaseFile().catch(reportLoadFailure("casetools.js")),
    ];
    void Promise.all(chunks).then(() => root.setAttribute("data-loaded", "true"));
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main, { once: true });
else main();
