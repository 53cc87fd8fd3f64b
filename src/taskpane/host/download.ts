import { IssuesError } from "../i18n/issues";
import { investorTerms } from "../../engine/investor";
import { cachedOutputValues } from "../../export/cachedValues";
import type { Language } from "../about";
import { casePlan, type CaseToWrite } from "./plan";

/** The file name of the downloaded workbook. */
export const WORKBOOK_FILE_NAME = "sib-business-case.xlsx";

/**
 * The .xlsx bytes of a validated case, with the engine's results cached in the named output cells (so the file shows
 * them also where it is not recalculated, e.g. Excel's Protected View). ExcelJS is large, so src/export/xlsx is loaded
 * only now, as its own chunk.
 */
export async function workbookBytes(model: CaseToWrite, language: Language): Promise<Uint8Array> {
  const plan = casePlan(model, language, false);
  // The engine's problems travel with the error, so the status line can say them in the user's language.
  if (!plan.ok) throw new IssuesError(plan.issues);
  const investor = investorTerms(model.investor);
  if (!investor.ok) throw new IssuesError(investor.issues);
  const cachedValues = cachedOutputValues(plan.value, model.scenario, {
    paymentTerms: model.terms,
    investorTerms: investor.value,
  });
  const { planToXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../export/xlsx");
  return planToXlsx(plan.value, { cachedValues });
}

/** Builds the workbook and hands it to the browser as a download; returns the file name. */
export async function downloadCase(model: CaseToWrite, language: Language): Promise<string> {
  const bytes = await workbookBytes(model, language);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const blob = new Blob([copy.buffer], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = WORKBOOK_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return WORKBOOK_FILE_NAME;
}
