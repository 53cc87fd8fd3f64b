import { failMany, ok, type Issue, type Result } from "./errors";
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
 * Builds the defaults of one parameter year from the sourced data (DOMAIN.md table c). Every parameter must have a
 * value for that year: missing ones are reported together (MissingYear), never filled from another year.
 * @example parameterDefaults(2023) // ok; parameterDefaults(2025) fails: the model assumptions exist for 2023 only
 */
export function parameterDefaults(year: number): Result<ParameterDefaults> {
  const missing: Issue[] = [];
  const value = (id: string): number => {
    const found = parameterValue(id, year);
    if (found.ok) return found.value.value;
    missing.push(...found.issues);
    return Number.NaN;
  };
  const temporaryBenefit = value("ydelse_midlertidig");
  const states: PerState<StateEconomics> = {
    JOB: economics(value("loen_selvforsoergende"), 0, "municipality"),
    JOB_UNK: economics(value("loen_ukendt_indkomst"), 0, "municipality"),
    JOB_PART: economics(value("loen_loentimer"), value("supplerende_ydelse_andel") * temporaryBenefit, "municipality"),
    EDU: economics(0, value("ydelse_su"), "state"),
    FLEX: economics(value("loen_fleksjob"), value("ydelse_fleksjob"), "municipality"),
    TEMP: economics(0, temporaryBenefit, "municipality"),
    PERM: economics(0, value("ydelse_foertidspension"), "municipality"),
    ABROAD: economics(0, 0, "municipality"),
  };
  const refusionSteps: RefusionStep[] = [
    { fromWeek: 1, share: value("refusion_uge_1_4") },
    { fromWeek: 5, share: value("refusion_uge_5_26") },
    { fromWeek: 27, share: value("refusion_uge_27_52") },
    { fromWeek: 53, share: value("refusion_uge_53_plus") },
  ];
  const tax: TaxParameters = {
    labourMarketContributionRate: value("am_bidrag"),
    municipalTaxRate: value("kommuneskat_gennemsnit"),
    bottomTaxRate: value("bundskat"),
    personalAllowance: value("personfradrag"),
    employmentAllowanceRate: value("beskaeftigelsesfradrag_sats"),
    employmentAllowanceMax: value("beskaeftigelsesfradrag_maks"),
    jobAllowanceRate: value("jobfradrag_sats"),
    jobAllowanceFloor: value("jobfradrag_bundgraense"),
    jobAllowanceMax: value("jobfradrag_maks"),
  };
  const socioEconomic: SocioEconomicFactors = {
    netTaxFactor: value("nettoafgiftsfaktor"),
    distortionFactor: value("forvridningsfaktor"),
    employerCostFactor: value("arbejdsgiveromkostningsfaktor"),
  };
  const discountRate = value("diskonteringsrente");
  if (missing.length > 0) return failMany(missing);
  return ok({ parameterYear: year, states, refusionSteps, tax, discountRate, socioEconomic });
}

function economics(wage: number, benefit: number, benefitPayer: StateEconomics["benefitPayer"]): StateEconomics {
  return { wage, benefit, benefitPayer, healthCost: 0 };
}
