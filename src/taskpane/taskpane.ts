/**
 * Entry of the taskpane page (taskpane.html): the wizard. In Excel it writes the model into the workbook; in a plain
 * browser (no office.js, or office.js without a host) it downloads the same model as .xlsx. The page renders at once
 * and learns the host (and Office's display language) when Office.onReady answers.
 */
import { detectHost } from "./host/detect";
import { downloadCase } from "./host/download";
import { openCase, updateCase, writeCase } from "./host/excel";
import { initialState } from "./state/reducer";
import { WizardApp } from "./ui/app";
import { installFluent } from "./ui/fluent";

declare const ADDIN_VERSION: string;

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
      write: (model, language) => writeCase(model, language),
      open: (base) => openCase(base),
      update: (base, language, spareMonths) => updateCase(base, language, spareMonths),
      download: (model, language) => downloadCase(model, language),
    },
    initialState(navigator.language),
  );
  app.start();
  performance.mark("wizard-interactive");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main, { once: true });
else main();
