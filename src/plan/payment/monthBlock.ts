import { columnRange } from "../address";
import { writeTable, type RowScope, type Table, type TableColumn } from "../blocks/table";
import {
  add,
  and,
  call,
  div,
  eq,
  ge,
  gt,
  ifThen,
  lt,
  midMonthDiscountFactor,
  mul,
  name,
  num,
  ref,
  sub,
  sum,
  type Expr,
} from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import type { CohortKey } from "./cohortBlock";
import { metricLabel } from "./labels";
import type { RateCardLayout } from "./rateCardBlock";
import { sustainmentPaid } from "./sustainmentBlock";

export type PayMonthKey =
  | "m"
  | "discount"
  | `metric:${number}`
  | "baseFee"
  | "sustain"
  | "savings"
  | "cumulativeSavings"
  | "owed"
  | "savingsPaid"
  | "savingsLagged"
  | "raw"
  | "total"
  | "cumulativeTotal"
  | "municipality"
  | "state"
  | "municipalSavings"
  | "municipalNet"
  | "municipalNetPV"
  | "scale";

type Row = RowScope<PayMonthKey>;

/**
 * A flow of the Calculation sheet in programme month m: INDEX(flow, m + 1) within its rows, 0 after them (the
 * Calculation sheet may be written for fewer months than the payments run over).
 */
export function calculationFlow(definedName: string, month: Expr): Expr {
  return ifThen(
    lt(month, call("ROWS", name(definedName))),
    call("INDEX", name(definedName), add(month, num(1))),
    num(0),
  );
}

/**
 * Per programme month (`rows` rows, at least the months in use): the outcome payments per metric (SUMIF over the
 * cohort table), the base fee, the sustainment card, the share of savings (high-water mark, after the claim lag), the
 * contract cap, the payer split and the municipality's net position. Every formula's length is independent of the
 * number of cohorts and months.
 */
export function writeMonthBlock(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly rows: number; readonly card: RateCardLayout; readonly cohorts: Table<CohortKey> },
): { bottom: number; layout: Table<PayMonthKey> } {
  sheet.label(0, top, { da: "Pr. programmåned (kr)", en: "Per programme month (kr)" }, true);
  const headerRow = top + 1;
  const keys: PayMonthKey[] = [];
  const rangeOf = (key: PayMonthKey): Expr => ref(columnRange(keys.indexOf(key), headerRow + 1, headerRow + deps.rows));
  const columns = [...leadColumns(deps.card, deps.cohorts), ...savingsColumns(rangeOf), ...paymentColumns(deps.card)];
  keys.push(...columns.map((column) => column.key));
  const table = writeTable(sheet, { left: 0, headerRow, rows: deps.rows, columns });
  nameMonthColumns(sheet, table);
  return { bottom: table.lastRow, layout: table };
}

function leadColumns(card: RateCardLayout, cohorts: Table<CohortKey>): TableColumn<PayMonthKey>[] {
  const intakes = cohorts.range("intake");
  return [
    { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
    {
      key: "discount",
      header: { da: "Diskonteringsfaktor", en: "Discount factor" },
      format: FORMATS.factor,
      formula: (r) => midMonthDiscountFactor(r.at("m")),
    },
    ...card.definitions.map((definition, k): TableColumn<PayMonthKey> => ({
      key: `metric:${k}`,
      header: metricLabel(definition.id),
      format: FORMATS.kr,
      // The cohorts paid in month m for metric k: intake = m − months from intake to payment.
      formula: (r) => call("SUMIF", intakes, sub(r.at("m"), card.at(k, "paidAfter")), cohorts.range(`amount:${k}`)),
    })),
    {
      key: "baseFee",
      header: { da: "Basishonorar", en: "Base fee" },
      format: FORMATS.kr,
      formula: (r) => baseFee(r.at("m")),
    },
    {
      key: "sustain",
      header: { da: "Fastholdelseskort", en: "Sustainment card" },
      format: FORMATS.kr,
      formula: (r) =>
        sustainmentPaid(
          r.at("m"),
          name("SIB_PaySustainShare"),
          name("SIB_PaySustainComparison"),
          name("SIB_PaySustainGate"),
        ),
    },
  ];
}

/** Base fee in month m: at intake (SUMIF) or spread evenly over the months of the effort (SUMPRODUCT). */
function baseFee(month: Expr): Expr {
  const intakes = name("SIB_CohortIntakeMonths");
  const participants = name("SIB_CohortParticipants");
  const duration = name("SIB_InterventionMonths");
  const running = call("SUMPRODUCT", mul(mul(ge(month, intakes), lt(month, add(intakes, duration))), participants));
  return ifThen(
    eq(name("SIB_PayBaseFeeSpread"), num(1)),
    div(mul(running, name("SIB_PayBaseFee")), duration),
    mul(call("SUMIF", intakes, month, participants), name("SIB_PayBaseFee")),
  );
}

function savingsColumns(rangeOf: (key: PayMonthKey) => Expr): TableColumn<PayMonthKey>[] {
  const savingsOn = and(gt(name("SIB_PaySavingsShare"), num(0)), eq(name("SIB_PayContractThresholdMet"), num(1)));
  const lag = name("SIB_PayLagMonths");
  return [
    {
      key: "savings",
      header: { da: "Beregnede besparelser", en: "Modelled savings" },
      format: FORMATS.kr,
      formula: (r) =>
        ifThen(
          eq(name("SIB_PaySavingsBroad"), num(1)),
          add(calculationFlow("SIB_Flow_Public", r.at("m")), calculationFlow("SIB_TotalCost", r.at("m"))),
          r.at("municipalSavings"),
        ),
    },
    {
      key: "cumulativeSavings",
      header: { da: "Akk. besparelser", en: "Cum. savings" },
      format: FORMATS.kr,
      formula: (r) => add(r.previous("cumulativeSavings", num(0)), r.at("savings")),
    },
    {
      key: "owed",
      header: { da: "Skyldig andel (højeste)", en: "Share owed (high-water mark)" },
      format: FORMATS.kr,
      formula: (r) =>
        call(
          "MAX",
          r.previous("owed", num(0)),
          mul(name("SIB_PaySavingsShare"), call("MAX", num(0), r.at("cumulativeSavings"))),
        ),
    },
    {
      key: "savingsPaid",
      header: { da: "Besparelsesandel", en: "Savings share" },
      format: FORMATS.kr,
      formula: (r) => sub(r.at("owed"), r.previous("owed", num(0))),
    },
    {
      key: "savingsLagged",
      header: { da: "Besparelsesandel betalt", en: "Savings share paid" },
      format: FORMATS.kr,
      formula: (r) =>
        ifThen(
          and(savingsOn, ge(r.at("m"), lag)),
          call("INDEX", rangeOf("savingsPaid"), add(sub(r.at("m"), lag), num(1))),
          num(0),
        ),
    },
  ];
}

function paymentColumns(card: RateCardLayout): TableColumn<PayMonthKey>[] {
  const cap = name("SIB_PayContractCap");
  const share = name("SIB_PayMunicipalityShare");
  const kr = (key: PayMonthKey, header: { da: string; en: string }, formula: (r: Row) => Expr) => ({
    key,
    header,
    format: FORMATS.kr,
    formula,
  });
  return [
    kr("raw", { da: "Betaling før kontraktloft", en: "Payment before contract cap" }, (r) =>
      sum(
        r.at("baseFee"),
        r.at("sustain"),
        r.at("savingsLagged"),
        ...card.definitions.map((_, k) => r.at(`metric:${k}`)),
      ),
    ),
    kr("total", { da: "Betaling i alt", en: "Total payment" }, (r) =>
      ifThen(
        call("ISNUMBER", cap),
        call("MAX", num(0), call("MIN", r.at("raw"), sub(cap, r.previous("cumulativeTotal", num(0))))),
        r.at("raw"),
      ),
    ),
    kr("cumulativeTotal", { da: "Akk. betaling", en: "Cum. payment" }, (r) =>
      add(r.previous("cumulativeTotal", num(0)), r.at("total")),
    ),
    kr("municipality", { da: "Betalt af kommunen", en: "Paid by the municipality" }, (r) => mul(r.at("total"), share)),
    kr("state", { da: "Betalt af staten", en: "Paid by the state" }, (r) => mul(r.at("total"), sub(num(1), share))),
    kr("municipalSavings", { da: "Kommunens besparelse", en: "Municipal savings" }, (r) =>
      add(calculationFlow("SIB_Flow_Municipality", r.at("m")), calculationFlow("SIB_TotalCost", r.at("m"))),
    ),
    // What the municipality actually pays (the money identity): its payments − its part of a surplus withheld or
    // returned under the investor's return cap + its part of a top-up (the Investor sheet's SIB_InvMunicipalityBack).
    kr("municipalNet", { da: "Kommunens netto (efter afkastloft)", en: "Municipal net (after the return cap)" }, (r) =>
      add(
        sub(r.at("municipalSavings"), r.at("municipality")),
        call("INDEX", name("SIB_InvMunicipalityBack"), add(r.at("m"), num(1))),
      ),
    ),
    kr("municipalNetPV", { da: "Kommunens akk. netto (nutidsværdi)", en: "Municipal cum. net (present value)" }, (r) =>
      add(r.previous("municipalNetPV", num(0)), mul(r.at("discount"), r.at("municipalNet"))),
    ),
    {
      key: "scale",
      header: { da: "Andel efter kontraktloft", en: "Share kept after contract cap" },
      format: FORMATS.factor,
      formula: (r) => ifThen(gt(r.at("raw"), num(0)), div(r.at("total"), r.at("raw")), num(0)),
    },
  ];
}

function nameMonthColumns(sheet: SheetBuilder, table: Table<PayMonthKey>): void {
  const names: [string, PayMonthKey, Bilingual][] = [
    [
      "SIB_PayDiscountFactors",
      "discount",
      {
        da: "Diskonteringsfaktor pr. programmåned i betalingsplanen",
        en: "Discount factor per programme month of the payment schedule",
      },
    ],
    [
      "SIB_PaySchedule",
      "total",
      {
        da: "Betaling i alt pr. programmåned (kr) efter kontraktloftet",
        en: "Total payment per programme month (kr), after the contract cap",
      },
    ],
    [
      "SIB_PayScheduleMunicipality",
      "municipality",
      { da: "Kommunens betaling pr. programmåned (kr)", en: "Payment by the municipality per programme month (kr)" },
    ],
    [
      "SIB_PayScheduleState",
      "state",
      { da: "Statens betaling pr. programmåned (kr)", en: "Payment by the state per programme month (kr)" },
    ],
  ];
  for (const [definedName, key, description] of names) {
    sheet.nameColumn(
      definedName,
      table.column(key),
      table.firstRow,
      table.lastRow,
      "calculation",
      sheet.text(description),
    );
  }
}
