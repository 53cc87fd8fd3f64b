/**
 * Plausibility warnings (issue 14 item 7): not errors, the value is used as read, but the user is told what it was
 * read as or why it looks unusual. Field warnings concern what was typed; result warnings concern the case's numbers.
 * All texts come from i18n/text.ts in both languages.
 */
import { DEADWEIGHT_WARNING_SHARE } from "../../engine/payment/deadweight";
import type { Language } from "../about";
import { UNIT_LABELS } from "../i18n/errors";
import { formatKr, formatNumber, formatPercent } from "../i18n/numbers";
import { t } from "../i18n/text";
import type { FieldEntry, FieldSpec } from "../state/types";
import type { PreviewFigures } from "./preview";

/** Amounts below this (kr, kr per month or kr per year) are unusually low for any amount field of the wizard. */
export const LOW_AMOUNT_KR = 1_000;
/** Shares above this (fraction) are unusually high for an outcome share. */
export const HIGH_SHARE = 0.95;
/** An investor IRR above this (effective annual fraction, 100 % a year) is unusually high. */
export const HIGH_IRR = 1;

const AMOUNT_UNITS = new Set<FieldSpec["unit"]>(["kr", "krMonth", "krYear"]);
const COUNT_UNITS = new Set<FieldSpec["unit"]>(["people", "cohorts", "months", "weeks", "kr", "krMonth", "krYear"]);

/** The typed text without spaces and a trailing unit (as parseNumber strips them). */
function body(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/(kr\.?|dkk|%|pp|procentpoint|percentagepoints|mdr\.?|måneder|months)$/i, "")
    .replace(/^[-+\u2212]/, "");
}

/** The value as the field shows it, with its unit, e.g. "79,23 kr." or "125 mdr.". */
function shown(spec: FieldSpec, value: number, language: Language): string {
  const display = value * spec.scale;
  const unit = UNIT_LABELS[spec.unit][language];
  return `${formatNumber(display, language, Math.max(2, spec.decimals))}${unit === "" ? "" : ` ${unit}`}`;
}

/**
 * A warning for what was typed in a field, or null: a decimal read from the other language's convention ("79.23" in
 * Danish is 79,23), a leading "0." read as thousands ("0.125" in Danish is 125), a "%" typed into a field that is not
 * in per cent, an amount under 1,000 kr, an outcome share above 95 %. Only for a value that was read (an unreadable
 * value is an error, not a warning).
 * @example fieldWarning(costField, { text: "79.23", parsed: "number", value: 79.23, touched: true }, "da")
 * // "Læst som 79,23 kr. Punktum skiller tusinder på dansk; skriv komma for decimaler."
 */
export function fieldWarning(spec: FieldSpec, entry: FieldEntry | undefined, language: Language): string | null {
  if (entry === undefined || entry.parsed !== "number") return null;
  const text = body(entry.text);
  const group = language === "da" ? "." : ",";
  const decimal = language === "da" ? "," : ".";
  const value = entry.value;
  const readAs = shown(spec, value, language);
  if (!text.includes(decimal)) {
    const parts = text.split(group);
    // One group mark followed by other than three digits: read as a decimal ("79.23" = 79,23 in Danish).
    if (parts.length === 2 && (parts[1] ?? "").length !== 3) return t("warnReadAs", language, { value: readAs });
    // A leading "0." followed by three digits: read as thousands ("0.125" = 125 in Danish).
    if (parts.length === 2 && parts[0] === "0") {
      return spec.unit === "months"
        ? t("warnFractionHorizon", language, { value: readAs })
        : t("warnReadAs", language, { value: readAs });
    }
  }
  if (/%\s*$/.test(entry.text.trim()) && COUNT_UNITS.has(spec.unit)) {
    return t("warnUnitPercent", language, { unit: UNIT_LABELS[spec.unit][language], value: readAs });
  }
  if (AMOUNT_UNITS.has(spec.unit) && value > 0 && value < LOW_AMOUNT_KR) {
    return t("warnPriceLow", language, { suggestion: shown(spec, value * 1000, language) });
  }
  if (/^(participantShare|comparisonShare)\./.test(spec.id) && value > HIGH_SHARE) return t("warnShareHigh", language);
  return null;
}

/** One warning about the case's results. */
export interface ResultWarning {
  readonly key: "irrHigh" | "paysWithoutEffect" | "deadweight";
  readonly text: string;
}

/**
 * Warnings on the results: an investor IRR above 100 % a year; a payment when the programme has no effect (employment
 * effect ≤ 0); the engine's deadweight warning (more than DEADWEIGHT_WARNING_SHARE of the payment would be paid with
 * no effect), in plain language with the amount.
 * @example resultWarnings(pilotNumbers, "da").map((w) => w.key) // ["deadweight"] (47.9 % of the payment)
 */
export function resultWarnings(numbers: PreviewFigures, language: Language): ResultWarning[] {
  const warnings: ResultWarning[] = [];
  const investor = numbers.investor;
  if (investor.kind === "invested" && investor.irr.kind === "rate" && investor.irr.annual > HIGH_IRR) {
    warnings.push({ key: "irrHigh", text: t("warnIrrHigh", language) });
  }
  if (numbers.employmentEffectPp <= 0 && numbers.paymentsTotal > 0) {
    warnings.push({
      key: "paysWithoutEffect",
      text: t("warnPaysWithoutEffect", language, { amount: formatAmount(numbers.paymentsTotal, language) }),
    });
  }
  const warning = deadweightWarning(numbers, language);
  if (warning !== null) warnings.push({ key: "deadweight", text: warning });
  return warnings;
}

/**
 * The deadweight warning in plain language when the engine flags it (share above DEADWEIGHT_WARNING_SHARE = 25 %),
 * else null: "Kommunen betaler 1,9 mio. kr., selv hvis indsatsen ingen effekt har, fordi …".
 */
export function deadweightWarning(numbers: PreviewFigures, language: Language): string | null {
  const deadweight = numbers.deadweight;
  if (!deadweight.warning) return null;
  const municipalityOnly =
    Math.abs(deadweight.paymentAtZeroEffectByMunicipality - deadweight.paymentAtZeroEffect) <= 0.5;
  const baseFee =
    numbers.baseFeeTotal >= 0.5
      ? ` ${t("deadweightBaseFee", language, { amount: formatAmount(numbers.baseFeeTotal, language) })}`
      : "";
  return `${t("deadweightWarning", language, {
    payer: t(municipalityOnly ? "deadweightPayerMunicipality" : "deadweightPayerBoth", language),
    amount: formatAmount(deadweight.paymentAtZeroEffect, language),
    share:
      deadweight.shareOfPayment === null
        ? `> ${formatPercent(DEADWEIGHT_WARNING_SHARE, language, 0)}`
        : formatPercent(deadweight.shareOfPayment, language),
  })}${baseFee}`;
}

/** The deadweight line shown under the payment figures (always, so the level is visible below the warning level). */
export function deadweightLine(numbers: PreviewFigures, language: Language): string {
  const deadweight = numbers.deadweight;
  return t("deadweightLine", language, {
    amount: formatAmount(deadweight.paymentAtZeroEffect, language),
    share: deadweight.shareOfPayment === null ? "—" : formatPercent(deadweight.shareOfPayment, language),
  });
}

/**
 * An amount for reading: millions as "1,9 mio. kr." ("1.9 million kr"), smaller amounts to the krone.
 * @example formatAmount(1_885_816.8, "da") // "1,9 mio. kr."
 */
export function formatAmount(value: number, language: Language): string {
  if (Math.abs(value) < 1_000_000) return formatKr(value, language);
  const millions = formatNumber(value / 1_000_000, language, 1);
  return language === "da" ? `${millions} mio. kr.` : `${millions} million kr`;
}
