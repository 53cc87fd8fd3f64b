import { ACCOUNTS } from "../engine/businessCase";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { absolute, cell } from "./address";
import { whenNumbers, writeStatusEcho, type CheckSpec } from "./blocks/checks";
import type { Table } from "./blocks/table";
import { writeCohortMonthBlock, type CohortMonthKey } from "./calculation/cohortMonthBlock";
import { writeProgrammeMonthBlock, type ProgrammeMonthKey } from "./calculation/programmeMonthBlock";
import { writeStateBlock } from "./calculation/stateBlock";
import { add, call, concat, le, name } from "./formula";
import type { InputsLayout } from "./inputsSheet";
import { SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type SheetPlan } from "./types";

export { BREAK_EVEN_TOLERANCE } from "./calculation/programmeMonthBlock";

/** Where other sheets find the Calculation sheet's monthly block. */
export interface CalculationLayout {
  readonly sheet: string;
  /** Rows of the per-programme-month block (its capacity: at least the last intake + the horizon). */
  readonly calendarMonths: number;
}

const CAPACITY_ROW = 2;
const STATE_HEADER_ROW = 5;
const MONTH_HEADER_ROW = STATE_HEADER_ROW + OUTCOME_STATES.length + 5;
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
} {
  if (!(Number.isInteger(capacityMonths) && capacityMonths >= scenario.horizonMonths)) {
    throw new Error(`capacity ${capacityMonths} months must be a whole number of at least the horizon`);
  }
  const sheet = new SheetBuilder(SHEET_NAMES.calculation[language], language);
  sheet.label(0, 1, { da: "Beregning (alle celler er formler)", en: "Calculation (every cell is a formula)" }, true);
  writeStateBlock(sheet, STATE_HEADER_ROW, inputs);
  const cohortMonths = writeCohortMonthBlock(sheet, MONTH_HEADER_ROW, capacityMonths);
  const lastIntake = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth));
  const calendarMonths = lastIntake + capacityMonths;
  const position = { left: CALENDAR_COLUMN, headerRow: MONTH_HEADER_ROW, rows: calendarMonths };
  const programmeMonths = writeProgrammeMonthBlock(sheet, position, cohortMonths);
  writeCapacity(sheet, cohortMonths, programmeMonths);
  writeStatusEcho(sheet, 3, CAPACITY_ROW);
  const widths = Array.from({ length: programmeMonths.column(`negative:socioEconomic`) + 1 }, (_, i) =>
    i === 0 ? 34 : 14,
  );
  return {
    plan: sheet.build(widths),
    names: sheet.names,
    layout: { sheet: sheet.sheetName, calendarMonths },
    charts: [cumulativeChart(sheet, programmeMonths)],
    checks: capacityChecks(sheet),
  };
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
    anchor: cell(months.column("negative:socioEconomic") + 2, months.headerRow),
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
