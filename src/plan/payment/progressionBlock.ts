import { MAX_PROGRESSION_MONTH, progressionCohortShare } from "../../engine/payment/progression";
import { PAYMENT_RULES } from "../../engine/payment/rules";
import { resolveRateCard, type PaymentTerms } from "../../engine/payment/terms";
import type { NumericRule } from "../../engine/rules";
import type { Scenario } from "../../engine/scenario";
import { cell } from "../address";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import { add, call, concat, le, name, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { metricLabel, NOT_A_BUDGET_SAVING, PAYMENT_SHEET_NAMES } from "./labels";
import { describeRule, rangeOk, termCheck, termValidation, type TermSpec } from "./termCells";

/** The input cells of one progression metric on the Payment sheet (absolute references on the sheet). */
export interface ProgressionCells {
  /** Measurement month, whole months after each cohort's intake. */
  readonly month: Expr;
  /** The comparison group's share at that month, or a text (not measured). */
  readonly comparison: Expr;
  /** The participants' share per cohort, one row per cohort in the Inputs sheet's order. */
  readonly shares: Expr;
}

/** The text of a comparison share that was not measured (any text means the same). */
export const NOT_MEASURED: Bilingual = { da: "ikke målt", en: "not measured" };

const MONTH_RULE: NumericRule = {
  integer: true,
  min: 1,
  max: MAX_PROGRESSION_MONTH,
  what: `a whole number of months after intake from 1 to ${MAX_PROGRESSION_MONTH}`,
};

/**
 * Progression and well-being metrics (issue 15 item 3; engine: src/engine/payment/progression.ts): per progression
 * metric on the rate card a column of named inputs: the measurement month, the comparison group's share (or the text
 * "not measured") and the participants' share per cohort (Inputs sheet order; one share for every cohort is written
 * in every row). Nothing is written when the card has no progression metric. Returns the cells per card line (null
 * for an outcome metric) and the checks: each month and comparison share in range, every share 0–1, and the last
 * cohort measured within the horizon.
 */
export function writeProgressionBlock(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly terms: PaymentTerms; readonly scenario: Scenario },
): { bottom: number; cells: (ProgressionCells | null)[]; checks: CheckSpec[] } {
  const { definitions } = resolveRateCard(deps.terms.rateCard);
  const lines = deps.terms.rateCard.map((line, k) => ({ line, k, id: definitions[k]?.id ?? line.metric }));
  const progression = lines.filter(({ line }) => line.progression !== undefined && line.progression !== null);
  const cells: (ProgressionCells | null)[] = lines.map(() => null);
  if (progression.length === 0) return { bottom: top - 2, cells, checks: [] };
  sheet.label(
    0,
    top,
    {
      da: `Fremskridts- og trivselsmål på prislisten (${NOT_A_BUDGET_SAVING.da.toLowerCase()}: kommunen betaler, men intet budget falder)`,
      en: `Progression and well-being metrics on the rate card (${NOT_A_BUDGET_SAVING.en.toLowerCase()}: the municipality pays, but no budget falls)`,
    },
    true,
  );
  const header = top + 1;
  const [monthRow, comparisonRow, firstShare] = [header + 1, header + 2, header + 3];
  const lastShare = firstShare + deps.scenario.cohorts.length - 1;
  sheet.label(0, header, { da: "Mål", en: "Metric" }, true);
  sheet.label(0, monthRow, { da: "Målemåned (måneder efter start)", en: "Measurement month (months after intake)" });
  sheet.label(0, comparisonRow, {
    da: `Kontrolgruppens andel (tekst = ${NOT_MEASURED.da})`,
    en: `The comparison group's share (text = ${NOT_MEASURED.en})`,
  });
  deps.scenario.cohorts.forEach((_, c) =>
    sheet.label(0, firstShare + c, {
      da: `Kohorte ${c + 1}: andel deltagere, der når målet`,
      en: `Cohort ${c + 1}: share of participants reaching it`,
    }),
  );
  const checks: CheckSpec[] = [];
  progression.forEach(({ line, k, id }, p) => {
    const measure = line.progression;
    if (measure === undefined || measure === null) return;
    const column = 1 + p;
    sheet.label(column, header, metricLabel(id), true);
    const specs = progressionSpecs(id);
    checks.push(writeInput(sheet, column, monthRow, { ...specs.month, value: measure.measurementMonth }));
    checks.push(writeInput(sheet, column, comparisonRow, { ...specs.comparison, value: measure.comparisonShare }));
    deps.scenario.cohorts.forEach((_, c) => {
      const spec = { ...specs.share, label: cohortLabel(specs.share.label, c) };
      const value = progressionCohortShare(measure, c);
      sheet.value(
        column,
        firstShare + c,
        "input",
        value,
        FORMATS.percent,
        termValidation(sheet, cell(column, firstShare + c), spec),
      );
    });
    const shares = `SIB_PayProgShares_${id}`;
    sheet.nameColumn(shares, column, firstShare, lastShare, "input", sheet.text(specs.share.label));
    checks.push(sharesCheck(sheet, shares, specs.share.label), horizonCheck(sheet, specs.month));
    cells[k] = {
      month: name(specs.month.name),
      comparison: name(specs.comparison.name),
      shares: name(shares),
    };
  });
  return { bottom: lastShare, cells, checks };
}

/** The three inputs of progression metric `id`: measurement month, comparison share, share per cohort. */
function progressionSpecs(id: string): Record<"month" | "comparison" | "share", Omit<TermSpec, "value">> {
  const label = metricLabel(id);
  const of = (what: Bilingual): Bilingual => ({ da: `${what.da}: ${label.da}`, en: `${what.en}: ${label.en}` });
  return {
    month: {
      name: `SIB_PayProgMonth_${id}`,
      label: of({ da: "Målemåned (måneder efter start)", en: "Measurement month (months after intake)" }),
      title: { da: "Målemåned", en: "Measurement month" },
      format: FORMATS.integer,
      rule: MONTH_RULE,
    },
    comparison: {
      name: `SIB_PayProgComparison_${id}`,
      label: of({ da: "Kontrolgruppens andel", en: "The comparison group's share" }),
      title: { da: "Kontrolgruppens andel", en: "Comparison group's share" },
      format: FORMATS.percent,
      rule: PAYMENT_RULES.share,
      none: NOT_MEASURED,
    },
    share: {
      name: `SIB_PayProgShares_${id}`,
      label: of({ da: "Andel deltagere, der når målet", en: "Share of participants reaching it" }),
      title: { da: "Andel deltagere", en: "Share of participants" },
      format: FORMATS.percent,
      rule: PAYMENT_RULES.share,
    },
  };
}

function cohortLabel(label: Bilingual, c: number): Bilingual {
  return { da: `${label.da} (kohorte ${c + 1})`, en: `${label.en} (cohort ${c + 1})` };
}

/** A named scalar input with its data validation; returns its check. */
function writeInput(sheet: SheetBuilder, column: number, row: number, spec: TermSpec): CheckSpec {
  const value = spec.value ?? (spec.none === undefined ? null : sheet.text(spec.none));
  if (value === null) throw new Error(`${spec.name}: an input without a "none" text needs a value`);
  sheet.value(column, row, "input", value, spec.format, termValidation(sheet, cell(column, row), spec));
  sheet.nameCell(spec.name, column, row, "input", sheet.text(spec.label));
  return termCheck(sheet, spec, PAYMENT_SHEET_NAMES);
}

function sharesCheck(sheet: SheetBuilder, shares: string, label: Bilingual): CheckSpec {
  const where = PAYMENT_SHEET_NAMES;
  const what = describeRule(PAYMENT_RULES.share, FORMATS.percent);
  return {
    id: shares.replace(/^SIB_/, ""),
    label: { da: `${where.da}: ${label.da}`, en: `${where.en}: ${label.en}` },
    ok: rangeOk(name(shares), PAYMENT_RULES.share, false),
    message: text(
      sheet.text({
        da: `${where.da}: hver kohortes værdi af «${label.da}» skal være ${what.da}`,
        en: `${where.en}: every cohort's value of “${label.en}” must be ${what.en}`,
      }),
    ),
  };
}

/** The last cohort's measurement (latest intake + month) within the horizon, as validateProgressionForScenario. */
function horizonCheck(sheet: SheetBuilder, month: Omit<TermSpec, "value">): CheckSpec {
  const where = PAYMENT_SHEET_NAMES;
  const lastMeasured = add(call("MAX", name("SIB_CohortIntakeMonths")), name(month.name));
  return {
    id: `${month.name.replace(/^SIB_/, "")}Horizon`,
    label: {
      da: `${where.da}: ${month.label.da} inden for tidshorisonten`,
      en: `${where.en}: ${month.label.en} within the horizon`,
    },
    ok: whenNumbers(
      [name(month.name), name("SIB_CohortIntakeMonths"), name("SIB_HorizonMonths")],
      le(lastMeasured, name("SIB_HorizonMonths")),
    ),
    message: concat(
      sheet.text({
        da: `${where.da}: «${month.label.da}» gør, at sidste kohorte måles i måned `,
        en: `${where.en}: “${month.label.en}” measures the last cohort in month `,
      }),
      lastMeasured,
      sheet.text({ da: ", efter tidshorisonten på ", en: ", past the horizon of " }),
      name("SIB_HorizonMonths"),
      sheet.text({ da: " måneder", en: " months" }),
    ),
  };
}
