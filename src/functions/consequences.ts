/**
 * The table SIB.CONSEQUENCES spills (issue 15, the broad case): one row per consequence row of the scenario (the
 * sourced default table when the inputs give none), with its price, payer, mark, source, change in use per state and
 * the NPV it adds per account. The @customfunction wrapper is in src/functions/functions.ts.
 */
import { ACCOUNTS } from "../engine/accounts";
import type { BusinessCaseResult } from "../engine/businessCase";
import { DEFAULT_CONSEQUENCES } from "../engine/consequences/defaults";
import { AREA_LABELS, NOT_FOUND } from "../engine/consequences/model";
import { unitPriceInParameterYear } from "../engine/consequences/price";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { argumentError } from "./errors";
import type { CellValue } from "./coerce";

/** The header row of SIB.CONSEQUENCES: ids, not words, so a formula can look a column up in either language. */
export const CONSEQUENCE_COLUMNS = [
  "id",
  "name",
  "area",
  "unit",
  "payer",
  "refusionShare",
  "unitPrice",
  "priceYear",
  "unitPriceInParameterYear",
  "evidence",
  "source",
  ...OUTCOME_STATES.map((state) => `change.${state}`),
  "durationMonths",
  "decayPerYear",
  ...ACCOUNTS,
] as const;

/**
 * The rows of SIB.CONSEQUENCES: header, then one row per consequence (kr; "" where there is no value, e.g. a price
 * not found). The account columns hold the NPV the row adds (kr per participant, or for all participants).
 * @example consequenceTable(pilot, result, "en", true)[1][0] // "prisonDay"
 */
export function consequenceTable(
  scenario: Scenario,
  result: BusinessCaseResult,
  language: "da" | "en",
  perParticipant: boolean,
): (number | string)[][] {
  const rows = scenario.consequences ?? DEFAULT_CONSEQUENCES;
  const added = new Map(
    result.consequences.rows.map((row) => [row.id, perParticipant ? row.perParticipant : row.total]),
  );
  const table: (number | string)[][] = [[...CONSEQUENCE_COLUMNS]];
  for (const row of rows) {
    const inParameterYear = unitPriceInParameterYear(row, scenario.parameterYear);
    const adds = added.get(row.id);
    table.push([
      row.id,
      row.name[language] || row.name[language === "da" ? "en" : "da"],
      AREA_LABELS[row.area][language],
      row.unit[language] || row.unit[language === "da" ? "en" : "da"],
      row.payer,
      row.refusionShare,
      row.unitPrice ?? "",
      row.priceYear ?? "",
      inParameterYear ?? "",
      row.evidence,
      row.unitPrice === null || row.evidence === "U" ? NOT_FOUND[language] : row.source,
      ...OUTCOME_STATES.map((state) => row.changePerYear[state]),
      row.durationMonths,
      row.decayPerYear,
      ...ACCOUNTS.map((account) => adds?.[account] ?? 0),
    ]);
  }
  return table;
}

/**
 * The language argument: "da" (default; also "dansk") or "en" ("english").
 * @example languageArgument(null) // "da"
 */
export function languageArgument(value: CellValue | undefined): "da" | "en" {
  if (value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")) {
    return "da";
  }
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "da" || text === "dansk" || text === "danish") return "da";
  if (text === "en" || text === "engelsk" || text === "english") return "en";
  throw argumentError(`language must be "da" (dansk) or "en" (English), got ${JSON.stringify(value)}.`);
}
