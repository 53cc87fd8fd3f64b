import { PAYMENT_RULES } from "../../engine/payment/rules";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { CheckSpec } from "../blocks/checks";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { NO_CAP, NO_THRESHOLD, PAYMENT_SHEET_NAMES } from "./labels";
import { writeTerm, type TermSpec } from "./termCells";

const FLAG = { rule: PAYMENT_RULES.flag, format: FORMATS.integer, unit: { da: "1/0", en: "1/0" } } as const;
const FLAG_WHAT = { da: "1 (ja) eller 0 (nej)", en: "1 (yes) or 0 (no)" };
const KR = { da: "kr", en: "kr" };
const SHARE = { da: "andel", en: "share" };

/** The scalar payment terms in the order they are shown, with their values from `terms`. */
export function paymentTermSpecs(terms: PaymentTerms): TermSpec[] {
  const flag = (value: boolean): Pick<TermSpec, "rule" | "format" | "unit" | "what" | "value"> => ({
    ...FLAG,
    what: FLAG_WHAT,
    value: value ? 1 : 0,
  });
  const cap = (value: number | null): Pick<TermSpec, "rule" | "format" | "unit" | "none" | "value"> => ({
    rule: PAYMENT_RULES.amount,
    format: FORMATS.kr,
    unit: KR,
    none: NO_CAP,
    value,
  });
  return [
    {
      name: "SIB_PayIncludeEducation",
      label: { da: "Uddannelse tæller som selvforsørgelse (1/0)", en: "Education counts as self-supporting (1/0)" },
      title: { da: "Uddannelse tæller med", en: "Education counts" },
      ...flag(terms.includeEducation),
    },
    {
      name: "SIB_PayBaselineKind",
      label: {
        da: "Basislinje: 0 = ingen, 1 = kontrolgruppen, 2 = historisk rate",
        en: "Baseline: 0 = none, 1 = comparison group, 2 = historical rate",
      },
      title: { da: "Basislinje", en: "Baseline" },
      unit: { da: "kode", en: "code" },
      format: FORMATS.integer,
      rule: PAYMENT_RULES.baselineCode,
      what: { da: "0, 1 eller 2", en: "0, 1 or 2" },
      value: { none: 0, comparison: 1, historical: 2 }[terms.baseline.kind],
    },
    {
      name: "SIB_PayThresholdPP",
      label: { da: "Tærskel: mindste effekt (procentpoint)", en: "Threshold: minimum effect (percentage points)" },
      title: { da: "Tærskel (procentpoint)", en: "Threshold (percentage points)" },
      unit: { da: "pp", en: "pp" },
      format: FORMATS.krDecimals,
      rule: PAYMENT_RULES.thresholdPP,
      none: NO_THRESHOLD,
      value: terms.threshold?.pp ?? null,
    },
    {
      name: "SIB_PayThresholdContract",
      label: {
        da: "Tærsklen gælder hele kontrakten (1) eller hvert mål (0)",
        en: "Threshold gates the whole contract (1) or each metric (0)",
      },
      title: { da: "Tærsklens omfang", en: "Threshold scope" },
      ...flag(terms.threshold?.scope === "contract"),
      what: { da: "1 (hele kontrakten) eller 0 (hvert mål)", en: "1 (whole contract) or 0 (each metric)" },
    },
    {
      name: "SIB_PayPersonCap",
      label: { da: "Loft pr. person (kr)", en: "Cap per person (kr)" },
      title: { da: "Loft pr. person", en: "Cap per person" },
      ...cap(terms.personCap),
    },
    {
      name: "SIB_PayContractCap",
      label: { da: "Loft for kontrakten i alt (kr)", en: "Contract cap in total (kr)" },
      title: { da: "Loft for kontrakten", en: "Contract cap" },
      ...cap(terms.contractCap),
    },
    ...savingsAndTimingSpecs(terms, flag),
  ];
}

function savingsAndTimingSpecs(
  terms: PaymentTerms,
  flag: (value: boolean) => Pick<TermSpec, "rule" | "format" | "unit" | "what" | "value">,
): TermSpec[] {
  return [
    {
      name: "SIB_PaySavingsShare",
      label: { da: "Andel af de beregnede besparelser der betales (α)", en: "Share of the modelled savings paid (α)" },
      title: { da: "Andel af besparelser (α)", en: "Share of savings (α)" },
      unit: SHARE,
      format: FORMATS.percent,
      rule: PAYMENT_RULES.share,
      value: terms.savingsShare,
    },
    {
      name: "SIB_PaySavingsBroad",
      label: {
        da: "Besparelser: alle offentlige budgetter (1) eller kun kommunens (0)",
        en: "Savings: all public budgets (1) or the municipality's only (0)",
      },
      title: { da: "Besparelsernes omfang", en: "Scope of the savings" },
      ...flag(terms.savingsScope === "broad"),
      what: { da: "1 (alle offentlige) eller 0 (kommunens)", en: "1 (all public) or 0 (the municipality's)" },
    },
    {
      name: "SIB_PayBaseFee",
      label: { da: "Basishonorar pr. deltager (kr)", en: "Base fee per participant (kr)" },
      title: { da: "Basishonorar", en: "Base fee" },
      unit: KR,
      format: FORMATS.kr,
      rule: PAYMENT_RULES.amount,
      value: terms.baseFee,
    },
    {
      name: "SIB_PayBaseFeeSpread",
      label: {
        da: "Basishonorar fordelt over indsatsen (1) eller ved start (0)",
        en: "Base fee spread over the effort (1) or at intake (0)",
      },
      title: { da: "Basishonorarets timing", en: "Base fee timing" },
      ...flag(terms.baseFeeTiming === "spread"),
      what: { da: "1 (fordelt) eller 0 (ved start)", en: "1 (spread) or 0 (at intake)" },
    },
    {
      name: "SIB_PayLagMonths",
      label: {
        da: "Forsinkelse fra resultat til betaling (måneder)",
        en: "Claim lag from outcome to payment (months)",
      },
      title: { da: "Forsinkelse (måneder)", en: "Claim lag (months)" },
      unit: { da: "måneder", en: "months" },
      format: FORMATS.integer,
      rule: PAYMENT_RULES.lagMonths,
      value: terms.lagMonths,
    },
    {
      name: "SIB_PayMunicipalityShare",
      label: {
        da: "Kommunens andel af betalingerne (resten betaler staten)",
        en: "The municipality's share of payments (the state pays the rest)",
      },
      title: { da: "Kommunens andel", en: "Municipality's share" },
      unit: SHARE,
      format: FORMATS.percent,
      rule: PAYMENT_RULES.share,
      value: terms.municipalityShare,
    },
  ];
}

/** The payment terms block: a heading at `top`, then one named input per term. */
export function writeTermsBlock(
  sheet: SheetBuilder,
  top: number,
  terms: PaymentTerms,
): { bottom: number; checks: CheckSpec[] } {
  sheet.label(0, top, { da: "Betalingsvilkår", en: "Payment terms" }, true);
  const specs = paymentTermSpecs(terms);
  const checks = specs.map((spec, index) => writeTerm(sheet, 1, top + 1 + index, spec, PAYMENT_SHEET_NAMES));
  return { bottom: top + specs.length, checks };
}
