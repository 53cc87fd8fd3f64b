import { ACCOUNTS, type Account, type PerAccount } from "../../engine/accounts";
import { AREA_ROWS, type AreaRow } from "../../engine/consequences/flows";
import type { BusinessCaseResult } from "../../engine/businessCase";
import type { OutcomeState } from "../../engine/states";
import { cell } from "../address";
import { guarded } from "../blocks/checks";
import { EFFECT_SUM_NAME } from "../calculation/stateBlock";
import { call, div, ifThen, mul, name, num, ref, sub, text, type Expr } from "../formula";
import { ACCOUNT_LABELS, ACCOUNT_NAME } from "../labels";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { AREA_CODES, areaLabel } from "./codes";
import { PV_NAME, type PvAccount } from "./valueColumns";

/** Name fragment of each row of the table by area: Employment, then the areas (Social, ChildrenFamily, …), Total. */
const ROW_NAME = (row: AreaRow | "Total"): string =>
  row === "Total" ? "Total" : `${row.charAt(0).toUpperCase()}${row.slice(1)}`;

/**
 * Defined name of one cell of the attribution by consequence area, e.g. SIB_AreaAttribution_Region_Health.
 * @example areaAttributionName("perParticipant", "region", "health") // "SIB_AreaAttributionPerParticipant_Region_Health"
 */
export function areaAttributionName(
  table: "total" | "perParticipant",
  account: Account,
  row: AreaRow | "Total",
): string {
  const prefix = table === "total" ? "SIB_AreaAttribution_" : "SIB_AreaAttributionPerParticipant_";
  return `${prefix}${ACCOUNT_NAME[account]}_${ROW_NAME(row)}`;
}

/**
 * The engine's value of every cell of the attribution by area (src/engine/consequences/flows.ts consequenceResult):
 * per account the employment row, the areas and the total (= the NPV), in total and per participant.
 * @example areaAttributionNames(result).SIB_AreaAttributionPerParticipant_Region_Health // ≈ 12,159 for pilot-broad
 */
export function areaAttributionNames(result: BusinessCaseResult): Record<string, number> {
  const names: Record<string, number> = {};
  for (const table of ["total", "perParticipant"] as const) {
    for (const account of ACCOUNTS) {
      const rows: PerAccount<Readonly<Record<AreaRow, number>>> = result.consequences.byArea[table];
      for (const row of AREA_ROWS) names[areaAttributionName(table, account, row)] = rows[account][row];
      names[areaAttributionName(table, account, "Total")] = result.npv[table][account];
    }
  }
  return names;
}

const PV_OF: Readonly<Partial<Record<Account, PvAccount>>> = {
  municipality: "municipality",
  state: "state",
  region: "region",
  public: "public",
  socioEconomic: "socioEconomic",
};

/**
 * The consequences' part of one state's cell of the attribution by state (as the engine's withConsequenceRows): for
 * state s, Δ_s × Σ_rows (change_s − change_ref) × v, and in the reference's own row Σ Δ × Σ_rows change_ref × v,
 * with v = the row's value of one unit of change per account (SIB_Cons_UnitValue_*, weight included). Society gets
 * NAF × the public part here (the distortion part comes with the public cell). Null for the accounts that get none.
 */
export function consequenceStateTerm(
  account: Account,
  state: OutcomeState,
  at: { readonly effect: Expr; readonly isReference: Expr },
): Expr | null {
  if (account === "public" || account === "otherMunicipalities") return null;
  const values = name(`SIB_Cons_UnitValue_${account === "socioEconomic" ? "Public" : PV_NAME[account]}`);
  const reference = name("SIB_Cons_ChangeRef");
  const term = ifThen(
    at.isReference,
    mul(name(EFFECT_SUM_NAME), call("SUMPRODUCT", reference, values)),
    mul(at.effect, call("SUMPRODUCT", sub(name(`SIB_Cons_Change_${state}`), reference), values)),
  );
  return account === "socioEconomic" ? mul(name("SIB_NetTaxFactor"), term) : term;
}

const HEADING: Bilingual = {
  da: "Den brede business case: nutidsværdi fordelt på konsekvensområder",
  en: "The broad business case: NPV by consequence area",
};

const EMPLOYMENT: Bilingual = {
  da: "Beskæftigelseskontoen (den smalle business case: ydelser, skat, produktion og omkostning)",
  en: "Employment account (the narrow business case: benefits, taxes, production and cost)",
};

const TOTAL: Bilingual = {
  da: "I alt = den brede business case (= nutidsværdien ovenfor)",
  en: "Total = the broad business case (= the NPV above)",
};

const rowLabel = (row: AreaRow | "Total"): Bilingual =>
  row === "Total" ? TOTAL : row === "employment" ? EMPLOYMENT : areaLabel(row);

/**
 * The attribution by consequence area (issue 15) on the Results sheet: per account the employment account (the narrow
 * case, its NPV before the consequences), one row per consequence area (SUMIF of the Consequences sheet's rows'
 * present values by area code) and the total, which is the broad NPV; per participant first, then all participants.
 * Every cell a live formula, named SIB_AreaAttribution[PerParticipant]_<Account>_<Row>. Returns the row below.
 */
export function writeAreaBlock(sheet: SheetBuilder, top: number): number {
  sheet.label(0, top, HEADING, true);
  sheet.label(0, top + 1, {
    da: "Den smalle business case (kun beskæftigelse) står i første række, konsekvensområderne under den; rækkerne summer til den brede business case, som er nutidsværdien ovenfor. Konsekvenserne indtastes på arket Konsekvenser.",
    en: "The narrow business case (employment only) is the first row, the consequence areas below it; the rows sum to the broad business case, which is the NPV above. The consequences are entered on the Consequences sheet.",
  });
  const rows: readonly (AreaRow | "Total")[] = [...AREA_ROWS, "Total"];
  const perTop = top + 3;
  const totalTop = perTop + rows.length + 3;
  for (const [tableTop, title] of [
    [perTop, { da: "Pr. deltager (kr)", en: "Per participant (kr)" }],
    [totalTop, { da: "Alle deltagere (kr)", en: "All participants (kr)" }],
  ] as const) {
    sheet.label(0, tableTop, title, true);
    sheet.label(0, tableTop + 1, { da: "Område", en: "Area" }, true);
    ACCOUNTS.forEach((account, index) => sheet.label(1 + index, tableTop + 1, ACCOUNT_LABELS[account], true));
    rows.forEach((row, index) => sheet.label(0, tableTop + 2 + index, rowLabel(row), row === "Total"));
  }
  const totalFirst = totalTop + 2;
  ACCOUNTS.forEach((account, index) => {
    const column = 1 + index;
    const areaCell = (k: number): string => cell(column, totalFirst + 1 + k);
    const lastArea = totalFirst + AREA_ROWS.length - 1;
    rows.forEach((row, k) => {
      const at = totalFirst + k;
      const formula = totalCell(sheet, account, row, {
        areas: ref(`${areaCell(0)}:${cell(column, lastArea)}`),
        all: ref(`${cell(column, totalFirst)}:${cell(column, lastArea)}`),
      });
      write(sheet, { column, row: at }, guarded(formula), { table: "total", account, row });
      const perParticipant = div(ref(cell(column, at)), name("SIB_TotalParticipants"));
      write(sheet, { column, row: perTop + 2 + k }, guarded(perParticipant), { table: "perParticipant", account, row });
    });
  });
  return totalFirst + rows.length;
}

function totalCell(
  sheet: SheetBuilder,
  account: Account,
  row: AreaRow | "Total",
  ranges: { readonly areas: Expr; readonly all: Expr },
): Expr {
  if (row === "Total") return call("SUM", ranges.all);
  if (row === "employment") return sub(name(`SIB_NPV_${ACCOUNT_NAME[account]}`), call("SUM", ranges.areas));
  const pv = PV_OF[account];
  // Other municipalities get nothing from a consequence (no unit is paid by them), as in the engine.
  if (pv === undefined) return num(0);
  return call(
    "SUMIF",
    name("SIB_Cons_Area"),
    text(AREA_CODES[row][sheet.language]),
    name(`SIB_Cons_PV_${PV_NAME[pv]}`),
  );
}

function write(
  sheet: SheetBuilder,
  at: { readonly column: number; readonly row: number },
  formula: Expr,
  cellName: { readonly table: "total" | "perParticipant"; readonly account: Account; readonly row: AreaRow | "Total" },
): void {
  sheet.formula(at.column, at.row, formula, "output", FORMATS.kr);
  const label = rowLabel(cellName.row);
  const account = ACCOUNT_LABELS[cellName.account];
  const perParticipant = cellName.table === "perParticipant";
  sheet.nameCell(areaAttributionName(cellName.table, cellName.account, cellName.row), at.column, at.row, "output", {
    da: `Bred business case efter område, ${perParticipant ? "pr. deltager" : "alle deltagere"}: ${account.da.toLowerCase()}, ${label.da.toLowerCase()} (kr)`,
    en: `Broad business case by area, ${perParticipant ? "per participant" : "all participants"}: ${account.en.toLowerCase()}, ${label.en.toLowerCase()} (kr)`,
  });
}
