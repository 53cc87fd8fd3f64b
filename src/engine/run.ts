import { computeBusinessCase, type BusinessCaseResult } from "./businessCase";
import { failMany, ok, type Result } from "./errors";
import type { Scenario } from "./scenario";
import { validateScenario } from "./validate";

/** Validates a scenario and computes its business case; a failure lists every broken rule. */
export function runBusinessCase(scenario: Scenario): Result<BusinessCaseResult> {
  const issues = validateScenario(scenario);
  if (issues.length > 0) return failMany(issues);
  return ok(computeBusinessCase(scenario));
}
