/**
 * The target step's municipalities (issue 10 item 2): a list of municipalities (name, kommuneskat, share of the
 * payments) and the municipality of each cohort. What is typed goes to the state as a draft; the model reads it and
 * the engine's rules give the messages, which update() writes under the row and part they concern.
 */
import type { Language } from "../about";
import { formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { CaseNumbers } from "../preview/preview";
import type { WizardModel } from "../state/model";
import {
  BUILT_IN_MUNICIPALITIES,
  builtInRateText,
  cohortMunicipalityId,
  MUNICIPALITY_SHARES_ID,
  municipalityFieldId,
  nextMunicipality,
  type MunicipalityDraft,
  type MunicipalityRow,
} from "../state/municipalities";
import { domId, el } from "./dom";
import { municipalityLines, municipalityLinesTable } from "./previewView";

/**
 * The review step's line naming the municipalities and their shares of the payments (none for one combined
 * municipality).
 * @example municipalitiesSummary(herningViborgModel, "da")[0].textContent // "Kommuner (andel af betalingerne): Herning (55 %), Viborg (45 %)"
 */
export function municipalitiesSummary(model: WizardModel, language: Language): HTMLElement[] {
  const listed = model.scenario.municipalities ?? [];
  if (listed.length === 0) return [];
  const names = listed.map((entry) => `${entry.name} (${formatPercent(entry.paymentShare, language, 0)})`);
  return [
    el("li", { "data-summary": "municipalities" }, `${t("reviewMunicipalities", language)}: ${names.join(", ")}`),
  ];
}

/**
 * The review step's results per municipality (the preview's numbers; null for one combined municipality).
 * @example municipalityResultsTable(numbers, "en")?.id // "review-municipality-table" (on its table)
 */
export function municipalityResultsTable(numbers: CaseNumbers, language: Language): HTMLElement | null {
  return municipalityLinesTable(municipalityLines(numbers, language), language, "review-municipality-table");
}

/**
 * Called with a change of the current draft (a function of it, so edits made since the step was drawn are kept);
 * `structural` when rows were added or removed (the step is drawn again).
 */
export type OnDraft = (change: (draft: MunicipalityDraft) => MunicipalityDraft, structural: boolean) => void;

/** The municipalities' fieldset: rows, add/remove, the shares' sum message and the cohorts' choices. */
export function municipalitiesView(
  draft: MunicipalityDraft,
  parameterYear: number,
  language: Language,
  onDraft: OnDraft,
): HTMLElement {
  const setPart: SetPart = (index, part, value) =>
    onDraft((current) => {
      const before = current.rows[index]?.name.trim();
      const rows = current.rows.map((old, i) => (i === index ? { ...old, [part]: value } : old));
      // A renamed municipality keeps its cohorts.
      const cohorts =
        part === "name"
          ? current.cohorts.map((name) => (name.trim() === before ? value.trim() : name))
          : current.cohorts;
      return { rows, cohorts };
    }, false);
  const rows = draft.rows.map((row, index) => rowView(row, index, parameterYear, language, setPart, onDraft));
  return el(
    "fieldset",
    { class: "group municipalities", "data-municipalities": "" },
    el("legend", {}, t("municipalitiesLegend", language)),
    el("p", { class: "help", id: "h-municipalities" }, t("municipalitiesHelp", language)),
    el(
      "datalist",
      { id: "municipality-names" },
      ...BUILT_IN_MUNICIPALITIES.map((name) => el("option", { value: name })),
    ),
    draft.rows.length === 0 ? el("p", { class: "note" }, t("municipalitiesNone", language)) : null,
    ...rows,
    el("p", {
      class: "error group-error",
      id: domId("e", MUNICIPALITY_SHARES_ID),
      hidden: true,
      "data-municipality-error": MUNICIPALITY_SHARES_ID,
    }),
    el(
      "button",
      {
        type: "button",
        id: "add-municipality",
        class: "link",
        onclick: () => onDraft((current) => ({ ...current, rows: [...current.rows, nextMunicipality(current)] }), true),
      },
      t("municipalityAdd", language),
    ),
    el("div", { id: "cohort-municipalities" }),
  );
}

type SetPart = (index: number, part: keyof MunicipalityRow, value: string) => void;

function rowView(
  row: MunicipalityRow,
  index: number,
  parameterYear: number,
  language: Language,
  setPart: SetPart,
  onDraft: OnDraft,
): HTMLElement {
  const input = (part: keyof MunicipalityRow, label: string, extra: Record<string, string>): HTMLElement => {
    const id = municipalityFieldId(index, part);
    const node = el("input", {
      type: "text",
      id: domId("m", id),
      value: row[part],
      "data-municipality-input": id,
      "aria-describedby": domId("e", id),
      autocomplete: "off",
      ...extra,
    });
    node.addEventListener("input", () => setPart(index, part, node.value));
    return el(
      "div",
      { class: "field municipality-part" },
      el("label", { for: domId("m", id) }, label),
      node,
      el("p", { class: "error", id: domId("e", id), hidden: true, "data-municipality-error": id }),
    );
  };
  const builtIn = builtInRateText(row.name, parameterYear, language);
  return el(
    "div",
    { class: "municipality-row", "data-municipality-row": String(index) },
    input("name", t("municipalityName", language), { list: "municipality-names" }),
    input("taxRate", `${t("municipalityTaxRate", language)} (%)`, {
      inputmode: "decimal",
      placeholder: builtIn === null ? "" : t("municipalityBuiltIn", language, { rate: builtIn }),
    }),
    input("share", `${t("municipalityShare", language)} (%)`, { inputmode: "decimal" }),
    input("weeks", t("municipalityWeeks", language), {
      inputmode: "decimal",
      placeholder: t("municipalityWeeksNone", language),
    }),
    el(
      "button",
      {
        type: "button",
        class: "link",
        "data-remove-municipality": String(index),
        onclick: () =>
          onDraft((current) => {
            const removed = current.rows[index]?.name;
            const rows = current.rows.filter((_, i) => i !== index);
            const cohorts = current.cohorts.map((name) => (name === removed ? (rows[0]?.name ?? "") : name));
            return { rows, cohorts: rows.length === 0 ? [] : cohorts };
          }, true),
      },
      t("municipalityRemove", language, { name: row.name === "" ? String(index + 1) : row.name }),
    ),
  );
}

/**
 * The cohorts' choices of municipality: one select per cohort (intake month in the label), or nothing when no
 * municipality is listed. Drawn again only when the names or the cohorts change (`signature`), so a choice keeps focus.
 */
export function cohortChoices(
  container: HTMLElement,
  draft: MunicipalityDraft,
  intakeMonths: readonly number[],
  language: Language,
  onDraft: OnDraft,
): void {
  const names = draft.rows.map((row) => row.name.trim());
  const signature = JSON.stringify([names, intakeMonths, language]);
  const chosen = (index: number): string => draft.cohorts[index] ?? names[0] ?? "";
  if (container.dataset.signature !== signature) {
    container.dataset.signature = signature;
    container.replaceChildren(
      ...(names.length === 0
        ? []
        : [
            el("p", { class: "help" }, t("cohortMunicipalityHelp", language)),
            ...intakeMonths.map((month, index) => {
              const id = cohortMunicipalityId(index);
              const select = el(
                "select",
                { id: domId("m", id), "data-cohort-municipality": String(index), "aria-describedby": domId("e", id) },
                ...names.map((name) => el("option", { value: name }, name === "" ? "…" : name)),
              );
              select.addEventListener("change", () =>
                onDraft((current) => {
                  const first = current.rows[0]?.name.trim() ?? "";
                  const cohorts = intakeMonths.map((_, i) =>
                    i === index ? select.value : (current.cohorts[i] ?? first),
                  );
                  return { ...current, cohorts };
                }, false),
              );
              return el(
                "div",
                { class: "field cohort-municipality" },
                el("label", { for: domId("m", id) }, t("cohortMunicipality", language, { n: index + 1, month })),
                select,
                el("p", { class: "error", id: domId("e", id), hidden: true, "data-municipality-error": id }),
              );
            }),
          ]),
    );
  }
  for (const select of container.querySelectorAll<HTMLSelectElement>("[data-cohort-municipality]")) {
    const value = chosen(Number(select.dataset.cohortMunicipality));
    if (select.value !== value) select.value = value;
  }
}
