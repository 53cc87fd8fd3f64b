import { computeBusinessCase } from "../engine/businessCase";
import { writeSelfFundedBlock } from "./payment/selfFundedBlock";
import { zeroEffectScenario } from "../engine/payment/deadweight";
import { zeroEffectProgression } from "../engine/payment/progression";
import { computePaymentSchedule, type PaymentSchedule } from "../engine/payment/schedule";
import type { PaymentTerms } from "../engine/payment/terms";
import type { Scenario } from "../engine/scenario";
import { absolute, cell } from "./address";
import { writeStatusEcho, type CheckSpec } from "./blocks/checks";
import type { Table } from "./blocks/table";
import type { Expr } from "./formula";
import type { CalculationLayout } from "./calculationSheet";
import type { InputsLayout } from "./inputsSheet";
import { writeCohortBlock } from "./payment/cohortBlock";
import {
  deadweightResultRows,
  writeDeadweightResults,
  writeThresholdAtZero,
  writeZeroEffectMonths,
  zeroEffectCard,
} from "./payment/deadweightBlock";
import { PAYMENT_SHEET_NAMES } from "./payment/labels";
import { writeMonthBlock, type PayMonthKey } from "./payment/monthBlock";
import { MONTHS_IN_USE_ROWS, writeMonthsInUseBlock } from "./payment/monthsInUseBlock";
import { writeRateCardBlock } from "./payment/rateCardBlock";
import { paymentResultRows, writePaymentResults } from "./payment/resultsBlock";
import { writeTermsBlock } from "./payment/termsBlock";
import { writeProgressionBlock } from "./payment/progressionBlock";
import { writeSustainmentBlock } from "./payment/sustainmentBlock";
import { SheetBuilder } from "./sheetBuilder";
import type { ChartPlan, Language, SheetPlan } from "./types";

export { metricLabel, PAYMENT_SHEET_NAMES } from "./payment/labels";

/** Where the Investor sheet finds the payment schedule. */
export interface PaymentLayout {
  readonly sheet: string;
  /** Rows of the month tables: the capacity, at least the months the payments run over. */
  readonly months: number;
  /** The outcome payments per rate-card line and the discount factors per month, sheet-qualified ranges. */
  readonly metricRanges: readonly Expr[];
  readonly discountRange: Expr;
}

const RESULTS = { left: 16, top: 4 } as const;

const ZERO_COHORTS_HEADING = {
  da: "Ved nul effekt: betalbare udfald pr. kohorte, når deltagerne har kontrolgruppens andele (samme basislinje, tærskel, kæde og lofter)",
  en: "At zero effect: payable outcomes per cohort when the participants have the comparison group's shares (same baseline, threshold, chain and caps)",
};

/**
 * The Payment sheet, in blocks: the payment terms as named inputs; the rate card with each metric's shares, effect
 * and baseline; the payable outcomes per cohort (baseline, threshold, chain, volume cap, per-person cap); the payment
 * months in use and the capacity; per programme month the outcome payments, base fee, share of savings, contract cap,
 * payer split and the municipality's net position; and the results. Native formulas that reproduce
 * src/engine/payment/schedule.ts; every formula's length is independent of the number of cohorts and months. The
 * month rows (SIB_CapacityPaymentMonths) are the engine's schedule plus the Calculation sheet's spare rows, at least
 * `options.capacityMonths`; rows beyond the months in use (SIB_PayMonthsInUse) hold zeros and change nothing.
 */
export function paymentSheet(
  scenario: Scenario,
  terms: PaymentTerms,
  schedule: PaymentSchedule,
  language: Language,
  inputs: InputsLayout,
  calculation: CalculationLayout,
  options: { readonly capacityMonths?: number } = {},
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: PaymentLayout; charts: ChartPlan[]; checks: CheckSpec[] } {
  const sheet = new SheetBuilder(PAYMENT_SHEET_NAMES[language], language);
  writeHeading(sheet);
  writeStatusEcho(sheet, 0, 3);
  const termsBlock = writeTermsBlock(sheet, 4, terms);
  const progression = writeProgressionBlock(sheet, termsBlock.bottom + 2, { terms, scenario });
  const cardDeps = { terms, inputs, calculation, progression: progression.cells };
  const card = writeRateCardBlock(sheet, progression.bottom + 2, cardDeps);
  const metricCount = card.layout.definitions.length;
  const deadweightTop = RESULTS.top + paymentResultRows(metricCount) + 2;
  const thresholdAtZero = writeThresholdAtZero(sheet, 1, card.bottom + 1);
  const sustainment = writeSustainmentBlock(sheet, card.bottom + 3, { terms, inputs, calculation, card: card.layout });
  const cohortTop = Math.max(sustainment.bottom + 1, deadweightTop + deadweightResultRows(metricCount)) + 2;
  const cohorts = writeCohortBlock(sheet, cohortTop, { scenario, inputs, card: card.layout });
  const zeroCohorts = writeCohortBlock(sheet, cohorts.bottom + 2, {
    scenario,
    inputs,
    card: zeroEffectCard(card.layout, thresholdAtZero),
    heading: ZERO_COHORTS_HEADING,
  });
  const rows = paymentRows(scenario, terms, schedule, calculation, options.capacityMonths ?? 0);
  const inUseTop = zeroCohorts.bottom + 2;
  const months = writeMonthBlock(sheet, inUseTop + MONTHS_IN_USE_ROWS + 1, {
    rows,
    card: card.layout,
    cohorts: cohorts.layout,
  });
  const inUse = writeMonthsInUseBlock(sheet, inUseTop, {
    extents: cohorts.layout.range("extent"),
    months: { column: months.layout.column("m"), firstRow: months.layout.firstRow, lastRow: months.layout.lastRow },
    sustain: months.layout.range("sustain"),
  });
  writePaymentResults(sheet, RESULTS, { months: months.layout, card: card.layout });
  const zeroMonths = writeZeroEffectMonths(sheet, {
    months: months.layout,
    card: card.layout,
    cohorts: zeroCohorts.layout,
  });
  writeDeadweightResults(
    sheet,
    { left: RESULTS.left, top: deadweightTop },
    {
      months: months.layout,
      zeroMonths,
      card: card.layout,
      cohorts: cohorts.layout,
      zeroCohorts: zeroCohorts.layout,
    },
  );
  // SIB vs doing it ourselves (issue 10 item 4), below the month tables.
  writeSelfFundedBlock(sheet, months.layout.lastRow + 3, { months: months.layout, zeroMonths });
  const columns = Math.max(zeroMonths.column("lastPaid"), cohorts.layout.column("extent"), RESULTS.left + 1) + 1;
  return {
    plan: sheet.build(Array.from({ length: columns }, (_, i) => (i === 0 ? 52 : 16))),
    names: sheet.names,
    layout: {
      sheet: sheet.sheetName,
      months: rows,
      metricRanges: card.layout.definitions.map((_, k) => months.layout.range(`metric:${k}`, sheet.sheetName)),
      discountRange: months.layout.range("discount", sheet.sheetName),
    },
    charts: [paymentChart(sheet, months.layout)],
    checks: [termsBlock, progression, card, sustainment, cohorts, inUse].flatMap((block) => block.checks),
  };
}

/**
 * Month rows to write: the engine's schedule plus the Calculation sheet's spare months (so raising the horizon up to
 * that sheet's capacity keeps the payments, which may run past it by the claim lag, within the rows), and at least
 * two (the Investor sheet counts sign changes between consecutive months).
 */
function paymentRows(
  scenario: Scenario,
  terms: PaymentTerms,
  schedule: PaymentSchedule,
  calculation: CalculationLayout,
  minimum: number,
): number {
  // Sizes only: a payment at zero effect may fall in a month the scenario's own schedule does not reach.
  const zero = zeroEffectScenario(scenario);
  const zeroTerms = { ...terms, rateCard: zeroEffectProgression(terms.rateCard) };
  const zeroEffect = computePaymentSchedule(zero, computeBusinessCase(zero), zeroTerms).months;
  const businessCaseMonths = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth)) + scenario.horizonMonths;
  const months = Math.max(schedule.months, zeroEffect);
  return Math.max(months + calculation.calendarMonths - businessCaseMonths, minimum, 2);
}

function writeHeading(sheet: SheetBuilder): void {
  sheet.label(
    0,
    1,
    {
      da: "Betaling: resultatbetaling, lofter og kommunens nettoposition",
      en: "Payment: outcome payments, caps and the municipality's net position",
    },
    true,
  );
  sheet.label(0, 2, {
    da: "Gule celler er betalingsvilkår. Et loft er et tal eller teksten «intet loft», tærsklen et tal eller «ingen tærskel». 1/0-celler: 1 = ja. Beløb i kr; positiv = betalt af betaleren.",
    en: "Yellow cells are payment terms. A cap is a number or the text “no cap”, the threshold a number or “no threshold”. 1/0 cells: 1 = yes. Amounts in kr; positive = paid by the payer.",
  });
}

function paymentChart(sheet: SheetBuilder, months: Table<PayMonthKey>): ChartPlan {
  return {
    sheet: sheet.sheetName,
    anchor: cell(RESULTS.left + 3, RESULTS.top),
    type: "columnClustered",
    title: sheet.text({ da: "Betalinger pr. måned efter betaler, kr", en: "Payments per month by payer, kr" }),
    dataSheet: sheet.sheetName,
    data: `${absolute(months.column("municipality"), months.headerRow)}:${absolute(months.column("state"), months.lastRow)}`,
    categories: months.rangeAddress("m"),
  };
}
