import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { satisfies, type NumericRule } from "../rules";
import { INVESTOR_RULES, SURPLUS_SHARE_TOLERANCE } from "./rules";
import {
  SAVINGS_SURPLUS_TERM_NAMES,
  isSavingsSurplusName,
  savingsSurplusFromPairs,
  validateSavingsSurplus,
  type SavingsSurplusTerms,
} from "./surplus";

/** When the investor's capital is drawn: as the intervention costs fall due, or all at month 0. */
export type DrawTiming = "asNeeded" | "upfront";
/** Who pays the principal-protection top-up. */
export type TopUpPayer = "commissioner" | "guarantor";

/**
 * Where outcome payments beyond the return cap (the surplus) go, as fractions summing to 1:
 * `investor` is paid on top of the capped return; `provider` goes to the service provider; `commissioner` is returned
 * to (in practice: not paid by) the commissioner; `reinvested` stays in the programme for more participants (it
 * leaves the investor's flows).
 */
export interface SurplusShares {
  readonly investor: number;
  readonly provider: number;
  readonly commissioner: number;
  readonly reinvested: number;
}

/**
 * What happens to the commissioner's share of the surplus beyond a return cap (`surplusShare.commissioner`):
 * `withheld` = the payer never pays it (its payment in that month is lower); `returned` = the payer pays it and gets
 * it back in the same month (a gross payment and a refund, as a budget would book it). The municipality's net
 * position is the same either way; only the booking differs (docs/investor.md, "Money identity").
 */
export type CappedSurplus = "withheld" | "returned";

/**
 * Costs of the deal besides the intervention cost, kr (≥ 0, fixed prices of the parameter year; defaults 0). Who
 * bears them and when (docs/investor.md, "Deal costs"):
 * - `setup` (transaction: legal, structuring) and `intermediaryOneOff`: drawn from the investor in month 0;
 * - `evaluation`: drawn from the investor in the last month with an intervention cost (the end of the effort);
 * - `intermediaryYearly`: drawn from the investor in months 0, 12, 24, … of the horizon, at most
 *   `intermediaryYears` times (null = every contract year of the horizon);
 * - `providerNonDelivery`: borne by the provider itself (its unfunded cost of participants it serves without outcome
 *   payments), in the last month with an intervention cost; not in the investor's flows.
 * All five are real resource costs, so all enter the socio-economic account (discounted like the business case);
 * the first four also raise the investor's principal (draws), so they enter the IRR, multiple and caps.
 */
export interface DealCosts {
  readonly setup: number;
  readonly evaluation: number;
  readonly intermediaryOneOff: number;
  readonly intermediaryYearly: number;
  readonly intermediaryYears: number | null;
  readonly providerNonDelivery: number;
}

/** No deal costs (the default). */
export const NO_DEAL_COSTS: DealCosts = {
  setup: 0,
  evaluation: 0,
  intermediaryOneOff: 0,
  intermediaryYearly: 0,
  intermediaryYears: null,
  providerNonDelivery: 0,
};

/** Complete, validated investor terms. Rates are effective annual fractions; money is kr. */
export interface InvestorTerms {
  readonly draw: DrawTiming;
  /**
   * Cap on the investor's return from outcome payments. `irr`: effective annual IRR (0.08 = 8 % per year), applied
   * month by month to the capital outstanding at the monthly equivalent rate; `multiple`: total distributions at most
   * this times the principal (≥ 1). Null = no cap; with both, the tighter binds.
   */
  readonly returnCap: { readonly irr: number | null; readonly multiple: number | null };
  readonly surplusShare: SurplusShares;
  /**
   * Maximum loss L as a fraction of the principal (0.5 = the investor gets back at least 50 %); null = no protection.
   * The top-up is paid in the last month of the horizon.
   */
  readonly maxLoss: number | null;
  readonly topUpPayer: TopUpPayer;
  /** Effective annual hurdle rate for the investor's NPV (0.08 = 8 % per year); null = no NPV reported. */
  readonly hurdleRate: number | null;
  /** The commissioner's surplus share: withheld or returned (absent = "withheld"; always set by investorTerms). */
  readonly cappedSurplus?: CappedSurplus;
  /** Deal costs (absent = none; always set by investorTerms). */
  readonly dealCosts?: DealCosts;
  /** The municipality's savings above its payments: kept, shared with the provider or reinvested (surplus.ts; absent = kept). */
  readonly savingsSurplus?: SavingsSurplusTerms;
}

/** Investor terms with every field optional (defaults: {@link DEFAULT_INVESTOR_TERMS}). */
export interface InvestorTermsInput {
  readonly draw?: DrawTiming;
  readonly returnCap?: { readonly irr?: number | null; readonly multiple?: number | null };
  /** Shares not given are 0, except `commissioner`, which takes the remainder when not given. */
  readonly surplusShare?: Partial<SurplusShares>;
  readonly maxLoss?: number | null;
  readonly topUpPayer?: TopUpPayer;
  readonly hurdleRate?: number | null;
  readonly cappedSurplus?: CappedSurplus;
  readonly dealCosts?: Partial<DealCosts>;
  readonly savingsSurplus?: SavingsSurplusTerms;
}

/** Defaults: capital drawn as needed, no cap (all surplus to the commissioner if a cap is set), no protection. */
export const DEFAULT_INVESTOR_TERMS: InvestorTerms = {
  draw: "asNeeded",
  returnCap: { irr: null, multiple: null },
  surplusShare: { investor: 0, provider: 0, commissioner: 1, reinvested: 0 },
  maxLoss: null,
  topUpPayer: "commissioner",
  hurdleRate: null,
  cappedSurplus: "withheld",
  dealCosts: NO_DEAL_COSTS,
};

/** The deal-cost keys, in the order of the terms range. */
export const DEAL_COST_KEYS = [
  "setup",
  "evaluation",
  "intermediaryOneOff",
  "intermediaryYearly",
  "intermediaryYears",
  "providerNonDelivery",
] as const;

/** Names accepted by {@link investorTermsFromPairs} (case-insensitive). */
export const INVESTOR_TERM_NAMES = [
  "draw",
  "returnCap.irr",
  "returnCap.multiple",
  "maxLoss",
  "topUpPayer",
  "surplusShare.investor",
  "surplusShare.provider",
  "surplusShare.commissioner",
  "surplusShare.reinvested",
  "hurdleRate",
  "cappedSurplus",
  "dealCosts.setup",
  "dealCosts.evaluation",
  "dealCosts.intermediaryOneOff",
  "dealCosts.intermediaryYearly",
  "dealCosts.intermediaryYears",
  "dealCosts.providerNonDelivery",
] as const;

/** True when a value satisfies a rule of INVESTOR_RULES (none is bounded by the horizon). */
const valid = (rule: NumericRule, value: number): boolean => satisfies(rule, value, 0);

/**
 * Validates investor terms and fills the defaults. Issues name the field as `terms.<name>`.
 * @param input Partial terms, e.g. { returnCap: { irr: 0.08 }, maxLoss: 0.5 }.
 * @returns Complete terms, or InvalidInput issues (all of them).
 * @example investorTerms({ draw: "upfront", returnCap: { multiple: 1.3 } }) // ok({ draw: "upfront", ... })
 */
export function investorTerms(input: InvestorTermsInput = {}): Result<InvestorTerms> {
  const issues: Issue[] = [];
  const draw = input.draw ?? DEFAULT_INVESTOR_TERMS.draw;
  if (draw !== "asNeeded" && draw !== "upfront") {
    issues.push(invalid("draw", "enum", `terms.draw must be "asNeeded" or "upfront", got ${JSON.stringify(draw)}.`));
  }
  const capIrr = input.returnCap?.irr ?? null;
  if (capIrr !== null && !valid(INVESTOR_RULES.capIrr, capIrr)) {
    issues.push(
      invalid(
        "returnCap.irr",
        "range",
        `terms.returnCap.irr must be an effective annual rate from 0 to 1 (0.08 = 8 %), got ${capIrr}.`,
      ),
    );
  }
  const capMultiple = input.returnCap?.multiple ?? null;
  if (capMultiple !== null && !valid(INVESTOR_RULES.capMultiple, capMultiple)) {
    issues.push(
      invalid(
        "returnCap.multiple",
        "range",
        `terms.returnCap.multiple must be at least 1 (1.3 = 130 %), got ${capMultiple}.`,
      ),
    );
  }
  const maxLoss = input.maxLoss ?? null;
  if (maxLoss !== null && !valid(INVESTOR_RULES.maxLoss, maxLoss)) {
    issues.push(
      invalid(
        "maxLoss",
        "range",
        `terms.maxLoss must be a fraction of the principal from 0 to 1 (0.5 = 50 %), got ${maxLoss}.`,
      ),
    );
  }
  const topUpPayer = input.topUpPayer ?? DEFAULT_INVESTOR_TERMS.topUpPayer;
  if (topUpPayer !== "commissioner" && topUpPayer !== "guarantor") {
    issues.push(
      invalid(
        "topUpPayer",
        "enum",
        `terms.topUpPayer must be "commissioner" or "guarantor", got ${JSON.stringify(topUpPayer)}.`,
      ),
    );
  }
  const hurdleRate = input.hurdleRate ?? null;
  if (hurdleRate !== null && !valid(INVESTOR_RULES.hurdleRate, hurdleRate)) {
    issues.push(
      invalid(
        "hurdleRate",
        "range",
        `terms.hurdleRate must be an effective annual rate above −1 (0.08 = 8 %), got ${hurdleRate}.`,
      ),
    );
  }
  const surplusShare = shares(input.surplusShare ?? {}, issues);
  const cappedSurplus = input.cappedSurplus ?? "withheld";
  if (cappedSurplus !== "withheld" && cappedSurplus !== "returned") {
    issues.push(
      invalid(
        "cappedSurplus",
        "enum",
        `terms.cappedSurplus must be "withheld" (the payer does not pay the commissioner's share of the surplus beyond the cap) or "returned" (paid and returned in the same month), got ${JSON.stringify(cappedSurplus)}.`,
      ),
    );
  }
  const dealCosts = dealCostsOf(input.dealCosts ?? {}, issues);
  if (input.savingsSurplus !== undefined) issues.push(...validateSavingsSurplus(input.savingsSurplus));
  if (issues.length > 0) return failMany(issues);
  return ok({
    draw,
    returnCap: { irr: capIrr, multiple: capMultiple },
    surplusShare,
    maxLoss,
    topUpPayer,
    hurdleRate,
    cappedSurplus,
    dealCosts,
    ...(input.savingsSurplus === undefined ? {} : { savingsSurplus: input.savingsSurplus }),
  });
}

/**
 * Investor terms from name/value pairs (e.g. a two-column range in Excel), names as in {@link INVESTOR_TERM_NAMES}
 * (case-insensitive): draw "asNeeded"/"upfront", returnCap.irr, returnCap.multiple, maxLoss, topUpPayer
 * "commissioner"/"guarantor", surplusShare.investor/.provider/.commissioner/.reinvested, hurdleRate.
 * @param pairs Name/value pairs; each name at most once.
 * @returns Validated terms, or InvalidInput issues naming `terms.<name>`.
 * @example investorTermsFromPairs([["returnCap.irr", 0.08], ["maxLoss", 0.5]]) // ok(...)
 */
export function investorTermsFromPairs(pairs: readonly (readonly [string, number | string])[]): Result<InvestorTerms> {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const numbers = new Map<string, number>();
  let draw: DrawTiming | undefined;
  let topUpPayer: TopUpPayer | undefined;
  let cappedSurplus: CappedSurplus | undefined;
  const surplusPairs = pairs.filter(([name]) => isSavingsSurplusName(name));
  const savingsSurplus = surplusPairs.length === 0 ? undefined : savingsSurplusFromPairs(surplusPairs);
  if (savingsSurplus !== undefined && !savingsSurplus.ok) issues.push(...savingsSurplus.issues);
  for (const [rawName, value] of pairs.filter(([name]) => !isSavingsSurplusName(name))) {
    const name = INVESTOR_TERM_NAMES.find((known) => known.toLowerCase() === rawName.trim().toLowerCase());
    if (name === undefined) {
      issues.push(
        invalid(
          rawName,
          "unknown",
          `terms: unknown name "${rawName}"; use ${[...INVESTOR_TERM_NAMES, ...SAVINGS_SURPLUS_TERM_NAMES].join(", ")}.`,
        ),
      );
      continue;
    }
    if (seen.has(name)) {
      issues.push(invalid(name, "duplicate", `terms.${name} is given more than once.`));
      continue;
    }
    seen.add(name);
    if (name === "draw") {
      const text =
        typeof value === "string"
          ? value
              .trim()
              .toLowerCase()
              .replace(/[\s_-]/g, "")
          : "";
      if (text === "asneeded") draw = "asNeeded";
      else if (text === "upfront") draw = "upfront";
      else
        issues.push(invalid(name, "enum", `terms.draw must be "asNeeded" or "upfront", got ${JSON.stringify(value)}.`));
    } else if (name === "topUpPayer") {
      const text = typeof value === "string" ? value.trim().toLowerCase() : "";
      if (text === "commissioner" || text === "kommune") topUpPayer = "commissioner";
      else if (text === "guarantor") topUpPayer = "guarantor";
      else {
        issues.push(
          invalid(
            name,
            "enum",
            `terms.topUpPayer must be "commissioner" or "guarantor", got ${JSON.stringify(value)}.`,
          ),
        );
      }
    } else if (name === "cappedSurplus") {
      const text = typeof value === "string" ? value.trim().toLowerCase() : "";
      if (text === "withheld" || text === "tilbageholdt") cappedSurplus = "withheld";
      else if (text === "returned" || text === "tilbagebetalt") cappedSurplus = "returned";
      else {
        issues.push(
          invalid(
            name,
            "enum",
            `terms.cappedSurplus must be "withheld" (not paid) or "returned" (paid and returned), got ${JSON.stringify(value)}.`,
          ),
        );
      }
    } else if (name === "dealCosts.intermediaryYears" && typeof value === "string" && isNone(value)) {
      numbers.set(name, Number.NaN);
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push(invalid(name, "number", `terms.${name} must be a number, got ${JSON.stringify(value)}.`));
    } else {
      numbers.set(name, value);
    }
  }
  if (issues.length > 0) return failMany(issues);
  const surplusShare: Partial<Record<keyof SurplusShares, number>> = {};
  for (const key of ["investor", "provider", "commissioner", "reinvested"] as const) {
    const share = numbers.get(`surplusShare.${key}`);
    if (share !== undefined) surplusShare[key] = share;
  }
  const dealCosts: { -readonly [K in keyof DealCosts]?: DealCosts[K] } = {};
  for (const key of DEAL_COST_KEYS) {
    const amount = numbers.get(`dealCosts.${key}`);
    if (amount === undefined) continue;
    if (key === "intermediaryYears") dealCosts.intermediaryYears = Number.isNaN(amount) ? null : amount;
    else dealCosts[key] = amount;
  }
  return investorTerms({
    ...(draw === undefined ? {} : { draw }),
    ...(topUpPayer === undefined ? {} : { topUpPayer }),
    ...(cappedSurplus === undefined ? {} : { cappedSurplus }),
    ...(savingsSurplus?.ok === true ? { savingsSurplus: savingsSurplus.value } : {}),
    dealCosts,
    returnCap: { irr: numbers.get("returnCap.irr") ?? null, multiple: numbers.get("returnCap.multiple") ?? null },
    maxLoss: numbers.get("maxLoss") ?? null,
    hurdleRate: numbers.get("hurdleRate") ?? null,
    surplusShare,
  });
}

function shares(input: Partial<SurplusShares>, issues: Issue[]): SurplusShares {
  const given = {
    investor: input.investor ?? 0,
    provider: input.provider ?? 0,
    reinvested: input.reinvested ?? 0,
  };
  for (const [key, share] of Object.entries(given)) {
    if (!valid(INVESTOR_RULES.surplusShare, share)) {
      issues.push(
        invalid(`surplusShare.${key}`, "range", `terms.surplusShare.${key} must be from 0 to 1, got ${share}.`),
      );
    }
  }
  const others = given.investor + given.provider + given.reinvested;
  const commissioner = input.commissioner ?? 1 - others;
  if (input.commissioner === undefined) {
    if (commissioner < -SURPLUS_SHARE_TOLERANCE) {
      issues.push(
        invalid("surplusShare", "sum", `terms.surplusShare shares must not exceed 1 in total, got ${others}.`),
      );
    }
  } else if (!valid(INVESTOR_RULES.surplusShare, commissioner)) {
    issues.push(
      invalid(
        "surplusShare.commissioner",
        "range",
        `terms.surplusShare.commissioner must be from 0 to 1, got ${commissioner}.`,
      ),
    );
  } else if (Math.abs(others + commissioner - 1) > SURPLUS_SHARE_TOLERANCE) {
    issues.push(
      invalid(
        "surplusShare",
        "sum",
        `terms.surplusShare shares (investor, provider, commissioner, reinvested) must sum to 1, got ${others + commissioner}.`,
      ),
    );
  }
  return { ...given, commissioner: Math.max(0, commissioner) };
}

function isNone(text: string): boolean {
  const normal = text.trim().toLowerCase();
  return normal === "none" || normal === "ingen" || normal === "";
}

function dealCostsOf(input: Partial<DealCosts>, issues: Issue[]): DealCosts {
  const amount = (key: Exclude<keyof DealCosts, "intermediaryYears">): number => {
    const value = input[key] ?? 0;
    if (!valid(INVESTOR_RULES.dealCost, value)) {
      issues.push(
        invalid(
          `dealCosts.${key}`,
          "range",
          `terms.dealCosts.${key} must be a cost in kr from 0 to 1,000,000,000 (negative costs are not allowed), got ${value}.`,
        ),
      );
    }
    return value;
  };
  const setup = amount("setup");
  const evaluation = amount("evaluation");
  const intermediaryOneOff = amount("intermediaryOneOff");
  const intermediaryYearly = amount("intermediaryYearly");
  const years = input.intermediaryYears ?? null;
  if (years !== null && !valid(INVESTOR_RULES.intermediaryYears, years)) {
    issues.push(
      invalid(
        "dealCosts.intermediaryYears",
        "range",
        `terms.dealCosts.intermediaryYears must be a whole number of years from 0 to ${INVESTOR_RULES.intermediaryYears.max} (or none = every year of the horizon), got ${years}.`,
      ),
    );
  }
  return {
    setup,
    evaluation,
    intermediaryOneOff,
    intermediaryYearly,
    intermediaryYears: years,
    providerNonDelivery: amount("providerNonDelivery"),
  };
}

function invalid(name: string, rule: string, message: string): Issue {
  return issue("InvalidInput", `terms.${name}`, rule, message);
}
