import { ABOUT_TEXT, FUNCTION_HELP, functionNameIn, localExample, type Language } from "../about";
import { el } from "./dom";

/** The about view: what the add-in is and its custom functions with examples. */
export function aboutView(language: Language, inExcel: boolean): HTMLElement {
  const text = ABOUT_TEXT[language];
  const rows = FUNCTION_HELP.map((help) =>
    el(
      "tr",
      {},
      el(
        "td",
        {},
        el("strong", { "data-function": help.name }, functionNameIn(help, language)),
        el("br"),
        help[language],
      ),
      el("td", {}, el("code", { "data-example": help.name }, localExample(help, language))),
    ),
  );
  return el(
    "section",
    { class: "about", "aria-labelledby": "about-title" },
    el("h2", { id: "about-title" }, text.functions),
    el("p", {}, text.intro),
    el("p", { class: "host" }, inExcel ? text.inExcel : text.inBrowser),
    el(
      "table",
      {},
      el(
        "thead",
        {},
        el("tr", {}, el("th", { scope: "col" }, text.functions), el("th", { scope: "col" }, text.example)),
      ),
      el("tbody", {}, ...rows),
    ),
    el("p", { class: "host" }, text.note),
  );
}
