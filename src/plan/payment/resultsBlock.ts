import { POSITION_TOLERANCE_KR } from "../../engine/payment/position";
import { guarded } from "../blocks/checks";
import type { Table } from "../blocks/table";
import { call, ge, ifThen, num, sum, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import { metricLabel } from "./labels";
import type { PayMonthKey } from "./monthBlock";
import type { RateCardLayout } from "./rateCardBlock";

interface Output {
  readonly name: string;
  readonly label: Bilingual;
  readonly formula: Expr;
  readonly format: NumberFormat;
  readonly description: Bilingual;
}

/** Rows the results block takes below its heading. */
export const paymentResultRows = (metricCount: number): number => 13 + metricCount;

/**
 * The Payment sheet's results as named outputs, each guarded (a failing input check shows its message instead):
 * totals, present values, the payer split, the base fee and savings share, the municipality's position and one line
 * per metric.
 */
export function writePaymentResults(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly top: number },
  deps: { readonly months: Table<PayMonthKey>; readonly card: RateCardLayout },
): { bottom: number } {
  const outputs = paymentOutputs(deps.months, deps.card);
  sheet.label(at.left, at.top, { da: "Resultater", en: "Results" }, true);
  outputs.forEach((output, index) =>
    sheet.namedOutput(at.left, at.top + 1 + index, {
      ...output,
      formula: guarded(output.formula),
      description: sheet.text(output.description),
    }),
  );
  if (outputs.length !== paymentResultRows(deps.card.definitions.length)) throw new Error("results rows changed");
  return { bottom: at.top + outputs.length };
}

/** A total over the month table: Σ column, or Σ column × weight column (present value, or after the contract cap). */
interface TotalSpec {
  readonly name: string;
  readonly label: Bilingual;
  readonly key: PayMonthKey;
  readonly weight?: PayMonthKey;
  readonly description: Bilingual;
}

const TOTALS: readonly TotalSpec[] = [
  {
    name: "SIB_PayTotal",
    label: { da: "Betalinger i alt", en: "Payments in total" },
    key: "total",
    description: { da: "Betalinger i alt (kr, udiskonteret)", en: "Total payments (kr, undiscounted)" },
  },
  {
    name: "SIB_PayTotalPV",
    label: { da: "Betalinger i alt, nutidsværdi", en: "Payments in total, present value" },
    key: "total",
    weight: "discount",
    description: {
      da: "Betalinger i alt, nutidsværdi ved programstart (kr)",
      en: "Total payments, present value at the programme start (kr)",
    },
  },
  {
    name: "SIB_PayMunicipality",
    label: { da: "Betalt af kommunen", en: "Paid by the municipality" },
    key: "municipality",
    description: { da: "Kommunens betalinger (kr)", en: "Payments by the municipality (kr)" },
  },
  {
    name: "SIB_PayState",
    label: { da: "Betalt af staten", en: "Paid by the state" },
    key: "state",
    description: { da: "Statens betalinger (kr)", en: "Payments by the state (kr)" },
  },
  {
    name: "SIB_PayMunicipalityPV",
    label: { da: "Betalt af kommunen, nutidsværdi", en: "Paid by the municipality, present value" },
    key: "municipality",
    weight: "discount",
    description: {
      da: "Kommunens betalinger, nutidsværdi (kr)",
      en: "Payments by the municipality, present value (kr)",
    },
  },
  {
    name: "SIB_PayBaseFeeTotal",
    label: { da: "Heraf basishonorar", en: "Of which base fee" },
    key: "baseFee",
    weight: "scale",
    description: {
      da: "Basishonorar betalt efter kontraktloftet (kr)",
      en: "Base fee paid after the contract cap (kr)",
    },
  },
  {
    name: "SIB_PaySavingsShareTotal",
    label: { da: "Heraf besparelsesandel", en: "Of which savings share" },
    key: "savingsLagged",
    weight: "scale",
    description: {
      da: "Besparelsesandel betalt efter kontraktloftet (kr)",
      en: "Savings share paid after the contract cap (kr)",
    },
  },
  {
    name: "SIB_MunicipalitySavings",
    label: {
      da: "Kommunens besparelser (før indsatsens omkostning)",
      en: "Municipal savings (before the cost of the effort)",
    },
    key: "municipalSavings",
    description: {
      da: "Kommunens besparelser før indsatsens omkostning (kr)",
      en: "The municipality's savings before the intervention cost (kr)",
    },
  },
  {
    name: "SIB_MunicipalityNet",
    label: { da: "Kommunens netto (besparelser − betalinger)", en: "Municipal net (savings − payments)" },
    key: "municipalNet",
    description: {
      da: "Kommunens besparelser minus det, kommunen faktisk betaler (efter overskud over afkastloftet og en kapitalgaranti; kr, udiskonteret)",
      en: "Municipal savings minus what the municipality actually pays (after a surplus above the return cap and a top-up; kr, undiscounted)",
    },
  },
  {
    name: "SIB_MunicipalityNetPV",
    label: { da: "Kommunens netto, nutidsværdi", en: "Municipal net, present value" },
    key: "municipalNet",
    weight: "discount",
    description: {
      da: "Kommunens besparelser minus det, kommunen faktisk betaler, nutidsværdi (kr)",
      en: "Municipal savings minus what the municipality actually pays, present value (kr)",
    },
  },
];

function paymentOutputs(months: Table<PayMonthKey>, card: RateCardLayout): Output[] {
  const total = (key: PayMonthKey, weight?: PayMonthKey): Expr =>
    weight === undefined ? call("SUM", months.range(key)) : call("SUMPRODUCT", months.range(key), months.range(weight));
  const metrics = card.definitions.map((definition, k): TotalSpec => ({
    name: `SIB_PayMetric_${definition.id}`,
    label: {
      da: `Heraf ${metricLabel(definition.id).da.toLowerCase()}`,
      en: `Of which ${metricLabel(definition.id).en.toLowerCase()}`,
    },
    key: `metric:${k}`,
    weight: "scale",
    description: {
      da: `Resultatbetalinger for ${definition.id} efter kontraktloftet (kr)`,
      en: `Outcome payments for ${definition.id} after the contract cap (kr)`,
    },
  }));
  const progression = card.definitions.flatMap((_, k) =>
    (card.progression[k] ?? null) === null ? [] : [total(`metric:${k}`, "scale")],
  );
  const parts: Output[] = [
    {
      name: "SIB_PaySustainmentTotal",
      label: { da: "Heraf fastholdelseskort", en: "Of which sustainment card" },
      formula: total("sustain", "scale"),
      format: FORMATS.kr,
      description: {
        da: "Fastholdelseskortets betalinger efter kontraktloftet (kr)",
        en: "Payments of the sustainment card after the contract cap (kr)",
      },
    },
    {
      name: "SIB_PayProgressionTotal",
      label: {
        da: "Heraf fremskridtsmål (ikke en budgetbesparelse)",
        en: "Of which progression metrics (not a budget saving)",
      },
      formula: progression.length === 0 ? num(0) : sum(...progression),
      format: FORMATS.kr,
      description: {
        da: "Betalinger for fremskridts- og trivselsmål efter kontraktloftet (kr): betalt, men ingen budgetbesparelse",
        en: "Payments for progression and well-being metrics after the contract cap (kr): paid, but no budget saving",
      },
    },
  ];
  // What it actually pays (savings − net, present value) ≤ its savings: the net is ≥ −tolerance.
  const neverPaysMore = ge(total("municipalNet", "discount"), num(-POSITION_TOLERANCE_KR));
  return [
    ...[...TOTALS, ...metrics].map((spec) => ({
      name: spec.name,
      label: spec.label,
      formula: total(spec.key, spec.weight),
      format: FORMATS.kr,
      description: spec.description,
    })),
    ...parts,
    {
      name: "SIB_NeverPaysMoreThanSaves",
      label: {
        da: "Kommunen betaler aldrig mere end den sparer (1/0, nutidsværdi)",
        en: "The municipality never pays more than it saves (1/0, present value)",
      },
      formula: ifThen(neverPaysMore, num(1), num(0)),
      format: FORMATS.integer,
      description: {
        da: "1 når kommunens diskonterede betalinger ikke overstiger dens diskonterede besparelser",
        en: "1 when the municipality's discounted payments do not exceed its discounted savings",
      },
    },
  ];
}
