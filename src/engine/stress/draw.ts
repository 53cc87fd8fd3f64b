/**
 * One draw of a stress test, without allocating (apart from the totals record waterfallCore returns, and the capped
 * prices when a person cap applies): from the participants' realised outcome shares (per cohort), the
 * comparison group's measured metric shares, the persistence and a cost factor, it computes
 *
 * 1. the municipality's savings by programme month, as the business case does (computeBusinessCase: net cost of each
 *    state per holder × effect × effect profile, summed over cohorts, in the same order of operations);
 * 2. the payments by programme month, as the payment schedule does (computePaymentSchedule: metric shares, threshold,
 *    baseline, chain, volume caps, person cap, timing, base fee, savings share, the monthly sustainment card
 *    (sustainmentScheduleCore), contract cap, payer split), calling
 *    the payment engine's scalar cores (payableAboveBaselineCore, meetsThresholdCore, effectPercentagePoints,
 *    personCappedPricesCore) and mirroring its array steps in place (contractCapCore, savingsShareCore + delayCore);
 * 3. the investor's waterfall (waterfallCore), IRR (irrCore), money multiple and NPV at the hurdle (npvCore), and the
 *    municipality's discounted net position after the contract (as municipalityAfterContract: what it pays under the
 *    money identity, net of a capped surplus, plus a top-up it pays and what the savings-surplus rule passes on).
 *
 * With the scenario's own shares in every cohort this equals the engine exactly (bit for bit): the tests compare it
 * with computeBusinessCase + computePaymentSchedule + investorFlows for random scenarios and terms. It differs from
 * the engine only where a draw needs more: cohorts may have different realised shares (the schedule has one set of
 * shares for all cohorts), in which case a threshold is tested on the pooled shares of all cohorts, and payable
 * outcomes (and the sustainment card's months in work) are counted per cohort from its own shares.
 */
import { npvCore } from "../investor/npv";
import { effectiveAnnualRate } from "../investor/rates";
import { dealCostAt, lastCostMonth, waterfallCore, type WaterfallBuffers } from "../investor/waterfall";
import { payableAboveBaselineCore } from "../payment/baseline";
import { personCappedPricesCore } from "../payment/caps";
import { effectPercentagePoints, meetsThresholdCore } from "../payment/threshold";
import { STATE_COUNT } from "./effectScale";
import { irrSolver, type IrrSolver } from "./irrSolver";
import { HOLDER_COUNT, METRIC_GROUPS, TABLE_SIZE, type StressModel } from "./model";

// Module-level aliases of imported bindings used in the per-draw loops: under CommonJS transpilation (tsx, vitest)
// every use of an imported binding is a property getter, which costs more than the arithmetic it guards.
const STATES: number = STATE_COUNT;
const HOLDERS: number = HOLDER_COUNT;
const TABLE: number = TABLE_SIZE;
const payableAbove = payableAboveBaselineCore;
const effectPP = effectPercentagePoints;
const meetsThreshold = meetsThresholdCore;
const waterfall = waterfallCore;
const npvAt = npvCore;
const annualRate = effectiveAnnualRate;

/** Reusable buffers of one simulation (one per model; not shared between concurrent runs). */
export interface DrawWorkspace {
  /** Realised participant shares per cohort, scenario order: index c·8 + s (OUTCOME_STATES order). Input. */
  readonly cohortShares: Float64Array;
  /** Measured comparison shares of the two metric groups (selfSupporting, paidHours). Input. */
  readonly comparisonGroupShares: Float64Array;
  /** Effect profile by cohort month for the draw's persistence (filled by {@link profileInto}). */
  readonly profile: Float64Array;
  readonly pooledShares: Float64Array;
  readonly cohortMetricShares: Float64Array;
  readonly pooledMetricShares: Float64Array;
  readonly comparisonMetricShares: Float64Array;
  readonly metricPower: Float64Array;
  readonly thresholdMet: Uint8Array;
  readonly baselineShares: Float64Array;
  readonly remaining: Float64Array;
  readonly payable: number[];
  readonly outcomeRaw: Float64Array;
  readonly savingsRaw: Float64Array;
  readonly total: Float64Array;
  readonly holderSavings: Float64Array;
  readonly netFlowMunicipality: Float64Array;
  readonly netFlowPublic: Float64Array;
  readonly savingsBasis: Float64Array;
  readonly costs: Float64Array;
  readonly waterfall: WaterfallBuffers;
  readonly waterfallViews: Map<number, MonthViews>;
  /** The last views handed out and their length (most draws have the same schedule length). */
  lastView: MonthViews | null;
  lastViewMonths: number;
  /** Cells of outcomeRaw written by the last draw (to clear only those) and the months holding any. */
  readonly touchedCells: Int32Array;
  touchedCount: number;
  readonly monthHasOutcome: Uint8Array;
  readonly irr: IrrSolver;
  /** The persistence whose effect profile `profile` holds (NaN = none yet). */
  profilePersistence: number;
  /** The investor terms make the waterfall a pass-through (see plainInvestorTerms): one fused pass per draw. */
  readonly plainInvestor: boolean;
  /**
   * Plain investor terms, one cohort and no savings share: the savings and the effect profile are computed in the
   * fused pass (the workspace's `profile` is then not used, and simulate does not fill it).
   */
  readonly fusedSavings: boolean;
  /** Whether the last paymentsInto wrote a savings share into savingsRaw. */
  savingsUsed: boolean;
  /** Investor-financed deal costs by month at the model's last cost month (plain terms only), null = none. */
  readonly dealCosts: Float64Array | null;
  /** The last month with an intervention cost above 0 of the model's costs (lastCostMonth). */
  readonly dealLastCost: number;
  /** Deal costs of a draw whose cost factor moves that month (rare; see drawDealCosts). */
  readonly dealScratch: Float64Array;
  /** The persistence whose powers ρ^k `metricPower` holds (null = none yet). */
  powerPersistence: number | null;
  /** The outcome-state sums of each metric group (metricSharesInto's scratch). */
  readonly groupSums: Float64Array;
  /** 1 for a metric whose share can change a payment (see liveMetrics), 0 for one whose ρ^k is not computed. */
  readonly liveMetric: Uint8Array;
  /** The sustainment card's raw payments by programme month (sustainmentInto); months start … end − 1 may hold some. */
  readonly sustainmentRaw: Float64Array;
  sustainmentStart: number;
  sustainmentEnd: number;
  /** Whether the last paymentsInto wrote a sustainment payment. */
  sustainmentUsed: boolean;
  /** ρ^j for j = 0 … D − 1 (Math.pow, as sustainmentScheduleCore) at the persistence `sustainmentPersistence`. */
  readonly sustainmentDecay: Float64Array;
  sustainmentPersistence: number | null;
  /** Each cohort's self-supporting share at the measurement month (the card's count), scenario order. */
  readonly cohortSelfSupporting: Float64Array;
  /** σ of the terms' savings-surplus rule (provider or reinvested; 0 = the municipality keeps its surplus). */
  readonly surplusPassedShare: number;
}

/**
 * Which metrics can change a payment: a metric with a price above 0, every metric when a person cap applies (its
 * family's counts set the capped prices), the contract threshold's metric, and every metric a live metric requires
 * (its paid count caps the dependent's). Any other metric pays 0 × its count whatever its share, so metricSharesInto
 * skips its power ρ^k (a price-0 sustainment milestone, as the pilot's sustained6 and sustained12).
 * @example liveMetrics(pilotModel) // [1, 1, 0, 0]
 */
function liveMetrics(model: StressModel): Uint8Array {
  const k = model.metricCount;
  const live = new Uint8Array(k);
  const all = model.paymentTerms.personCap !== null;
  for (let m = k - 1; m >= 0; m--) {
    if (all || !((model.prices[m] ?? 0) === 0) || m === model.contractThresholdIndex) live[m] = 1;
    if (live[m] === 1) {
      const prerequisite = model.requires[m];
      if (prerequisite !== null && prerequisite !== undefined) live[prerequisite] = 1;
    }
  }
  return live;
}

/** Views of the waterfall buffers and of the payments for one schedule length (created once per length). */
interface MonthViews {
  readonly buffers: WaterfallBuffers;
  readonly payments: Float64Array;
}

/** The scalars of one draw (a reusable record, overwritten by every draw). */
export interface DrawResult {
  /** The investor's IRR per month, NaN when there is none. */
  irrMonthly: number;
  /** The IRR as an effective annual rate; −1 (−100 %) for a total loss (nothing received); NaN when undefined. */
  irr: number;
  /** True when the investor receives nothing at all (no IRR exists; counted as −100 %). */
  totalLoss: boolean;
  /** Money multiple: everything received / everything drawn. */
  multiple: number;
  /** NPV of the investor's flows at the hurdle (month t discounted t months), kr; NaN without a hurdle. */
  npvAtHurdle: number;
  /** The municipality's discounted savings − discounted payments (mid-month, scenario rate), kr. */
  municipalityNet: number;
  municipalitySavingsPv: number;
  municipalityPaymentsPv: number;
  /** True when any rate-card (outcome) payment is above 0 after the caps. */
  outcomeTriggered: boolean;
  /** Everything paid under the contract (base fee, outcomes, savings share), kr, undiscounted. */
  paymentTotal: number;
  /** Months of the payment schedule (and of the investor's flows) in this draw. */
  months: number;
}

/**
 * Allocates the buffers for a model (once per run).
 * @example const workspace = drawWorkspace(model)
 */
export function drawWorkspace(model: StressModel): DrawWorkspace {
  const cohorts = model.cohortParticipants.length;
  const k = model.metricCount;
  const months = model.maxMonths;
  return {
    cohortShares: new Float64Array(cohorts * STATE_COUNT),
    comparisonGroupShares: new Float64Array(METRIC_GROUPS),
    profile: Float64Array.from(model.profile),
    pooledShares: new Float64Array(STATE_COUNT),
    cohortMetricShares: new Float64Array(cohorts * k),
    pooledMetricShares: new Float64Array(k),
    comparisonMetricShares: new Float64Array(k),
    metricPower: new Float64Array(k),
    thresholdMet: new Uint8Array(k),
    baselineShares: new Float64Array(k),
    remaining: new Float64Array(k),
    payable: new Array<number>(k).fill(0),
    outcomeRaw: new Float64Array(k * months),
    savingsRaw: new Float64Array(months),
    total: new Float64Array(months),
    holderSavings: new Float64Array(model.tableCount * HOLDER_COUNT),
    netFlowMunicipality: new Float64Array(months),
    netFlowPublic: new Float64Array(months),
    savingsBasis: new Float64Array(months),
    costs: Float64Array.from(model.costs),
    waterfall: {
      drawn: new Float64Array(months),
      dealCosts: new Float64Array(months),
      distributions: new Float64Array(months),
      surplus: new Float64Array(months),
      surplusToInvestor: new Float64Array(months),
      topUp: new Float64Array(months),
      netFlow: new Float64Array(months),
    },
    waterfallViews: new Map(),
    lastView: null,
    lastViewMonths: -1,
    touchedCells: new Int32Array(k * months),
    touchedCount: 0,
    monthHasOutcome: new Uint8Array(months),
    irr: irrSolver(),
    profilePersistence: model.scenario.persistence,
    plainInvestor: plainInvestorTerms(model),
    fusedSavings:
      plainInvestorTerms(model) &&
      !(model.paymentTerms.savingsShare > 0) &&
      cohorts === 1 &&
      !(surplusPassedShare(model) > 0),
    savingsUsed: false,
    dealCosts: plainInvestorTerms(model) ? dealCostsOf(model, lastCostMonth(model.costs)) : null,
    dealLastCost: lastCostMonth(model.costs),
    dealScratch: new Float64Array(months),
    powerPersistence: null,
    groupSums: new Float64Array(model.groupStates.length),
    liveMetric: liveMetrics(model),
    sustainmentRaw: new Float64Array(months),
    sustainmentStart: 0,
    sustainmentEnd: 0,
    sustainmentUsed: false,
    sustainmentDecay: new Float64Array(model.sustainmentMonths),
    sustainmentPersistence: null,
    cohortSelfSupporting: new Float64Array(cohorts),
    surplusPassedShare: surplusPassedShare(model),
  };
}

/**
 * σ of the investor terms' savings-surplus rule (investor/surplus.ts): the share of each new high of the
 * municipality's cumulative savings − payments it passes on to the provider or into reinvestment; 0 under the rule
 * `commissioner` (the default: it keeps its surplus).
 */
function surplusPassedShare(model: StressModel): number {
  const rule = model.investorTerms.savingsSurplus;
  return rule === undefined || rule.rule === "commissioner" ? 0 : rule.share;
}

/** A fresh result record. */
export function drawResult(): DrawResult {
  return {
    irrMonthly: Number.NaN,
    irr: Number.NaN,
    totalLoss: false,
    multiple: Number.NaN,
    npvAtHurdle: Number.NaN,
    municipalityNet: Number.NaN,
    municipalitySavingsPv: Number.NaN,
    municipalityPaymentsPv: Number.NaN,
    outcomeTriggered: false,
    paymentTotal: 0,
    months: 0,
  };
}

/**
 * Sets every cohort's shares to the same eight shares (e.g. the scenario's, or expected shares of a draw).
 * @example setAllCohortShares(workspace, model.effect.participant) // the scenario's measured shares
 */
export function setAllCohortShares(workspace: DrawWorkspace, shares: Float64Array): void {
  for (let offset = 0; offset < workspace.cohortShares.length; offset += STATES) {
    workspace.cohortShares.set(shares, offset);
  }
}

/**
 * Fills the workspace's effect profile for a persistence ρ (effectProfile: a ramp to the measurement month, then ρ^(t −
 * M), here by repeated multiplication, within a few units in the last place of Math.pow); at the scenario's persistence
 * it copies the model's profile, which is effectProfile's exactly.
 * @example profileInto(model, workspace, 0.98)
 */
export function profileInto(model: StressModel, workspace: DrawWorkspace, persistence: number): void {
  if (persistence === workspace.profilePersistence) return;
  workspace.profilePersistence = persistence;
  if (persistence === model.scenario.persistence) {
    workspace.profile.set(model.profile);
    return;
  }
  const measurement = model.scenario.measurementMonth;
  const profile = workspace.profile;
  let decay = 1;
  for (let t = 0; t < profile.length; t++) {
    if (t < measurement) profile[t] = (t + 1) / measurement;
    else {
      profile[t] = decay;
      decay *= persistence;
    }
  }
}

/**
 * Evaluates one draw (see the module comment). Inputs are the workspace's `cohortShares`, `comparisonGroupShares` and
 * `profile` (for `persistence`); writes `out`.
 * @param model The compiled model.
 * @param workspace Buffers with the draw's inputs.
 * @param persistence Monthly persistence ρ of this draw (sustainment metrics and the profile).
 * @param costFactor Factor on the intervention cost the investor funds (1 = as budgeted).
 * @param pooled True when the cohorts' shares differ (a threshold then uses the pooled shares); false when every
 *   cohort has the same shares (the first cohort's are used, exactly as the engine).
 * @param out The result record.
 * @param meanFlows When given, the draw's investor net flows are added to it month by month (a simulation's running
 *   sum for the IRR of the mean flows), in the same pass where possible.
 * @example evaluateDraw(model, workspace, 1, 1, false, result) // the deterministic engine's numbers
 */
export function evaluateDraw(
  model: StressModel,
  workspace: DrawWorkspace,
  persistence: number,
  costFactor: number,
  pooled: boolean,
  out: DrawResult,
  meanFlows: Float64Array | null = null,
): void {
  const savingsScope = model.paymentTerms.savingsShare > 0 ? model.paymentTerms.savingsScope : null;
  // One cohort, plain investor terms and no savings share: its savings (and effect profile) are computed inside the
  // fused pass below.
  const fusedSavings = workspace.fusedSavings;
  if (fusedSavings) holderSavingsInto(model, workspace, 0, 1);
  else savingsInto(model, workspace, savingsScope === "broad");
  metricSharesInto(model, workspace, persistence, pooled);
  const months = paymentsInto(model, workspace, savingsScope, persistence, pooled);
  out.months = months;

  if (workspace.plainInvestor) {
    plainPositionAndInvestor(model, workspace, months, { costFactor, persistence }, out, meanFlows, fusedSavings);
    return;
  }
  totalsInto(model, workspace, months, out);

  // The municipality's position (municipalityPositionCore): savings before the cost − its share of the payments.
  const share = model.paymentTerms.municipalityShare;
  const df = model.discountFactor;
  const bcMonths = model.businessCaseMonths;
  const bcCosts = model.businessCase.monthly.cost;
  let savingsPv = 0;
  let paymentsPv = 0;
  for (let t = 0; t < months; t++) {
    const saving = t < bcMonths ? (workspace.netFlowMunicipality[t] as number) + (bcCosts[t] as number) : 0;
    const factor = df[t] as number;
    savingsPv += factor * saving;
    paymentsPv += factor * ((workspace.total[t] as number) * share);
  }
  out.municipalitySavingsPv = savingsPv;
  out.municipalityPaymentsPv = paymentsPv;
  out.municipalityNet = savingsPv - paymentsPv;

  // The investor (investorFlows): waterfall, IRR, multiple, NPV at the hurdle.
  let costs = model.costs;
  if (costFactor !== 1) {
    costs = workspace.costs;
    for (let t = 0; t < costs.length; t++) costs[t] = (model.costs[t] as number) * costFactor;
  }
  const views = monthViews(workspace, months);
  const buffers = views.buffers;
  const totals = waterfall(costs, views.payments, model.investorTerms, buffers);
  const financed = totals.drawn > 0;
  if (financed) municipalityAfterContractInto(model, buffers.surplus, totals.topUp, months, out);
  if (workspace.surplusPassedShare > 0) {
    savingsSurplusInto(model, workspace, months, financed ? buffers.surplus : null, financed ? totals.topUp : 0, out);
  }
  investorResult(model, workspace, buffers.netFlow, totals.returned, totals.drawn, out);
  if (meanFlows !== null) {
    const flows = buffers.netFlow;
    for (let t = 0; t < months; t++) meanFlows[t] = (meanFlows[t] as number) + (flows[t] as number);
  }
}

/**
 * What the municipality actually pays (src/engine/investor/moneyFlows.ts municipalityNetPayments, issue 11): its
 * payments less its part w of the commissioner's share of the surplus above a return cap (withheld or returned), plus
 * its part of a top-up it pays as commissioner in the last month (w, or all of it when nothing is paid). Only when the
 * investor financed something (else the provider keeps the payments and nothing is withheld).
 */
function municipalityAfterContractInto(
  model: StressModel,
  surplus: ArrayLike<number>,
  topUp: number,
  months: number,
  out: DrawResult,
): void {
  const terms = model.investorTerms;
  const share = model.paymentTerms.municipalityShare;
  const df = model.discountFactor;
  const commissioner = terms.surplusShare.commissioner;
  let backPv = 0;
  if (commissioner > 0) {
    for (let t = 0; t < months; t++) backPv += (df[t] as number) * (commissioner * (surplus[t] as number) * share);
  }
  if (topUp > 0 && terms.topUpPayer !== "guarantor" && months > 0) {
    backPv -= (df[months - 1] as number) * topUp * (out.paymentTotal > 0 ? share : 1);
  }
  if (backPv === 0) return;
  out.municipalityPaymentsPv -= backPv;
  out.municipalityNet = out.municipalitySavingsPv - out.municipalityPaymentsPv;
}

/**
 * The savings-surplus rule in the municipality's payments (moneyFlows.ts municipalityNetPayments, surplus.ts
 * surplusPassedOn): what it pays before the rule in month t (its share w of the payment − its part of the
 * commissioner's surplus share above a return cap + its part of a top-up it pays, in the last month) against its
 * savings before the cost; σ × each new high of the cumulative savings − payments goes to the provider or into
 * reinvestment and is added to its discounted payments. `surplus` null and `topUp` 0 when the investor financed
 * nothing or the terms have no cap and no protection. Needs `netFlowMunicipality` (so never with fusedSavings).
 */
function savingsSurplusInto(
  model: StressModel,
  workspace: DrawWorkspace,
  months: number,
  surplus: ArrayLike<number> | null,
  topUp: number,
  out: DrawResult,
): void {
  const sigma = workspace.surplusPassedShare;
  const share = model.paymentTerms.municipalityShare;
  const commissioner = model.investorTerms.surplusShare.commissioner;
  const topUpMunicipality =
    topUp > 0 && model.investorTerms.topUpPayer !== "guarantor" ? topUp * (out.paymentTotal > 0 ? share : 1) : 0;
  const df = model.discountFactor;
  const bcMonths = model.businessCaseMonths;
  const bcCosts = model.businessCase.monthly.cost;
  const flows = workspace.netFlowMunicipality;
  const total = workspace.total;
  let cumulative = 0;
  let high = 0;
  let passedPv = 0;
  for (let t = 0; t < months; t++) {
    const payment = total[t] as number;
    const due = payment * share;
    let paid = due;
    if (surplus !== null && commissioner > 0)
      paid -= commissioner * (surplus[t] as number) * (payment > 0 ? due / payment : 0);
    if (t === months - 1) paid += topUpMunicipality;
    const saving = t < bcMonths ? (flows[t] as number) + (bcCosts[t] as number) : 0;
    cumulative += saving - paid;
    if (cumulative > high) {
      passedPv += (df[t] as number) * (sigma * (cumulative - high));
      high = cumulative;
    }
  }
  if (passedPv === 0) return;
  out.municipalityPaymentsPv += passedPv;
  out.municipalityNet = out.municipalitySavingsPv - out.municipalityPaymentsPv;
}

/**
 * True when the investor terms make the waterfall a plain pass-through: capital drawn as the costs fall due, no return
 * cap (so no surplus), no principal protection. Then waterfallCore's net flow in month t is exactly payment_t −
 * (cost_t + deal_t) (its surplus is payment − payment = 0 and every added term is 0); deal costs (dealCostAt) are drawn
 * in their month like the intervention cost.
 */
function plainInvestorTerms(model: StressModel): boolean {
  const terms = model.investorTerms;
  // `false` would only turn off the fused fast path; the general path gives the same numbers bit for bit
  // (test/engine/stress/drawFused.test.ts), so no output can tell.
  return (
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    terms.draw === "asNeeded" &&
    terms.returnCap.irr === null &&
    terms.returnCap.multiple === null &&
    terms.maxLoss === null
  );
}

/**
 * The investor-financed deal costs by month as waterfallCore draws them (dealCostAt at the last month with a cost),
 * or null when the terms have none; `lastCost` = that month for the model's own costs.
 */
function dealCostsOf(model: StressModel, lastCost: number, into: Float64Array | null = null): Float64Array | null {
  const deal = model.investorTerms.dealCosts;
  if (deal === undefined) return null;
  if (deal.setup === 0 && deal.evaluation === 0 && deal.intermediaryOneOff === 0 && deal.intermediaryYearly === 0) {
    return null;
  }
  const costs = into ?? new Float64Array(model.maxMonths);
  for (let t = 0; t < costs.length; t++) costs[t] = dealCostAt(deal, t, lastCost);
  return costs;
}

/**
 * The deal costs of a draw: the workspace's (at the model's last cost month) unless the cost factor moves the last
 * month with a cost above 0 (a factor that rounds a cost to 0), then recomputed as the waterfall would.
 */
function drawDealCosts(model: StressModel, workspace: DrawWorkspace, costFactor: number): Float64Array | null {
  const deal = workspace.dealCosts;
  if (deal === null || costFactor === 1) return deal;
  const costs = model.costs;
  let last = 0;
  for (let t = costs.length - 1; t >= 0; t--) {
    if ((costs[t] as number) * costFactor > 0) {
      last = t;
      break;
    }
  }
  return last === workspace.dealLastCost ? deal : dealCostsOf(model, last, workspace.dealScratch);
}

/**
 * The municipality's position and the investor's flows of a plain waterfall (see {@link plainInvestorTerms}) with
 * every sum in the order of the general path (so the results are the same bit for bit): payments and their PV as
 * totalsInto and municipalityPositionCore, savings PV as municipalityPositionCore, draws and the net flow as
 * waterfallCore. Each sum skips the months that would add +0 to it: a sum that starts at +0 and adds only terms ≥ +0
 * (payments, draws) or sums of opposite terms is never −0, so adding +0 leaves it unchanged.
 */
function plainPositionAndInvestor(
  model: StressModel,
  workspace: DrawWorkspace,
  months: number,
  draw: { readonly costFactor: number; readonly persistence: number },
  out: DrawResult,
  meanFlows: Float64Array | null,
  fusedSavings: boolean,
): void {
  const costFactor = draw.costFactor;
  const df = model.discountFactor;
  const total = workspace.total;
  // totalsInto, and the payments' sums: payment ≥ +0 in every month (+0 without any payment).
  const k = model.metricCount;
  const maxMonths = model.maxMonths;
  const outcomeRaw = workspace.outcomeRaw;
  const hasOutcome = workspace.monthHasOutcome;
  const savingsRaw = workspace.savingsRaw;
  const savingsUsed = workspace.savingsUsed;
  const baseFee = model.baseFee;
  const cap = model.paymentTerms.contractCap;
  const share = model.paymentTerms.municipalityShare;
  let capPaid = 0;
  let triggered = false;
  let paymentTotal = 0;
  let paymentsPv = 0;
  let distributed = 0;
  const sustainmentUsed = workspace.sustainmentUsed;
  const sustainmentRaw = workspace.sustainmentRaw;
  for (let t = 0; t < months; t++) {
    let sum = (baseFee[t] as number) + (savingsUsed ? (savingsRaw[t] as number) : 0);
    let outcomes = 0;
    if (sustainmentUsed) {
      const amount = sustainmentRaw[t] as number;
      sum += amount;
      outcomes += amount;
    }
    if (hasOutcome[t] === 1) {
      for (let m = 0; m < k; m++) {
        const amount = outcomeRaw[m * maxMonths + t] as number;
        sum += amount;
        outcomes += amount;
      }
    }
    let payment = sum;
    if (cap !== null) {
      payment = Math.max(0, Math.min(sum, cap - capPaid));
      capPaid += payment;
    }
    total[t] = payment;
    if (payment !== 0) {
      paymentTotal += payment;
      paymentsPv += (df[t] as number) * (payment * share);
      distributed += payment;
      if (outcomes > 0) triggered = true;
    }
  }
  out.outcomeTriggered = triggered;
  out.paymentTotal = paymentTotal;
  const savingsPv = plainSavingsPv(model, workspace, months, draw.persistence, fusedSavings);
  out.municipalitySavingsPv = savingsPv;
  out.municipalityPaymentsPv = paymentsPv;
  out.municipalityNet = savingsPv - paymentsPv;
  // Plain terms have no return cap (no surplus withheld) and no protection (no top-up).
  if (workspace.surplusPassedShare > 0) savingsSurplusInto(model, workspace, months, null, 0, out);

  // waterfallCore, plain: drawn_t = cost_t (× the cost factor) + deal_t; net flow = payment_t − drawn_t.
  const costs = model.costs;
  const costMonths = costs.length;
  const deal = drawDealCosts(model, workspace, costFactor);
  const flows = monthViews(workspace, months).buffers.netFlow;
  const addMean = meanFlows !== null;
  let principal = 0;
  // The IRR solver's scan of the flows (first and last non-zero month, sign changes), done here in the same pass.
  let first = -1;
  let last = 0;
  let changes = 0;
  let previous = 0;
  for (let t = 0; t < months; t++) {
    const cost = t < costMonths ? (costFactor !== 1 ? (costs[t] as number) * costFactor : (costs[t] as number)) : 0;
    const drawn = deal === null ? cost : cost + (deal[t] as number);
    if (drawn !== 0) principal += drawn;
    const flow = (total[t] as number) - drawn;
    flows[t] = flow;
    const sign = Math.sign(flow);
    if (sign !== 0) {
      if (addMean) meanFlows[t] = (meanFlows[t] as number) + flow;
      if (first < 0) first = t;
      last = t;
      if (previous !== 0 && sign !== previous) changes++;
      previous = sign;
    }
  }
  for (let t = months; t < costMonths; t++) {
    principal += costFactor !== 1 ? (costs[t] as number) * costFactor : (costs[t] as number);
  }
  investorResult(model, workspace, flows, distributed, principal, out, first, last, changes);
}

/**
 * The municipality's discounted savings before the cost (municipalityPositionCore): Σ DF_t · (flow_t + cost_t) over
 * the business case's months. With fusedSavings (one cohort) its net flow in month intake + u is computed here as
 * savingsInto writes it, 0 + n·(S·g(u) − cost(u)), with the effect profile as profileInto fills it: the model's own at
 * the scenario's persistence, else the ramp and then ρ^(u − M) by repeated multiplication.
 */
function plainSavingsPv(
  model: StressModel,
  workspace: DrawWorkspace,
  months: number,
  persistence: number,
  fusedSavings: boolean,
): number {
  const df = model.discountFactor;
  const bcCosts = model.businessCase.monthly.cost;
  const end = Math.min(months, model.businessCaseMonths);
  let savingsPv = 0;
  if (!fusedSavings) {
    const flowMunicipality = workspace.netFlowMunicipality;
    for (let t = 0; t < end; t++) {
      savingsPv += (df[t] as number) * ((flowMunicipality[t] as number) + (bcCosts[t] as number));
    }
    return savingsPv;
  }
  const intake = model.cohortIntake[0] as number;
  const n = model.cohortParticipants[0] as number;
  const horizon = model.scenario.horizonMonths;
  const modelProfile = persistence === model.scenario.persistence ? model.profile : null;
  const measurement = model.scenario.measurementMonth;
  const holderSavings = workspace.holderSavings;
  const tableOfMonth = model.tableOfMonth;
  const costPerParticipant = model.costPerParticipant;
  let decay = 1;
  for (let t = 0; t < end; t++) {
    let flow = 0;
    if (t >= intake && t < intake + horizon) {
      const u = t - intake;
      let g: number;
      if (modelProfile !== null) g = modelProfile[u] as number;
      else if (u < measurement) g = (u + 1) / measurement;
      else {
        g = decay;
        decay *= persistence;
      }
      const municipality = (holderSavings[(tableOfMonth[u] as number) * HOLDERS] as number) * g;
      flow = 0 + n * (municipality - (costPerParticipant[u] as number));
    }
    savingsPv += (df[t] as number) * (flow + (bcCosts[t] as number));
  }
  return savingsPv;
}

/**
 * IRR, multiple, total loss and NPV at the hurdle from the investor's net flows and totals; `first`, `last` and
 * `changes` are the IRR solver's scan of the flows when the caller did it (first ≥ 0), else the solver scans.
 */
function investorResult(
  model: StressModel,
  workspace: DrawWorkspace,
  flows: Float64Array,
  returned: number,
  drawn: number,
  out: DrawResult,
  first = -1,
  last = 0,
  changes = 0,
): void {
  out.multiple = returned / drawn;
  const rate = first >= 0 ? workspace.irr.solveScanned(flows, first, last, changes) : workspace.irr.solve(flows);
  out.irrMonthly = rate;
  out.totalLoss = Number.isNaN(rate) && !(returned > 0);
  out.irr = Number.isNaN(rate) ? (out.totalLoss ? -1 : Number.NaN) : annualRate(rate);
  out.npvAtHurdle = model.investorTerms.hurdleRate === null ? Number.NaN : npvAt(model.hurdleMonthlyRate, flows);
}

/** The investor's net flows of the last evaluated draw (a view; overwritten by the next draw). */
export function lastInvestorFlows(workspace: DrawWorkspace, months: number): Float64Array {
  return monthViews(workspace, months).buffers.netFlow;
}

function monthViews(workspace: DrawWorkspace, months: number): MonthViews {
  if (workspace.lastViewMonths === months && workspace.lastView !== null) return workspace.lastView;
  let view = workspace.waterfallViews.get(months);
  if (view === undefined) {
    const full = workspace.waterfall;
    view = {
      buffers: {
        drawn: full.drawn.subarray(0, months),
        dealCosts: full.dealCosts.subarray(0, months),
        distributions: full.distributions.subarray(0, months),
        surplus: full.surplus.subarray(0, months),
        surplusToInvestor: full.surplusToInvestor.subarray(0, months),
        topUp: full.topUp.subarray(0, months),
        netFlow: full.netFlow.subarray(0, months),
      },
      payments: workspace.total.subarray(0, months),
    };
    workspace.waterfallViews.set(months, view);
  }
  workspace.lastView = view;
  workspace.lastViewMonths = months;
  return view;
}

/**
 * The business case's municipal (and, for a broad savings share, public) net flows by programme month for the
 * workspace's cohort shares and profile, in computeBusinessCase's order of operations.
 */
function savingsInto(model: StressModel, workspace: DrawWorkspace, broad: boolean): void {
  const holderSavings = workspace.holderSavings;
  const flowMunicipality = workspace.netFlowMunicipality;
  const flowPublic = workspace.netFlowPublic;
  const profile = workspace.profile;
  const horizon = model.scenario.horizonMonths;
  flowMunicipality.fill(0);
  if (broad) flowPublic.fill(0);
  for (let c = 0; c < model.cohortParticipants.length; c++) {
    // Only the municipality's holder is needed unless a broad savings share needs all four.
    holderSavingsInto(model, workspace, c, broad ? HOLDERS : 1);
    const n = model.cohortParticipants[c] as number;
    const intake = model.cohortIntake[c] as number;
    for (let t = 0; t < horizon; t++) {
      const share = profile[t] as number;
      const cost = model.costPerParticipant[t] as number;
      const base = (model.tableOfMonth[t] as number) * HOLDERS;
      const municipality = (holderSavings[base] as number) * share;
      flowMunicipality[intake + t] = (flowMunicipality[intake + t] as number) + n * (municipality - cost);
      if (broad) {
        let publicSaving = 0;
        publicSaving += municipality;
        for (let h = 1; h < HOLDERS; h++) publicSaving += (holderSavings[base + h] as number) * share;
        flowPublic[intake + t] = (flowPublic[intake + t] as number) + n * (publicSaving - cost);
      }
    }
  }
}

/**
 * savingAtFullEffect of cohort c per distinct net-cost table into workspace.holderSavings: saving_h = −Σ_s effect_s ·
 * netCost_s,h for the first `holders` budget holders (the municipality first).
 */
function holderSavingsInto(model: StressModel, workspace: DrawWorkspace, c: number, holders: number): void {
  const comparison = model.effect.comparison;
  const netCost = model.netCost;
  const holderSavings = workspace.holderSavings;
  const shares = workspace.cohortShares;
  const offset = c * STATES;
  for (let j = 0; j < model.tableCount; j++) {
    for (let h = 0; h < holders; h++) {
      let saving = 0;
      for (let s = 0; s < STATES; s++) {
        const effect = (shares[offset + s] as number) - (comparison[s] as number);
        saving -= effect * (netCost[j * TABLE + s * HOLDERS + h] as number);
      }
      holderSavings[j * HOLDERS + h] = saving;
    }
  }
}

/**
 * Metric shares (metricShareCore: group sum in metricStates order × ρ^k) per cohort, pooled and for the comparison.
 * The group sums are computed once per group (every metric of a group has the same sum) and the powers ρ^k once per
 * persistence (Math.pow, as before).
 */
function metricSharesInto(model: StressModel, workspace: DrawWorkspace, persistence: number, pooled: boolean): void {
  const k = model.metricCount;
  const power = workspace.metricPower;
  const after = model.monthsAfterMeasurement;
  const metricGroup = model.metricGroup;
  if (workspace.powerPersistence === null || !Object.is(persistence, workspace.powerPersistence)) {
    const live = workspace.liveMetric;
    for (let m = 0; m < k; m++) {
      const months = after[m] as number;
      // A metric that pays nothing and that nothing depends on: its share is never used (see liveMetrics).
      power[m] = months === 0 || live[m] === 0 ? 1 : Math.pow(persistence, months);
    }
    workspace.powerPersistence = persistence;
  }
  const groups = model.groupStates;
  const sums = workspace.groupSums;
  const cohorts = model.cohortParticipants.length;
  const shares = workspace.cohortShares;
  const cohortMetricShares = workspace.cohortMetricShares;
  for (let c = 0; c < cohorts; c++) {
    for (let g = 0; g < groups.length; g++) sums[g] = groupShare(groups[g] as readonly number[], shares, c * STATES);
    for (let m = 0; m < k; m++) {
      const share = sums[metricGroup[m] as number] as number;
      cohortMetricShares[c * k + m] = (after[m] as number) === 0 ? share : share * (power[m] as number);
    }
  }
  const pooledMetricShares = workspace.pooledMetricShares;
  if (pooled && cohorts > 1) {
    const pooledShares = workspace.pooledShares;
    pooledShares.fill(0);
    for (let c = 0; c < cohorts; c++) {
      const weight = (model.cohortParticipants[c] as number) / model.totalParticipants;
      for (let s = 0; s < STATES; s++) {
        pooledShares[s] = (pooledShares[s] as number) + weight * (shares[c * STATES + s] as number);
      }
    }
    for (let g = 0; g < groups.length; g++) sums[g] = groupShare(groups[g] as readonly number[], pooledShares, 0);
    for (let m = 0; m < k; m++) {
      const share = sums[metricGroup[m] as number] as number;
      pooledMetricShares[m] = (after[m] as number) === 0 ? share : share * (power[m] as number);
    }
  } else {
    for (let m = 0; m < k; m++) pooledMetricShares[m] = cohortMetricShares[m] as number;
  }
  const comparison = workspace.comparisonGroupShares;
  const comparisonMetricShares = workspace.comparisonMetricShares;
  for (let m = 0; m < k; m++) {
    const share = comparison[metricGroup[m] as number] as number;
    comparisonMetricShares[m] = (after[m] as number) === 0 ? share : share * (power[m] as number);
  }
}

function groupShare(states: readonly number[], shares: Float64Array, offset: number): number {
  let share = 0;
  for (let i = 0; i < states.length; i++) share += shares[offset + (states[i] as number)] as number;
  return share;
}

/**
 * Payments by programme month into `workspace.total` (after the contract cap); returns the schedule's length in
 * months. Steps and order as computePaymentSchedule.
 */
function paymentsInto(
  model: StressModel,
  workspace: DrawWorkspace,
  savingsScope: "narrow" | "broad" | null,
  persistence: number,
  pooled: boolean,
): number {
  const k = model.metricCount;
  const maxMonths = model.maxMonths;
  const terms = model.paymentTerms;
  const baseline = workspace.baselineShares;
  const met = workspace.thresholdMet;
  const thresholdPP = model.thresholdPP;

  // Threshold on the measured effect (participant − comparison share, pp).
  let contractMet = true;
  if (thresholdPP !== null && model.thresholdScope === "contract") {
    const index = model.contractThresholdIndex;
    const value =
      index < 0
        ? Number.NaN
        : effectPP(workspace.pooledMetricShares[index] as number, workspace.comparisonMetricShares[index] as number);
    contractMet = meetsThreshold(value, thresholdPP);
  }
  for (let m = 0; m < k; m++) {
    const value = effectPP(workspace.pooledMetricShares[m] as number, workspace.comparisonMetricShares[m] as number);
    met[m] =
      contractMet && (thresholdPP === null || model.thresholdScope === "contract" || meetsThreshold(value, thresholdPP))
        ? 1
        : 0;
    baseline[m] =
      model.baselineKind === "none"
        ? 0
        : model.baselineKind === "comparison"
          ? (workspace.comparisonMetricShares[m] as number)
          : (model.historicalBaseline[m] as number);
  }

  // Outcome payments per cohort in order of intake: baseline, chain, volume cap, person cap, timing.
  // Clear only the cells the last draw wrote (adding or skipping a 0 gives the same sums).
  const outcomeRaw = workspace.outcomeRaw;
  const touched = workspace.touchedCells;
  const hasOutcome = workspace.monthHasOutcome;
  for (let i = 0; i < workspace.touchedCount; i++) {
    const cell = touched[i] as number;
    outcomeRaw[cell] = 0;
    hasOutcome[cell % maxMonths] = 0;
  }
  let touchedCount = 0;
  const remaining = workspace.remaining;
  for (let m = 0; m < k; m++) remaining[m] = model.volumeCaps[m] as number;
  const payable = workspace.payable;
  let months = model.businessCaseMonths;
  for (let i = 0; i < model.paymentOrder.length; i++) {
    const c = model.paymentOrder[i] as number;
    const participants = model.cohortParticipants[c] as number;
    for (let m = 0; m < k; m++) {
      let count =
        met[m] === 1
          ? payableAbove(workspace.cohortMetricShares[c * k + m] as number, baseline[m] as number, participants)
          : 0;
      const prerequisite = model.requires[m];
      if (prerequisite !== null && prerequisite !== undefined) count = Math.min(count, payable[prerequisite] ?? 0);
      const paid = Math.max(0, Math.min(count, remaining[m] as number));
      remaining[m] = (remaining[m] as number) - paid;
      payable[m] = paid;
    }
    const prices = terms.personCap === null ? model.prices : familyCappedPrices(model, payable, terms.personCap);
    for (let m = 0; m < k; m++) {
      const amount = (payable[m] as number) * (prices[m] as number);
      if (amount !== 0) {
        const month = model.paymentMonth[c * k + m] as number;
        const cell = m * maxMonths + month;
        if (outcomeRaw[cell] === 0) touched[touchedCount++] = cell;
        outcomeRaw[cell] = (outcomeRaw[cell] as number) + amount;
        hasOutcome[month] = 1;
        if (month + 1 > months) months = month + 1;
      }
    }
  }
  workspace.touchedCount = touchedCount;
  if (model.baseFeeLength > months) months = model.baseFeeLength;
  if (model.sustainmentMonths > 0) {
    const end = sustainmentInto(model, workspace, persistence, pooled, contractMet);
    if (end > months) months = end;
  }

  // Savings share (savingsShareCore with the high-water mark, delayed by the claim lag as delayCore).
  const savingsRaw = workspace.savingsRaw;
  const lag = terms.lagMonths;
  const savingsUsed = savingsScope !== null && contractMet;
  if (savingsUsed) {
    savingsRaw.fill(0);
    const flows = savingsScope === "broad" ? workspace.netFlowPublic : workspace.netFlowMunicipality;
    const alpha = terms.savingsShare;
    const bcCosts = model.businessCase.monthly.cost;
    let cumulative = 0;
    let paid = 0;
    for (let t = 0; t < model.businessCaseMonths; t++) {
      cumulative += (flows[t] as number) + (bcCosts[t] ?? 0);
      const owed = alpha * Math.max(0, cumulative);
      const payment = Math.max(0, owed - paid);
      paid += payment;
      savingsRaw[t + lag] = payment;
    }
    if (model.businessCaseMonths + lag > months) months = model.businessCaseMonths + lag;
  }

  workspace.savingsUsed = savingsUsed;
  return months;
}

/**
 * The sustainment card's raw payments by programme month into workspace.sustainmentRaw, as sustainmentScheduleCore:
 * nothing when the contract threshold is not met or a metric-scope threshold on the self-supporting effect at M
 * (pooled shares when the cohorts' differ) is not; else for j = 0 … D − 1 (ρ^j by Math.pow) and each cohort in
 * scenario order, price × payableAboveBaselineCore(s_c·ρ^j, b_j, n_c) in month intake + M + j + lag, with s_c the
 * cohort's own self-supporting share at M and b_j the baseline (0, the measured comparison share s_C·ρ^j, or the
 * historical rate). Clears the months the last draw wrote; returns 1 + the last month with a payment (0 = none).
 */
function sustainmentInto(
  model: StressModel,
  workspace: DrawWorkspace,
  persistence: number,
  pooled: boolean,
  contractMet: boolean,
): number {
  const raw = workspace.sustainmentRaw;
  if (workspace.sustainmentUsed) raw.fill(0, workspace.sustainmentStart, workspace.sustainmentEnd);
  workspace.sustainmentUsed = false;
  const price = model.sustainmentPrice;
  const duration = model.sustainmentMonths;
  if (!(price > 0) || duration === 0 || !contractMet) return 0;
  const group = model.groupStates[0] as readonly number[];
  const cohorts = model.cohortParticipants.length;
  const shares = workspace.cohortShares;
  const comparisonShare = workspace.comparisonGroupShares[0] as number;
  const thresholdPP = model.thresholdPP;
  if (thresholdPP !== null && model.thresholdScope === "metric") {
    const participantShare =
      pooled && cohorts > 1 ? groupShare(group, workspace.pooledShares, 0) : groupShare(group, shares, 0);
    if (!meetsThreshold(effectPP(participantShare, comparisonShare), thresholdPP)) return 0;
  }
  const decay = workspace.sustainmentDecay;
  if (workspace.sustainmentPersistence === null || !Object.is(persistence, workspace.sustainmentPersistence)) {
    for (let j = 0; j < duration; j++) decay[j] = Math.pow(persistence, j);
    workspace.sustainmentPersistence = persistence;
  }
  const selfSupporting = workspace.cohortSelfSupporting;
  for (let c = 0; c < cohorts; c++) selfSupporting[c] = groupShare(group, shares, c * STATES);
  const kind = model.baselineKind;
  const historical = model.sustainmentHistoricalBaseline;
  const offset = model.scenario.measurementMonth + model.paymentTerms.lagMonths;
  let start = raw.length;
  let end = 0;
  for (let j = 0; j < duration; j++) {
    const factor = decay[j] as number;
    const baseline = kind === "none" ? 0 : kind === "comparison" ? comparisonShare * factor : historical;
    for (let c = 0; c < cohorts; c++) {
      const payable = payableAbove(
        (selfSupporting[c] as number) * factor,
        baseline,
        model.cohortParticipants[c] as number,
      );
      const amount = payable * price;
      if (amount !== 0) {
        const month = (model.cohortIntake[c] as number) + offset + j;
        raw[month] = (raw[month] as number) + amount;
        if (month < start) start = month;
        if (month + 1 > end) end = month + 1;
      }
    }
  }
  if (end === 0) return 0;
  workspace.sustainmentUsed = true;
  workspace.sustainmentStart = start;
  workspace.sustainmentEnd = end;
  return end;
}

/** Raw total per month, contract cap (contractCapCore, cumulative), outcome trigger: the last step of paymentsInto. */
function totalsInto(model: StressModel, workspace: DrawWorkspace, months: number, out: DrawResult): void {
  const k = model.metricCount;
  const maxMonths = model.maxMonths;
  const outcomeRaw = workspace.outcomeRaw;
  const hasOutcome = workspace.monthHasOutcome;
  const savingsRaw = workspace.savingsRaw;
  const savingsUsed = workspace.savingsUsed;
  const total = workspace.total;
  const cap = model.paymentTerms.contractCap;
  let capPaid = 0;
  let triggered = false;
  let paymentTotal = 0;
  const sustainmentUsed = workspace.sustainmentUsed;
  const sustainmentRaw = workspace.sustainmentRaw;
  for (let t = 0; t < months; t++) {
    let sum = (model.baseFee[t] as number) + (savingsUsed ? (savingsRaw[t] as number) : 0);
    let outcomes = 0;
    if (sustainmentUsed) {
      const amount = sustainmentRaw[t] as number;
      sum += amount;
      outcomes += amount;
    }
    if (hasOutcome[t] === 1) {
      for (let m = 0; m < k; m++) {
        const amount = outcomeRaw[m * maxMonths + t] as number;
        sum += amount;
        outcomes += amount;
      }
    }
    let payment = sum;
    if (cap !== null) {
      payment = Math.max(0, Math.min(sum, cap - capPaid));
      capPaid += payment;
    }
    total[t] = payment;
    paymentTotal += payment;
    if (outcomes > 0 && payment > 0) triggered = true;
  }
  out.outcomeTriggered = triggered;
  out.paymentTotal = paymentTotal;
}

/** Per-person capped prices family by family (personCappedPricesCore), as the schedule does. */
function familyCappedPrices(model: StressModel, counts: readonly number[], cap: number): number[] {
  const capped = model.prices.slice();
  for (const family of model.families) {
    const familyPrices = personCappedPricesCore(
      family.map((k) => counts[k] ?? 0),
      family.map((k) => model.prices[k] ?? 0),
      cap,
    );
    family.forEach((k, j) => {
      capped[k] = familyPrices[j] ?? 0;
    });
  }
  return capped;
}
