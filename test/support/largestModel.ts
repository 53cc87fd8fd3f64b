import { readFileSync } from "node:fs";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { MAX_HORIZON_MONTHS } from "../../src/engine/validate";
import { buildPlan } from "../../src/plan/buildPlan";
import type { Language, WorkbookPlan } from "../../src/plan/types";

/** Most cohorts the wizard accepts (src/taskpane/state/model.ts). */
export const MAX_WIZARD_COHORTS = 60;

/** A model size: horizon in months and number of cohorts (intakes alternately 3 and 6 months apart). */
export interface ModelSize {
  readonly horizonMonths: number;
  readonly cohorts: number;
}

/** The sizes the request tests and the bench write: the pilot up to the largest the product accepts. */
export const MODEL_SIZES: readonly ModelSize[] = [
  { horizonMonths: 48, cohorts: 1 },
  { horizonMonths: 120, cohorts: 1 },
  { horizonMonths: MAX_HORIZON_MONTHS, cohorts: 1 },
  { horizonMonths: MAX_HORIZON_MONTHS, cohorts: 12 },
  { horizonMonths: MAX_HORIZON_MONTHS, cohorts: MAX_WIZARD_COHORTS },
];

/**
 * The workbook plan the taskpane writes into Excel for a model size: examples/contract.json (a rate card of three
 * metrics with a person cap, a comparison baseline and a savings share; an IRR cap and principal protection) with the
 * Check sheet; one cohort is the pilot's, several have 12 participants each.
 * @example sizedPlan({ horizonMonths: 420, cohorts: 60 }, "da").sheets.length // 8
 */
export function sizedPlan(size: ModelSize, language: Language): WorkbookPlan {
  const model = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
  let intake = 0;
  const cohorts = Array.from({ length: size.cohorts }, (_, index) => {
    const cohort = { participants: 12, intakeMonth: intake };
    intake += index % 2 === 0 ? 3 : 6;
    return cohort;
  });
  const scenario = {
    ...model.scenario,
    horizonMonths: size.horizonMonths,
    // One cohort: the pilot's (56 participants in month 0), so the Check sheet compares with the SIB.* functions.
    cohorts: size.cohorts === 1 ? model.scenario.cohorts : cohorts,
  };
  return buildPlan(scenario, language, {
    paymentTerms: model.paymentTerms,
    investorTerms: model.investorTerms,
    checks: true,
  });
}
