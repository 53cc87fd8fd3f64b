import {
  resolveMunicipalities,
  workbookMunicipalitiesIssue,
  type ResolvedMunicipality,
} from "../../engine/municipalities";
import { RULES, SHARE_SUM_TOLERANCE } from "../../engine/rules";
import type { Scenario } from "../../engine/scenario";
import { cell } from "../address";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import { rangeRuleCheck, ruleValidation } from "../blocks/inputRules";
import { add, call, concat, eq, le, mul, name, num, sub, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";

/** Fields of a municipality's row on the Inputs sheet, in column order. */
export const MUNICIPALITY_FIELDS = ["Name", "TaxRate", "Weeks", "PaymentShare"] as const;
export type MunicipalityField = (typeof MUNICIPALITY_FIELDS)[number];

/**
 * Defined name of one municipality's input cell, n 1-based in the order listed.
 * @example municipalityCellName(2, "TaxRate") // "SIB_Muni2_TaxRate"
 */
export function municipalityCellName(n: number, field: MunicipalityField): string {
  return `SIB_Muni${n}_${field}`;
}

/** Column names of the municipality table and of the cohorts' municipality (read back by src/plan/readBack.ts). */
export const MUNICIPALITY_COLUMN_NAMES = {
  Name: "SIB_MunicipalityNames",
  TaxRate: "SIB_MunicipalityTaxRates",
  Weeks: "SIB_MunicipalityWeeks",
  PaymentShare: "SIB_MunicipalityPaymentShares",
  cohorts: "SIB_CohortMunicipalities",
} as const;

/**
 * Participants of municipality n in each cohort, as an array for SUMPRODUCT: SIB_CohortParticipants × (the cohort's
 * municipality = municipality n's name; Excel compares text without regard to case, as the engine).
 */
export function municipalityParticipants(n: number): Expr {
  return mul(
    name("SIB_CohortParticipants"),
    eq(name(MUNICIPALITY_COLUMN_NAMES.cohorts), name(municipalityCellName(n, "Name"))),
  );
}

/**
 * The note beside a single input that several municipalities replace (issue 10): the kommuneskat is each
 * municipality's own, and the weeks on benefit too except in the Sensitivity sheet's horizon × persistence grid. null
 * when the input counts as it is (one municipality, or another input). The Inputs sheet then writes the value as a
 * plain cell (not yellow, no validation), so it does not look like an input that changes the business case.
 * @example unusedWithMunicipalities(herningViborg, "municipalTaxRate")?.en // "Not used with several municipalities: …"
 */
export function unusedWithMunicipalities(scenario: Scenario, key: string): Bilingual | null {
  if ((scenario.municipalities?.length ?? 0) === 0) return null;
  if (key === "municipalTaxRate") {
    return {
      da: "Bruges ikke med flere kommuner: hver kommune har sin egen kommuneskat (tabellen Kommuner ovenfor).",
      en: "Not used with several municipalities: each has its own municipal tax (the Municipalities table above).",
    };
  }
  if (key === "weeksOnBenefitAtIntake") {
    return {
      da: "Bruges pr. kommune (tabellen Kommuner ovenfor); kun følsomhedsarkets tabel over horisont × vedvarenhed bruger dette tal.",
      en: "Used per municipality (the Municipalities table above); only the Sensitivity sheet's horizon × persistence grid uses this figure.",
    };
  }
  return null;
}

/** Column of the cohorts' municipality in the cohort table (after label, participants, intake month, source). */
export const COHORT_MUNICIPALITY_COLUMN = 4;

const LABELS: Readonly<Record<MunicipalityField, Bilingual>> = {
  Name: { da: "Kommune", en: "Municipality" },
  TaxRate: { da: "Kommuneskat", en: "Municipal income tax" },
  Weeks: { da: "Uger på ydelse ved start", en: "Weeks on benefit at intake" },
  PaymentShare: { da: "Andel af udbetalingerne", en: "Share of the outcome payments" },
};

/**
 * The municipalities of a case with several (issue 10) on the Inputs sheet: each cohort's municipality (a text column
 * beside the cohort table, SIB_CohortMunicipalities) and a table with one row per municipality: name, kommuneskat,
 * weeks on benefit at intake and share of the municipal outcome payments, each cell named SIB_Muni<n>_<Field> and the
 * columns SIB_Municipality{Names,TaxRates,Weeks,PaymentShares}. Values are the engine's resolved ones (a built-in rate
 * or the scenario's weeks written out, with the source beside it). Checks: the engine's range rules, shares summing to
 * 1, and every cohort naming exactly one listed municipality. Returns the row below and the checks; nothing is written
 * when the scenario lists no municipalities.
 * @example writeMunicipalityInputs(sheet, herningViborg, { first: 7, last: 8 }, 10).count // 2
 */
export function writeMunicipalityInputs(
  sheet: SheetBuilder,
  scenario: Scenario,
  cohortRows: { readonly first: number; readonly last: number },
  top: number,
): { bottom: number; checks: CheckSpec[]; count: number } {
  const municipalities = resolveMunicipalities(scenario);
  if (municipalities.length === 0) return { bottom: top, checks: [], count: 0 };
  const tooMany = workbookMunicipalitiesIssue(scenario);
  if (tooMany !== null) throw new Error(tooMany.message);
  writeCohortMunicipalities(sheet, scenario, cohortRows);
  const header = top + 1;
  sheet.label(
    0,
    top,
    { da: "Kommuner (hver kohorte hører til én)", en: "Municipalities (each cohort belongs to one)" },
    true,
  );
  MUNICIPALITY_FIELDS.forEach((field, index) => sheet.label(index, header, LABELS[field], true));
  sheet.label(MUNICIPALITY_FIELDS.length, header, { da: "Kilde", en: "Source" }, true);
  municipalities.forEach((municipality, index) =>
    writeRow(sheet, scenario, municipality, index + 1, header + 1 + index),
  );
  const first = header + 1;
  const last = header + municipalities.length;
  MUNICIPALITY_FIELDS.forEach((field, column) =>
    sheet.nameColumn(MUNICIPALITY_COLUMN_NAMES[field], column, first, last, "input", {
      da: `${LABELS[field].da}, alle kommuner`,
      en: `${LABELS[field].en}, every municipality`,
    }),
  );
  const checks: CheckSpec[] = [
    rangeRuleCheck(
      "MunicipalityTaxRates",
      RULES.rate,
      LABELS.TaxRate,
      name(MUNICIPALITY_COLUMN_NAMES.TaxRate),
      sheet.language,
    ),
    rangeRuleCheck(
      "MunicipalityWeeks",
      RULES.weeks,
      LABELS.Weeks,
      name(MUNICIPALITY_COLUMN_NAMES.Weeks),
      sheet.language,
    ),
    rangeRuleCheck(
      "MunicipalityPaymentShares",
      RULES.share,
      LABELS.PaymentShare,
      name(MUNICIPALITY_COLUMN_NAMES.PaymentShare),
      sheet.language,
    ),
    shareSumCheck(sheet),
    cohortsMatchCheck(sheet, municipalities.length),
  ];
  return { bottom: last + 1, checks, count: municipalities.length };
}

function writeCohortMunicipalities(
  sheet: SheetBuilder,
  scenario: Scenario,
  cohortRows: { readonly first: number; readonly last: number },
): void {
  sheet.label(COHORT_MUNICIPALITY_COLUMN, cohortRows.first - 1, LABELS.Name, true);
  scenario.cohorts.forEach((cohort, index) => {
    sheet.value(COHORT_MUNICIPALITY_COLUMN, cohortRows.first + index, "input", cohort.municipality ?? "", FORMATS.text);
  });
  sheet.nameColumn(
    MUNICIPALITY_COLUMN_NAMES.cohorts,
    COHORT_MUNICIPALITY_COLUMN,
    cohortRows.first,
    cohortRows.last,
    "input",
    {
      da: "Kohortens kommune (et navn fra tabellen Kommuner)",
      en: "The cohort's municipality (a name from the Municipalities table)",
    },
  );
}

function writeRow(
  sheet: SheetBuilder,
  scenario: Scenario,
  municipality: ResolvedMunicipality,
  n: number,
  row: number,
): void {
  sheet.value(0, row, "input", municipality.name, FORMATS.text);
  const numeric: {
    field: MunicipalityField;
    value: number;
    format: NumberFormat;
    rule: (typeof RULES)[keyof typeof RULES];
  }[] = [
    { field: "TaxRate", value: municipality.taxRate, format: FORMATS.percentPrecise, rule: RULES.rate },
    { field: "Weeks", value: municipality.weeksOnBenefitAtIntake, format: FORMATS.integer, rule: RULES.weeks },
    { field: "PaymentShare", value: municipality.paymentShare, format: FORMATS.percent, rule: RULES.share },
  ];
  numeric.forEach((spec, offset) => {
    const column = 1 + offset;
    const label = {
      da: `${LABELS[spec.field].da}: ${municipality.name}`,
      en: `${LABELS[spec.field].en}: ${municipality.name}`,
    };
    sheet.input(
      column,
      row,
      spec.value,
      spec.format,
      ruleValidation(spec.rule, label, cell(column, row), sheet.language),
    );
  });
  MUNICIPALITY_FIELDS.forEach((field, column) =>
    sheet.nameCell(municipalityCellName(n, field), column, row, "input", {
      da: `${LABELS[field].da}, kommune ${n}`,
      en: `${LABELS[field].en}, municipality ${n}`,
    }),
  );
  sheet.label(MUNICIPALITY_FIELDS.length, row, sourceText(sheet, scenario, municipality, n));
}

/** Where the row's values come from: the tax rate's source (file or built in, with its mark), the weeks'. */
function sourceText(sheet: SheetBuilder, scenario: Scenario, municipality: ResolvedMunicipality, n: number): string {
  const listed = scenario.municipalities?.[n - 1];
  const rate = municipality.taxRateSource;
  const url = rate === "scenario" ? "" : (/https?:\/\/\S+/.exec(rate.source)?.[0] ?? "");
  const rateText: Bilingual =
    rate === "scenario"
      ? { da: "Kommuneskat: scenariefilen", en: "Municipal tax: the scenario file" }
      : rate.evidence === "S"
        ? {
            da: `Kommuneskat ${scenario.parameterYear}: offentlig kilde, ${url} [V]`,
            en: `Municipal tax ${scenario.parameterYear}: ${rate.source} [V]`,
          }
        : {
            da: `Kommuneskat ${scenario.parameterYear}: antagelse, seneste offentliggjorte sats videreført (ingen senere ændring fundet), ${url} [A]`,
            en: `Municipal tax ${scenario.parameterYear}: ${rate.source} [A]`,
          };
  const weeksText: Bilingual =
    listed?.weeksOnBenefitAtIntake === null || listed?.weeksOnBenefitAtIntake === undefined
      ? { da: "uger: som scenariets uger på ydelse ved start", en: "weeks: the scenario's weeks on benefit at intake" }
      : { da: "uger og andel: scenariefilen", en: "weeks and share: the scenario file" };
  return `${sheet.text(rateText)}; ${sheet.text(weeksText)}`;
}

/** The engine's rule "sum": the payment shares sum to 1 (within the share-sum tolerance). */
function shareSumCheck(sheet: SheetBuilder): CheckSpec {
  const shares = name(MUNICIPALITY_COLUMN_NAMES.PaymentShare);
  const label: Bilingual = {
    da: "Kommunernes andele af udbetalingerne summer til 100 %",
    en: "The municipalities' shares of the payments sum to 100 %",
  };
  return {
    id: "MunicipalityPaymentShareSum",
    label,
    ok: whenNumbers([shares], le(call("ABS", sub(call("SUM", shares), num(1))), num(SHARE_SUM_TOLERANCE))),
    message: concat(
      sheet.text({
        da: "Kommunernes andele af udbetalingerne skal summe til 100 %; nu ",
        en: "The municipalities' shares of the payments must sum to 100 %; now ",
      }),
      call("ROUND", mul(num(100), call("SUM", shares)), num(4)),
      " %",
    ),
  };
}

/**
 * Every cohort names exactly one listed municipality: the participants matched over the municipalities equal all
 * participants (a cohort naming none, or names listed twice, breaks the equality).
 */
function cohortsMatchCheck(sheet: SheetBuilder, count: number): CheckSpec {
  const matched = Array.from({ length: count }, (_, index) => call("SUMPRODUCT", municipalityParticipants(index + 1)));
  const total = matched.slice(1).reduce<Expr>((sum, part) => add(sum, part), matched[0] ?? num(0));
  const participants = call("SUM", name("SIB_CohortParticipants"));
  return {
    id: "CohortMunicipalities",
    label: {
      da: "Hver kohorte hører til én kommune i tabellen Kommuner",
      en: "Every cohort belongs to one municipality of the Municipalities table",
    },
    ok: whenNumbers([name("SIB_CohortParticipants")], eq(total, participants)),
    message: concat(
      sheet.text({
        da: "Kohorternes kommuner skal være navne fra tabellen Kommuner (hver én gang); deltagere med en kendt kommune: ",
        en: "The cohorts' municipalities must be names from the Municipalities table (each once); participants with a known municipality: ",
      }),
      total,
      sheet.text({ da: " af ", en: " of " }),
      participants,
    ),
  };
}
