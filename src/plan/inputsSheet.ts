import { inputProvenance, type Provenance } from "../engine/provenance";
import { RULES, SCALAR_RULES, SHARE_SUM_TOLERANCE, type NumericRule } from "../engine/rules";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { absolute, cell, columnRange } from "./address";
import { whenNumbers, writeStatusEcho, type CheckSpec } from "./blocks/checks";
import { rangeRuleCheck, ruleValidation, scalarRuleCheck } from "./blocks/inputRules";
import { call, concat, eq, le, mul, name, num, ref, sub, text } from "./formula";
import { unusedWithMunicipalities, writeMunicipalityInputs } from "./inputs/municipalityInputs";
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
const share: Bilingual = { da: "andel", en: "share" };
const ratePerYear: Bilingual = { da: "pr. år", en: "per year" };
const rateOfIncome: Bilingual = { da: "sats af indkomsten", en: "rate of income" };
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
      heading: { da: "Skat (satser og årlige beløb)", en: "Tax (rates and annual amounts)" },
      inputs: [
        {
          name: "SIB_LabourMarketContributionRate",
          key: "labourMarketContributionRate",
          label: { da: "AM-bidrag", en: "Labour-market contribution" },
          unit: rateOfIncome,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.labourMarketContributionRate,
        },
        {
          name: "SIB_MunicipalTaxRate",
          key: "municipalTaxRate",
          label: { da: "Kommuneskat", en: "Municipal income tax" },
          unit: rateOfIncome,
          format: FORMATS.percentPrecise,
          value: (s) => s.tax.municipalTaxRate,
        },
        {
          name: "SIB_BottomTaxRate",
          key: "bottomTaxRate",
          label: { da: "Bundskat", en: "Bottom tax" },
          unit: rateOfIncome,
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
          unit: rateOfIncome,
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
          unit: rateOfIncome,
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
          format: FORMATS.percent,
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

/** Per-state input columns of the outcome-state table: defined name, INPUT_FIELDS prefix, label, format, rule. */
export const STATE_INPUT_COLUMNS = [
  {
    name: "SIB_ParticipantShares",
    prefix: "participantShare",
    label: { da: "Andel deltagere", en: "Participant share" },
    format: FORMATS.percent,
    rule: RULES.share,
  },
  {
    name: "SIB_ComparisonShares",
    prefix: "comparisonShare",
    label: { da: "Andel kontrolgruppe", en: "Comparison share" },
    format: FORMATS.percent,
    rule: RULES.share,
  },
  {
    name: "SIB_Wages",
    prefix: "wage",
    label: { da: "Bruttoløn, kr/md.", en: "Gross wage, kr/month" },
    format: FORMATS.kr,
    rule: RULES.amount,
  },
  {
    name: "SIB_Benefits",
    prefix: "benefit",
    label: { da: "Ydelse, kr/md.", en: "Benefit, kr/month" },
    format: FORMATS.kr,
    rule: RULES.amount,
  },
  {
    name: "SIB_BenefitPaidByMunicipality",
    prefix: "benefitPayer",
    label: { da: "Kommunen betaler ydelsen (1/0)", en: "Paid by the municipality (1/0)" },
    format: FORMATS.integer,
    rule: RULES.flag,
  },
  {
    name: "SIB_HealthCosts",
    prefix: "healthCost",
    label: { da: "Sundhedsudgift, kr/md.", en: "Health cost, kr/month" },
    format: FORMATS.kr,
    rule: RULES.amount,
  },
  {
    name: "SIB_NeutraliseStates",
    prefix: "neutralise",
    label: { da: "Neutraliseret (1/0)", en: "Neutralised (1/0)" },
    format: FORMATS.integer,
    rule: RULES.flag,
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
    case "neutralise":
      return scenario.neutraliseStates.includes(state) ? 1 : 0;
  }
}

/** Where the Calculation sheet finds the inputs that have no defined name of their own (cells in tables). */
export interface InputsLayout {
  readonly sheet: string;
  /** Absolute addresses of each cohort's participants and intake month. */
  readonly cohorts: readonly { readonly participants: string; readonly intakeMonth: string }[];
  /** Absolute address of each state's cell per state column name (e.g. SIB_Wages → JOB → "$D$30"). */
  readonly stateCells: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Absolute address of each refusion step's share, in step order. */
  readonly refusionShares: readonly string[];
  /** Municipalities listed (0 = one combined municipality; src/plan/inputs/municipalityInputs.ts). */
  readonly municipalities: number;
}

const COLUMN = { label: 0, value: 1, unit: 2, source: 3 } as const;
const PRICE_BASIS_ROW = 3;

/**
 * The price basis of every amount, as the Inputs and Results sheets state it: fixed prices of the parameter year, and
 * a real discount rate (Finansministeriet's 3.5 %, Vejledning i samfundsøkonomiske konsekvensvurderinger, 2023).
 * @example priceBasis(2023).en // "Price basis: amounts in kr at fixed 2023 prices (the parameter year) …"
 */
export function priceBasis(parameterYear: number): Bilingual {
  return {
    da: `Prisgrundlag: beløb i kr i faste ${parameterYear}-priser (parameteråret), uden pristalsregulering; diskonteringsrenten er real (Finansministeriet: 3,5 % om året).`,
    en: `Price basis: amounts in kr at fixed ${parameterYear} prices (the parameter year), not indexed; the discount rate is real (Finansministeriet: 3.5 % a year).`,
  };
}
const SOURCE: Bilingual = { da: "Kilde", en: "Source" };

/** What the blocks of the Inputs sheet share: the builder, the scenario, the source text and the checks so far. */
interface InputsContext {
  readonly sheet: SheetBuilder;
  readonly scenario: Scenario;
  readonly source: (key: string) => string;
  readonly checks: CheckSpec[];
}

/**
 * The Inputs sheet: every assumption as a named input cell with its unit, source (value, year and evidence mark) and
 * Excel data validation; tables for cohorts, the refusion staircase and the eight outcome states. Its checks (the
 * engine's validation rules, src/engine/rules.ts) are returned for the Checks block on the Results sheet.
 */
export function inputsSheet(
  scenario: Scenario,
  language: Language,
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: InputsLayout; checks: CheckSpec[] } {
  const sheet = new SheetBuilder(SHEET_NAMES.inputs[language], language);
  const source = (key: string): string => {
    const provenance: Provenance = inputProvenance(scenario, key);
    return provenance.evidence === "user"
      ? sheet.text(provenance)
      : `${sheet.text(provenance)} [${provenance.evidence}]`;
  };
  const context: InputsContext = { sheet, scenario, source, checks: [] };
  sheet.label(0, 1, { da: `Input: ${scenario.name}`, en: `Inputs: ${scenario.name}` }, true);
  sheet.label(0, 2, {
    da: `Gule celler kan ændres; alt andet er formler. Kildemærker: V = offentlig kilde, S = sekundær kilde, A = antagelse/kalibrering.`,
    en: `Yellow cells may be changed; everything else is formulas. Source marks: V = public source, S = secondary source, A = assumption/calibration.`,
  });
  sheet.label(0, PRICE_BASIS_ROW, priceBasis(scenario.parameterYear));
  writeStatusEcho(sheet, 0, 4);
  const cohorts = writeCohorts(context, 5);
  const firstCohort = cohorts.bottom - scenario.cohorts.length;
  const cohortRows = { first: firstCohort, last: cohorts.bottom - 1 };
  const municipalities = writeMunicipalityInputs(sheet, scenario, cohortRows, cohorts.bottom + 1);
  context.checks.push(...municipalities.checks);
  let row = municipalities.count === 0 ? cohorts.bottom : municipalities.bottom;
  for (const group of SCALAR_INPUT_GROUPS) row = writeScalarGroup(context, row + 1, group);
  const refusion = writeRefusion(context, row + 1);
  const stateCells = writeStates(context, refusion.bottom + 1);
  return {
    plan: sheet.build([46, 16, 16, 16, 18, 16, 16, 16, 60]),
    names: sheet.names,
    layout: {
      sheet: sheet.sheetName,
      cohorts: cohorts.cells,
      stateCells,
      refusionShares: refusion.shares,
      municipalities: municipalities.count,
    },
    checks: context.checks,
  };
}

/** A validated input cell (yellow) holding `value`, with its rule's data validation. */
function ruleInput(
  context: InputsContext,
  column: number,
  row: number,
  value: number,
  format: NumberFormat,
  rule: NumericRule,
  label: Bilingual,
): void {
  const validation = ruleValidation(rule, label, cell(column, row), context.sheet.language);
  context.sheet.input(column, row, value, format, validation);
}

/** A named column of input cells and its check. */
function nameInputColumn(
  context: InputsContext,
  spec: { name: string; column: number; firstRow: number; lastRow: number; label: Bilingual; rule: NumericRule },
): void {
  const { sheet } = context;
  sheet.nameColumn(spec.name, spec.column, spec.firstRow, spec.lastRow, "input", spec.label);
  context.checks.push(
    rangeRuleCheck(spec.name.replace(/^SIB_/, ""), spec.rule, spec.label, name(spec.name), sheet.language),
  );
}

/** The cohort table (participants and intake month per cohort). Returns its cells and the row below it. */
function writeCohorts(context: InputsContext, top: number): { bottom: number; cells: InputsLayout["cohorts"] } {
  const { sheet, scenario } = context;
  sheet.label(0, top, { da: "Kohorter", en: "Cohorts" }, true);
  const header = top + 1;
  sheet.label(COLUMN.label, header, { da: "Kohorte", en: "Cohort" }, true);
  sheet.label(COLUMN.value, header, { da: "Deltagere", en: "Participants" }, true);
  sheet.label(COLUMN.unit, header, { da: "Startmåned", en: "Intake month" }, true);
  sheet.label(COLUMN.source, header, SOURCE, true);
  const participants: Bilingual = { da: "Deltagere pr. kohorte", en: "Participants per cohort" };
  const intake: Bilingual = { da: "Startmåned pr. kohorte", en: "Intake month per cohort" };
  const cells = scenario.cohorts.map((cohort, index) => {
    const row = header + 1 + index;
    sheet.label(COLUMN.label, row, { da: `Kohorte ${index + 1}`, en: `Cohort ${index + 1}` });
    ruleInput(context, COLUMN.value, row, cohort.participants, FORMATS.integer, RULES.people, participants);
    ruleInput(context, COLUMN.unit, row, cohort.intakeMonth, FORMATS.integer, RULES.intakeMonth, intake);
    sheet.label(COLUMN.source, row, context.source("participants"));
    return { participants: absolute(COLUMN.value, row), intakeMonth: absolute(COLUMN.unit, row) };
  });
  const last = header + scenario.cohorts.length;
  nameInputColumn(context, {
    name: "SIB_CohortParticipants",
    column: COLUMN.value,
    firstRow: header + 1,
    lastRow: last,
    label: participants,
    rule: RULES.people,
  });
  nameInputColumn(context, {
    name: "SIB_CohortIntakeMonths",
    column: COLUMN.unit,
    firstRow: header + 1,
    lastRow: last,
    label: intake,
    rule: RULES.intakeMonth,
  });
  return { bottom: last + 1, cells };
}

/** One group of scalar inputs under its heading; each input named, validated and checked. Returns the row below. */
function writeScalarGroup(context: InputsContext, top: number, group: (typeof SCALAR_INPUT_GROUPS)[number]): number {
  const { sheet, scenario } = context;
  sheet.label(0, top, group.heading, true);
  group.inputs.forEach((input, index) => {
    const row = top + 1 + index;
    const rule = SCALAR_RULES[input.key];
    if (rule === undefined) throw new Error(`no rule for input ${input.key}`);
    sheet.label(COLUMN.label, row, input.label);
    // With several municipalities the kommuneskat and weeks are per municipality: a plain cell with a note says so.
    const unused = unusedWithMunicipalities(scenario, input.key);
    if (unused === null) ruleInput(context, COLUMN.value, row, input.value(scenario), input.format, rule, input.label);
    else sheet.value(COLUMN.value, row, "label", input.value(scenario), input.format);
    sheet.label(COLUMN.unit, row, input.unit);
    sheet.label(COLUMN.source, row, unused ?? context.source(input.key));
    sheet.nameCell(input.name, COLUMN.value, row, unused === null ? "input" : "label", input.label);
    context.checks.push(
      scalarRuleCheck(input.name.replace(/^SIB_/, ""), rule, input.label, name(input.name), sheet.language),
    );
  });
  return top + group.inputs.length + 1;
}

/** The refusion staircase: first week and state share per step, checked (start at week 1, weeks increasing). */
function writeRefusion(context: InputsContext, top: number): { bottom: number; shares: string[] } {
  const { sheet, scenario } = context;
  sheet.label(
    0,
    top,
    {
      da: "Refusionstrappe (statens refusion af kommunale ydelser)",
      en: "Refusion staircase (state reimbursement of municipal benefits)",
    },
    true,
  );
  const header = top + 1;
  sheet.label(COLUMN.label, header, { da: "Trin", en: "Step" }, true);
  sheet.label(COLUMN.value, header, { da: "Fra uge", en: "From week" }, true);
  sheet.label(COLUMN.unit, header, { da: "Refusion (andel)", en: "Refusion (share)" }, true);
  sheet.label(COLUMN.source, header, SOURCE, true);
  const week: Bilingual = { da: "Refusionstrin, fra uge", en: "Refusion step, from week" };
  const share: Bilingual = { da: "Refusionsandel", en: "Refusion share" };
  const shares = scenario.refusionSteps.map((step, index) => {
    const row = header + 1 + index;
    sheet.label(COLUMN.label, row, { da: `Trin ${index + 1}`, en: `Step ${index + 1}` });
    ruleInput(context, COLUMN.value, row, step.fromWeek, FORMATS.integer, RULES.refusionWeek, week);
    ruleInput(context, COLUMN.unit, row, step.share, FORMATS.percent, RULES.share, share);
    sheet.label(COLUMN.source, row, context.source(`refusion.week${step.fromWeek}`));
    return absolute(COLUMN.unit, row);
  });
  const last = header + scenario.refusionSteps.length;
  nameInputColumn(context, {
    name: "SIB_RefusionFromWeek",
    column: COLUMN.value,
    firstRow: header + 1,
    lastRow: last,
    label: week,
    rule: RULES.refusionWeek,
  });
  nameInputColumn(context, {
    name: "SIB_RefusionShare",
    column: COLUMN.unit,
    firstRow: header + 1,
    lastRow: last,
    label: share,
    rule: RULES.share,
  });
  context.checks.push(...refusionOrderChecks(sheet.sheetName, sheet.language, header + 1, last));
  return { bottom: last + 1, shares };
}

/** The staircase starts at week 1 and its weeks increase (the engine's "start" and "increasing" rules). */
function refusionOrderChecks(sheetName: string, language: Language, firstRow: number, lastRow: number): CheckSpec[] {
  const weeks = name("SIB_RefusionFromWeek");
  const label: Bilingual = { da: "Refusionstrappen starter i uge 1", en: "The refusion staircase starts at week 1" };
  const start: CheckSpec = {
    id: "RefusionStart",
    label,
    ok: whenNumbers([weeks], eq(call("INDEX", weeks, num(1)), num(1))),
    message: text(label[language]),
  };
  if (lastRow === firstRow) return [start];
  const earlier = ref(columnRange(COLUMN.value, firstRow, lastRow - 1), sheetName);
  const later = ref(columnRange(COLUMN.value, firstRow + 1, lastRow), sheetName);
  const increasing: Bilingual = { da: "Refusionstrinenes uger stiger", en: "The refusion steps' weeks increase" };
  return [
    start,
    {
      id: "RefusionIncreasing",
      label: increasing,
      ok: whenNumbers([weeks], eq(call("SUMPRODUCT", mul(le(later, earlier), num(1))), num(0))),
      message: text(
        language === "da"
          ? "Refusionstrinenes uger skal stige fra trin til trin"
          : "The refusion steps' weeks must increase from step to step",
      ),
    },
  ];
}

/** The eight outcome states: shares per group and the economics per state; shares checked to sum to 1. */
function writeStates(context: InputsContext, top: number): InputsLayout["stateCells"] {
  const { sheet, scenario } = context;
  sheet.label(
    0,
    top,
    {
      da: "Udfaldstilstande ved målemåneden (andele summer til 100 % pr. gruppe)",
      en: "Outcome states at the measurement month (shares sum to 100 % per group)",
    },
    true,
  );
  const header = top + 1;
  sheet.label(0, header, { da: "Tilstand", en: "State" }, true);
  STATE_INPUT_COLUMNS.forEach((column, index) => sheet.label(1 + index, header, column.label, true));
  sheet.label(1 + STATE_INPUT_COLUMNS.length, header, SOURCE, true);
  const stateCells: Record<string, Record<string, string>> = {};
  OUTCOME_STATES.forEach((state, index) => {
    const row = header + 1 + index;
    sheet.label(0, row, STATE_LABELS[state]);
    STATE_INPUT_COLUMNS.forEach((column, offset) => {
      const label = {
        da: `${column.label.da}: ${STATE_LABELS[state].da}`,
        en: `${column.label.en}: ${STATE_LABELS[state].en}`,
      };
      ruleInput(
        context,
        1 + offset,
        row,
        stateValue(scenario, column.prefix, state),
        column.format,
        column.rule,
        label,
      );
      (stateCells[column.name] ??= {})[state] = absolute(1 + offset, row);
    });
    sheet.label(1 + STATE_INPUT_COLUMNS.length, row, stateSources(context, state));
  });
  const last = header + OUTCOME_STATES.length;
  STATE_INPUT_COLUMNS.forEach((column, offset) =>
    nameInputColumn(context, {
      name: column.name,
      column: 1 + offset,
      firstRow: header + 1,
      lastRow: last,
      label: column.label,
      rule: column.rule,
    }),
  );
  writeShareSums(context, header + 1, last);
  sheet.label(0, last + 2, NEUTRALISE_NOTE);
  writeAttributionReference(context, last + 3);
  return stateCells;
}

/** What a 1 in the neutralise column does (the engine's rule, src/engine/neutralise.ts). */
const NEUTRALISE_NOTE: Bilingual = {
  da: "Neutraliseret = 1: forskellen i tilstanden tælles ikke som effekt af indsatsen (fx udrejste eller førtidspension valgt ved visitationen). Deltagerne får kontrolgruppens andel, og de øvrige deltagerandele skaleres med (1 − Σ kontrolandele)/(1 − Σ deltagerandele) i de neutraliserede tilstande, så de summer til 100 %.",
  en: "Neutralised = 1: the difference in the state is not counted as an effect of the effort (e.g. moving abroad, or disability pension selected at referral). The participants get the comparison group's share, and the other participant shares are scaled by (1 − Σ comparison shares)/(1 − Σ participant shares) over the neutralised states, so they sum to 100 %.",
};

/** The state codes a reference cell may hold, as the engine spells them. */
export const STATE_CODES_TEXT = OUTCOME_STATES.join(", ");

/**
 * The reference state of the attribution table (a state code, default TEMP): a text input with data validation that
 * accepts exactly the eight codes, named SIB_AttributionReference and checked.
 */
function writeAttributionReference(context: InputsContext, row: number): void {
  const { sheet, scenario } = context;
  const label: Bilingual = {
    da: "Referencetilstand for fordelingen af besparelsen (kode)",
    en: "Reference state of the attribution of the saving (code)",
  };
  const address = cell(COLUMN.value, row);
  const isCode = (value: ReturnType<typeof ref>) =>
    call("OR", ...OUTCOME_STATES.map((state) => eq(value, text(state))));
  sheet.label(COLUMN.label, row, label);
  sheet.value(COLUMN.value, row, "input", scenario.attributionReference, FORMATS.text, {
    rule: { kind: "custom", formula: isCode(ref(address)) },
    title: sheet.text({ da: "Tilladte værdier", en: "Allowed values" }),
    prompt: `${sheet.text(label)}: ${STATE_CODES_TEXT}.`,
    error: sheet.text({
      da: `Værdien er ikke tilladt: referencetilstanden skal være en af ${STATE_CODES_TEXT}.`,
      en: `This value is not allowed: the reference state must be one of ${STATE_CODES_TEXT}.`,
    }),
  });
  sheet.label(COLUMN.unit, row, { da: "kode", en: "code" });
  sheet.label(
    COLUMN.source,
    row,
    sheet.text({
      da: "Standard TEMP (den midlertidige ydelse, målgruppen kommer fra): hver tilstands række i Resultater viser værdien af, at Δ personer er i tilstanden i stedet for i referencetilstanden.",
      en: "Default TEMP (the temporary benefit the target group comes from): each state's row on Results shows the value of Δ people being in that state instead of the reference state.",
    }),
  );
  sheet.nameCell(ATTRIBUTION_REFERENCE_NAME, COLUMN.value, row, "input", label);
  const reference = name(ATTRIBUTION_REFERENCE_NAME);
  context.checks.push({
    id: "AttributionReference",
    label,
    ok: call("ISNUMBER", call("MATCH", reference, name(STATE_CODES_NAME), num(0))),
    message: concat(
      sheet.text({
        da: `Referencetilstanden skal være en af ${STATE_CODES_TEXT}; nu: `,
        en: `The reference state must be one of ${STATE_CODES_TEXT}; now: `,
      }),
      call("IFERROR", reference, text("?")),
    ),
  });
}

/** Defined name of the reference-state input cell. */
export const ATTRIBUTION_REFERENCE_NAME = "SIB_AttributionReference";
/** Defined name of the state codes on the Calculation sheet (JOB … ABROAD, in the order of every state table). */
export const STATE_CODES_NAME = "SIB_StateCodes";

/** Which source each of a state's values rests on ("Løn: …; Ydelse: …; Andele: …"), each source named once. */
function stateSources(context: InputsContext, state: (typeof OUTCOME_STATES)[number]): string {
  const parts: [string, Bilingual][] = [
    ["wage", { da: "Løn", en: "Wage" }],
    ["benefit", { da: "Ydelse", en: "Benefit" }],
    ["participantShare", { da: "Andele", en: "Shares" }],
  ];
  const seen = new Set<string>();
  return parts
    .filter(([prefix]) => inputProvenance(context.scenario, `${prefix}.${state}`).evidence !== "user")
    .flatMap(([prefix, label]) => {
      const source = context.source(`${prefix}.${state}`);
      if (seen.has(source)) return [];
      seen.add(source);
      return [`${context.sheet.text(label)}: ${source}`];
    })
    .join("; ");
}

/** The sum of each group's shares below the table, and the engine's "sum to 1" check for each group. */
function writeShareSums(context: InputsContext, firstRow: number, lastRow: number): void {
  const { sheet } = context;
  const row = lastRow + 1;
  sheet.label(0, row, { da: "Sum af andele (skal være 100 %)", en: "Sum of shares (must be 100 %)" });
  [0, 1].forEach((offset) => {
    const column = STATE_INPUT_COLUMNS[offset];
    if (column === undefined) return;
    sheet.formula(
      1 + offset,
      row,
      call("SUM", ref(columnRange(1 + offset, firstRow, lastRow))),
      "calculation",
      FORMATS.percent,
    );
    const range = name(column.name);
    const label = { da: `${column.label.da} summer til 100 %`, en: `${column.label.en}s sum to 100 %` };
    const sumText = concat(call("ROUND", mul(num(100), call("SUM", range)), num(4)), " %");
    context.checks.push({
      id: `${column.name.replace(/^SIB_/, "")}Sum`,
      label,
      ok: whenNumbers([range], le(call("ABS", sub(call("SUM", range), num(1))), num(SHARE_SUM_TOLERANCE))),
      message: concat(
        sheet.text({
          da: `${column.label.da} skal summe til 100 %; nu `,
          en: `${column.label.en}s must sum to 100 %; now `,
        }),
        sumText,
      ),
    });
  });
}
