import type { Scenario } from "../engine/scenario";
import { calculationSheet } from "./calculationSheet";
import { inputsSheet } from "./inputsSheet";
import { resultsSheet } from "./resultsSheet";
import { sourcesSheet } from "./sourcesSheet";
import type { Language, WorkbookPlan } from "./types";

/**
 * The whole business-case model of a validated scenario as a workbook plan: Inputs, Calculation, Results and Sources
 * sheets with native formulas over named inputs. The plan is pure data; src/excel and src/export write it.
 * @example buildPlan(pilot, "da").sheets.map((s) => s.name) // ["Input", "Beregning", "Resultater", "Kilder"]
 */
export function buildPlan(scenario: Scenario, language: Language): WorkbookPlan {
  const inputs = inputsSheet(scenario, language);
  const calculation = calculationSheet(scenario, language, inputs.layout);
  const results = resultsSheet(language, inputs.layout, calculation.layout);
  return {
    language,
    sheets: [inputs.plan, calculation.plan, results.plan, sourcesSheet(scenario.parameterYear, language)],
    names: [...inputs.names, ...calculation.names, ...results.names],
    charts: [...results.charts, ...calculation.charts],
  };
}
