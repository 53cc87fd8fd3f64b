import type { Result } from "../engine/errors";
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

/** A model read back from a workbook: its scenario and, when it has Payment and Investor sheets, its terms. */
export interface ReadModel {
  readonly scenario: Scenario;
  readonly contract: ContractTerms | null;
}

/**
 * Reads the inputs of a model written earlier (by its defined names, SIB_ or SIB2_ …) with two syncs: one for the
 * workbook's names, one for the values of the input ranges (business case, payment and investor terms). Returns the
 * scenario and terms they describe, or every problem (a missing name, a non-number, a broken rule) naming the defined
 * name. `base` and `baseContract` supply what the sheets do not hold.
 */
export async function readWholeModel(
  base: Scenario,
  baseContract: ContractTerms,
  host: ExcelHost,
  prefix: string = NAME_PREFIX,
): Promise<Result<ReadModel>> {
  return host.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    const existing = new Set(names.items.map((item) => item.name));
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
    if (!scenario.ok) return contract.ok ? scenario : { ok: false, issues: [...scenario.issues, ...contract.issues] };
    if (!contract.ok) return contract;
    return { ok: true, value: { scenario: scenario.value, contract: contract.value } };
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
