/**
 * One-at-a-time sensitivity (tornado data) and switching values, deterministic (expected outcomes, deal.ts).
 *
 * Tornado: each input is set to its low and its high value with every other input at its base value, and the chosen
 * output is computed at both; rows are sorted by swing |output(high) − output(low)|, largest first (Crystal Ball's
 * tornado tool; payments-and-peers.md c).
 *
 * Switching value (HM Treasury Green Book): the value of one input at which a party's NPV is 0, all else at base —
 * the investor's NPV at its hurdle, or the municipality's discounted net (savings − payments). The search walks from
 * the base value towards each end of the input's range in 16 equal steps, stops at the first change of sign, and
 * bisects that bracket (solve.ts); the crossing nearest the base value is reported. Whole-month inputs (the claim lag)
 * are walked one month at a time and report the first whole month on the other side. When the NPV keeps its sign over
 * the whole range, there is no switching value: `value` is null and `reason` says so.
 *
 * Inputs and their default low/high values (the range searched for switching values in brackets):
 * | input | base | low / high | range |
 * | effect (multiplier of the measured effect, effectScale.ts) | 1 | 0.5 / 1.5 | the valid multipliers |
 * | priceFactor (all rate-card prices) | 1 | 0.8 / 1.2 | 0 – 10 |
 * | costPerParticipant (kr) | K | 0.8·K / 1.2·K | 0.01·K – 10·K |
 * | persistence (monthly) | ρ | ρ − 0.02 / ρ + 0.02 (within 0–1) | 0 – 1 |
 * | lagMonths (claim lag) | L | L − 3 / L + 6 (at least 0) | 0 – 120 |
 * | discountRate (municipality, per year) | i | i − 0.015 / i + 0.015 | 0 – 0.2 |
 * | hurdleRate (investor, per year) | h | h − 0.04 / h + 0.04 | −0.5 – 1 |
 */
import { effectiveParticipantShares } from "../neutralise";
import { computeBusinessCase, type BusinessCaseResult } from "../businessCase";
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import type { Scenario } from "../scenario";
import { evaluateDeal, withParticipantShares, withPriceFactor, type DealEvaluation } from "./deal";
import { effectScale, sharesAtMultiplier } from "./effectScale";
import { validateStressInputs, type StressInputs } from "./model";
import { conditionBoundary } from "./solve";

/** What a tornado shows: the investor's NPV at the hurdle (kr), its IRR (effective annual) or the municipality's net (kr). */
export type SensitivityOutput = "investorNpv" | "investorIrr" | "municipalityNet";
/** Whose NPV a switching value zeroes. */
export type Party = "investor" | "municipality";

/** A deal at one point of an input: the inputs and the investor's hurdle. */
export interface SensitivityPoint {
  readonly inputs: StressInputs;
  readonly hurdleRate: number;
}

/** One input of the sensitivity analysis. */
export interface SensitivityInput {
  readonly name: string;
  readonly unit: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  /** The range searched for a switching value. */
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (the claim lag). */
  readonly integer: boolean;
  /** The deal with this input at `value`, every other input at its base. */
  readonly at: (value: number) => SensitivityPoint;
}

/** A tornado row. */
export interface TornadoRow {
  readonly input: string;
  readonly unit: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly outputLow: number;
  readonly outputHigh: number;
  /** |outputHigh − outputLow| (NaN when an output is NaN, e.g. no IRR; such rows sort last). */
  readonly swing: number;
}

/** A switching value, or why there is none in the range. */
export interface SwitchingValue {
  readonly input: string;
  readonly party: Party;
  /** The input value at which the party's NPV is 0, or null. */
  readonly value: number | null;
  /** Why there is none (null when there is a value). */
  readonly reason: string | null;
}

/** Names of the inputs, in the order {@link sensitivityInputs} returns them. */
export const SENSITIVITY_INPUTS = [
  "effect",
  "priceFactor",
  "costPerParticipant",
  "persistence",
  "lagMonths",
  "discountRate",
  "hurdleRate",
] as const;

/**
 * The inputs of the analysis around a base deal (see the module comment for their low/high values and ranges).
 * Unchecked: valid inputs.
 * @example sensitivityInputs(pilotInputs, 0.08).map((input) => input.name) // SENSITIVITY_INPUTS
 */
export function sensitivityInputs(inputs: StressInputs, hurdleRate: number): SensitivityInput[] {
  const { scenario, paymentTerms } = inputs;
  const point = (changed: StressInputs, hurdle = hurdleRate): SensitivityPoint => ({
    inputs: changed,
    hurdleRate: hurdle,
  });
  // Effects start from the effective participant shares (after neutraliseStates); scaling them keeps the neutralised
  // states at the comparison share, so re-applying the neutralisation in the business case changes nothing.
  const participantShares = effectiveParticipantShares(scenario);
  const scale = effectScale(participantShares, scenario.comparisonShares);
  const minEffect = Number.isFinite(scale.minMultiplier) ? scale.minMultiplier : -1;
  const maxEffect = Number.isFinite(scale.maxMultiplier) ? scale.maxMultiplier : 3;
  const clampTo = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
  const cost = scenario.costPerParticipant;
  const rho = scenario.persistence;
  const lag = paymentTerms.lagMonths;
  const rate = scenario.discountRate;
  return [
    {
      name: "effect",
      unit: "multiplier of the measured effect",
      base: 1,
      low: clampTo(0.5, minEffect, maxEffect),
      high: clampTo(1.5, minEffect, maxEffect),
      min: minEffect,
      max: maxEffect,
      integer: false,
      at: (value) => {
        const shares = sharesAtMultiplier(
          participantShares,
          scenario.comparisonShares,
          clampTo(value, minEffect, maxEffect),
        );
        return point({
          ...inputs,
          scenario: withParticipantShares(scenario, shares.ok ? shares.value : participantShares),
        });
      },
    },
    {
      name: "priceFactor",
      unit: "factor on every rate-card price",
      base: 1,
      low: 0.8,
      high: 1.2,
      min: 0,
      max: 10,
      integer: false,
      at: (value) => point({ ...inputs, paymentTerms: withPriceFactor(paymentTerms, value) }),
    },
    {
      name: "costPerParticipant",
      unit: "kr per participant",
      base: cost,
      low: 0.8 * cost,
      high: 1.2 * cost,
      min: 0.01 * cost,
      max: 10 * cost,
      integer: false,
      at: (value) => point({ ...inputs, scenario: { ...scenario, costPerParticipant: value } }),
    },
    {
      name: "persistence",
      unit: "monthly factor",
      base: rho,
      low: Math.max(0, rho - 0.02),
      high: Math.min(1, rho + 0.02),
      min: 0,
      max: 1,
      integer: false,
      at: (value) => point({ ...inputs, scenario: { ...scenario, persistence: value } }),
    },
    {
      name: "lagMonths",
      unit: "months",
      base: lag,
      low: Math.max(0, lag - 3),
      high: Math.min(120, lag + 6),
      min: 0,
      max: 120,
      integer: true,
      at: (value) => point({ ...inputs, paymentTerms: { ...paymentTerms, lagMonths: Math.round(value) } }),
    },
    {
      name: "discountRate",
      unit: "per year (municipality)",
      base: rate,
      low: Math.max(0, rate - 0.015),
      high: rate + 0.015,
      min: 0,
      max: Math.max(0.2, rate),
      integer: false,
      at: (value) => point({ ...inputs, scenario: { ...scenario, discountRate: value } }),
    },
    {
      name: "hurdleRate",
      unit: "per year (investor)",
      base: hurdleRate,
      low: Math.max(-0.5, hurdleRate - 0.04),
      high: hurdleRate + 0.04,
      min: Math.min(-0.5, hurdleRate),
      max: Math.max(1, hurdleRate),
      integer: false,
      at: (value) => point(inputs, value),
    },
  ];
}

/**
 * Tornado data: every input at its low and high value, the output at each, sorted by swing (largest first).
 * @param inputs Scenario, payment terms and investor terms.
 * @param output What to show.
 * @param hurdleRate The investor's hurdle (effective annual, above −1).
 * @returns The base output and the rows; InvalidInput for bad inputs or hurdle.
 * @example tornado(pilotInputs, "investorNpv", 0.08) // ok({ base: −757,747…, rows: [{ input: "effect", … }, …] })
 */
export function tornado(
  inputs: StressInputs,
  output: SensitivityOutput,
  hurdleRate: number,
): Result<{ readonly base: number; readonly rows: readonly TornadoRow[] }> {
  const issues = checkedInputs(inputs, hurdleRate);
  if (issues.length > 0) return failMany(issues);
  const base = outputOf(evaluateDeal(inputs, hurdleRate), output);
  const rows = sensitivityInputs(inputs, hurdleRate).map((input): TornadoRow => {
    const outputLow = outputOf(evaluate(input.at(input.low)), output);
    const outputHigh = outputOf(evaluate(input.at(input.high)), output);
    return {
      input: input.name,
      unit: input.unit,
      base: input.base,
      low: input.low,
      high: input.high,
      outputLow,
      outputHigh,
      swing: Math.abs(outputHigh - outputLow),
    };
  });
  return ok({ base, rows: sortBySwing(rows) });
}

/**
 * The switching value of one input for one party (see the module comment).
 * @param input An input from {@link sensitivityInputs}.
 * @param party Whose NPV is zeroed: "investor" (NPV at the hurdle) or "municipality" (discounted net).
 * @returns The value, or null with the reason.
 * @example switchingValue(inputs.find((i) => i.name === "priceFactor"), "investor") // { value: ≈ 1.21 } at 8 %
 */
export function switchingValue(input: SensitivityInput, party: Party): SwitchingValue {
  const npv = (value: number): number => partyNpv(evaluate(input.at(value)), party);
  const atBase = npv(input.base);
  const found = (value: number): SwitchingValue => ({ input: input.name, party, value, reason: null });
  if (atBase === 0) return found(input.base);
  const positive = atBase > 0;
  const sameSign = (value: number): boolean => npv(value) > 0 === positive;
  const candidates: number[] = [];
  for (const end of [input.min, input.max]) {
    if (end === input.base) continue;
    if (input.integer) {
      const step = end > input.base ? 1 : -1;
      for (let value = input.base + step; step > 0 ? value <= end : value >= end; value += step) {
        if (!sameSign(value)) {
          candidates.push(value);
          break;
        }
      }
      continue;
    }
    let inner = input.base;
    for (let step = 1; step <= SEARCH_STEPS; step++) {
      const outer = input.base + ((end - input.base) * step) / SEARCH_STEPS;
      if (!sameSign(outer)) {
        // The NPV side of the boundary: the point where the party's NPV is ≥ 0.
        const nonNegative = (value: number): boolean => npv(value) >= 0;
        candidates.push(
          positive ? conditionBoundary(nonNegative, inner, outer) : conditionBoundary(nonNegative, outer, inner),
        );
        break;
      }
      inner = outer;
    }
  }
  if (candidates.length === 0) {
    const sign = positive ? "positive" : "negative";
    return {
      input: input.name,
      party,
      value: null,
      reason: `none in range: the ${party === "investor" ? "investor's NPV at its hurdle" : "municipality's discounted net"} stays ${sign} for ${input.name} from ${input.min} to ${input.max}.`,
    };
  }
  candidates.sort((a, b) => Math.abs(a - input.base) - Math.abs(b - input.base));
  return found(candidates[0] as number);
}

/**
 * Switching values of every input for one party (checked).
 * @example switchingValues(pilotInputs, "municipality", 0.08) // ok([{ input: "effect", value: … }, …])
 */
export function switchingValues(
  inputs: StressInputs,
  party: Party,
  hurdleRate: number,
): Result<readonly SwitchingValue[]> {
  const issues = checkedInputs(inputs, hurdleRate);
  if (issues.length > 0) return failMany(issues);
  return ok(sensitivityInputs(inputs, hurdleRate).map((input) => switchingValue(input, party)));
}

/** Steps from the base value to each end of the range when looking for a change of sign. */
const SEARCH_STEPS = 16;

/** Business cases by scenario object: inputs that change only the terms or the hurdle reuse the base scenario's. */
const businessCases = new WeakMap<Scenario, BusinessCaseResult>();

function evaluate(point: SensitivityPoint): DealEvaluation {
  const scenario = point.inputs.scenario;
  let businessCase = businessCases.get(scenario);
  if (businessCase === undefined) {
    businessCase = computeBusinessCase(scenario);
    businessCases.set(scenario, businessCase);
  }
  return evaluateDeal(point.inputs, point.hurdleRate, businessCase);
}

/** The output of a deal. */
export function outputOf(deal: DealEvaluation, output: SensitivityOutput): number {
  if (output === "investorNpv") return deal.investorNpv;
  if (output === "investorIrr") return deal.investorIrr;
  return deal.municipalityNetPv;
}

function partyNpv(deal: DealEvaluation, party: Party): number {
  return party === "investor" ? deal.investorNpv : deal.municipalityNetPv;
}

function sortBySwing(rows: TornadoRow[]): TornadoRow[] {
  const rank = (row: TornadoRow): number => (Number.isNaN(row.swing) ? -1 : row.swing);
  return rows.sort((a, b) => rank(b) - rank(a));
}

function checkedInputs(inputs: StressInputs, hurdleRate: number): Issue[] {
  const issues = validateStressInputs(inputs);
  if (!(Number.isFinite(hurdleRate) && hurdleRate > -1 && hurdleRate <= 10)) {
    issues.push(
      issue(
        "InvalidInput",
        "hurdleRate",
        "range",
        `hurdleRate must be an effective annual rate above -1 and at most 10 (0.08 = 8 %), got ${hurdleRate}.`,
      ),
    );
  }
  return issues;
}
