import { MAX_HORIZON_MONTHS } from "../../engine/limits";
import { MAX_AMOUNT_KR } from "../../engine/rules";
import { and, call, concat, eq, gt, ifThen, lt, name, ne, not, num, or, text, type Expr } from "../formula";
import type { Bilingual } from "../sheetBuilder";
import type { Language } from "../types";
import {
  AREA_CODES,
  codesOf,
  CONSEQUENCE_AREAS,
  CONSEQUENCE_EVIDENCE,
  CONSEQUENCE_PAYERS,
  EVIDENCE_CODES,
  PAYER_CODES,
} from "./codes";
import { isCode, MAX_CHANGE, within } from "./inputColumns";
import type { ValueRow } from "./valueColumns";

/**
 * Words that name a flow the employment account already counts (benefits, taxes, the AM contribution): a row whose id,
 * name or unit holds one is refused (rule noDoubleCounting). Each word is matched by the engine's
 * EMPLOYMENT_ACCOUNT_FLOWS too (src/engine/consequences/validate.ts), so the workbook never refuses a row the engine
 * takes; the engine's word-bounded words (løn, wage, tax, skat, SU, production) are left to it.
 */
export const DOUBLE_COUNTING_WORDS = [
  "kontanthjælp",
  "uddannelseshjælp",
  "selvforsørgelses",
  "hjemrejseydelse",
  "overgangsydelse",
  "integrationsydelse",
  "dagpenge",
  "sickness benefit",
  "unemployment benefit",
  "ledighedsydelse",
  "førtidspension",
  "disability pension",
  "ressourceforløbsydelse",
  "jobafklaring",
  "social assistance",
  "cash benefit",
  "indkomstskat",
  "kommuneskat",
  "bundskat",
  "income tax",
  "am-bidrag",
  "arbejdsmarkedsbidrag",
] as const;

interface Rule {
  readonly broken: Expr;
  readonly message: Bilingual;
}

const notNumberButText = (x: Expr): Expr => and(not(call("ISNUMBER", x)), ne(x, text("")));
const outside = (x: Expr, min: number, max: number, whole = false): Expr =>
  ifThen(call("ISNUMBER", x), not(within(x, min, max, whole)), num(1));

function listed(language: Language, codes: readonly string[]): string {
  return (language === "da" ? "en af " : "one of ") + codes.join(", ");
}

function rules(r: ValueRow, index: number): Rule[] {
  return [...identityRules(r, index), ...payerRules(r), ...numberRules(r), ...priceRules(r)];
}

/** The id (a text, unique), the area (a code) and the double-counting rule. */
function identityRules(r: ValueRow, index: number): Rule[] {
  const texts = concat(r.at("id"), " ", r.at("name"), " ", r.at("unit"));
  const doubleCounted = or(...DOUBLE_COUNTING_WORDS.map((word) => call("ISNUMBER", call("SEARCH", text(word), texts))));
  const areas = codesOf(CONSEQUENCE_AREAS, AREA_CODES, r.language);
  return [
    {
      broken: or(call("ISNUMBER", r.at("id")), eq(r.at("id"), text(""))),
      message: { da: "id skal være en tekst (regel pattern)", en: "the id must be a text (rule pattern)" },
    },
    {
      broken: ne(call("MATCH", r.at("id"), name("SIB_Cons_Id"), num(0)), num(index + 1)),
      message: {
        da: "id bruges af en tidligere række (regel unique)",
        en: "the id is used by an earlier row (rule unique)",
      },
    },
    {
      broken: not(isCode(r.at("area"), areas)),
      message: {
        da: `området skal være ${listed("da", codesOf(CONSEQUENCE_AREAS, AREA_CODES, "da"))} (regel oneOf)`,
        en: `the area must be ${listed("en", codesOf(CONSEQUENCE_AREAS, AREA_CODES, "en"))} (rule oneOf)`,
      },
    },
    {
      broken: doubleCounted,
      message: {
        da: "id, navn eller enhed nævner en ydelse eller skat, som beskæftigelseskontoen allerede tæller (regel noDoubleCounting)",
        en: "the id, name or unit names a benefit or tax the employment account already counts (rule noDoubleCounting)",
      },
    },
  ];
}

/** The payer and its refusion, the evidence mark and the source it requires. */
function payerRules(r: ValueRow): Rule[] {
  const payers = codesOf(CONSEQUENCE_PAYERS, PAYER_CODES, r.language);
  const evidence = codesOf(CONSEQUENCE_EVIDENCE, EVIDENCE_CODES, r.language);
  const municipal = eq(r.at("payer"), text(PAYER_CODES.municipality[r.language]));
  return [
    {
      broken: not(isCode(r.at("payer"), payers)),
      message: {
        da: `betaleren skal være ${listed("da", codesOf(CONSEQUENCE_PAYERS, PAYER_CODES, "da"))} (regel payer)`,
        en: `the payer must be ${listed("en", codesOf(CONSEQUENCE_PAYERS, PAYER_CODES, "en"))} (rule payer)`,
      },
    },
    {
      broken: outside(r.at("refusion"), 0, 1),
      message: {
        da: "refusionen skal være en andel fra 0 til 1 (regel range)",
        en: "the refusion must be a share from 0 to 1 (rule range)",
      },
    },
    {
      broken: and(ne(r.at("refusion"), num(0)), not(municipal)),
      message: {
        da: "kun en kommunal enhed har refusion; sæt den til 0 (regel refusion)",
        en: "only a municipal unit has refusion; set it to 0 (rule refusion)",
      },
    },
    {
      broken: not(isCode(r.at("evidence"), evidence)),
      message: {
        da: `mærket skal være ${listed("da", codesOf(CONSEQUENCE_EVIDENCE, EVIDENCE_CODES, "da"))} (regel oneOf)`,
        en: `the mark must be ${listed("en", codesOf(CONSEQUENCE_EVIDENCE, EVIDENCE_CODES, "en"))} (rule oneOf)`,
      },
    },
    {
      broken: and(or(eq(r.at("evidence"), text("V")), eq(r.at("evidence"), text("S"))), eq(r.at("source"), text(""))),
      message: {
        da: "en pris mærket V eller S skal have sin kilde (regel required)",
        en: "a price marked V or S must name its source (rule required)",
      },
    },
    {
      broken: and(eq(r.at("evidence"), text("U")), call("ISNUMBER", r.at("unitPrice"))),
      message: {
        da: `en række mærket U (ikke fundet) har ingen pris; giv din egen pris koden ${EVIDENCE_CODES.user.da} eller A (regel notFound)`,
        en: `a row marked U (not found) has no price; give your own price the code ${EVIDENCE_CODES.user.en} or A (rule notFound)`,
      },
    },
  ];
}

/** The changes, the duration and the decay. */
function numberRules(r: ValueRow): Rule[] {
  return [
    {
      broken: ifThen(
        eq(call("COUNT", r.changes), num(8)),
        or(gt(call("MAX", r.changes), num(MAX_CHANGE)), lt(call("MIN", r.changes), num(-MAX_CHANGE))),
        num(1),
      ),
      message: {
        da: "hver ændring skal være et tal fra −10 mio. til 10 mio. enheder pr. personår (regel range)",
        en: "every change must be a number from −10 million to 10 million units per person-year (rule range)",
      },
    },
    {
      broken: ifThen(call("ISNUMBER", r.at("duration")), lt(r.at("duration"), num(0)), num(0)),
      message: {
        da: "en varighed kan ikke være negativ (regel duration)",
        en: "a duration cannot be negative (rule duration)",
      },
    },
    {
      broken: outside(r.at("duration"), 0, MAX_HORIZON_MONTHS, true),
      message: {
        da: `varigheden skal være et helt antal måneder fra 0 til ${MAX_HORIZON_MONTHS} (regel integer)`,
        en: `the duration must be a whole number of months from 0 to ${MAX_HORIZON_MONTHS} (rule integer)`,
      },
    },
    {
      broken: outside(r.at("decay"), 0, 1),
      message: {
        da: "aftagningen skal være fra 0 til 1 om året (regel range)",
        en: "the decay must be from 0 to 1 a year (rule range)",
      },
    },
  ];
}

/** The unit price, its year and index factor, and the index a row that changes something needs. */
function priceRules(r: ValueRow): Rule[] {
  const changesSomething = or(ne(call("MAX", r.changes), num(0)), ne(call("MIN", r.changes), num(0)));
  return [
    {
      broken: or(
        notNumberButText(r.at("unitPrice")),
        and(call("ISNUMBER", r.at("unitPrice")), not(within(r.at("unitPrice"), 0, MAX_AMOUNT_KR))),
      ),
      message: {
        da: "enhedsprisen skal være et beløb fra 0 til 1 mia. kr eller tom (regel range)",
        en: "the unit price must be 0 to 1 billion kr or empty (rule range)",
      },
    },
    {
      broken: and(changesSomething, not(call("ISNUMBER", r.at("unitPrice")))),
      message: {
        da: "ingen enhedspris: en række, der ændrer forbruget, skal have sin pris i kr med prisår og kilde (regel unitPrice)",
        en: "no unit price: a row that changes the use of a unit needs its price in kr with price year and source (rule unitPrice)",
      },
    },
    {
      broken: or(
        and(call("ISNUMBER", r.at("unitPrice")), not(call("ISNUMBER", r.at("priceYear")))),
        notNumberButText(r.at("priceYear")),
        and(call("ISNUMBER", r.at("priceYear")), not(within(r.at("priceYear"), 1900, 2100, true))),
      ),
      message: {
        da: "en enhedspris skal have sit prisår, et helt år fra 1900 til 2100 (regel priceYear)",
        en: "a unit price needs its price year, a whole year from 1900 to 2100 (rule priceYear)",
      },
    },
    {
      broken: or(
        notNumberButText(r.at("indexFactor")),
        and(
          call("ISNUMBER", r.at("indexFactor")),
          or(not(gt(r.at("indexFactor"), num(0))), gt(r.at("indexFactor"), num(10))),
        ),
      ),
      message: {
        da: "indeksfaktoren skal være over 0 og højst 10, eller tom (regel range)",
        en: "the index factor must be above 0 and at most 10, or empty (rule range)",
      },
    },
    {
      broken: and(changesSomething, not(call("ISNUMBER", r.at("factor")))),
      message: {
        da: "prisåret ligger uden for lønindeksets data (2023-2026); angiv egen indeksfaktor med kilde (regel index)",
        en: "the price year is outside the wage index's data (2023-2026); give your own index factor with its source (rule index)",
      },
    },
  ];
}

/**
 * The row's first broken rule as a message naming the row ("Konsekvens <id>: …"), or "" when the row is fine: the
 * engine's rules of src/engine/consequences/validate.ts that the workbook can say in formulas.
 */
export function rowProblem(r: ValueRow, index: number): Expr {
  const prefix = r.language === "da" ? "Konsekvens " : "Consequence ";
  const fine: Expr = text("");
  return rules(r, index)
    .reverse()
    .reduce<Expr>(
      (otherwise, rule) =>
        ifThen(
          rule.broken,
          concat(prefix, call("IFERROR", r.at("id"), text("?")), `: ${rule.message[r.language]}`),
          otherwise,
        ),
      fine,
    );
}
