import { INVESTOR_RULES, SURPLUS_SHARE_TOLERANCE } from "../../engine/investor/rules";
import type { InvestorTerms } from "../../engine/investor/terms";
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
  return [...capSpecs(terms), ...surplusSpecs(terms), ...protectionSpecs(terms)];
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
