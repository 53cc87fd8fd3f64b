import { failMany, ok, type Result } from "../engine/errors";
import { DEFAULT_INVESTOR_TERMS } from "../engine/investor/terms";
import { PILOT_PAYMENT_TERMS } from "../engine/payment/terms";
import type { Scenario } from "../engine/scenario";
import {
  contractFromWorkbook,
  inputNames,
  scenarioFromWorkbook,
  termNames,
  type ContractTerms,
  type RangeValues,
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
 * workbook's names, one for the values of the input ranges (business case, payment and investor terms). Returns the
 * scenario and terms they describe, or every problem (a missing name, a non-number, a broken rule), each message
 * naming the defined name (and row) of the cell it concerns. `base` and `baseContract` supply what the sheets do not
 * hold. The newest model is read by {@link readNewestModel}.
 * @example (await readWholeModel(pilot, DEFAULT_CONTRACT, officeExcelHost(), "SIB2_")).ok // true for a valid model
 */
export async function readWholeModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  prefix: string = NAME_PREFIX,
): Promise<Result<ReadModel>> {
  return readChosenModel(base, baseContract, host, () => prefix);
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
): Promise<Result<ReadModel>> {
  return readChosenModel(base, baseContract, host, (names) => modelsAmong(names).newest ?? NAME_PREFIX);
}

/** Two syncs: the workbook's names (from which `choose` picks the model's prefix), then the model's input ranges. */
async function readChosenModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  choose: (names: readonly string[]) => string,
): Promise<Result<ReadModel>> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    const existing = new Set(names.items.map((item) => item.name));
    const prefix = choose([...existing]);
    const wanted = [...inputNames(), ...termNames()].map((name) => `${prefix}${name.slice(NAME_PREFIX.length)}`);
    const ranges = new Map<string, Excel.Range>();
    for (const name of wanted.filter((candidate) => existing.has(candidate))) {
      const range = names.getItem(name).getRange();
      range.load("values");
      ranges.set(name, range);
    }
    await context.sync();
    const valuesOf = (name: string): RangeValues | undefined => ranges.get(name)?.values;
    const scenario = scenarioFromWorkbook(base, valuesOf, prefix);
    const contract = contractFromWorkbook(baseContract, valuesOf, prefix);
    if (!scenario.ok || !contract.ok) {
      const issues = [...(scenario.ok ? [] : scenario.issues), ...(contract.ok ? [] : contract.issues)];
      return failMany(namedIssues(issues, prefix));
    }
    return ok({ scenario: scenario.value, contract: contract.value, prefix });
  });
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
  return read.ok ? { ok: true, value: read.value.scenario } : read;
}
