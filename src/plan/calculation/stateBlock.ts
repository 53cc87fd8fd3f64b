import { OUTCOME_STATES, STATE_LABELS } from "../../engine/states";
import { cell, columnRange } from "../address";
import { EFFECT_SUM_RESIDUE } from "../../engine/attribution";
import { add, call, div, eq, ifThen, le, mul, name, num, ref, sub, type Expr } from "../formula";
import { ATTRIBUTION_REFERENCE_NAME, STATE_CODES_NAME, type InputsLayout } from "../inputsSheet";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";

/** One column of the per-state block: header, format, and its formula for a state's row. */
interface StateColumn {
  readonly header: Bilingual;
  readonly format: NumberFormat;
  /**
   * `at(c)` is this row's cell in column c, `input(name)` the state's input cell of that input column, `taxRate` the
   * defined name of the kommuneskat used (SIB_MunicipalTaxRate, or with several municipalities their weighted rate).
   */
  readonly formula: (at: (column: number) => Expr, input: (column: string) => Expr, taxRate: string) => Expr;
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
    formula: (at, input) => sub(at(EFFECTIVE_SHARE_COLUMN), input("SIB_ComparisonShares")),
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
    formula: (at, _, taxRate) => monthly(mul(name(taxRate), aboveAllowance(at(8)))),
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
  {
    header: { da: "Effektiv andel deltagere", en: "Effective participant share" },
    format: FORMATS.percent,
    // src/engine/neutralise.ts: p′ = c in a neutralised state, else p × the scale of the other states.
    formula: (_, input) =>
      ifThen(
        eq(input("SIB_NeutraliseStates"), num(1)),
        input("SIB_ComparisonShares"),
        mul(input("SIB_ParticipantShares"), name(NEUTRALISE_SCALE_NAME)),
      ),
  },
];

/** Defined name of Σ Δ over the states. */
export const EFFECT_SUM_NAME = "SIB_EffectSum";

/** Defined name of the factor that scales the participant shares of the states that are not neutralised. */
export const NEUTRALISE_SCALE_NAME = "SIB_NeutraliseScale";

/** Sheet columns of block 1 that other blocks read (column 0 is the state's label). */
export const STATE_COLUMN = {
  effect: 1,
  municipalTax: 9,
  bottomTax: 10,
  labourMarketContribution: 11,
  municipalBenefit: 12,
  stateBenefit: 13,
  healthCost: 14,
  wage: 15,
  effectiveShare: 16,
  code: 17,
  /** Only with several municipalities: taxable income above the personal allowance, kr/year (each one's tax base). */
  aboveAllowance: 18,
} as const;

/** Defined name of Σ Δ × taxable income above the personal allowance (kr/year; several municipalities only). */
export const EFFECT_TAX_BASE_NAME = "SIB_EffTaxBase";
const EFFECTIVE_SHARE_COLUMN = STATE_COLUMN.effectiveShare;

/** Where block 1 is: the rows of the states (in OUTCOME_STATES order), the sums and the reference state's row. */
export interface StateBlockLayout {
  readonly firstRow: number;
  readonly lastRow: number;
  /** The row that repeats the reference state's amounts (INDEX by SIB_AttributionReference). */
  readonly referenceRow: number;
  /** The row below the block. */
  readonly bottom: number;
}

/**
 * Block 1 of the Calculation sheet: per outcome state the effect Δ, annual wage and benefit, AM, personal income,
 * allowances, taxable income, monthly taxes and benefits by payer; below, Σ Δ × amount per column (SIB_Eff* names,
 * kr/month per participant). Returns the row below the block.
 */
export function writeStateBlock(
  sheet: SheetBuilder,
  headerRow: number,
  inputs: InputsLayout,
  taxRate: string = "SIB_MunicipalTaxRate",
): StateBlockLayout {
  if (
    STATE_COLUMNS.length !== STATE_COLUMN.code - 1 ||
    STATE_COLUMNS[STATE_COLUMN.wage - 1]?.weighted?.name !== "SIB_EffWage"
  ) {
    throw new Error("STATE_COLUMN does not match the block's columns");
  }
  sheet.label(
    0,
    headerRow - 1,
    { da: "1. Pr. udfaldstilstand (pr. person)", en: "1. Per outcome state (per person)" },
    true,
  );
  sheet.label(0, headerRow, { da: "Tilstand", en: "State" }, true);
  STATE_COLUMNS.forEach((column, index) => sheet.label(1 + index, headerRow, column.header, true));
  sheet.label(STATE_COLUMN.code, headerRow, { da: "Kode", en: "Code" }, true);
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
      sheet.formula(1 + offset, row, column.formula(at, input, taxRate), "calculation", column.format),
    );
    sheet.label(STATE_COLUMN.code, row, state);
    if (inputs.municipalities > 0) {
      sheet.formula(STATE_COLUMN.aboveAllowance, row, aboveAllowance(at(8)), "calculation", kr);
    }
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
  // A floating-point residue of shares that sum to 1 is 0, as in the engine (EFFECT_SUM_RESIDUE).
  const residue = le(call("ABS", call("SUM", effect)), num(EFFECT_SUM_RESIDUE));
  const effectSum = ifThen(residue, num(0), call("SUM", effect));
  sheet.formula(STATE_COLUMN.effect, sumsRow, effectSum, "calculation", FORMATS.percentPrecise);
  sheet.nameCell(EFFECT_SUM_NAME, STATE_COLUMN.effect, sumsRow, "calculation", {
    da: "Σ Δ over tilstandene (0, når begge gruppers andele summer til 100 %)",
    en: "Σ Δ over the states (0 when both groups' shares sum to 100 %)",
  });
  STATE_COLUMNS.forEach((column, offset) => {
    if (column.weighted === undefined) return;
    const sheetColumn = 1 + offset;
    const formula = call("SUMPRODUCT", effect, ref(columnRange(sheetColumn, firstRow, lastRow)));
    sheet.formula(sheetColumn, sumsRow, formula, "calculation", FORMATS.krDecimals);
    sheet.nameCell(column.weighted.name, sheetColumn, sumsRow, "calculation", column.weighted.description);
  });
  if (inputs.municipalities > 0) writeTaxBase(sheet, headerRow, firstRow, lastRow);
  sheet.nameColumn(STATE_CODES_NAME, STATE_COLUMN.code, firstRow, lastRow, "label", {
    da: "Tilstandenes koder (JOB … ABROAD) i tabellernes rækkefølge",
    en: "The states' codes (JOB … ABROAD) in the order of the state tables",
  });
  sheet.nameColumn("SIB_EffectiveParticipantShares", EFFECTIVE_SHARE_COLUMN, firstRow, lastRow, "calculation", {
    da: "Deltagerandele efter neutralisering (dem, alle effekter regnes af)",
    en: "Participant shares after neutralisation (the ones every effect is computed from)",
  });
  const referenceRow = sumsRow + 1;
  writeReferenceRow(sheet, referenceRow, firstRow, lastRow);
  return { firstRow, lastRow, referenceRow, bottom: referenceRow + 1 };
}

/**
 * With several municipalities: the header of the column of taxable income above the personal allowance and its sum
 * Σ Δ × that income (kr/year, SIB_EffTaxBase), from which each municipality's Σ Δ·kommuneskat is its own rate × /12.
 */
function writeTaxBase(sheet: SheetBuilder, headerRow: number, firstRow: number, lastRow: number): void {
  const column = STATE_COLUMN.aboveAllowance;
  const effect = ref(columnRange(1, firstRow, lastRow));
  sheet.label(
    column,
    headerRow,
    { da: "Skattepligtig indkomst over personfradrag, kr/år", en: "Taxable income above the allowance, kr/year" },
    true,
  );
  const base = call("SUMPRODUCT", effect, ref(columnRange(column, firstRow, lastRow)));
  sheet.formula(column, lastRow + 1, base, "calculation", FORMATS.krDecimals);
  sheet.nameCell(EFFECT_TAX_BASE_NAME, column, lastRow + 1, "calculation", {
    da: "Σ Δ·skattepligtig indkomst over personfradrag (kr/år); hver kommunes kommuneskat er dens sats gange dette",
    en: "Σ Δ·taxable income above the personal allowance (kr/year); each municipality's tax is its rate times this",
  });
}

/**
 * The reference state's amounts (the attribution's reference, SIB_AttributionReference) in the columns the
 * attribution reads: INDEX(column, MATCH(reference, SIB_StateCodes, 0)).
 */
function writeReferenceRow(sheet: SheetBuilder, row: number, firstRow: number, lastRow: number): void {
  sheet.label(0, row, {
    da: "Referencetilstand for fordelingen (pr. person)",
    en: "Reference state of the attribution (per person)",
  });
  const position = call("MATCH", name(ATTRIBUTION_REFERENCE_NAME), name(STATE_CODES_NAME), num(0));
  STATE_COLUMNS.forEach((column, offset) => {
    if (column.weighted === undefined) return;
    const sheetColumn = 1 + offset;
    const formula = call("INDEX", ref(columnRange(sheetColumn, firstRow, lastRow)), position);
    sheet.formula(sheetColumn, row, formula, "calculation", column.format);
  });
  sheet.formula(STATE_COLUMN.code, row, name(ATTRIBUTION_REFERENCE_NAME), "calculation", FORMATS.text);
}
