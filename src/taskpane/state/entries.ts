import { parseStartDate, priceIndexOf, startDateOf } from "../../engine/budget";
import { findInputField } from "../../engine/inputs";
import type { InvestorTermsInput } from "../../engine/investor";
import { DEFAULT_HURDLE_RATE } from "../../engine/investor/summary";
import { DEFAULT_SAVINGS_SURPLUS } from "../../engine/investor/surplus";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { employmentDifferencePp } from "../../engine/shares";
import { formatNumber, parseNumber } from "../i18n/numbers";
import { cohortFieldValues } from "../steps/target";
import { DEFAULT_CONSEQUENCES } from "../../engine/consequences/defaults";
import type { FieldEntry, FieldSpec, FieldTarget, Language, PaymentFieldName } from "./types";

/** Where the fields' values come from: a scenario, payment terms and investor terms. */
export interface Sources {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
}

/** Significant digits kept when a display value is scaled back (18,2 % → 0.182, not 0.18200000000000002). */
const PRECISION = 12;

/**
 * A field's value in engine units in the sources, or null for "none" (an empty optional field).
 * @example engineValue(costField, { scenario: pilot, ... }) // 79236
 */
export function engineValue(spec: FieldSpec, sources: Sources): number | null {
  const { scenario, terms, investor } = sources;
  const target = spec.target;
  switch (target.kind) {
    case "input": {
      const refusion = /^refusion\.week(\d+)$/.exec(target.key);
      if (refusion !== null) {
        return scenario.refusionSteps.find((step) => step.fromWeek === Number(refusion[1]))?.share ?? null;
      }
      if (target.key === "measuredParticipants") return scenario.measuredParticipants;
      if (target.key === "comparisonGroupSize") return scenario.comparisonGroupSize;
      const value = findInputField(target.key)?.get(scenario);
      return typeof value === "number" ? value : null;
    }
    case "cohort":
      return cohortFieldValues(scenario)[target.part];
    case "effect":
      // The simple effect's definition: ordinary work, fully or partly (JOB + JOB_PART), participants − comparison.
      return employmentDifferencePp(scenario.participantShares, scenario.comparisonShares);
    case "terms":
      return termValue(terms, target.name);
    case "investor":
      if (target.name === "hurdleRate") return investor.hurdleRate ?? DEFAULT_HURDLE_RATE;
      if (target.name === "surplusShare") return (investor.savingsSurplus ?? DEFAULT_SAVINGS_SURPLUS).share;
      return target.name === "maxLoss" ? (investor.maxLoss ?? null) : (investor.returnCap?.irr ?? null);
    case "budget": {
      if (target.part === "priceIndex") return priceIndexOf(scenario);
      const date = parseStartDate(startDateOf(scenario));
      if (date === null) return null;
      return target.part === "startYear" ? date.year : date.month;
    }
    case "write":
      // No spare months unless asked for: the workbook is written for the horizon.
      return 0;
    case "consequence":
      return consequenceValue(scenario, target);
    case "progression":
      return progressionValue(terms, target);
  }
}

/**
 * A progression field's value (steps/progression.ts): the rate card's line of the metric — its price, measurement
 * month, share (empty when there is one per cohort: the field then keeps them) or comparison share; null (empty) when
 * the metric is not on the card.
 */
function progressionValue(terms: PaymentTerms, target: FieldTarget & { readonly kind: "progression" }): number | null {
  const line = terms.rateCard.find((candidate) => candidate.metric === target.metric);
  if (line === undefined) return null;
  const measure = line.progression ?? null;
  if (target.part === "price") return line.price;
  if (measure === null) return null;
  if (target.part === "month") return measure.measurementMonth;
  if (target.part === "comparison") return measure.comparisonShare;
  return measure.shares.length === 1 ? (measure.shares[0] ?? null) : null;
}

/**
 * A consequence field's value: the scenario's row (or the default table's, when the scenario has none) — its change
 * per person-year in work (JOB), unit price or price year; null (empty) for a local row not in the scenario.
 */
function consequenceValue(scenario: Scenario, target: FieldTarget & { readonly kind: "consequence" }): number | null {
  const rows = scenario.consequences ?? (target.local === undefined ? DEFAULT_CONSEQUENCES : []);
  const row = rows.find((candidate) => candidate.id === target.id);
  if (row === undefined) return null;
  if (target.part === "changeInWork") return row.changePerYear.JOB;
  if (target.part === "indexFactor") return row.indexFactor;
  return target.part === "unitPrice" ? row.unitPrice : row.priceYear;
}

function termValue(terms: PaymentTerms, name: PaymentFieldName): number | null {
  switch (name) {
    case "price.selfSupporting":
    case "price.paidHours": {
      const metric = name.slice("price.".length);
      return terms.rateCard.find((line) => line.metric === metric)?.price ?? null;
    }
    case "threshold.pp":
      return terms.threshold?.pp ?? null;
    case "personCap":
      return terms.personCap;
    case "contractCap":
      return terms.contractCap;
    case "lagMonths":
      return terms.lagMonths;
    case "municipalityShare":
      return terms.municipalityShare;
    case "savingsShare":
      return terms.savingsShare;
    case "baseFee":
      return terms.baseFee;
  }
}

/** The text a field shows for an engine value (display units, the language's separators). */
export function displayText(spec: FieldSpec, value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return "";
  if (spec.unit === "year") return String(Math.round(value));
  return formatNumber(Number((value * spec.scale).toPrecision(PRECISION)), language, spec.decimals);
}

/** A field entry for an engine value (as loaded, not typed). */
export function entryFromValue(spec: FieldSpec, value: number | null, language: Language): FieldEntry {
  const empty = value === null || !Number.isFinite(value);
  return {
    text: displayText(spec, value, language),
    parsed: empty ? "empty" : "number",
    value: empty ? Number.NaN : value,
    touched: false,
  };
}

/**
 * A field entry for what the user typed: parsed in `language`, scaled to engine units (percent → fraction).
 * @example entryFromText(persistenceField, "98", "da").value // 0.98
 */
export function entryFromText(spec: FieldSpec, text: string, language: Language): FieldEntry {
  const parsed = parseNumber(text, language);
  if (parsed.kind !== "number") return { text, parsed: parsed.kind, value: Number.NaN, touched: true };
  const value = spec.scale === 1 ? parsed.value : Number((parsed.value / spec.scale).toPrecision(PRECISION));
  return { text, parsed: "number", value, touched: true };
}

/** Entries for every field from the sources; `emptied` fields start empty. */
export function entriesFrom(
  specs: readonly FieldSpec[],
  sources: Sources,
  language: Language,
  emptied: readonly string[] = [],
): Record<string, FieldEntry> {
  const entries: Record<string, FieldEntry> = {};
  for (const spec of specs) {
    entries[spec.id] = entryFromValue(spec, emptied.includes(spec.id) ? null : engineValue(spec, sources), language);
  }
  return entries;
}

/** The same entries written in another language (what was typed but cannot be read is kept as typed). */
export function relabelEntries(
  specs: readonly FieldSpec[],
  entries: Readonly<Record<string, FieldEntry>>,
  language: Language,
): Record<string, FieldEntry> {
  const result: Record<string, FieldEntry> = { ...entries };
  for (const spec of specs) {
    const entry = entries[spec.id];
    if (entry === undefined || entry.parsed !== "number") continue;
    result[spec.id] = { ...entry, text: displayText(spec, entry.value, language) };
  }
  return result;
}
