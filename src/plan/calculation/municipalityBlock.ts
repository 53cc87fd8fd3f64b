import { columnRange } from "../address";
import { call, div, eq, ifThen, mul, name, num, ref, type Expr } from "../formula";
import {
  MUNICIPALITY_COLUMN_NAMES,
  municipalityCellName,
  municipalityParticipants,
} from "../inputs/municipalityInputs";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import type { CohortGroup } from "./cohortMonthBlock";
import type { CohortBlock } from "./programmeMonthBlock";
import { EFFECT_TAX_BASE_NAME } from "./stateBlock";

/** Defined name of the kommuneskat the per-state block uses with several municipalities (their weighted mean). */
export const WEIGHTED_TAX_RATE_NAME = "SIB_MunicipalTaxRateWeighted";

/**
 * Defined name of one municipality's value on the Calculation sheet, n 1-based.
 * @example municipalityCalcName(1, "EffMunicipalTax") // "SIB_Muni1_EffMunicipalTax"
 */
export function municipalityCalcName(n: number, what: "EffMunicipalTax" | "EffectWeightPV" | "Participants"): string {
  return `SIB_Muni${n}_${what}`;
}

/**
 * What municipality n's cohorts are computed with: its weeks on benefit at intake, its Σ Δ·kommuneskat (its rate ×
 * Σ Δ·taxable income above the allowance / 12, kr/month per participant) and its participants per cohort.
 */
export function municipalityGroup(n: number): CohortGroup {
  return {
    weeks: name(municipalityCellName(n, "Weeks")),
    municipalTax: name(municipalityCalcName(n, "EffMunicipalTax")),
    participants: municipalityParticipants(n),
  };
}

/**
 * The municipalities' table of the Calculation sheet (several municipalities, issue 10), one row per municipality:
 * name, kommuneskat, Σ Δ·kommuneskat at its rate (SIB_Muni<n>_EffMunicipalTax, kr/month per participant), the present
 * value of its participants × g(t) (SIB_Muni<n>_EffectWeightPV) and its participants (SIB_Muni<n>_Participants); below,
 * the kommuneskat the per-state block and the attribution use: Σ rate × PV weight / Σ PV weight, so the attribution's
 * municipal tax is each municipality's own (SIB_MunicipalTaxRateWeighted). Returns the row below.
 */
export function writeMunicipalityBlock(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly headerRow: number },
  blocks: readonly CohortBlock[],
): number {
  const { left, headerRow } = at;
  sheet.label(left, headerRow - 1, { da: "Kommunerne", en: "The municipalities" }, true);
  const columns: {
    label: Bilingual;
    format: NumberFormat;
    formula: (n: number, block: CohortBlock) => Expr;
    name?: "EffMunicipalTax" | "EffectWeightPV" | "Participants";
  }[] = [
    {
      label: { da: "Kommune", en: "Municipality" },
      format: FORMATS.text,
      formula: (n) => name(municipalityCellName(n, "Name")),
    },
    {
      label: { da: "Kommuneskat", en: "Municipal income tax" },
      format: FORMATS.percentPrecise,
      formula: (n) => name(municipalityCellName(n, "TaxRate")),
    },
    {
      label: { da: "Σ Δ·kommuneskat, kr/md.", en: "Σ Δ·municipal tax, kr/month" },
      format: FORMATS.krDecimals,
      formula: (n) => div(mul(name(municipalityCellName(n, "TaxRate")), name(EFFECT_TAX_BASE_NAME)), num(12)),
      name: "EffMunicipalTax",
    },
    {
      label: { da: "Nutidsværdi af deltagere × g(t)", en: "Present value of participants × g(t)" },
      format: FORMATS.krDecimals,
      formula: (_, block) => call("SUMPRODUCT", block.table.range("weight"), block.table.range("g")),
      name: "EffectWeightPV",
    },
    {
      label: { da: "Deltagere", en: "Participants" },
      format: FORMATS.integer,
      formula: (n) => call("SUMPRODUCT", municipalityParticipants(n)),
      name: "Participants",
    },
  ];
  columns.forEach((column, offset) => sheet.label(left + offset, headerRow, column.label, true));
  blocks.forEach((block, index) => {
    const n = index + 1;
    const row = headerRow + 1 + index;
    columns.forEach((column, offset) => {
      sheet.formula(left + offset, row, column.formula(n, block), "calculation", column.format);
      if (column.name !== undefined) {
        sheet.nameCell(municipalityCalcName(n, column.name), left + offset, row, "calculation", {
          da: `${column.label.da}, kommune ${n}`,
          en: `${column.label.en}, municipality ${n}`,
        });
      }
    });
  });
  const lastRow = headerRow + blocks.length;
  const weightedRow = lastRow + 1;
  const weights = ref(columnRange(left + 3, headerRow + 1, lastRow));
  const total = name("SIB_EffectWeightPV");
  const weighted = ifThen(
    eq(total, num(0)),
    num(0),
    div(call("SUMPRODUCT", name(MUNICIPALITY_COLUMN_NAMES.TaxRate), weights), total),
  );
  sheet.label(left, weightedRow, {
    da: "Vægtet kommuneskat (vægte: nutidsværdi af deltagere × g(t))",
    en: "Weighted municipal tax (weights: present value of participants × g(t))",
  });
  sheet.formula(left + 1, weightedRow, weighted, "calculation", FORMATS.percentPrecise);
  sheet.nameCell(WEIGHTED_TAX_RATE_NAME, left + 1, weightedRow, "calculation", {
    da: "Kommunernes kommuneskat vægtet med nutidsværdien af deres deltagere × g(t) (bruges i tabellen pr. tilstand)",
    en: "The municipalities' tax rates weighted by the present value of their participants × g(t) (used per state)",
  });
  return weightedRow + 1;
}
