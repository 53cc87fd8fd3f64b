/**
 * The investor waterfall at zero effect (issue 11; engine: src/engine/selfFunded.ts `compareFinancing`, the SIB side's
 * loss if the effect is zero = moneyFlows.ts `municipalityAfterContract` on `zeroScheduleAtContractLength`). The
 * Payment sheet's zero-effect schedule (SIB_PayZeroSchedule: the payments when the participants have the comparison
 * group's shares, on the month table's rows, so padded with zeros to the contract's months) runs through the same
 * column builders as the investor month table (monthBlock.ts): the same capital drawn, the return cap by IRR (capital
 * account) or money multiple, the surplus above it and the commissioner's share (withheld or returned: the same net
 * cost to the payers), and the principal-protection top-up in month SIB_PayMonthsInUse − 1.
 *
 * Per month the municipality pays at zero effect w × payment − w × the commissioner's surplus share + its part of a
 * top-up it pays as commissioner (w, or all of it when nothing is paid at zero effect). At zero effect its savings are
 * 0 (the business case values the difference between the groups), so it has no savings surplus to pass on under any
 * savings-surplus rule and nothing more is added.
 */
import { cell, columnRange } from "../address";
import { writeTable, type Table, type TableColumn } from "../blocks/table";
import { call, gt, ifThen, mul, name, num, ref, sub, type Expr } from "../formula";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { backBefore, distributionColumns, flowColumns, fundingColumns, type InvMonthKey } from "./monthBlock";

/** The zero-effect table's column keys: the investor month table's waterfall columns and what the municipality pays. */
export type ZeroInvKey = InvMonthKey | "municipalityPays";

/** The Payment sheet's zero-effect payments per programme month (src/plan/payment/selfFundedBlock.ts names it). */
export const ZERO_SCHEDULE = "SIB_PayZeroSchedule";

/** The municipality's payments at zero effect per programme month, after the contract (a column of this block). */
export const ZERO_MUNICIPALITY_PAYS = "SIB_InvZeroMunicipalityPays";

/** The investor month table's columns the zero-effect waterfall needs (the net flow and IRR helpers are left out). */
const WATERFALL_KEYS: ReadonlySet<InvMonthKey> = new Set<InvMonthKey>([
  "m",
  "draw",
  "payment",
  "balanceBefore",
  "distribution",
  "balanceAfter",
  "distributed",
  "surplus",
  "toInvestor",
  "toCommissioner",
  "topUp",
]);

/**
 * Writes the zero-effect waterfall from row `top` (a heading, a note, the header, then one row per row of `main`, the
 * investor month table, whose capital drawn it reads) and names its column of what the municipality pays
 * (SIB_InvZeroMunicipalityPays).
 * @example writeZeroEffectWaterfall(sheet, 140, months.layout, { topUpByCommissioner: true }).layout.range("topUp")
 */
export function writeZeroEffectWaterfall(
  sheet: SheetBuilder,
  top: number,
  main: Table<InvMonthKey>,
  options: { readonly topUpByCommissioner: boolean },
): { bottom: number; layout: Table<ZeroInvKey> } {
  const rows = main.lastRow - main.firstRow + 1;
  sheet.label(
    0,
    top,
    {
      da: "Ved nul effekt (kontrolgruppens andele): investorens kapital, udbetalinger og afkastloft pr. programmåned (kr)",
      en: "At zero effect (the comparison group's shares): the investor's capital, distributions and return cap per programme month (kr)",
    },
    true,
  );
  sheet.label(0, top + 1, {
    da: "Samme regler som tabellen ovenfor på betalingerne ved nul effekt; kommunens betalinger her giver dens tab, hvis effekten er nul (Betaling-arket).",
    en: "The same rules as the table above on the payments at zero effect; the municipality's payments here give its loss if the effect is zero (Payment sheet).",
  });
  const headerRow = top + 2;
  const columns = zeroColumns(headerRow, main, options.topUpByCommissioner);
  const table = writeTable<ZeroInvKey>(sheet, { left: 0, headerRow, rows, columns });
  sheet.nameColumn(
    ZERO_MUNICIPALITY_PAYS,
    table.column("municipalityPays"),
    table.firstRow,
    table.lastRow,
    "calculation",
    sheet.text({
      da: "Hvad kommunen betaler pr. programmåned, hvis indsatsen ingen effekt har, efter afkastloft og kapitalgaranti (kr)",
      en: "What the municipality pays per programme month if the effort has no effect, after the return cap and top-up (kr)",
    }),
  );
  return { bottom: table.lastRow, layout: table };
}

/**
 * The waterfall columns on the zero-effect schedule, then what the municipality pays. The capital drawn does not
 * depend on the effect: it is the main table's (`main`, the same rows), so the cost columns are not repeated.
 */
function zeroColumns(
  headerRow: number,
  main: Table<InvMonthKey>,
  topUpByCommissioner: boolean,
): TableColumn<ZeroInvKey>[] {
  const keys: ZeroInvKey[] = [];
  const rows = main.lastRow - main.firstRow + 1;
  const rangeOf = (key: InvMonthKey): Expr => ref(columnRange(keys.indexOf(key), headerRow + 1, headerRow + rows));
  const waterfall = [...fundingColumns(ZERO_SCHEDULE), ...distributionColumns(), ...flowColumns(rangeOf)]
    .filter((column) => WATERFALL_KEYS.has(column.key))
    .map((column): TableColumn<InvMonthKey> => {
      if (column.key === "draw") {
        return { ...column, formula: (r) => ref(cell(main.column("draw"), main.firstRow + r.index)) };
      }
      if (column.key === "payment") {
        return { ...column, header: { da: "Resultatbetaling ved nul effekt", en: "Outcome payment at zero effect" } };
      }
      return column;
    });
  const before = backBefore(topUpByCommissioner, ZERO_SCHEDULE);
  const pays: TableColumn<ZeroInvKey> = {
    key: "municipalityPays",
    header: { da: "Kommunen betaler ved nul effekt", en: "The municipality pays at zero effect" },
    format: FORMATS.kr,
    formula: (r) => sub(mul(name("SIB_PayMunicipalityShare"), r.at("payment")), before(r)),
  };
  const columns: TableColumn<ZeroInvKey>[] = [...waterfall, pays];
  keys.push(...columns.map((column) => column.key));
  return columns;
}

/**
 * The municipality's part of the principal-protection top-up at zero effect, present value (SIB_InvTopUpAtZeroPV):
 * its share w (all of it when nothing is paid at zero effect) of the zero-effect table's top-up, discounted with the
 * Payment sheet's factors; 0 when a guarantor pays the top-up.
 * @example topUpAtZeroPV(zero.layout, true) // w × SUMPRODUCT(SIB_PayDiscountFactors, top-up column)
 */
export function topUpAtZeroPV(zero: Table<ZeroInvKey>, topUpByCommissioner: boolean): Expr {
  if (!topUpByCommissioner) return num(0);
  const share = ifThen(gt(call("SUM", name(ZERO_SCHEDULE)), num(0)), name("SIB_PayMunicipalityShare"), num(1));
  return mul(share, call("SUMPRODUCT", name("SIB_PayDiscountFactors"), zero.range("topUp")));
}
