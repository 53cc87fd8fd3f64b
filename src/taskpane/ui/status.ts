import type { WriteReport } from "../../excel/writeModel";
import type { Language } from "../about";
import type { UpdateOutcome } from "../host/excel";
import { issuesText } from "../i18n/issues";
import { t } from "../i18n/text";
import type { Status, StatusWork } from "../state/types";

/** Cells named in a refused update's status at most (the rest are summed up as "…"). */
const MAX_CELLS_SHOWN = 5;

/**
 * The status after a write: where the model went, and whether Excel recognised the Check sheet's SIB.* functions.
 * @example statusOfWrite(report).functionsUnrecognised // true when report.functionNames is "unrecognised"
 */
export function statusOfWrite(report: WriteReport): Status {
  return {
    kind: "written",
    sheets: report.sheets,
    namePrefix: report.namePrefix,
    syncs: report.syncs,
    functionsUnrecognised: report.functionNames === "unrecognised",
  };
}

/**
 * The status after "Update model": the model read and the new version's sheets, or why nothing was written (no model
 * in the workbook; invalid inputs, naming the first cells to fix by their defined names).
 * @example statusOfUpdate({ ok: false, readFrom: "SIB_", issues, cells: ["SIB_Wages", "SIB_Benefits"] }).detail
 * // "SIB_Wages, SIB_Benefits"
 */
export function statusOfUpdate(outcome: UpdateOutcome): Status {
  if (outcome.ok) {
    const { report } = outcome;
    return {
      kind: "updated",
      readFrom: outcome.readFrom,
      sheets: report.sheets,
      namePrefix: report.namePrefix,
      syncs: report.syncs,
      functionsUnrecognised: report.functionNames === "unrecognised",
    };
  }
  const shown = outcome.cells.slice(0, MAX_CELLS_SHOWN).join(", ");
  const detail = outcome.cells.length > MAX_CELLS_SHOWN ? `${shown}, …` : shown;
  return { kind: "failed", what: "update", detail, readFrom: outcome.readFrom };
}

/**
 * The status line's text in a language ("" when idle).
 * @example statusText({ kind: "opened", prefix: "SIB2_" }, "en")
 * // "The numbers were read from the model in the workbook (SIB2_)."
 */
export function statusText(status: Status, language: Language): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "working":
      return t(status.what === "update" ? "updating" : "working", language);
    case "written":
      return withCheckNote(
        t("written", language, { sheets: status.sheets.join(", "), prefix: status.namePrefix }),
        status.functionsUnrecognised,
        language,
      );
    case "updated": {
      const values = { readFrom: status.readFrom, sheets: status.sheets.join(", "), prefix: status.namePrefix };
      return withCheckNote(t("updated", language, values), status.functionsUnrecognised, language);
    }
    case "downloaded":
      return t("downloaded", language, { file: status.fileName });
    case "opened":
      return t("opened", language, { prefix: status.prefix });
    case "failed": {
      // The engine's problems in the user's language (by rule code), else the error's own text.
      const detail = status.issues === undefined ? status.detail : issuesText(status.issues, language);
      return failedText(status.what, detail, status.readFrom, language);
    }
  }
}

function withCheckNote(text: string, functionsUnrecognised: boolean, language: Language): string {
  return functionsUnrecognised ? `${text} ${t("checkUnrecognised", language)}` : text;
}

function failedText(what: StatusWork, detail: string, readFrom: string | null | undefined, language: Language): string {
  switch (what) {
    case "write":
      return t("failedWrite", language, { detail });
    case "download":
      return t("failedDownload", language, { detail });
    case "open":
      return t("failedOpen", language, { detail });
    case "update":
      if (readFrom === null) return t("failedUpdateNoModel", language);
      if (readFrom === undefined) return t("failedUpdate", language, { detail });
      return t("failedUpdateInputs", language, { readFrom, detail });
  }
}
