import { failMany, issue, ok, type Issue, type Result } from "../engine/errors";
import { applyInputs } from "../engine/inputs";
import {
  investorTerms as checkedInvestorTerms,
  type InvestorTerms,
  type InvestorTermsInput,
} from "../engine/investor/terms";
import { PAYMENT_RULES } from "../engine/payment/rules";
import { validatePaymentTerms, type PaymentTerms } from "../engine/payment/terms";
import { satisfies } from "../engine/rules";
import type { Cohort, RefusionStep, Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { validateScenario } from "../engine/validate";
import { SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS } from "./inputsSheet";
import { NAME_PREFIX } from "./relocate";

/** Values of a defined name's range, row by row, as a workbook holds them. */
export type RangeValues = readonly (readonly unknown[])[];

/** The defined names (without prefix, i.e. as with SIB_) an existing model's inputs are read from. */
export function inputNames(): string[] {
  return [
    "SIB_CohortParticipants",
    "SIB_CohortIntakeMonths",
    ...SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs.map((input) => input.name)),
    "SIB_RefusionFromWeek",
    "SIB_RefusionShare",
    ...STATE_INPUT_COLUMNS.map((column) => column.name),
  ];
}

/**
 * Rebuilds a scenario from the input cells of a model in a workbook (read by their defined names, with the model's
 * prefix), starting from `base` for what the workbook does not hold (name, parameter year, measured group sizes).
 * Every unreadable or invalid value is reported with the defined name it came from; nothing is filled in silently.
 * @example scenarioFromWorkbook(pilot, (name) => valuesOf(name), "SIB_") // ok: the scenario the cells describe
 */
export function scenarioFromWorkbook(
  base: Scenario,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
): Result<Scenario> {
  const issues: Issue[] = [];
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const column = (name: string): number[] => {
    const values = valuesOf(named(name));
    if (values === undefined) {
      issues.push(issue("InvalidInput", named(name), "required", `The workbook has no defined name ${named(name)}.`));
      return [];
    }
    return values.map((row, index) => {
      const value = row[0];
      if (typeof value === "number" && Number.isFinite(value)) return value;
      issues.push(
        issue(
          "InvalidInput",
          named(name),
          "number",
          `${named(name)} row ${index + 1} must be a number, got ${JSON.stringify(value ?? null)}.`,
        ),
      );
      return Number.NaN;
    });
  };
  const scalar = (name: string): number => column(name)[0] ?? Number.NaN;

  const participants = column("SIB_CohortParticipants");
  const intakes = column("SIB_CohortIntakeMonths");
  const cohorts: Cohort[] = participants.map((count, index) => ({
    participants: count,
    intakeMonth: intakes[index] ?? Number.NaN,
  }));
  const fromWeeks = column("SIB_RefusionFromWeek");
  const shares = column("SIB_RefusionShare");
  const refusionSteps: RefusionStep[] = fromWeeks.map((fromWeek, index) => ({
    fromWeek,
    share: shares[index] ?? Number.NaN,
  }));
  const pairs: [string, number | string][] = [];
  for (const group of SCALAR_INPUT_GROUPS) {
    for (const input of group.inputs) {
      const value = scalar(input.name);
      if (input.key === "costTiming")
        pairs.push([input.key, value === 1 ? "upfront" : value === 0 ? "spread" : String(value)]);
      else pairs.push([input.key, value]);
    }
  }
  for (const stateColumn of STATE_INPUT_COLUMNS) {
    const values = column(stateColumn.name);
    OUTCOME_STATES.forEach((state, index) => {
      const value = values[index] ?? Number.NaN;
      if (stateColumn.prefix === "benefitPayer") {
        pairs.push([
          `${stateColumn.prefix}.${state}`,
          value === 1 ? "municipality" : value === 0 ? "state" : String(value),
        ]);
      } else {
        pairs.push([`${stateColumn.prefix}.${state}`, value]);
      }
    });
  }
  if (issues.length > 0) return failMany(issues);
  const applied = applyInputs({ ...base, cohorts, refusionSteps }, pairs);
  if (!applied.ok) return applied;
  const ruleIssues = validateScenario(applied.value);
  return ruleIssues.length > 0 ? failMany(ruleIssues) : ok(applied.value);
}

/** The defined names (as with SIB_) the payment and investor terms of a model are read from. */
export function termNames(): string[] {
  return [
    ...PAYMENT_SCALARS,
    "SIB_PayPrices",
    "SIB_PayVolumeCaps",
    "SIB_PayHistoricalRates",
    "SIB_PayMetricIds",
    "SIB_PayRequiresIds",
    ...INVESTOR_SCALARS,
  ];
}

const PAYMENT_SCALARS = [
  "SIB_PayIncludeEducation",
  "SIB_PayBaselineKind",
  "SIB_PayThresholdPP",
  "SIB_PayThresholdContract",
  "SIB_PayPersonCap",
  "SIB_PayContractCap",
  "SIB_PaySavingsShare",
  "SIB_PaySavingsBroad",
  "SIB_PayBaseFee",
  "SIB_PayBaseFeeSpread",
  "SIB_PayLagMonths",
  "SIB_PayMunicipalityShare",
];

const INVESTOR_SCALARS = [
  "SIB_InvDrawUpfront",
  "SIB_InvCapIRR",
  "SIB_InvCapMultiple",
  "SIB_InvSurplusInvestor",
  "SIB_InvSurplusProvider",
  "SIB_InvSurplusCommissioner",
  "SIB_InvSurplusReinvested",
  "SIB_InvMaxLoss",
  "SIB_InvHurdleRate",
];

/** The payment and investor terms of a written model. */
export interface ContractTerms {
  readonly paymentTerms: PaymentTerms;
  readonly investorTerms: InvestorTerms;
}

/**
 * Rebuilds the payment and investor terms from a model's Payment and Investor sheets (by their defined names, with
 * the model's prefix). Returns null when the workbook's model has no Payment sheet. A cap, threshold, IRR cap,
 * maximum loss or hurdle written as text ("no cap", "ingen") means none; every other unreadable or invalid value is
 * reported with its defined name. `base` supplies what the sheets do not hold (the threshold's gating metric and who
 * pays a principal-protection top-up).
 */
export function contractFromWorkbook(
  base: ContractTerms,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
): Result<ContractTerms | null> {
  if (valuesOf(`${prefix}${"SIB_PayPrices".slice(NAME_PREFIX.length)}`) === undefined) return ok(null);
  const reader = termReader(valuesOf, prefix);
  const paymentTerms = readPaymentTerms(reader, base.paymentTerms);
  const investorInput = readInvestorTerms(reader, base.investorTerms);
  if (reader.issues.length > 0) return failMany(reader.issues);
  const paymentIssues = validatePaymentTerms(paymentTerms);
  const investorTerms = checkedInvestorTerms(investorInput);
  const all = [...paymentIssues, ...(investorTerms.ok ? [] : investorTerms.issues)];
  if (all.length > 0 || !investorTerms.ok) return failMany(all);
  return ok({ paymentTerms, investorTerms: investorTerms.value });
}

/** Reads term cells by defined name (with the model's prefix), collecting an issue for every unreadable value. */
interface TermReader {
  readonly issues: Issue[];
  readonly named: (name: string) => string;
  /** The first column of a name's range. */
  readonly cells: (name: string) => unknown[];
  /** A number; for an optional term, text or an empty cell means none (null). */
  readonly number: (name: string, value: unknown, optional: boolean) => number | null;
  readonly scalar: (name: string, optional?: boolean) => number | null;
  readonly required: (name: string) => number;
  readonly flag: (name: string) => boolean;
}

function termReader(valuesOf: (definedName: string) => RangeValues | undefined, prefix: string): TermReader {
  const issues: Issue[] = [];
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const cells = (name: string): unknown[] => {
    const values = valuesOf(named(name));
    if (values === undefined) {
      issues.push(issue("InvalidInput", named(name), "required", `The workbook has no defined name ${named(name)}.`));
      return [];
    }
    return values.map((row) => row[0]);
  };
  const number = (name: string, value: unknown, optional: boolean): number | null => {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (optional && (typeof value === "string" || value === null || value === undefined)) return null;
    const message = `${named(name)} must be a number, got ${JSON.stringify(value ?? null)}.`;
    issues.push(issue("InvalidInput", named(name), "number", message));
    return Number.NaN;
  };
  const scalar = (name: string, optional = false): number | null => number(name, cells(name)[0], optional);
  const required = (name: string): number => scalar(name) ?? Number.NaN;
  // A yes/no cell holds 1 or 0 (PAYMENT_RULES.flag), as the workbook's data validation and Checks block require.
  const flag = (name: string): boolean => {
    const value = required(name);
    if (!Number.isNaN(value) && !satisfies(PAYMENT_RULES.flag, value, 0)) {
      issues.push(
        issue("InvalidInput", named(name), "oneOf", `${named(name)} must be 1 (yes) or 0 (no), got ${value}.`),
      );
    }
    return value === 1;
  };
  return { issues, named, cells, number, scalar, required, flag };
}

/** The rate card (metrics, prices, volume caps, chain) and the historical baseline rates per metric. */
function readRateCard(reader: TermReader): { rateCard: PaymentTerms["rateCard"]; rates: Record<string, number> } {
  const metricIds = reader.cells("SIB_PayMetricIds").map(String);
  const requiresIds = reader.cells("SIB_PayRequiresIds");
  const prices = reader.cells("SIB_PayPrices");
  const caps = reader.cells("SIB_PayVolumeCaps");
  const historical = reader.cells("SIB_PayHistoricalRates");
  const rateCard = metricIds.map((metric, k) => {
    const requires = requiresIds[k];
    return {
      metric,
      price: reader.number("SIB_PayPrices", prices[k], false) ?? Number.NaN,
      volumeCap: reader.number("SIB_PayVolumeCaps", caps[k], true),
      requires: typeof requires === "string" && requires.trim() !== "" ? requires : null,
    };
  });
  const rates: Record<string, number> = {};
  metricIds.forEach(
    (metric, k) => (rates[metric] = reader.number("SIB_PayHistoricalRates", historical[k], false) ?? Number.NaN),
  );
  return { rateCard, rates };
}

function readPaymentTerms(reader: TermReader, base: PaymentTerms): PaymentTerms {
  const { rateCard, rates } = readRateCard(reader);
  const baselineCode = reader.required("SIB_PayBaselineKind");
  if (![0, 1, 2].includes(baselineCode)) {
    const field = reader.named("SIB_PayBaselineKind");
    reader.issues.push(issue("InvalidInput", field, "oneOf", `${field} must be 0, 1 or 2.`));
  }
  const thresholdPP = reader.scalar("SIB_PayThresholdPP", true);
  const baseline: PaymentTerms["baseline"] =
    baselineCode === 1
      ? { kind: "comparison" }
      : baselineCode === 2
        ? { kind: "historical", rate: 0, rates }
        : { kind: "none" };
  return {
    rateCard,
    includeEducation: reader.flag("SIB_PayIncludeEducation"),
    baseline,
    threshold:
      thresholdPP === null
        ? null
        : {
            pp: thresholdPP,
            scope: reader.flag("SIB_PayThresholdContract") ? "contract" : "metric",
            metric: base.threshold?.metric ?? null,
          },
    personCap: reader.scalar("SIB_PayPersonCap", true),
    contractCap: reader.scalar("SIB_PayContractCap", true),
    savingsShare: reader.required("SIB_PaySavingsShare"),
    savingsScope: reader.flag("SIB_PaySavingsBroad") ? "broad" : "narrow",
    baseFee: reader.required("SIB_PayBaseFee"),
    baseFeeTiming: reader.flag("SIB_PayBaseFeeSpread") ? "spread" : "intake",
    lagMonths: reader.required("SIB_PayLagMonths"),
    municipalityShare: reader.required("SIB_PayMunicipalityShare"),
  };
}

function readInvestorTerms(reader: TermReader, base: InvestorTerms): InvestorTermsInput {
  return {
    draw: reader.flag("SIB_InvDrawUpfront") ? "upfront" : "asNeeded",
    returnCap: { irr: reader.scalar("SIB_InvCapIRR", true), multiple: reader.scalar("SIB_InvCapMultiple", true) },
    surplusShare: {
      investor: reader.required("SIB_InvSurplusInvestor"),
      provider: reader.required("SIB_InvSurplusProvider"),
      commissioner: reader.required("SIB_InvSurplusCommissioner"),
      reinvested: reader.required("SIB_InvSurplusReinvested"),
    },
    maxLoss: reader.scalar("SIB_InvMaxLoss", true),
    topUpPayer: base.topUpPayer,
    hurdleRate: reader.scalar("SIB_InvHurdleRate", true),
  };
}
