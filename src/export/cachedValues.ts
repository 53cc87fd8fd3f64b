import { computeBusinessCase } from "../engine/businessCase";
import { DEFAULT_INVESTOR_TERMS } from "../engine/investor/terms";
import { investorFlows } from "../engine/investor/waterfall";
import { computePaymentSchedule } from "../engine/payment/schedule";
import type { Scenario } from "../engine/scenario";
import type { PlanOptions } from "../plan/buildPlan";
import { nodesOf, type Expr } from "../plan/formula";
import { workbookNames } from "../plan/outputs";
import type { PlanCell, WorkbookPlan } from "../plan/types";

/**
 * The engine's value of every named output of the workbook, as the cached result planToXlsx writes for it: the number
 * (amounts in kr, rates as fractions, months as counts), or, where the engine has no number (a break-even month never
 * reached, no single IRR, no hurdle rate), the text the cell shows then ("ingen"/"none", "ingen entydig IA"/"no single
 * IRR"): the one text constant of the cell's formula. Computed as `npm run case -- --json` computes workbookNames:
 * business case, payment schedule under `options.paymentTerms`, investor flows under `options.investorTerms`
 * (default DEFAULT_INVESTOR_TERMS). Investor names are left out when the engine refuses the flows.
 * @example cachedOutputValues(plan, pilot, { paymentTerms }).get("SIB_NPVPerParticipant_Municipality") // 28005.72…
 */
export function cachedOutputValues(
  plan: WorkbookPlan,
  scenario: Scenario,
  options: Pick<PlanOptions, "paymentTerms" | "investorTerms"> = {},
): Map<string, number | string> {
  const result = computeBusinessCase(scenario);
  const schedule =
    options.paymentTerms === undefined ? null : computePaymentSchedule(scenario, result, options.paymentTerms);
  const flows =
    schedule === null
      ? null
      : investorFlows(
          Array.from(result.monthly.cost),
          Array.from(schedule.total),
          options.investorTerms ?? DEFAULT_INVESTOR_TERMS,
        );
  const engine = workbookNames(
    scenario,
    result,
    schedule,
    flows?.ok === true ? flows.value : null,
    options.paymentTerms ?? null,
  );
  const cached = new Map<string, number | string>();
  for (const [name, value] of Object.entries(engine)) {
    if (value === null) cached.set(name, textShown(plan, name));
    else if (Number.isFinite(value)) cached.set(name, value);
  }
  return cached;
}

/**
 * The text a named output cell shows when the engine has no number for it: the single text constant of its formula
 * (e.g. IF(…,"ingen",…)). A cell with no text constant, or with two different ones, is an error of the plan.
 */
export function textShown(plan: WorkbookPlan, name: string): string {
  const cell = namedCell(plan, name);
  const texts = new Set(cell.formula === undefined ? [] : textConstants(cell.formula));
  const [only] = texts;
  if (texts.size !== 1 || only === undefined) {
    throw new Error(`${name}: the engine has no number, and its formula holds ${texts.size} texts to show instead`);
  }
  return only;
}

function namedCell(plan: WorkbookPlan, name: string): PlanCell {
  const definedName = plan.names.find((candidate) => candidate.name === name);
  const address = definedName?.reference.replace(/\$/g, "");
  const sheet = plan.sheets.find((candidate) => candidate.name === definedName?.sheet);
  const cell = sheet?.cells.find((candidate) => candidate.address === address);
  if (cell === undefined) throw new Error(`${name} is not a one-cell defined name of the plan`);
  return cell;
}

function textConstants(expr: Expr): string[] {
  return nodesOf(expr).flatMap((node) => (node.kind === "text" ? [node.value] : []));
}
