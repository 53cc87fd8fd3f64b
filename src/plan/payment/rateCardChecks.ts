import type { NumericRule } from "../../engine/rules";
import { PAYMENT_RULES } from "../../engine/payment/rules";
import type { CheckSpec } from "../blocks/checks";
import { eq, name, num, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import { NO_CAP, PAYMENT_SHEET_NAMES } from "./labels";
import { describeRule, rangeOk } from "./termCells";

interface ColumnRule {
  readonly id: string;
  readonly name: string;
  readonly column: Bilingual;
  readonly rule: NumericRule;
  readonly format: NumberFormat;
  readonly none?: Bilingual;
  /** The range applies only when this holds, as the engine checks the rates of a historical baseline only. */
  readonly when?: Expr;
}

const COLUMN_RULES: readonly ColumnRule[] = [
  {
    id: "PayPrices",
    name: "SIB_PayPrices",
    column: { da: "Pris pr. udfald", en: "Price per outcome" },
    rule: PAYMENT_RULES.amount,
    format: FORMATS.kr,
  },
  {
    id: "PayVolumeCaps",
    name: "SIB_PayVolumeCaps",
    column: { da: "Loft, antal udfald", en: "Volume cap" },
    rule: PAYMENT_RULES.count,
    format: FORMATS.integer,
    none: NO_CAP,
  },
  {
    id: "PayHistoricalRates",
    name: "SIB_PayHistoricalRates",
    column: { da: "Historisk basisrate", en: "Historical baseline rate" },
    rule: PAYMENT_RULES.share,
    format: FORMATS.percent,
    when: eq(name("SIB_PayBaselineKind"), num(2)),
  },
];

/** The rate card's checks: every price, volume cap and (with a historical baseline) historical rate in range. */
export function rateCardChecks(sheet: SheetBuilder): CheckSpec[] {
  const where = PAYMENT_SHEET_NAMES;
  return COLUMN_RULES.map((column) => {
    const what = describeRule(column.rule, column.format, column.none);
    const ok = rangeOk(name(column.name), column.rule, column.none !== undefined, column.when);
    return {
      id: column.id,
      label: {
        da: `${where.da}: prislistens kolonne «${column.column.da}»`,
        en: `${where.en}: the rate card's column “${column.column.en}”`,
      },
      ok,
      message: text(
        sheet.text({
          da: `${where.da}: hver værdi i prislistens kolonne «${column.column.da}» skal være ${what.da}`,
          en: `${where.en}: every value in the rate card's column “${column.column.en}” must be ${what.en}`,
        }),
      ),
    };
  });
}
