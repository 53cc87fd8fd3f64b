import { STEP_IDS } from "../state/types";
import type { Result } from "../../engine/errors";
import { inputProvenance } from "../../engine/provenance";
import type { Scenario } from "../../engine/scenario";
import type { ReadModel, ReadResult } from "../../excel/readModel";
import type { CellProblem } from "../../plan/readBack";
import { openProblemsView } from "./openProblemsView";
import type { WriteReport } from "../../excel/writeModel";
import type { Language } from "../about";
import type { DetectedHost } from "../host/detect";
import type { UpdateOutcome } from "../host/excel";
import type { CaseToWrite } from "../host/plan";
import { fieldMessage } from "../i18n/errors";
import { t } from "../i18n/text";
import { failureOf } from "../i18n/issues";
import { computeCaseNumbers, previewFigures, type CaseNumbers, type PreviewFigures } from "../preview/preview";
import { deadweightWarning, fieldWarning } from "../preview/warnings";
import { workshopNumbers } from "../preview/workshop";
import { caseStepFields, stepModule, STEPS } from "../steps";
import { NEUTRALISE_TEXT, SHARE_SUM_FIELDS } from "../steps/effect";
import { STATE_LABELS, type OutcomeState } from "../../engine/states";
import { EXCEL_ONLY_OPTIONS, START_OPTIONS } from "../steps/start";
import type { WizardModel } from "../state/model";
import { visibleFields } from "../state/model";
import { canRedo, canUndo, modelOf, reduce, WORKSHOP_DEFAULTS, type Action, type WizardState } from "../state/reducer";
import type { FieldSpec, StartOption, StepId, Text } from "../state/types";
import { CaseTools } from "./caseTools";
import type { CaseStore } from "../host/caseStore";
import { domId, el } from "./dom";
import { choiceView, fieldSummary, fieldView, showFieldError, showFieldWarning, type FieldView } from "./fieldView";
import { summaryLabel } from "../steps/progression";
import { actionButton, viewTabs } from "./controls";
import { neutraliseView } from "./neutraliseView";
import { cohortChoices, municipalitiesView } from "./municipalitiesView";
import type { MunicipalityDraft } from "../state/municipalities";
import { budgetView } from "./budgetView";
import { reviewBudget } from "../preview/budgetAdapter";
import { municipalitiesSummary, municipalityResultsTable } from "./municipalitiesView";
import { buildTimeFigures } from "../preview/firstScreen";
import { broadIntro, rowTouched } from "./broadView";
import { previewBlock, previewContent, summaryItems } from "./previewView";
import { simpleSharesTable } from "./simpleSharesView";
import { statusOfUpdate, statusOfWrite, statusText } from "./status";
import { detailsNow, loadDetails } from "./detailsLoader";
import { loadViews, VIEW_LOADING, viewsNow, type LazyViews } from "./viewsLoader";

/** What the app needs from the outside world (Office, the file system of the browser). Tests pass their own. */
export interface AppDeps {
  readonly version: string;
  readonly detect: () => Promise<DetectedHost>;
  readonly write: (model: CaseToWrite, language: Language) => Promise<WriteReport>;
  /**
   * Reads the newest model (see openCase): a failure lists every cell it could not read; `accept` passes back the
   * listed problems the user accepted, whose defaults are then used.
   */
  readonly open: (base: Scenario, accept?: readonly CellProblem[]) => Promise<Result<ReadModel> | ReadResult>;
  /** Reads the newest model in the workbook and writes a new version next to it (see updateCase). */
  readonly update: (base: Scenario, language: Language, spareMonths: number) => Promise<UpdateOutcome>;
  readonly download: (model: CaseToWrite, language: Language) => Promise<string>;
  /** Where the case file is kept in the workbook (Excel only; issue 14 item 2). */
  readonly caseStore?: () => CaseStore | null;
}

/** Actions that change only values: the page is updated in place (focus and typing are never disturbed). */
const LIGHT_ACTIONS: ReadonlySet<Action["type"]> = new Set([
  "setField",
  "setNeutralise",
  "setWorkshop",
  "status",
  "setMunicipalities",
]);

/**
 * The taskpane: holds the state, renders it, and runs the effects (detect the host, write, open, update, download).
 * All numbers come from the engine through the model and the preview; this class only shows them.
 */
export class WizardApp {
  private state: WizardState;
  private fieldViews = new Map<string, FieldView>();
  /** The cells the last "Open model" could not read (listed under the status line until the next open). */
  private openProblems: readonly CellProblem[] | null = null;
  /** A new start the user must confirm because the case has changes (issue 14 item 1: a reset asks first). */
  private pendingStart: "pilot" | "blank" | null = null;
  private previewCache = new WeakMap<WizardModel, CaseNumbers | null>();
  /** Save/open a case file, compare A and B, the committee summary (issue 14 items 2, 3 and 9). */
  private readonly tools: CaseTools;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: AppDeps,
    initial: WizardState,
  ) {
    this.state = initial;
    this.tools = new CaseTools({
      state: () => this.state,
      dispatch: (action) => this.dispatch(action),
      version: deps.version,
      store: () => deps.caseStore?.() ?? null,
    });
  }

  /** Renders the wizard and starts host detection (the wizard is usable before Office answers). */
  start(): void {
    this.root.addEventListener("keydown", (event) => this.onShortcut(event));
    this.render();
    void this.deps.detect().then((detected) =>
      this.dispatch({
        type: "hostDetected",
        host: detected.host,
        ...(detected.displayLanguage === undefined ? {} : { displayLanguage: detected.displayLanguage }),
      }),
    );
  }

  /**
   * Loads the preview's tables, chart and broad case (the lazy chunk details.js; the first screen is drawn without
   * them) and draws them; resolves when they are drawn.
   * @example afterFirstPaint(() => void app.showDetails());
   */
  async showDetails(): Promise<void> {
    await loadDetails();
    this.updatePreview(modelOf(this.state));
  }

  /**
   * Recomputes the preview in place once the Monte Carlo chunk has loaded (issue 14 item 11): until then P(loss) is the
   * build-time figure of the first screen's case, or pending for any other case (src/taskpane/preview/lossLoader.ts).
   * When the wizard shows the build-time figure (the opening case, no comparison or summary open) nothing is drawn
   * again: the live simulation gives the same figure (test/taskpane/firstScreen.test.ts), and the page stays free for
   * the user's first input.
   * @example void loadLossAdapter().then(() => app.refreshLoss());
   */
  refreshLoss(): void {
    const shown = this.previewCache.get(modelOf(this.state));
    this.previewCache = new WeakMap();
    const unchanged =
      this.state.view === "wizard" &&
      shown !== undefined &&
      shown !== null &&
      shown.lossProbability.kind !== "pending" &&
      (this.root.querySelector("#case-panel")?.childElementCount ?? 0) === 0;
    if (!unchanged) this.update();
  }

  /** The current state (for tests and diagnostics). */
  current(): WizardState {
    return this.state;
  }

  dispatch(action: Action): void {
    if (action.type !== "status" && action.type !== "hostDetected") this.pendingStart = null;
    const before = this.state;
    this.state = reduce(before, action);
    if (this.state === before) return;
    const structural =
      !LIGHT_ACTIONS.has(action.type) &&
      !(
        action.type === "hostDetected" &&
        before.language === this.state.language &&
        before.step !== "review" &&
        before.view === "wizard"
      );
    if (structural) {
      const focusKey = this.focusKey();
      this.render();
      if (
        action.type === "goTo" ||
        action.type === "next" ||
        action.type === "back" ||
        action.type === "start" ||
        action.type === "opened"
      ) {
        this.root.querySelector<HTMLElement>("#step-title")?.focus();
      } else if (focusKey !== null) this.restoreFocus(focusKey);
    } else this.update();
  }

  // ---------------------------------------------------------------------------------------------------- rendering

  private render(): void {
    const state = this.state;
    const language = state.language;
    document.documentElement.lang = language;
    this.fieldViews = new Map();
    const main =
      state.view === "wizard"
        ? this.wizardView()
        : state.view === "workshop"
          ? this.lazyView((views) => this.workshopView(views))
          : this.lazyView((views) => views.aboutView(language, state.host === "excel"));
    this.root.replaceChildren(
      this.header(),
      this.tabs(),
      // The compact summary that stays in sight at narrow widths (issue 14 item 6; hidden by CSS from 640 px).
      ...(state.view === "wizard"
        ? [el("dl", { class: "sticky-summary", id: "sticky-summary", "aria-label": t("stickySummary", language) })]
        : []),
      el("div", { class: `layout view-${state.view}` }, main, state.view === "wizard" ? this.previewPanel() : null),
      el("p", { class: "status", id: "status", role: "status", "aria-live": "polite" }),
      el("div", { id: "open-problems-slot" }),
    );
    this.root.setAttribute("data-ready", "true");
    this.update();
  }

  private header(): HTMLElement {
    const language = this.state.language;
    const switcher = el(
      "div",
      { class: "lang", role: "group", "aria-label": t("languageGroup", language) },
      ...(["da", "en"] as const).map((option) =>
        el(
          "button",
          {
            type: "button",
            id: `lang-${option}`,
            lang: option,
            "aria-pressed": String(option === language),
            "data-language": option,
            onclick: () => this.dispatch({ type: "setLanguage", language: option }),
          },
          option === "da" ? "Dansk" : "English",
        ),
      ),
    );
    return el(
      "header",
      {},
      el("div", {}, el("h1", {}, t("appTitle", language)), el("span", { class: "version" }, `v${this.deps.version}`)),
      switcher,
    );
  }

  private tabs(): HTMLElement {
    const language = this.state.language;
    return viewTabs(
      t("views", language),
      `tab-${this.state.view}`,
      [
        { id: "tab-wizard", text: t("viewWizard", language) },
        { id: "tab-workshop", text: t("viewWorkshop", language) },
        { id: "tab-about", text: t("viewAbout", language) },
      ],
      (id) => {
        const view = id.replace(/^tab-/, "");
        if ((view === "wizard" || view === "workshop" || view === "about") && view !== this.state.view) {
          this.dispatch({ type: "setView", view });
        }
      },
    );
  }

  private wizardView(): HTMLElement {
    const state = this.state;
    const language = state.language;
    const step = stepModule(state.step);
    const index = STEP_IDS.indexOf(state.step);
    const nav = el(
      "nav",
      { "aria-label": t("stepsNav", language), class: "step-nav" },
      el(
        "ol",
        {},
        ...STEPS.map((module, position) =>
          el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                "data-step": module.id,
                "aria-current": module.id === state.step ? "step" : null,
                onclick: () => this.dispatch({ type: "goTo", step: module.id }),
              },
              el("span", { class: "step-number", "aria-hidden": "true" }, String(position + 1)),
              el("span", { class: "step-name" }, module.title[language]),
              el(
                "span",
                { class: "step-flag", "data-step-flag": module.id, hidden: true },
                el("span", { "aria-hidden": "true" }, " ⚠"),
                el("span", { class: "sr-only" }, ` (${t("stepHasErrors", language)})`),
              ),
            ),
          ),
        ),
      ),
    );
    const history = el(
      "div",
      { class: "history", role: "group", "aria-label": t("historyGroup", language) },
      el(
        "button",
        {
          type: "button",
          id: "undo",
          "aria-keyshortcuts": "Control+Z",
          disabled: !canUndo(state),
          onclick: () => this.dispatch({ type: "undo" }),
        },
        t("undo", language),
      ),
      el(
        "button",
        {
          type: "button",
          id: "redo",
          "aria-keyshortcuts": "Control+Y Control+Shift+Z",
          disabled: !canRedo(state),
          onclick: () => this.dispatch({ type: "redo" }),
        },
        t("redo", language),
      ),
    );
    const body =
      state.step === "start"
        ? this.startBody()
        : state.step === "review"
          ? this.reviewBody()
          : this.fieldsBody(state.step);
    const actions = el(
      "div",
      { class: "step-actions" },
      index > 0
        ? actionButton({ id: "back", onclick: () => this.dispatch({ type: "back" }) }, t("back", language))
        : null,
      state.step !== "review" && state.step !== "start"
        ? actionButton(
            { id: "next", appearance: "primary", onclick: () => this.dispatch({ type: "next" }) },
            t("next", language),
          )
        : null,
    );
    return el(
      "section",
      { class: "panel", "aria-labelledby": "step-title" },
      nav,
      history,
      this.tools.toolbar(),
      this.tools.panel(),
      el(
        "h2",
        { id: "step-title", tabindex: "-1" },
        `${t("stepOf", language, { n: index + 1, total: STEPS.length })}: ${step.title[language]}`,
      ),
      el("p", { class: "intro" }, step.intro[language]),
      body,
      el("p", { class: "step-blocked", id: "step-blocked", hidden: true, role: "alert" }, t("fixErrors", language)),
      actions,
    );
  }

  private startBody(): HTMLElement {
    const language = this.state.language;
    const inExcel = this.state.host === "excel";
    return el(
      "div",
      { class: "start-options" },
      ...START_OPTIONS.map((option) => {
        const helpId = domId("start-help", option.value);
        const disabled = EXCEL_ONLY_OPTIONS.has(option.value) && !inExcel;
        return el(
          "div",
          { class: "start-option" },
          actionButton(
            {
              id: domId("start", option.value),
              appearance: option.value === "pilot" ? "primary" : "outline",
              "aria-describedby": helpId,
              disabled,
              onclick: () => this.startWith(option.value),
            },
            option.label[language],
          ),
          el("p", { class: "help", id: helpId }, option.help[language]),
        );
      }),
      this.startConfirmation(),
    );
  }

  /** "Start again? You can undo it": shown when a new start would replace a changed case. */
  private startConfirmation(): HTMLElement | null {
    const pending = this.pendingStart;
    if (pending === null) return null;
    const language = this.state.language;
    return el(
      "div",
      { class: "confirm", id: "start-confirm", role: "alert" },
      el("p", {}, t(pending === "pilot" ? "confirmPilot" : "confirmBlank", language)),
      el(
        "div",
        { class: "confirm-actions" },
        actionButton(
          { id: "confirm-start", appearance: "primary", onclick: () => this.startWith(pending) },
          t("confirmYes", language),
        ),
        actionButton(
          {
            id: "cancel-start",
            onclick: () => {
              this.pendingStart = null;
              this.render();
              this.root.querySelector<HTMLElement>(`#${domId("start", pending)}`)?.focus();
            },
          },
          t("confirmNo", language),
        ),
      ),
    );
  }

  private fieldsBody(stepId: StepId): HTMLElement {
    const state = this.state;
    const language = state.language;
    const step = stepModule(stepId);
    const model = modelOf(state);
    const body = el("div", { class: "fields" });
    for (const spec of step.choices) {
      body.append(
        choiceView(spec, state.choices[spec.id], language, (value) =>
          this.dispatch({ type: "setChoice", id: spec.id, value }),
        ),
      );
    }
    if (stepId === "payment") {
      // The deadweight warning of the current terms (issue 11 item 1), kept up to date by update().
      body.append(el("p", { class: "warning", id: "payment-deadweight", role: "note", hidden: true }));
    }
    const visible = new Set(visibleFields(model.effectMode, state.base).map((spec) => spec.id));
    let group: { text: Text | undefined; node: HTMLElement } = { text: undefined, node: body };
    // The review step also has a loaded case's own consequence rows (steps/broad.ts fileRowFields).
    for (const spec of caseStepFields(stepId, state.base)) {
      if (!visible.has(spec.id)) continue;
      if (stepId === "effect" && spec.id === "measurementMonth") {
        // "Do not count as an effect" follows the shares it concerns.
        body.append(
          neutraliseView(state.neutralise, language, (outcome, on) =>
            this.dispatch({ type: "setNeutralise", state: outcome, on }),
          ),
        );
        group = { text: undefined, node: body };
      }
      if (spec.group !== group.text) {
        // The broad case's rows (issue 15) come after an introduction, each row folded like the finance groups.
        const broad = spec.target.kind === "consequence";
        if (broad && body.querySelector("#broad-intro") === null) body.append(broadIntro(language));
        // A progression metric's fields are folded too, open when the metric is priced (its first field, the price).
        const progression = spec.target.kind === "progression";
        const priced = progression && state.fields[spec.id]?.parsed === "number";
        const container =
          stepId === "finance" || broad || progression
            ? el(
                "details",
                {
                  class: "group",
                  "data-group": spec.group?.en ?? "",
                  open: priced || (!broad && !progression && body.childElementCount === 0),
                },
                el("summary", {}, spec.group?.[language] ?? ""),
              )
            : el("fieldset", { class: "group" }, el("legend", {}, spec.group?.[language] ?? ""));
        body.append(container);
        group = { text: spec.group, node: container };
        const sum = Object.values(SHARE_SUM_FIELDS).find((candidate) => candidate.group === spec.group);
        if (sum !== undefined) {
          container.append(
            el("p", { class: "error group-error", id: domId("e", sum.id), hidden: true, "data-group-error": sum.id }),
          );
        }
      }
      const view = fieldView(spec, state.fields[spec.id], language, (id, text) =>
        this.dispatch({ type: "setField", id, text }),
      );
      this.fieldViews.set(spec.id, view);
      group.node.append(view.root);
      if (spec.id === "effectPp") {
        group.node.append(
          el("div", { class: "simple-shares attribution", id: "simple-shares", "aria-live": "polite" }),
        );
      }
    }
    if (stepId === "target") {
      // Several municipalities (issue 10 item 2) after the cohorts and the target group.
      body.append(
        municipalitiesView(state.municipalities, model.scenario.parameterYear, language, (change, structural) =>
          this.changeMunicipalities(change, structural),
        ),
      );
    }
    return body;
  }

  /** Applies a change of the municipalities' draft; draws the step again when rows were added or removed. */
  private changeMunicipalities(change: (draft: MunicipalityDraft) => MunicipalityDraft, structural: boolean): void {
    this.dispatch({ type: "setMunicipalities", draft: change(this.state.municipalities) });
    if (structural) {
      this.render();
      const inputs = this.root.querySelectorAll<HTMLInputElement>("[data-municipality-input]");
      inputs[Math.max(0, inputs.length - 3)]?.focus();
    }
  }

  private reviewBody(): HTMLElement {
    const state = this.state;
    const language = state.language;
    const model = modelOf(state);
    const visible = new Set(visibleFields(model.effectMode).map((spec) => spec.id));
    const sections = STEPS.filter((step) => step.id !== "start" && step.id !== "review").map((step) => {
      const items: HTMLElement[] = [];
      for (const choice of step.choices) {
        const option = choice.options.find((candidate) => candidate.value === state.choices[choice.id]);
        if (option !== undefined)
          items.push(el("li", {}, `${choice.summary[language]}: ${option.label[language].toLowerCase()}`));
      }
      if (step.id === "effect") {
        const names = state.neutralise.map((outcome) => STATE_LABELS[outcome][language].toLowerCase());
        items.push(
          el(
            "li",
            { "data-summary": "neutralise" },
            `${NEUTRALISE_TEXT.summary[language]}: ${names.length === 0 ? NEUTRALISE_TEXT.none[language] : names.join(", ")}`,
          ),
        );
      }
      for (const spec of step.fields) {
        if (!visible.has(spec.id)) continue;
        if (step.id === "finance" && !this.userChanged(spec, model)) continue;
        const label = summaryLabel(spec, state.fields, language);
        if (label !== null)
          items.push(el("li", {}, `${label}: ${fieldSummary(spec, state.fields[spec.id], language)}`));
      }
      if (step.id === "target") items.push(...municipalitiesSummary(model, language));
      if (step.id === "finance") {
        items.push(
          el(
            "li",
            { class: "note" },
            language === "da"
              ? "Øvrige satser: officielle satser med kilde og år."
              : "Other rates: official rates with source and year.",
          ),
        );
      }
      return el(
        "div",
        { class: "summary-step" },
        el(
          "dt",
          {},
          el(
            "button",
            { type: "button", class: "link", onclick: () => this.dispatch({ type: "goTo", step: step.id }) },
            step.title[language],
          ),
        ),
        el("dd", {}, el("ul", {}, ...items)),
      );
    });
    const inExcel = state.host === "excel";
    return el(
      "div",
      { class: "review" },
      el("h3", {}, t("reviewSummary", language)),
      el("dl", { class: "summary" }, ...sections),
      // The review step's own fields (the budget view's start and price change; spare months of the workbook).
      this.fieldsBody("review"),
      // The budget years and SIB vs self-funded (issue 10 items 3-4), filled by update() from the engine.
      el("div", { id: "review-budget", "aria-live": "polite" }),
      // Several municipalities: each one's result (issue 14), filled by update() from the preview's numbers.
      el("div", { id: "review-municipalities" }),
      el("p", { class: "review-blocked", id: "review-blocked", hidden: true }),
      el(
        "p",
        { class: "host" },
        state.host === "pending"
          ? t("hostPending", language)
          : inExcel
            ? t("inExcel", language)
            : t("inBrowser", language),
      ),
      actionButton(
        { id: "write", appearance: "primary", onclick: () => void this.writeOrDownload() },
        inExcel ? t("writeModel", language) : t("downloadModel", language),
      ),
    );
  }

  private previewPanel(): HTMLElement {
    const language = this.state.language;
    return el(
      "aside",
      { class: "preview", "aria-labelledby": "preview-title" },
      el("h2", { id: "preview-title" }, t("previewTitle", language)),
      el("p", { class: "note" }, t("previewUpdating", language)),
      el("div", { id: "preview-body" }),
      // The narrow and the broad case side by side when a consequence row changes something (issue 15).
      el("div", { id: "preview-broad", "aria-live": "polite" }),
    );
  }

  /**
   * A view of the lazy chunk views.js (the workshop, About): drawn at once when the chunk has loaded (it is loaded right
   * after the first screen), else a line saying it is on its way, and the page is drawn again when it arrives.
   */
  private lazyView(view: (views: LazyViews) => HTMLElement): HTMLElement {
    const views = viewsNow();
    if (views !== null) return view(views);
    void loadViews().then(
      () => {
        if (this.state.view === "wizard") return;
        const focusKey = this.focusKey();
        this.render();
        if (focusKey !== null) this.restoreFocus(focusKey);
      },
      (error: unknown) => console.error("SIB: views.js could not be loaded", error),
    );
    return el("p", { class: "note", role: "status" }, VIEW_LOADING[this.state.language]);
  }

  private workshopView(views: LazyViews): HTMLElement {
    const state = this.state;
    const language = state.language;
    const setAll = (values: WizardState["workshop"]): void => {
      for (const slider of Object.keys(values) as (keyof WizardState["workshop"])[]) {
        this.dispatch({ type: "setWorkshop", slider, value: values[slider] });
      }
      this.render();
    };
    return el(
      "section",
      { class: "workshop", "aria-labelledby": "workshop-title" },
      el("h2", { id: "workshop-title" }, t("workshopTitle", language)),
      // The picture first (issue 14 item 8): who gains what, as bars that move with the sliders.
      el("div", { id: "workshop-picture" }),
      el("p", { class: "intro" }, t("workshopIntro", language)),
      el(
        "div",
        { class: "workshop-actions" },
        actionButton(
          { id: "workshop-no-effect", onclick: () => setAll({ ...state.workshop, effectPp: 0 }) },
          t("workshopNoEffect", language),
        ),
        actionButton({ id: "workshop-reset", onclick: () => setAll(WORKSHOP_DEFAULTS) }, t("workshopReset", language)),
      ),
      el("p", { class: "explain", id: "workshop-explain", role: "status", hidden: true }),
      views.workshopSliders(state.workshop, language, (slider, value) =>
        this.dispatch({ type: "setWorkshop", slider, value }),
      ),
      el("div", { id: "workshop-parties" }),
      views.glossary(language),
      el("p", { class: "note" }, t("workshopBasis", language)),
      actionButton(
        { id: "workshop-write", appearance: "primary", onclick: () => void this.writeWorkshop() },
        state.host === "excel" ? t("writeFull", language) : t("downloadFull", language),
      ),
    );
  }

  // ----------------------------------------------------------------------------------------------------- updates

  /** Updates errors, markers, the preview, the workshop numbers and the status without re-creating fields. */
  private update(): void {
    const state = this.state;
    const language = state.language;
    const model = modelOf(state);
    const context = { horizonMonths: model.scenario.horizonMonths, base: state.base };
    for (const [id, view] of this.fieldViews) {
      const error = model.errors.get(id);
      const entry = state.fields[id];
      const touched = entry?.touched === true || rowTouched(view.spec, state.fields);
      const shown = error !== undefined && (touched || state.attempted.includes(view.spec.step));
      showFieldError(view, shown && error !== undefined ? fieldMessage(error, language, context) : null);
      showFieldWarning(view, error === undefined ? fieldWarning(view.spec, entry, language) : null);
      if (view.source !== null && view.spec.target.kind === "input") {
        const provenance = inputProvenance(model.scenario, view.spec.target.key);
        view.source.textContent = `${t("source", language)}: ${provenance[language]}`;
      }
      if (shown) view.root.closest("details")?.setAttribute("open", "");
    }
    for (const node of this.root.querySelectorAll<HTMLElement>("[data-group-error]")) {
      const id = node.dataset.groupError ?? "";
      const error = model.errors.get(id);
      const prefix = id === "participantShares" ? "participantShare." : "comparisonShare.";
      const touched = Object.entries(state.fields).some(([key, entry]) => key.startsWith(prefix) && entry.touched);
      const shown = error !== undefined && (touched || state.attempted.includes("effect"));
      node.hidden = !shown;
      node.textContent = shown && error !== undefined ? fieldMessage(error, language, context) : "";
    }
    for (const box of this.root.querySelectorAll<HTMLInputElement>("[data-neutralise-state]")) {
      const checked = state.neutralise.includes(box.dataset.neutraliseState as OutcomeState);
      if (box.checked !== checked) box.checked = checked;
    }
    this.updateMunicipalities(model);
    const neutraliseError = this.root.querySelector<HTMLElement>("[data-neutralise-error]");
    if (neutraliseError !== null) {
      const error = model.errors.get("neutraliseStates");
      neutraliseError.hidden = error === undefined;
      neutraliseError.textContent = error === undefined ? "" : fieldMessage(error, language, context);
      neutraliseError.closest("fieldset")?.classList.toggle("invalid", error !== undefined);
    }
    for (const flag of this.root.querySelectorAll<HTMLElement>("[data-step-flag]")) {
      const step = flag.dataset.stepFlag as StepId;
      flag.hidden = !(model.stepsWithErrors.has(step) && (state.attempted.includes(step) || this.touchedIn(step)));
    }
    const simpleShares = this.root.querySelector<HTMLElement>("#simple-shares");
    if (simpleShares !== null) {
      const readable = !model.errors.has("effectPp") && !model.errors.has("comparisonShares");
      simpleShares.hidden = !readable;
      simpleShares.replaceChildren(
        readable ? simpleSharesTable(model.scenario.participantShares, model.scenario.comparisonShares, language) : "",
      );
    }
    // The start options only Excel offers follow the host, in place: Office's answer does not draw the page again.
    for (const option of EXCEL_ONLY_OPTIONS) {
      this.root.querySelector(`#${domId("start", option)}`)?.toggleAttribute("disabled", state.host !== "excel");
    }
    this.root.querySelector("#undo")?.toggleAttribute("disabled", !canUndo(state));
    this.root.querySelector("#redo")?.toggleAttribute("disabled", !canRedo(state));
    const blocked = this.root.querySelector<HTMLElement>("#step-blocked");
    if (blocked !== null)
      blocked.hidden = !(model.stepsWithErrors.has(state.step) && state.attempted.includes(state.step));
    this.updateReview(model);
    this.updatePreview(model);
    this.updateWorkshop();
    this.updateStatus();
    this.tools.update();
  }

  private updateReview(model: WizardModel): void {
    const button = this.root.querySelector<HTMLElement>("#write");
    const note = this.root.querySelector<HTMLElement>("#review-blocked");
    if (button === null || note === null) return;
    const language = this.state.language;
    const broken = STEPS.filter((step) => model.stepsWithErrors.has(step.id));
    const busy = this.state.status.kind === "working" || this.state.host === "pending";
    button.toggleAttribute("disabled", broken.length > 0 || busy);
    note.hidden = broken.length === 0;
    note.replaceChildren(
      t("reviewBlocked", language),
      " ",
      ...broken.flatMap((step, index) => [
        index > 0 ? ", " : "",
        el(
          "button",
          { type: "button", class: "link", onclick: () => this.dispatch({ type: "goTo", step: step.id }) },
          step.title[language],
        ),
      ]),
    );
  }

  /** The municipalities' messages and the cohorts' choices (target step). */
  private updateMunicipalities(model: WizardModel): void {
    const language = this.state.language;
    const context = { horizonMonths: model.scenario.horizonMonths };
    for (const node of this.root.querySelectorAll<HTMLElement>("[data-municipality-error]")) {
      const id = node.dataset.municipalityError ?? "";
      const error = model.errors.get(id);
      node.hidden = error === undefined;
      node.textContent = error === undefined ? "" : fieldMessage(error, language, context);
      this.root
        .querySelector<HTMLElement>(`[data-municipality-input="${id}"]`)
        ?.setAttribute("aria-invalid", String(error !== undefined));
    }
    const container = this.root.querySelector<HTMLElement>("#cohort-municipalities");
    if (container !== null) {
      cohortChoices(
        container,
        this.state.municipalities,
        model.scenario.cohorts.map((cohort) => cohort.intakeMonth),
        language,
        (change, structural) => this.changeMunicipalities(change, structural),
      );
    }
  }

  private updatePreview(model: WizardModel): void {
    const deadweight = this.root.querySelector<HTMLElement>("#payment-deadweight");
    if (deadweight !== null) {
      const numbers = this.previewOf(model);
      const text = numbers === null ? null : deadweightWarning(numbers, this.state.language);
      deadweight.hidden = text === null;
      deadweight.textContent = text ?? "";
    }
    // The preview's tables and chart come with details.js; until it has loaded the figures of the case the wizard opens
    // with are the build-time ones (the same numbers, without the engine's first run).
    const details = detailsNow();
    const figures = details === null ? this.figuresOf(model) : this.previewOf(model);
    const summary = this.root.querySelector<HTMLElement>("#sticky-summary");
    if (summary !== null) {
      summary.hidden = figures === null;
      summary.replaceChildren(
        ...(figures === null ? [] : summaryItems(figures, this.state.language)).map(([key, label, value]) =>
          el("div", {}, el("dt", {}, label), el("dd", { "data-summary": key }, value)),
        ),
      );
    }
    const budget = this.root.querySelector<HTMLElement>("#review-budget");
    if (budget !== null) {
      const figures = model.valid ? reviewBudget(model.scenario, model.terms, model.investor) : null;
      budget.replaceChildren(...(figures?.ok === true ? [budgetView(figures.value, this.state.language)] : []));
    }
    const perMunicipality = this.root.querySelector<HTMLElement>("#review-municipalities");
    const reviewNumbers = perMunicipality !== null && model.valid ? this.previewOf(model) : null;
    perMunicipality?.replaceChildren(
      ...[reviewNumbers === null ? null : municipalityResultsTable(reviewNumbers, this.state.language)].filter(
        (node) => node !== null,
      ),
    );
    const broad = this.root.querySelector<HTMLElement>("#preview-broad");
    const broadNode =
      broad !== null && model.valid && details !== null
        ? details.broadDetails(model.scenario, this.state.language)
        : null;
    broad?.replaceChildren(...(broadNode === null ? [] : [broadNode]));
    const body = this.root.querySelector<HTMLElement>("#preview-body");
    if (body === null) return;
    const numbers = details === null ? null : this.previewOf(model);
    body.replaceChildren(
      previewContent(
        figures,
        this.state.language,
        previewBlock(model.errors),
        numbers === null || details === null ? [] : details.previewDetails(numbers, this.state.language),
      ),
    );
  }

  /**
   * The preview's figures of a valid case: the build-time ones for the case the wizard opens with (until details.js
   * has loaded; src/taskpane/preview/firstScreen.ts), else the engine's.
   */
  private figuresOf(model: WizardModel): PreviewFigures | null {
    const known = model.valid ? buildTimeFigures(model.scenario, model.terms, model.investor) : null;
    if (known !== null) return known;
    const numbers = this.previewOf(model);
    return numbers === null ? null : previewFigures(numbers);
  }

  private updateWorkshop(): void {
    const container = this.root.querySelector<HTMLElement>("#workshop-parties");
    // The workshop is drawn only once views.js has loaded (lazyView).
    const views = viewsNow();
    if (container === null || views === null) return;
    const language = this.state.language;
    const result = workshopNumbers(this.state.workshop);
    const numbers = result.ok ? result.value.numbers : null;
    container.replaceChildren(views.workshopParties(numbers, language));
    this.root.querySelector("#workshop-picture")?.replaceChildren(views.workshopPicture(numbers, language));
    const explain = this.root.querySelector<HTMLElement>("#workshop-explain");
    if (explain !== null) {
      const show = numbers !== null && this.state.workshop.effectPp === 0;
      explain.hidden = !show;
      explain.textContent = show ? views.noEffectExplanation(numbers, language) : "";
    }
    for (const output of this.root.querySelectorAll<HTMLElement>("[data-workshop-value]")) {
      const id = output.dataset.workshopValue as keyof WizardState["workshop"];
      output.textContent = views.sliderText(id, this.state.workshop[id], language);
    }
    this.root
      .querySelector("#workshop-write")
      ?.toggleAttribute(
        "disabled",
        !result.ok || this.state.status.kind === "working" || this.state.host === "pending",
      );
  }

  private updateStatus(): void {
    const node = this.root.querySelector<HTMLElement>("#status");
    if (node === null) return;
    const status = this.state.status;
    const text = statusText(status, this.state.language);
    node.textContent = text;
    node.dataset.status = status.kind;
    node.classList.toggle("failed", status.kind === "failed");
    const slot = this.root.querySelector<HTMLElement>("#open-problems-slot");
    const problems = status.kind === "failed" && status.what === "open" ? this.openProblems : null;
    if (slot !== null) {
      const shown = slot.dataset.shown === "true";
      if (problems !== null && problems.length > 0 && !shown) {
        slot.replaceChildren(openProblemsView(problems, this.state.language, () => this.openModel(problems)));
        slot.dataset.shown = "true";
      } else if ((problems === null || problems.length === 0) && shown) {
        slot.replaceChildren();
        slot.dataset.shown = "false";
      }
    }
  }

  private previewOf(model: WizardModel): CaseNumbers | null {
    if (this.previewCache.has(model)) return this.previewCache.get(model) ?? null;
    const numbers = model.valid ? computeCaseNumbers(model.scenario, model.terms, model.investor) : null;
    const value = numbers !== null && numbers.ok ? numbers.value : null;
    this.previewCache.set(model, value);
    return value;
  }

  private touchedIn(step: StepId): boolean {
    return visibleFields(modelOf(this.state).effectMode).some(
      (spec) => spec.step === step && this.state.fields[spec.id]?.touched === true,
    );
  }

  private userChanged(spec: FieldSpec, model: WizardModel): boolean {
    return spec.target.kind === "input" && inputProvenance(model.scenario, spec.target.key).evidence === "user";
  }

  /**
   * Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes a change of the case, in the wizard view. In a text field the
   * browser's own undo of the typing is left alone (it reaches the case as ordinary input).
   */
  private onShortcut(event: KeyboardEvent): void {
    if (this.state.view !== "wizard" || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const action: Action | null =
      key === "z" && !event.shiftKey
        ? { type: "undo" }
        : key === "y" || (key === "z" && event.shiftKey)
          ? { type: "redo" }
          : null;
    if (action === null) return;
    const origin = event.composedPath()[0];
    const typing =
      (origin instanceof HTMLInputElement && !["checkbox", "radio", "button"].includes(origin.type)) ||
      origin instanceof HTMLTextAreaElement ||
      (origin instanceof HTMLElement && origin.isContentEditable);
    if (typing) return;
    event.preventDefault();
    this.dispatch(action);
  }

  // ----------------------------------------------------------------------------------------------------- effects

  private startWith(choice: StartOption): void {
    if (choice === "update") {
      void this.updateModel();
      return;
    }
    if (choice !== "open") {
      if (this.state.dirty && this.pendingStart !== choice) {
        this.pendingStart = choice;
        this.render();
        this.root.querySelector<HTMLElement>("#confirm-start")?.focus();
        return;
      }
      this.dispatch({ type: "start", start: choice });
      return;
    }
    this.openModel();
  }

  /**
   * "Open model" (issue 13 item 4): opens the newest model, or lists every cell it cannot read (name and address) and
   * opens nothing until the cells are fixed or the listed defaults are accepted with the button under the list.
   */
  private openModel(accept?: readonly CellProblem[]): void {
    this.openProblems = null;
    this.dispatch({ type: "status", status: { kind: "working", what: "open" } });
    this.deps.open(this.state.base, accept).then(
      (result) => {
        if (!result.ok && "problems" in result) this.openProblems = result.problems;
        if (result.ok) {
          this.dispatch({
            type: "opened",
            scenario: result.value.scenario,
            contract: result.value.contract,
            prefix: result.value.prefix,
            stored: this.tools.storedExtras(),
          });
        } else {
          const detail = result.issues
            .slice(0, 3)
            .map((issue) => issue.field)
            .join(", ");
          this.dispatch({ type: "status", status: { kind: "failed", what: "open", detail } });
        }
      },
      (error: unknown) =>
        this.dispatch({ type: "status", status: { kind: "failed", what: "open", detail: describe(error) } }),
    );
  }

  /**
   * "Update model": reads the newest model in the workbook and writes a new version next to it, with the spare
   * months of the review step (0 when that field is not a valid number). The wizard's fields are left as they are.
   */
  private async updateModel(): Promise<void> {
    if (this.state.status.kind === "working") return;
    const model = modelOf(this.state);
    const spareMonths = model.errors.has("spareMonths") ? 0 : model.capacityMonths - model.scenario.horizonMonths;
    this.dispatch({ type: "status", status: { kind: "working", what: "update" } });
    try {
      const outcome = await this.deps.update(this.state.base, this.state.language, Math.max(0, spareMonths));
      // The case file in the workbook follows the new version (issue 14: "Update model" re-stores it).
      if (outcome.ok) await this.tools.storeInWorkbook(outcome.written);
      this.dispatch({ type: "status", status: statusOfUpdate(outcome) });
    } catch (error) {
      this.dispatch({ type: "status", status: { kind: "failed", what: "update", detail: describe(error) } });
    }
  }

  private async writeOrDownload(): Promise<void> {
    const model = modelOf(this.state);
    if (!model.valid) return;
    await this.deliver(model);
  }

  private async writeWorkshop(): Promise<void> {
    const result = workshopNumbers(this.state.workshop);
    if (result.ok) await this.deliver(result.value);
  }

  private async deliver(model: CaseToWrite): Promise<void> {
    const language = this.state.language;
    if (this.state.host === "excel") {
      this.dispatch({ type: "status", status: { kind: "working", what: "write" } });
      try {
        const report = await this.deps.write(model, language);
        // The case file goes into the workbook too (the guide's case only; a failure does not undo the write).
        if (model === modelOf(this.state)) await this.tools.storeInWorkbook();
        this.dispatch({ type: "status", status: statusOfWrite(report) });
      } catch (error) {
        this.dispatch({ type: "status", status: { kind: "failed", what: "write", ...failureOf(error) } });
      }
      return;
    }
    this.dispatch({ type: "status", status: { kind: "working", what: "download" } });
    try {
      const fileName = await this.deps.download(model, language);
      this.dispatch({ type: "status", status: { kind: "downloaded", fileName } });
    } catch (error) {
      this.dispatch({ type: "status", status: { kind: "failed", what: "download", ...failureOf(error) } });
    }
  }

  // ------------------------------------------------------------------------------------------------------- focus

  private focusKey(): string | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !this.root.contains(active)) return null;
    return active.id === "" ? null : active.id;
  }

  private restoreFocus(id: string): void {
    const target = document.getElementById(id);
    if (target instanceof HTMLElement) target.focus();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
