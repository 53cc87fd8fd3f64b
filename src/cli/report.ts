import type { AttributionRow } from "../engine/attribution";
import { ACCOUNTS, computeBusinessCase, type BusinessCaseResult, type PerAccount } from "../engine/businessCase";
import type { Issue } from "../engine/errors";
import { investorFlows } from "../engine/investor/waterfall";
import type { Model } from "../engine/modelFile";
import { computePaymentSchedule } from "../engine/payment/schedule";
import { deadweightCore, savingsAfterLastPaymentCore } from "../engine/payment/deadweight";
import { effectEstimates, type EffectEstimate } from "../engine/effect";
import { parameterValue } from "../engine/parameters/lookup";
import { defaultsProvenance, type DefaultProvenance } from "../engine/provenance";
import type { Scenario } from "../engine/scenario";
import type { OutcomeState, PerState } from "../engine/states";
import { applyViews, BUILT_IN_VIEWS, viewsToCompare } from "../engine/views";
import { ok, type Result } from "../engine/errors";
import { workbookNames } from "../plan/outputs";

/** The machine-readable business case printed by `npm run case -- --json`. Amounts in kr; months are counts. */
export interface CaseReport {
  readonly scenario: string;
  readonly parameterYear: number;
  readonly participants: number;
  readonly horizonMonths: number;
  readonly discountRate: number;
  /** NPV per participant, per account (positive = net gain). */
  readonly perParticipant: PerAccount<number>;
  /** NPV for all cohorts together. */
  readonly total: PerAccount<number>;
  readonly undiscounted: { readonly perParticipant: PerAccount<number>; readonly total: PerAccount<number> };
  readonly breakEvenMonth: PerAccount<number | null>;
  readonly effect: PerState<EffectEstimate>;
  /** Neutralised states (their difference is not counted as an effect). */
  readonly neutraliseStates: readonly OutcomeState[];
  /** The state the attribution rows are measured against (its row is 0). */
  readonly attributionReference: OutcomeState;
  /**
   * What carries the saving: NPV per participant (kr) per account, split by outcome state plus `cost`; the rows of an
   * account sum to `perParticipant[account]`. Same account keys as `perParticipant`.
   */
  readonly attribution: PerAccount<Readonly<Record<AttributionRow, number>>>;
  /** The price basis of every amount, in Danish and English. */
  readonly priceBasis: PriceBasis;
  /** Payment schedule under the model's payment terms (kr; byMonth per programme month). */
  readonly payment: {
    readonly total: number;
    readonly totalPresentValue: number;
    readonly byPayer: { readonly municipality: number; readonly state: number };
    readonly municipalityNetPresentValue: number;
    readonly neverPaysMoreThanSaves: boolean;
    readonly byMonth: readonly number[];
    /** Yearly price indexation of the terms and the contract money paid with it (kr; equals `total` when 0). */
    readonly priceIndexation: number;
    readonly nominalTotal: number;
    /**
     * What the terms would pay with no effect (participants at the comparison group's shares; kr, all payers, fixed
     * prices) and its share of `total` (0 when both are 0, null when only `total` is 0). src/engine/payment/deadweight.ts.
     */
    readonly deadweight: {
      readonly paymentAtZeroEffect: number;
      readonly shareOfPayment: number | null;
      /** True when the share is above DEADWEIGHT_WARNING_SHARE (or something is paid only at zero effect). */
      readonly warning: boolean;
    };
    /**
     * Share (0–1) of the municipality's discounted savings before the intervention cost that arrive after the last
     * outcome-contingent payment (outcome or savings-share payment; month `lastOutcomePaymentMonth`); null when none.
     */
    readonly savingsAfterLastPayment: number | null;
    readonly lastOutcomePaymentMonth: number | null;
  };
  /** The investor's view under the model's investor terms (IRR as an effective annual rate, or why there is none). */
  readonly investor: {
    readonly drawn: number;
    readonly returned: number;
    readonly moneyMultiple: number | null;
    readonly irrEffectiveAnnual: number | null;
    readonly irrFailure: string | null;
    readonly netFlow: readonly number[];
  };
  /** Year, evidence mark and source of every parameter-derived input (issue 10); `isDefault` false = the file's own. */
  readonly provenance: readonly DefaultProvenance[];
  /** The engine's value of every output defined name of the workbook (null = break-even not reached). */
  readonly workbookNames: Readonly<Record<string, number | null>>;
  readonly monthly: {
    readonly discountFactor: readonly number[];
    readonly cost: readonly number[];
    readonly netFlow: PerAccount<readonly number[]>;
  };
}

/** Amounts are in fixed prices of the parameter year; the discount rate is real (FM's 3.5 % when it is that). */
export interface PriceBasis {
  readonly parameterYear: number;
  readonly discountRate: number;
  /** True when the discount rate is Finansministeriet's rate for the parameter year (diskonteringsrente). */
  readonly discountRateIsFm: boolean;
  readonly da: string;
  readonly en: string;
}

/**
 * The price basis of a scenario's amounts, e.g. "faste priser, parameterår 2023; realrente 3,5 % (FM)".
 * @example priceBasis(pilot).en // "fixed prices of parameter year 2023; real discount rate 3.5 % (FM)"
 */
export function priceBasis(scenario: Scenario): PriceBasis {
  const fm = parameterValue("diskonteringsrente", scenario.parameterYear);
  const isFm = fm.ok && fm.value.value === scenario.discountRate;
  const percent = Number((100 * scenario.discountRate).toFixed(2));
  const tag = isFm ? " (FM)" : "";
  return {
    parameterYear: scenario.parameterYear,
    discountRate: scenario.discountRate,
    discountRateIsFm: isFm,
    da: `faste priser, parameterår ${scenario.parameterYear}; realrente ${String(percent).replace(".", ",")} %${tag}`,
    en: `fixed prices of parameter year ${scenario.parameterYear}; real discount rate ${percent} %${tag}`,
  };
}

const PUBLISHED_OVERRIDES = BUILT_IN_VIEWS.find((view) => view.id === "published")?.overrides;

/** One view of `--compare`: what it changes and its business case per participant. */
export interface ViewReport {
  readonly id: string;
  readonly label: { readonly da: string; readonly en: string };
  readonly changes: { readonly da: string; readonly en: string };
  readonly perParticipant: PerAccount<number>;
  readonly total: PerAccount<number>;
  readonly breakEvenMonth: PerAccount<number | null>;
  readonly attribution: PerAccount<Readonly<Record<AttributionRow, number>>>;
}

/**
 * The business case of a model under the built-in views and the model file's own views (src/engine/views.ts).
 * `isPilot`: the model is the built-in pilot (else the "as published" view is labelled "as given in the file").
 * @example compareViews(pilotModel, true).value.map((view) => view.id) // ["published", "fm2023", "employmentOnly"]
 */
export function compareViews(model: Model, isPilot: boolean): Result<ViewReport[]> {
  const applied = applyViews(model.scenario, viewsToCompare(model.views));
  if (!applied.ok) return applied;
  // The built-in "as published" view is the scenario as given: for a scenario file that is not the published pilot.
  const asGiven = { da: "Som givet i filen", en: "As given in the file" };
  return ok(
    applied.value.map(({ view, businessCase }) => ({
      id: view.id,
      label: !isPilot && view.id === "published" && view.overrides === PUBLISHED_OVERRIDES ? asGiven : view.label,
      changes: view.changes,
      perParticipant: businessCase.npv.perParticipant,
      total: businessCase.npv.total,
      breakEvenMonth: businessCase.breakEvenMonth,
      attribution: attributionPerParticipant(businessCase),
    })),
  );
}

function attributionPerParticipant(result: BusinessCaseResult): PerAccount<Readonly<Record<AttributionRow, number>>> {
  const table = {} as Record<keyof PerAccount<number>, Readonly<Record<AttributionRow, number>>>;
  for (const account of ACCOUNTS) table[account] = result.attribution.perParticipant[account];
  return table;
}

/**
 * The report of a model: the business case, the payment schedule under the model's payment terms and the
 * investor's flows, and the engine's value of every output name of the workbook.
 */
export function caseReport(model: Model): CaseReport {
  const scenario = model.scenario;
  const result = computeBusinessCase(scenario);
  const schedule = computePaymentSchedule(scenario, result, model.paymentTerms);
  const deadweight = deadweightCore(scenario, schedule, model.paymentTerms);
  const afterLast = savingsAfterLastPaymentCore(result, schedule);
  const flows = investorFlows(Array.from(result.monthly.cost), Array.from(schedule.total), model.investorTerms);
  const investor = flows.ok ? flows.value : null;
  const irr = investor === null ? null : investor.metrics.irr;
  return {
    scenario: scenario.name,
    parameterYear: scenario.parameterYear,
    participants: result.participants,
    horizonMonths: scenario.horizonMonths,
    discountRate: scenario.discountRate,
    perParticipant: result.npv.perParticipant,
    total: result.npv.total,
    undiscounted: result.undiscounted,
    breakEvenMonth: result.breakEvenMonth,
    effect: effectEstimates(scenario),
    neutraliseStates: scenario.neutraliseStates,
    attributionReference: scenario.attributionReference,
    attribution: attributionPerParticipant(result),
    priceBasis: priceBasis(scenario),
    payment: {
      total: schedule.totals.all,
      totalPresentValue: schedule.discountedTotals.all,
      byPayer: schedule.totals.byPayer,
      municipalityNetPresentValue: schedule.municipality.discounted.net,
      neverPaysMoreThanSaves: schedule.municipality.neverPaysMoreThanSaves,
      byMonth: schedule.total,
      priceIndexation: schedule.nominal.priceIndexation,
      nominalTotal: schedule.nominal.totals.all,
      deadweight: {
        paymentAtZeroEffect: deadweight.paymentAtZeroEffect,
        shareOfPayment: deadweight.shareOfPayment,
        warning: deadweight.warning,
      },
      savingsAfterLastPayment: afterLast.share,
      lastOutcomePaymentMonth: afterLast.lastPaymentMonth,
    },
    investor: {
      drawn: investor?.totals.drawn ?? 0,
      returned: investor?.totals.returned ?? 0,
      moneyMultiple: investor?.metrics.moneyMultiple ?? null,
      irrEffectiveAnnual: irr?.ok === true ? irr.value.effectiveAnnualRate : null,
      irrFailure: describeIrrFailure(irr ?? flows),
      netFlow: investor?.netFlow ?? [],
    },
    provenance: defaultsProvenance(scenario),
    workbookNames: workbookNames(scenario, result, schedule, investor, model.paymentTerms),
    monthly: result.monthly,
  };
}

function describeIrrFailure(result: { readonly ok: boolean; readonly issues?: readonly Issue[] }): string | null {
  return result.ok ? null : (result.issues ?? []).map((item) => item.message).join("; ");
}
