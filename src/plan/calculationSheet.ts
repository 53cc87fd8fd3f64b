import { ACCOUNTS } from "../engine/businessCase";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { absolute, cell } from "./address";
import { whenNumbers, writeStatusEcho, type CheckSpec } from "./blocks/checks";
import type { Table } from "./blocks/table";
import {
  COMBINED_GROUP,
  writeCohortMonthBlock,
  type CohortMonthKey,
  type ConsequenceHook,
} from "./calculation/cohortMonthBlock";
import { municipalityGroup, WEIGHTED_TAX_RATE_NAME, writeMunicipalityBlock } from "./calculation/municipalityBlock";
import { writeProgrammeMonthBlock, type CohortBlock, type ProgrammeMonthKey } from "./calculation/programmeMonthBlock";
import { SHARE_SUM_TOLERANCE } from "../engine/rules";
import { NEUTRALISE_SCALE_NAME, writeStateBlock, type StateBlockLayout } from "./calculation/stateBlock";
import { add, and, call, concat, div, ge, ifThen, le, name, not, num, or, sub, text, type Expr } from "./formula";
import type { InputsLayout } from "./inputsSheet";
import { SHEET_NAMES } from "./labels";
import { consequencesSheet } from "./consequencesSheet";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type NumberFormat, type SheetPlan } from "./types";

export { BREAK_EVEN_TOLERANCE } from "./calculation/programmeMonthBlock";

/** Where other sheets find the Calculation sheet's monthly block and its per-state block. */
export interface CalculationLayout {
  readonly sheet: string;
  /** Rows of the per-programme-month block (its capacity: at least the last intake + the horizon). */
  readonly calendarMonths: number;
  /** The per-state block (rows in OUTCOME_STATES order; columns in STATE_COLUMN). */
  readonly states: StateBlockLayout;
  /** Municipalities listed (0 = one combined municipality) and block 2's tables: one, or one per municipality. */
  readonly municipalities: number;
  readonly cohortBlocks: readonly CohortBlock[];
  /** True when the scenario has consequence rows (issue 15): block 2 adds their flows, Results shows them by area. */
  readonly consequences: boolean;
}

const CAPACITY_ROW = 2;
const STATE_HEADER_ROW = 5;
/** Block 1 (header, eight states, sums, reference) and the neutralisation and weights block below it. */
const WEIGHTS_TOP = STATE_HEADER_ROW + OUTCOME_STATES.length + 4;
const MONTH_HEADER_ROW = WEIGHTS_TOP + 9;
const CALENDAR_COLUMN = 13;

/**
 * The Calculation sheet, in three blocks (DOMAIN b2–b5), all native formulas over the named inputs: per outcome
 * state; per cohort month t; per programme month m. The month blocks have `capacityMonths` rows (≥ the horizon) and
 * the last intake + `capacityMonths` rows; the capacity is shown and named (SIB_CapacityMonths,
 * SIB_CapacityCalendarMonths) and checked against the inputs, so a horizon or intake beyond it shows a message in the
 * results instead of a wrong number.
 */
export function calculationSheet(
  scenario: Scenario,
  language: Language,
  inputs: InputsLayout,
  capacityMonths: number = scenario.horizonMonths,
): {
  plan: SheetPlan;
  names: SheetBuilder["names"];
  layout: CalculationLayout;
  charts: ChartPlan[];
  checks: CheckSpec[];
  /** The Consequences sheet (issue 15), placed before this sheet; none without consequence rows. */
  consequencesPlan: SheetPlan[];
} {
  if (!(Number.isInteger(capacityMonths) && capacityMonths >= scenario.horizonMonths)) {
    throw new Error(`capacity ${capacityMonths} months must be a whole number of at least the horizon`);
  }
  const sheet = new SheetBuilder(SHEET_NAMES.calculation[language], language);
  sheet.label(0, 1, { da: "Beregning (alle celler er formler)", en: "Calculation (every cell is a formula)" }, true);
  const several = inputs.municipalities;
  const states = writeStateBlock(sheet, STATE_HEADER_ROW, inputs, several > 0 ? WEIGHTED_TAX_RATE_NAME : undefined);
  if (states.bottom >= WEIGHTS_TOP) throw new Error("block 1 overlaps the weights block");
  const broad = (scenario.consequences?.length ?? 0) > 0;
  const blocks = cohortBlocks(sheet, several, capacityMonths, broad);
  const cohortMonths = (blocks[0] as CohortBlock).table;
  if (several > 0) {
    const bottom = writeMunicipalityBlock(sheet, { left: MUNICIPALITY_COLUMN, headerRow: STATE_HEADER_ROW }, blocks);
    if (bottom >= MONTH_HEADER_ROW - 1) throw new Error("the municipalities' table overlaps the month blocks");
  }
  const lastIntake = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth));
  const calendarMonths = lastIntake + capacityMonths;
  // With several municipalities block 2 has a weight column W(t) more, so block 3 starts one column further right.
  // The consequences' columns (three flows, and the weights in the first table) move block 3 right as well.
  const left = (several > 0 ? CALENDAR_COLUMN + 1 : CALENDAR_COLUMN) + (broad ? CONSEQUENCE_COLUMNS : 0);
  const position = { left, headerRow: MONTH_HEADER_ROW, rows: calendarMonths };
  const programmeMonths = writeProgrammeMonthBlock(sheet, position, blocks);
  writeCapacity(sheet, cohortMonths, programmeMonths);
  writeStatusEcho(sheet, 3, CAPACITY_ROW);
  writeNeutralisation(sheet, WEIGHTS_TOP);
  writeWeights(sheet, WEIGHTS_TOP + 4);
  const widths = Array.from({ length: programmeMonths.column("refusionWeight") + 1 }, (_, i) => (i === 0 ? 34 : 14));
  // Before build(): measuredChecks writes its named value on this sheet.
  const checks = [
    ...capacityChecks(sheet),
    neutraliseCheck(sheet),
    ...measuredChecks(sheet, scenario.measuredParticipants),
  ];
  const layout: CalculationLayout = {
    sheet: sheet.sheetName,
    calendarMonths,
    states,
    municipalities: several,
    cohortBlocks: blocks,
    consequences: broad,
  };
  // The broad case: the Consequences sheet's rows feed block 2 (their names), its checks go with this sheet's.
  const consequences = broad ? consequencesSheet(scenario, language, layout) : null;
  return {
    plan: sheet.build(widths),
    names: [...(consequences?.names ?? []), ...sheet.names],
    layout,
    charts: [cumulativeChart(sheet, programmeMonths)],
    checks: [...(consequences?.checks ?? []), ...checks],
    consequencesPlan: consequences === null ? [] : [consequences.plan],
  };
}

/** Column of the municipalities' table (right of the per-state block). */
const MUNICIPALITY_COLUMN = 20;
/** Block 2's columns for the consequences (src/plan/calculation/cohortMonthBlock.ts consequenceColumns). */
const CONSEQUENCE_COLUMNS = 4;

/**
 * Block 2: one table of cohort months for all cohorts, or with several municipalities one per municipality (its weeks
 * on benefit and kommuneskat), stacked with two rows between them, as the engine computes one set of flows per
 * municipality (src/engine/businessCase.ts).
 */
function cohortBlocks(sheet: SheetBuilder, several: number, capacityMonths: number, broad: boolean): CohortBlock[] {
  const hook = (index: number): ConsequenceHook => (!broad ? "none" : index === 0 ? "first" : "other");
  if (several === 0) {
    const table = writeCohortMonthBlock(sheet, MONTH_HEADER_ROW, capacityMonths, undefined, hook(0));
    return [{ table, group: COMBINED_GROUP }];
  }
  return Array.from({ length: several }, (_, index) => {
    const n = index + 1;
    const group = municipalityGroup(n);
    const headerRow = MONTH_HEADER_ROW + index * (capacityMonths + 3);
    return { table: writeCohortMonthBlock(sheet, headerRow, capacityMonths, { n, group }, hook(index)), group };
  });
}

const NEUTRALISED_PARTICIPANTS = "SIB_NeutralisedParticipantShare";
const NEUTRALISED_COMPARISON = "SIB_NeutralisedComparisonShare";
/** 1 − a sum of shares over the neutralised states: "zero" at or below the share-sum tolerance, as the engine. */
const rest = (sumName: string): Expr => sub(num(1), name(sumName));
const noRest = (sumName: string): Expr => le(rest(sumName), num(SHARE_SUM_TOLERANCE));

/**
 * The neutralisation (src/engine/neutralise.ts): the participant and comparison shares in the neutralised states and
 * the scale (1 − Σ_N c)/(1 − Σ_N p) of the other participant shares (0 where a rest is 0; the case the engine refuses
 * fails the check NeutraliseApplicable). With no state neutralised the scale is exactly 1.
 */
function writeNeutralisation(sheet: SheetBuilder, top: number): void {
  sheet.label(
    0,
    top,
    { da: "Neutralisering og vægte til fordelingen", en: "Neutralisation and attribution weights" },
    true,
  );
  const rows: { name: string; label: Bilingual; formula: Expr; format: NumberFormat }[] = [
    {
      name: NEUTRALISED_PARTICIPANTS,
      label: { da: "Deltagerandel i neutraliserede tilstande", en: "Participant share in neutralised states" },
      formula: call("SUMPRODUCT", name("SIB_NeutraliseStates"), name("SIB_ParticipantShares")),
      format: FORMATS.percent,
    },
    {
      name: NEUTRALISED_COMPARISON,
      label: { da: "Kontrolgruppens andel i neutraliserede tilstande", en: "Comparison share in neutralised states" },
      formula: call("SUMPRODUCT", name("SIB_NeutraliseStates"), name("SIB_ComparisonShares")),
      format: FORMATS.percent,
    },
    {
      name: NEUTRALISE_SCALE_NAME,
      label: {
        da: "Skala for de øvrige deltagerandele (1 − Σ kontrol)/(1 − Σ deltagere)",
        en: "Scale of the other participant shares (1 − Σ comparison)/(1 − Σ participants)",
      },
      formula: ifThen(
        or(noRest(NEUTRALISED_PARTICIPANTS), noRest(NEUTRALISED_COMPARISON)),
        num(0),
        div(rest(NEUTRALISED_COMPARISON), rest(NEUTRALISED_PARTICIPANTS)),
      ),
      format: FORMATS.share,
    },
  ];
  rows.forEach((spec, index) => {
    const row = top + 1 + index;
    sheet.label(0, row, spec.label);
    sheet.formula(1, row, spec.formula, "calculation", spec.format);
    sheet.nameCell(spec.name, 1, row, "calculation", spec.label);
  });
}

/** The engine's one refusal of a neutralisation: every participant in N while the comparison group is not. */
function neutraliseCheck(sheet: SheetBuilder): CheckSpec {
  const label: Bilingual = {
    da: "Neutraliseringen kan anvendes",
    en: "The neutralisation can be applied",
  };
  const shares = [name("SIB_NeutraliseStates"), name("SIB_ParticipantShares"), name("SIB_ComparisonShares")];
  return {
    id: "NeutraliseApplicable",
    label,
    ok: whenNumbers(shares, not(and(noRest(NEUTRALISED_PARTICIPANTS), not(noRest(NEUTRALISED_COMPARISON))))),
    message: text(
      sheet.text({
        da: "Neutraliseringen kan ikke anvendes: alle deltagere er i de neutraliserede tilstande, men kontrolgruppen er det ikke; neutraliser færre tilstande",
        en: "The neutralisation cannot be applied: every participant is in the neutralised states but the comparison group is not; neutralise fewer states",
      }),
    ),
  };
}

/**
 * The present values every cell of the attribution table is built from (all participants, discounted to the
 * programme start): Σ DF·n·g(t), Σ DF·n·g(t)·r(t) and the intervention cost Σ DF·cost.
 */
function writeWeights(sheet: SheetBuilder, top: number): void {
  const pv = (flows: string): Expr => call("SUMPRODUCT", name("SIB_DiscountFactors"), name(flows));
  const rows: { name: string; label: Bilingual; formula: Expr; format: NumberFormat }[] = [
    {
      name: "SIB_EffectWeightPV",
      label: {
        da: "Nutidsværdi af deltagere × g(t) (deltagermåneder)",
        en: "Present value of participants × g(t) (participant months)",
      },
      formula: pv("SIB_EffectWeightedParticipants"),
      format: FORMATS.krDecimals,
    },
    {
      name: "SIB_RefusionWeightPV",
      label: {
        da: "Nutidsværdi af deltagere × g(t) × r(t) (deltagermåneder)",
        en: "Present value of participants × g(t) × r(t) (participant months)",
      },
      formula: pv("SIB_RefusionWeightedParticipants"),
      format: FORMATS.krDecimals,
    },
    {
      name: "SIB_CostPV",
      label: {
        da: "Nutidsværdi af indsatsens omkostning, alle deltagere (kr)",
        en: "Present value of the intervention cost, all participants (kr)",
      },
      formula: pv("SIB_TotalCost"),
      format: FORMATS.kr,
    },
  ];
  rows.forEach((spec, index) => {
    const row = top + index;
    sheet.label(0, row, spec.label);
    sheet.formula(1, row, spec.formula, "calculation", spec.format);
    sheet.nameCell(spec.name, 1, row, "calculation", spec.label);
  });
}

/** The written capacity as formulas over the blocks' rows (so it cannot disagree with them), named. */
function writeCapacity(
  sheet: SheetBuilder,
  cohortMonths: Table<CohortMonthKey>,
  months: Table<ProgrammeMonthKey>,
): void {
  sheet.label(0, CAPACITY_ROW, {
    da: "Modellen er skrevet til (kohortemåneder)",
    en: "The model is written for (cohort months)",
  });
  sheet.formula(1, CAPACITY_ROW, call("ROWS", cohortMonths.range("t")), "calculation", FORMATS.integer);
  sheet.nameCell("SIB_CapacityMonths", 1, CAPACITY_ROW, "calculation", {
    da: "Kohortemåneder, modellen er skrevet til (den længste tidshorisont, den regner)",
    en: "Cohort months the model is written for (the longest horizon it computes)",
  });
  sheet.label(0, CAPACITY_ROW + 1, { da: "… og programmåneder", en: "… and programme months" });
  sheet.formula(1, CAPACITY_ROW + 1, call("ROWS", months.range("m")), "calculation", FORMATS.integer);
  sheet.nameCell("SIB_CapacityCalendarMonths", 1, CAPACITY_ROW + 1, "calculation", {
    da: "Programmåneder, modellen er skrevet til (seneste start plus den tidshorisont, den regner)",
    en: "Programme months the model is written for (the latest intake plus the horizon it computes)",
  });
}

/**
 * The engine's rule atMostParticipants (src/engine/validate.ts): the outcome was measured on `measured` participants (a
 * figure the workbook carries only here, for the effect's statistics), so the cohorts must hold at least that many.
 * No check when the scenario measured all participants (null).
 */
function measuredChecks(sheet: SheetBuilder, measured: number | null | undefined): CheckSpec[] {
  if (measured === null || measured === undefined) return [];
  // The figure is written once, as a named value beside the capacity (no typed number in a formula).
  sheet.label(3, CAPACITY_ROW + 1, { da: "Deltagere med målt udfald", en: "Participants with a measured outcome" });
  sheet.value(4, CAPACITY_ROW + 1, "label", measured, FORMATS.integer);
  sheet.nameCell("SIB_MeasuredParticipants", 4, CAPACITY_ROW + 1, "label", {
    da: "Deltagere, effekten er målt på (evalueringens tal; bruges til effektens statistik)",
    en: "Participants the effect was measured on (the evaluation's figure; used for the effect's statistics)",
  });
  const participants = call("SUM", name("SIB_CohortParticipants"));
  return [
    {
      id: "MeasuredParticipants",
      label: {
        da: "Deltagere i alt mindst antallet med målt udfald",
        en: "Participants at least those with a measured outcome",
      },
      ok: whenNumbers([name("SIB_CohortParticipants")], ge(participants, name("SIB_MeasuredParticipants"))),
      message: concat(
        sheet.text({
          da: "Effekten er målt på ",
          en: "The effect was measured on ",
        }),
        name("SIB_MeasuredParticipants"),
        sheet.text({ da: " deltagere, men kohorterne har ", en: " participants, but the cohorts hold " }),
        participants,
        sheet.text({
          da: "; skriv modellen igen fra guiden med færre målte deltagere",
          en: "; write the model again from the wizard with fewer measured participants",
        }),
      ),
    },
  ];
}

/**
 * The checks that the inputs fit the written capacity: the horizon within the cohort-month rows, and the latest intake
 * plus the horizon within the programme-month rows. Each message says the capacity and what the inputs ask for.
 */
function capacityChecks(sheet: SheetBuilder): CheckSpec[] {
  const horizon = name("SIB_HorizonMonths");
  const lastMonth = add(call("MAX", name("SIB_CohortIntakeMonths")), horizon);
  const rewrite = { da: "; skriv den igen fra guiden", en: "; write it again from the wizard" };
  return [
    {
      id: "HorizonCapacity",
      label: { da: "Tidshorisont inden for modellens kapacitet", en: "Horizon within the model's capacity" },
      ok: whenNumbers([horizon], le(horizon, name("SIB_CapacityMonths"))),
      message: concat(
        sheet.text({ da: "Modellen er skrevet til ", en: "The model was written for " }),
        name("SIB_CapacityMonths"),
        sheet.text({ da: " måneder", en: " months" }) + sheet.text(rewrite) + sheet.text({ da: " for ", en: " for " }),
        horizon,
        sheet.text({ da: " måneder", en: " months" }),
      ),
    },
    {
      id: "CalendarCapacity",
      label: {
        da: "Seneste start + tidshorisont inden for kapaciteten",
        en: "Latest intake + horizon within the capacity",
      },
      ok: whenNumbers([horizon, name("SIB_CohortIntakeMonths")], le(lastMonth, name("SIB_CapacityCalendarMonths"))),
      message: concat(
        sheet.text({ da: "Modellen er skrevet til ", en: "The model was written for " }),
        name("SIB_CapacityCalendarMonths"),
        sheet.text({
          da: " programmåneder; seneste start + tidshorisont er ",
          en: " programme months; the latest intake + horizon is ",
        }),
        lastMonth,
        sheet.text(rewrite),
      ),
    },
  ];
}

/** Line chart of the cumulative present value per budget holder over the programme months. */
function cumulativeChart(sheet: SheetBuilder, months: Table<ProgrammeMonthKey>): ChartPlan {
  const first = months.column(`cumulative:${ACCOUNTS[0] ?? "municipality"}`);
  const last = months.column("cumulative:socioEconomic");
  return {
    sheet: sheet.sheetName,
    anchor: cell(months.column("refusionWeight") + 2, months.headerRow),
    type: "line",
    title: sheet.text({
      da: "Akkumuleret nettoresultat (nutidsværdi) pr. aktør, kr",
      en: "Cumulative net position (present value) per budget holder, kr",
    }),
    dataSheet: sheet.sheetName,
    data: `${absolute(first, months.headerRow)}:${absolute(last, months.lastRow)}`,
    categories: months.rangeAddress("m"),
  };
}
