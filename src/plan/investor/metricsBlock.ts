import { columnRange } from "../address";
import { guarded } from "../blocks/checks";
import type { Table } from "../blocks/table";
import { add, call, div, gt, ifThen, lt, mul, name, num, pow, ref, sub, sum, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import { NONE, NO_IRR } from "./labels";
import { PRINCIPAL, type InvMonthKey } from "./monthBlock";

interface Metric {
  readonly name: string;
  readonly label: Bilingual;
  readonly formula: Expr;
  readonly format: NumberFormat;
  readonly description: Bilingual;
}

/** Rows the metrics block takes below its heading. */
export const INVESTOR_METRIC_ROWS = 17;

/** The investor's metrics as named outputs from (`left`, `top`), each guarded by the input checks. */
export function writeInvestorMetrics(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly top: number },
  months: Table<InvMonthKey>,
): { bottom: number } {
  sheet.label(at.left, at.top, { da: "Nøgletal", en: "Metrics" }, true);
  const metrics = [
    ...amountMetrics(sheet, months),
    ...rateMetrics(sheet, months),
    ...flowMetrics(sheet, months),
    ...moneyMetrics(months),
    ...dealCostMetrics(months),
  ];
  metrics.forEach((metric, index) =>
    sheet.namedOutput(at.left, at.top + 1 + index, {
      ...metric,
      formula: guarded(metric.formula),
      description: sheet.text(metric.description),
    }),
  );
  if (metrics.length !== INVESTOR_METRIC_ROWS) throw new Error("investor metric rows changed");
  return { bottom: at.top + metrics.length };
}

const received = (months: Table<InvMonthKey>): Expr =>
  sum(
    call("SUM", months.range("distribution")),
    call("SUM", months.range("toInvestor")),
    call("SUM", months.range("topUp")),
  );

function amountMetrics(sheet: SheetBuilder, months: Table<InvMonthKey>): Metric[] {
  return [
    {
      name: "SIB_InvDrawn",
      label: { da: "Kapital trukket i alt", en: "Capital drawn in total" },
      formula: PRINCIPAL,
      format: FORMATS.kr,
      description: { da: "Trukket kapital (hovedstolen, kr)", en: "Capital drawn (the principal, kr)" },
    },
    {
      name: "SIB_InvReturned",
      label: { da: "Modtaget i alt", en: "Received in total" },
      formula: received(months),
      format: FORMATS.kr,
      description: {
        da: "Udbetalinger + overskud til investor + kapitalgaranti (kr)",
        en: "Distributions + surplus to the investor + top-up (kr)",
      },
    },
    {
      name: "SIB_InvNetGain",
      label: { da: "Nettogevinst", en: "Net gain" },
      formula: sub(name("SIB_InvReturned"), name("SIB_InvDrawn")),
      format: FORMATS.kr,
      description: { da: "Modtaget − trukket (kr)", en: "Received − drawn (kr)" },
    },
    {
      name: "SIB_InvMultiple",
      label: { da: "Pengemultipel", en: "Money multiple" },
      formula: ifThen(
        gt(name("SIB_InvDrawn"), num(0)),
        div(name("SIB_InvReturned"), name("SIB_InvDrawn")),
        text(sheet.text(NONE)),
      ),
      format: FORMATS.factor,
      description: { da: "Modtaget / trukket", en: "Received / drawn" },
    },
    {
      name: "SIB_InvSignChanges",
      label: {
        da: "Fortegnsskift i strømmene (over 1: IA er måske ikke entydig)",
        en: "Sign changes in the flows (above 1: the IRR may not be unique)",
      },
      formula: signChanges(months),
      format: FORMATS.integer,
      description: {
        da: "Antal fortegnsskift i investorens nettostrømme (Descartes: højst så mange interne renter)",
        en: "Number of sign changes of the investor's net flows (Descartes: at most that many IRRs)",
      },
    },
  ];
}

/** Sign changes: consecutive months whose last non-zero signs differ (their product is negative). */
function signChanges(months: Table<InvMonthKey>): Expr {
  const column = months.column("lastSign");
  const earlier = ref(columnRange(column, months.firstRow, months.lastRow - 1));
  const later = ref(columnRange(column, months.firstRow + 1, months.lastRow));
  return call("SUMPRODUCT", mul(lt(mul(earlier, later), num(0)), num(1)));
}

function rateMetrics(sheet: SheetBuilder, months: Table<InvMonthKey>): Metric[] {
  const noIrr = text(sheet.text(NO_IRR));
  // Mean month of the money paid in and of the money received, weighted by amount.
  const weighted = (key: InvMonthKey): Expr => call("SUMPRODUCT", months.range(key), months.range("m"));
  const meanDraw = div(weighted("draw"), call("SUM", months.range("draw")));
  const meanReceipt = div(
    sum(weighted("distribution"), weighted("toInvestor"), weighted("topUp")),
    name("SIB_InvReturned"),
  );
  const irr = call("IRR", name("SIB_InvNetFlows"), name("SIB_InvIRRGuess"));
  return [
    {
      name: "SIB_InvIRRGuess",
      label: { da: "Startgæt for IA (pr. måned)", en: "Starting guess for the IRR (per month)" },
      formula: call(
        "IFERROR",
        sub(pow(name("SIB_InvMultiple"), div(num(1), call("MAX", num(1), sub(meanReceipt, meanDraw)))), num(1)),
        num(0.1),
      ),
      format: FORMATS.percentPrecise,
      description: {
        da: "Multipel^(1/måneder mellem gennemsnitligt træk og gennemsnitlig udbetaling) − 1: en start nær den interne rente, så Excels IA også finder stærkt negative renter",
        en: "Multiple^(1/months between mean draw and mean receipt) − 1: a start near the IRR, so Excel's IRR converges also for strongly negative rates",
      },
    },
    {
      name: "SIB_InvIRRMonthly",
      label: { da: "Intern rente pr. måned (IA)", en: "IRR per month" },
      formula: call("IFERROR", irr, noIrr),
      format: FORMATS.percentPrecise,
      description: {
        da: "Excels interne rente (IA) af de månedlige nettostrømme (pr. måned)",
        en: "Excel's IRR of the monthly net flows (per month)",
      },
    },
    {
      name: "SIB_InvIRR",
      label: { da: "Intern rente, effektiv årlig", en: "IRR, effective annual" },
      formula: call("IFERROR", sub(pow(add(num(1), irr), num(12)), num(1)), noIrr),
      format: FORMATS.percentPrecise,
      description: { da: "(1 + månedlig intern rente)^12 − 1", en: "(1 + monthly IRR)^12 − 1" },
    },
  ];
}

function flowMetrics(sheet: SheetBuilder, months: Table<InvMonthKey>): Metric[] {
  const hurdle = name("SIB_InvHurdleRate");
  return [
    {
      name: "SIB_InvNPVHurdle",
      label: { da: "Nutidsværdi ved krævet afkast", en: "NPV at the hurdle rate" },
      formula: ifThen(
        call("ISNUMBER", hurdle),
        call("SUMPRODUCT", months.range("net"), months.range("hurdleFactor")),
        text(sheet.text(NONE)),
      ),
      format: FORMATS.kr,
      description: {
        da: "Nutidsværdi af nettostrømmene ved det krævede afkast, måned 0 udiskonteret (kr)",
        en: "NPV of the net flows at the hurdle rate, month 0 undiscounted (kr)",
      },
    },
    {
      name: "SIB_InvSurplus",
      label: { da: "Overskud over loftet", en: "Surplus above the cap" },
      formula: call("SUM", months.range("surplus")),
      format: FORMATS.kr,
      description: {
        da: "Resultatbetalinger over afkastloftet (kr)",
        en: "Outcome payments above the return cap (kr)",
      },
    },
    {
      name: "SIB_InvTopUp",
      label: { da: "Kapitalgaranti udbetalt", en: "Principal protection paid" },
      formula: call("SUM", months.range("topUp")),
      format: FORMATS.kr,
      description: { da: "Kapitalgaranti udbetalt til investor (kr)", en: "Top-up paid to the investor (kr)" },
    },
  ];
}

/**
 * Where the money goes (issue 11 items 4, 5; engine: src/engine/investor/moneyFlows.ts): the deal costs the investor
 * financed, the commissioner's share of the surplus above the cap (withheld or returned: SIB_InvCappedSurplusReturned
 * decides the booking, not the amount) and the municipality's part of it (its share w of every payment), and the
 * municipality's net present value after the contract. That is the Payment sheet's SIB_MunicipalityNetPV: its
 * municipal net already adds back what the municipality does not pay (the month column SIB_InvMunicipalityBack).
 */
function moneyMetrics(months: Table<InvMonthKey>): Metric[] {
  const w = name("SIB_PayMunicipalityShare");
  return [
    {
      name: "SIB_InvDealCostsTotal",
      label: { da: "Heraf handelsomkostninger", en: "Of which deal costs" },
      formula: call("SUM", months.range("dealCost")),
      format: FORMATS.kr,
      description: {
        da: "Handelsomkostninger, investoren finansierer: etablering, evaluering, formidler (kr)",
        en: "Deal costs the investor finances: set-up, evaluation, intermediary (kr)",
      },
    },
    {
      name: "SIB_InvToCommissioner",
      label: {
        da: "Overskud til kommunen (tilbageholdt eller tilbagebetalt)",
        en: "Surplus to the commissioner (withheld or returned)",
      },
      formula: call("SUM", months.range("toCommissioner")),
      format: FORMATS.kr,
      description: {
        da: "Betalernes andel af overskuddet over loftet, som ikke betales eller betales tilbage (kr)",
        en: "The payers' share of the surplus above the cap that is not paid or is paid back (kr)",
      },
    },
    {
      name: "SIB_InvToCommissionerMunicipality",
      label: { da: "Heraf kommunens", en: "Of which the municipality's" },
      formula: mul(w, call("SUM", months.range("toCommissioner"))),
      format: FORMATS.kr,
      description: {
        da: "Kommunens del af overskuddet til kommunen (kr)",
        en: "The municipality's part of the surplus to the commissioner (kr)",
      },
    },
    {
      name: "SIB_MunicipalityNetPVAfterContract",
      label: {
        da: "Kommunens netto efter kontrakten, nutidsværdi",
        en: "Municipal net after the contract, present value",
      },
      formula: name("SIB_MunicipalityNetPV"),
      format: FORMATS.kr,
      description: {
        da: "Kommunens besparelser − dens betalinger + overskud tilbage − kapitalgaranti, den betaler; nutidsværdi (kr)",
        en: "Municipal savings − its payments + surplus back − the top-up it pays; present value (kr)",
      },
    },
  ];
}

/**
 * Deal costs in the socio-economic account (issue 11 item 5; engine: src/engine/investor/dealCosts.ts
 * dealCostSchedule): the present value of the deal costs the investor finances (month column) and of the provider's
 * cost of non-delivery (in the last month with a cost), with the Payment sheet's discount factors, and the
 * socio-economic NPV after them.
 */
function dealCostMetrics(months: Table<InvMonthKey>): Metric[] {
  return [
    {
      name: "SIB_InvDealCostsPV",
      label: {
        da: "Handelsomkostninger i alt, nutidsværdi (samfundsøkonomisk omkostning)",
        en: "Deal costs in total, present value (a socio-economic cost)",
      },
      formula: add(
        call("SUMPRODUCT", months.range("dealCost"), name("SIB_PayDiscountFactors")),
        mul(
          name("SIB_InvDealProviderNonDelivery"),
          call("INDEX", name("SIB_PayDiscountFactors"), add(name("SIB_InvLastCostMonth"), num(1))),
        ),
      ),
      format: FORMATS.kr,
      description: {
        da: "Nutidsværdi af investorens handelsomkostninger og leverandørens omkostning ved manglende levering (kr)",
        en: "Present value of the deal costs the investor finances and the provider's cost of non-delivery (kr)",
      },
    },
    {
      name: "SIB_SocioEconomicAfterDealCosts",
      label: {
        da: "Samfundsøkonomisk nutidsværdi efter handelsomkostninger",
        en: "Socio-economic NPV after the deal costs",
      },
      formula: sub(name("SIB_NPV_SocioEconomic"), name("SIB_InvDealCostsPV")),
      format: FORMATS.kr,
      description: {
        da: "Samfundsøkonomisk nutidsværdi (alle deltagere) minus handelsomkostningernes nutidsværdi; resultatbetalinger er overførsler (kr)",
        en: "Socio-economic NPV (all participants) minus the present value of the deal costs; outcome payments are transfers (kr)",
      },
    },
  ];
}
