import { OUTCOME_STATES, STATE_LABELS } from "../../engine/states";
import { cell, columnRange } from "../address";
import { add, call, div, eq, ifThen, mul, name, num, ref, sub, type Expr } from "../formula";
import type { InputsLayout } from "../inputsSheet";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";

/** One column of the per-state block: header, format, and its formula for a state's row. */
interface StateColumn {
  readonly header: Bilingual;
  readonly format: NumberFormat;
  /** `at(c)` is this row's cell in column c, `input(name)` the state's input cell of that input column. */
  readonly formula: (at: (column: number) => Expr, input: (column: string) => Expr) => Expr;
  /** A defined name for Σ Δ·column over the states (effect-weighted monthly amount). */
  readonly weighted?: { readonly name: string; readonly description: Bilingual };
}

const kr = FORMATS.kr;
/** Annual amounts from monthly inputs: 12 months a year. */
const MONTHS_PER_YEAR = 12;
const yearly = (monthly: Expr): Expr => mul(num(MONTHS_PER_YEAR), monthly);
const monthly = (yearlyAmount: Expr): Expr => div(yearlyAmount, num(MONTHS_PER_YEAR));
const aboveAllowance = (income: Expr): Expr => call("MAX", num(0), sub(income, name("SIB_PersonalAllowance")));

/** Columns 1… of block 1 (column 0 is the state's label), in sheet order: DOMAIN b3 taxes and benefits per person. */
const STATE_COLUMNS: readonly StateColumn[] = [
  {
    header: { da: "Effekt Δ (andel)", en: "Effect Δ (share)" },
    format: FORMATS.percent,
    formula: (_, input) => sub(input("SIB_ParticipantShares"), input("SIB_ComparisonShares")),
  },
  { header: { da: "Løn, kr/år", en: "Wage, kr/year" }, format: kr, formula: (_, input) => yearly(input("SIB_Wages")) },
  {
    header: { da: "Ydelse, kr/år", en: "Benefit, kr/year" },
    format: kr,
    formula: (_, input) => yearly(input("SIB_Benefits")),
  },
  {
    header: { da: "AM-bidrag, kr/år", en: "Labour-market contribution, kr/year" },
    format: kr,
    formula: (at) => mul(name("SIB_LabourMarketContributionRate"), at(2)),
  },
  {
    header: { da: "Personlig indkomst, kr/år", en: "Personal income, kr/year" },
    format: kr,
    formula: (at) => add(sub(at(2), at(4)), at(3)),
  },
  {
    header: { da: "Beskæftigelsesfradrag, kr/år", en: "Employment allowance, kr/year" },
    format: kr,
    formula: (at) => call("MIN", mul(name("SIB_EmploymentAllowanceRate"), at(2)), name("SIB_EmploymentAllowanceMax")),
  },
  {
    header: { da: "Jobfradrag, kr/år", en: "Job allowance, kr/year" },
    format: kr,
    formula: (at) =>
      call(
        "MIN",
        mul(name("SIB_JobAllowanceRate"), call("MAX", num(0), sub(at(2), name("SIB_JobAllowanceFloor")))),
        name("SIB_JobAllowanceMax"),
      ),
  },
  {
    header: { da: "Skattepligtig indkomst, kr/år", en: "Taxable income, kr/year" },
    format: kr,
    formula: (at) => sub(sub(at(5), at(6)), at(7)),
  },
  {
    header: { da: "Kommuneskat, kr/md.", en: "Municipal tax, kr/month" },
    format: kr,
    formula: (at) => monthly(mul(name("SIB_MunicipalTaxRate"), aboveAllowance(at(8)))),
    weighted: {
      name: "SIB_EffMunicipalTax",
      description: { da: "Σ Δ·kommuneskat (kr/md.)", en: "Σ Δ·municipal income tax (kr/month)" },
    },
  },
  {
    header: { da: "Bundskat, kr/md.", en: "Bottom tax, kr/month" },
    format: kr,
    formula: (at) => monthly(mul(name("SIB_BottomTaxRate"), aboveAllowance(at(5)))),
    weighted: {
      name: "SIB_EffBottomTax",
      description: { da: "Σ Δ·bundskat (kr/md.)", en: "Σ Δ·bottom tax (kr/month)" },
    },
  },
  {
    header: { da: "AM-bidrag, kr/md.", en: "Labour-market contribution, kr/month" },
    format: kr,
    formula: (at) => monthly(at(4)),
    weighted: {
      name: "SIB_EffLabourMarketContribution",
      description: { da: "Σ Δ·AM-bidrag (kr/md.)", en: "Σ Δ·labour-market contribution (kr/month)" },
    },
  },
  {
    header: { da: "Kommunal ydelse, kr/md.", en: "Municipal benefit, kr/month" },
    format: kr,
    formula: (_, input) => ifThen(eq(input("SIB_BenefitPaidByMunicipality"), num(1)), input("SIB_Benefits"), num(0)),
    weighted: {
      name: "SIB_EffMunicipalBenefit",
      description: { da: "Σ Δ·kommunal ydelse (kr/md.)", en: "Σ Δ·municipal benefit (kr/month)" },
    },
  },
  {
    header: { da: "Statslig ydelse, kr/md.", en: "State benefit, kr/month" },
    format: kr,
    formula: (at, input) => sub(input("SIB_Benefits"), at(12)),
    weighted: {
      name: "SIB_EffStateBenefit",
      description: { da: "Σ Δ·statslig ydelse (kr/md.)", en: "Σ Δ·state benefit (kr/month)" },
    },
  },
  {
    header: { da: "Sundhedsudgift, kr/md.", en: "Health cost, kr/month" },
    format: kr,
    formula: (_, input) => input("SIB_HealthCosts"),
    weighted: {
      name: "SIB_EffHealthCost",
      description: { da: "Σ Δ·sundhedsudgift (kr/md.)", en: "Σ Δ·health cost (kr/month)" },
    },
  },
  {
    header: { da: "Løn, kr/md.", en: "Wage, kr/month" },
    format: kr,
    formula: (_, input) => input("SIB_Wages"),
    weighted: { name: "SIB_EffWage", description: { da: "Σ Δ·bruttoløn (kr/md.)", en: "Σ Δ·gross wage (kr/month)" } },
  },
];

/**
 * Block 1 of the Calculation sheet: per outcome state the effect Δ, annual wage and benefit, AM, personal income,
 * allowances, taxable income, monthly taxes and benefits by payer; below, Σ Δ × amount per column (SIB_Eff* names,
 * kr/month per participant). Returns the row below the block.
 */
export function writeStateBlock(sheet: SheetBuilder, headerRow: number, inputs: InputsLayout): number {
  sheet.label(
    0,
    headerRow - 1,
    { da: "1. Pr. udfaldstilstand (pr. person)", en: "1. Per outcome state (per person)" },
    true,
  );
  sheet.label(0, headerRow, { da: "Tilstand", en: "State" }, true);
  STATE_COLUMNS.forEach((column, index) => sheet.label(1 + index, headerRow, column.header, true));
  const firstRow = headerRow + 1;
  OUTCOME_STATES.forEach((state, index) => {
    const row = firstRow + index;
    const at = (column: number): Expr => ref(cell(column, row));
    const input = (column: string): Expr => {
      const address = inputs.stateCells[column]?.[state];
      if (address === undefined) throw new Error(`no input cell for ${column}.${state}`);
      return ref(address, inputs.sheet);
    };
    sheet.label(0, row, STATE_LABELS[state]);
    STATE_COLUMNS.forEach((column, offset) =>
      sheet.formula(1 + offset, row, column.formula(at, input), "calculation", column.format),
    );
  });
  const lastRow = firstRow + OUTCOME_STATES.length - 1;
  const sumsRow = lastRow + 1;
  sheet.label(
    0,
    sumsRow,
    { da: "Σ Δ × beløb (kr/md. pr. deltager)", en: "Σ Δ × amount (kr/month per participant)" },
    true,
  );
  const effect = ref(columnRange(1, firstRow, lastRow));
  STATE_COLUMNS.forEach((column, offset) => {
    if (column.weighted === undefined) return;
    const sheetColumn = 1 + offset;
    const formula = call("SUMPRODUCT", effect, ref(columnRange(sheetColumn, firstRow, lastRow)));
    sheet.formula(sheetColumn, sumsRow, formula, "calculation", FORMATS.krDecimals);
    sheet.nameCell(column.weighted.name, sheetColumn, sumsRow, "calculation", column.weighted.description);
  });
  return sumsRow + 1;
}
