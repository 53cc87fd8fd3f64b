import { PAYMENT_RULES } from "../../engine/payment/rules";
import { MAX_SUSTAINMENT_MONTHS, type PaymentTerms } from "../../engine/payment/terms";
import { THRESHOLD_TOLERANCE_PP } from "../../engine/payment/threshold";
import type { NumericRule } from "../../engine/rules";
import { cell } from "../address";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import type { CalculationLayout } from "../calculationSheet";
import {
  add,
  and,
  bool,
  call,
  concat,
  div,
  eq,
  ge,
  gt,
  ifThen,
  le,
  lt,
  mul,
  name,
  num,
  or,
  pow,
  ref,
  sub,
  type Expr,
} from "../formula";
import type { InputsLayout } from "../inputsSheet";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { PAYMENT_SHEET_NAMES } from "./labels";
import { CARD, historicalRate, selfSupportingShare, type RateCardLayout } from "./rateCardBlock";
import { ruleHolds, termCheck, termValidation, writeTerm, type TermSpec } from "./termCells";
import { simplify } from "../simplify";

/** Rows the block takes below its heading. */
export const SUSTAINMENT_ROWS = 7;

const MONTHS_RULE: NumericRule = {
  integer: true,
  min: 1,
  max: MAX_SUSTAINMENT_MONTHS,
  what: `a whole number of months from 1 to ${MAX_SUSTAINMENT_MONTHS}`,
};

/** The two terms of the sustainment card (src/engine/payment/terms.ts SustainmentTerms), with their values. */
export function sustainmentTermSpecs(terms: PaymentTerms): TermSpec[] {
  const card = terms.sustainment ?? null;
  return [
    {
      name: "SIB_PaySustainPrice",
      label: {
        da: "Fastholdelseskort: pris pr. måned i job pr. deltager (kr; 0 = intet kort)",
        en: "Sustainment card: price per month in work per participant (kr; 0 = no card)",
      },
      title: { da: "Pris pr. måned i job", en: "Price per month in work" },
      unit: { da: "kr", en: "kr" },
      format: FORMATS.kr,
      rule: PAYMENT_RULES.amount,
      value: card?.monthlyPrice ?? 0,
    },
    {
      name: "SIB_PaySustainMonths",
      label: {
        da: "Fastholdelseskort: antal betalte måneder fra målemåneden (målemåned + måneder ≤ tidshorisont)",
        en: "Sustainment card: months paid from the measurement month (measurement month + months ≤ horizon)",
      },
      title: { da: "Betalte måneder", en: "Months paid" },
      unit: { da: "måneder", en: "months" },
      format: FORMATS.integer,
      rule: MONTHS_RULE,
      // Without a card the price is 0 and the months change nothing; 24 as in examples/pilot-sustainment.json.
      value: card?.months ?? 24,
    },
  ];
}

/**
 * The sustainment card (issue 11 item 3; engine: sustainmentScheduleCore in src/engine/payment/schedule.ts): its
 * price per month in work and the months paid as named inputs; the baseline rate it nets a historical baseline
 * against (the rate card's selfSupporting line when on the card, else an input); the participants' and the comparison
 * group's self-supporting share at the measurement month; and the gate (1 when the contract threshold is met and a
 * per-metric threshold lets the selfSupporting effect through). The month columns use {@link sustainmentPaid}.
 */
export function writeSustainmentBlock(
  sheet: SheetBuilder,
  top: number,
  deps: {
    readonly terms: PaymentTerms;
    readonly inputs: InputsLayout;
    readonly calculation: CalculationLayout;
    readonly card: RateCardLayout;
  },
): { bottom: number; checks: CheckSpec[] } {
  sheet.label(
    0,
    top,
    {
      da: "Fastholdelseskort: betaling for hver måned i job (investor bærer risikoen for, at effekten aftager)",
      en: "Sustainment card: paid for every month in work (the investor carries the risk that the effect fades)",
    },
    true,
  );
  const [priceSpec, monthsSpec] = sustainmentTermSpecs(deps.terms);
  if (priceSpec === undefined || monthsSpec === undefined) throw new Error("sustainment terms changed");
  const checks = [
    writeTerm(sheet, 1, top + 1, priceSpec, PAYMENT_SHEET_NAMES),
    writeMonths(sheet, top + 2, monthsSpec),
  ];
  writeHistoricalRate(sheet, top + 3, deps);
  const participants = selfSupportingShare(deps, "SIB_ParticipantShares");
  const comparison = selfSupportingShare(deps, "SIB_ComparisonShares");
  const effect = mul(num(100), sub(name("SIB_PaySustainShare"), name("SIB_PaySustainComparison")));
  const reaches = ge(effect, sub(name("SIB_PayThresholdPP"), num(THRESHOLD_TOLERANCE_PP)));
  const perMetric = and(call("ISNUMBER", name("SIB_PayThresholdPP")), eq(name("SIB_PayThresholdContract"), num(0)));
  const gate = mul(name("SIB_PayContractThresholdMet"), ifThen(perMetric, ifThen(reaches, num(1), num(0)), num(1)));
  const computed: [string, Bilingual, Expr, typeof FORMATS.percent | typeof FORMATS.integer][] = [
    [
      "SIB_PaySustainShare",
      {
        da: "Deltagernes andel selvforsørgende ved målemåneden",
        en: "Participants' self-supporting share at measurement",
      },
      participants,
      FORMATS.percent,
    ],
    [
      "SIB_PaySustainComparison",
      {
        da: "Kontrolgruppens andel selvforsørgende ved målemåneden",
        en: "Comparison group's self-supporting share at measurement",
      },
      comparison,
      FORMATS.percent,
    ],
    [
      "SIB_PaySustainGate",
      {
        da: "Fastholdelseskortet betaler (1/0: kontraktens tærskel og tærsklen på selvforsørgelse nået)",
        en: "The sustainment card pays (1/0: the contract threshold and the threshold on self-support met)",
      },
      gate,
      FORMATS.integer,
    ],
  ];
  computed.forEach(([definedName, label, formula, format], index) => {
    const row = top + 4 + index;
    sheet.label(0, row, label);
    sheet.formula(1, row, formula, "calculation", format);
    sheet.nameCell(definedName, 1, row, "calculation", sheet.text(label));
  });
  sheet.label(0, top + SUSTAINMENT_ROWS, {
    da: "Betaling ved 6/12/18 måneder i job: brug prislistens mål «Fastholdt k mdr. efter målemåneden» (sustained6, sustained12, sustained18).",
    en: "Paid at 6/12/18 months in work: use the rate card's metrics “Sustained k months after measurement” (sustained6, sustained12, sustained18).",
  });
  return { bottom: top + SUSTAINMENT_ROWS, checks: [...checks, horizonCheck(sheet)] };
}

/**
 * The months paid, checked only when the card pays (price above 0), as the engine reads a price of 0 as no card and
 * never looks at the months: its data validation and its check accept anything then.
 */
function writeMonths(sheet: SheetBuilder, row: number, spec: TermSpec): CheckSpec {
  const noCard = and(call("ISNUMBER", name("SIB_PaySustainPrice")), eq(name("SIB_PaySustainPrice"), num(0)));
  const validation = termValidation(sheet, cell(1, row), spec);
  const self = ref(cell(1, row));
  const numberOk = and(call("ISNUMBER", self), ruleHolds(self, spec.rule));
  sheet.label(0, row, spec.label);
  sheet.value(1, row, "input", spec.value ?? 0, spec.format, {
    ...validation,
    rule: { kind: "custom", formula: simplify(or(eq(name("SIB_PaySustainPrice"), num(0)), numberOk)) },
  });
  if (spec.unit !== undefined) sheet.label(2, row, spec.unit);
  sheet.nameCell(spec.name, 1, row, "input", sheet.text(spec.label));
  const check = termCheck(sheet, spec, PAYMENT_SHEET_NAMES);
  return { ...check, ok: ifThen(noCard, bool(true), check.ok) };
}

/** The historical baseline rate of self-support: the rate card's selfSupporting line, else its own input. */
function writeHistoricalRate(
  sheet: SheetBuilder,
  row: number,
  deps: { readonly terms: PaymentTerms; readonly card: RateCardLayout },
): void {
  const label: Bilingual = {
    da: "Fastholdelseskort: historisk basisrate for selvforsørgelse (ved basislinje 2)",
    en: "Sustainment card: historical baseline rate of self-support (with baseline 2)",
  };
  sheet.label(0, row, label);
  const onCard = deps.card.definitions.findIndex((definition) => definition.id === "selfSupporting");
  if (onCard >= 0) {
    sheet.formula(1, row, deps.card.at(onCard, CARD.historical), "calculation", FORMATS.percent);
    sheet.nameCell("SIB_PaySustainHistoricalRate", 1, row, "calculation", sheet.text(label));
    return;
  }
  const spec = { label, title: { da: "Historisk basisrate", en: "Historical baseline rate" } };
  const validation = termValidation(sheet, cell(1, row), {
    ...spec,
    format: FORMATS.percent,
    rule: PAYMENT_RULES.share,
  });
  sheet.value(1, row, "input", historicalRate(deps.terms, "selfSupporting"), FORMATS.percent, validation);
  sheet.nameCell("SIB_PaySustainHistoricalRate", 1, row, "input", sheet.text(label));
}

/** A card that pays must end within the horizon: M + D ≤ horizon (validateTermsForScenario, rule horizon). */
function horizonCheck(sheet: SheetBuilder): CheckSpec {
  const where = PAYMENT_SHEET_NAMES;
  const [price, months] = [name("SIB_PaySustainPrice"), name("SIB_PaySustainMonths")];
  const end = add(name("SIB_MeasurementMonth"), months);
  return {
    id: "PaySustainHorizon",
    label: {
      da: `${where.da}: fastholdelseskortet slutter inden for tidshorisonten`,
      en: `${where.en}: the sustainment card ends within the horizon`,
    },
    ok: whenNumbers(
      [price, months, name("SIB_MeasurementMonth"), name("SIB_HorizonMonths")],
      or(eq(price, num(0)), le(end, name("SIB_HorizonMonths"))),
    ),
    message: concat(
      sheet.text({
        da: `${where.da}: fastholdelseskortets betalte måneder løber fra målemåneden til måned `,
        en: `${where.en}: the sustainment card's paid months run from the measurement month to month `,
      }),
      end,
      sheet.text({ da: ", efter tidshorisonten på ", en: ", beyond the horizon of " }),
      name("SIB_HorizonMonths"),
      sheet.text({
        da: " måneder; brug færre måneder eller en længere tidshorisont",
        en: " months; use fewer months or a longer horizon",
      }),
    ),
  };
}

/**
 * The sustainment card's payment in programme month `month`, before the contract cap:
 * price × gate × Σ_c n_c × [0 ≤ j_c < D] × max(0, s·ρ^j_c − b_j) with j_c = month − intake_c − M − lag and
 * b_j = 0 (no baseline), c·ρ^j (comparison group) or the historical rate, as sustainmentScheduleCore. `share` and
 * `comparison` are the self-supporting shares at M (at zero effect both the comparison group's), `gate` 1 or 0. One
 * SUMPRODUCT over the cohorts (max(0, x) as (x + |x|)/2, which works element by element); the power's base is never
 * 0 with exponent 0 (Excel's 0^0 is #NUM!): ρ + [ρ = 0]·[j = 0].
 * @example sustainmentPaid(ref("A90"), name("SIB_PaySustainShare"), name("SIB_PaySustainComparison"), name("SIB_PaySustainGate"))
 */
export function sustainmentPaid(month: Expr, share: Expr, comparison: Expr, gate: Expr): Expr {
  const rho = name("SIB_Persistence");
  const j = sub(
    sub(sub(month, name("SIB_CohortIntakeMonths")), name("SIB_MeasurementMonth")),
    name("SIB_PayLagMonths"),
  );
  const positive = (x: Expr): Expr => div(add(x, call("ABS", x)), num(2));
  const exponent = positive(j);
  const decay = pow(add(rho, mul(eq(rho, num(0)), eq(exponent, num(0)))), exponent);
  const kind = name("SIB_PayBaselineKind");
  const baseline = add(
    mul(eq(kind, num(1)), mul(comparison, decay)),
    mul(eq(kind, num(2)), name("SIB_PaySustainHistoricalRate")),
  );
  const within = mul(ge(j, num(0)), lt(j, name("SIB_PaySustainMonths")));
  const payable = call(
    "SUMPRODUCT",
    mul(mul(name("SIB_CohortParticipants"), within), positive(sub(mul(share, decay), baseline))),
  );
  return ifThen(
    and(gt(name("SIB_PaySustainPrice"), num(0)), eq(gate, num(1))),
    mul(name("SIB_PaySustainPrice"), payable),
    num(0),
  );
}
