import { failMany, issue, ok, type Issue, type Result } from "../engine/errors";
import { applyInputs } from "../engine/inputs";
import {
  investorTerms as checkedInvestorTerms,
  type InvestorTerms,
  type InvestorTermsInput,
} from "../engine/investor/terms";
import { validatePaymentTerms, type PaymentTerms } from "../engine/payment/terms";
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
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  if (valuesOf(named("SIB_PayPrices")) === undefined) return ok(null);
  const issues: Issue[] = [];
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
    issues.push(
      issue(
        "InvalidInput",
        named(name),
        "number",
        `${named(name)} must be a number, got ${JSON.stringify(value ?? null)}.`,
      ),
    );
    return Number.NaN;
  };
  const scalar = (name: string, optional = false): number | null => number(name, cells(name)[0], optional);
  const required = (name: string): number => scalar(name) ?? Number.NaN;
  const flag = (name: string): boolean => required(name) === 1;

  const metricIds = cells("SIB_PayMetricIds").map(String);
  const requiresIds = cells("SIB_PayRequiresIds");
  const prices = cells("SIB_PayPrices");
  const caps = cells("SIB_PayVolumeCaps");
  const historical = cells("SIB_PayHistoricalRates");
  const rateCard = metricIds.map((metric, k) => {
    const requires = requiresIds[k];
    return {
      metric,
      price: number("SIB_PayPrices", prices[k], false) ?? Number.NaN,
      volumeCap: number("SIB_PayVolumeCaps", caps[k], true),
      requires: typeof requires === "string" && requires.trim() !== "" ? requires : null,
    };
  });
  const rates: Record<string, number> = {};
  metricIds.forEach(
    (metric, k) => (rates[metric] = number("SIB_PayHistoricalRates", historical[k], false) ?? Number.NaN),
  );
  const baselineCode = required("SIB_PayBaselineKind");
  const thresholdPP = scalar("SIB_PayThresholdPP", true);
  const paymentTerms: PaymentTerms = {
    rateCard,
    includeEducation: flag("SIB_PayIncludeEducation"),
    baseline:
      baselineCode === 1
        ? { kind: "comparison" }
        : baselineCode === 2
          ? { kind: "historical", rate: 0, rates }
          : { kind: "none" },
    threshold:
      thresholdPP === null
        ? null
        : {
            pp: thresholdPP,
            scope: flag("SIB_PayThresholdContract") ? "contract" : "metric",
            metric: base.paymentTerms.threshold?.metric ?? null,
          },
    personCap: scalar("SIB_PayPersonCap", true),
    contractCap: scalar("SIB_PayContractCap", true),
    savingsShare: required("SIB_PaySavingsShare"),
    savingsScope: flag("SIB_PaySavingsBroad") ? "broad" : "narrow",
    baseFee: required("SIB_PayBaseFee"),
    baseFeeTiming: flag("SIB_PayBaseFeeSpread") ? "spread" : "intake",
    lagMonths: required("SIB_PayLagMonths"),
    municipalityShare: required("SIB_PayMunicipalityShare"),
  };
  if (![0, 1, 2].includes(baselineCode)) {
    issues.push(
      issue(
        "InvalidInput",
        named("SIB_PayBaselineKind"),
        "oneOf",
        `${named("SIB_PayBaselineKind")} must be 0, 1 or 2.`,
      ),
    );
  }
  const investorInput: InvestorTermsInput = {
    draw: flag("SIB_InvDrawUpfront") ? "upfront" : "asNeeded",
    returnCap: { irr: scalar("SIB_InvCapIRR", true), multiple: scalar("SIB_InvCapMultiple", true) },
    surplusShare: {
      investor: required("SIB_InvSurplusInvestor"),
      provider: required("SIB_InvSurplusProvider"),
      commissioner: required("SIB_InvSurplusCommissioner"),
      reinvested: required("SIB_InvSurplusReinvested"),
    },
    maxLoss: scalar("SIB_InvMaxLoss", true),
    topUpPayer: base.investorTerms.topUpPayer,
    hurdleRate: scalar("SIB_InvHurdleRate", true),
  };
  if (issues.length > 0) return failMany(issues);
  const paymentIssues = validatePaymentTerms(paymentTerms);
  const investorTerms = checkedInvestorTerms(investorInput);
  const all = [...paymentIssues, ...(investorTerms.ok ? [] : investorTerms.issues)];
  if (all.length > 0 || !investorTerms.ok) return failMany(all);
  return ok({ paymentTerms, investorTerms: investorTerms.value });
}
