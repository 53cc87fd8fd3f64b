import type { AttributionRow } from "../engine/attribution";
import { ACCOUNTS, computeBusinessCase, type BusinessCaseResult, type PerAccount } from "../engine/businessCase";
import type { Issue } from "../engine/errors";
import { dealCostSchedule } from "../engine/investor/dealCosts";
import { moneyFlowsCore, municipalityPositionAfterContract } from "../engine/investor/moneyFlows";
import { contractSurplusFlows, type RecycledCohort, type SurplusRule } from "../engine/investor/surplus";
import { DEFAULT_HURDLE_RATE } from "../engine/investor/summary";
import { compareCards } from "../engine/stress/cards";
import { investorFlows } from "../engine/investor/waterfall";
import { savingsByMonth } from "../engine/payment/savingsShare";
import type { Model } from "../engine/modelFile";
import { municipalityResults, type MunicipalityResult } from "../engine/municipalityResults";
import { computePaymentSchedule } from "../engine/payment/schedule";
import { deadweightCore, savingsAfterLastPaymentCore } from "../engine/payment/deadweight";
import { effectEstimates, type EffectEstimate } from "../engine/effect";
import { parameterValue } from "../engine/parameters/lookup";
import { defaultsProvenance, type DefaultProvenance } from "../engine/provenance";
import {
  computeBudget,
  municipalityBudgets,
  type BudgetAccount,
  type BudgetYear,
  type MunicipalityBudget,
} from "../engine/budget";
import { compareFinancing, type FinancingView } from "../engine/selfFunded";
import type { Scenario } from "../engine/scenario";
import type { OutcomeState, PerState } from "../engine/states";
import { applyViews, BUILT_IN_VIEWS, viewsToCompare } from "../engine/views";
import { ok, type Result } from "../engine/errors";
import { workbookNames } from "../plan/outputs";
import { consequencesReport, type ConsequencesReport } from "../engine/consequences/report";

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
    /**
     * The municipality's savings before the cost − what it actually pays (net of a surplus withheld or returned under a
     * return cap, plus a top-up it pays), present value, kr; = `recipients.municipalityNetPresentValueAfterContract`.
     */
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
    /**
     * Paid for progression metrics (src/engine/payment/progression.ts), kr, all payers (part of `total`), the
     * municipality's part and the present value: money paid that is not a budget saving (0 without such metrics).
     */
    readonly progression: { readonly total: number; readonly municipality: number; readonly presentValue: number };
    /**
     * Who receives the payments (src/engine/investor/moneyFlows.ts; per month due = investor + toCommissioner +
     * provider + reinvested): totals in kr, the capped-surplus rule, and the municipality's net present value after
     * the contract (its savings − what it pays net of the surplus withheld/returned under a cap + a top-up it pays).
     */
    readonly recipients: {
      readonly cappedSurplus: "withheld" | "returned";
      readonly hasInvestor: boolean;
      readonly investor: number;
      readonly toCommissioner: { readonly municipality: number; readonly state: number };
      readonly provider: number;
      readonly reinvested: number;
      readonly topUp: number;
      readonly municipalityNetPresentValueAfterContract: number;
      /** Largest |due − recipients| of any month, kr (0 up to rounding). */
      readonly largestResidual: number;
    };
    /**
     * The municipality's savings above its payments and the investor's reinvested capped surplus
     * (src/engine/investor/surplus.ts, investor terms savingsSurplus.*): the rule and share, totals in kr (kept by
     * the municipality, to the provider, reinvested from the savings and from the investor, the recycled cohorts' cost
     * and what is left in the fund), the cohorts it funds, the municipality's NPV after the rule, the largest
     * identity residual of any month (kr, 0 up to rounding).
     */
    readonly surplus: {
      readonly rule: SurplusRule;
      readonly share: number;
      readonly total: number;
      readonly kept: number;
      readonly provider: number;
      readonly reinvestedFromSavings: number;
      readonly reinvestedFromInvestor: number;
      readonly cohortCost: number;
      readonly unspent: number;
      readonly cohorts: readonly RecycledCohort[];
      readonly participants: number;
      readonly municipalityNetPresentValueAfterSurplus: number;
      readonly largestResidual: number;
    };
  };
  /** The investor's view under the model's investor terms (IRR as an effective annual rate, or why there is none). */
  readonly investor: {
    readonly drawn: number;
    readonly returned: number;
    readonly moneyMultiple: number | null;
    readonly irrEffectiveAnnual: number | null;
    readonly irrFailure: string | null;
    readonly netFlow: readonly number[];
    /** IRR never alone (src/engine/investor/summary.ts): NPV at the hurdle (the terms' or the 5 % default). */
    readonly npvAtHurdle: number | null;
    readonly hurdleRate: number;
    readonly hurdleIsDefault: boolean;
    /** Why there is no IRR (da/en), or null. */
    readonly irrMissingReason: { readonly da: string; readonly en: string } | null;
    /** The note when the multiple is below 1 (a losing deal's IRR flatters early drawing), or null. */
    readonly irrTimingNote: { readonly da: string; readonly en: string } | null;
    /** Deal costs, kr: financed by the investor (in `drawn`) and borne by the provider; PV of all (socio-economic). */
    readonly dealCosts: { readonly investor: number; readonly provider: number; readonly presentValue: number };
  };
  /** The socio-economic NPV (all participants) minus the present value of the deal costs, kr. */
  readonly socioEconomicAfterDealCosts: number;
  /** Year, evidence mark and source of every parameter-derived input (issue 10); `isDefault` false = the file's own. */
  readonly provenance: readonly DefaultProvenance[];
  /**
   * Budget view (issue 10, docs/budget.md): per account, every calendar year in current prices, kr; with several
   * municipalities also `byMunicipality.<name>.<account>` (its own budget, what it pays and the difference).
   */
  readonly budget: Readonly<Record<BudgetAccount, readonly BudgetYear[]>> & {
    readonly byMunicipality?: Readonly<Record<string, MunicipalityBudget["byAccount"]>>;
  };
  /** The budget view's basis: start date, yearly price change, the price year and the first year of the remainder. */
  readonly budgetBasis: {
    readonly startDate: string;
    readonly priceIndex: number;
    readonly priceYear: number;
    readonly remainderFrom: number;
    /** Budget year, three overslagsår and the remainder per account (kr, current prices). */
    readonly summary: Readonly<Record<BudgetAccount, readonly number[]>>;
    /** The same five amounts per municipality and account (several municipalities only). */
    readonly summaryByMunicipality?: Readonly<Record<string, MunicipalityBudget["summary"]>>;
  };
  /** The municipality if it funds the effort itself (no payments, no investor, no deal costs; issue 10). */
  readonly selfFunded: FinancingView;
  /** The municipality under the SIB's payment terms (the investor pays the cost). */
  readonly sib: FinancingView;
  /**
   * Results per municipality (issue 10), by name, when the scenario lists several (`municipalities`; empty otherwise):
   * `perParticipant` and `total` with the same account keys as the case's; the totals sum to `total`.
   */
  readonly byMunicipality: Readonly<Record<string, MunicipalityResult>>;
  /**
   * The engine's value of every output defined name of the workbook (null = break-even not reached); with consequence
   * rows also the Results sheet's attribution by area (SIB_AreaAttribution*, issue 15).
   */
  readonly workbookNames: Readonly<Record<string, number | null>>;
  /** The broad case (issue 15): the consequences by area and by row, per account; null without consequence rows. */
  readonly consequences: ConsequencesReport | null;
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

/** One payment card of `--compare` (src/engine/stress/cards.ts): prices, payment, deadweight and deal zone. */
export interface CardReport {
  readonly kind: "absolute" | "counterfactual";
  /** True for the model's own card; false for the counterpart priced at its deal zone's midpoint. */
  readonly asGiven: boolean;
  readonly priceFactor: number;
  /** Rate-card prices, kr per outcome, by metric id. */
  readonly prices: Readonly<Record<string, number>>;
  readonly payment: number;
  readonly deadweight: { readonly paymentAtZeroEffect: number; readonly shareOfPayment: number | null };
  /** The deal zone as price factors of this card and the first metric's price in kr, or why it is empty. */
  readonly dealZone:
    | {
        readonly empty: false;
        readonly factor: readonly [number, number | null];
        readonly price: readonly [number, number | null];
      }
    | { readonly empty: true; readonly reason: string };
}

/**
 * The absolute and the counterfactual card of a model side by side, deal zone at the terms' hurdle (5 % default) and
 * the municipality paying at most all of its discounted savings; null with the reason when there is no investor.
 * @example compareCardsReport(pilotModel).cards[1].prices.selfSupporting // 526,643.67 (zone midpoint factor 2.6586)
 */
export function compareCardsReport(
  model: Model,
): { readonly cards: readonly CardReport[] } | { readonly reason: string } {
  const hurdleRate = model.investorTerms.hurdleRate ?? DEFAULT_HURDLE_RATE;
  const cards = compareCards(model.scenario, model.paymentTerms, model.investorTerms, {
    hurdleRate,
    municipalityShare: 1,
  });
  if (!cards.ok) return { reason: cards.issues.map((item) => item.message).join("; ") };
  return {
    cards: cards.value.map((card) => ({
      kind: card.kind,
      asGiven: card.asGiven,
      priceFactor: card.priceFactor,
      prices: Object.fromEntries(card.terms.rateCard.map((line) => [line.metric, line.price])),
      payment: card.payment,
      deadweight: {
        paymentAtZeroEffect: card.deadweight.paymentAtZeroEffect,
        shareOfPayment: card.deadweight.shareOfPayment,
      },
      dealZone: card.zone.empty
        ? { empty: true, reason: card.zone.reason }
        : {
            empty: false,
            factor: [card.zone.low.factor, card.zone.high?.factor ?? null],
            price: [card.zone.low.price, card.zone.high?.price ?? null],
          },
    })),
  };
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
  const money = moneyFlowsCore(result.monthly.cost, schedule.byPayer, model.investorTerms);
  const afterContract = municipalityPositionAfterContract(
    savingsByMonth(result, "narrow"),
    money,
    schedule.discountFactor,
  );
  const deal = dealCostSchedule(model.investorTerms, result.monthly.cost, schedule.months, schedule.discountFactor);
  const surplus = contractSurplusFlows(
    scenario,
    result,
    schedule.discountFactor,
    money,
    model.investorTerms.savingsSurplus,
  );
  const summary = investor?.summary ?? null;
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
      // What the municipality actually pays (the money identity, src/engine/investor/moneyFlows.ts).
      municipalityNetPresentValue: afterContract.discounted.net,
      neverPaysMoreThanSaves: afterContract.neverPaysMoreThanSaves,
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
      progression: {
        total: schedule.totals.progression,
        municipality: schedule.totals.progression * model.paymentTerms.municipalityShare,
        presentValue: schedule.progression.reduce(
          (pv, amount, t) => pv + amount * (schedule.discountFactor[t] ?? 0),
          0,
        ),
      },
      recipients: {
        cappedSurplus: money.cappedSurplus,
        hasInvestor: money.hasInvestor,
        investor: money.totals.investor,
        toCommissioner: money.totals.toCommissioner,
        provider: money.totals.provider,
        reinvested: money.totals.reinvested,
        topUp: money.totals.topUp,
        municipalityNetPresentValueAfterContract: afterContract.discounted.net,
        largestResidual: money.residual.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0),
      },
      surplus: {
        rule: surplus.terms.rule,
        share: surplus.terms.rule === "commissioner" ? 0 : surplus.terms.share,
        total: surplus.totals.surplus,
        kept: surplus.totals.kept,
        provider: surplus.totals.provider,
        reinvestedFromSavings: surplus.totals.reinvestedFromSavings,
        reinvestedFromInvestor: surplus.totals.reinvestedFromInvestor,
        cohortCost: surplus.totals.cohortCost,
        unspent: surplus.totals.unspent,
        cohorts: surplus.cohorts,
        participants: surplus.totals.participants,
        municipalityNetPresentValueAfterSurplus: surplus.municipality.discounted.net,
        largestResidual: surplus.largestResidual,
      },
    },
    investor: {
      drawn: investor?.totals.drawn ?? 0,
      returned: investor?.totals.returned ?? 0,
      moneyMultiple: investor?.metrics.moneyMultiple ?? null,
      irrEffectiveAnnual: irr?.ok === true ? irr.value.effectiveAnnualRate : null,
      irrFailure: describeIrrFailure(irr ?? flows),
      netFlow: investor?.netFlow ?? [],
      npvAtHurdle: summary?.npvAtHurdle ?? null,
      hurdleRate: summary?.hurdleRate ?? model.investorTerms.hurdleRate ?? DEFAULT_HURDLE_RATE,
      hurdleIsDefault: model.investorTerms.hurdleRate === null,
      irrMissingReason: summary?.irrMissing ?? null,
      irrTimingNote: summary?.timingNote ?? null,
      dealCosts: { investor: deal.totals.investor, provider: deal.totals.provider, presentValue: deal.presentValue },
    },
    socioEconomicAfterDealCosts: result.npv.total.socioEconomic - deal.presentValue,
    provenance: defaultsProvenance(scenario),
    ...budgetAndFinancing(model, result, schedule),
    byMunicipality: municipalityResults(scenario, {
      total: schedule.totals.byPayer.municipality,
      presentValue: schedule.discountedTotals.byPayer.municipality,
    }),
    workbookNames: workbookNames(scenario, result, schedule, investor, model.paymentTerms),
    consequences: consequencesReport(scenario, result),
    monthly: result.monthly,
  };
}

function describeIrrFailure(result: { readonly ok: boolean; readonly issues?: readonly Issue[] }): string | null {
  return result.ok ? null : (result.issues ?? []).map((item) => item.message).join("; ");
}

/** The budget view and self-funded vs SIB of a model (issue 10 items 3 and 4). */
function budgetAndFinancing(
  model: Model,
  result: BusinessCaseResult,
  schedule: ReturnType<typeof computePaymentSchedule>,
): Pick<CaseReport, "budget" | "budgetBasis" | "selfFunded" | "sib"> {
  const budget = computeBudget(model.scenario, result, schedule, model.investorTerms);
  const financing = compareFinancing(model.scenario, result, schedule, model.paymentTerms, model.investorTerms);
  const parts = Object.entries(municipalityBudgets(model.scenario, result, schedule, model.investorTerms));
  const several = parts.length > 0;
  return {
    budget: several
      ? { ...budget.byAccount, byMunicipality: Object.fromEntries(parts.map(([name, part]) => [name, part.byAccount])) }
      : budget.byAccount,
    budgetBasis: {
      startDate: budget.startDate,
      priceIndex: budget.priceIndex,
      priceYear: budget.priceYear,
      remainderFrom: budget.remainderFrom,
      summary: budget.summary,
      ...(several
        ? { summaryByMunicipality: Object.fromEntries(parts.map(([name, part]) => [name, part.summary])) }
        : {}),
    },
    selfFunded: financing.selfFunded,
    sib: financing.sib,
  };
}
