import {
  DEADWEIGHT_WARNING_SHARE,
  type Deadweight,
  type SavingsAfterLastPayment,
} from "../../engine/payment/deadweight";
import { THRESHOLD_TOLERANCE_PP } from "../../engine/payment/threshold";
import { guarded } from "../blocks/checks";
import { writeTable, type TableColumn, type Table } from "../blocks/table";
import { cell } from "../address";
import { and, call, div, ge, gt, ifThen, le, mul, name, num, ref, sub, sum, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import type { CohortKey } from "./cohortBlock";
import { metricLabel } from "./labels";
import type { PayMonthKey } from "./monthBlock";
import type { RateCardLayout } from "./rateCardBlock";
import { sustainmentPaid } from "./sustainmentBlock";

/**
 * Deadweight in the written model (issue 11 item 1; engine: src/engine/payment/deadweight.ts): the payment the terms
 * would make if the programme had no effect, i.e. the participants at the comparison group's shares, through the same
 * rate-card, cohort and contract-cap formulas as the payments themselves; its share of the expected payment; per
 * metric the share of paid outcomes the comparison group also reached; and the share of the municipality's discounted
 * savings that arrive after the last outcome-contingent payment.
 *
 * At zero effect the modelled savings are 0 (the business case values the difference between the two groups), so the
 * share of savings pays nothing and the payment at zero effect is the base fee plus the outcome payments on the
 * comparison group's shares, after the contract cap.
 */

/** The text a deadweight output shows where the engine has no number (no paid outcome, no outcome payment). */
export const DEADWEIGHT_NONE: Bilingual = { da: "ingen", en: "none" };
/** The text the share shows when the expected payment is 0 but the terms would pay at zero effect (no finite share). */
export const DEADWEIGHT_UNDEFINED: Bilingual = {
  da: "ikke defineret (forventet betaling 0)",
  en: "undefined (expected payment 0)",
};

/** The warning (and the all-clear) in words, next to the 1/0 flag. */
export const DEADWEIGHT_NOTE: { readonly warning: Bilingual; readonly fine: Bilingual } = {
  warning: {
    da: "Advarsel: vilkårene betaler en stor del af beløbet, selv hvis indsatsen ingen effekt har, fordi de betaler for andele, som kontrolgruppen også når uden indsatsen. Overvej en basislinje (kontrolgruppens andele) og højere priser.",
    en: "Warning: the terms pay much of the amount even if the effort has no effect, because they pay for shares the comparison group also reaches without it. Consider a baseline (the comparison group's shares) and higher prices.",
  },
  fine: {
    da: "Betalingen ved nul effekt er højst advarselsgrænsen af den forventede betaling.",
    en: "The payment at zero effect is at most the warning level of the expected payment.",
  },
};

/** Column keys of the zero-effect month table: per metric, raw, after the contract cap, cumulative, last paid month. */
export type ZeroMonthKey = `zero:${number}` | "zeroSustain" | "zeroRaw" | "zeroTotal" | "zeroCumulative" | "lastPaid";

/**
 * The cell SIB_PayThresholdMetAtZero: 1 when a threshold (metric or contract scope) lets payments through at an effect
 * of 0 pp (θ − tolerance ≤ 0) or there is none. At zero effect every metric's effect is 0, so one cell serves all.
 */
export function writeThresholdAtZero(sheet: SheetBuilder, column: number, row: number): Expr {
  sheet.label(column - 1, row, {
    da: "Tærskel nået ved nul effekt (1/0)",
    en: "Threshold met at zero effect (1/0)",
  });
  const threshold = name("SIB_PayThresholdPP");
  const met = ifThen(
    call("ISNUMBER", threshold),
    ifThen(le(sub(threshold, num(THRESHOLD_TOLERANCE_PP)), num(0)), num(1), num(0)),
    num(1),
  );
  sheet.formula(column, row, met, "calculation", FORMATS.integer);
  sheet.nameCell(
    "SIB_PayThresholdMetAtZero",
    column,
    row,
    "calculation",
    sheet.text({
      da: "1 når tærsklen (hvis nogen) er nået ved en effekt på 0 procentpoint",
      en: "1 when the threshold (if any) is met at an effect of 0 percentage points",
    }),
  );
  return name("SIB_PayThresholdMetAtZero");
}

/**
 * The rate card as the cohort block sees it at zero effect: the participants' share is the comparison group's share
 * (a progression metric's per cohort: its measured comparison share, else the participants' own) and the threshold is
 * the one met at zero effect; baseline, prices, caps and timing are unchanged.
 */
export function zeroEffectCard(card: RateCardLayout, thresholdMetAtZero: Expr): RateCardLayout {
  return {
    ...card,
    // A progression metric reaches the comparison group's share; not measured, the participants' (zeroEffectProgression).
    cohortShare: (k, cohortNumber) => {
      const cells = card.progression[k] ?? null;
      if (cells === null) return card.at(k, "comparisonShare");
      return ifThen(call("ISNUMBER", cells.comparison), cells.comparison, card.cohortShare(k, cohortNumber));
    },
    at: (k, column) => {
      if (column === "participantShare") return card.at(k, "comparisonShare");
      if (column === "thresholdMet") return thresholdMetAtZero;
      return card.at(k, column);
    },
  };
}

/**
 * Per payment month, right of the month table and on its rows: the outcome payments at zero effect per metric (SUMIF
 * over the zero-effect cohort table), the payment before and after the contract cap (base fee included, as it does not
 * depend on outcomes), and the month number when an outcome or savings-share payment is made under the scenario.
 */
export function writeZeroEffectMonths(
  sheet: SheetBuilder,
  deps: { readonly months: Table<PayMonthKey>; readonly card: RateCardLayout; readonly cohorts: Table<CohortKey> },
): Table<ZeroMonthKey> {
  const { months, card, cohorts } = deps;
  const left = months.column("scale") + 2;
  const main = (key: PayMonthKey, row: number): Expr => ref(cell(months.column(key), row));
  sheet.label(
    left,
    months.headerRow - 1,
    { da: "Ved nul effekt (kontrolgruppens andele), kr", en: "At zero effect (the comparison group's shares), kr" },
    true,
  );
  const columns = zeroMonthColumns(card, cohorts, main);
  return writeTable(sheet, { left, headerRow: months.headerRow, rows: months.lastRow - months.firstRow + 1, columns });
}

/** The columns of the zero-effect month table (see writeZeroEffectMonths). */
function zeroMonthColumns(
  card: RateCardLayout,
  cohorts: Table<CohortKey>,
  main: (key: PayMonthKey, row: number) => Expr,
): TableColumn<ZeroMonthKey>[] {
  const cap = name("SIB_PayContractCap");
  return [
    ...card.definitions.map((definition, k): TableColumn<ZeroMonthKey> => ({
      key: `zero:${k}`,
      header: {
        da: `${metricLabel(definition.id).da} ved nul effekt`,
        en: `${metricLabel(definition.id).en} at zero effect`,
      },
      format: FORMATS.kr,
      formula: (r) =>
        call(
          "SUMIF",
          cohorts.range("intake"),
          sub(main("m", r.row), card.at(k, "paidAfter")),
          cohorts.range(`amount:${k}`),
        ),
    })),
    {
      key: "zeroSustain",
      header: { da: "Fastholdelseskort ved nul effekt", en: "Sustainment card at zero effect" },
      format: FORMATS.kr,
      formula: (r) => {
        const comparison = name("SIB_PaySustainComparison");
        return sustainmentPaid(main("m", r.row), comparison, comparison, name("SIB_PayThresholdMetAtZero"));
      },
    },
    {
      key: "zeroRaw",
      header: { da: "Betaling før kontraktloft ved nul effekt", en: "Payment before contract cap at zero effect" },
      format: FORMATS.kr,
      formula: (r) =>
        sum(main("baseFee", r.row), r.at("zeroSustain"), ...card.definitions.map((_, k) => r.at(`zero:${k}`))),
    },
    {
      key: "zeroTotal",
      header: { da: "Betaling ved nul effekt", en: "Payment at zero effect" },
      format: FORMATS.kr,
      formula: (r) =>
        ifThen(
          call("ISNUMBER", cap),
          call("MAX", num(0), call("MIN", r.at("zeroRaw"), sub(cap, r.previous("zeroCumulative", num(0))))),
          r.at("zeroRaw"),
        ),
    },
    {
      key: "zeroCumulative",
      header: { da: "Akk. betaling ved nul effekt", en: "Cum. payment at zero effect" },
      format: FORMATS.kr,
      formula: (r) => sum(r.previous("zeroCumulative", num(0)), r.at("zeroTotal")),
    },
    lastPaidColumn(card, main),
  ];
}

/** The month number when an outcome, sustainment or savings-share payment is made under the scenario, else −1. */
function lastPaidColumn(
  card: RateCardLayout,
  main: (key: PayMonthKey, row: number) => Expr,
): TableColumn<ZeroMonthKey> {
  return {
    key: "lastPaid",
    header: {
      da: "Måned med resultatbetaling (m, ellers −1)",
      en: "Month with an outcome payment (m, else −1)",
    },
    format: FORMATS.integer,
    // Outcome and savings-share payments after the contract cap (the base fee does not depend on results).
    formula: (r) =>
      ifThen(
        and(
          gt(main("scale", r.row), num(0)),
          gt(
            sum(
              main("savingsLagged", r.row),
              main("sustain", r.row),
              ...card.definitions.map((_, k) => main(`metric:${k}`, r.row)),
            ),
            num(0),
          ),
        ),
        main("m", r.row),
        num(-1),
      ),
  };
}

interface Output {
  readonly name: string;
  readonly label: Bilingual;
  readonly formula: Expr;
  readonly format: NumberFormat;
  readonly description: Bilingual;
  /**
   * "calculation" for a text the engine has no number for (the warning in words): not a named output, so the .xlsx
   * export caches no engine value for it (it shows after recalculation).
   */
  readonly role?: "calculation";
}

/** Rows the deadweight results take below their heading. */
export const deadweightResultRows = (metricCount: number): number => 8 + metricCount;

/**
 * The deadweight results as named outputs (guarded like the Payment results): the warning level, the payment at zero
 * effect (all payers, the municipality), its share of the expected payment, the warning as 1/0 and in words, the
 * share of paid outcomes the comparison group also reached per metric, the last month with an outcome payment and
 * the share of the municipality's discounted savings after it.
 */
export function writeDeadweightResults(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly top: number },
  deps: {
    readonly months: Table<PayMonthKey>;
    readonly zeroMonths: Table<ZeroMonthKey>;
    readonly card: RateCardLayout;
    readonly cohorts: Table<CohortKey>;
    readonly zeroCohorts: Table<CohortKey>;
  },
): { bottom: number } {
  sheet.label(
    at.left,
    at.top,
    { da: "Dødvægt og besparelser efter sidste betaling", en: "Deadweight and savings after the last payment" },
    true,
  );
  const levelRow = at.top + 1;
  sheet.label(at.left, levelRow, {
    da: "Advarselsgrænse: betaling ved nul effekt som andel af forventet betaling",
    en: "Warning level: payment at zero effect as a share of the expected payment",
  });
  sheet.value(at.left + 1, levelRow, "label", DEADWEIGHT_WARNING_SHARE, FORMATS.percent);
  sheet.nameCell(
    "SIB_PayDeadweightWarningLevel",
    at.left + 1,
    levelRow,
    "label",
    sheet.text({
      da: "Advarselsgrænse for dødvægt (andel af forventet betaling; en vurdering, ingen offentliggjort standard)",
      en: "Deadweight warning level (share of the expected payment; a judgement, no published standard)",
    }),
  );
  const outputs = deadweightOutputs(sheet, deps);
  outputs.forEach((output, index) => {
    const row = levelRow + 1 + index;
    if (output.role === undefined) {
      sheet.namedOutput(at.left, row, {
        ...output,
        formula: guarded(output.formula),
        description: sheet.text(output.description),
      });
      return;
    }
    sheet.label(at.left, row, output.label);
    sheet.formula(at.left + 1, row, guarded(output.formula), output.role, output.format);
    sheet.nameCell(output.name, at.left + 1, row, output.role, sheet.text(output.description));
  });
  if (outputs.length + 1 !== deadweightResultRows(deps.card.definitions.length)) {
    throw new Error("deadweight rows changed");
  }
  return { bottom: levelRow + outputs.length };
}

type DeadweightDeps = {
  readonly months: Table<PayMonthKey>;
  readonly zeroMonths: Table<ZeroMonthKey>;
  readonly card: RateCardLayout;
  readonly cohorts: Table<CohortKey>;
  readonly zeroCohorts: Table<CohortKey>;
};

/** The deadweight outputs in sheet order: payment at zero effect, comparison-reached shares, timing. */
function deadweightOutputs(sheet: SheetBuilder, deps: DeadweightDeps): Output[] {
  const none = text(sheet.text(DEADWEIGHT_NONE));
  return [...zeroEffectOutputs(sheet, deps), ...comparisonReachedOutputs(deps, none), ...timingOutputs(deps, none)];
}

/** The payment at zero effect, its municipal part and share of the expected payment, the warning and its words. */
function zeroEffectOutputs(sheet: SheetBuilder, deps: DeadweightDeps): Output[] {
  const expected = call("SUM", deps.months.range("total"));
  const atZero = call("SUM", deps.zeroMonths.range("zeroTotal"));
  const level = name("SIB_PayDeadweightWarningLevel");
  const flag = ifThen(gt(expected, num(0)), gt(div(atZero, expected), level), gt(atZero, num(0)));
  return [
    {
      name: "SIB_PayZeroEffect",
      label: {
        da: "Betaling ved nul effekt (deltagerne på kontrolgruppens andele)",
        en: "Payment at zero effect (the participants at the comparison group's shares)",
      },
      formula: atZero,
      format: FORMATS.kr,
      description: {
        da: "Hvad vilkårene betaler, hvis indsatsen ingen effekt har (kr, alle betalere, udiskonteret)",
        en: "What the terms pay if the effort has no effect (kr, all payers, undiscounted)",
      },
    },
    {
      name: "SIB_PayZeroEffectMunicipality",
      label: { da: "Heraf betalt af kommunen", en: "Of which paid by the municipality" },
      formula: mul(atZero, name("SIB_PayMunicipalityShare")),
      format: FORMATS.kr,
      description: {
        da: "Kommunens del af betalingen ved nul effekt (kr)",
        en: "The municipality's part of the payment at zero effect (kr)",
      },
    },
    {
      name: "SIB_PayZeroEffectShare",
      label: {
        da: "Betaling ved nul effekt som andel af forventet betaling",
        en: "Payment at zero effect as a share of the expected payment",
      },
      formula: ifThen(
        gt(expected, num(0)),
        div(atZero, expected),
        ifThen(gt(atZero, num(0)), text(sheet.text(DEADWEIGHT_UNDEFINED)), num(0)),
      ),
      format: FORMATS.percent,
      description: {
        da: "Betaling ved nul effekt / betalinger i alt (0 når begge er 0)",
        en: "Payment at zero effect / total payments (0 when both are 0)",
      },
    },
    {
      name: "SIB_PayDeadweightWarning",
      label: { da: "Advarsel om dødvægt (1/0)", en: "Deadweight warning (1/0)" },
      formula: ifThen(flag, num(1), num(0)),
      format: FORMATS.integer,
      description: {
        da: "1 når betalingen ved nul effekt er over advarselsgrænsen af den forventede betaling",
        en: "1 when the payment at zero effect is above the warning level of the expected payment",
      },
    },
    {
      name: "SIB_PayDeadweightNote",
      label: { da: "Hvorfor", en: "Why" },
      formula: ifThen(flag, text(sheet.text(DEADWEIGHT_NOTE.warning)), text(sheet.text(DEADWEIGHT_NOTE.fine))),
      format: FORMATS.general,
      description: { da: "Advarslen om dødvægt i ord", en: "The deadweight warning in words" },
      role: "calculation",
    },
  ];
}

/** Per metric: the share of paid outcomes that the comparison group also reached. */
function comparisonReachedOutputs(deps: DeadweightDeps, none: Expr): Output[] {
  const { card, cohorts, zeroCohorts } = deps;
  return [
    ...card.definitions.map((definition, k): Output => {
      const paid = call("SUM", cohorts.range(`paid:${k}`));
      return {
        name: `SIB_PayComparisonReached_${definition.id}`,
        label: {
          da: `Andel af betalte udfald, som kontrolgruppen også nåede: ${metricLabel(definition.id).da.toLowerCase()}`,
          en: `Share of paid outcomes the comparison group also reached: ${metricLabel(definition.id).en.toLowerCase()}`,
        },
        formula: ifThen(gt(paid, num(0)), div(call("SUM", zeroCohorts.range(`paid:${k}`)), paid), none),
        format: FORMATS.percent,
        description: {
          da: `Betalte udfald for ${definition.id} ved nul effekt / betalte udfald (ingen når intet betales)`,
          en: `Outcomes paid for ${definition.id} at zero effect / outcomes paid (none when none is paid)`,
        },
      };
    }),
  ];
}

/** The last month with an outcome payment and the share of the municipality's discounted savings after it. */
function timingOutputs(deps: DeadweightDeps, none: Expr): Output[] {
  const { months, zeroMonths } = deps;
  const last = call("MAX", zeroMonths.range("lastPaid"));
  const savings = (weight: Expr): Expr =>
    call("SUMPRODUCT", weight, months.range("discount"), months.range("municipalSavings"));
  const allSavings = call("SUMPRODUCT", months.range("discount"), months.range("municipalSavings"));
  const afterLast = savings(mul(gt(months.range("m"), last), num(1)));
  return [
    {
      name: "SIB_PayLastOutcomeMonth",
      label: {
        da: "Sidste måned med resultatbetaling (programmåned)",
        en: "Last month with an outcome payment (programme month)",
      },
      formula: ifThen(ge(last, num(0)), last, none),
      format: FORMATS.integer,
      description: {
        da: "Sidste programmåned med resultat- eller besparelsesbetaling (ingen når der ikke er nogen)",
        en: "Last programme month with an outcome or savings-share payment (none when there is none)",
      },
    },
    {
      name: "SIB_PaySavingsAfterLastPayment",
      label: {
        da: "Andel af kommunens diskonterede besparelser efter sidste betaling",
        en: "Share of the municipality's discounted savings after the last payment",
      },
      formula: ifThen(and(ge(last, num(0)), gt(allSavings, num(0))), div(afterLast, allSavings), none),
      format: FORMATS.percent,
      description: {
        da: "Kommunens diskonterede besparelser (før indsatsens omkostning) efter sidste resultatbetaling / i alt",
        en: "The municipality's discounted savings (before the intervention cost) after the last outcome payment / in total",
      },
    },
  ];
}

/**
 * The engine's value of every deadweight output (null where the sheet shows text).
 * @example deadweightNames(deadweight, afterLast).SIB_PayZeroEffect // 1,885,816.8 for the pilot
 */
export function deadweightNames(
  deadweight: Deadweight,
  afterLast: SavingsAfterLastPayment,
): Record<string, number | null> {
  const names: Record<string, number | null> = {
    SIB_PayZeroEffect: deadweight.paymentAtZeroEffect,
    SIB_PayZeroEffectMunicipality: deadweight.paymentAtZeroEffectByMunicipality,
    SIB_PayZeroEffectShare: deadweight.shareOfPayment,
    SIB_PayDeadweightWarning: deadweight.warning ? 1 : 0,
    SIB_PayLastOutcomeMonth: afterLast.lastPaymentMonth,
    SIB_PaySavingsAfterLastPayment: afterLast.share,
  };
  for (const metric of deadweight.byMetric) {
    names[`SIB_PayComparisonReached_${metric.metric}`] = metric.comparisonReachedShare;
  }
  return names;
}
