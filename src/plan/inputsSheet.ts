import { inputProvenance, type Provenance } from "../engine/provenance";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { absolute, columnRange } from "./address";
import { call, ref } from "./formula";
import { SHEET_NAMES } from "./labels";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type Language, type NumberFormat, type SheetPlan } from "./types";

/** One scalar input cell: its defined name, the scenario field it holds (INPUT_FIELDS key), label, unit, format. */
export interface ScalarInput {
  readonly name: string;
  readonly key: string;
  readonly label: Bilingual;
  readonly unit: Bilingual;
  readonly format: NumberFormat;
  /** The cell's value for a scenario (a number; choices are coded as numbers, e.g. 1 = upfront). */
  readonly value: (scenario: Scenario) => number;
}

const months: Bilingual = { da: "måneder", en: "months" };
const kr: Bilingual = { da: "kr", en: "kr" };
const krYear: Bilingual = { da: "kr/år", en: "kr/year" };
const share: Bilingual = { da: "andel (0-1)", en: "share (0-1)" };
const ratePerYear: Bilingual = { da: "pr. år", en: "per year" };
const factor: Bilingual = { da: "faktor", en: "factor" };

/** Scalar inputs in sheet order, grouped by heading. */
export const SCALAR_INPUT_GROUPS: readonly { readonly heading: Bilingual; readonly inputs: readonly ScalarInput[] }[] =
  [
    {
      heading: { da: "Indsats, effekt og tid", en: "Effort, effect and time" },
      inputs: [
        {
          name: "SIB_InterventionMonths",
          key: "interventionMonths",
          label: { da: "Indsatsens længde (D)", en: "Length of the effort (D)" },
          unit: months,
          format: FORMATS.integer,
          value: (s) => s.interventionMonths,
        },
        {
          name: "SIB_MeasurementMonth",
          key: "measurementMonth",
          label: { da: "Målemåned (M)", en: "Measurement month (M)" },
          unit: months,
          format: FORMATS.integer,
          value: (s) => s.measurementMonth,
        },
        {
          name: "SIB_Persistence",
          key: "persistence",
          label: {
            da: "Effektens vedvarenhed pr. måned efter M (ρ)",
            en: "Monthly persistence of the effect after M (ρ)",
          },
          unit: factor,
          format: FORMATS.factor,
          value: (s) => s.persistence,
        },
        {
          name: "SIB_HorizonMonths",
          key: "horizonMonths",
          label: { da: "Tidshorisont pr. deltager (T)", en: "Horizon per participant (T)" },
          unit: months,
          format: FORMATS.integer,
          value: (s) => s.horizonMonths,
        },
        {
          name: "SIB_CostPerParticipant",
          key: "costPerParticipant",
          label: { da: "Omkostning pr. deltager (K)", en: "Cost per participant (K)" },
          unit: kr,
          format: FORMATS.kr,
          value: (s) => s.costPerParticipant,
        },
        {
          name: "SIB_CostUpfront",
          key: "costTiming",
          label: {
            da: "Omkostning betales forud (1 = ja, 0 = fordelt over D)",
            en: "Cost paid up front (1 = yes, 0 = spread over D)",
          },
          unit: { da: "1/0", en: "1/0" },
          format: FORMATS.integer,
          value: (s) => (s.costTiming === "upfront" ? 1 : 0),
        },
        {
          name: "SIB_WeeksOnBenefitAtIntake",
          key: "weeksOnBenefitAtIntake",
          label: { da: "Uger på ydelse ved start", en: "Weeks on benefit at intake" },
          unit: { da: "uger", en: "weeks" },
          format: FORMATS.integer,
          value: (s) => s.weeksOnBenefitAtIntake,
        },
      ],
    },
    {
      heading: { da: "Skat (årlige satser og beløb)", en: "Tax (annual rates and amounts)" },
      inputs: [
        {
          name: "SIB_LabourMarketContributionRate",
          key: "labourMarketContributionRate",
          label: { da: "AM-bidrag", en: "Labour-market contribution" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.labourMarketContributionRate,
        },
        {
          name: "SIB_MunicipalTaxRate",
          key: "municipalTaxRate",
          label: { da: "Kommuneskat", en: "Municipal income tax" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.municipalTaxRate,
        },
        {
          name: "SIB_BottomTaxRate",
          key: "bottomTaxRate",
          label: { da: "Bundskat", en: "Bottom tax" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.bottomTaxRate,
        },
        {
          name: "SIB_PersonalAllowance",
          key: "personalAllowance",
          label: { da: "Personfradrag", en: "Personal allowance" },
          unit: krYear,
          format: FORMATS.kr,
          value: (s) => s.tax.personalAllowance,
        },
        {
          name: "SIB_EmploymentAllowanceRate",
          key: "employmentAllowanceRate",
          label: { da: "Beskæftigelsesfradrag, sats", en: "Employment allowance, rate" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.employmentAllowanceRate,
        },
        {
          name: "SIB_EmploymentAllowanceMax",
          key: "employmentAllowanceMax",
          label: { da: "Beskæftigelsesfradrag, maksimum", en: "Employment allowance, maximum" },
          unit: krYear,
          format: FORMATS.kr,
          value: (s) => s.tax.employmentAllowanceMax,
        },
        {
          name: "SIB_JobAllowanceRate",
          key: "jobAllowanceRate",
          label: { da: "Jobfradrag, sats", en: "Job allowance, rate" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.jobAllowanceRate,
        },
        {
          name: "SIB_JobAllowanceFloor",
          key: "jobAllowanceFloor",
          label: { da: "Jobfradrag, indkomstgrænse", en: "Job allowance, wage floor" },
          unit: krYear,
          format: FORMATS.kr,
          value: (s) => s.tax.jobAllowanceFloor,
        },
        {
          name: "SIB_JobAllowanceMax",
          key: "jobAllowanceMax",
          label: { da: "Jobfradrag, maksimum", en: "Job allowance, maximum" },
          unit: krYear,
          format: FORMATS.kr,
          value: (s) => s.tax.jobAllowanceMax,
        },
        {
          name: "SIB_EqualisationShare",
          key: "equalisationShare",
          label: { da: "Udligningsandel af kommuneskat (U)", en: "Equalisation share of municipal tax (U)" },
          unit: share,
          format: FORMATS.share,
          value: (s) => s.equalisationShare,
        },
      ],
    },
    {
      heading: { da: "Diskontering og samfundsøkonomi", en: "Discounting and socio-economics" },
      inputs: [
        {
          name: "SIB_DiscountRate",
          key: "discountRate",
          label: { da: "Diskonteringsrente", en: "Discount rate" },
          unit: ratePerYear,
          format: FORMATS.percentPrecise,
          value: (s) => s.discountRate,
        },
        {
          name: "SIB_NetTaxFactor",
          key: "netTaxFactor",
          label: { da: "Nettoafgiftsfaktor (NAF)", en: "Net indirect-tax factor (NAF)" },
          unit: factor,
          format: FORMATS.factor,
          value: (s) => s.socioEconomic.netTaxFactor,
        },
        {
          name: "SIB_DistortionFactor",
          key: "distortionFactor",
          label: { da: "Skatteforvridningsfaktor (φ)", en: "Tax distortion factor (φ)" },
          unit: factor,
          format: FORMATS.factor,
          value: (s) => s.socioEconomic.distortionFactor,
        },
        {
          name: "SIB_EmployerCostFactor",
          key: "employerCostFactor",
          label: { da: "Arbejdsgiveromkostningsfaktor (λ)", en: "Employer-cost factor (λ)" },
          unit: factor,
          format: FORMATS.factor,
          value: (s) => s.socioEconomic.employerCostFactor,
        },
      ],
    },
  ];

/** Per-state input columns of the outcome-state table: defined name, INPUT_FIELDS prefix, label, format. */
export const STATE_INPUT_COLUMNS = [
  {
    name: "SIB_ParticipantShares",
    prefix: "participantShare",
    label: { da: "Andel deltagere", en: "Participant share" },
    format: FORMATS.share,
  },
  {
    name: "SIB_ComparisonShares",
    prefix: "comparisonShare",
    label: { da: "Andel kontrolgruppe", en: "Comparison share" },
    format: FORMATS.share,
  },
  {
    name: "SIB_Wages",
    prefix: "wage",
    label: { da: "Bruttoløn, kr/md.", en: "Gross wage, kr/month" },
    format: FORMATS.kr,
  },
  {
    name: "SIB_Benefits",
    prefix: "benefit",
    label: { da: "Ydelse, kr/md.", en: "Benefit, kr/month" },
    format: FORMATS.kr,
  },
  {
    name: "SIB_BenefitPaidByMunicipality",
    prefix: "benefitPayer",
    label: { da: "Kommunen betaler ydelsen (1/0)", en: "Paid by the municipality (1/0)" },
    format: FORMATS.integer,
  },
  {
    name: "SIB_HealthCosts",
    prefix: "healthCost",
    label: { da: "Sundhedsudgift, kr/md.", en: "Health cost, kr/month" },
    format: FORMATS.kr,
  },
] as const;

function stateValue(
  scenario: Scenario,
  prefix: (typeof STATE_INPUT_COLUMNS)[number]["prefix"],
  state: (typeof OUTCOME_STATES)[number],
): number {
  switch (prefix) {
    case "participantShare":
      return scenario.participantShares[state];
    case "comparisonShare":
      return scenario.comparisonShares[state];
    case "wage":
      return scenario.states[state].wage;
    case "benefit":
      return scenario.states[state].benefit;
    case "benefitPayer":
      return scenario.states[state].benefitPayer === "municipality" ? 1 : 0;
    case "healthCost":
      return scenario.states[state].healthCost;
  }
}

/** Where the Calculation sheet finds the inputs that have no defined name of their own (cells in tables). */
export interface InputsLayout {
  readonly sheet: string;
  /** Absolute addresses of each cohort's participants and intake month. */
  readonly cohorts: readonly { readonly participants: string; readonly intakeMonth: string }[];
  /** Absolute address of each state's cell per state column name (e.g. SIB_Wages → JOB → "$D$30"). */
  readonly stateCells: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const COLUMN = { label: 0, value: 1, unit: 2, source: 3 } as const;

/**
 * The Inputs sheet: every assumption as a named input cell with its unit and source (value, year and evidence mark);
 * tables for cohorts, the refusion staircase and the eight outcome states.
 */
export function inputsSheet(
  scenario: Scenario,
  language: Language,
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: InputsLayout } {
  const sheet = new SheetBuilder(SHEET_NAMES.inputs[language], language);
  const source = (provenance: Provenance): string =>
    provenance.evidence === "user" ? sheet.text(provenance) : `${sheet.text(provenance)} [${provenance.evidence}]`;
  sheet.label(0, 1, { da: `Input: ${scenario.name}`, en: `Inputs: ${scenario.name}` }, true);
  sheet.label(0, 2, {
    da: `Input-celler kan ændres; alt andet er formler. Beløb i kr (parameterår ${scenario.parameterYear}). Kilde-mærker: V = offentlig kilde, S = sekundær kilde, A = antagelse/kalibrering.`,
    en: `Input cells may be changed; everything else is formulas. Amounts in kr (parameter year ${scenario.parameterYear}). Source marks: V = public source, S = secondary source, A = assumption/calibration.`,
  });

  let row = 4;
  sheet.label(0, row, { da: "Kohorter", en: "Cohorts" }, true);
  row++;
  sheet.label(COLUMN.label, row, { da: "Kohorte", en: "Cohort" }, true);
  sheet.label(COLUMN.value, row, { da: "Deltagere", en: "Participants" }, true);
  sheet.label(COLUMN.unit, row, { da: "Startmåned", en: "Intake month" }, true);
  sheet.label(COLUMN.source, row, { da: "Kilde", en: "Source" }, true);
  const firstCohortRow = row + 1;
  const cohorts = scenario.cohorts.map((cohort, index) => {
    row++;
    sheet.label(COLUMN.label, row, { da: `Kohorte ${index + 1}`, en: `Cohort ${index + 1}` });
    sheet.input(COLUMN.value, row, cohort.participants, FORMATS.integer);
    sheet.input(COLUMN.unit, row, cohort.intakeMonth, FORMATS.integer);
    sheet.label(COLUMN.source, row, source(inputProvenance(scenario, "participants")));
    return { participants: absolute(COLUMN.value, row), intakeMonth: absolute(COLUMN.unit, row) };
  });
  sheet.nameColumn(
    "SIB_CohortParticipants",
    COLUMN.value,
    firstCohortRow,
    row,
    "input",
    "Participants per cohort (people)",
  );
  sheet.nameColumn(
    "SIB_CohortIntakeMonths",
    COLUMN.unit,
    firstCohortRow,
    row,
    "input",
    "Intake month per cohort (programme months from 0)",
  );

  for (const group of SCALAR_INPUT_GROUPS) {
    row += 2;
    sheet.label(0, row, group.heading, true);
    for (const input of group.inputs) {
      row++;
      sheet.label(COLUMN.label, row, input.label);
      sheet.input(COLUMN.value, row, input.value(scenario), input.format);
      sheet.label(COLUMN.unit, row, input.unit);
      sheet.label(COLUMN.source, row, source(inputProvenance(scenario, input.key)));
      sheet.nameCell(input.name, COLUMN.value, row, "input", sheet.text(input.label));
    }
  }

  row += 2;
  sheet.label(
    0,
    row,
    {
      da: "Refusionstrappe (statens refusion af kommunale ydelser)",
      en: "Refusion staircase (state reimbursement of municipal benefits)",
    },
    true,
  );
  row++;
  sheet.label(COLUMN.label, row, { da: "Trin", en: "Step" }, true);
  sheet.label(COLUMN.value, row, { da: "Fra uge", en: "From week" }, true);
  sheet.label(COLUMN.unit, row, { da: "Refusion (andel)", en: "Refusion (share)" }, true);
  sheet.label(COLUMN.source, row, { da: "Kilde", en: "Source" }, true);
  const firstStepRow = row + 1;
  scenario.refusionSteps.forEach((step, index) => {
    row++;
    sheet.label(COLUMN.label, row, { da: `Trin ${index + 1}`, en: `Step ${index + 1}` });
    sheet.input(COLUMN.value, row, step.fromWeek, FORMATS.integer);
    sheet.input(COLUMN.unit, row, step.share, FORMATS.percent);
    sheet.label(COLUMN.source, row, source(inputProvenance(scenario, `refusion.week${step.fromWeek}`)));
  });
  sheet.nameColumn(
    "SIB_RefusionFromWeek",
    COLUMN.value,
    firstStepRow,
    row,
    "input",
    "First benefit week of each refusion step (sorted)",
  );
  sheet.nameColumn("SIB_RefusionShare", COLUMN.unit, firstStepRow, row, "input", "State refusion share of each step");

  row += 2;
  sheet.label(
    0,
    row,
    {
      da: "Udfaldstilstande ved målemåneden (andele summer til 1 pr. gruppe)",
      en: "Outcome states at the measurement month (shares sum to 1 per group)",
    },
    true,
  );
  row++;
  sheet.label(0, row, { da: "Tilstand", en: "State" }, true);
  STATE_INPUT_COLUMNS.forEach((column, index) => sheet.label(1 + index, row, column.label, true));
  sheet.label(1 + STATE_INPUT_COLUMNS.length, row, { da: "Kilde", en: "Source" }, true);
  const firstStateRow = row + 1;
  const stateCells: Record<string, Record<string, string>> = {};
  for (const state of OUTCOME_STATES) {
    row++;
    sheet.label(0, row, STATE_LABELS[state]);
    STATE_INPUT_COLUMNS.forEach((column, index) => {
      sheet.input(1 + index, row, stateValue(scenario, column.prefix, state), column.format);
      (stateCells[column.name] ??= {})[state] = absolute(1 + index, row);
    });
    const sources = ["wage", "benefit", "participantShare"].map((prefix) =>
      inputProvenance(scenario, `${prefix}.${state}`),
    );
    sheet.label(
      1 + STATE_INPUT_COLUMNS.length,
      row,
      sources
        .filter((p) => p.evidence !== "user")
        .map(source)
        .join("; "),
    );
  }
  STATE_INPUT_COLUMNS.forEach((column, index) =>
    sheet.nameColumn(column.name, 1 + index, firstStateRow, row, "input", sheet.text(column.label)),
  );
  row++;
  sheet.label(0, row, { da: "Sum af andele (skal være 1)", en: "Sum of shares (must be 1)" });
  for (const column of [1, 2]) {
    sheet.formula(
      column,
      row,
      call("SUM", ref(columnRange(column, firstStateRow, row - 1))),
      "calculation",
      FORMATS.share,
    );
  }
  return {
    plan: sheet.build([46, 16, 16, 16, 18, 16, 16, 60]),
    names: sheet.names,
    layout: { sheet: sheet.sheetName, cohorts, stateCells },
  };
}
