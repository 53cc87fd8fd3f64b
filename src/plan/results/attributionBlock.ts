import { ACCOUNTS, type Account } from "../../engine/accounts";
import { BUDGET_HOLDERS } from "../../engine/budgetHolders";
import { OUTCOME_STATES, STATE_LABELS, type OutcomeState } from "../../engine/states";
import { absolute, cell, columnRange } from "../address";
import { guarded } from "../blocks/checks";
import type { CalculationLayout } from "../calculationSheet";
import { EFFECT_SUM_NAME, STATE_COLUMN } from "../calculation/stateBlock";
import { add, call, div, eq, ifThen, mul, name, neg, num, ref, sub, type Expr } from "../formula";
import { ATTRIBUTION_REFERENCE_NAME, priceBasis } from "../inputsSheet";
import { ACCOUNT_LABELS, ACCOUNT_NAME } from "../labels";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type ChartPlan } from "../types";
import { consequenceStateTerm, writeAreaBlock } from "../consequences/areaBlock";

/** Rows of the workbook's attribution tables: the eight states, the cost and the total (= the account's NPV). */
export const ATTRIBUTION_TABLE_ROWS = [...OUTCOME_STATES, "Cost", "Total"] as const;
export type AttributionTableRow = (typeof ATTRIBUTION_TABLE_ROWS)[number];

/**
 * Defined name of one cell of an attribution table, e.g. SIB_AttributionPerParticipant_Municipality_ABROAD.
 * @example attributionName("total", "socioEconomic", "Cost") // "SIB_Attribution_SocioEconomic_Cost"
 */
export function attributionName(table: "total" | "perParticipant", account: Account, row: AttributionTableRow): string {
  const prefix = table === "total" ? "SIB_Attribution_" : "SIB_AttributionPerParticipant_";
  return `${prefix}${ACCOUNT_NAME[account]}_${row}`;
}

const ROW_LABELS: Readonly<Record<"Cost" | "Total", Bilingual>> = {
  Cost: {
    da: "Indsatsens omkostning (med NAF og forvridning på den)",
    en: "Cost of the effort (with NAF and distortion on it)",
  },
  Total: { da: "I alt (= nutidsværdien ovenfor)", en: "Total (= the NPV above)" },
};

export const ATTRIBUTION_HEADING: Bilingual = {
  da: "Hvad bærer besparelsen? Nutidsværdi fordelt på udfaldstilstande",
  en: "What carries the saving? NPV by outcome state",
};

/** The pieces of the Calculation sheet an attribution cell is built from. */
interface Sources {
  /** A cell of block 1 (per-state block) of the Calculation sheet. */
  readonly at: (column: number, row: number) => Expr;
  readonly referenceRow: number;
  /** Row of the first state (JOB) in block 1. */
  readonly firstRow: number;
}

/** X(state) − X(reference) for a column of block 1. */
const difference = (src: Sources, column: number, row: number): Expr =>
  sub(src.at(column, row), src.at(column, src.referenceRow));

/**
 * Value of one person in a state to a budget holder over the programme, in present value for all participants, from
 * the state's row `row` of block 1 (`amount(column)`): every monthly saving is g(t) (or g(t)·r(t) for the refused
 * part of a municipal benefit) times a fixed amount per person (src/engine/netCost.ts), so its PV is that amount times
 * SIB_EffectWeightPV (or SIB_RefusionWeightPV):
 * municipality (1 − U)·kommuneskat − B^K, + B^K·r; state bundskat + AM − B^S, − B^K·r; region −health cost;
 * other municipalities U·kommuneskat.
 */
function holderValue(account: (typeof BUDGET_HOLDERS)[number], amount: (column: number) => Expr): Expr {
  const g = name("SIB_EffectWeightPV");
  const gr = name("SIB_RefusionWeightPV");
  const equalisation = name("SIB_EqualisationShare");
  const municipalBenefit = amount(STATE_COLUMN.municipalBenefit);
  switch (account) {
    case "municipality":
      return add(
        mul(sub(mul(sub(num(1), equalisation), amount(STATE_COLUMN.municipalTax)), municipalBenefit), g),
        mul(municipalBenefit, gr),
      );
    case "state": {
      const taxes = add(amount(STATE_COLUMN.bottomTax), amount(STATE_COLUMN.labourMarketContribution));
      return sub(mul(sub(taxes, amount(STATE_COLUMN.stateBenefit)), g), mul(municipalBenefit, gr));
    }
    case "region":
      return mul(neg(amount(STATE_COLUMN.healthCost)), g);
    case "otherMunicipalities":
      return mul(mul(equalisation, amount(STATE_COLUMN.municipalTax)), g);
  }
}

/** Society's value of one person in a state besides the public part: NAF·(λ·wage − health cost)·SIB_EffectWeightPV. */
function productionValue(amount: (column: number) => Expr): Expr {
  const production = sub(
    mul(name("SIB_EmployerCostFactor"), amount(STATE_COLUMN.wage)),
    amount(STATE_COLUMN.healthCost),
  );
  return mul(mul(name("SIB_NetTaxFactor"), production), name("SIB_EffectWeightPV"));
}

/**
 * The attribution block of the Results sheet ("What carries the saving?"), as the engine's computeAttribution
 * (src/engine/attribution.ts): per account the NPV split by outcome state relative to the reference state
 * (SIB_AttributionReference), row s = Δ_s × (value of s − value of the reference), the reference's row = Σ Δ × value of
 * the reference (0 when both groups' shares sum to 100 %), then the cost row (−cost for the municipality and the
 * public total, −(NAF + φ − 1)·cost for society) and the total, which equals the account's NPV. Two tables: per
 * participant (first) and all participants; every cell a live formula over the Calculation sheet, named
 * SIB_AttributionPerParticipant_<Account>_<Row> and SIB_Attribution_<Account>_<Row>. Amounts in kr at fixed prices of
 * the parameter year, discounted to the programme start; positive = gain for the account. Returns the row below it
 * and a column chart of the municipality's column per participant.
 * @example writeAttributionBlock(sheet, 27, { calculation: calculation.layout, parameterYear: 2023 }).bottom // 56
 */
export function writeAttributionBlock(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly calculation: CalculationLayout; readonly parameterYear: number },
): { bottom: number; chart: ChartPlan } {
  const { calculation } = deps;
  const src: Sources = {
    at: (column, row) => ref(absolute(column, row), calculation.sheet),
    referenceRow: calculation.states.referenceRow,
    firstRow: calculation.states.firstRow,
  };
  sheet.label(0, top, ATTRIBUTION_HEADING, true);
  sheet.label(0, top + 1, {
    da: "Række s = værdien af, at Δ_s deltagere er i tilstanden s i stedet for referencetilstanden, med samme effektprofil, kohorter og diskontering (Δ = effektiv deltagerandel − kontrolandel). Referencens række er 0, når begge gruppers andele summer til 100 %. Rækkerne plus omkostningen giver nutidsværdien. Rækken for selvforsørgende med ukendt indkomst bygger på en antaget løn (se Input).",
    en: "Row s = the value of Δ_s participants being in state s instead of the reference state, through the same effect profile, cohorts and discounting (Δ = effective participant share − comparison share). The reference's row is 0 when both groups' shares sum to 100 %. The rows plus the cost give the NPV. The row of self-supporting, income unknown rests on an assumed wage (see Inputs).",
  });
  sheet.label(0, top + 2, priceBasis(deps.parameterYear));
  sheet.label(0, top + 3, { da: "Referencetilstand", en: "Reference state" });
  sheet.formula(1, top + 3, name(ATTRIBUTION_REFERENCE_NAME), "calculation", FORMATS.text);
  const perParticipantTop = top + 5;
  const totalTop = perParticipantTop + ATTRIBUTION_TABLE_ROWS.length + 3;
  const perParticipantHeader = perParticipantTop + 1;
  const totalHeader = totalTop + 1;
  writeTitles(sheet, perParticipantTop, {
    da: "Pr. deltager (kr)",
    en: "Per participant (kr)",
  });
  writeTitles(sheet, totalTop, { da: "Alle deltagere (kr)", en: "All participants (kr)" });
  writeTotalTable(sheet, totalHeader, src, calculation.consequences);
  writePerParticipantTable(sheet, perParticipantHeader, totalHeader);
  const lastRow = perParticipantHeader + ATTRIBUTION_TABLE_ROWS.length;
  const municipalityColumn = 1 + ACCOUNTS.indexOf("municipality");
  const chart: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: cell(ACCOUNTS.length + 2, top),
    type: "columnClustered",
    title: sheet.text({
      da: "Hvad bærer kommunens besparelse? Nutidsværdi pr. deltager, kr",
      en: "What carries the municipality's saving? NPV per participant, kr",
    }),
    dataSheet: sheet.sheetName,
    data: columnRange(municipalityColumn, perParticipantHeader, lastRow),
    categories: columnRange(0, perParticipantHeader + 1, lastRow),
  };
  const bottom = totalHeader + ATTRIBUTION_TABLE_ROWS.length;
  // The broad case (issue 15): the NPV by consequence area below, the narrow case its first row.
  return { bottom: calculation.consequences ? writeAreaBlock(sheet, bottom + 2) : bottom, chart };
}

/** A table's title row and its header row (state + the six accounts). */
function writeTitles(sheet: SheetBuilder, top: number, title: Bilingual): void {
  sheet.label(0, top, title, true);
  sheet.label(0, top + 1, { da: "Tilstand", en: "State" }, true);
  ACCOUNTS.forEach((account, index) => sheet.label(1 + index, top + 1, ACCOUNT_LABELS[account], true));
}

function rowLabel(row: AttributionTableRow): Bilingual {
  return row === "Cost" || row === "Total" ? ROW_LABELS[row] : STATE_LABELS[row];
}

/** The all-participants table: the state rows from the Calculation sheet, the cost row and the total. */
function writeTotalTable(sheet: SheetBuilder, header: number, src: Sources, broad: boolean): void {
  const firstRow = header + 1;
  const costRow = firstRow + OUTCOME_STATES.length;
  const totalRow = costRow + 1;
  OUTCOME_STATES.forEach((state, index) => {
    const row = firstRow + index;
    sheet.label(0, row, rowLabel(state));
    const stateRow = src.firstRow + index;
    ACCOUNTS.forEach((account, column) => {
      const formula = stateCell(account, state, { src, stateRow, resultsRow: row, broad });
      writeNamed(sheet, { column: 1 + column, row }, guarded(formula), { table: "total", account, line: state });
    });
  });
  sheet.label(0, costRow, rowLabel("Cost"));
  const cost = name("SIB_CostPV");
  const socialWeight = sub(add(name("SIB_NetTaxFactor"), name("SIB_DistortionFactor")), num(1));
  ACCOUNTS.forEach((account, column) => {
    const formula =
      account === "municipality" || account === "public"
        ? neg(cost)
        : account === "socioEconomic"
          ? neg(mul(socialWeight, cost))
          : num(0);
    writeNamed(sheet, { column: 1 + column, row: costRow }, guarded(formula), {
      table: "total",
      account,
      line: "Cost",
    });
  });
  writeTotalRow(sheet, totalRow, firstRow, "total");
}

/** The per-participant table: each cell the all-participants cell divided by the participants; its own total. */
function writePerParticipantTable(sheet: SheetBuilder, header: number, totalHeader: number): void {
  const firstRow = header + 1;
  ATTRIBUTION_TABLE_ROWS.forEach((row, index) => {
    if (row === "Total") return;
    sheet.label(0, firstRow + index, rowLabel(row));
    ACCOUNTS.forEach((account, column) => {
      const total = ref(cell(1 + column, totalHeader + 1 + index));
      const formula = guarded(div(total, name("SIB_TotalParticipants")));
      writeNamed(sheet, { column: 1 + column, row: firstRow + index }, formula, {
        table: "perParticipant",
        account,
        line: row,
      });
    });
  });
  writeTotalRow(sheet, firstRow + ATTRIBUTION_TABLE_ROWS.length - 1, firstRow, "perParticipant");
}

/** The total row: the sum of the state rows and the cost (equal to the account's NPV). */
function writeTotalRow(sheet: SheetBuilder, row: number, firstRow: number, table: "total" | "perParticipant"): void {
  sheet.label(0, row, rowLabel("Total"), true);
  ACCOUNTS.forEach((account, column) => {
    const formula = guarded(call("SUM", ref(columnRange(1 + column, firstRow, row - 1).replace(/\$/g, ""))));
    writeNamed(sheet, { column: 1 + column, row }, formula, { table, account, line: "Total" });
  });
}

function writeNamed(
  sheet: SheetBuilder,
  at: { readonly column: number; readonly row: number },
  formula: Expr,
  cellName: {
    readonly table: "total" | "perParticipant";
    readonly account: Account;
    readonly line: AttributionTableRow;
  },
): void {
  sheet.formula(at.column, at.row, formula, "output", FORMATS.kr);
  const line = rowLabel(cellName.line);
  const account = ACCOUNT_LABELS[cellName.account];
  const perParticipant = cellName.table === "perParticipant";
  sheet.nameCell(attributionName(cellName.table, cellName.account, cellName.line), at.column, at.row, "output", {
    da: `Hvad bærer besparelsen, ${perParticipant ? "pr. deltager" : "alle deltagere"}: ${account.da.toLowerCase()}, ${line.da.toLowerCase()} (kr)`,
    en: `What carries the saving, ${perParticipant ? "per participant" : "all participants"}: ${account.en.toLowerCase()}, ${line.en.toLowerCase()} (kr)`,
  });
}

/**
 * One state's cell of the all-participants table: for a budget holder Δ_s × (value of s − value of the reference), or
 * Σ Δ × value of the reference in the reference's own row; the public total as the sum of the row's four holders;
 * society as Δ_s·NAF·(λ·Δwage − Δhealth)·SIB_EffectWeightPV + (φ − 1)·the row's public total.
 */
function stateCell(
  account: Account,
  state: OutcomeState,
  at: { readonly src: Sources; readonly stateRow: number; readonly resultsRow: number; readonly broad: boolean },
): Expr {
  const { src, stateRow, resultsRow } = at;
  const publicCell = ref(cell(1 + ACCOUNTS.indexOf("public"), resultsRow));
  if (account === "public") {
    const first = 1 + ACCOUNTS.indexOf(BUDGET_HOLDERS[0]);
    const last = 1 + ACCOUNTS.indexOf(BUDGET_HOLDERS[BUDGET_HOLDERS.length - 1] ?? "otherMunicipalities");
    return call("SUM", ref(`${cell(first, resultsRow)}:${cell(last, resultsRow)}`));
  }
  const effect = src.at(STATE_COLUMN.effect, stateRow);
  const differenceOf = (column: number): Expr => difference(src, column, stateRow);
  const referenceOf = (column: number): Expr => src.at(column, src.referenceRow);
  const value = (amount: (column: number) => Expr): Expr =>
    account === "socioEconomic" ? productionValue(amount) : holderValue(account, amount);
  const isReference = eq(src.at(STATE_COLUMN.code, stateRow), name(ATTRIBUTION_REFERENCE_NAME));
  const narrow = ifThen(isReference, mul(name(EFFECT_SUM_NAME), value(referenceOf)), mul(effect, value(differenceOf)));
  const consequences = at.broad ? consequenceStateTerm(account, state, { effect, isReference }) : null;
  const own = consequences === null ? narrow : add(narrow, consequences);
  return account === "socioEconomic" ? add(own, mul(sub(name("SIB_DistortionFactor"), num(1)), publicCell)) : own;
}
