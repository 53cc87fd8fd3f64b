import { failMany, ok, type EngineFailure, type EngineSuccess, type Result } from "../engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../engine/investor/terms";
import { PILOT_PAYMENT_TERMS } from "../engine/payment/terms";
import type { Scenario } from "../engine/scenario";
import {
  inputNames,
  MAX_NAME_CELLS,
  readContract,
  readScenario,
  termNames,
  OPTIONAL_TERM_NAMES,
  type CellProblem,
  type ContractTerms,
  type RangeValues,
  type ReadBackOptions,
} from "../plan/readBack";
import { NAME_PREFIX } from "../plan/relocate";
import type { ExcelHost } from "./host";
import { namedIssues } from "./issueNames";

/** A model read back from a workbook: its scenario and, when it has Payment and Investor sheets, its terms. */
export interface ReadModel {
  readonly scenario: Scenario;
  readonly contract: ContractTerms | null;
  /** The prefix of the defined names it was read from ("SIB_", "SIB2_", …). */
  readonly prefix: string;
  /** The problems the user accepted (see {@link ReadOptions}), with their fallbacks applied; empty normally. */
  readonly accepted: readonly CellProblem[];
}

/**
 * A read-back: the model, or why it cannot be opened. A failure carries the issues (each message naming the defined
 * name, row and cell address) and the problem cells as data; those with a fallback can be accepted by reading again
 * with `accept` (the taskpane lists them and asks).
 */
export type ReadResult = EngineSuccess<ReadModel> | (EngineFailure & { readonly problems: readonly CellProblem[] });

/** Options of a read-back. */
export interface ReadOptions {
  /**
   * Problems the user accepted, as listed by an earlier read (matched on name, row, kind and the cell's content, so
   * a cell that changed since is asked about again). Default: none, so no cell is read past silently.
   */
  readonly accept?: readonly CellProblem[];
}

/** The models in a workbook, by the prefix of their defined names. */
export interface WorkbookModels {
  /** Every model's prefix, oldest first: "SIB_", then "SIB2_", "SIB3_", … (as the writer numbers them). */
  readonly prefixes: readonly string[];
  /** The newest model's prefix (the highest number), or null when the workbook holds no model. */
  readonly newest: string | null;
}

/** A defined name every written model has (its horizon cell), with the model's prefix and number captured. */
const MODEL_MARKER = /^(SIB([2-9]|[1-9]\d+)?_)HorizonMonths$/i;

/**
 * The models among a workbook's defined names: each `SIB_HorizonMonths`, `SIB2_HorizonMonths`, … is one model
 * (matched ignoring case, as Excel matches names). SIB_ counts as number 1; `SIB1_` and `SIB02_` are not names the
 * writer makes and are ignored.
 * @example modelsAmong(["SIB_HorizonMonths", "SIB10_HorizonMonths", "SIB2_HorizonMonths", "MyRate"]).newest // "SIB10_"
 */
export function modelsAmong(names: readonly string[]): WorkbookModels {
  const numbered: { prefix: string; number: number }[] = [];
  for (const name of names) {
    const match = MODEL_MARKER.exec(name);
    if (match?.[1] !== undefined) numbered.push({ prefix: match[1], number: Number(match[2] ?? 1) });
  }
  numbered.sort((a, b) => a.number - b.number);
  const prefixes = numbered.map((model) => model.prefix);
  return { prefixes, newest: prefixes[prefixes.length - 1] ?? null };
}

/**
 * Finds the models in the open workbook with one sync (the workbook's defined names), oldest first, and the newest.
 * @example (await findModels(officeExcelHost())).newest // "SIB2_" after a model was written twice
 */
export async function findModels(host: ExcelHost): Promise<WorkbookModels> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    return modelsAmong(names.items.map((item) => item.name));
  });
}

/**
 * Reads the inputs of a model written earlier (by its defined names, SIB_ or SIB2_ …) with two syncs: one for the
 * workbook's names, one for the values and addresses of the input ranges (business case, payment and investor
 * terms). Returns the scenario and terms they describe, or every problem (a missing name or one that refers to no
 * cells, an empty cell, text, an Excel error such as #REF!, a broken rule), each message naming the defined name,
 * row and cell address, with the problem cells as data. Nothing is read past silently: a cap, threshold, return cap,
 * maximum loss or hurdle that holds "220000 kr" or #REF! is a problem (not "none"), and so is a missing
 * SIB_PayPrices in a model with a Payment sheet; such problems are read past only when passed back in
 * `options.accept`. `base` and `baseContract` supply what the sheets do not hold. The newest model is read by
 * {@link readNewestModel}.
 * @example (await readWholeModel(pilot, DEFAULT_CONTRACT, officeExcelHost(), "SIB2_")).ok // true for a valid model
 */
export async function readWholeModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  prefix: string = NAME_PREFIX,
  options: ReadOptions = {},
): Promise<ReadResult> {
  return readChosenModel(base, baseContract, host, () => prefix, options);
}

/**
 * Reads the newest model in the workbook (the highest number among its prefixes, see {@link modelsAmong}) with the
 * same two syncs as {@link readWholeModel}. A workbook without a model is reported as SIB_'s missing names.
 * @example (await readNewestModel(pilot, DEFAULT_CONTRACT, officeExcelHost())).value.prefix // "SIB2_"
 */
export async function readNewestModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  options: ReadOptions = {},
): Promise<ReadResult> {
  return readChosenModel(base, baseContract, host, (names) => modelsAmong(names).newest ?? NAME_PREFIX, options);
}

/** Two syncs: the workbook's names (from which `choose` picks the model's prefix), then the model's input ranges. */
async function readChosenModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  choose: (names: readonly string[]) => string,
  options: ReadOptions,
): Promise<ReadResult> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    await context.sync();
    const existing = new Set(names.items.map((item) => item.name));
    const prefix = choose([...existing]);
    const wanted = [...inputNames(), ...termNames(), ...OPTIONAL_TERM_NAMES].map(
      (name) => `${prefix}${name.slice(NAME_PREFIX.length)}`,
    );
    // A name redefined to a whole column would load a million values: refused by its formula, before any value is read.
    const unreadNames = new Map<string, { kind: "brokenName" | "tooLarge"; value: string | null }>();
    for (const item of names.items) {
      const cells = typeof item.formula === "string" ? referenceCells(item.formula) : 0;
      if (wanted.includes(item.name) && cells > MAX_NAME_CELLS) {
        unreadNames.set(item.name, { kind: "tooLarge", value: item.formula });
      }
    }
    const ranges = new Map<string, Excel.Range>();
    for (const name of wanted.filter((candidate) => existing.has(candidate) && !unreadNames.has(candidate))) {
      // ExcelApi 1.4: a name whose reference is #REF! (its sheet deleted) gives a null object, not a failed sync.
      const range = names.getItem(name).getRangeOrNullObject();
      range.load(["values", "address"]);
      ranges.set(name, range);
    }
    await context.sync();
    const found = (name: string): Excel.Range | undefined => {
      const range = ranges.get(name);
      return range === undefined || range.isNullObject ? undefined : range;
    };
    const valuesOf = (name: string): RangeValues | undefined => found(name)?.values;
    const readOptions: ReadBackOptions = {
      accept: options.accept ?? [],
      addressOf: (name, row) => {
        const address = found(name)?.address;
        return address === undefined ? null : cellAddress(address, row);
      },
      unreadNames,
    };
    for (const [name, range] of ranges)
      if (range.isNullObject) unreadNames.set(name, { kind: "brokenName", value: null });
    const scenario = readScenario(base, valuesOf, prefix, readOptions);
    const contract = readContract(baseContract, valuesOf, prefix, readOptions);
    const problems = [...scenario.problems, ...contract.problems];
    if (!scenario.result.ok || !contract.result.ok) {
      const issues = [
        ...(scenario.result.ok ? [] : scenario.result.issues),
        ...(contract.result.ok ? [] : contract.result.issues),
      ];
      return { ...failMany(namedIssues(issues, prefix)), problems };
    }
    const accepted = [...scenario.accepted, ...contract.accepted];
    return ok({ scenario: scenario.result.value, contract: contract.result.value, prefix, accepted });
  });
}

/**
 * The number of cells a defined name's formula refers to: 1 for "=Payment!$B$9", 4 for "=Payment!$B$20:$B$23",
 * 1,048,576 per column for a whole column ("=Inputs!$D:$D") and 16,384 per row for a whole row; 0 for anything else
 * (a constant, #REF!, a formula), which the read handles by itself.
 * @example referenceCells("='Input (2)'!$B$44:$C$51") // 16
 */
export function referenceCells(formula: string): number {
  const area = /!(\$?[A-Z]*\$?\d*)(?::(\$?[A-Z]*\$?\d*))?$/.exec(formula);
  if (area === null || area[1] === "") return 0;
  const corner = (text: string): { column: number | null; row: number | null } => {
    const match = /^\$?([A-Z]*)\$?(\d*)$/.exec(text);
    const letters = match?.[1] ?? "";
    const digits = match?.[2] ?? "";
    let column = 0;
    for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
    return { column: letters === "" ? null : column, row: digits === "" ? null : Number(digits) };
  };
  const from = corner(area[1] ?? "");
  const to = corner(area[2] ?? area[1] ?? "");
  const span = (a: number | null, b: number | null, whole: number): number =>
    a === null || b === null ? whole : Math.abs(b - a) + 1;
  return span(from.row, to.row, EXCEL_ROWS) * span(from.column, to.column, EXCEL_COLUMNS);
}

/** Rows and columns of an Excel worksheet (Excel specifications and limits). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/**
 * The address of one row of a range's address as Excel gives it ("Payment!B20:B23", row 2 → "Payment!B21"); the
 * range's first cell for a null row. Excel quotes sheet names that need it ("'Input (2)'!B4"), and the quoting is
 * kept.
 * @example cellAddress("'Input (2)'!$B$44:$B$51", 3) // "'Input (2)'!B46"
 */
export function cellAddress(rangeAddress: string, row: number | null): string {
  const match = /^(.*)!\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?\d+)?$/.exec(rangeAddress);
  if (match === null) return rangeAddress;
  const [, sheet = "", column = "", top = "1"] = match;
  return `${sheet}!${column}${Number(top) + (row === null ? 0 : row - 1)}`;
}

/** What a model's sheets do not hold comes from the pilot's payment terms and the default investor terms. */
export const DEFAULT_CONTRACT: ContractTerms = {
  paymentTerms: PILOT_PAYMENT_TERMS,
  investorTerms: DEFAULT_INVESTOR_TERMS,
};

/** The scenario of a model written earlier (see {@link readWholeModel}; its terms are read and checked too). */
export async function readModel(
  base: Scenario,
  host: ExcelHost,
  prefix: string = NAME_PREFIX,
): Promise<Result<Scenario>> {
  const read = await readWholeModel(base, DEFAULT_CONTRACT, host, prefix);
  return read.ok ? { ok: true, value: read.value.scenario } : failMany(read.issues);
}
