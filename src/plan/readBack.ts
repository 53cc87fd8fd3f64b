import { failMany, issue, ok, type Issue, type Result } from "../engine/errors";
import { parseStartDate, priceIndexOf, startDateOf } from "../engine/budget";
import { applyInputs } from "../engine/inputs";
import { withoutEmptyMunicipalities } from "../engine/municipalities";
import {
  investorTerms as checkedInvestorTerms,
  NO_DEAL_COSTS,
  type InvestorTerms,
  type InvestorTermsInput,
} from "../engine/investor/terms";
import { PAYMENT_RULES } from "../engine/payment/rules";
import { validatePaymentTerms, type PaymentTerms } from "../engine/payment/terms";
import { satisfies } from "../engine/rules";
import type { Cohort, Municipality, RefusionStep, Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { validateScenario } from "../engine/validate";
import { ATTRIBUTION_REFERENCE_NAME, SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS } from "./inputsSheet";
import { MUNICIPALITY_COLUMN_NAMES } from "./inputs/municipalityInputs";
import { EVERY_YEAR, FIRST_COHORT_SIZE } from "./investor/inputsBlock";
import { INVESTOR_RULES } from "../engine/investor/rules";
import { SURPLUS_RULE_CODES, type SavingsSurplusTerms } from "../engine/investor/surplus";
import { NONE, NO_RETURN_CAP } from "./investor/labels";
import { NO_CAP, NO_THRESHOLD } from "./payment/labels";
import { CARD_TERM_NAMES, readCardExtras } from "./payment/readCard";
import { NAME_PREFIX } from "./relocate";
import { CONSEQUENCE_INPUT_NAMES, readConsequences, withConsequences } from "./consequences/readBack";

/** Values of a defined name's range, row by row, as a workbook holds them. */
export type RangeValues = readonly (readonly unknown[])[];

/**
 * What is wrong with an input cell read back, as a person sees it: the defined name is missing (`missingName`) or
 * refers to no cells (`brokenName`, e.g. `=#REF!` after its sheet was deleted) or to far more cells than a model has
 * (`tooLarge`, e.g. a whole column: not read at all); the cell is empty where a value is
 * required (`empty`); it holds an Excel error value (`error`: `#REF!`, `#VALUE!`, `#N/A`, … or their Danish forms),
 * text that is not a number (`text`, e.g. "220000 kr"; in an optional term only the documented none-texts such as
 * "no cap" or "ingen" mean none) or another non-number (`notNumber`, e.g. TRUE); or a column has more problems than
 * are listed (`more`).
 */
export type CellProblemKind =
  "missingName" | "brokenName" | "tooLarge" | "empty" | "error" | "text" | "notNumber" | "more";

/**
 * One input cell that could not be read as it is. A problem with a `fallback` can be accepted explicitly (pass it back
 * in `accept`): `none` reads an optional term as off, which is what the workbook's own formulas compute from a
 * non-number (they test ISNUMBER); `contractNotRead` opens the model without its payment and investor terms. A
 * problem without a fallback must be fixed in the workbook.
 */
export interface CellProblem {
  /** The defined name with the model's prefix, e.g. "SIB2_PayPersonCap". */
  readonly name: string;
  /** 1-based row within the name's range; null for a single cell or the whole name. */
  readonly row: number | null;
  /** The cell's address when the reader knows it, e.g. "Payment!B9" or "'Input (2)'!B38"; else null. */
  readonly address: string | null;
  readonly kind: CellProblemKind;
  /** The content as read ("#REF!", "220000 kr", "TRUE", ""), the count of further rows for `more`, else null. */
  readonly value: string | null;
  readonly fallback: "none" | "contractNotRead" | null;
}

/** Options of a read-back: what the caller knows about the cells, and which listed problems the user accepted. */
export interface ReadBackOptions {
  /** Problems the user accepted, as listed by an earlier read; a listed problem matches on name, row, kind and value. */
  readonly accept?: readonly CellProblem[];
  /** The address of a defined name's cell (row 1-based within its range), e.g. "Payment!B9"; null when unknown. */
  readonly addressOf?: (definedName: string, row: number | null) => string | null;
  /**
   * Defined names that exist but were not read: `brokenName` when the name refers to no cells (its range is #REF!),
   * `tooLarge` when it refers to more cells than a model has (value: its reference, e.g. "=Inputs!$D:$D").
   */
  readonly unreadNames?: ReadonlyMap<
    string,
    { readonly kind: "brokenName" | "tooLarge"; readonly value: string | null }
  >;
}

/** A read-back: the result, every problem found (listed or not accepted), and the problems accepted. */
export interface WorkbookRead<T> {
  readonly result: Result<T>;
  /** Every problem found, in the order of the cells (the accepted ones too). */
  readonly problems: readonly CellProblem[];
  /** The problems the result was built past, each with its fallback applied. */
  readonly accepted: readonly CellProblem[];
}

/**
 * The most cells an input name may refer to: far above any model (cohort and rate-card columns hold tens to hundreds
 * of rows) and far below a whole column (1,048,576 cells), which is not read at all.
 */
export const MAX_NAME_CELLS = 10_000;

/** At most this many problems are listed per defined name; the rest are counted in one `more` problem. */
export const MAX_PROBLEMS_PER_NAME = 10;

/** Texts that mean "none" in an optional term cell (the sheets write them), compared trimmed and ignoring case. */
const NONE_TEXTS: ReadonlySet<string> = new Set(
  [NO_CAP, NO_THRESHOLD, NONE, NO_RETURN_CAP, EVERY_YEAR, FIRST_COHORT_SIZE]
    .flatMap((text) => [text.da, text.en])
    .map((text) => text.toLowerCase()),
);

/**
 * Excel's error values as `Range.values` gives them, in English and Danish Excel (Microsoft's list of error values and
 * the Danish function translations): #REF!/#REFERENCE!, #VALUE!/#VÆRDI!, #NAME?/#NAVN?, #N/A/#I/T, #DIV/0!,
 * #NUM!, #NULL!/#NUL!, #SPILL!, #CALC!, #FIELD!, #BLOCKED!, #CONNECT!, #BUSY!, #UNKNOWN!, #GETTING_DATA.
 */
const ERROR_TEXT = /^#(?:[A-ZÆØÅ_]+[!?]|DIV(?:ISION)?\/0!|N\/A|I\/T|GETTING_DATA)$/iu;

/** A cell's content sorted by what it is. */
type CellContent =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "empty" | "error" | "text" | "notNumber"; readonly shown: string };

/**
 * Sorts a cell's value as read from a workbook: a finite number; empty (null, undefined, "" or blanks); an Excel
 * error (its text from `Range.values`, or a formula engine's error object with a `#…` value); text; anything else.
 * @example readCell("#REF!") // { kind: "error", shown: "#REF!" }
 */
export function readCell(value: unknown): CellContent {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "notNumber", shown: String(value) };
  }
  if (value === null || value === undefined) return { kind: "empty", shown: "" };
  if (typeof value === "string") {
    if (value.trim() === "") return { kind: "empty", shown: value };
    return { kind: ERROR_TEXT.test(value.trim()) ? "error" : "text", shown: value };
  }
  if (typeof value === "object" && "value" in value) {
    const text = (value as { readonly value: unknown }).value;
    if (typeof text === "string" && text.startsWith("#")) return { kind: "error", shown: text };
  }
  return { kind: "notNumber", shown: typeof value === "boolean" ? String(value).toUpperCase() : String(value) };
}

/** Collects the problems of one read and turns those not accepted into issues naming the cell. */
class ProblemList {
  readonly problems: CellProblem[] = [];
  readonly accepted: CellProblem[] = [];
  readonly issues: Issue[] = [];
  private readonly perName = new Map<string, number>();

  constructor(private readonly options: ReadBackOptions) {}

  /** The cell's text for messages: "SIB_Wages row 3 (Inputs!D46)". */
  where(name: string, row: number | null): string {
    const address = this.options.addressOf?.(name, row) ?? null;
    return `${name}${row === null ? "" : ` row ${row}`}${address === null ? "" : ` (${address})`}`;
  }

  /**
   * Records a problem; returns true when the user accepted it (its fallback applies), false when it is an issue.
   * `expected` ends the message: what the cell must hold.
   */
  add(
    name: string,
    row: number | null,
    kind: Exclude<CellProblemKind, "more">,
    shown: string | null,
    fallback: CellProblem["fallback"],
    expected: string,
  ): boolean {
    const count = (this.perName.get(name) ?? 0) + 1;
    this.perName.set(name, count);
    const problem: CellProblem = {
      name,
      row,
      address: this.options.addressOf?.(name, row) ?? null,
      kind,
      value: shown,
      fallback,
    };
    const accepted = fallback !== null && (this.options.accept ?? []).some((given) => sameProblem(given, problem));
    if (count > MAX_PROBLEMS_PER_NAME) return accepted;
    this.problems.push(problem);
    if (accepted) {
      this.accepted.push(problem);
      return true;
    }
    const rule =
      kind === "tooLarge" ? "size" : ["missingName", "brokenName", "empty"].includes(kind) ? "required" : "number";
    this.issues.push(
      issue("InvalidInput", name, rule, `${this.where(name, row)} ${describe(kind, shown, name)}; ${expected}.`),
    );
    return false;
  }

  /** Adds one `more` problem per name whose problems were not all listed. */
  finish(): void {
    for (const [name, count] of this.perName) {
      if (count <= MAX_PROBLEMS_PER_NAME) continue;
      const more = count - MAX_PROBLEMS_PER_NAME;
      this.problems.push({ name, row: null, address: null, kind: "more", value: String(more), fallback: null });
      this.issues.push(
        issue("InvalidInput", name, "number", `${name}: ${more} more cells cannot be read (not listed).`),
      );
    }
  }
}

function sameProblem(a: CellProblem, b: CellProblem): boolean {
  return a.name === b.name && a.row === b.row && a.kind === b.kind && a.value === b.value;
}

function describe(kind: CellProblemKind, shown: string | null, name: string): string {
  switch (kind) {
    case "missingName":
      return `is missing: the workbook has no defined name ${name}`;
    case "brokenName":
      return `refers to no cells (its reference is #REF!, e.g. its sheet was deleted)`;
    case "tooLarge":
      return `refers to ${shown ?? "a range"}, more than ${MAX_NAME_CELLS} cells, so it was not read`;
    case "empty":
      return "is empty";
    case "error":
      return `holds the Excel error ${shown ?? ""}`;
    case "text":
      return `holds the text ${JSON.stringify(shown ?? "")}`;
    case "notNumber":
    case "more":
      return `holds ${shown ?? ""}`;
  }
}

/** The defined names (without prefix, i.e. as with SIB_) an existing model's inputs are read from. */
export function inputNames(): string[] {
  return [
    "SIB_CohortParticipants",
    "SIB_CohortIntakeMonths",
    ...SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs.map((input) => input.name)),
    "SIB_RefusionFromWeek",
    "SIB_RefusionShare",
    ...STATE_INPUT_COLUMNS.map((column) => column.name),
    ATTRIBUTION_REFERENCE_NAME,
    ...Object.values(MUNICIPALITY_COLUMN_NAMES),
    ...BUDGET_INPUT_NAMES,
    ...CONSEQUENCE_INPUT_NAMES, // the Consequences sheet (issue 15), when the model has one
  ];
}

/** The Budget sheet's inputs (src/plan/budgetSheet.ts): start year, start month and yearly price change. */
const BUDGET_INPUT_NAMES = ["SIB_BudgetStartYear", "SIB_BudgetStartMonth", "SIB_BudgetPriceIndex"] as const;

/**
 * Rebuilds a scenario from the input cells of a model in a workbook (read by their defined names, with the model's
 * prefix), starting from `base` for what the workbook does not hold (name, parameter year, measured group sizes).
 * Every unreadable or invalid value is reported with the defined name (and row, and address when known) it came
 * from; nothing is filled in silently. See {@link readScenario} for the problems as data.
 * @example scenarioFromWorkbook(pilot, (name) => valuesOf(name), "SIB_") // ok: the scenario the cells describe
 */
export function scenarioFromWorkbook(
  base: Scenario,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
  options: ReadBackOptions = {},
): Result<Scenario> {
  return readScenario(base, valuesOf, prefix, options).result;
}

/** The Inputs sheet's single-cell names (scalars): their problems have no row. */
const SCALAR_NAMES: ReadonlySet<string> = new Set(
  SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs.map((input) => input.name)),
);

/**
 * {@link scenarioFromWorkbook} with its problems as data: every input cell that is missing, empty, an Excel error,
 * text or another non-number is a {@link CellProblem} (none has a fallback: the scenario's cells must be fixed).
 * @example readScenario(pilot, valuesOf, "SIB_").problems // [{ name: "SIB_HorizonMonths", kind: "error", value: "#REF!", … }]
 */
export function readScenario(
  base: Scenario,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
  options: ReadBackOptions = {},
): WorkbookRead<Scenario> {
  const list = new ProblemList(options);
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const column = (name: string): number[] => {
    const full = named(name);
    const values = valuesOf(full);
    if (values === undefined) {
      const unread = options.unreadNames?.get(full);
      const expected = "write the model again from the wizard, or restore the name";
      list.add(full, null, unread?.kind ?? "missingName", unread?.value ?? null, null, expected);
      return [];
    }
    return values.map((row, index) => {
      const content = readCell(row[0]);
      if (content.kind === "number") return content.value;
      const at = SCALAR_NAMES.has(name) ? null : index + 1;
      list.add(full, at, content.kind, content.shown, null, "it must be a number");
      return Number.NaN;
    });
  };
  const scalar = (name: string): number => column(name)[0] ?? Number.NaN;

  const participants = column("SIB_CohortParticipants");
  const intakes = column("SIB_CohortIntakeMonths");
  const municipal = readMunicipalities(valuesOf, named, list, column);
  const cohorts: Cohort[] = participants.map((count, index) => ({
    participants: count,
    intakeMonth: intakes[index] ?? Number.NaN,
    ...(municipal === null ? {} : { municipality: municipal.cohortNames[index] ?? "" }),
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
  pairs.push(...statePairs(column, (name) => valuesOf(named(name)) !== undefined));
  pairs.push(["attributionReference", readReference(valuesOf, named(ATTRIBUTION_REFERENCE_NAME), list)]);
  const budget = readBudgetInputs(base, (name) => valuesOf(named(name)) !== undefined, scalar);
  const consequences = readConsequences(base, valuesOf, named, (name, row, kind, shown, expected) => {
    list.add(name, row, kind, shown, null, expected);
  });
  list.finish();
  const done = (result: Result<Scenario>): WorkbookRead<Scenario> => ({
    result,
    problems: list.problems,
    accepted: list.accepted,
  });
  if (list.issues.length > 0) return done(failMany(list.issues));
  // The municipalities are the workbook's (none when it has no table), never the base's.
  const start = withoutEmptyMunicipalities({ ...base, cohorts, refusionSteps, municipalities: [] });
  const applied = applyInputs(municipal === null ? start : { ...start, municipalities: municipal.list }, pairs);
  if (!applied.ok) return done(applied);
  const read = withConsequences({ ...applied.value, ...budget }, consequences);
  const ruleIssues = validateScenario(read);
  return done(ruleIssues.length > 0 ? failMany(ruleIssues) : ok(read));
}

/**
 * The per-state input columns as input pairs (`wage.JOB`, `benefitPayer.ABROAD` as "municipality"/"state", …), read
 * with `column` (which records each cell's problem). A model written before neutralised states existed has no such
 * column: none is neutralised.
 * @example statePairs(column, has) // [["wage.JOB", 23000], …]
 */
function statePairs(column: (name: string) => number[], has: (name: string) => boolean): [string, number | string][] {
  const pairs: [string, number | string][] = [];
  for (const stateColumn of STATE_INPUT_COLUMNS) {
    const older = stateColumn.prefix === "neutralise" && !has(stateColumn.name);
    const values = older ? OUTCOME_STATES.map(() => 0) : column(stateColumn.name);
    OUTCOME_STATES.forEach((state, index) => {
      const value = values[index] ?? Number.NaN;
      const key = `${stateColumn.prefix}.${state}`;
      if (stateColumn.prefix === "benefitPayer")
        pairs.push([key, value === 1 ? "municipality" : value === 0 ? "state" : String(value)]);
      else pairs.push([key, value]);
    });
  }
  return pairs;
}

/**
 * The start date and price change of the Budget sheet (none read from a model written before it: the base's). The
 * sheet holds the year and month: a changed month starts on the 1st (the day does not move a month in the budget view,
 * src/engine/budget.ts); unchanged cells keep the base's fields.
 */
function readBudgetInputs(
  base: Scenario,
  has: (name: string) => boolean,
  scalar: (name: string) => number,
): Pick<Scenario, "startDate" | "priceIndex"> {
  if (!BUDGET_INPUT_NAMES.every(has)) return {};
  const [year, month, priceIndex] = BUDGET_INPUT_NAMES.map(scalar);
  const baseDate = parseStartDate(startDateOf(base));
  const sameMonth = baseDate !== null && baseDate.year === year && baseDate.month === month;
  // Cells as written keep the base's fields as they were (given or default), so a round trip is exact.
  const date = sameMonth ? {} : { startDate: `${String(year)}-${String(month).padStart(2, "0")}-01` };
  const index = priceIndex === priceIndexOf(base) ? {} : { priceIndex: priceIndex ?? Number.NaN };
  return { ...date, ...index };
}

/**
 * The municipalities of a model with several (src/plan/inputs/municipalityInputs.ts): the table's names, tax rates,
 * weeks and payment shares and each cohort's municipality, as written (a tax rate or weeks written out stay explicit
 * values). Null when the model has no table (one combined municipality). A name cell that holds no text is a problem.
 */
function readMunicipalities(
  valuesOf: (definedName: string) => RangeValues | undefined,
  named: (name: string) => string,
  list: ProblemList,
  column: (name: string) => number[],
): { list: Municipality[]; cohortNames: string[] } | null {
  if (valuesOf(named(MUNICIPALITY_COLUMN_NAMES.Name)) === undefined) return null;
  const texts = (name: string): string[] =>
    (valuesOf(named(name)) ?? []).map((row, index) => {
      const content = readCell(row[0]);
      if (content.kind === "text") return content.shown.trim();
      const shown = content.kind === "number" ? String(content.value) : content.shown;
      const kind = content.kind === "number" ? "notNumber" : content.kind;
      list.add(named(name), index + 1, kind, shown, null, "it must be a municipality's name");
      return "";
    });
  const names = texts(MUNICIPALITY_COLUMN_NAMES.Name);
  const rates = column(MUNICIPALITY_COLUMN_NAMES.TaxRate);
  const weeks = column(MUNICIPALITY_COLUMN_NAMES.Weeks);
  const shares = column(MUNICIPALITY_COLUMN_NAMES.PaymentShare);
  return {
    list: names.map((name, k) => ({
      name,
      taxRate: rates[k] ?? Number.NaN,
      weeksOnBenefitAtIntake: weeks[k] ?? Number.NaN,
      paymentShare: shares[k] ?? Number.NaN,
    })),
    cohortNames: texts(MUNICIPALITY_COLUMN_NAMES.cohorts),
  };
}

/**
 * The attribution's reference state (a state code as text; the engine names a wrong code). A model written before the
 * cell existed has no such name: the default TEMP. An empty cell, an error or a number is a problem of the cell.
 */
function readReference(
  valuesOf: (definedName: string) => RangeValues | undefined,
  definedName: string,
  list: ProblemList,
): string {
  const values = valuesOf(definedName);
  if (values === undefined) return "TEMP";
  const content = readCell(values[0]?.[0]);
  if (content.kind === "text") return content.shown;
  const shown = content.kind === "number" ? String(content.value) : content.shown;
  list.add(
    definedName,
    null,
    content.kind === "number" ? "notNumber" : content.kind,
    shown,
    null,
    "it must be a state code",
  );
  return "";
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

/**
 * Term names a model may lack without being refused (read when present, else the base's value): the contract's price
 * indexation on the Budget sheet, which models written before it do not have, and the Payment sheet's sustainment
 * card and progression inputs (src/plan/payment/readCard.ts).
 */
export const OPTIONAL_TERM_NAMES: readonly string[] = ["SIB_BudgetPaymentIndexation", ...CARD_TERM_NAMES];

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
 * the model's prefix; the contract's price indexation from the Budget sheet when it has the cell). Returns null when
 * the model has no Payment and Investor sheets (none of their names exists).
 * An optional term (a cap, the threshold, the IRR cap, maximum loss or hurdle) that is empty or holds a none-text the
 * sheets write ("no cap", "intet loft", "ingen", …) means none; any other text or an Excel error is reported (and
 * read as none only when that problem is accepted). A missing name of a model that has the sheets is reported (and
 * the terms are not read only when accepted). `base` supplies what the sheets do not hold (the threshold's gating
 * metric, the yearly price indexation of a model written without its cell, and who pays a principal-protection
 * top-up). See {@link readContract} for the problems as data.
 * @example contractFromWorkbook(DEFAULT_CONTRACT, valuesOf, "SIB_") // ok: the terms the sheets hold
 */
export function contractFromWorkbook(
  base: ContractTerms,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
  options: ReadBackOptions = {},
): Result<ContractTerms | null> {
  return readContract(base, valuesOf, prefix, options).result;
}

/**
 * {@link contractFromWorkbook} with its problems as data (see {@link CellProblem}): an optional term's unreadable
 * cell has the fallback `none`, a missing term name `contractNotRead`, every other problem none.
 * @example readContract(DEFAULT_CONTRACT, valuesOf, "SIB_").problems // [{ name: "SIB_PayPersonCap", kind: "text", value: "220000 kr", fallback: "none", … }]
 */
export function readContract(
  base: ContractTerms,
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string = NAME_PREFIX,
  options: ReadBackOptions = {},
): WorkbookRead<ContractTerms | null> {
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const list = new ProblemList(options);
  const done = (result: Result<ContractTerms | null>): WorkbookRead<ContractTerms | null> => ({
    result,
    problems: list.problems,
    accepted: list.accepted,
  });
  const missing = termNames().filter((name) => valuesOf(named(name)) === undefined);
  if (missing.length === termNames().length) return done(ok(null));
  if (missing.length > 0) {
    for (const name of missing) {
      const full = named(name);
      const unread = options.unreadNames?.get(full);
      const expected =
        "restore the name (or write the model again), or accept opening the model without its payment and investor terms";
      list.add(full, null, unread?.kind ?? "missingName", unread?.value ?? null, "contractNotRead", expected);
    }
    list.finish();
    return done(list.issues.length > 0 ? failMany(list.issues) : ok(null));
  }
  const reader = termReader(valuesOf, prefix, list);
  const paymentTerms = readPaymentTerms(reader, base.paymentTerms);
  const investorInput = readInvestorTerms(reader, base.investorTerms);
  list.finish();
  if (list.issues.length > 0) return done(failMany(list.issues));
  const paymentIssues = validatePaymentTerms(paymentTerms);
  const investorTerms = checkedInvestorTerms(investorInput);
  const all = [...paymentIssues, ...(investorTerms.ok ? [] : investorTerms.issues)];
  if (all.length > 0 || !investorTerms.ok) return done(failMany(all));
  return done(ok({ paymentTerms, investorTerms: investorTerms.value }));
}

/** Reads term cells by defined name (with the model's prefix), recording a problem for every unreadable value. */
interface TermReader {
  readonly issues: Issue[];
  readonly named: (name: string) => string;
  /** The first column of a name's range (every term name exists: missing ones are handled before reading). */
  readonly cells: (name: string) => unknown[];
  /**
   * A number; for an optional term, an empty cell or a none-text means none (null), and other text or an Excel error
   * is a problem whose accepted fallback is none. `row`: 1-based row in a column name, null for a single cell.
   */
  readonly number: (name: string, value: unknown, optional: boolean, row?: number | null) => number | null;
  /** A text cell of a column (metric ids, required ids): empty gives null unless required; anything else is a problem. */
  readonly text: (name: string, value: unknown, row: number, required?: boolean) => string | null;
  readonly scalar: (name: string, optional?: boolean) => number | null;
  readonly required: (name: string) => number;
  readonly flag: (name: string) => boolean;
}

const NUMBER_OR_NONE = 'it must be a number, or a text meaning none ("no cap", "intet loft", "ingen", "none", …)';

function termReader(
  valuesOf: (definedName: string) => RangeValues | undefined,
  prefix: string,
  list: ProblemList,
): TermReader {
  const issues = list.issues;
  const named = (name: string): string => `${prefix}${name.slice(NAME_PREFIX.length)}`;
  const cells = (name: string): unknown[] => (valuesOf(named(name)) ?? []).map((row) => row[0]);
  const number = (name: string, value: unknown, optional: boolean, row: number | null = null): number | null => {
    const content = readCell(value);
    if (content.kind === "number") return content.value;
    if (optional && content.kind === "empty") return null;
    if (optional && content.kind === "text" && NONE_TEXTS.has(content.shown.trim().toLowerCase())) return null;
    const fallback = optional ? "none" : null;
    const accepted = list.add(
      named(name),
      row,
      content.kind,
      content.shown,
      fallback,
      optional ? NUMBER_OR_NONE : "it must be a number",
    );
    return accepted ? null : Number.NaN;
  };
  const text = (name: string, value: unknown, row: number, required = false): string | null => {
    const content = readCell(value);
    if (content.kind === "text") return content.shown.trim();
    if (content.kind === "empty" && !required) return null;
    const shown = content.kind === "number" ? String(content.value) : content.shown;
    const kind = content.kind === "number" ? "notNumber" : content.kind;
    list.add(named(name), row, kind, shown, null, "it must be a metric id such as selfSupporting");
    return "";
  };
  const scalar = (name: string, optional = false): number | null => number(name, cells(name)[0], optional);
  const required = (name: string): number => scalar(name) ?? Number.NaN;
  // A yes/no cell holds 1 or 0 (PAYMENT_RULES.flag), as the workbook's data validation and Checks block require.
  const flag = (name: string): boolean => {
    const value = required(name);
    if (!Number.isNaN(value) && !satisfies(PAYMENT_RULES.flag, value, 0)) {
      issues.push(
        issue(
          "InvalidInput",
          named(name),
          "oneOf",
          `${list.where(named(name), null)} must be 1 (yes) or 0 (no), got ${value}.`,
        ),
      );
    }
    return value === 1;
  };
  return { issues, named, cells, number, text, scalar, required, flag };
}

/** The rate card (metrics, prices, volume caps, chain) and the historical baseline rates per metric. */
function readRateCard(reader: TermReader): { rateCard: PaymentTerms["rateCard"]; rates: Record<string, number> } {
  const metricIds = reader
    .cells("SIB_PayMetricIds")
    .map((value, k) => reader.text("SIB_PayMetricIds", value, k + 1, true) ?? "");
  const requiresIds = reader.cells("SIB_PayRequiresIds");
  const prices = reader.cells("SIB_PayPrices");
  const caps = reader.cells("SIB_PayVolumeCaps");
  const historical = reader.cells("SIB_PayHistoricalRates");
  const rateCard = metricIds.map((metric, k) => ({
    metric,
    price: reader.number("SIB_PayPrices", prices[k], false, k + 1) ?? Number.NaN,
    volumeCap: reader.number("SIB_PayVolumeCaps", caps[k], true, k + 1),
    requires: reader.text("SIB_PayRequiresIds", requiresIds[k], k + 1),
  }));
  const rates: Record<string, number> = {};
  metricIds.forEach(
    (metric, k) => (rates[metric] = reader.number("SIB_PayHistoricalRates", historical[k], false, k + 1) ?? Number.NaN),
  );
  return { rateCard, rates };
}

function readPaymentTerms(reader: TermReader, base: PaymentTerms): PaymentTerms {
  // The sustainment card and the progression metrics' measures (src/plan/payment/readCard.ts).
  const { rateCard, rates, ...sustainment } = readCardExtras(reader, base, readRateCard(reader));
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
    ...paymentIndexation(reader, base),
    ...sustainment,
  };
}

/**
 * The contract's yearly price indexation from the Budget sheet (SIB_BudgetPaymentIndexation; the Payment sheet is in
 * fixed prices). A model written before that cell keeps the base's; a value equal to the base's keeps its field as is.
 */
function paymentIndexation(reader: TermReader, base: PaymentTerms): Pick<PaymentTerms, "priceIndexation"> {
  const kept = base.priceIndexation === undefined ? {} : { priceIndexation: base.priceIndexation };
  if (reader.cells("SIB_BudgetPaymentIndexation").length === 0) return kept;
  const value = reader.required("SIB_BudgetPaymentIndexation");
  return value === (base.priceIndexation ?? 0) ? kept : { priceIndexation: value };
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
    ...dealTerms(reader, base),
    ...savingsSurplusTerms(reader, base),
  };
}

/**
 * The savings-surplus rule (code 0/1/2), share and recycled cohort size (src/plan/investor/inputsBlock.ts), read only
 * when the workbook has them (an older workbook keeps the base terms'). A code other than 0, 1 or 2 is an issue.
 */
function savingsSurplusTerms(reader: TermReader, base: InvestorTerms): Pick<InvestorTermsInput, "savingsSurplus"> {
  if (reader.cells("SIB_InvSavingsSurplusRule").length === 0) {
    return base.savingsSurplus === undefined ? {} : { savingsSurplus: base.savingsSurplus };
  }
  const code = reader.required("SIB_InvSavingsSurplusRule");
  const rule = SURPLUS_RULE_CODES[code];
  if (!Number.isNaN(code) && (!satisfies(INVESTOR_RULES.savingsSurplusRule, code, 0) || rule === undefined)) {
    const named = reader.named("SIB_InvSavingsSurplusRule");
    reader.issues.push(
      issue(
        "InvalidInput",
        named,
        "oneOf",
        `${named} (terms.savingsSurplus.rule) must be ${INVESTOR_RULES.savingsSurplusRule.what}, got ${code}.`,
      ),
    );
  }
  const savingsSurplus = {
    rule: rule ?? "commissioner",
    share: reader.required("SIB_InvSavingsSurplusShare"),
    cohortSize: reader.scalar("SIB_InvRecycledCohortSize", true),
  } as SavingsSurplusTerms;
  return { savingsSurplus };
}

/**
 * The capped-surplus booking and the deal costs (src/plan/investor/inputsBlock.ts), read only when the workbook has
 * them (a model written before them keeps the base terms'); the provider's cost of non-delivery is not on the sheet.
 */
function dealTerms(reader: TermReader, base: InvestorTerms): Pick<InvestorTermsInput, "cappedSurplus" | "dealCosts"> {
  const has = (name: string): boolean => reader.cells(name).length > 0;
  const baseDeal = base.dealCosts ?? NO_DEAL_COSTS;
  const cappedSurplus = has("SIB_InvCappedSurplusReturned")
    ? reader.flag("SIB_InvCappedSurplusReturned")
      ? ("returned" as const)
      : ("withheld" as const)
    : (base.cappedSurplus ?? "withheld");
  if (!has("SIB_InvDealSetup")) return { cappedSurplus, dealCosts: baseDeal };
  return {
    cappedSurplus,
    dealCosts: {
      setup: reader.required("SIB_InvDealSetup"),
      evaluation: reader.required("SIB_InvDealEvaluation"),
      intermediaryOneOff: reader.required("SIB_InvDealIntermediaryOneOff"),
      intermediaryYearly: reader.required("SIB_InvDealIntermediaryYearly"),
      intermediaryYears: reader.scalar("SIB_InvDealIntermediaryYears", true),
      providerNonDelivery: has("SIB_InvDealProviderNonDelivery")
        ? reader.required("SIB_InvDealProviderNonDelivery")
        : baseDeal.providerNonDelivery,
    },
  };
}
