import { familiesOf } from "../../engine/payment/schedule";
import type { Scenario } from "../../engine/scenario";
import { absolute, cell, columnRange } from "../address";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import { writeTable, type RowScope, type Table, type TableColumn } from "../blocks/table";
import { add, call, eq, ge, gt, ifThen, lt, mul, name, ne, num, ref, sub, sum, text, type Expr } from "../formula";
import type { InputsLayout } from "../inputsSheet";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { metricLabel, PAYMENT_SHEET_NAMES, WRITE_AGAIN } from "./labels";
import { CARD, type RateCardLayout } from "./rateCardBlock";

type MetricPart = "count" | "paid" | "price" | "amount";
export type CohortKey = "intake" | "participants" | "extent" | `${MetricPart}:${number}`;

const LABEL_COLUMN = 0;
const NUMBER_COLUMN = 1;
const TABLE_LEFT = 2;

/**
 * Payable outcomes per cohort, one row per cohort in order of intake (the order the volume caps are used up in, fixed
 * when the model is written): per metric the outcomes above the baseline, the count paid after the chain and the
 * volume cap, the price after the per-person cap and the amount; and the months until the cohort's last payment.
 */
export function writeCohortBlock(
  sheet: SheetBuilder,
  top: number,
  deps: {
    readonly scenario: Scenario;
    readonly inputs: InputsLayout;
    readonly card: RateCardLayout;
    /** Another heading (e.g. the same table at zero effect); default the payable outcomes under the scenario. */
    readonly heading?: Bilingual;
  },
): { bottom: number; layout: Table<CohortKey>; checks: CheckSpec[] } {
  const { scenario, inputs, card } = deps;
  sheet.label(
    LABEL_COLUMN,
    top,
    deps.heading ?? {
      da: "Betalbare udfald pr. kohorte (efter basislinje, tærskel, kæde og lofter), i rækkefølge efter startmåned",
      en: "Payable outcomes per cohort (after baseline, threshold, chain and caps), in order of intake",
    },
    true,
  );
  const headerRow = top + 1;
  const ordered = scenario.cohorts
    .map((cohort, index) => ({ cohort, index }))
    .sort((a, b) => a.cohort.intakeMonth - b.cohort.intakeMonth || a.index - b.index);
  sheet.label(LABEL_COLUMN, headerRow, { da: "Kohorte", en: "Cohort" }, true);
  sheet.label(NUMBER_COLUMN, headerRow, { da: "Nr. på Input-arket", en: "No. on the Inputs sheet" }, true);
  ordered.forEach(({ index }, position) => {
    sheet.label(LABEL_COLUMN, headerRow + 1 + position, { da: `Kohorte ${index + 1}`, en: `Cohort ${index + 1}` });
    sheet.value(NUMBER_COLUMN, headerRow + 1 + position, "label", index + 1, FORMATS.integer);
  });
  const paidColumn = (k: number): number => TABLE_LEFT + columns.findIndex((column) => column.key === `paid:${k}`);
  const cohortCells = (r: RowScope<CohortKey>): InputsLayout["cohorts"][number] => {
    const cells = inputs.cohorts[ordered[r.index]?.index ?? -1];
    if (cells === undefined) throw new Error("cohort out of range");
    return cells;
  };
  const columns: TableColumn<CohortKey>[] = [
    {
      key: "intake",
      header: { da: "Startmåned", en: "Intake month" },
      format: FORMATS.integer,
      formula: (r) => ref(cohortCells(r).intakeMonth, inputs.sheet),
    },
    {
      key: "participants",
      header: { da: "Deltagere", en: "Participants" },
      format: FORMATS.integer,
      formula: (r) => ref(cohortCells(r).participants, inputs.sheet),
    },
    ...card.definitions.flatMap((_, k) => metricColumns(card, k, paidColumn)),
    {
      key: "extent",
      header: { da: "Måneder til sidste betaling", en: "Months to the last payment" },
      format: FORMATS.integer,
      formula: (r) => extent(card, r),
    },
  ];
  const table = writeTable(sheet, { left: TABLE_LEFT, headerRow, rows: ordered.length, columns });
  // One order check per sheet: a second table over the same cohorts (deps.heading) shares the first one's.
  const checks = ordered.length > 1 && deps.heading === undefined ? [orderCheck(sheet, table)] : [];
  return { bottom: table.lastRow, layout: table, checks };
}

/** The four columns of metric k: outcomes above the baseline, paid count, price after the person cap, amount. */
function metricColumns(card: RateCardLayout, k: number, paidColumn: (k: number) => number): TableColumn<CohortKey>[] {
  const id = card.definitions[k]?.id ?? "";
  const header = (part: { da: string; en: string }) => ({
    da: `${metricLabel(id).da}: ${part.da}`,
    en: `${metricLabel(id).en}: ${part.en}`,
  });
  return [
    {
      key: `count:${k}`,
      header: header({ da: "udfald", en: "outcomes" }),
      format: FORMATS.factor,
      formula: (r) =>
        ifThen(
          eq(card.at(k, "thresholdMet"), num(1)),
          mul(
            call("MAX", num(0), sub(card.cohortShare(k, ref(cell(NUMBER_COLUMN, r.row))), card.at(k, "baseline"))),
            r.at("participants"),
          ),
          num(0),
        ),
    },
    {
      key: `paid:${k}`,
      header: header({ da: "betalt antal", en: "paid count" }),
      format: FORMATS.factor,
      formula: (r) => paidCount(card, k, r, paidColumn(k)),
    },
    {
      key: `price:${k}`,
      header: header({ da: "pris efter personloft", en: "price after person cap" }),
      format: FORMATS.kr,
      formula: (r) => personCappedPrice(card, k, r),
    },
    {
      key: `amount:${k}`,
      header: header({ da: "beløb", en: "amount" }),
      format: FORMATS.kr,
      formula: (r) => mul(r.at(`paid:${k}`), r.at(`price:${k}`)),
    },
  ];
}

/** Paid count: the outcomes, at most the prerequisite's paid count, at most what the volume cap leaves. */
function paidCount(card: RateCardLayout, k: number, r: RowScope<CohortKey>, column: number): Expr {
  const prerequisite = card.requires[k];
  const count = r.at(`count:${k}`);
  const chained =
    prerequisite === null || prerequisite === undefined ? count : call("MIN", count, r.at(`paid:${prerequisite}`));
  const cap = card.at(k, CARD.cap);
  const usedBefore = r.first
    ? num(0)
    : call("SUM", ref(`${absolute(column, r.row - r.index)}:${cell(column, r.row - 1)}`));
  return ifThen(call("ISNUMBER", cap), call("MAX", num(0), call("MIN", chained, sub(cap, usedBefore))), chained);
}

/**
 * The price of metric k after the per-person cap, within its family of chained metrics (people stacked by paid count,
 * largest first, ties in card order): min(P_before + P_k, cap) − min(P_before, cap), with P_before the prices of the
 * metrics stacked before k.
 */
function personCappedPrice(card: RateCardLayout, k: number, r: RowScope<CohortKey>): Expr {
  const family = familiesOf(card.requires).find((members) => members.includes(k)) ?? [k];
  const price = (j: number): Expr => card.at(j, CARD.price);
  const paid = (j: number): Expr => r.at(`paid:${j}`);
  const before = family
    .filter((j) => j !== k)
    .map((j) => mul(price(j), j < k ? ge(paid(j), paid(k)) : gt(paid(j), paid(k))));
  const cap = name("SIB_PayPersonCap");
  const capped =
    before.length === 0
      ? call("MIN", price(k), cap)
      : sub(call("MIN", add(sum(...before), price(k)), cap), call("MIN", sum(...before), cap));
  return ifThen(call("ISNUMBER", cap), capped, price(k));
}

/** Months from the programme start to the cohort's last payment (its month + 1), 0 when it is paid nothing. */
function extent(card: RateCardLayout, r: RowScope<CohortKey>): Expr {
  return call(
    "MAX",
    ...card.definitions.map((_, k) =>
      ifThen(ne(r.at(`amount:${k}`), num(0)), add(add(r.at("intake"), card.at(k, "paidAfter")), num(1)), num(0)),
    ),
  );
}

/** The cohorts must still be in the order the model was written in: by intake month, ties by cohort number. */
function orderCheck(sheet: SheetBuilder, table: Table<CohortKey>): CheckSpec {
  const shifted = (column: number, from: number, to: number): Expr =>
    ref(columnRange(column, from, to), sheet.sheetName);
  const intake = table.column("intake");
  const [first, last] = [table.firstRow, table.lastRow];
  const outOfOrder = add(
    lt(shifted(intake, first + 1, last), shifted(intake, first, last - 1)),
    mul(
      eq(shifted(intake, first + 1, last), shifted(intake, first, last - 1)),
      lt(shifted(NUMBER_COLUMN, first + 1, last), shifted(NUMBER_COLUMN, first, last - 1)),
    ),
  );
  const where = PAYMENT_SHEET_NAMES;
  return {
    id: "PayCohortOrder",
    label: { da: `${where.da}: kohorternes rækkefølge`, en: `${where.en}: order of the cohorts` },
    ok: whenNumbers([table.range("intake", sheet.sheetName)], eq(call("SUMPRODUCT", outOfOrder), num(0))),
    message: text(
      sheet.text({
        da: `${where.da}: kohorternes startmåneder er ikke længere i den rækkefølge, modellen er skrevet i (efter startmåned); ${WRITE_AGAIN.da}`,
        en: `${where.en}: the cohorts' intake months are no longer in the order the model was written in (by intake month); ${WRITE_AGAIN.en}`,
      }),
    ),
  };
}
