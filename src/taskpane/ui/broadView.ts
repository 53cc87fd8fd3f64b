/**
 * The broad case in the wizard's views (issue 15 item 2): the review step's introduction to the consequence rows and
 * the preview's narrow vs broad table (NPV per participant for each account).
 */
import type { Language } from "../about";
import { formatKr } from "../i18n/numbers";
import { t, type TextKey } from "../i18n/text";
import type { BroadPreview } from "../preview/broadAdapter";
import { PREVIEW_ACCOUNTS, type PreviewAccount } from "../preview/preview";
import type { FieldEntry, FieldSpec } from "../state/types";
import { el } from "./dom";

/**
 * True when the user typed in any field of the consequence row the field belongs to: a row's rule (a missing price,
 * a year outside the index) then shows on its other fields too, where the fix is typed.
 * @example rowTouched(indexFactorSpec, fields) // true after typing the row's change
 */
export function rowTouched(spec: FieldSpec, fields: Readonly<Record<string, FieldEntry>>): boolean {
  if (spec.target.kind !== "consequence") return false;
  const prefix = `consequence.${spec.target.id}.`;
  return Object.entries(fields).some(([id, entry]) => id.startsWith(prefix) && entry.touched);
}

const ACCOUNT_TEXT: Readonly<Record<PreviewAccount, TextKey>> = {
  municipality: "accountMunicipality",
  state: "accountState",
  public: "accountPublic",
  socioEconomic: "accountSocioEconomic",
};

/**
 * The heading and introduction shown before the consequence rows of the review step.
 * @example broadIntro("da").querySelector("h3")?.textContent // "Det brede regnestykke (valgfrit)"
 */
export function broadIntro(language: Language): HTMLElement {
  return el(
    "div",
    { class: "broad-intro", id: "broad-intro" },
    el("h3", {}, t("broadTitle", language)),
    el("p", { class: "help" }, t("broadIntro", language)),
  );
}

/**
 * The narrow and the broad case side by side (null when they are the same case).
 * @example broadTable({ narrow, broad }, "en")?.querySelector("table")?.id // "broad-compare"
 */
export function broadTable(figures: BroadPreview | null, language: Language): HTMLElement | null {
  if (figures === null) return null;
  // In a scroll box, like the other tables, so a narrow taskpane never scrolls sideways as a whole.
  return el("div", { class: "table-scroll" }, broadCompare(figures, language));
}

function broadCompare(figures: BroadPreview, language: Language): HTMLElement {
  return el(
    "table",
    { class: "accounts stack", id: "broad-compare" },
    el("caption", {}, t("broadCompareTitle", language)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("accountsAccount", language)),
        el("th", { scope: "col" }, t("broadNarrow", language)),
        el("th", { scope: "col" }, t("broadWide", language)),
      ),
    ),
    el(
      "tbody",
      {},
      ...PREVIEW_ACCOUNTS.map((account) =>
        el(
          "tr",
          { "data-broad-account": account },
          el("th", { scope: "row" }, t(ACCOUNT_TEXT[account], language)),
          el(
            "td",
            { "data-narrow": account, "data-label": t("broadNarrow", language) },
            formatKr(figures.narrow[account], language),
          ),
          el(
            "td",
            { "data-broad": account, "data-label": t("broadWide", language) },
            formatKr(figures.broad[account], language),
          ),
        ),
      ),
    ),
  );
}
