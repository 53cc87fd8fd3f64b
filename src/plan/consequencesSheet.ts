import { CONSEQUENCE_AREAS, type Consequence } from "../engine/consequences/model";
import { PRICE_INDEX_ID } from "../engine/consequences/price";
import { parameterValue } from "../engine/parameters/lookup";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { cell } from "./address";
import { whenNumbers, writeStatusEcho, type CheckSpec } from "./blocks/checks";
import type { CalculationLayout } from "./calculationSheet";
import { and, bool, call, eq, gt, ifThen, name, not, num, ref, text } from "./formula";
import { priceBasis } from "./inputsSheet";
import { AREA_CODES, areaLabel, CONSEQUENCES_SHEET } from "./consequences/codes";
import { INPUT_COLUMNS, type InputKey } from "./consequences/inputColumns";
import { rowProblem } from "./consequences/rowChecks";
import {
  INDEX_VALUES_NAME,
  INDEX_YEARS_NAME,
  PARAMETER_YEAR_NAME,
  valueColumns,
  type ValueKey,
  type ValueRow,
} from "./consequences/valueColumns";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type Language, type SheetPlan } from "./types";

const HEADER_ROW = 8;
const OK_NAME = "SIB_Cons_Ok";
const PROBLEM_NAME = "SIB_Cons_Problem";

/** Where the Consequences sheet is. */
export interface ConsequencesLayout {
  readonly sheet: string;
  readonly rows: number;
}

/**
 * The Consequences sheet (issue 15, the broad case): one row per consequence of the scenario as named inputs (id,
 * name, area, unit, unit price, price year, own index factor, payer, refusion, evidence mark, source, the change in
 * use per person-year in each outcome state, duration and decay; SIB_Cons_<Field>), then live formulas as the engine
 * (src/engine/consequences/): the price in the parameter year's prices, Σ Δ·change, the saving per participant-year
 * by payer, the row's weight and its present value per account. The Calculation sheet adds the rows' monthly flows
 * to its cohort-month block, and the Results sheet shows them by area. Below: the wage index the prices are moved
 * with and the area table. Only written when the scenario has consequence rows.
 * @example consequencesSheet(broadPilot, "da", calculation.layout).plan.name // "Konsekvenser"
 */
export function consequencesSheet(
  scenario: Scenario,
  language: Language,
  calculation: CalculationLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: ConsequencesLayout; checks: CheckSpec[] } {
  const rows = scenario.consequences ?? [];
  if (rows.length === 0) throw new Error("the Consequences sheet needs at least one consequence row");
  const sheet = new SheetBuilder(CONSEQUENCES_SHEET[language], language);
  writeHeading(sheet, scenario.parameterYear);
  const lastRow = writeRows(sheet, rows, calculation);
  const indexTop = lastRow + 3;
  const areaTop = writeIndexTable(sheet, indexTop, scenario.parameterYear) + 2;
  writeAreaTable(sheet, areaTop);
  const widths = Array.from({ length: INPUT_COLUMNS.length + 24 }, (_, i) => (i === 1 || i === 10 ? 40 : 14));
  return {
    plan: sheet.build(widths),
    names: sheet.names,
    layout: { sheet: sheet.sheetName, rows: rows.length },
    checks: consequenceChecks(sheet),
  };
}

function writeHeading(sheet: SheetBuilder, parameterYear: number): void {
  sheet.label(
    0,
    1,
    { da: "Konsekvenser (den brede business case)", en: "Consequences (the broad business case)" },
    true,
  );
  sheet.label(0, 2, {
    da: "Én række pr. konsekvens: ændringen i forbrug pr. personår i hver udfaldstilstand i forhold til TEMP (−2 = 2 enheder færre om året), gange prisen, går til betaleren. Gule celler er input; tomme priser er ikke fundet — angiv dit eget tal. Ydelser, skat og løn er beskæftigelseskontoen og kan ikke være en række.",
    en: "One row per consequence: the change in use per person-year in each outcome state relative to TEMP (−2 = 2 units fewer a year), times the price, goes to the payer. Yellow cells are inputs; empty prices were not found — supply your own. Benefits, taxes and wages are the employment account and cannot be a row.",
  });
  sheet.label(0, 3, priceBasis(parameterYear));
  writeStatusEcho(sheet, 3, 4);
  sheet.label(0, 5, { da: "Parameterår (prisgrundlag)", en: "Parameter year (price basis)" });
  sheet.value(1, 5, "label", parameterYear, FORMATS.integer);
  sheet.nameCell(PARAMETER_YEAR_NAME, 1, 5, "label", {
    da: "Parameteråret, hvis faste priser konsekvensernes enhedspriser flyttes til",
    en: "The parameter year whose fixed prices the consequences' unit prices are moved to",
  });
}

function writeRows(sheet: SheetBuilder, rows: readonly Consequence[], calculation: CalculationLayout): number {
  const values = valueColumns({ sheet: calculation.sheet, firstRow: calculation.states.firstRow });
  const keys: (InputKey | ValueKey | "ok" | "problem")[] = [
    ...INPUT_COLUMNS.map((column) => column.key),
    ...values.map((column) => column.key),
    "ok",
    "problem",
  ];
  const column = (key: InputKey | ValueKey | "ok" | "problem"): number => {
    const position = keys.indexOf(key);
    if (position < 0) throw new Error(`no consequence column ${key}`);
    return position;
  };
  INPUT_COLUMNS.forEach((spec) => sheet.label(column(spec.key), HEADER_ROW, spec.header, true));
  values.forEach((spec) => sheet.label(column(spec.key), HEADER_ROW, spec.header, true));
  sheet.label(column("ok"), HEADER_ROW, { da: "I orden (1/0)", en: "Fine (1/0)" }, true);
  sheet.label(column("problem"), HEADER_ROW, { da: "Første brudte regel", en: "First broken rule" }, true);
  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + rows.length;
  const firstChange = column(`change:${OUTCOME_STATES[0] ?? "JOB"}`);
  rows.forEach((consequence, index) => {
    const row = firstRow + index;
    const scope: ValueRow = {
      at: (key) => ref(cell(column(key), row)),
      changes: ref(`${cell(firstChange, row)}:${cell(firstChange + OUTCOME_STATES.length - 1, row)}`),
      language: sheet.language,
    };
    for (const spec of INPUT_COLUMNS) {
      const address = cell(column(spec.key), row);
      sheet.value(
        column(spec.key),
        row,
        "input",
        spec.value(consequence, sheet.language),
        spec.format,
        spec.validation?.(address, sheet.language),
      );
    }
    for (const spec of values) sheet.formula(column(spec.key), row, spec.formula(scope), "calculation", spec.format);
    const problem = ref(cell(column("problem"), row));
    sheet.formula(column("problem"), row, rowProblem(scope, index), "calculation", FORMATS.text);
    sheet.formula(
      column("ok"),
      row,
      ifThen(call("IFERROR", eq(problem, text("")), bool(false)), num(1), num(0)),
      "calculation",
      FORMATS.integer,
    );
  });
  for (const spec of [...INPUT_COLUMNS, ...values]) {
    sheet.nameColumn(
      spec.name,
      column(spec.key),
      firstRow,
      lastRow,
      isInput(spec.key) ? "input" : "calculation",
      spec.header,
    );
  }
  sheet.nameColumn(OK_NAME, column("ok"), firstRow, lastRow, "calculation", {
    da: "1 når rækken overholder reglerne",
    en: "1 when the row keeps the rules",
  });
  sheet.nameColumn(PROBLEM_NAME, column("problem"), firstRow, lastRow, "calculation", {
    da: "Rækkens første brudte regel",
    en: "The row's first broken rule",
  });
  return lastRow;
}

const isInput = (key: InputKey | ValueKey): boolean => INPUT_COLUMNS.some((spec) => spec.key === key);

/** The built-in wage index (lønindeks, 2023 = 1) a unit price of another year is moved with, as the engine. */
function writeIndexTable(sheet: SheetBuilder, top: number, parameterYear: number): number {
  sheet.label(
    0,
    top,
    { da: "Lønindeks (personskattelovens § 20), 2023 = 1", en: "Wage index (Personal Tax Act § 20), 2023 = 1" },
    true,
  );
  sheet.label(0, top + 1, { da: "År", en: "Year" }, true);
  sheet.label(1, top + 1, { da: "Indeks", en: "Index" }, true);
  const years: number[] = [];
  for (let year = 2000; year <= Math.max(2100, parameterYear); year++) {
    if (parameterValue(PRICE_INDEX_ID, year).ok) years.push(year);
  }
  years.forEach((year, index) => {
    const found = parameterValue(PRICE_INDEX_ID, year);
    if (!found.ok) return;
    sheet.value(0, top + 2 + index, "label", year, FORMATS.integer);
    sheet.value(1, top + 2 + index, "label", found.value.value, FORMATS.share);
  });
  const last = top + 1 + years.length;
  sheet.label(2, top + 2, {
    da: "Kilde: Skatteministeriet, personskattelovens § 20 (lønindeks); at flytte priser på offentlige ydelser med et lønindeks er en antagelse [A].",
    en: "Source: Skatteministeriet, Personal Tax Act § 20 (wage index); moving prices of public services with a wage index is an assumption [A].",
  });
  sheet.nameColumn(INDEX_YEARS_NAME, 0, top + 2, last, "label", {
    da: "Lønindeksets år",
    en: "The wage index's years",
  });
  sheet.nameColumn(INDEX_VALUES_NAME, 1, top + 2, last, "label", {
    da: "Lønindekset, 2023 = 1",
    en: "The wage index, 2023 = 1",
  });
  return last;
}

/** The areas: the code a row's area cell holds and what it covers. */
function writeAreaTable(sheet: SheetBuilder, top: number): void {
  sheet.label(0, top, { da: "Områder", en: "Areas" }, true);
  sheet.label(0, top + 1, { da: "Kode", en: "Code" }, true);
  sheet.label(1, top + 1, { da: "Område", en: "Area" }, true);
  CONSEQUENCE_AREAS.forEach((area, index) => {
    sheet.label(0, top + 2 + index, AREA_CODES[area]);
    sheet.label(1, top + 2 + index, areaLabel(area));
  });
}

/** The check of every row (the first row that breaks a rule, named) and the health overlap with states.*.healthCost. */
function consequenceChecks(sheet: SheetBuilder): CheckSpec[] {
  const flags = name(OK_NAME);
  const healthRows = gt(call("COUNTIF", name("SIB_Cons_Area"), text(AREA_CODES.health[sheet.language])), num(0));
  const noHealthCost = eq(call("SUMPRODUCT", call("ABS", name("SIB_HealthCosts"))), num(0));
  return [
    {
      id: "Consequences",
      label: { da: "Konsekvensrækkerne overholder reglerne", en: "The consequence rows keep the rules" },
      ok: eq(call("SUM", flags), call("ROWS", flags)),
      message: call("IFERROR", call("INDEX", name(PROBLEM_NAME), call("MATCH", num(0), flags, num(0))), text("")),
    },
    {
      id: "ConsequencesHealth",
      label: { da: "Sundhed tælles kun én gang", en: "Health care counted once" },
      ok: whenNumbers([name("SIB_HealthCosts")], not(and(healthRows, not(noHealthCost)))),
      message: text(
        sheet.text({
          da: "En konsekvensrække i sundhedsområdet og en sundhedsudgift pr. tilstand tæller begge sundhed; sæt sundhedsudgifterne til 0 eller fjern sundhedsrækkerne (regel noDoubleCounting)",
          en: "A health consequence row and a health cost per state both count health care; set the health costs to 0 or remove the health rows (rule noDoubleCounting)",
        }),
      ),
    },
  ];
}
