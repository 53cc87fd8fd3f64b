import { fail, ok, type EngineFailure, type Result } from "./errors";
import { LATEST_DATA_YEAR } from "./parameters/data";
import { parameterValue } from "./parameters/lookup";
import type { RefusionStep, Scenario, SocioEconomicFactors, StateEconomics, TaxParameters } from "./scenario";
import type { PerState } from "./states";

/** The parameter-dependent part of a scenario: everything that comes from the sourced data of one year. */
export type ParameterDefaults = Pick<
  Scenario,
  "parameterYear" | "states" | "refusionSteps" | "tax" | "discountRate" | "socioEconomic"
>;

/** The parameter year whose defaults are complete (all tax parameters and model assumptions present). */
export const DEFAULT_PARAMETER_YEAR = 2023;

/**
 * A default the built-in data lacks for a year: the scenario-file path to supply it at (e.g. `states.JOB.wage`), the
 * input name of functions and the workbook (e.g. `wage.JOB`) and the parameter id(s) it comes from.
 */
export interface MissingDefault {
  readonly path: string;
  readonly input: string;
  readonly parameterIds: readonly string[];
}

/** The defaults of a year with NaN where the data has no value, and the list of those values (empty when complete). */
export interface DraftDefaults {
  readonly defaults: ParameterDefaults;
  readonly missing: readonly MissingDefault[];
}

const REFUSION_WEEKS = [1, 5, 27, 53] as const;
const REFUSION_IDS = ["refusion_uge_1_4", "refusion_uge_5_26", "refusion_uge_27_52", "refusion_uge_53_plus"] as const;

/**
 * The defaults of one parameter year from the sourced data (DOMAIN.md table c), never filled from another year: a value
 * the data lacks is NaN and listed in `missing`, so a scenario that supplies it still runs (overrides first, issue 10).
 * @example draftParameterDefaults(2027).missing[0] // { path: "states.JOB.wage", input: "wage.JOB", parameterIds: ["loen_selvforsoergende"] }
 */
export function draftParameterDefaults(year: number): DraftDefaults {
  const missing: MissingDefault[] = [];
  const value = (id: string, path: string, input: string): number => {
    const found = parameterValue(id, year);
    if (found.ok) return found.value.value;
    missing.push({ path, input, parameterIds: [id] });
    return Number.NaN;
  };
  const lookup = (id: string): number => {
    const found = parameterValue(id, year);
    return found.ok ? found.value.value : Number.NaN;
  };
  const temporaryBenefit = value("ydelse_midlertidig", "states.TEMP.benefit", "benefit.TEMP");
  const topUpShare = lookup("supplerende_ydelse_andel");
  const topUp = topUpShare * lookup("ydelse_midlertidig");
  if (Number.isNaN(topUp)) {
    missing.push({
      path: "states.JOB_PART.benefit",
      input: "benefit.JOB_PART",
      parameterIds: ["supplerende_ydelse_andel", "ydelse_midlertidig"],
    });
  }
  const states: PerState<StateEconomics> = {
    JOB: economics(value("loen_selvforsoergende", "states.JOB.wage", "wage.JOB"), 0, "municipality"),
    JOB_UNK: economics(value("loen_ukendt_indkomst", "states.JOB_UNK.wage", "wage.JOB_UNK"), 0, "municipality"),
    JOB_PART: economics(value("loen_loentimer", "states.JOB_PART.wage", "wage.JOB_PART"), topUp, "municipality"),
    EDU: economics(0, value("ydelse_su", "states.EDU.benefit", "benefit.EDU"), "state"),
    FLEX: economics(
      value("loen_fleksjob", "states.FLEX.wage", "wage.FLEX"),
      value("ydelse_fleksjob", "states.FLEX.benefit", "benefit.FLEX"),
      "municipality",
    ),
    TEMP: economics(0, temporaryBenefit, "municipality"),
    PERM: economics(0, value("ydelse_foertidspension", "states.PERM.benefit", "benefit.PERM"), "municipality"),
    ABROAD: economics(0, 0, "municipality"),
  };
  const refusionSteps: RefusionStep[] = REFUSION_WEEKS.map((fromWeek, index) => ({
    fromWeek,
    share: value(REFUSION_IDS[index] ?? "", `refusionSteps[${index}].share`, `refusion.week${fromWeek}`),
  }));
  const taxValue = (id: string, key: keyof TaxParameters): number => value(id, `tax.${key}`, key);
  const tax: TaxParameters = {
    labourMarketContributionRate: taxValue("am_bidrag", "labourMarketContributionRate"),
    municipalTaxRate: taxValue("kommuneskat_gennemsnit", "municipalTaxRate"),
    bottomTaxRate: taxValue("bundskat", "bottomTaxRate"),
    personalAllowance: taxValue("personfradrag", "personalAllowance"),
    employmentAllowanceRate: taxValue("beskaeftigelsesfradrag_sats", "employmentAllowanceRate"),
    employmentAllowanceMax: taxValue("beskaeftigelsesfradrag_maks", "employmentAllowanceMax"),
    jobAllowanceRate: taxValue("jobfradrag_sats", "jobAllowanceRate"),
    jobAllowanceFloor: taxValue("jobfradrag_bundgraense", "jobAllowanceFloor"),
    jobAllowanceMax: taxValue("jobfradrag_maks", "jobAllowanceMax"),
  };
  const socioEconomic: SocioEconomicFactors = {
    netTaxFactor: value("nettoafgiftsfaktor", "socioEconomic.netTaxFactor", "netTaxFactor"),
    distortionFactor: value("forvridningsfaktor", "socioEconomic.distortionFactor", "distortionFactor"),
    employerCostFactor: value(
      "arbejdsgiveromkostningsfaktor",
      "socioEconomic.employerCostFactor",
      "employerCostFactor",
    ),
  };
  const discountRate = value("diskonteringsrente", "discountRate", "discountRate");
  return { defaults: { parameterYear: year, states, refusionSteps, tax, discountRate, socioEconomic }, missing };
}

/**
 * Builds the defaults of one parameter year from the sourced data (DOMAIN.md table c). Every parameter must have a
 * value for that year: the missing ones are reported in ONE MissingYear issue listing what to supply.
 * @example parameterDefaults(2023) // ok; parameterDefaults(2027) fails: "parameterYear 2027: the built-in data has no …"
 */
export function parameterDefaults(year: number): Result<ParameterDefaults> {
  const draft = draftParameterDefaults(year);
  if (draft.missing.length > 0) return missingDefaultsFailure(year, draft.missing, "file");
  return ok(draft.defaults);
}

let completeYears: string | null = null;

/** The years whose data give every default, e.g. "2023-2026" (computed once from the data). */
function yearsWithData(): string {
  if (completeYears === null) {
    const years: number[] = [];
    for (let year = 2000; year <= LATEST_DATA_YEAR; year++) {
      if (draftParameterDefaults(year).missing.length === 0) years.push(year);
    }
    const first = years[0];
    const last = years[years.length - 1];
    completeYears =
      first === undefined || last === undefined
        ? "none"
        : last - first + 1 === years.length
          ? `${first}-${last}`
          : years.join(", ");
  }
  return completeYears;
}

/**
 * ONE failure (code MissingYear, field `parameterYear`) listing every value the data lacks for `year`, by the name the
 * user types: `file` = scenario-file paths (CLI), `inputs` = input names (functions, workbook).
 * @example missingDefaultsFailure(2027, draft.missing, "file").issues[0].message // "parameterYear 2027: … supply states.JOB.wage, …"
 */
export function missingDefaultsFailure(
  year: number,
  missing: readonly MissingDefault[],
  naming: "file" | "inputs",
): EngineFailure {
  const how = naming === "file" ? "in the scenario file" : "as inputs";
  const names = naming === "file" ? missing.map((item) => item.path) : groupInputs(missing.map((item) => item.input));
  return fail(
    "MissingYear",
    "parameterYear",
    "year",
    `parameterYear ${year}: the built-in data lack ${missing.length} value(s) (data: ${yearsWithData()}); supply ${how}: ${names.join(", ")}.`,
  );
}

/** Input names grouped by prefix to fit Excel's short messages: ["wage.JOB", "wage.FLEX"] → ["wage.JOB/FLEX"]. */
function groupInputs(inputs: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const input of inputs) {
    const match = /^(wage\.|benefit\.|refusion\.week)(.+)$/.exec(input);
    const prefix = match?.[1] ?? input;
    const rest = match?.[2];
    const group = groups.get(prefix) ?? [];
    if (rest !== undefined) group.push(rest);
    groups.set(prefix, group);
  }
  return [...groups].map(([prefix, rests]) => (rests.length === 0 ? prefix : `${prefix}${rests.join("/")}`));
}

/**
 * The missing defaults a scenario has not supplied (their value is still NaN, the draft's placeholder).
 * @example unsuppliedDefaults(draft.missing, scenarioWithEveryWage) // [] when every listed value was given
 */
export function unsuppliedDefaults(missing: readonly MissingDefault[], scenario: Scenario): MissingDefault[] {
  return missing.filter((item) => {
    const found = valueAtPath(scenario, item.path);
    return typeof found !== "number" || Number.isNaN(found);
  });
}

function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function economics(wage: number, benefit: number, benefitPayer: StateEconomics["benefitPayer"]): StateEconomics {
  return { wage, benefit, benefitPayer, healthCost: 0 };
}
