/**
 * Entry of the taskpane page (taskpane.html): the wizard. In Excel it writes the model into the workbook; in a plain
 * browser (no office.js, or office.js without a host) it downloads the same model as .xlsx. The page renders at once
 * and learns the host (and Office's display language) when Office.onReady answers.
 */
import { officeCaseStore } from "./host/caseStore";
import { detectHost } from "./host/detect";
import { initialState } from "./state/reducer";
import { WizardApp } from "./ui/app";
import { installFluent } from "./ui/fluent";

declare const ADDIN_VERSION: string;

/**
 * The plan builder and the Excel writer/reader, loaded when first needed (write, open, update, download) as the lazy
 * chunk workbook.js, so they are not part of the initial scripts (issue 14 item 11).
 */
const excelHost = () => import(/* webpackChunkName: "workbook" */ "./host/excel");
const downloadHost = () => import(/* webpackChunkName: "workbook" */ "./host/download");

/** Mounts the wizard on #app (called once the page's DOM exists). */
export function main(): void {
  const root = document.getElementById("app");
  if (root === null) return;
  installFluent();
  const app = new WizardApp(
    root,
    {
      version: ADDIN_VERSION,
      detect: () => detectHost(),
      write: async (model, language) => (await excelHost()).writeCase(model, language),
      open: async (base) => (await excelHost()).openCase(base),
      update: async (base, language, spareMonths) => (await excelHost()).updateCase(base, language, spareMonths),
      download: async (model, language) => (await downloadHost()).downloadCase(model, language),
      caseStore: () => officeCaseStore(),
    },
    initialState(navigator.language),
  );
  app.start();
  performance.mark("wizard-interactive");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main, { once: true });
else main();
