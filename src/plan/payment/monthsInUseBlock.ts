import { columnRange } from "../address";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import { add, and, call, concat, eq, gt, ifThen, le, mul, name, ne, num, ref, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { PAYMENT_SHEET_NAMES, WRITE_AGAIN } from "./labels";

/** The rows of the payment month table, for the capacity cell. */
export interface MonthRows {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Rows the block takes: its heading, the five extents, the months in use and the capacity. */
export const MONTHS_IN_USE_ROWS = 8;

type Extents = readonly [Row, Row, Row, Row, Row];
type Row = readonly [Bilingual, Expr];

/**
 * The months the payment schedule runs over, as the engine counts them (src/engine/payment/schedule.ts `months`): the
 * longest of the business case (latest intake + horizon), the base fee, the savings share (+ claim lag), the
 * outcome payments (the cohorts' last payments) and the sustainment card (its last month with a payment), named SIB_PayMonthsInUse; and the rows the model is written for,
 * SIB_CapacityPaymentMonths. The Investor sheet tops up in month SIB_PayMonthsInUse − 1, so spare rows change nothing.
 */
export function writeMonthsInUseBlock(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly extents: Expr; readonly months: MonthRows; readonly sustain: Expr },
): { bottom: number; checks: CheckSpec[] } {
  const rows = extentRows(
    deps.extents,
    deps.sustain,
    ref(columnRange(deps.months.column, deps.months.firstRow, deps.months.lastRow)),
  );
  sheet.label(0, top, { da: "Betalingsmåneder", en: "Payment months" }, true);
  rows.forEach(([label, formula], index) => {
    sheet.label(0, top + 1 + index, label);
    sheet.formula(1, top + 1 + index, formula, "calculation", FORMATS.integer);
  });
  const inUse = top + 1 + rows.length;
  writeNamedCount(sheet, inUse, {
    name: "SIB_PayMonthsInUse",
    label: { da: "Betalingsmåneder i brug (den længste)", en: "Payment months in use (the longest)" },
    formula: call("MAX", ref(columnRange(1, top + 1, inUse - 1))),
    description: {
      da: "Programmåneder, betalingsplanen løber over (som beregningsmotoren tæller dem)",
      en: "Programme months the payment schedule runs over (as the engine counts them)",
    },
  });
  const { column, firstRow, lastRow } = deps.months;
  writeNamedCount(sheet, inUse + 1, {
    name: "SIB_CapacityPaymentMonths",
    label: { da: "Modellen er skrevet til (betalingsmåneder)", en: "The model is written for (payment months)" },
    formula: call("ROWS", ref(columnRange(column, firstRow, lastRow))),
    description: {
      da: "Betalingsmåneder, modellen er skrevet til (rækker i månedstabellerne)",
      en: "Payment months the model is written for (rows of the month tables)",
    },
  });
  return { bottom: top + MONTHS_IN_USE_ROWS - 1, checks: [capacityCheck(sheet)] };
}

function extentRows(extents: Expr, sustain: Expr, months: Expr): Extents {
  const lastIntake = call("MAX", name("SIB_CohortIntakeMonths"));
  const businessCase = add(lastIntake, name("SIB_HorizonMonths"));
  const savingsOn = and(gt(name("SIB_PaySavingsShare"), num(0)), eq(name("SIB_PayContractThresholdMet"), num(1)));
  const spread = eq(name("SIB_PayBaseFeeSpread"), num(1));
  return [
    [
      {
        da: "Business casens programmåneder (seneste start + tidshorisont)",
        en: "Programme months of the business case (latest intake + horizon)",
      },
      businessCase,
    ],
    [
      { da: "Basishonorar: måneder til sidste betaling", en: "Base fee: months to the last payment" },
      add(lastIntake, ifThen(spread, name("SIB_InterventionMonths"), num(1))),
    ],
    [
      { da: "Besparelsesandel: måneder til sidste betaling", en: "Savings share: months to the last payment" },
      ifThen(savingsOn, add(businessCase, name("SIB_PayLagMonths")), num(0)),
    ],
    [
      { da: "Resultatbetalinger: måneder til sidste betaling", en: "Outcome payments: months to the last payment" },
      call("MAX", extents),
    ],
    [
      { da: "Fastholdelseskort: måneder til sidste betaling", en: "Sustainment card: months to the last payment" },
      // The last month with a payment + 1 (one SUMPRODUCT evaluates MAX over the rows element by element).
      call("SUMPRODUCT", call("MAX", mul(ne(sustain, num(0)), add(months, num(1))))),
    ],
  ];
}

/** A bold label, a count formula to its right, and the cell's defined name. */
function writeNamedCount(
  sheet: SheetBuilder,
  row: number,
  spec: { readonly name: string; readonly label: Bilingual; readonly formula: Expr; readonly description: Bilingual },
): void {
  sheet.label(0, row, spec.label, true);
  sheet.formula(1, row, spec.formula, "calculation", FORMATS.integer);
  sheet.nameCell(spec.name, 1, row, "calculation", sheet.text(spec.description));
}

function capacityCheck(sheet: SheetBuilder): CheckSpec {
  const where = PAYMENT_SHEET_NAMES;
  const inUse = name("SIB_PayMonthsInUse");
  const capacity = name("SIB_CapacityPaymentMonths");
  return {
    id: "PayCapacity",
    label: {
      da: `${where.da}: betalingsmåneder inden for kapaciteten`,
      en: `${where.en}: payment months within the capacity`,
    },
    ok: whenNumbers([inUse], le(inUse, capacity)),
    message: concat(
      sheet.text({ da: "Modellen er skrevet til ", en: "The model was written for " }),
      capacity,
      sheet.text({
        da: " betalingsmåneder, men med de nuværende input løber betalingerne over ",
        en: " payment months, but with the current inputs the payments run over ",
      }),
      inUse,
      sheet.text({ da: ` måneder; ${WRITE_AGAIN.da}`, en: ` months; ${WRITE_AGAIN.en}` }),
    ),
  };
}
