/**
 * Read-back of the Payment sheet's sustainment card and progression metrics (src/plan/readBack.ts calls it): a model
 * written before these inputs keeps the base terms' card and measures.
 */
import { parseMetric } from "../../engine/payment/metrics";
import { PROGRESSION_METRICS, type ProgressionMeasure } from "../../engine/payment/progression";
import type { MetricTerms, PaymentTerms } from "../../engine/payment/terms";
import { NOT_MEASURED } from "./progressionBlock";

/** The defined names read here (each optional: read when the workbook has it). */
export const CARD_TERM_NAMES: readonly string[] = [
  "SIB_PaySustainPrice",
  "SIB_PaySustainMonths",
  "SIB_PaySustainHistoricalRate",
  ...PROGRESSION_METRICS.flatMap(({ id }) => [
    `SIB_PayProgMonth_${id}`,
    `SIB_PayProgComparison_${id}`,
    `SIB_PayProgShares_${id}`,
  ]),
];

/** What the read-back's term reader offers (src/plan/readBack.ts TermReader). */
export interface CardReader {
  /** The first column of a name's range; [] when the workbook lacks the name. */
  readonly cells: (name: string) => unknown[];
  /** A number; for an optional term a none-text or empty cell is null; anything else unreadable is a listed problem. */
  readonly number: (name: string, value: unknown, optional: boolean, row?: number | null) => number | null;
  readonly required: (name: string) => number;
}

/**
 * The rate card with each progression metric's measure read from its inputs, the historical rates with the
 * sustainment card's own rate (when selfSupporting is not on the card), and the sustainment card (price 0 = none).
 * @example readCardExtras(reader, base, { rateCard, rates }).sustainment // { monthlyPrice: 4127, months: 24 }
 */
export function readCardExtras(
  reader: CardReader,
  base: PaymentTerms,
  card: { readonly rateCard: readonly MetricTerms[]; readonly rates: Record<string, number> },
): { rateCard: MetricTerms[]; rates: Record<string, number> } & Pick<PaymentTerms, "sustainment"> {
  const rateCard = card.rateCard.map((line) => {
    const definition = parseMetric(line.metric);
    if (definition?.kind !== "progression") return line;
    const progression = readProgression(reader, definition.id);
    return progression === null ? line : { ...line, progression };
  });
  const rates = { ...card.rates };
  if (reader.cells("SIB_PaySustainHistoricalRate").length > 0 && rates.selfSupporting === undefined) {
    rates.selfSupporting = reader.required("SIB_PaySustainHistoricalRate");
  }
  return { rateCard, rates, ...readSustainment(reader, base) };
}

function readSustainment(reader: CardReader, base: PaymentTerms): Pick<PaymentTerms, "sustainment"> {
  const kept = base.sustainment === undefined ? {} : { sustainment: base.sustainment };
  if (reader.cells("SIB_PaySustainPrice").length === 0) return kept;
  const monthlyPrice = reader.required("SIB_PaySustainPrice");
  // Price 0 = no card: the months are not read (the sheet's check and validation accept anything there too).
  if (monthlyPrice === 0) return (base.sustainment ?? null) === null ? kept : { sustainment: null };
  return { sustainment: { monthlyPrice, months: reader.required("SIB_PaySustainMonths") } };
}

/** A progression metric's measure from its column; null when the workbook has none (an older model). */
function readProgression(reader: CardReader, id: string): ProgressionMeasure | null {
  const month = `SIB_PayProgMonth_${id}`;
  if (reader.cells(month).length === 0) return null;
  const comparison = `SIB_PayProgComparison_${id}`;
  const comparisonCell = reader.cells(comparison)[0];
  const notMeasured =
    typeof comparisonCell === "string" &&
    [NOT_MEASURED.da, NOT_MEASURED.en].includes(comparisonCell.trim().toLowerCase());
  const sharesName = `SIB_PayProgShares_${id}`;
  const shares = reader
    .cells(sharesName)
    .map((value, c) => reader.number(sharesName, value, false, c + 1) ?? Number.NaN);
  const first = shares[0];
  // The sheet writes one share for every cohort in every cohort's row: equal shares read back as one.
  const same = first !== undefined && shares.every((share) => share === first);
  return {
    measurementMonth: reader.required(month),
    shares: same ? [first] : shares,
    comparisonShare: notMeasured ? null : reader.number(comparison, comparisonCell, true),
  };
}
