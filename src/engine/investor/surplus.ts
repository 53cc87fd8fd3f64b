/**
 * Surplus paid out or reinvested (issue 15 item 4): what happens to the municipality's savings above what it pays
 * under the contract, and to the investor's capped surplus set aside for reinvestment (`surplusShare.reinvested`).
 *
 * The savings surplus arrives as the municipality's cumulative net position (savings before the intervention cost −
 * what it pays net of the commissioner's surplus share, + a top-up it pays; undiscounted, fixed prices) reaches a new
 * high above 0: surplus_t = H_t − H_{t−1} with H_t = max(0, H_{t−1}, Σ_{s≤t} net_s). The rule decides where it goes:
 * - `commissioner`: the municipality keeps it (the default; today's result);
 * - `provider`: a share σ goes to the provider (a gain share), the municipality keeps 1 − σ;
 * - `reinvested`: a share σ goes into a reinvestment fund (capital recycling; cf. the Ringsted and Aarhus funds,
 *   reference note broad-savings.md §4), the municipality keeps 1 − σ.
 *
 * The fund also receives the investor's reinvested capped surplus. It starts a next cohort of n participants in the
 * first month its free balance covers the cohort's whole cost n × K (K = the intervention cost per participant), and
 * pays that cost as it falls (the scenario's cost profile from the start month); a cohort starts only if its cost
 * falls within the horizon (and the series). What is not spent stays in the fund at the horizon. The recycled cohorts' own outcomes and
 * savings are a next round and NOT counted in this case (nor their outcome payments).
 *
 * Money identity, every month t (each to 1e-9 kr up to rounding):
 *   surplus_t = kept_t + provider_t + reinvestedFromSavings_t
 *   reinvestedFromSavings_t + reinvestedFromInvestor_t = cohortCost_t + (fundBalance_t − fundBalance_{t−1})
 * and the payers' money is split by moneyFlows.ts (due = investor + toCommissioner + provider + reinvested).
 * Units: kr, programme months from 0, positive = money moved to the recipient.
 */
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { interventionCost, type BusinessCaseResult } from "../businessCase";
import { ownValue } from "../lookup";
import { savingsByMonth } from "../payment/savingsShare";
import type { Scenario } from "../scenario";
import type { MoneyFlows } from "./moneyFlows";
import { municipalityPositionCore, type MunicipalityPosition } from "../payment/position";

/** Where the municipality's savings above its payments go. */
export type SurplusRule = "commissioner" | "provider" | "reinvested";

/** Terms for the savings surplus. */
export interface SavingsSurplusTerms {
  readonly rule: SurplusRule;
  /** σ: the share (0–1) of each new surplus paid to the provider or reinvested; the municipality keeps 1 − σ. */
  readonly share: number;
  /** Participants per recycled cohort (whole number ≥ 1), or null = the scenario's first cohort's size. */
  readonly cohortSize: number | null;
}

/** The rules by their code in the workbook (Investor sheet SIB_InvSavingsSurplusRule): 0, 1, 2. */
export const SURPLUS_RULE_CODES: readonly SurplusRule[] = ["commissioner", "provider", "reinvested"];

/** The default: the municipality keeps its surplus. */
export const DEFAULT_SAVINGS_SURPLUS: SavingsSurplusTerms = { rule: "commissioner", share: 1, cohortSize: null };

/** Most recycled cohorts started over a horizon (a guard for a tiny cost per participant); the rest stays in the fund. */
export const MAX_RECYCLED_COHORTS = 1000;

/** Largest recycled cohort, participants. */
export const MAX_RECYCLED_COHORT_SIZE = 100_000;

/** Accepted spellings of the rules (normalised: lower case, letters only), English and Danish. */
const RULES: Readonly<Record<string, SurplusRule>> = {
  commissioner: "commissioner",
  kommune: "commissioner",
  kommissionaer: "commissioner",
  provider: "provider",
  leverandoer: "provider",
  udfoerer: "provider",
  reinvested: "reinvested",
  reinvest: "reinvested",
  geninvesteret: "reinvested",
  geninvester: "reinvested",
};

/** One cohort funded from the reinvestment fund. */
export interface RecycledCohort {
  /** Programme month its cost starts. */
  readonly startMonth: number;
  readonly participants: number;
  /** Its whole intervention cost, kr (n × K). */
  readonly cost: number;
}

/** What the surplus terms do, month by month (all arrays of length `months`, kr). */
export interface SurplusFlows {
  readonly months: number;
  readonly terms: SavingsSurplusTerms;
  /** New savings surplus of the month (increase of the high-water mark of the cumulative net position). */
  readonly surplus: readonly number[];
  /** Kept by the municipality (commissioner). */
  readonly kept: readonly number[];
  /** Paid to the provider from the savings surplus. */
  readonly provider: readonly number[];
  /** Put into the reinvestment fund from the savings surplus. */
  readonly reinvestedFromSavings: readonly number[];
  /** Put into the fund from the investor's capped surplus (moneyFlows `reinvested`). */
  readonly reinvestedFromInvestor: readonly number[];
  /** The recycled cohorts' intervention cost paid by the fund. */
  readonly cohortCost: readonly number[];
  /** The fund's balance at the end of the month (≥ 0). */
  readonly fundBalance: readonly number[];
  readonly cohorts: readonly RecycledCohort[];
  /** The municipality's position: savings − (net payments + provider + reinvested from savings). */
  readonly municipality: MunicipalityPosition;
  /** Largest |identity residual| of any month, kr (both identities of the module comment). */
  readonly largestResidual: number;
  readonly totals: {
    readonly surplus: number;
    readonly kept: number;
    readonly provider: number;
    readonly reinvestedFromSavings: number;
    readonly reinvestedFromInvestor: number;
    readonly cohortCost: number;
    readonly participants: number;
    /** Left in the fund at the horizon, kr. */
    readonly unspent: number;
  };
}

/** Inputs of {@link surplusFlowsCore}; monthly series in kr from programme month 0. */
export interface SurplusInputs {
  /** The municipality's savings before the intervention cost per month (payment/savingsShare.ts savingsByMonth). */
  readonly savings: readonly number[];
  /** What the municipality pays per month net of its surplus share, + a top-up it pays (≥ 0). */
  readonly paid: readonly number[];
  /** The investor's capped surplus reinvested per month (moneyFlows `reinvested`; ≥ 0). */
  readonly investorReinvested: readonly number[];
  /** Intervention cost per participant by month since a cohort's start (e.g. K/I for I months; ≥ 0). */
  readonly costProfile: readonly number[];
  /** Mid-month discount factors covering every month of the series. */
  readonly discountFactors: readonly number[];
  /** Months a recycled cohort's cost must fall within. */
  readonly horizonMonths: number;
  /** Participants per recycled cohort when the terms leave it null. */
  readonly defaultCohortSize: number;
}

/**
 * Unchecked surplus flows (see the module comment); inputs valid (finite, ≥ 0 where stated), terms validated.
 * @example surplusFlowsCore({ savings: [0, 300], paid: [0, 100], investorReinvested: [0, 0], costProfile: [50],
 *   discountFactors: [1, 1], horizonMonths: 2, defaultCohortSize: 2 }, { rule: "reinvested", share: 0.5, cohortSize: null })
 *   // surplus [0, 200], reinvestedFromSavings [0, 100], one cohort of 2 in month 1 costing 100, unspent 0
 */
export function surplusFlowsCore(input: SurplusInputs, terms: SavingsSurplusTerms): SurplusFlows {
  const months = Math.max(input.savings.length, input.paid.length, input.investorReinvested.length);
  const zeros = (): number[] => new Array<number>(months).fill(0);
  const surplus = zeros();
  const kept = zeros();
  const provider = zeros();
  const fromSavings = zeros();
  const fromInvestor = zeros();
  const cohortCost = zeros();
  const fundBalance = zeros();
  const cohorts: RecycledCohort[] = [];
  const size = terms.cohortSize ?? input.defaultCohortSize;
  const perParticipant = input.costProfile.reduce((total, cost) => total + cost, 0);
  const cohortPrice = size * perParticipant;
  const costMonths = lastPositive(input.costProfile) + 1;
  const sigma = terms.rule === "commissioner" ? 0 : terms.share;
  let cumulative = 0;
  let high = 0;
  let balance = 0;
  let committed = 0; // cost of started cohorts not yet paid
  let largestResidual = 0;
  for (let t = 0; t < months; t++) {
    cumulative += (input.savings[t] ?? 0) - (input.paid[t] ?? 0);
    const newHigh = Math.max(high, cumulative);
    surplus[t] = newHigh - high;
    high = newHigh;
    const passed = sigma * (surplus[t] as number);
    provider[t] = terms.rule === "provider" ? passed : 0;
    fromSavings[t] = terms.rule === "reinvested" ? passed : 0;
    kept[t] = (surplus[t] as number) - passed;
    fromInvestor[t] = input.investorReinvested[t] ?? 0;
    balance += (fromSavings[t] as number) + (fromInvestor[t] as number);
    // Start every cohort the free balance covers whose cost falls within the horizon.
    while (
      cohortPrice > 0 &&
      cohorts.length < MAX_RECYCLED_COHORTS &&
      t + costMonths <= Math.min(input.horizonMonths, months) &&
      balance - committed >= cohortPrice
    ) {
      cohorts.push({ startMonth: t, participants: size, cost: cohortPrice });
      committed += cohortPrice;
    }
    let spent = 0;
    for (const cohort of cohorts) spent += size * (input.costProfile[t - cohort.startMonth] ?? 0);
    // The last payment of a cohort settles what is committed exactly (no rounding drift below 0).
    spent = Math.min(spent, balance);
    cohortCost[t] = spent;
    committed = Math.max(0, committed - spent);
    const before = balance - (fromSavings[t] as number) - (fromInvestor[t] as number);
    balance -= spent;
    fundBalance[t] = balance;
    const split = (surplus[t] as number) - (kept[t] as number) - (provider[t] as number) - (fromSavings[t] as number);
    const fund = (fromSavings[t] as number) + (fromInvestor[t] as number) - spent - (balance - before);
    largestResidual = Math.max(largestResidual, Math.abs(split), Math.abs(fund));
  }
  const payments = Array.from(
    { length: months },
    (_, t) => (input.paid[t] ?? 0) + (provider[t] as number) + (fromSavings[t] as number),
  );
  const savings = Array.from({ length: months }, (_, t) => input.savings[t] ?? 0);
  return {
    months,
    terms,
    surplus,
    kept,
    provider,
    reinvestedFromSavings: fromSavings,
    reinvestedFromInvestor: fromInvestor,
    cohortCost,
    fundBalance,
    cohorts,
    municipality: municipalityPositionCore(savings, payments, input.discountFactors),
    largestResidual,
    totals: {
      surplus: sum(surplus),
      kept: sum(kept),
      provider: sum(provider),
      reinvestedFromSavings: sum(fromSavings),
      reinvestedFromInvestor: sum(fromInvestor),
      cohortCost: sum(cohortCost),
      participants: cohorts.length * size,
      unspent: months > 0 ? (fundBalance[months - 1] as number) : 0,
    },
  };
}

/**
 * What the municipality passes on from its savings surplus per month under the rule (the module comment's
 * provider_t + reinvestedFromSavings_t): σ × the new high of its cumulative net position (savings − paid), 0 under
 * `commissioner`; kr ≥ 0. The fund and the recycled cohorts do not change it, so it needs no cost profile. This is
 * the part of {@link surplusFlowsCore} that enters what the municipality pays (moneyFlows.ts municipalityNetPayments).
 * @example surplusPassedOn([0, 300], [0, 100], { rule: "provider", share: 0.5, cohortSize: null }) // [0, 100]
 */
export function surplusPassedOn(
  savings: readonly number[],
  paid: readonly number[],
  terms: SavingsSurplusTerms,
): number[] {
  const months = Math.max(savings.length, paid.length);
  const passed = new Array<number>(months).fill(0);
  if (terms.rule === "commissioner" || terms.share === 0) return passed;
  let cumulative = 0;
  let high = 0;
  for (let t = 0; t < months; t++) {
    cumulative += (savings[t] ?? 0) - (paid[t] ?? 0);
    const newHigh = Math.max(high, cumulative);
    passed[t] = terms.share * (newHigh - high);
    high = newHigh;
  }
  return passed;
}

/**
 * Checks that reinvestment has a next cohort to fund (issue 11 bad input): when the savings surplus is reinvested
 * (rule `reinvested`, share > 0) or the investor's capped surplus is (`surplusShare.reinvested` > 0), the scenario's
 * intervention cost per participant must be above 0, else the fund could never start a cohort and the money would sit
 * in it unspent. One issue naming the term and rule `cohortCost`; none otherwise.
 * @example reinvestmentIssues(terms with savingsSurplus.rule "reinvested", 0) // [{ field: "terms.savingsSurplus.rule", rule: "cohortCost" }]
 */
export function reinvestmentIssues(
  terms: {
    readonly savingsSurplus?: SavingsSurplusTerms;
    readonly surplusShare: { readonly reinvested: number };
  },
  costPerParticipant: number,
): Issue[] {
  if (costPerParticipant > 0) return [];
  const savings = terms.savingsSurplus;
  const field =
    savings !== undefined && savings.rule === "reinvested" && savings.share > 0
      ? "terms.savingsSurplus.rule"
      : terms.surplusShare.reinvested > 0
        ? "terms.surplusShare.reinvested"
        : null;
  if (field === null) return [];
  return [
    issue(
      "InvalidInput",
      field,
      "cohortCost",
      `${field} reinvests surplus into next cohorts, but the intervention cost per participant is ${JSON.stringify(costPerParticipant)} kr: there is no next cohort's cost to fund, so the money would never be spent. Give a cost per participant above 0 or choose another rule (commissioner or provider).`,
    ),
  ];
}

/**
 * Checks savings-surplus terms (fields `terms.savingsSurplus.<name>`): a known rule (rule `enum`), a share from 0 to 1
 * (rule `range`), a cohort size that is a whole number from 1 to 100,000 or null (rule `integer`).
 * @example validateSavingsSurplus({ rule: "reinvested", share: 1.5, cohortSize: null }) // [{ rule: "range", … }]
 */
export function validateSavingsSurplus(terms: SavingsSurplusTerms): Issue[] {
  const issues: Issue[] = [];
  if (!(Object.values(RULES) as unknown[]).includes(terms.rule)) {
    issues.push(
      issue(
        "InvalidInput",
        "terms.savingsSurplus.rule",
        "enum",
        `terms.savingsSurplus.rule must be "commissioner" (the municipality keeps its savings above the payments), "provider" (a share goes to the provider) or "reinvested" (a share funds next cohorts), got ${JSON.stringify(terms.rule)}.`,
      ),
    );
  }
  if (typeof terms.share !== "number" || !Number.isFinite(terms.share) || terms.share < 0 || terms.share > 1) {
    issues.push(
      issue(
        "InvalidInput",
        "terms.savingsSurplus.share",
        "range",
        `terms.savingsSurplus.share must be a share of the surplus from 0 to 1 (0.5 = 50 %), got ${JSON.stringify(terms.share)}.`,
      ),
    );
  }
  const size = terms.cohortSize;
  if (
    size !== null &&
    (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > MAX_RECYCLED_COHORT_SIZE)
  ) {
    issues.push(
      issue(
        "InvalidInput",
        "terms.savingsSurplus.cohortSize",
        "integer",
        `terms.savingsSurplus.cohortSize must be a whole number of participants from 1 to ${MAX_RECYCLED_COHORT_SIZE} (or none = the first cohort's size), got ${JSON.stringify(size)}.`,
      ),
    );
  }
  return issues;
}

/** Term names of the savings surplus in a terms range (normalised), English and Danish. */
const NAMES: Readonly<Record<string, keyof SavingsSurplusTerms>> = {
  savingssurplusrule: "rule",
  overskudregel: "rule",
  savingssurplusshare: "share",
  overskudandel: "share",
  savingssurpluscohortsize: "cohortSize",
  overskudholdstoerrelse: "cohortSize",
};

/** The term names {@link savingsSurplusFromPairs} accepts, as documented. */
export const SAVINGS_SURPLUS_TERM_NAMES = ["savingsSurplus.rule", "savingsSurplus.share", "savingsSurplus.cohortSize"];

/**
 * Lower case with æ/ø/å as ae/oe/aa and everything but letters and digits removed.
 * @example normalise("Overskud.Holdstørrelse") // "overskudholdstoerrelse"
 */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * True when a term name belongs to the savings surplus (`savingsSurplus.*`, Danish `overskud.*`).
 * @example isSavingsSurplusName("overskud.regel") // true
 */
export function isSavingsSurplusName(name: string): boolean {
  const normal = normalise(name);
  return normal.startsWith("savingssurplus") || normal.startsWith("overskud");
}

/**
 * Savings-surplus terms from name/value pairs (`savingsSurplus.rule` commissioner/provider/reinvested, Danish
 * kommune/leverandør/geninvesteret; `savingsSurplus.share` 0–1; `savingsSurplus.cohortSize` participants or none).
 * Unknown names (rule `unknown`), repeats (rule `duplicate`) and bad values are reported as `terms.savingsSurplus.*`.
 * A share left out is 1 (all of the surplus) for provider and reinvested.
 * @example savingsSurplusFromPairs([["overskud.regel", "geninvesteret"], ["overskud.andel", 0.5]])
 *   // ok({ rule: "reinvested", share: 0.5, cohortSize: null })
 */
export function savingsSurplusFromPairs(
  pairs: readonly (readonly [string, number | string])[],
): Result<SavingsSurplusTerms> {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let rule: unknown = DEFAULT_SAVINGS_SURPLUS.rule;
  let share: unknown = DEFAULT_SAVINGS_SURPLUS.share;
  let cohortSize: unknown = null;
  for (const [name, value] of pairs) {
    const key = ownValue(NAMES, normalise(name));
    if (key === undefined) {
      issues.push(
        issue(
          "InvalidInput",
          `terms.${name}`,
          "unknown",
          `terms: unknown name "${name}"; use ${SAVINGS_SURPLUS_TERM_NAMES.join(", ")}.`,
        ),
      );
      continue;
    }
    if (seen.has(key)) {
      issues.push(
        issue(
          "InvalidInput",
          `terms.savingsSurplus.${key}`,
          "duplicate",
          `terms.savingsSurplus.${key} is given twice.`,
        ),
      );
      continue;
    }
    seen.add(key);
    if (key === "rule") rule = typeof value === "string" ? (ownValue(RULES, normalise(value)) ?? value) : value;
    else if (key === "share") share = value;
    else cohortSize = typeof value === "string" && ["none", "ingen", ""].includes(normalise(value)) ? null : value;
  }
  if (issues.length > 0) return failMany(issues);
  const terms = { rule, share, cohortSize } as SavingsSurplusTerms;
  const problems = validateSavingsSurplus(terms);
  return problems.length > 0 ? failMany(problems) : ok(terms);
}

/**
 * Checked {@link surplusFlowsCore}: finite series (savings any sign; paid, investorReinvested, costProfile ≥ 0),
 * discount factors > 0 covering every month, a horizon and default cohort size that are whole numbers ≥ 1, valid terms.
 * @example surplusFlows(input, { rule: "provider", share: 0.3, cohortSize: null }).value.totals.provider
 */
export function surplusFlows(input: SurplusInputs, terms: SavingsSurplusTerms): Result<SurplusFlows> {
  const issues = validateSavingsSurplus(terms);
  const series = (name: string, values: readonly number[], negative: boolean): void => {
    values.forEach((value, t) => {
      if (typeof value !== "number" || !Number.isFinite(value) || (!negative && value < 0)) {
        issues.push(
          issue(
            "InvalidInput",
            `${name}[${t}]`,
            "range",
            `${name}[${t}] must be ${negative ? "a number of kr" : "kr of at least 0"}, got ${JSON.stringify(value)}.`,
          ),
        );
      }
    });
  };
  series("savings", input.savings, true);
  series("paid", input.paid, false);
  series("investorReinvested", input.investorReinvested, false);
  series("costProfile", input.costProfile, false);
  const months = Math.max(input.savings.length, input.paid.length, input.investorReinvested.length);
  if (
    input.discountFactors.length < months ||
    input.discountFactors.some((factor) => !Number.isFinite(factor) || factor <= 0)
  ) {
    issues.push(
      issue(
        "InvalidInput",
        "discountFactors",
        "length",
        `discountFactors must be factors above 0 for all ${months} months.`,
      ),
    );
  }
  for (const [name, value] of [
    ["horizonMonths", input.horizonMonths],
    ["defaultCohortSize", input.defaultCohortSize],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      issues.push(
        issue("InvalidInput", name, "integer", `${name} must be a whole number of at least 1, got ${value}.`),
      );
    }
  }
  if (issues.length > 0) return failMany(issues);
  return ok(surplusFlowsCore(input, terms));
}

function lastPositive(values: readonly number[]): number {
  for (let t = values.length - 1; t >= 0; t--) if ((values[t] ?? 0) > 0) return t;
  return -1;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The surplus flows of a contract: the municipality's narrow savings before the intervention cost, what it pays under
 * the money identity (due − its share of the capped surplus + a top-up it pays, moneyFlows.ts), the investor's
 * reinvested capped surplus, the scenario's cost profile per participant and its first cohort's size; discount factors
 * of the schedule. Terms from the investor terms (absent = the municipality keeps its surplus).
 * @example contractSurplusFlows(pilot, businessCase, schedule.discountFactor, moneyFlowsCore(...), terms).totals.kept
 */
export function contractSurplusFlows(
  scenario: Scenario,
  businessCase: BusinessCaseResult,
  discountFactors: readonly number[],
  flows: MoneyFlows,
  terms: SavingsSurplusTerms = DEFAULT_SAVINGS_SURPLUS,
): SurplusFlows {
  const paid = Array.from(
    { length: flows.months },
    (_, t) =>
      (flows.due.municipality[t] ?? 0) -
      (flows.toCommissioner.municipality[t] ?? 0) +
      (flows.topUp.commissioner.municipality[t] ?? 0),
  );
  const costMonths = scenario.costTiming === "upfront" ? 1 : scenario.interventionMonths;
  return surplusFlowsCore(
    {
      savings: savingsByMonth(businessCase, "narrow"),
      paid,
      investorReinvested: flows.reinvested,
      costProfile: Array.from({ length: costMonths }, (_, j) => interventionCost(scenario, j)),
      discountFactors,
      horizonMonths: scenario.horizonMonths,
      defaultCohortSize: Math.max(1, Math.round(scenario.cohorts[0]?.participants ?? 1)),
    },
    terms,
  );
}
