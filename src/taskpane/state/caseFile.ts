/**
 * The wizard's case as a file (issue 14 item 2): the scenario, the payment terms, the investor's terms and the named
 * views, in the documented scenario-file format (docs/scenario.md), so the same file runs in
 * `npm run case -- --scenario FILE.json`. Writing spells out every scenario field and every term (nothing is left to
 * the pilot's defaults); reading is the engine's own parser (parseModelFile), so a file the wizard accepts is a file
 * the command line accepts, and every problem is listed with its JSON path.
 */
import { fail, failMany, issue, ok, type Issue, type Result } from "../../engine/errors";
import { MAX_FILE_BYTES } from "../../engine/limits";
import { investorTerms, type InvestorTerms, type InvestorTermsInput } from "../../engine/investor";
import { parseModelFile, type Model } from "../../engine/modelFile";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import type { ScenarioView } from "../../engine/views";
import type { EffectMode } from "./types";

/** What a case holds besides the wizard's fields: kept from a loaded file so that saving writes it back. */
export interface CaseExtras {
  /** The complete investor terms of the source (hurdle rate, surplus shares, … that the wizard has no field for). */
  readonly investor: InvestorTermsInput;
  /** The file's own views (docs/scenario.md "Views"), besides the built-in ones. */
  readonly views: readonly ScenarioView[];
  readonly description: string | null;
}

/** A case to save: the wizard's derived model plus the extras of the file it came from. */
export interface CaseToSave {
  readonly scenario: Scenario;
  readonly terms: PaymentTerms;
  readonly investor: InvestorTermsInput;
  readonly views: readonly ScenarioView[];
  readonly description: string | null;
  /**
   * The wizard's effect mode, kept in the file's `wizard` section so that opening the file shows the case as it was
   * saved (issue 14); "states" is written as "detailed". Absent: no `wizard` section.
   */
  readonly effectMode?: EffectMode;
}

/** A JSON value of a case file (what JSON.stringify writes). */
type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * Largest case file read, in characters: the project's file-size limit (MAX_FILE_BYTES, 5 MB, src/engine/limits.ts),
 * far above any case (a pilot file is about 4 KB).
 */
export const MAX_CASE_FILE_CHARS = MAX_FILE_BYTES;

/**
 * The case as a scenario file (an object ready for JSON.stringify): every scenario field, `payment` and `investor`
 * term pairs in the vocabulary of docs/payment.md and docs/investor.md, `views` when the case has its own, and
 * `wizard: { effectMode }` when the case says in which effect mode the wizard showed it. Fails when a term cannot be written so that it reads back the same: a person or contract cap of 0 kr (the engine
 * pays nothing above 0 kr, but 0 in a terms range means "no cap"), or a rate card without one of the pilot's metrics
 * (a file's rate card starts from the pilot's and can only add metrics).
 * @example caseFileJson({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [], description: null })
 * // ok({ base: "pilot", parameterYear: 2023, name: "…", cohorts: [...], …, payment: { "price.selfSupporting": 198090, … }, investor: { draw: "asNeeded", … } })
 */
export function caseFileJson(model: CaseToSave): Result<Record<string, Json>> {
  const investor = investorTerms(model.investor);
  if (!investor.ok) return investor;
  const payment = paymentPairs(model.terms);
  if (!payment.ok) return payment;
  const scenario = JSON.parse(JSON.stringify(model.scenario)) as Record<string, Json>;
  return ok({
    base: "pilot",
    ...(model.description === null ? {} : { description: model.description }),
    ...scenario,
    payment: payment.value,
    investor: investorPairs(investor.value),
    ...(model.views.length === 0 ? {} : { views: JSON.parse(JSON.stringify(model.views)) as Json }),
    ...(model.effectMode === undefined
      ? {}
      : { wizard: { effectMode: model.effectMode === "simple" ? "simple" : "detailed" } }),
  });
}

/**
 * The case file's text: pretty-printed JSON (2 spaces) with a final newline.
 * @example caseFileText(pilotCase).ok // true
 */
export function caseFileText(model: CaseToSave): Result<string> {
  const json = caseFileJson(model);
  return json.ok ? ok(`${JSON.stringify(json.value, null, 2)}\n`) : json;
}

/**
 * Reads a case file's text: JSON, then the engine's model-file parser (unknown fields, wrong types, broken rules of
 * the scenario, the payment and investor terms and the views, each with its path). Nothing is applied on failure.
 * @example parseCaseFile('{"horizonMonths": 0}') // fail: horizonMonths must be …
 */
export function parseCaseFile(text: string): Result<Model> {
  if (text.length > MAX_CASE_FILE_CHARS) {
    return fail("InvalidInput", "$", "size", `The file is larger than ${MAX_CASE_FILE_CHARS} characters.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail("InvalidInput", "$", "json", `The file is not JSON: ${error instanceof Error ? error.message : ""}`);
  }
  return parseModelFile(json);
}

/**
 * A file name for the case: its name in lower case, letters and digits joined by "-", then ".json".
 * @example caseFileName("DRC SIB pilot, Herning og Viborg") // "drc-sib-pilot-herning-og-viborg.json"
 */
export function caseFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug === "" ? "sib-case" : slug}.json`;
}

/** The payment terms as term pairs that applyPaymentTermInputs(PILOT_PAYMENT_TERMS, …) reads back to the same terms. */
function paymentPairs(terms: PaymentTerms): Result<Record<string, Json>> {
  const issues: Issue[] = [];
  const metrics = new Set(terms.rateCard.map((line) => line.metric));
  for (const line of PILOT_PAYMENT_TERMS.rateCard) {
    if (!metrics.has(line.metric)) {
      issues.push(
        issue(
          "InvalidInput",
          `rateCard.${line.metric}`,
          "required",
          `The rate card has no line for ${line.metric}; a case file can only add metrics to the pilot's rate card (set its price to 0 instead).`,
        ),
      );
    }
  }
  for (const [field, cap] of [
    ["personCap", terms.personCap],
    ["contractCap", terms.contractCap],
  ] as const) {
    if (cap === 0) {
      issues.push(
        issue(
          "InvalidInput",
          field,
          "range",
          `${field} of 0 kr cannot be saved: in a case file 0 means no cap. Leave the field empty for no cap, or give a cap above 0 kr.`,
        ),
      );
    }
  }
  for (const line of terms.rateCard) {
    if (line.volumeCap === 0) {
      issues.push(
        issue(
          "InvalidInput",
          `volumeCap.${line.metric}`,
          "range",
          `volumeCap.${line.metric} of 0 outcomes cannot be saved: in a case file 0 means no cap.`,
        ),
      );
    }
  }
  if (issues.length > 0) return failMany(issues);
  const pairs: Record<string, Json> = {};
  for (const line of terms.rateCard) {
    pairs[`price.${line.metric}`] = line.price;
    pairs[`volumeCap.${line.metric}`] = line.volumeCap;
    pairs[`requires.${line.metric}`] = line.requires;
    const measure = line.progression ?? null;
    if (measure !== null) {
      // A progression metric (issue 15): its month, shares (one, or one per cohort) and comparison share.
      pairs[`progression.${line.metric}.month`] = measure.measurementMonth;
      if (measure.shares.length === 1) pairs[`progression.${line.metric}.share`] = measure.shares[0] ?? null;
      else measure.shares.forEach((share, c) => (pairs[`progression.${line.metric}.share.${c + 1}`] = share));
      pairs[`progression.${line.metric}.comparison`] = measure.comparisonShare;
    }
  }
  pairs["includeEducation"] = terms.includeEducation;
  const baseline = terms.baseline;
  if (baseline.kind === "historical") {
    pairs["baseline"] = baseline.rate;
    for (const [metric, rate] of Object.entries(baseline.rates)) pairs[`baseline.${metric}`] = rate;
  } else pairs["baseline"] = baseline.kind;
  pairs["threshold.pp"] = terms.threshold?.pp ?? null;
  if (terms.threshold !== null) {
    pairs["threshold.scope"] = terms.threshold.scope;
    if (terms.threshold.metric !== null) pairs["threshold.metric"] = terms.threshold.metric;
  }
  pairs["cap.person"] = terms.personCap;
  pairs["cap.contract"] = terms.contractCap;
  pairs["savingsShare"] = terms.savingsShare;
  pairs["savingsScope"] = terms.savingsScope;
  pairs["baseFee"] = terms.baseFee;
  pairs["baseFeeTiming"] = terms.baseFeeTiming;
  pairs["lagMonths"] = terms.lagMonths;
  pairs["payerShare.municipality"] = terms.municipalityShare;
  if (terms.priceIndexation !== undefined) pairs["priceIndexation"] = terms.priceIndexation;
  return ok(pairs);
}

/** Complete investor terms as pairs (a term that is off, null, is left out: absent means off). */
function investorPairs(terms: InvestorTerms): Record<string, Json> {
  const pairs: Record<string, Json> = { draw: terms.draw, topUpPayer: terms.topUpPayer };
  if (terms.returnCap.irr !== null) pairs["returnCap.irr"] = terms.returnCap.irr;
  if (terms.returnCap.multiple !== null) pairs["returnCap.multiple"] = terms.returnCap.multiple;
  if (terms.maxLoss !== null) pairs["maxLoss"] = terms.maxLoss;
  if (terms.hurdleRate !== null) pairs["hurdleRate"] = terms.hurdleRate;
  pairs["surplusShare.investor"] = terms.surplusShare.investor;
  pairs["surplusShare.provider"] = terms.surplusShare.provider;
  pairs["surplusShare.commissioner"] = terms.surplusShare.commissioner;
  pairs["surplusShare.reinvested"] = terms.surplusShare.reinvested;
  const surplus = terms.savingsSurplus;
  if (surplus !== undefined) {
    pairs["savingsSurplus.rule"] = surplus.rule;
    pairs["savingsSurplus.share"] = surplus.share;
    pairs["savingsSurplus.cohortSize"] = surplus.cohortSize;
  }
  return pairs;
}
