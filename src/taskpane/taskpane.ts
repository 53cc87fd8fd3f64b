import { ABOUT_TEXT, FUNCTION_HELP, languageFor, type Language } from "./about";

declare const ADDIN_VERSION: string;

/** Renders the about page into `root` in `language`; the language buttons re-render it. */
function render(root: HTMLElement, language: Language, inExcel: boolean): void {
  const text = ABOUT_TEXT[language];
  root.replaceChildren();
  const header = element("header");
  const title = element("div");
  title.append(element("h1", "SIB Business Case"), element("span", `v${ADDIN_VERSION}`, "version"));
  const switcher = element("div", undefined, "lang");
  switcher.setAttribute("role", "group");
  switcher.setAttribute("aria-label", language === "da" ? "Sprog" : "Language");
  for (const option of ["da", "en"] as const) {
    const button = element("button", option === "da" ? "Dansk" : "English");
    button.setAttribute("type", "button");
    button.setAttribute("lang", option);
    button.setAttribute("aria-pressed", String(option === language));
    button.addEventListener("click", () => render(root, option, inExcel));
    switcher.append(button);
  }
  header.append(title, switcher);
  root.append(header, element("p", text.intro), element("p", inExcel ? text.inExcel : text.inBrowser, "host"));

  const table = element("table");
  const head = element("tr");
  head.append(element("th", text.functions), element("th", text.example));
  table.append(head);
  for (const help of FUNCTION_HELP) {
    const row = element("tr");
    const description = element("td");
    description.append(element("strong", help.name), document.createElement("br"), help[language]);
    const example = element("td");
    example.append(element("code", help.example));
    row.append(description, example);
    table.append(row);
  }
  root.append(table, element("p", text.note, "host"));
  document.documentElement.lang = language;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function start(displayLanguage: string | undefined, inExcel: boolean): void {
  const root = document.getElementById("app");
  if (root !== null) render(root, languageFor(displayLanguage ?? navigator.language), inExcel);
}

if (typeof Office === "undefined") {
  // office.js did not load (offline or blocked): the page still works as a plain browser page.
  start(undefined, false);
} else {
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    start(inExcel ? Office.context.displayLanguage : undefined, inExcel);
  });
}
