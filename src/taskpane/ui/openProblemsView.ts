/**
 * "Open model" that tells (issue 13 item 4): every cell the read-back could not read, by defined name and cell
 * address (empty required input, text, an Excel error, a missing or broken name), and, when every listed problem has
 * a default the reader may use (an optional term read as off, the model opened without its contract), a button that
 * accepts exactly these defaults and opens. The model is not opened otherwise.
 */
import type { CellProblem, CellProblemKind } from "../../plan/readBack";
import type { Language } from "../about";
import { t, type TextKey } from "../i18n/text";
import { el } from "./dom";

const KIND_KEY: Readonly<Record<CellProblemKind, TextKey>> = {
  missingName: "openKindMissingName",
  brokenName: "openKindBrokenName",
  tooLarge: "openKindTooLarge",
  empty: "openKindEmpty",
  error: "openKindError",
  text: "openKindText",
  notNumber: "openKindNotNumber",
  more: "openKindMore",
};

/**
 * One problem as a line: name, cell, what is wrong, the content read and the default, if any.
 * @example problemLine({ name: "SIB_PayContractCap", address: "Betaling!B9", kind: "error", value: "#REF!", … }, "da")
 * // "SIB_PayContractCap (Betaling!B9): cellen viser en Excel-fejl: #REF!; standard: læses som ingen (slået fra)"
 */
export function problemLine(problem: CellProblem, language: Language): string {
  const where = problem.address === null ? problem.name : `${problem.name} (${problem.address})`;
  const row =
    problem.row === null || problem.address !== null
      ? ""
      : language === "da"
        ? `, række ${problem.row}`
        : `, row ${problem.row}`;
  const value = problem.value === null || problem.value === "" || problem.kind === "more" ? "" : `: ${problem.value}`;
  const fallback =
    problem.fallback === null
      ? ""
      : `; ${t(problem.fallback === "none" ? "openFallbackNone" : "openFallbackContract", language)}`;
  return `${where}${row}: ${t(KIND_KEY[problem.kind], language)}${value}${fallback}`;
}

/** True when every listed problem has a default the user may accept. */
export function canAccept(problems: readonly CellProblem[]): boolean {
  return problems.length > 0 && problems.every((problem) => problem.fallback !== null);
}

/** The list of problems and, when they all have a default, the button that accepts them and opens. */
export function openProblemsView(
  problems: readonly CellProblem[],
  language: Language,
  onAccept: () => void,
): HTMLElement {
  return el(
    "div",
    { class: "case-message problems", id: "open-problems", role: "alert" },
    el("p", {}, t("openProblemsTitle", language)),
    el(
      "ul",
      {},
      ...problems.map((problem) => el("li", { "data-problem": problem.name }, problemLine(problem, language))),
    ),
    canAccept(problems)
      ? el("button", { type: "button", id: "open-accept", onclick: onAccept }, t("openProblemsAccept", language))
      : el("p", {}, t("openProblemsFix", language)),
  );
}
