import { RULES, type NumericRule } from "../../engine/rules";
import { and, call, concat, eq, ge, gt, ifThen, le, name, num, ref, sub, bool, type Expr } from "../formula";
import type { Bilingual } from "../sheetBuilder";
import type { InputValidation, Language } from "../types";
import type { CheckSpec } from "./checks";

/** What each engine rule allows, as the workbook says it (completes "… skal være" / "… must be"). */
const RULE_TEXT: Readonly<Record<keyof typeof RULES, Bilingual>> = {
  share: { da: "en andel fra 0 % til 100 %", en: "a share from 0 % to 100 %" },
  amount: { da: "et beløb fra 0 til 1 mia. kr", en: "an amount from 0 to 1 billion kr" },
  rate: { da: "en sats fra 0 % til 99 %", en: "a rate from 0 % to 99 %" },
  factor: { da: "en faktor over 0 og højst 10", en: "a factor above 0 and at most 10" },
  flag: { da: "1 (ja) eller 0 (nej)", en: "1 (yes) or 0 (no)" },
  people: { da: "et helt antal deltagere fra 1", en: "a whole number of participants from 1" },
  intakeMonth: { da: "en hel programmåned fra 0 til 600", en: "a whole programme month from 0 to 600" },
  horizon: { da: "et helt antal måneder fra 1 til 420", en: "a whole number of months from 1 to 420" },
  monthWithinHorizon: {
    da: "et helt antal måneder fra 1 til tidshorisonten",
    en: "a whole number of months from 1 to the horizon",
  },
  persistence: {
    da: "en vedvarenhed pr. måned fra 0 til 1 (1 = intet henfald)",
    en: "a monthly persistence from 0 to 1 (1 = no decay)",
  },
  weeks: { da: "et antal uger fra 0 til 520", en: "a number of weeks from 0 to 520" },
  discountRate: {
    da: "en årlig rente over −100 % og højst 100 %",
    en: "an annual rate above −100 % and at most 100 %",
  },
  refusionWeek: { da: "et helt ugenummer fra 1", en: "a whole week number from 1" },
};

/** The workbook's text of a rule (the RULES entry that is this very rule object). */
export function ruleText(rule: NumericRule): Bilingual {
  const entry = (Object.entries(RULES) as [keyof typeof RULES, NumericRule][]).find(
    ([, candidate]) => candidate === rule,
  );
  if (entry === undefined) throw new Error("a rule outside RULES has no workbook text");
  return RULE_TEXT[entry[0]];
}

const upperBound = (rule: NumericRule): Expr => (rule.max === "horizon" ? name("SIB_HorizonMonths") : num(rule.max));

/** The rule's conditions on a number `x` (bounds and wholeness), as one logical formula. */
function withinRule(rule: NumericRule, x: Expr): Expr {
  const low = rule.exclusiveMin === true ? gt(x, num(rule.min)) : ge(x, num(rule.min));
  const whole = rule.integer ? [eq(x, call("ROUND", x, num(0)))] : [];
  return and(low, le(x, upperBound(rule)), ...whole);
}

/**
 * Excel data validation of an input cell at `address` from its engine rule: a plain range where Excel can say it,
 * otherwise a custom formula over the cell (exclusive bounds, a bound that is another input).
 */
export function ruleValidation(
  rule: NumericRule,
  label: Bilingual,
  address: string,
  language: Language,
): InputValidation {
  const allowed = ruleText(rule)[language];
  const simple = rule.exclusiveMin !== true && rule.max !== "horizon";
  const cellRef = ref(address.replace(/\$/g, ""));
  return {
    rule: simple
      ? { kind: rule.integer ? "whole" : "decimal", min: rule.min, max: rule.max as number }
      : { kind: "custom", formula: and(call("ISNUMBER", cellRef), withinRule(rule, cellRef)) },
    title: language === "da" ? "Tilladte værdier" : "Allowed values",
    prompt: `${label[language]}: ${allowed}.`,
    error:
      language === "da"
        ? `Værdien er ikke tilladt: ${label.da} skal være ${allowed}.`
        : `This value is not allowed: ${label.en} must be ${allowed}.`,
  };
}

/** The check of one input cell (a defined name or absolute reference) against its rule; the message shows the value. */
export function scalarRuleCheck(
  id: string,
  rule: NumericRule,
  label: Bilingual,
  value: Expr,
  language: Language,
): CheckSpec {
  const allowed = ruleText(rule)[language];
  const must = language === "da" ? " skal være " : " must be ";
  const now = language === "da" ? "; nu: " : "; now: ";
  return {
    id,
    label,
    ok: ifThen(call("ISNUMBER", value), withinRule(rule, value), bool(false)),
    message: concat(`${label[language]}${must}${allowed}${now}`, value),
  };
}

/**
 * The check of a column of input cells (a range): every cell a number within the rule. MIN/MAX test the bounds; a
 * whole-number rule also needs Σ|x − ROUND(x)| = 0.
 */
export function rangeRuleCheck(
  id: string,
  rule: NumericRule,
  label: Bilingual,
  range: Expr,
  language: Language,
): CheckSpec {
  const low =
    rule.exclusiveMin === true ? gt(call("MIN", range), num(rule.min)) : ge(call("MIN", range), num(rule.min));
  const whole = rule.integer
    ? [eq(call("SUMPRODUCT", call("ABS", sub(range, call("ROUND", range, num(0))))), num(0))]
    : [];
  const complete = eq(call("COUNT", range), call("ROWS", range));
  const must = language === "da" ? ": hver celle skal være " : ": every cell must be ";
  return {
    id,
    label,
    ok: ifThen(complete, and(low, le(call("MAX", range), upperBound(rule)), ...whole), bool(false)),
    message: concat(`${label[language]}${must}${ruleText(rule)[language]}`),
  };
}
