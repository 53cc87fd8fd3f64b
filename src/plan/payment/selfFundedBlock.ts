import { writeTable, type Table } from "../blocks/table";
import { add, call, ifThen, lt, name, num, sub, text, type Expr } from "../formula";
import type { SheetBuilder } from "../sheetBuilder";
import type { FinancingComparison } from "../../engine/selfFunded";
import { FORMATS } from "../types";
import type { ZeroMonthKey } from "./deadweightBlock";
import { calculationFlow, type PayMonthKey } from "./monthBlock";
import { ZERO_MUNICIPALITY_PAYS, ZERO_SCHEDULE } from "../investor/zeroEffectBlock";

type FinanceKey = "m" | "own" | "cumulativeOwn" | "sib" | "cumulativeSib";

/** The block's rows of results, each with a self-funded and a SIB cell and their defined names. */
const RESULT_ROWS = [
  {
    label: { da: "Nutidsværdi for kommunen (kr)", en: "NPV for the municipality (kr)" },
    names: ["SIB_SelfFundedNPV", "SIB_SibNPV"],
    format: FORMATS.kr,
  },
  {
    label: {
      da: "Laveste akkumulerede kassebeholdning (kr, udiskonteret)",
      en: "Worst cumulative cash position (kr, undiscounted)",
    },
    names: ["SIB_SelfFundedWorstCash", "SIB_SibWorstCash"],
    format: FORMATS.kr,
  },
  {
    label: {
      da: "Måned med laveste kassebeholdning (programmåned, 0 = første)",
      en: "Month of the worst cash position (programme month, 0 = first)",
    },
    names: ["SIB_SelfFundedWorstMonth", "SIB_SibWorstMonth"],
    format: FORMATS.integer,
  },
  {
    label: { da: "Tab hvis effekten er nul (kr, nutidsværdi)", en: "Loss if the effect is zero (kr, present value)" },
    names: ["SIB_SelfFundedLossNoEffect", "SIB_SibLossNoEffect"],
    format: FORMATS.kr,
  },
] as const;

/** Rows the block takes above its month table (heading, note, header, four results, two blank rows). */
export const SELF_FUNDED_HEADER_ROWS = 3 + RESULT_ROWS.length + 2;

/**
 * "SIB eller selv finansieret / SIB vs doing it ourselves" on the Payment sheet (issue 10 item 4,
 * src/engine/selfFunded.ts): the municipality's NPV, worst cumulative cash position and its month, and its loss if the
 * effect is zero, when it funds the effort itself (cost as it falls: the Calculation sheet's SIB_Flow_Municipality;
 * no payments, no investor, no deal costs) and under the SIB (the month table's savings − own payments). Native
 * formulas over a month table of cumulative cash positions written below the results, from row `top`.
 * @example writeSelfFundedBlock(sheet, 120, { months, zeroMonths }).bottom // the last row of its month table
 */
export function writeSelfFundedBlock(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly months: Table<PayMonthKey>; readonly zeroMonths: Table<ZeroMonthKey> },
): { bottom: number } {
  const { months, zeroMonths } = deps;
  sheet.label(
    0,
    top,
    { da: "SIB eller selv finansieret (kommunen)", en: "SIB vs doing it ourselves (the municipality)" },
    true,
  );
  sheet.label(0, top + 1, {
    da: "Selv finansieret: kommunen betaler omkostningen, når den falder, og beholder alle besparelser; ingen resultatbetalinger, intet afkast til investor, ingen transaktionsomkostninger. SIB: investoren betaler omkostningen; kommunen betaler sin andel af betalingerne.",
    en: "Self-funded: the municipality pays the cost as it falls and keeps all savings; no outcome payments, no investor return, no transaction costs. SIB: the investor pays the cost; the municipality pays its share of the payments.",
  });
  const headerRow = top + 2;
  sheet.label(1, headerRow, { da: "Selv finansieret", en: "Self-funded" }, true);
  sheet.label(2, headerRow, { da: "SIB (betalingsvilkårene)", en: "SIB (the payment terms)" }, true);
  const table = writeFinanceMonths(sheet, top + SELF_FUNDED_HEADER_ROWS, months);
  nameZeroSchedule(sheet, zeroMonths);
  const formulas = resultFormulas(table, months);
  RESULT_ROWS.forEach((row, index) => {
    const sheetRow = headerRow + 1 + index;
    sheet.label(0, sheetRow, row.label);
    row.names.forEach((definedName, column) => {
      sheet.formula(1 + column, sheetRow, formulas[index]?.[column] ?? num(0), "output", row.format);
      const what = column === 0 ? { da: "selv finansieret", en: "self-funded" } : { da: "SIB", en: "SIB" };
      sheet.nameCell(definedName, 1 + column, sheetRow, "output", {
        da: `${row.label.da}, ${what.da}`,
        en: `${row.label.en}, ${what.en}`,
      });
    });
  });
  return { bottom: table.lastRow };
}

/** Per programme month: the municipality's own flow and the SIB net, and their cumulative sums (undiscounted). */
function writeFinanceMonths(sheet: SheetBuilder, headerRow: number, months: Table<PayMonthKey>): Table<FinanceKey> {
  const sibNet = (m: Expr): Expr => call("INDEX", months.range("municipalNet"), add(m, num(1)));
  return writeTable<FinanceKey>(sheet, {
    left: 0,
    headerRow,
    rows: months.lastRow - months.firstRow + 1,
    columns: [
      { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
      {
        key: "own",
        header: { da: "Selv finansieret: besparelse − omkostning", en: "Self-funded: savings − cost" },
        format: FORMATS.kr,
        formula: (r) => calculationFlow("SIB_Flow_Municipality", r.at("m")),
      },
      {
        key: "cumulativeOwn",
        header: { da: "Selv finansieret: akk. kasse", en: "Self-funded: cum. cash" },
        format: FORMATS.kr,
        formula: (r) => add(r.previous("cumulativeOwn", num(0)), r.at("own")),
      },
      {
        key: "sib",
        header: { da: "SIB: besparelse − egne betalinger", en: "SIB: savings − own payments" },
        format: FORMATS.kr,
        formula: (r) => sibNet(r.at("m")),
      },
      {
        key: "cumulativeSib",
        header: { da: "SIB: akk. kasse", en: "SIB: cum. cash" },
        format: FORMATS.kr,
        formula: (r) => add(r.previous("cumulativeSib", num(0)), r.at("sib")),
      },
    ],
  });
}

function worst(cumulative: Expr): [Expr, Expr] {
  const lowest = call("MIN", cumulative);
  const cash = call("MIN", num(0), lowest);
  const month = ifThen(lt(lowest, num(0)), sub(call("MATCH", lowest, cumulative, num(0)), num(1)), text("-"));
  return [cash, month];
}

/**
 * Names the zero-effect payments per programme month (the deadweight block's column, deadweightBlock.ts) as
 * SIB_PayZeroSchedule, the schedule the Investor sheet's zero-effect waterfall runs on (src/plan/investor/zeroEffectBlock.ts).
 */
function nameZeroSchedule(sheet: SheetBuilder, zeroMonths: Table<ZeroMonthKey>): void {
  sheet.nameColumn(
    ZERO_SCHEDULE,
    zeroMonths.column("zeroTotal"),
    zeroMonths.firstRow,
    zeroMonths.lastRow,
    "calculation",
    sheet.text({
      da: "Betalinger pr. programmåned, hvis indsatsen ingen effekt har (kontrolgruppens andele; kr, alle betalere)",
      en: "Payments per programme month if the effort has no effect (the comparison group's shares; kr, all payers)",
    }),
  );
}

function resultFormulas(table: Table<FinanceKey>, months: Table<PayMonthKey>): [Expr, Expr][] {
  const [ownCash, ownMonth] = worst(table.range("cumulativeOwn"));
  const [sibCash, sibMonth] = worst(table.range("cumulativeSib"));
  const discount = months.range("discount");
  return [
    [name("SIB_NPV_Municipality"), call("SUMPRODUCT", discount, months.range("municipalNet"))],
    [ownCash, sibCash],
    [ownMonth, sibMonth],
    [
      call("SUMPRODUCT", name("SIB_DiscountFactors"), name("SIB_TotalCost")),
      // What the municipality pays at zero effect after the contract (the Investor sheet's zero-effect waterfall:
      // return cap, the commissioner's surplus share, its part of a top-up), discounted; its savings are 0 there.
      call("SUMPRODUCT", discount, name(ZERO_MUNICIPALITY_PAYS)),
    ],
  ];
}

/**
 * The engine's value of each of the block's named cells (null = the month cell shows "-": never below 0), for
 * workbookNames (src/plan/outputs.ts), the .xlsx cached values and the e2e comparison.
 * @example selfFundedNames(compareFinancing(pilot, result, schedule, terms)).SIB_SibWorstMonth // 17
 */
export function selfFundedNames(comparison: FinancingComparison): Record<string, number | null> {
  const names: Record<string, number | null> = {};
  const views = [comparison.selfFunded, comparison.sib] as const;
  const keys = ["npv", "worstCumulative", "worstMonth", "lossIfNoEffect"] as const;
  RESULT_ROWS.forEach((row, index) => {
    const key = keys[index] ?? "npv";
    row.names.forEach((definedName, column) => {
      const view = views[column];
      if (view !== undefined) names[definedName] = view[key];
    });
  });
  return names;
}
