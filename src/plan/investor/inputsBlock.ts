import { INVESTOR_RULES, SURPLUS_SHARE_TOLERANCE } from "../../engine/investor/rules";
import { DEFAULT_SAVINGS_SURPLUS, SURPLUS_RULE_CODES } from "../../engine/investor/surplus";
import { NO_DEAL_COSTS, type InvestorTerms } from "../../engine/investor/terms";
import { whenNumbers, type CheckSpec } from "../blocks/checks";
import { call, concat, le, name, num, sub, type Expr } from "../formula";
import { writeTerm, type TermSpec } from "../payment/termCells";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { INVESTOR_SHEET_NAMES, NONE, NO_RETURN_CAP } from "./labels";

const SURPLUS_NAMES = [
  "SIB_InvSurplusInvestor",
  "SIB_InvSurplusProvider",
  "SIB_InvSurplusCommissioner",
  "SIB_InvSurplusReinvested",
] as const;

/** The investor terms in the order they are shown, with their values from `terms`. */
export function investorTermSpecs(terms: InvestorTerms): TermSpec[] {
  return [
    ...capSpecs(terms),
    ...surplusSpecs(terms),
    ...protectionSpecs(terms),
    ...dealSpecs(terms),
    ...savingsSurplusSpecs(terms),
  ];
}

/** The text of the recycled-cohort-size cell meaning "the first cohort's size". */
export const FIRST_COHORT_SIZE = { da: "som første hold", en: "as the first cohort" } as const;

/**
 * The municipality's savings above its payments (issue 15 item 4; engine: src/engine/investor/surplus.ts): the rule
 * as a code (0 the municipality keeps it, 1 a share to the provider, 2 a share reinvested in next cohorts), the share
 * σ, and the participants per recycled cohort (text = the first cohort's size).
 */
function savingsSurplusSpecs(terms: InvestorTerms): TermSpec[] {
  const surplus = terms.savingsSurplus ?? DEFAULT_SAVINGS_SURPLUS;
  return [
    {
      name: "SIB_InvSavingsSurplusRule",
      label: {
        da: "Besparelser over betalingerne: kommunen beholder dem (0), en andel til leverandøren (1) eller geninvesteres i nye hold (2)",
        en: "Savings above the payments: kept by the municipality (0), a share to the provider (1) or reinvested in next cohorts (2)",
      },
      title: { da: "Besparelsesoverskud: regel", en: "Savings surplus: rule" },
      format: FORMATS.integer,
      rule: INVESTOR_RULES.savingsSurplusRule,
      what: {
        da: "0 (kommunen beholder), 1 (andel til leverandøren) eller 2 (andel geninvesteres)",
        en: "0 (the municipality keeps it), 1 (a share to the provider) or 2 (a share reinvested)",
      },
      value: SURPLUS_RULE_CODES.indexOf(surplus.rule),
    },
    {
      name: "SIB_InvSavingsSurplusShare",
      label: {
        da: "Besparelsesoverskud: andel til leverandøren eller geninvestering (resten beholder kommunen)",
        en: "Savings surplus: share to the provider or reinvested (the municipality keeps the rest)",
      },
      title: { da: "Besparelsesoverskud: andel", en: "Savings surplus: share" },
      format: FORMATS.percent,
      rule: INVESTOR_RULES.surplusShare,
      value: surplus.share,
    },
    {
      name: "SIB_InvRecycledCohortSize",
      label: {
        da: "Deltagere pr. nyt hold betalt af geninvesteringen (tekst = første holds størrelse)",
        en: "Participants per next cohort funded by the reinvestment (text = the first cohort's size)",
      },
      title: { da: "Nyt hold: deltagere", en: "Next cohort: participants" },
      format: FORMATS.integer,
      rule: INVESTOR_RULES.recycledCohortSize,
      none: FIRST_COHORT_SIZE,
      value: surplus.cohortSize,
    },
  ];
}

/** The text of the intermediary-years cell meaning "every year of the horizon". */
export const EVERY_YEAR = { da: "alle år", en: "every year" } as const;

/**
 * Whether the commissioner's surplus share is returned (paid, then refunded) or withheld (never paid), and the deal
 * costs the investor finances (issue 11 item 5; engine: src/engine/investor/terms.ts `dealCosts`, waterfall.ts
 * `dealCostAt`): set-up and one-off intermediary fee in month 0, evaluation in the last month with an intervention
 * cost, a yearly intermediary fee in months 0, 12, 24 … for a number of years (text = every year), and the provider's
 * own cost of non-delivery (in the last month with a cost; borne by the provider, not drawn from the investor, but a
 * socio-economic cost like the others: SIB_InvDealCostsPV, SIB_SocioEconomicAfterDealCosts).
 */
function dealSpecs(terms: InvestorTerms): TermSpec[] {
  const deal = terms.dealCosts ?? NO_DEAL_COSTS;
  const amount = (
    definedName: string,
    label: TermSpec["label"],
    title: TermSpec["title"],
    value: number,
  ): TermSpec => ({
    name: definedName,
    label,
    title,
    format: FORMATS.kr,
    rule: INVESTOR_RULES.dealCost,
    value,
  });
  return [
    {
      name: "SIB_InvCappedSurplusReturned",
      label: {
        da: "Kommunens andel af overskuddet over loftet: betales og tilbagebetales (1) eller tilbageholdes (0)",
        en: "The commissioner's share of the surplus above the cap: paid and returned (1) or withheld (0)",
      },
      title: { da: "Overskud: tilbagebetales", en: "Surplus: returned" },
      format: FORMATS.integer,
      rule: INVESTOR_RULES.flag,
      what: { da: "1 (tilbagebetales) eller 0 (tilbageholdes)", en: "1 (returned) or 0 (withheld)" },
      value: terms.cappedSurplus === "returned" ? 1 : 0,
    },
    amount(
      "SIB_InvDealSetup",
      {
        da: "Etablering og jura (kr, måned 0, finansieres af investor)",
        en: "Set-up and legal (kr, month 0, financed by the investor)",
      },
      { da: "Etablering (kr)", en: "Set-up (kr)" },
      deal.setup,
    ),
    amount(
      "SIB_InvDealEvaluation",
      {
        da: "Evaluering (kr, i sidste måned med omkostning, finansieres af investor)",
        en: "Evaluation (kr, in the last month with a cost, financed by the investor)",
      },
      { da: "Evaluering (kr)", en: "Evaluation (kr)" },
      deal.evaluation,
    ),
    amount(
      "SIB_InvDealIntermediaryOneOff",
      { da: "Formidlerhonorar, engang (kr, måned 0)", en: "Intermediary fee, one-off (kr, month 0)" },
      { da: "Formidler, engang (kr)", en: "Intermediary, one-off (kr)" },
      deal.intermediaryOneOff,
    ),
    amount(
      "SIB_InvDealIntermediaryYearly",
      { da: "Formidlerhonorar pr. år (kr, måned 0, 12, 24 …)", en: "Intermediary fee a year (kr, months 0, 12, 24 …)" },
      { da: "Formidler pr. år (kr)", en: "Intermediary a year (kr)" },
      deal.intermediaryYearly,
    ),
    {
      name: "SIB_InvDealIntermediaryYears",
      label: { da: "Formidlerhonorar pr. år: antal år", en: "Intermediary fee a year: number of years" },
      title: { da: "Formidler: antal år", en: "Intermediary: years" },
      format: FORMATS.integer,
      rule: INVESTOR_RULES.intermediaryYears,
      none: EVERY_YEAR,
      value: deal.intermediaryYears,
    },
    amount(
      "SIB_InvDealProviderNonDelivery",
      {
        da: "Leverandørens omkostning ved manglende levering (kr, i sidste måned med omkostning, bæres af leverandøren)",
        en: "The provider's cost of non-delivery (kr, in the last month with a cost, borne by the provider)",
      },
      { da: "Manglende levering (kr)", en: "Provider, non-delivery (kr)" },
      deal.providerNonDelivery,
    ),
  ];
}

function capSpecs(terms: InvestorTerms): TermSpec[] {
  return [
    {
      name: "SIB_InvDrawUpfront",
      label: {
        da: "Kapital trækkes forud (1) eller efterhånden som omkostningerne falder (0)",
        en: "Capital drawn up front (1) or as the costs fall due (0)",
      },
      title: { da: "Træk af kapital", en: "Capital draw" },
      format: FORMATS.integer,
      rule: INVESTOR_RULES.flag,
      what: { da: "1 (forud) eller 0 (efterhånden)", en: "1 (up front) or 0 (as needed)" },
      value: terms.draw === "upfront" ? 1 : 0,
    },
    {
      name: "SIB_InvCapIRR",
      label: { da: "Afkastloft som IA (effektiv årlig rente)", en: "Return cap as an IRR (effective annual rate)" },
      title: { da: "Afkastloft (IA)", en: "Return cap (IRR)" },
      format: FORMATS.percent,
      rule: INVESTOR_RULES.capIrr,
      none: NO_RETURN_CAP,
      value: terms.returnCap.irr,
    },
    {
      name: "SIB_InvCapMultiple",
      label: { da: "Afkastloft som pengemultipel", en: "Return cap as a money multiple" },
      title: { da: "Afkastloft (multipel)", en: "Return cap (multiple)" },
      format: FORMATS.factor,
      rule: INVESTOR_RULES.capMultiple,
      none: NO_RETURN_CAP,
      value: terms.returnCap.multiple,
    },
  ];
}

function surplusSpecs(terms: InvestorTerms): TermSpec[] {
  const surplus = (
    definedName: string,
    label: TermSpec["label"],
    title: TermSpec["title"],
    value: number,
  ): TermSpec => ({
    name: definedName,
    label,
    title,
    format: FORMATS.percent,
    rule: INVESTOR_RULES.surplusShare,
    value,
  });
  return [
    surplus(
      SURPLUS_NAMES[0],
      { da: "Overskud over loftet: investorens andel", en: "Surplus above the cap: investor's share" },
      { da: "Overskud: investor", en: "Surplus: investor" },
      terms.surplusShare.investor,
    ),
    surplus(
      SURPLUS_NAMES[1],
      { da: "Overskud: leverandørens andel", en: "Surplus: provider's share" },
      { da: "Overskud: leverandør", en: "Surplus: provider" },
      terms.surplusShare.provider,
    ),
    surplus(
      SURPLUS_NAMES[2],
      { da: "Overskud: kommunens andel (betales ikke)", en: "Surplus: commissioner's share (not paid)" },
      { da: "Overskud: kommune", en: "Surplus: commissioner" },
      terms.surplusShare.commissioner,
    ),
    surplus(
      SURPLUS_NAMES[3],
      { da: "Overskud: geninvesteres", en: "Surplus: reinvested" },
      { da: "Overskud: geninvesteres", en: "Surplus: reinvested" },
      terms.surplusShare.reinvested,
    ),
  ];
}

function protectionSpecs(terms: InvestorTerms): TermSpec[] {
  return [
    {
      name: "SIB_InvMaxLoss",
      label: {
        da: "Højeste tab som andel af kapitalen (kapitalgaranti)",
        en: "Maximum loss as a share of the capital (principal protection)",
      },
      title: { da: "Højeste tab", en: "Maximum loss" },
      format: FORMATS.percent,
      rule: INVESTOR_RULES.maxLoss,
      none: NONE,
      value: terms.maxLoss,
    },
    {
      name: "SIB_InvHurdleRate",
      label: { da: "Investorens krævede afkast (årlig rente)", en: "Investor's hurdle rate (annual)" },
      title: { da: "Krævet afkast", en: "Hurdle rate" },
      format: FORMATS.percent,
      rule: INVESTOR_RULES.hurdleRate,
      none: NONE,
      value: terms.hurdleRate,
    },
  ];
}

/** The investor terms as named inputs from row `top`; returns the last row and the terms' checks. */
export function writeInvestorInputs(
  sheet: SheetBuilder,
  top: number,
  terms: InvestorTerms,
): { bottom: number; checks: CheckSpec[] } {
  const specs = investorTermSpecs(terms);
  const checks = specs.map((spec, index) => writeTerm(sheet, 1, top + index, spec, INVESTOR_SHEET_NAMES));
  return { bottom: top + specs.length - 1, checks: [...checks, surplusSumCheck(sheet)] };
}

/** The four surplus shares sum to 1 (checked when all are numbers; each share has its own range check). */
function surplusSumCheck(sheet: SheetBuilder): CheckSpec {
  const shares: Expr[] = SURPLUS_NAMES.map((definedName) => name(definedName));
  const total = call("SUM", ...shares);
  const where = INVESTOR_SHEET_NAMES;
  return {
    id: "InvSurplusSum",
    label: { da: `${where.da}: overskudsandelene summer til 1`, en: `${where.en}: the surplus shares sum to 1` },
    ok: whenNumbers(shares, le(call("ABS", sub(total, num(1))), num(SURPLUS_SHARE_TOLERANCE))),
    message: concat(
      sheet.text({
        da: `${where.da}: de fire overskudsandele skal tilsammen være 100 % (1); nu er summen `,
        en: `${where.en}: the four surplus shares must sum to 100% (1); now they sum to `,
      }),
      call("ROUND", total, num(4)),
    ),
  };
}
