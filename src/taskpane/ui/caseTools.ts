/**
 * The case tools of the wizard (issue 14 items 2, 3 and 9): save the case as a file and open a saved one, pin the case
 * as A and compare it with the case as it is now (B), and the committee summary to print or save as PDF. The app
 * (ui/app.ts) places the toolbar and the panel and calls {@link CaseTools.update} after every change; everything else
 * lives here.
 */
import type { Issue } from "../../engine/errors";
import type { Language } from "../about";
import type { CaseStore } from "../host/caseStore";
import { downloadText } from "../host/saveText";
import { ct } from "../i18n/caseText";
import { ruleText } from "../i18n/issues";
import { localeOf } from "../i18n/numbers";
import type { CaseFigures, CaseInput } from "../preview/caseFigures";
import { loadLossAdapter } from "../preview/lossLoader";
import { MAX_ERROR_LINES } from "../../engine/limits";
import type { CaseExtras, CaseToSave } from "../state/caseFile";
import type { WizardModel } from "../state/model";
import { modelOf, type Action, type WizardState } from "../state/reducer";
import { installCaseStyle, SHEET_CSS } from "./caseStyle";
import { dialogKeys } from "./dialog";
import { el } from "./dom";

/** The lazily loaded comparison and summary (ui/caseViews.ts). */
type CaseViews = typeof import("./caseViews");
const loadCaseViews = (): Promise<CaseViews> => import(/* webpackChunkName: "casetools" */ "./caseViews");

/** Reading and writing case files (state/caseFile.ts with the engine's scenario-file parser). */
type CaseFile = typeof import("../state/caseFile");
let caseFileModule: CaseFile | null = null;

/**
 * Loads the case-file code (in the lazy chunk casetools.js, not in the initial script: issue 14 item 11); the entry
 * loads it right after the first screen and before "Open model" reads the stored case file.
 * @example const { caseFileText } = await loadCaseFile();
 */
export async function loadCaseFile(): Promise<CaseFile> {
  caseFileModule ??= await import(/* webpackChunkName: "casetools" */ "../state/caseFile");
  return caseFileModule;
}

/** The case-file code where a caller cannot wait; it was loaded by {@link loadCaseFile} before any such call. */
function caseFileNow(): CaseFile {
  if (caseFileModule === null)
    throw new Error("The case-file code (casetools.js) is not loaded yet: await loadCaseFile()");
  return caseFileModule;
}

/** What the tools need from the app. */
export interface CaseToolsHost {
  readonly state: () => WizardState;
  readonly dispatch: (action: Action) => void;
  readonly version: string;
  /** Where the case is kept in the workbook (Excel only; resolved when needed, since Office answers late). */
  readonly store: () => CaseStore | null;
}

/** The last file action's message: a plain note, or the problems of a file or a case that cannot be saved. */
type Message =
  | { readonly kind: "saved" | "loaded"; readonly file: string }
  | { readonly kind: "fileProblems"; readonly file: string; readonly issues: readonly Issue[] }
  | { readonly kind: "cannotSave"; readonly issues: readonly Issue[] }
  | { readonly kind: "fixFirst" };

/**
 * A problem of a case file as a line in the language: the field's JSON path, then the engine's message (English) or
 * the Danish sentence for the broken rule, by its code (i18n/issues.ts).
 * @example problemText({ field: "horizonMonths", rule: "range", … }, "da") // "horizonMonths: værdien er uden for …"
 */
export function problemText(problem: Issue, language: Language): string {
  if (language === "en") return problem.field === "$" ? problem.message : `${problem.field}: ${problem.message}`;
  const rule = ruleText(problem.rule, language);
  return problem.field === "$" ? `Filen: ${rule}` : `${problem.field}: ${rule}`;
}

/** The case to save for a state: its model plus the extras of a loaded file (views, description, investor terms). */
export function caseToSave(state: WizardState, model: WizardModel = modelOf(state)): CaseToSave {
  return {
    scenario: model.scenario,
    terms: model.terms,
    investor: model.investor,
    views: state.extras?.views ?? [],
    description: state.extras?.description ?? null,
    effectMode: model.effectMode,
  };
}

/** The toolbar, the comparison panel and the summary sheet, with their effects. */
export class CaseTools {
  private message: Message | null = null;
  private pinned: { readonly name: string; readonly figures: CaseFigures } | null = null;
  private compareOpen = false;
  private readonly panelNode: HTMLElement;
  private readonly figuresCache = new WeakMap<WizardModel, CaseFigures | null>();
  /** The comparison and summary code, once loaded. */
  private views: CaseViews | null = null;

  constructor(private readonly host: CaseToolsHost) {
    this.panelNode = el("section", { id: "case-panel", "aria-live": "polite" });
  }

  /** The toolbar (made anew on every render, in the current language). */
  toolbar(): HTMLElement {
    installCaseStyle();
    const language = this.host.state().language;
    const input = el("input", {
      type: "file",
      id: "case-file-input",
      accept: ".json,application/json",
      hidden: true,
      onchange: (event: Event) => void this.openFile(event.target as HTMLInputElement),
    });
    const button = (id: string, text: string, action: () => void, pressed?: boolean): HTMLElement =>
      el(
        "button",
        { type: "button", id, onclick: action, ...(pressed === undefined ? {} : { "aria-pressed": String(pressed) }) },
        text,
      );
    return el(
      "div",
      { class: "case-tools", role: "group", "aria-label": ct("caseGroup", language) },
      button("case-save", ct("saveCase", language), () => void this.save()),
      button("case-open", ct("openCaseFile", language), () => input.click()),
      input,
      button("case-pin", ct("pinA", language), () => void this.pin()),
      button("case-compare", ct("compare", language), () => this.toggleCompare(), this.compareOpen),
      button("case-summary", ct("summary", language), () => void this.openSummary()),
      el("div", { class: "case-message", id: "case-message", role: "status" }),
    );
  }

  /** The panel under the toolbar (the same element on every render, so it keeps its place and content). */
  panel(): HTMLElement {
    return this.panelNode;
  }

  /** Refreshes the message and the comparison after a change (called by the app's update). */
  update(): void {
    const language = this.host.state().language;
    const node = document.getElementById("case-message");
    if (node !== null) this.showMessage(node, language);
    if (!this.compareOpen) {
      this.panelNode.replaceChildren();
      return;
    }
    const views = this.views;
    if (views === null) {
      void this.withViews().then(() => this.update());
      return;
    }
    const close = el(
      "button",
      { type: "button", id: "compare-close", onclick: () => this.toggleCompare() },
      ct("closePanel", language),
    );
    const heading = el("h3", { id: "compare-title" }, ct("compareTitle", language));
    const b = this.figuresOf(modelOf(this.host.state()), views);
    const body =
      this.pinned === null
        ? el("p", {}, ct("compareNoA", language))
        : b === null
          ? el("p", { class: "case-message problems" }, ct("compareInvalid", language))
          : el(
              "div",
              {},
              el("p", { id: "compare-pinned" }, ct("pinned", language, { name: this.pinned.name })),
              views.compareTable(this.pinned.figures, b, language),
            );
    this.panelNode.replaceChildren(heading, body, close);
  }

  /**
   * After a model was written into Excel: keep the case file in the workbook (a failure is reported, not thrown).
   * `written` is the case of an updated model (its inputs as read), stored with the views and description of the case
   * file already in the workbook; by default the wizard's case.
   */
  async storeInWorkbook(written?: Pick<CaseToSave, "scenario" | "terms" | "investor">): Promise<string | null> {
    const store = this.host.store();
    if (store === null) return null;
    const state = this.host.state();
    const { caseFileText } = await loadCaseFile();
    const stored = written === undefined ? null : this.storedExtras();
    const toSave: CaseToSave =
      written === undefined
        ? caseToSave(state)
        : { ...written, views: stored?.views ?? [], description: stored?.description ?? null };
    const text = caseFileText(toSave);
    if (!text.ok) return text.issues.map((item) => item.message).join("; ");
    try {
      await store.save(text.value);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** What "Open model" takes from the case file stored in the workbook (views, description), or null. */
  storedExtras(): Pick<CaseExtras, "views" | "description"> | null {
    const text = this.host.store()?.load() ?? null;
    if (text === null) return null;
    const parsed = caseFileNow().parseCaseFile(text);
    return parsed.ok ? { views: parsed.value.views, description: parsed.value.description } : null;
  }

  // ------------------------------------------------------------------------------------------------------ actions

  private async save(): Promise<void> {
    const state = this.host.state();
    const model = modelOf(state);
    if (!model.valid) {
      this.setMessage({ kind: "fixFirst" });
      return;
    }
    const { caseFileName, caseFileText } = await loadCaseFile();
    const text = caseFileText(caseToSave(state, model));
    if (!text.ok) {
      this.setMessage({ kind: "cannotSave", issues: text.issues });
      return;
    }
    const file = downloadText(text.value, caseFileName(model.scenario.name), "application/json");
    this.setMessage({ kind: "saved", file });
  }

  private async openFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = "";
    if (file === undefined) return;
    const parsed = (await loadCaseFile()).parseCaseFile(await file.text());
    if (!parsed.ok) {
      this.setMessage({ kind: "fileProblems", file: file.name, issues: parsed.issues });
      return;
    }
    this.message = { kind: "loaded", file: file.name };
    this.host.dispatch({ type: "loadedFile", model: parsed.value });
    this.update();
  }

  private async pin(): Promise<void> {
    const views = await this.withViews();
    const model = modelOf(this.host.state());
    const figures = this.figuresOf(model, views);
    if (figures === null) {
      this.setMessage({ kind: "fixFirst" });
      return;
    }
    this.pinned = { name: figures.name, figures };
    this.compareOpen = true;
    this.message = null;
    this.refreshPressed();
    this.update();
    document.getElementById("compare-title")?.scrollIntoView({ block: "nearest" });
  }

  private toggleCompare(): void {
    this.compareOpen = !this.compareOpen;
    this.refreshPressed();
    this.update();
  }

  private refreshPressed(): void {
    document.getElementById("case-compare")?.setAttribute("aria-pressed", String(this.compareOpen));
  }

  /** Opens the summary as a full-window sheet over the taskpane (printing shows only the sheet). */
  private async openSummary(): Promise<void> {
    const views = await this.withViews();
    const state = this.host.state();
    const language = state.language;
    const model = modelOf(state);
    const figures = this.figuresOf(model, views);
    if (figures === null) {
      this.setMessage({ kind: "fixFirst" });
      return;
    }
    const sheet = views.summarySheet(
      {
        figures,
        scenario: model.scenario,
        terms: model.terms,
        loss: (await loadLossAdapter()).probabilityOfLoss(model.scenario, model.terms, model.investor),
        version: this.host.version,
        fileName: (await loadCaseFile()).caseFileName(model.scenario.name),
        date: new Date().toLocaleDateString(localeOf(language), { year: "numeric", month: "long", day: "numeric" }),
      },
      language,
    );
    document.getElementById("committee-summary")?.remove();
    const close = (): void => {
      frame.remove();
      document.body.classList.remove("sib-summary-open");
      document.getElementById("case-summary")?.focus();
    };
    const frame = el(
      "div",
      {
        id: "committee-summary",
        role: "dialog",
        "aria-modal": "true",
        "aria-labelledby": "summary-title",
        // Escape closes it; Tab and Shift+Tab stay inside it (a modal dialog).
        onkeydown: dialogKeys((): HTMLElement => frame, close),
      },
      el(
        "div",
        { class: "sheet-actions" },
        el(
          "button",
          { type: "button", class: "primary", id: "summary-print", onclick: () => window.print() },
          ct("printSummary", language),
        ),
        el(
          "button",
          { type: "button", id: "summary-html", onclick: () => this.downloadSummary(sheet, figures.name, language) },
          ct("summaryHtml", language),
        ),
        el("button", { type: "button", id: "summary-close", onclick: close }, ct("closePanel", language)),
      ),
      el("p", { class: "sheet-help" }, ct("summaryHtmlHelp", language)),
      sheet,
    );
    installCaseStyle();
    document.body.append(frame);
    document.body.classList.add("sib-summary-open");
    document.getElementById("summary-title")?.focus();
  }

  private downloadSummary(sheet: HTMLElement, name: string, language: Language): void {
    const title = ct("summaryTitle", language, { name });
    const html = `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${SHEET_CSS}</style></head><body>${sheet.outerHTML}</body></html>\n`;
    downloadText(
      html,
      caseFileNow()
        .caseFileName(`${ct("summary", language)} ${name}`)
        .replace(/\.json$/, ".html"),
      "text/html",
    );
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  private async withViews(): Promise<CaseViews> {
    this.views ??= await loadCaseViews();
    return this.views;
  }

  private figuresOf(model: WizardModel, views: CaseViews): CaseFigures | null {
    if (this.figuresCache.has(model)) return this.figuresCache.get(model) ?? null;
    const state = this.host.state();
    const input: CaseInput = {
      scenario: model.scenario,
      terms: model.terms,
      investor: model.investor,
      views: state.extras?.views ?? [],
    };
    const figures = model.valid ? views.caseFigures(input) : null;
    const value = figures !== null && figures.ok ? figures.value : null;
    this.figuresCache.set(model, value);
    return value;
  }

  private setMessage(message: Message): void {
    this.message = message;
    this.update();
  }

  private showMessage(node: HTMLElement, language: Language): void {
    const message = this.message;
    node.className = "case-message";
    if (message === null) {
      node.replaceChildren();
      return;
    }
    switch (message.kind) {
      case "saved":
      case "loaded":
        node.replaceChildren(ct(message.kind, language, { file: message.file }));
        return;
      case "fixFirst":
        node.classList.add("problems");
        node.replaceChildren(ct("fixFirst", language));
        return;
      case "fileProblems":
      case "cannotSave":
        node.classList.add("problems");
        node.replaceChildren(
          el(
            "p",
            {},
            message.kind === "fileProblems"
              ? ct("fileProblems", language, { file: message.file })
              : ct("cannotSave", language),
          ),
          el(
            "ul",
            { id: "case-problems" },
            // Every problem up to the project's limit on error lines (src/engine/limits.ts), then how many more.
            ...message.issues.slice(0, MAX_ERROR_LINES).map((problem) => el("li", {}, problemText(problem, language))),
            message.issues.length > MAX_ERROR_LINES
              ? el(
                  "li",
                  { "data-more-problems": "" },
                  ct("moreProblems", language, { n: message.issues.length - MAX_ERROR_LINES, shown: MAX_ERROR_LINES }),
                )
              : null,
          ),
        );
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
