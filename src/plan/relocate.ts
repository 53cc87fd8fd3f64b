import type { Expr } from "./formula";
import { SHEET_NAMES } from "./labels";
import type { Language, WorkbookPlan } from "./types";

/** The defined-name prefix of a model; a second model in the same workbook uses SIB2_, a third SIB3_, … */
export const NAME_PREFIX = "SIB_";

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * The same plan under other sheet names and another defined-name prefix: every sheet, every reference to a sheet in a
 * formula and every defined name (and its uses in formulas) is renamed. Used to write a second model beside an
 * existing one without touching it.
 * @example relocatePlan(plan, { Input: "Input (2)" }, "SIB2_") // SIB_DiscountRate → SIB2_DiscountRate
 */
export function relocatePlan(
  plan: WorkbookPlan,
  sheetNames: Readonly<Record<string, string>>,
  namePrefix: string,
): WorkbookPlan {
  const sheet = (name: string): string => sheetNames[name] ?? name;
  const rename = (name: string): string =>
    name.startsWith(NAME_PREFIX) ? `${namePrefix}${name.slice(NAME_PREFIX.length)}` : name;
  const expr = (node: Expr): Expr => {
    switch (node.kind) {
      case "ref":
        return node.sheet === null ? node : { ...node, sheet: sheet(node.sheet) };
      case "name":
        return { ...node, name: rename(node.name) };
      case "unary":
        return { ...node, arg: expr(node.arg) };
      case "binary":
        return { ...node, left: expr(node.left), right: expr(node.right) };
      case "call":
        return { ...node, args: node.args.map(expr) };
      default:
        return node;
    }
  };
  return {
    ...plan,
    sheets: plan.sheets.map((sheetPlan) => ({
      ...sheetPlan,
      name: sheet(sheetPlan.name),
      cells: sheetPlan.cells.map((cell) => {
        const moved = cell.formula === undefined ? cell : { ...cell, formula: expr(cell.formula) };
        const rule = cell.validation?.rule;
        // A custom validation rule may name other inputs (e.g. at most SIB_HorizonMonths): rename those too.
        if (cell.validation === undefined || rule === undefined || rule.kind !== "custom") return moved;
        return { ...moved, validation: { ...cell.validation, rule: { kind: "custom", formula: expr(rule.formula) } } };
      }),
    })),
    names: plan.names.map((definedName) => ({
      ...definedName,
      name: rename(definedName.name),
      sheet: sheet(definedName.sheet),
    })),
    charts: plan.charts.map((chart) => ({ ...chart, sheet: sheet(chart.sheet), dataSheet: sheet(chart.dataSheet) })),
  };
}

/**
 * Sheet names and a name prefix that clash with nothing in a workbook: each model sheet keeps its name when it is free
 * (ignoring case, as Excel does) or gets " (2)", " (3)", …; the prefix is SIB_ unless a defined name of the model
 * already exists, then SIB2_, SIB3_, … Existing sheets and names are never reused.
 */
export function freePlacement(
  plan: WorkbookPlan,
  existingSheets: readonly string[],
  existingNames: readonly string[],
): { sheetNames: Record<string, string>; namePrefix: string } {
  const taken = new Set(existingSheets.map((name) => name.toLowerCase()));
  const sheetNames: Record<string, string> = {};
  for (const sheetPlan of plan.sheets) {
    let candidate = sheetPlan.name;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) {
      const suffix = ` (${copy})`;
      candidate = `${sheetPlan.name.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    sheetNames[sheetPlan.name] = candidate;
  }
  const names = new Set(existingNames.map((name) => name.toLowerCase()));
  const suffixes = plan.names.map((definedName) => definedName.name.slice(NAME_PREFIX.length));
  let namePrefix = NAME_PREFIX;
  for (let copy = 2; suffixes.some((suffix) => names.has(`${namePrefix}${suffix}`.toLowerCase())); copy++) {
    namePrefix = `SIB${copy}_`;
  }
  return { sheetNames, namePrefix };
}

/** The model's sheet names in a language (before any relocation). */
export function modelSheetNames(language: Language): string[] {
  return Object.values(SHEET_NAMES).map((names) => names[language]);
}
