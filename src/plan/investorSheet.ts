import type { InvestorTerms } from "../engine/investor/terms";
import { cell, columnRange } from "./address";
import type { CalculationLayout } from "./calculationSheet";
import {
  add,
  call,
  div,
  eq,
  gt,
  ifThen,
  lt,
  mul,
  name,
  neg,
  num,
  pow,
  ref,
  sub,
  sum,
  text,
  type Expr,
} from "./formula";
import type { PaymentLayout } from "./paymentSheet";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type NumberFormat, type SheetPlan } from "./types";

export const INVESTOR_SHEET_NAMES: Bilingual = { da: "Investor", en: "Investor" };
/** Shown where an optional term is off (any text: the formulas test ISNUMBER). */
const NONE: Bilingual = { da: "ingen", en: "none" };
/** Shown where no single IRR exists (IRR's error is caught, so the sheet has no error cell). */
export const NO_IRR: Bilingual = { da: "ingen entydig IA", en: "no single IRR" };

/**
 * The Investor sheet: capital drawn as the intervention costs fall due (or up front), outcome payments from the
 * Payment sheet distributed up to a return cap (IRR via a capital account growing at the cap rate, or a money
 * multiple), the surplus split, a principal-protection top-up in the last month, and the metrics: IRR (Excel's IRR on
 * the monthly flows, per month and as an effective annual rate), money multiple, net gain and NPV at the hurdle rate.
 * Native formulas reproducing src/engine/investor/waterfall.ts.
 */
export function investorSheet(
  terms: InvestorTerms,
  language: Language,
  calculation: CalculationLayout,
  payment: PaymentLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(INVESTOR_SHEET_NAMES[language], language);
  sheet.label(
    0,
    1,
    {
      da: "Investor: kapital, udbetalinger, afkastloft og nøgletal",
      en: "Investor: capital, distributions, return cap and metrics",
    },
    true,
  );
  sheet.label(0, 2, {
    da: "Investorens synsvinkel: negativ = indbetalt, positiv = modtaget. Renter er effektive årlige renter; månedlige strømme.",
    en: "The investor's view: negative = paid in, positive = received. Rates are effective annual rates; monthly flows.",
  });
  const optional = (value: number | null): number | string => value ?? NONE[language];
  const inputs: [string, Bilingual, number | string, NumberFormat][] = [
    [
      "SIB_InvDrawUpfront",
      {
        da: "Kapital trækkes forud (1) eller efterhånden som omkostningerne falder (0)",
        en: "Capital drawn up front (1) or as the costs fall due (0)",
      },
      terms.draw === "upfront" ? 1 : 0,
      FORMATS.integer,
    ],
    [
      "SIB_InvCapIRR",
      { da: "Afkastloft som IA (effektiv årlig rente)", en: "Return cap as an IRR (effective annual rate)" },
      optional(terms.returnCap.irr),
      FORMATS.percent,
    ],
    [
      "SIB_InvCapMultiple",
      { da: "Afkastloft som pengemultipel", en: "Return cap as a money multiple" },
      optional(terms.returnCap.multiple),
      FORMATS.factor,
    ],
    [
      "SIB_InvSurplusInvestor",
      { da: "Overskud over loftet: investorens andel", en: "Surplus above the cap: investor's share" },
      terms.surplusShare.investor,
      FORMATS.percent,
    ],
    [
      "SIB_InvSurplusProvider",
      { da: "Overskud: leverandørens andel", en: "Surplus: provider's share" },
      terms.surplusShare.provider,
      FORMATS.percent,
    ],
    [
      "SIB_InvSurplusCommissioner",
      { da: "Overskud: kommunens andel (betales ikke)", en: "Surplus: commissioner's share (not paid)" },
      terms.surplusShare.commissioner,
      FORMATS.percent,
    ],
    [
      "SIB_InvSurplusReinvested",
      { da: "Overskud: geninvesteres", en: "Surplus: reinvested" },
      terms.surplusShare.reinvested,
      FORMATS.percent,
    ],
    [
      "SIB_InvMaxLoss",
      {
        da: "Højeste tab som andel af kapitalen (kapitalgaranti)",
        en: "Maximum loss as a share of the capital (principal protection)",
      },
      optional(terms.maxLoss),
      FORMATS.percent,
    ],
    [
      "SIB_InvHurdleRate",
      { da: "Investorens krævede afkast (årlig rente)", en: "Investor's hurdle rate (annual)" },
      optional(terms.hurdleRate),
      FORMATS.percent,
    ],
  ];
  let row = 3;
  for (const [definedName, label, value, format] of inputs) {
    row++;
    sheet.label(0, row, label);
    sheet.value(1, row, "input", value, format);
    sheet.nameCell(definedName, 1, row, "input", sheet.text(label));
  }

  const months = payment.months;
  const calcRows = calculation.calendarMonths;
  const headerRow = row + 3;
  const column = {
    month: 0,
    cost: 1,
    draw: 2,
    payment: 3,
    balanceBefore: 4,
    distribution: 5,
    balanceAfter: 6,
    distributed: 7,
    surplus: 8,
    toInvestor: 9,
    topUp: 10,
    net: 11,
    hurdleFactor: 12,
    lastSign: 13,
    signChange: 14,
  } as const;
  const headers: [number, Bilingual][] = [
    [column.month, { da: "Programmåned m", en: "Programme month m" }],
    [column.cost, { da: "Indsatsens omkostning", en: "Intervention cost" }],
    [column.draw, { da: "Kapital trukket", en: "Capital drawn" }],
    [column.payment, { da: "Resultatbetaling", en: "Outcome payment" }],
    [
      column.balanceBefore,
      { da: "Kapitalkonto før udbetaling (IA-loft)", en: "Capital account before distribution (IRR cap)" },
    ],
    [column.distribution, { da: "Udbetalt til investor", en: "Distributed to the investor" }],
    [column.balanceAfter, { da: "Kapitalkonto efter", en: "Capital account after" }],
    [column.distributed, { da: "Akk. udbetalt", en: "Cum. distributed" }],
    [column.surplus, { da: "Overskud over loftet", en: "Surplus above the cap" }],
    [column.toInvestor, { da: "Overskud til investor", en: "Surplus to the investor" }],
    [column.topUp, { da: "Kapitalgaranti", en: "Principal protection top-up" }],
    [column.net, { da: "Investorens nettostrøm", en: "Investor's net flow" }],
    [column.hurdleFactor, { da: "Diskontering ved krævet afkast", en: "Discount at the hurdle rate" }],
    [column.lastSign, { da: "Seneste fortegn", en: "Last sign" }],
    [column.signChange, { da: "Fortegnsskift", en: "Sign change" }],
  ];
  sheet.label(0, headerRow - 1, { da: "Pr. programmåned (kr)", en: "Per programme month (kr)" }, true);
  for (const [c, header] of headers) sheet.label(c, headerRow, header, true);
  const first = headerRow + 1;
  const last = first + months - 1;
  const columnOf = (c: number): Expr => ref(columnRange(c, first, last));
  const principal = call("SUM", name("SIB_TotalCost"));
  const capIrr = name("SIB_InvCapIRR");
  const capMultiple = name("SIB_InvCapMultiple");
  const hasIrrCap = call("ISNUMBER", capIrr);
  const hasMultipleCap = call("ISNUMBER", capMultiple);
  for (let m = 0; m < months; m++) {
    const r = first + m;
    const at = (c: number): Expr => ref(cell(c, r));
    const previous = (c: number): Expr => ref(cell(c, r - 1));
    sheet.value(column.month, r, "label", m, FORMATS.integer);
    const month = at(column.month);
    sheet.formula(
      column.cost,
      r,
      ifThen(
        lt(month, num(calcRows)),
        call("INDEX", name("SIB_TotalCost"), call("MIN", num(calcRows), add(month, num(1)))),
        num(0),
      ),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.draw,
      r,
      ifThen(eq(name("SIB_InvDrawUpfront"), num(1)), ifThen(eq(month, num(0)), principal, num(0)), at(column.cost)),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.payment,
      r,
      call("INDEX", name("SIB_PaySchedule"), add(month, num(1))),
      "calculation",
      FORMATS.kr,
    );
    const grown =
      m === 0
        ? at(column.draw)
        : add(mul(previous(column.balanceAfter), pow(add(num(1), capIrr), div(num(1), num(12)))), at(column.draw));
    sheet.formula(column.balanceBefore, r, ifThen(hasIrrCap, grown, num(0)), "calculation", FORMATS.kr);
    const distributedBefore = m === 0 ? num(0) : previous(column.distributed);
    const byIrr = ifThen(hasIrrCap, call("MAX", num(0), at(column.balanceBefore)), at(column.payment));
    const byMultiple = ifThen(
      hasMultipleCap,
      call("MAX", num(0), sub(mul(capMultiple, principal), distributedBefore)),
      at(column.payment),
    );
    sheet.formula(
      column.distribution,
      r,
      call("MIN", at(column.payment), byIrr, byMultiple),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.balanceAfter,
      r,
      sub(at(column.balanceBefore), at(column.distribution)),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(column.distributed, r, add(distributedBefore, at(column.distribution)), "calculation", FORMATS.kr);
    sheet.formula(column.surplus, r, sub(at(column.payment), at(column.distribution)), "calculation", FORMATS.kr);
    sheet.formula(
      column.toInvestor,
      r,
      mul(name("SIB_InvSurplusInvestor"), at(column.surplus)),
      "calculation",
      FORMATS.kr,
    );
    const topUp =
      m === months - 1
        ? ifThen(
            call("ISNUMBER", name("SIB_InvMaxLoss")),
            call(
              "MAX",
              num(0),
              sub(
                sub(mul(sub(num(1), name("SIB_InvMaxLoss")), principal), at(column.distributed)),
                call("SUM", ref(columnRange(column.toInvestor, first, last))),
              ),
            ),
            num(0),
          )
        : num(0);
    sheet.formula(column.topUp, r, topUp, "calculation", FORMATS.kr);
    sheet.formula(
      column.net,
      r,
      add(sub(add(at(column.distribution), at(column.toInvestor)), at(column.draw)), at(column.topUp)),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.hurdleFactor,
      r,
      ifThen(
        call("ISNUMBER", name("SIB_InvHurdleRate")),
        pow(add(num(1), name("SIB_InvHurdleRate")), neg(div(month, num(12)))),
        num(0),
      ),
      "calculation",
      FORMATS.factor,
    );
  }
  for (let m = 0; m < months; m++) {
    const r = first + m;
    const sign = call("SIGN", ref(cell(column.net, r)));
    const before = m === 0 ? num(0) : ref(cell(column.lastSign, r - 1));
    sheet.formula(column.lastSign, r, ifThen(eq(sign, num(0)), before, sign), "calculation", FORMATS.integer);
    const changed = call(
      "AND",
      call("NOT", eq(sign, num(0))),
      call("NOT", eq(before, num(0))),
      call("NOT", eq(sign, before)),
    );
    sheet.formula(column.signChange, r, ifThen(changed, num(1), num(0)), "calculation", FORMATS.integer);
  }
  sheet.nameColumn(
    "SIB_InvNetFlows",
    column.net,
    first,
    last,
    "calculation",
    "The investor's net flow per programme month (kr; negative = paid in)",
  );

  // --- Metrics ---
  const resultColumn = 3;
  let resultRow = 3;
  sheet.label(resultColumn, resultRow, { da: "Nøgletal", en: "Metrics" }, true);
  const noIrr = text(sheet.text(NO_IRR));
  const returned = sum(
    call("SUM", columnOf(column.distribution)),
    call("SUM", columnOf(column.toInvestor)),
    call("SUM", columnOf(column.topUp)),
  );
  // Mean month of the money paid in and of the money received, weighted by amount.
  const inflow = (c: number): Expr => call("SUMPRODUCT", columnOf(c), columnOf(column.month));
  const meanDraw = div(inflow(column.draw), call("SUM", columnOf(column.draw)));
  const receipts = sum(
    call("SUM", columnOf(column.distribution)),
    call("SUM", columnOf(column.toInvestor)),
    call("SUM", columnOf(column.topUp)),
  );
  const meanReceipt = div(sum(inflow(column.distribution), inflow(column.toInvestor), inflow(column.topUp)), receipts);
  const irrGuess = call(
    "IFERROR",
    sub(pow(name("SIB_InvMultiple"), div(num(1), call("MAX", num(1), sub(meanReceipt, meanDraw)))), num(1)),
    num(0.1),
  );
  const metrics: [string, Bilingual, Expr, NumberFormat, string][] = [
    [
      "SIB_InvDrawn",
      { da: "Kapital trukket i alt", en: "Capital drawn in total" },
      principal,
      FORMATS.kr,
      "Capital drawn (the principal, kr)",
    ],
    [
      "SIB_InvReturned",
      { da: "Modtaget i alt", en: "Received in total" },
      returned,
      FORMATS.kr,
      "Distributions + surplus to the investor + top-up (kr)",
    ],
    [
      "SIB_InvNetGain",
      { da: "Nettogevinst", en: "Net gain" },
      sub(name("SIB_InvReturned"), name("SIB_InvDrawn")),
      FORMATS.kr,
      "Received − drawn (kr)",
    ],
    [
      "SIB_InvMultiple",
      { da: "Pengemultipel", en: "Money multiple" },
      ifThen(
        gt(name("SIB_InvDrawn"), num(0)),
        div(name("SIB_InvReturned"), name("SIB_InvDrawn")),
        text(sheet.text(NONE)),
      ),
      FORMATS.factor,
      "Received / drawn",
    ],
    [
      "SIB_InvSignChanges",
      {
        da: "Fortegnsskift i strømmene (over 1: IA er måske ikke entydig)",
        en: "Sign changes in the flows (above 1: the IRR may not be unique)",
      },
      call("SUM", columnOf(column.signChange)),
      FORMATS.integer,
      "Number of sign changes of the investor's net flows (Descartes: at most that many IRRs)",
    ],
    [
      "SIB_InvIRRGuess",
      { da: "Startgæt for IA (pr. måned)", en: "Starting guess for the IRR (per month)" },
      irrGuess,
      FORMATS.percentPrecise,
      "Multiple^(1/months between mean draw and mean receipt) − 1: a start near the IRR, so Excel's IRR converges also for strongly negative rates",
    ],
    [
      "SIB_InvIRRMonthly",
      { da: "Intern rente pr. måned (IA)", en: "IRR per month" },
      call("IFERROR", call("IRR", name("SIB_InvNetFlows"), name("SIB_InvIRRGuess")), noIrr),
      FORMATS.percentPrecise,
      "Excel's IRR of the monthly net flows (per month)",
    ],
    [
      "SIB_InvIRR",
      { da: "Intern rente, effektiv årlig", en: "IRR, effective annual" },
      call(
        "IFERROR",
        sub(pow(add(num(1), call("IRR", name("SIB_InvNetFlows"), name("SIB_InvIRRGuess"))), num(12)), num(1)),
        noIrr,
      ),
      FORMATS.percentPrecise,
      "(1 + monthly IRR)^12 − 1",
    ],
    [
      "SIB_InvNPVHurdle",
      { da: "Nutidsværdi ved krævet afkast", en: "NPV at the hurdle rate" },
      ifThen(
        call("ISNUMBER", name("SIB_InvHurdleRate")),
        call("SUMPRODUCT", columnOf(column.net), columnOf(column.hurdleFactor)),
        text(sheet.text(NONE)),
      ),
      FORMATS.kr,
      "NPV of the net flows at the hurdle rate, month 0 undiscounted (kr)",
    ],
    [
      "SIB_InvSurplus",
      { da: "Overskud over loftet", en: "Surplus above the cap" },
      call("SUM", columnOf(column.surplus)),
      FORMATS.kr,
      "Outcome payments above the return cap (kr)",
    ],
    [
      "SIB_InvTopUp",
      { da: "Kapitalgaranti udbetalt", en: "Principal protection paid" },
      call("SUM", columnOf(column.topUp)),
      FORMATS.kr,
      "Top-up paid to the investor (kr)",
    ],
  ];
  for (const [definedName, label, formula, format, description] of metrics) {
    resultRow++;
    sheet.namedOutput(resultColumn, resultRow, { name: definedName, label, formula, format, description });
  }
  const chart: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: cell(7, 3),
    type: "columnClustered",
    title: sheet.text({ da: "Investorens nettostrøm pr. måned, kr", en: "Investor's net flow per month, kr" }),
    dataSheet: sheet.sheetName,
    data: `${columnRange(column.net, headerRow, last)}`,
    categories: columnRange(column.month, first, last),
  };
  return {
    plan: sheet.build([56, 16, 16, 36, 18, 16, 16, 16, 16, 16, 16, 16, 16]),
    names: sheet.names,
    charts: [chart],
  };
}
