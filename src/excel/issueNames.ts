import type { Issue } from "../engine/errors";
import { OUTCOME_STATES } from "../engine/states";
import { SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS } from "../plan/inputsSheet";
import { NAME_PREFIX } from "../plan/relocate";

/**
 * Where in a workbook an engine issue about a model read back came from: the defined name of the input cell (with the
 * model's prefix) and, for a column of cells, the 1-based row within it. The engine's validators name their fields by
 * engine path (`participantShares.JOB`, `states.JOB.wage`, `rateCard[0].price`, `terms.maxLoss`); a person editing
 * the sheets knows the cells by their defined names (`SIB2_ParticipantShares`, row 1), which Excel's Name Box finds.
 *
 * Notes: names are built from the SIB_ forms the plan writes (inputNames/termNames of src/plan/readBack.ts) and the
 * prefix replaces SIB_; a field that already is a defined name of the model is its own cell; scenario paths and term
 * paths do not overlap, so one lookup serves both; a path the model does not hold (e.g. the scenario's name) has no
 * cell (null).
 */
export interface IssueCell {
  readonly name: string;
  /** 1-based row within the name's range, or null for the whole range or a single cell. */
  readonly row: number | null;
}

/**
 * The defined name and row of an issue's field (see {@link IssueCell}); null when no cell holds it.
 * @example issueCell("participantShares.JOB", "SIB2_") // { name: "SIB2_ParticipantShares", row: 1 }
 */
export function issueCell(field: string, prefix: string): IssueCell | null {
  if (field.toLowerCase().startsWith(prefix.toLowerCase())) return { name: field, row: null };
  const found = scenarioCell(field) ?? termsCell(field);
  return found === null ? null : { name: `${prefix}${found.name.slice(NAME_PREFIX.length)}`, row: found.row };
}

/**
 * The issues with the cell each came from put in front of its message ("SIB2_ParticipantShares row 1: …"); the field
 * and rule stay the engine's. An issue whose message already names its cell, or that no cell holds, is kept as is.
 * @example namedIssues([issue("InvalidInput", "lagMonths", "integer", "lagMonths must …")], "SIB_")[0].message
 * // "SIB_PayLagMonths: lagMonths must …"
 */
export function namedIssues(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.map((issue) => {
    const cell = issueCell(issue.field, prefix);
    if (cell === null || issue.message.includes(cell.name)) return issue;
    return { ...issue, message: `${cellText(cell)}: ${issue.message}` };
  });
}

/** The distinct defined names the issues came from, in order (an issue no cell holds gives its field). */
export function issueNames(issues: readonly Issue[], prefix: string): string[] {
  return [...new Set(issues.map((issue) => issueCell(issue.field, prefix)?.name ?? issue.field))];
}

/** "SIB2_ParticipantShares row 1", or the name alone. */
export function cellText(cell: IssueCell): string {
  return cell.row === null ? cell.name : `${cell.name} row ${cell.row}`;
}

const STATE_COLUMN_BY_KEY: ReadonlyMap<string, string> = new Map([
  ...STATE_INPUT_COLUMNS.map((column): [string, string] => [column.prefix, column.name]),
  ["participantShares", "SIB_ParticipantShares"],
  ["comparisonShares", "SIB_ComparisonShares"],
]);

const SCALAR_BY_KEY: ReadonlyMap<string, string> = new Map([
  ...SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs.map((input): [string, string] => [input.key, input.name])),
  ["attributionReference", "SIB_AttributionReference"],
  ["neutraliseStates", "SIB_NeutraliseStates"],
]);

/** The Inputs sheet's cell of a scenario path (validateScenario's and applyInputs' field names). */
function scenarioCell(path: string): IssueCell | null {
  const cohort = /^cohorts(?:\[(\d+)\]\.(participants|intakeMonth))?$/.exec(path);
  if (cohort !== null) {
    const name = cohort[2] === "intakeMonth" ? "SIB_CohortIntakeMonths" : "SIB_CohortParticipants";
    return { name, row: cohort[1] === undefined ? null : Number(cohort[1]) + 1 };
  }
  const refusion = /^refusionSteps(?:\[(\d+)\]\.(share|fromWeek))?$/.exec(path);
  if (refusion !== null) {
    const name = refusion[2] === "share" ? "SIB_RefusionShare" : "SIB_RefusionFromWeek";
    return { name, row: refusion[1] === undefined ? null : Number(refusion[1]) + 1 };
  }
  const perState = /^(?:states\.(\w+)\.(\w+)|(\w+)\.(\w+)|(participantShares|comparisonShares))$/.exec(path);
  if (perState !== null) {
    const [column, state] =
      perState[1] !== undefined ? [perState[2], perState[1]] : [perState[3] ?? perState[5], perState[4]];
    const name = STATE_COLUMN_BY_KEY.get(column ?? "");
    const index = OUTCOME_STATES.findIndex((candidate) => candidate === state);
    if (name !== undefined) return { name, row: index < 0 ? null : index + 1 };
  }
  const key = /^(?:tax\.|socioEconomic\.)?(\w+)$/.exec(path)?.[1] ?? "";
  const scalar = SCALAR_BY_KEY.get(key);
  return scalar === undefined ? null : { name: scalar, row: null };
}

/** Payment and investor term paths (validatePaymentTerms, investorTerms) → the Payment and Investor sheets' names. */
const TERM_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    includeEducation: "SIB_PayIncludeEducation",
    baseline: "SIB_PayBaselineKind",
    "threshold.pp": "SIB_PayThresholdPP",
    "threshold.scope": "SIB_PayThresholdContract",
    personCap: "SIB_PayPersonCap",
    contractCap: "SIB_PayContractCap",
    savingsShare: "SIB_PaySavingsShare",
    savingsScope: "SIB_PaySavingsBroad",
    baseFee: "SIB_PayBaseFee",
    baseFeeTiming: "SIB_PayBaseFeeSpread",
    lagMonths: "SIB_PayLagMonths",
    municipalityShare: "SIB_PayMunicipalityShare",
    priceIndexation: "SIB_BudgetPaymentIndexation",
    "terms.draw": "SIB_InvDrawUpfront",
    "terms.returnCap.irr": "SIB_InvCapIRR",
    "terms.returnCap.multiple": "SIB_InvCapMultiple",
    "terms.surplusShare": "SIB_InvSurplusInvestor",
    "terms.surplusShare.investor": "SIB_InvSurplusInvestor",
    "terms.surplusShare.provider": "SIB_InvSurplusProvider",
    "terms.surplusShare.commissioner": "SIB_InvSurplusCommissioner",
    "terms.surplusShare.reinvested": "SIB_InvSurplusReinvested",
    "terms.maxLoss": "SIB_InvMaxLoss",
    "terms.hurdleRate": "SIB_InvHurdleRate",
  }),
);

const RATE_CARD_NAMES: ReadonlyMap<string, string> = new Map([
  ["metric", "SIB_PayMetricIds"],
  ["price", "SIB_PayPrices"],
  ["volumeCap", "SIB_PayVolumeCaps"],
  ["requires", "SIB_PayRequiresIds"],
]);

/** The Payment or Investor sheet's cell of a term path. */
function termsCell(path: string): IssueCell | null {
  const line = /^rateCard(?:\[(\d+)\]\.(\w+))?$/.exec(path);
  if (line !== null) {
    const name = RATE_CARD_NAMES.get(line[2] ?? "metric");
    return name === undefined ? null : { name, row: line[1] === undefined ? null : Number(line[1]) + 1 };
  }
  if (path.startsWith("baseline.rates")) return { name: "SIB_PayHistoricalRates", row: null };
  const name = TERM_NAMES.get(path);
  return name === undefined ? null : { name, row: null };
}
