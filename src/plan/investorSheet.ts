import type { InvestorTerms } from "../engine/investor/terms";
import { absolute } from "./address";
import { writeStatusEcho, type CheckSpec } from "./blocks/checks";
import type { Table } from "./blocks/table";
import type { CalculationLayout } from "./calculationSheet";
import { writeInvestorInputs } from "./investor/inputsBlock";
import { INVESTOR_SHEET_NAMES } from "./investor/labels";
import { INVESTOR_METRIC_ROWS, writeInvestorMetrics } from "./investor/metricsBlock";
import { writeInvestorMonths, type InvMonthKey } from "./investor/monthBlock";
import { surplusOutputs } from "./investor/surplusColumns";
import { topUpAtZeroPV, writeZeroEffectWaterfall } from "./investor/zeroEffectBlock";
import type { Expr } from "./formula";
import { MAX_RECYCLED_COHORTS } from "../engine/investor/surplus";
import { guarded } from "./blocks/checks";
import type { PaymentLayout } from "./paymentSheet";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type SheetPlan } from "./types";

export { INVESTOR_SHEET_NAMES, NO_IRR } from "./investor/labels";

const INPUTS_TOP = 4;
const METRICS = { left: 3, top: 3 } as const;

/**
 * The Investor sheet, in blocks: the investor terms as named inputs; per programme month the capital drawn as the
 * intervention costs fall due (or up front), the outcome payments from the Payment sheet distributed up to a return
 * cap (IRR via a capital account growing at the cap rate, or a money multiple), the surplus split and a
 * principal-protection top-up in the last month of the payment schedule; and the metrics: IRR (Excel's IRR on the
 * monthly flows, per month and as an effective annual rate), money multiple, net gain and NPV at the hurdle rate.
 * Native formulas reproducing src/engine/investor/waterfall.ts; the month rows are the Payment sheet's, and the
 * Calculation sheet is read by its defined names (`calculation` is kept for the callers' signature).
 */
export function investorSheet(
  terms: InvestorTerms,
  language: Language,
  calculation: CalculationLayout,
  payment: PaymentLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; charts: ChartPlan[]; checks: CheckSpec[] } {
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
  writeStatusEcho(sheet, 0, INPUTS_TOP - 1);
  const inputs = writeInvestorInputs(sheet, INPUTS_TOP, terms);
  const surplusTop = METRICS.top + INVESTOR_METRIC_ROWS + 2;
  const monthsTop = Math.max(inputs.bottom, surplusTop + SURPLUS_ROWS) + 2;
  const topUpByCommissioner = terms.topUpPayer !== "guarantor";
  const months = writeInvestorMonths(sheet, monthsTop, payment.months, { topUpByCommissioner });
  // The same waterfall on the zero-effect schedule, for the Payment sheet's SIB_SibLossNoEffect (issue 11).
  const zero = writeZeroEffectWaterfall(sheet, months.bottom + 3, months.layout, { topUpByCommissioner });
  writeInvestorMetrics(sheet, METRICS, months.layout);
  writeSurplusTotals(sheet, surplusTop, months.layout, topUpAtZeroPV(zero.layout, topUpByCommissioner));
  return {
    plan: sheet.build([56, 16, 16, 36, 18, 16, 16, 16, 16, 16, 16, 16, 16, 16]),
    names: sheet.names,
    charts: [investorChart(sheet, months.layout)],
    checks: inputs.checks,
  };
}

/** Rows the surplus totals take below their heading. */
const SURPLUS_ROWS = 11;

/**
 * The savings surplus paid out or reinvested, in totals (issue 15 item 4; src/plan/investor/surplusColumns.ts), below
 * the metrics, each guarded by the input checks.
 */
function writeSurplusTotals(sheet: SheetBuilder, top: number, months: Table<InvMonthKey>, topUpAtZero: Expr): void {
  sheet.label(
    METRICS.left,
    top,
    { da: "Besparelsesoverskud: udbetalt eller geninvesteret", en: "Savings surplus: paid out or reinvested" },
    true,
  );
  // The engine's guard against a tiny cost per participant (surplus.ts MAX_RECYCLED_COHORTS), as a labelled constant.
  sheet.label(METRICS.left, top + 1, { da: "Højst antal nye hold", en: "Most next cohorts" });
  sheet.value(METRICS.left + 1, top + 1, "label", MAX_RECYCLED_COHORTS, FORMATS.integer);
  sheet.nameCell(
    "SIB_InvMaxRecycledCohorts",
    METRICS.left + 1,
    top + 1,
    "label",
    sheet.text({
      da: "Højst så mange nye hold betales af fonden (en grænse i beregningen; resten bliver i fonden)",
      en: "The fund pays for at most this many next cohorts (a limit of the calculation; the rest stays in the fund)",
    }),
  );
  const outputs = surplusOutputs(months, topUpAtZero);
  if (outputs.length + 1 !== SURPLUS_ROWS) throw new Error("surplus rows changed");
  outputs.forEach((output, index) =>
    sheet.namedOutput(METRICS.left, top + 2 + index, {
      ...output,
      formula: guarded(output.formula),
      description: sheet.text(output.description),
    }),
  );
}

function investorChart(sheet: SheetBuilder, months: Table<InvMonthKey>): ChartPlan {
  return {
    sheet: sheet.sheetName,
    anchor: "H3",
    type: "columnClustered",
    title: sheet.text({ da: "Investorens nettostrøm pr. måned, kr", en: "Investor's net flow per month, kr" }),
    dataSheet: sheet.sheetName,
    data: `${months.headerAddress("net")}:${absolute(months.column("net"), months.lastRow)}`,
    categories: months.rangeAddress("m"),
  };
}
