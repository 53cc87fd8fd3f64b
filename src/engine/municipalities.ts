import { fail, issue, ok, type Issue, type Result } from "./errors";
import { MAX_TEXT_LENGTH } from "./limits";
import { RULES, SHARE_SUM_TOLERANCE } from "./rules";
import type { Cohort, Municipality, Scenario } from "./scenario";

export type { Municipality };

/** Evidence marks as in the parameter data: [S] published source, [A] assumption (with the reason). */
export type Evidence = "S" | "A";

/** One built-in municipal tax rate (kommuneskat, fraction per year) with its year, evidence and source. */
export interface MunicipalTaxRate {
  readonly value: number;
  readonly evidence: Evidence;
  readonly source: string;
}

const HERNING_2023 =
  "Herning Kommune, 'Skattestigning sikrer flere penge til velfærd', 15 Sep 2023, https://www.herning.dk/nyheder/2023/skattestigning-sikrer-flere-penge-til-velfaerd/ (the rate until 2023: 24.9 %)";
const HERNING_2024 = `${HERNING_2023.replace(" (the rate until 2023: 24.9 %)", "")} (raised by 0.5 pp to 25.4 % from 2024)`;
const VIBORG =
  "NB-Økonomi, 'Viborg sparer og prioriterer skattelettelser', 16 Sep 2020, https://www.nb-okonomi.dk/2020/09/16/viborg-sparer-og-prioriterer-skattelettelser/ (lowered from 25.7 % to 25.5 % from 2021)";
const RINGKOBING =
  "Ringkøbing-Skjern Kommune, Økonomiudvalget 8 Sep 2020, budget 2021–2024, https://www.rksk.dk/om-kommunen/politiske-udvalg/oekonomiudvalget/dagsordener-referater?AgendaID=2972 (udskrivningsprocent 25.0 in 2021–2024)";
const CARRIED = (rate: string, from: string): string =>
  `assumption: ${rate} carried forward from ${from}; no later change was found in a public source (check the municipality's budget)`;

/**
 * Built-in kommuneskat rates of the pilot's municipalities (Herning, Viborg) and of Ringkøbing-Skjern, which was
 * interested, for parameter years 2023–2026. [S] = stated in the source for that year (for Ringkøbing-Skjern 2023–24
 * the adopted budget's overslagsår); [A] = the last sourced rate carried forward, because no source for the year was
 * found. Any other municipality is given by name and rate in the scenario.
 */
export const MUNICIPAL_TAX_RATES: Readonly<Record<string, Readonly<Record<number, MunicipalTaxRate>>>> = {
  Herning: {
    2023: { value: 0.249, evidence: "S", source: HERNING_2023 },
    2024: { value: 0.254, evidence: "S", source: HERNING_2024 },
    2025: { value: 0.254, evidence: "A", source: `${CARRIED("25.4 %", "2024")}; ${HERNING_2024}` },
    2026: { value: 0.254, evidence: "A", source: `${CARRIED("25.4 %", "2024")}; ${HERNING_2024}` },
  },
  Viborg: {
    2023: { value: 0.255, evidence: "A", source: `${CARRIED("25.5 %", "2021")}; ${VIBORG}` },
    2024: { value: 0.255, evidence: "A", source: `${CARRIED("25.5 %", "2021")}; ${VIBORG}` },
    2025: { value: 0.255, evidence: "A", source: `${CARRIED("25.5 %", "2021")}; ${VIBORG}` },
    2026: { value: 0.255, evidence: "A", source: `${CARRIED("25.5 %", "2021")}; ${VIBORG}` },
  },
  "Ringkøbing-Skjern": {
    2023: { value: 0.25, evidence: "S", source: RINGKOBING },
    2024: { value: 0.25, evidence: "S", source: RINGKOBING },
    2025: { value: 0.25, evidence: "A", source: `${CARRIED("25.0 %", "2024")}; ${RINGKOBING}` },
    2026: { value: 0.25, evidence: "A", source: `${CARRIED("25.0 %", "2024")}; ${RINGKOBING}` },
  },
};

/**
 * The built-in kommuneskat of a municipality (name matched without regard to case) for a parameter year, or null.
 * @example builtInTaxRate("herning", 2024)?.value // 0.254
 */
export function builtInTaxRate(name: string, year: number): MunicipalTaxRate | null {
  const key = Object.keys(MUNICIPAL_TAX_RATES).find((known) => known.toLowerCase() === name.trim().toLowerCase());
  return key === undefined ? null : (MUNICIPAL_TAX_RATES[key]?.[year] ?? null);
}

/** A municipality with every value settled: its own or the built-in tax rate, its own or the scenario's weeks. */
export interface ResolvedMunicipality {
  readonly name: string;
  /** Kommuneskat, fraction per year. */
  readonly taxRate: number;
  /** Where the tax rate comes from: the scenario file, or the built-in data (with evidence and source). */
  readonly taxRateSource: "scenario" | MunicipalTaxRate;
  /** Weeks on benefit at intake of this municipality's participants. */
  readonly weeksOnBenefitAtIntake: number;
  /** Share (0–1) of the municipal outcome payments this municipality pays; the shares sum to 1. */
  readonly paymentShare: number;
  /** Participants in its cohorts. */
  readonly participants: number;
}

/** The scenario's municipalities (empty = one combined municipality, the pilot's default). */
export function listedMunicipalities(scenario: Scenario): readonly Municipality[] {
  return scenario.municipalities ?? [];
}

/**
 * The municipalities of a validated scenario with their values settled (empty when the scenario lists none). Throws
 * only for an unvalidated scenario (a missing tax rate is a validation issue).
 * @example resolveMunicipalities(herningViborg)[0]?.taxRate // 0.249 for Herning in 2023
 */
export function resolveMunicipalities(scenario: Scenario): ResolvedMunicipality[] {
  return listedMunicipalities(scenario).map((municipality) => {
    const builtIn = builtInTaxRate(municipality.name, scenario.parameterYear);
    const taxRate = municipality.taxRate ?? builtIn?.value;
    if (taxRate === undefined) throw new Error(`municipality ${municipality.name} has no tax rate (validate first)`);
    return {
      name: municipality.name,
      taxRate,
      taxRateSource: municipality.taxRate !== null ? "scenario" : (builtIn ?? "scenario"),
      weeksOnBenefitAtIntake: municipality.weeksOnBenefitAtIntake ?? scenario.weeksOnBenefitAtIntake,
      paymentShare: municipality.paymentShare,
      participants: scenario.cohorts
        .filter((cohort) => sameName(cohort.municipality, municipality.name))
        .reduce((sum, cohort) => sum + cohort.participants, 0),
    };
  });
}

/**
 * The scenario of one municipality: its cohorts only, its tax rate and weeks on benefit, no municipality list (so it
 * is one combined municipality). Its business case is that municipality's part of the whole; the parts sum to the
 * whole (test/engine/municipalities.test.ts).
 */
export function municipalityScenario(scenario: Scenario, municipality: ResolvedMunicipality): Scenario {
  return {
    ...scenario,
    name: `${scenario.name} – ${municipality.name}`,
    cohorts: scenario.cohorts
      .filter((cohort) => sameName(cohort.municipality, municipality.name))
      .map((cohort) => ({ participants: cohort.participants, intakeMonth: cohort.intakeMonth })),
    tax: { ...scenario.tax, municipalTaxRate: municipality.taxRate },
    weeksOnBenefitAtIntake: municipality.weeksOnBenefitAtIntake,
    municipalities: [],
  };
}

/**
 * Which municipality each cohort belongs to (index into the listed municipalities), or null for every cohort when the
 * scenario lists none. Throws only for an unvalidated scenario.
 */
export function cohortMunicipalityIndex(scenario: Scenario): number[] | null {
  const listed = listedMunicipalities(scenario);
  if (listed.length === 0) return null;
  return scenario.cohorts.map((cohort, index) => {
    const found = listed.findIndex((municipality) => sameName(cohort.municipality, municipality.name));
    if (found < 0) throw new Error(`cohorts[${index}] names no listed municipality (validate first)`);
    return found;
  });
}

function sameName(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The rules of `municipalities` and `cohorts[].municipality` (docs/scenario.md, "Several municipalities"): names
 * non-empty and different; a tax rate given or built in for the parameter year; rates, weeks and shares in range;
 * payment shares summing to 1; every cohort naming a listed municipality (when any is listed) and none naming one
 * otherwise. One issue per broken rule, naming the field.
 * @example municipalityIssues({ ...pilot, municipalities: [{ name: "Odder", taxRate: null, … }] })[0]?.rule // "required"
 */
export function municipalityIssues(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  const listed = scenario.municipalities ?? [];
  if (!Array.isArray(listed)) {
    return [issue("InvalidInput", "municipalities", "type", "municipalities must be a list (or left out).")];
  }
  const seen = new Set<string>();
  listed.forEach((municipality, index) => {
    const field = `municipalities[${index}]`;
    const name = typeof municipality.name === "string" ? municipality.name.trim() : "";
    if (name === "" || name.length > MAX_TEXT_LENGTH) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.name`,
          "required",
          `${field}.name must be the municipality's name, e.g. "Herning".`,
        ),
      );
    } else if (seen.has(name.toLowerCase())) {
      issues.push(
        issue(
          "InvalidInput",
          `${field}.name`,
          "unique",
          `${field}.name: "${name}" is listed twice; list each municipality once.`,
        ),
      );
    }
    seen.add(name.toLowerCase());
    if (municipality.taxRate === null || municipality.taxRate === undefined) {
      if (name !== "" && builtInTaxRate(name, scenario.parameterYear) === null) {
        issues.push(
          issue(
            "InvalidInput",
            `${field}.taxRate`,
            "required",
            `${field}.taxRate: ${name} has no built-in municipal tax rate for ${scenario.parameterYear} (built in: ${Object.keys(MUNICIPAL_TAX_RATES).join(", ")} for 2023–2026); give its kommuneskat as a fraction, e.g. 0.251 for 25.1 %.`,
          ),
        );
      }
    } else if (!inRange(municipality.taxRate, RULES.rate.min, RULES.rate.max)) {
      issues.push(rangeIssue(`${field}.taxRate`, RULES.rate.what, municipality.taxRate));
    }
    const weeks = municipality.weeksOnBenefitAtIntake;
    if (weeks !== null && weeks !== undefined && !inRange(weeks, RULES.weeks.min, RULES.weeks.max)) {
      issues.push(rangeIssue(`${field}.weeksOnBenefitAtIntake`, RULES.weeks.what, weeks));
    }
    if (!inRange(municipality.paymentShare, 0, 1)) {
      issues.push(rangeIssue(`${field}.paymentShare`, RULES.share.what, municipality.paymentShare));
    }
  });
  if (listed.length > 0) {
    const total = listed.reduce((sum, municipality) => sum + municipality.paymentShare, 0);
    if (Number.isFinite(total) && Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
      issues.push(
        issue(
          "InvalidInput",
          "municipalities.paymentShare",
          "sum",
          `municipalities[].paymentShare must sum to 1 (100 %), got ${Number(total.toFixed(9))}; give each municipality's share of the outcome payments so that they add up to 1.`,
        ),
      );
    }
  }
  const names = listed.map((municipality) => String(municipality.name));
  const cohorts: readonly Cohort[] = Array.isArray(scenario.cohorts) ? scenario.cohorts : [];
  cohorts.forEach((cohort, index) => {
    const named = cohort.municipality;
    const field = `cohorts[${index}].municipality`;
    if (listed.length === 0) {
      if (typeof named === "string") {
        issues.push(
          issue(
            "InvalidInput",
            field,
            "known",
            `${field}: "${named}" is not a listed municipality; the scenario lists none (add it to municipalities, or leave the cohort's municipality out).`,
          ),
        );
      }
    } else if (typeof named !== "string" || !names.some((name) => sameName(named, name))) {
      issues.push(
        issue(
          "InvalidInput",
          field,
          "known",
          `${field}: ${typeof named === "string" ? `"${named}" is not a listed municipality` : "missing"}; name one of ${names.join(", ")}.`,
        ),
      );
    }
  });
  return issues;
}

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;
}

function rangeIssue(field: string, what: string, value: unknown): Issue {
  return issue(
    "InvalidInput",
    field,
    "range",
    `${field} must be ${what}, got ${JSON.stringify(value) ?? String(value)}.`,
  );
}

/**
 * The scenario without the empty municipality fields a scenario file's template adds (`municipalities: []`,
 * `cohorts[].municipality: null`), so a file that does not use them gives exactly the built-in scenario.
 * @example withoutEmptyMunicipalities({ ...pilot, municipalities: [] }) // deep-equals pilot
 */
export function withoutEmptyMunicipalities(scenario: Scenario): Scenario {
  const { municipalities, ...rest } = scenario;
  const cohorts = scenario.cohorts.map((cohort) => {
    if (cohort.municipality !== null && cohort.municipality !== undefined) return cohort;
    return { participants: cohort.participants, intakeMonth: cohort.intakeMonth };
  });
  return municipalities === undefined || municipalities.length === 0
    ? { ...rest, cohorts }
    : { ...rest, municipalities, cohorts };
}

/** Input names (ignoring case) that choose a municipality in a name/value range of the custom functions. */
export const MUNICIPALITY_INPUT_NAMES: readonly string[] = ["municipality", "kommune"];

/**
 * The scenario with one municipality's built-in kommuneskat for its parameter year (the input `municipality` of the
 * custom functions, e.g. "Herning"). An explicit `municipalTaxRate` input applied afterwards still wins. A name with no
 * built-in rate for the year is an error naming the input and what to give instead.
 * @example withMunicipality(pilot, "Herning").value.tax.municipalTaxRate // 0.249 (2023)
 */
export function withMunicipality(scenario: Scenario, name: string): Result<Scenario> {
  const rate = builtInTaxRate(name, scenario.parameterYear);
  if (rate === null) {
    return fail(
      "InvalidInput",
      "municipality",
      "known",
      `municipality: ${name.trim() === "" ? "no name given" : `${name.trim()} has no built-in municipal tax rate for ${scenario.parameterYear}`} (built in: ${Object.keys(MUNICIPAL_TAX_RATES).join(", ")} for 2023–2026); give the input municipalTaxRate instead, e.g. 0.251 for 25.1 %.`,
    );
  }
  return ok({ ...scenario, tax: { ...scenario.tax, municipalTaxRate: rate.value } });
}

/** Most municipalities one workbook models (each has its own block of cohort months on the Calculation sheet). */
export const MAX_WORKBOOK_MUNICIPALITIES = 12;

/**
 * Null when the workbook can model the scenario's municipalities (none, or at most MAX_WORKBOOK_MUNICIPALITIES), else
 * the issue saying how many it models and what to do instead.
 * @example workbookMunicipalitiesIssue(herningViborg) // null
 */
export function workbookMunicipalitiesIssue(scenario: Scenario): Issue | null {
  const listed = listedMunicipalities(scenario);
  if (listed.length <= MAX_WORKBOOK_MUNICIPALITIES) return null;
  return issue(
    "InvalidInput",
    "municipalities",
    "maxItems",
    `municipalities: the workbook models at most ${MAX_WORKBOOK_MUNICIPALITIES} municipalities, this scenario lists ${listed.length}; use npm run case for their results, or merge municipalities with the same tax rate and weeks on benefit.`,
  );
}
