import { writeTable, type RowScope, type Table, type TableColumn } from "../blocks/table";
import { columnRange } from "../address";
import {
  add,
  and,
  call,
  div,
  eq,
  gt,
  ifThen,
  lt,
  mul,
  name,
  neg,
  not,
  num,
  or,
  pow,
  ref,
  sub,
  sum,
  type Expr,
} from "../formula";
import { calculationFlow } from "../payment/monthBlock";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { PRINCIPAL } from "./principal";
import { surplusColumns, type SurplusMonthKey } from "./surplusColumns";

export type InvMonthKey =
  | "m"
  | "cost"
  | "costMonth"
  | "dealCost"
  | "draw"
  | "payment"
  | "balanceBefore"
  | "distribution"
  | "balanceAfter"
  | "distributed"
  | "surplus"
  | "toInvestor"
  | "toCommissioner"
  | "topUp"
  | "net"
  | "hurdleFactor"
  | "lastSign"
  | "municipalityBack"
  | SurplusMonthKey;

type Row = RowScope<InvMonthKey>;

/** The defined name of the outcome payments per programme month the investor month table runs on. */
const SCHEDULE = "SIB_PaySchedule";

export { PRINCIPAL } from "./principal";

/**
 * Per programme month (`rows` rows, as the Payment sheet's): cost, capital drawn, outcome payment, the capital account
 * of an IRR cap, the distribution within the caps, the surplus and the investor's share of it, the principal-protection
 * top-up in the last month of the payment schedule (SIB_PayMonthsInUse − 1), the net flow, the hurdle discount factor
 * and the last non-zero sign (for counting sign changes).
 */
export function writeInvestorMonths(
  sheet: SheetBuilder,
  top: number,
  rows: number,
  options: { readonly topUpByCommissioner: boolean } = { topUpByCommissioner: true },
): { bottom: number; layout: Table<InvMonthKey> } {
  sheet.label(0, top, { da: "Pr. programmåned (kr)", en: "Per programme month (kr)" }, true);
  const headerRow = top + 1;
  const keys: InvMonthKey[] = [];
  const rangeOf = (key: InvMonthKey): Expr => ref(columnRange(keys.indexOf(key), headerRow + 1, headerRow + rows));
  const columns = [
    ...fundingColumns(SCHEDULE),
    ...distributionColumns(),
    ...flowColumns(rangeOf),
    municipalityBackColumn(options.topUpByCommissioner),
    ...surplusColumns(backBefore(options.topUpByCommissioner, SCHEDULE), rangeOf),
  ];
  keys.push(...columns.map((column) => column.key));
  const table = writeTable(sheet, { left: 0, headerRow, rows, columns });
  // Above the column "month with a cost": the last such month (when the evaluation falls due).
  sheet.label(table.column("costMonth") - 1, headerRow - 1, {
    da: "Sidste måned med omkostning",
    en: "Last month with a cost",
  });
  sheet.formula(
    table.column("costMonth"),
    headerRow - 1,
    call("MAX", table.range("costMonth")),
    "calculation",
    FORMATS.integer,
  );
  sheet.nameColumn(
    "SIB_InvDealCosts",
    table.column("dealCost"),
    table.firstRow,
    table.lastRow,
    "calculation",
    sheet.text({
      da: "Handelsomkostninger, investoren finansierer, pr. programmåned (kr)",
      en: "Deal costs the investor finances per programme month (kr)",
    }),
  );
  sheet.nameCell(
    "SIB_InvLastCostMonth",
    table.column("costMonth"),
    headerRow - 1,
    "calculation",
    sheet.text({
      da: "Sidste programmåned med en omkostning til indsatsen (0 når ingen)",
      en: "Last programme month with an intervention cost (0 when none)",
    }),
  );
  sheet.nameColumn(
    "SIB_InvNetFlows",
    table.column("net"),
    table.firstRow,
    table.lastRow,
    "calculation",
    sheet.text({
      da: "Investorens nettostrøm pr. programmåned (kr; negativ = indbetalt)",
      en: "The investor's net flow per programme month (kr; negative = paid in)",
    }),
  );
  sheet.nameColumn(
    "SIB_InvMunicipalityBack",
    table.column("municipalityBack"),
    table.firstRow,
    table.lastRow,
    "calculation",
    sheet.text({
      da: "Kommunens del af overskuddet over loftet (tilbageholdt eller tilbagebetalt) − dens del af en kapitalgaranti, pr. programmåned (kr); Betaling-arket trækker det fra kommunens betalinger",
      en: "The municipality's part of the surplus above the cap (withheld or returned) − its part of a top-up, per programme month (kr); the Payment sheet takes it off the municipality's payments",
    }),
  );
  return { bottom: table.lastRow, layout: table };
}

/**
 * What the municipality does not pay after all before the savings-surplus rule (moneyFlows.ts
 * municipalityPaymentsBeforeSurplus): its share w of the commissioner's surplus share, minus its part of a
 * principal-protection top-up it pays as commissioner (w, or all of it when nothing is paid under `schedule`, the
 * defined name of the payments per month: SIB_PaySchedule, or SIB_PayZeroSchedule at zero effect).
 * @example backBefore(true, "SIB_PaySchedule")(r) // w × toCommissioner − w × topUp
 */
export function backBefore(topUpByCommissioner: boolean, schedule: string): (r: Row) => Expr {
  const w = name("SIB_PayMunicipalityShare");
  const topUpShare = ifThen(gt(call("SUM", name(schedule)), num(0)), w, num(1));
  return (r) =>
    topUpByCommissioner
      ? sub(mul(w, r.at("toCommissioner")), mul(topUpShare, r.at("topUp")))
      : mul(w, r.at("toCommissioner"));
}

/**
 * What the municipality does not pay after all (the money identity, src/engine/investor/moneyFlows.ts
 * municipalityNetPayments): {@link backBefore} minus what it passes on from its savings surplus (to the provider or
 * reinvested; surplusColumns.ts). The Payment sheet's municipal net adds it.
 */
function municipalityBackColumn(topUpByCommissioner: boolean): TableColumn<InvMonthKey> {
  const before = backBefore(topUpByCommissioner, SCHEDULE);
  return {
    key: "municipalityBack",
    header: { da: "Kommunen betaler ikke (netto)", en: "Not paid by the municipality (net)" },
    format: FORMATS.kr,
    formula: (r) => sub(before(r), add(r.at("surplusProvider"), r.at("surplusReinvested"))),
  };
}

/**
 * The month, the intervention and deal costs, the capital drawn, the outcome payment of month m from `schedule` (a
 * defined name of payments per programme month, one row per month from m = 0) and the IRR cap's capital account.
 * @example fundingColumns("SIB_PayZeroSchedule") // the zero-effect waterfall's first columns
 */
export function fundingColumns(schedule: string): TableColumn<InvMonthKey>[] {
  const capIrr = name("SIB_InvCapIRR");
  return [
    { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
    {
      key: "cost",
      header: { da: "Indsatsens omkostning", en: "Intervention cost" },
      format: FORMATS.kr,
      formula: (r) => calculationFlow("SIB_TotalCost", r.at("m")),
    },
    {
      key: "costMonth",
      header: { da: "Måned med omkostning (m, ellers 0)", en: "Month with a cost (m, else 0)" },
      format: FORMATS.integer,
      formula: (r) => ifThen(gt(r.at("cost"), num(0)), r.at("m"), num(0)),
    },
    {
      key: "dealCost",
      header: { da: "Handelsomkostninger", en: "Deal costs" },
      format: FORMATS.kr,
      formula: dealCost,
    },
    {
      key: "draw",
      header: { da: "Kapital trukket", en: "Capital drawn" },
      format: FORMATS.kr,
      formula: (r) =>
        ifThen(
          eq(name("SIB_InvDrawUpfront"), num(1)),
          r.first ? PRINCIPAL : num(0),
          add(r.at("cost"), r.at("dealCost")),
        ),
    },
    {
      key: "payment",
      header: { da: "Resultatbetaling", en: "Outcome payment" },
      format: FORMATS.kr,
      formula: (r) => call("INDEX", name(schedule), add(r.at("m"), num(1))),
    },
    {
      key: "balanceBefore",
      header: { da: "Kapitalkonto før udbetaling (IA-loft)", en: "Capital account before distribution (IRR cap)" },
      format: FORMATS.kr,
      formula: (r) =>
        ifThen(
          call("ISNUMBER", capIrr),
          r.first
            ? r.at("draw")
            : add(
                mul(r.previous("balanceAfter", num(0)), pow(add(num(1), capIrr), div(num(1), num(12)))),
                r.at("draw"),
              ),
          num(0),
        ),
    },
  ];
}

/**
 * Deal costs in month m (engine: waterfall.ts `dealCostAt`), within the months in use: set-up + one-off fee in month 0,
 * the evaluation in the last month with a cost, the yearly fee when m is a multiple of 12 (ROUND(m/12)·12 = m) and
 * m/12 is below the number of years (text = every year).
 */
function dealCost(r: Row): Expr {
  const m = r.at("m");
  const years = name("SIB_InvDealIntermediaryYears");
  const yearStart = eq(mul(call("ROUND", div(m, num(12)), num(0)), num(12)), m);
  const within = or(not(call("ISNUMBER", years)), lt(div(m, num(12)), years));
  const parts = [
    ifThen(eq(m, name("SIB_InvLastCostMonth")), name("SIB_InvDealEvaluation"), num(0)),
    ifThen(and(yearStart, within), name("SIB_InvDealIntermediaryYearly"), num(0)),
  ];
  const cost = r.first ? sum(name("SIB_InvDealSetup"), name("SIB_InvDealIntermediaryOneOff"), ...parts) : sum(...parts);
  return ifThen(lt(m, name("SIB_PayMonthsInUse")), cost, num(0));
}

/**
 * The distribution within the return caps, the capital account after it, the cumulative distributions, the surplus
 * above the cap and its investor's and commissioner's shares (engine: waterfall.ts `waterfallCore`, moneyFlows.ts).
 * @example distributionColumns().map((column) => column.key) // ["distribution", …, "toCommissioner"]
 */
export function distributionColumns(): TableColumn<InvMonthKey>[] {
  const capMultiple = name("SIB_InvCapMultiple");
  const byIrr = (r: Row): Expr =>
    ifThen(call("ISNUMBER", name("SIB_InvCapIRR")), call("MAX", num(0), r.at("balanceBefore")), r.at("payment"));
  const byMultiple = (r: Row): Expr =>
    ifThen(
      call("ISNUMBER", capMultiple),
      call("MAX", num(0), sub(mul(capMultiple, PRINCIPAL), r.previous("distributed", num(0)))),
      r.at("payment"),
    );
  return [
    {
      key: "distribution",
      header: { da: "Udbetalt til investor", en: "Distributed to the investor" },
      format: FORMATS.kr,
      formula: (r) => call("MIN", r.at("payment"), byIrr(r), byMultiple(r)),
    },
    {
      key: "balanceAfter",
      header: { da: "Kapitalkonto efter", en: "Capital account after" },
      format: FORMATS.kr,
      formula: (r) => sub(r.at("balanceBefore"), r.at("distribution")),
    },
    {
      key: "distributed",
      header: { da: "Akk. udbetalt", en: "Cum. distributed" },
      format: FORMATS.kr,
      formula: (r) => add(r.previous("distributed", num(0)), r.at("distribution")),
    },
    {
      key: "surplus",
      header: { da: "Overskud over loftet", en: "Surplus above the cap" },
      format: FORMATS.kr,
      formula: (r) => sub(r.at("payment"), r.at("distribution")),
    },
    {
      key: "toInvestor",
      header: { da: "Overskud til investor", en: "Surplus to the investor" },
      format: FORMATS.kr,
      formula: (r) => mul(name("SIB_InvSurplusInvestor"), r.at("surplus")),
    },
    {
      key: "toCommissioner",
      header: {
        da: "Overskud til kommunen (tilbageholdt eller tilbagebetalt)",
        en: "Surplus to the commissioner (withheld or returned)",
      },
      format: FORMATS.kr,
      // Only when the investor financed something (engine: moneyFlows.ts; otherwise the provider keeps the payments).
      formula: (r) => ifThen(gt(PRINCIPAL, num(0)), mul(name("SIB_InvSurplusCommissioner"), r.at("surplus")), num(0)),
    },
  ];
}

/**
 * The principal-protection top-up in month SIB_PayMonthsInUse − 1, the investor's net flow, the hurdle discount factor
 * and the last non-zero sign; `rangeOf(key)` is a column's range in the same table (the top-up sums "toInvestor").
 * @example flowColumns(rangeOf)[0].key // "topUp"
 */
export function flowColumns(rangeOf: (key: InvMonthKey) => Expr): TableColumn<InvMonthKey>[] {
  const maxLoss = name("SIB_InvMaxLoss");
  const hurdle = name("SIB_InvHurdleRate");
  const topUp = (r: Row): Expr => {
    const total = call("SUM", rangeOf("toInvestor"));
    const lastMonth = eq(r.at("m"), sub(name("SIB_PayMonthsInUse"), num(1)));
    const owed = sub(sub(mul(sub(num(1), maxLoss), PRINCIPAL), r.at("distributed")), total);
    return ifThen(and(call("ISNUMBER", maxLoss), lastMonth), call("MAX", num(0), owed), num(0));
  };
  const sign = (r: Row): Expr => call("SIGN", r.at("net"));
  return [
    {
      key: "topUp",
      header: { da: "Kapitalgaranti", en: "Principal protection top-up" },
      format: FORMATS.kr,
      formula: topUp,
    },
    {
      key: "net",
      header: { da: "Investorens nettostrøm", en: "Investor's net flow" },
      format: FORMATS.kr,
      formula: (r) => add(sub(add(r.at("distribution"), r.at("toInvestor")), r.at("draw")), r.at("topUp")),
    },
    {
      key: "hurdleFactor",
      header: { da: "Diskontering ved krævet afkast", en: "Discount at the hurdle rate" },
      format: FORMATS.factor,
      formula: (r) => ifThen(call("ISNUMBER", hurdle), pow(add(num(1), hurdle), neg(div(r.at("m"), num(12)))), num(0)),
    },
    {
      key: "lastSign",
      header: { da: "Seneste fortegn (≠ 0)", en: "Last sign (≠ 0)" },
      format: FORMATS.integer,
      formula: (r) => ifThen(eq(sign(r), num(0)), r.previous("lastSign", num(0)), sign(r)),
    },
  ];
}
