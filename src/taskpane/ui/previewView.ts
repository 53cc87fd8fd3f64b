import type { AttributionRow } from "../../engine/attribution";
import { OUTCOME_STATES, STATE_LABELS } from "../../engine/states";
import type { Language } from "../about";
import { issueReason } from "../i18n/issues";
import { formatKr, formatNumber, formatPercent, localeOf } from "../i18n/numbers";
import { t, type TextKey } from "../i18n/text";
import type { InvestorOutcome, NoInvestment } from "../preview/investorAdapter";
import type { LossProbability } from "../preview/lossAdapter";
import { PREVIEW_ACCOUNTS, type CaseNumbers, type PreviewAccount, type PreviewFigures } from "../preview/preview";
import { deadweightLine, formatAmount, resultWarnings } from "../preview/warnings";
import { el } from "./dom";

/** Why the preview shows no numbers: errors to fix (shown at fields), or fields not filled in yet. */
export type PreviewBlock = "fix" | "incomplete";

/**
 * Why a case that cannot be computed shows no numbers: "incomplete" when every broken rule is an empty required field
 * (a blank start), else "fix" (a message at the field says what to fix).
 * @example previewBlock(new Map([["costPerParticipant", { rule: "required" }]])) // "incomplete"
 */
export function previewBlock(errors: ReadonlyMap<string, { readonly rule: string }>): PreviewBlock {
  return [...errors.values()].every((error) => error.rule === "required") ? "incomplete" : "fix";
}

/** One number of the preview: label, value and a short explanation. */
function metric(key: string, label: string, value: string, note?: string | null): HTMLElement {
  return el(
    "div",
    { class: "metric", "data-metric": key },
    el("dt", {}, label),
    el(
      "dd",
      {},
      el("span", { class: "value", "data-value": key }, value),
      note === undefined || note === null ? null : el("span", { class: "note", "data-note": key }, note),
    ),
  );
}

/** One row of "what carries the municipality's result": an outcome, the cost, or the total. */
export interface AttributionLine {
  readonly key: AttributionRow | "total";
  readonly label: string;
  /** kr per participant (NPV), positive = gain for the municipality. */
  readonly value: number;
}

/**
 * The rows of the preview's attribution table: every outcome state except the reference with at least 0.5 kr (a
 * neutralised state's row is 0 and left out), the cost, and the municipality's net (the sum of the rows). JOB_UNK is
 * marked as resting on an assumed wage.
 * @example attributionLines(pilotNumbers, "da").find((line) => line.key === "ABROAD")?.value // ≈ 16,092
 */
export function attributionLines(numbers: CaseNumbers, language: Language): AttributionLine[] {
  const { reference, rows } = numbers.municipalAttribution;
  const lines: AttributionLine[] = OUTCOME_STATES.filter(
    (state) => state !== reference && Math.abs(rows[state]) >= 0.5,
  ).map((state) => ({
    key: state,
    label:
      state === "JOB_UNK"
        ? `${STATE_LABELS[state][language]} ${t("attributionAssumedWage", language)}`
        : STATE_LABELS[state][language],
    value: rows[state],
  }));
  lines.push({ key: "cost", label: t("attributionCost", language), value: rows.cost });
  lines.push({ key: "total", label: t("municipalNet", language), value: numbers.municipalNetPerParticipant });
  return lines;
}

const NO_IRR_TEXT: Readonly<Record<"totalLoss" | "noSignChange" | "noSolution", TextKey>> = {
  totalLoss: "irrTotalLoss",
  noSignChange: "irrNoSignChange",
  noSolution: "irrNoSolution",
};

/**
 * The investor's IRR as text: "23,6 % om året", or the plain reason why there is none ("investor får intet tilbage
 * og taber hele indskuddet"; "ingen investering" when nothing is drawn).
 */
export function irrText(investor: InvestorOutcome | NoInvestment, language: Language): string {
  if (investor.kind === "noInvestment") return "—";
  const irr = investor.irr;
  return irr.kind === "rate"
    ? `${formatPercent(irr.annual, language)} ${t("perYear", language)}`
    : t(NO_IRR_TEXT[irr.reason], language);
}

/** The note under the IRR: other roots when the flows change sign more than once, a binding cap; or null. */
export function irrNote(investor: InvestorOutcome | NoInvestment, language: Language): string | null {
  if (investor.kind === "noInvestment") return t("noInvestment", language);
  const notes: string[] = [];
  if (investor.irr.kind === "rate" && investor.irr.otherRoots.length > 0) {
    const rates = investor.irr.otherRoots.map((rate) => formatPercent(rate, language)).join(", ");
    notes.push(t("irrOtherRoots", language, { n: investor.irr.signChanges, rates }));
  }
  if (investor.timingNote !== null) notes.push(investor.timingNote[language]);
  if (investor.capReached) notes.push(t("capReached", language));
  return notes.length === 0 ? null : notes.join(" ");
}

/** The money multiple as text, e.g. "1,14" (two decimals). */
export function multipleText(investor: InvestorOutcome, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    investor.moneyMultiple,
  );
}

const ACCOUNT_TEXT: Readonly<Record<PreviewAccount, TextKey>> = {
  municipality: "accountMunicipality",
  state: "accountState",
  public: "accountPublic",
  socioEconomic: "accountSocioEconomic",
};

/** One row of the accounts table: the account, its NPV per participant and its break-even month as text. */
export interface AccountLine {
  readonly key: PreviewAccount;
  readonly label: string;
  readonly amount: string;
  readonly breakEven: string;
}

/**
 * The accounts of the business case without the SIB: municipality, state, public total and socio-economic.
 * @example accountLines(pilotNumbers, "da")[1] // { key: "state", label: "Staten", amount: "41.867 kr.", … }
 */
export function accountLines(numbers: CaseNumbers, language: Language): AccountLine[] {
  return PREVIEW_ACCOUNTS.map((key) => {
    const account = numbers.accounts[key];
    return {
      key,
      label: t(ACCOUNT_TEXT[key], language),
      amount: formatKr(account.npvPerParticipant, language),
      breakEven:
        account.breakEvenMonth === null
          ? t("breakEvenNeverShort", language)
          : t("breakEvenShort", language, { n: account.breakEvenMonth }),
    };
  });
}

/** One municipality's line of the preview (issue 10 item 2): texts ready to show, from the engine's results. */
export interface MunicipalityLine {
  readonly name: string;
  readonly participants: string;
  /** Kommuneskat and where it comes from ("25,4 % (indbygget)"). */
  readonly taxRate: string;
  /** The municipality's NPV per participant of its own cohorts, before the payments (kr). */
  readonly perParticipant: string;
  /** Its share of the municipal outcome payments (kr, undiscounted). */
  readonly payments: string;
  /** Its NPV after its payments (kr, all its participants). */
  readonly afterPayments: string;
}

/**
 * The preview's lines per municipality, in the order listed (none for one combined municipality).
 * @example municipalityLines(herningViborgNumbers, "da")[0].name // "Herning"
 */
export function municipalityLines(
  numbers: Pick<CaseNumbers, "byMunicipality">,
  language: Language,
): MunicipalityLine[] {
  return Object.entries(numbers.byMunicipality).map(([name, result]) => ({
    name,
    participants: formatNumber(result.participants, language, 0),
    taxRate: `${formatPercent(result.taxRate, language, 2)} (${t(
      result.taxRateEvidence === "scenario" ? "municipalityRateOwn" : "municipalityRateBuiltIn",
      language,
    )})`,
    perParticipant: formatKr(result.perParticipant.municipality, language),
    payments: formatKr(result.payments.total, language),
    afterPayments: formatKr(result.municipalityAfterPayments, language),
  }));
}

/**
 * The results per municipality as a table (null for one combined municipality), with the given id: the preview's,
 * the review step's and the committee summary's.
 * @example municipalityLinesTable(municipalityLines(numbers, "da"), "da", "review-municipality-table")
 */
export function municipalityLinesTable(
  lines: readonly MunicipalityLine[],
  language: Language,
  id: string,
): HTMLElement | null {
  if (lines.length === 0) return null;
  const columns = [
    "municipalityName",
    "municipalityParticipants",
    "municipalityTaxRate",
    "municipalityPerParticipant",
    "municipalityPayments",
    "municipalityAfter",
  ] as const;
  return el(
    "div",
    { class: "table-scroll" },
    el(
      "table",
      { class: "accounts stack", id },
      el("caption", {}, t("municipalityTitle", language)),
      el("thead", {}, el("tr", {}, ...columns.map((key) => el("th", { scope: "col" }, t(key, language))))),
      el(
        "tbody",
        {},
        ...lines.map((line) =>
          el(
            "tr",
            { "data-municipality": line.name },
            el("th", { scope: "row" }, line.name),
            // Each cell carries its column's header: in a narrow box the row stacks under the name (taskpane CSS).
            el("td", { "data-label": t(columns[1], language) }, line.participants),
            el("td", { "data-label": t(columns[2], language) }, line.taxRate),
            el("td", { "data-label": t(columns[3], language) }, line.perParticipant),
            el("td", { "data-label": t(columns[4], language) }, line.payments),
            el(
              "td",
              { "data-label": t(columns[5], language), "data-municipality-after": line.name },
              line.afterPayments,
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * Why P(loss) is not shown: "being computed" while the simulation's chunk loads, the engine's reasons in the language
 * (e.g. several municipalities, which the simulation does not model yet), else "cannot be computed for these figures".
 * @example lossUnavailableText({ kind: "pending", issues: [municipalitiesIssue] }, "da")
 * // "Kan ikke beregnes: risikoberegningen (Monte Carlo) regner endnu ikke med flere kommuner hver for sig; …"
 */
export function lossUnavailableText(loss: LossProbability & { readonly kind: "pending" }, language: Language): string {
  if (loss.loading === true) return t("lossLoading", language);
  const reasons = [...new Set((loss.issues ?? []).map((problem) => issueReason(problem, language)))];
  if (reasons.length === 0) return t("lossUnavailable", language);
  return `${t("lossWhy", language, { reasons: reasons.join("; ") })}`;
}

/** The break-even month in words ("måned 38", "ikke inden for horisonten"). */
export function breakEvenText(month: number | null, language: Language): string {
  return month === null ? t("breakEvenNever", language) : t("breakEvenMonth", language, { n: month });
}

/** The compact summary: municipality net, break-even and the investor's IRR (sticky at narrow widths). */
export function summaryItems(numbers: PreviewFigures, language: Language): readonly [string, string, string][] {
  return [
    ["net", t("stickyNet", language), formatKr(numbers.municipalNetPerParticipant, language)],
    ["breakEven", t("stickyBreakEven", language), breakEvenText(numbers.breakEvenMonth, language)],
    ["irr", t("stickyIrr", language), irrText(numbers.investor, language)],
  ];
}

/**
 * The preview's content, or a note when there are no figures (errors to fix, or fields to fill): the figures, the
 * warnings on the results and the deadweight line, then `details` (the tables and chart of the lazy chunk details.js,
 * src/taskpane/ui/previewDetails.ts; none until it has loaded, as on the first screen).
 */
export function previewContent(
  numbers: PreviewFigures | null,
  language: Language,
  block: PreviewBlock = "fix",
  details: readonly (HTMLElement | null)[] = [],
): HTMLElement {
  if (numbers === null) {
    return el(
      "div",
      { class: "preview-body" },
      el(
        "p",
        { class: "blocked", "data-preview-blocked": block },
        t(block === "fix" ? "previewBlocked" : "previewIncomplete", language),
      ),
    );
  }
  const loss = numbers.lossProbability;
  const investor = numbers.investor;
  const warnings = resultWarnings(numbers, language);
  const investorMetrics =
    investor.kind === "invested"
      ? [
          metric(
            "multiple",
            t("investorMultiple", language),
            multipleText(investor, language),
            t("investorMultipleHelp", language, {
              returned: formatAmount(investor.returned, language),
              drawn: formatAmount(investor.drawn, language),
            }),
          ),
          metric(
            "npv",
            t("investorNpv", language, {
              rate: formatPercent(investor.hurdleRate, language, hurdleDecimals(investor.hurdleRate)),
            }),
            formatKr(investor.npvAtHurdle, language),
            t("investorNpvHelp", language),
          ),
        ]
      : [];
  return el(
    "div",
    { class: "preview-body" },
    el(
      "dl",
      { class: "metrics" },
      metric(
        "municipalNet",
        t("municipalNet", language),
        formatKr(numbers.municipalNetPerParticipant, language),
        t("municipalNetHelp", language),
      ),
      metric("breakEven", t("breakEven", language), breakEvenText(numbers.breakEvenMonth, language)),
      metric("irr", t("investorIrr", language), irrText(investor, language), irrNote(investor, language)),
      ...investorMetrics,
      metric(
        "loss",
        t("lossProbability", language),
        loss.kind === "pending" ? "—" : formatPercent(loss.probability, language),
        loss.kind === "pending" ? lossUnavailableText(loss, language) : t("lossHelp", language, { n: loss.draws }),
      ),
    ),
    warnings.length === 0
      ? null
      : el(
          "div",
          { class: "warnings", role: "note", "aria-label": t("warningsTitle", language) },
          el("p", { class: "warnings-title" }, t("warningsTitle", language)),
          el("ul", {}, ...warnings.map((warning) => el("li", { "data-warning": warning.key }, warning.text))),
        ),
    el("p", { class: "note", "data-deadweight": "" }, deadweightLine(numbers, language)),
    ...details,
  );
}

/** Decimals of a hurdle rate in the preview: none for a whole percent (5 %), else up to 2 (7.5 % → "7,50 %"). */
function hurdleDecimals(rate: number): number {
  const percent = rate * 100;
  return Math.abs(percent - Math.round(percent)) < 1e-9 ? 0 : 2;
}
