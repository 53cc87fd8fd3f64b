import { OUTCOME_STATES } from "../../engine/states";
import { absolute } from "../address";
import { add, and, call, div, eq, ifThen, mul, name, ne, neg, num, ref, sub, text, type Expr } from "../formula";
import { ATTRIBUTION_REFERENCE_NAME, STATE_CODES_NAME } from "../inputsSheet";
import type { Bilingual } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import { STATE_COLUMN } from "../calculation/stateBlock";
import { PAYER_CODES } from "./codes";
import type { InputKey } from "./inputColumns";
import { CONS_COHORT_MONTHS_NAME, CONS_EFFECT_WEIGHT_NAME, durationDecay, PAYER_NAMES, type PayerKey } from "./profile";

/** Keys of the calculated columns right of the inputs. */
export type ValueKey =
  | "factor"
  | "price"
  | "useChange"
  | "active"
  | "total"
  | `saving:${PayerKey}`
  | "weight"
  | `pv:${PvAccount}`
  | `unit:${PayerKey | "public"}`
  | "changeRef";

/** The accounts a consequence row adds to (other municipalities get nothing from a consequence). */
export type PvAccount = "municipality" | "state" | "region" | "public" | "socioEconomic";
export const PV_ACCOUNTS: readonly PvAccount[] = ["municipality", "state", "region", "public", "socioEconomic"];
export const PV_NAME: Readonly<Record<PvAccount, string>> = {
  ...PAYER_NAMES,
  public: "Public",
  socioEconomic: "SocioEconomic",
};

/** What a value column's formula sees of its row. */
export interface ValueRow {
  readonly at: (key: InputKey | ValueKey) => Expr;
  /** The row's change columns (JOB … ABROAD) as one range, e.g. L7:S7. */
  readonly changes: Expr;
  readonly language: "da" | "en";
}

export interface ValueColumn {
  readonly key: ValueKey;
  readonly name: string;
  readonly header: Bilingual;
  readonly format: NumberFormat;
  readonly formula: (row: ValueRow) => Expr;
}

/** Where the Calculation sheet's effects Δ_s are (block 1, column B, rows in OUTCOME_STATES order). */
export interface EffectCells {
  readonly sheet: string;
  readonly firstRow: number;
}

const PARAMETER_YEAR_NAME = "SIB_Cons_ParameterYear";
const INDEX_YEARS_NAME = "SIB_Cons_IndexYears";
const INDEX_VALUES_NAME = "SIB_Cons_IndexValues";
export { INDEX_VALUES_NAME, INDEX_YEARS_NAME, PARAMETER_YEAR_NAME };

/** The built-in index factor from the price year to the parameter year (engine: builtInIndexFactor), or "-". */
function factor(r: ValueRow): Expr {
  const indexOf = (year: Expr): Expr =>
    call("INDEX", name(INDEX_VALUES_NAME), call("MATCH", year, name(INDEX_YEARS_NAME), num(0)));
  const builtIn = ifThen(
    eq(r.at("priceYear"), name(PARAMETER_YEAR_NAME)),
    num(1),
    call("IFERROR", div(indexOf(name(PARAMETER_YEAR_NAME)), indexOf(r.at("priceYear"))), text("-")),
  );
  return ifThen(call("ISNUMBER", r.at("indexFactor")), r.at("indexFactor"), builtIn);
}

/** Σ_s Δ_s × change_s in the engine's order (JOB … ABROAD). */
function useChange(r: ValueRow, effects: EffectCells): Expr {
  const terms = OUTCOME_STATES.map((state, index) =>
    mul(ref(absolute(STATE_COLUMN.effect, effects.firstRow + index), effects.sheet), r.at(`change:${state}`)),
  );
  const [first, ...rest] = terms;
  if (first === undefined) throw new Error("no states");
  return rest.reduce((sum, term) => add(sum, term), first);
}

const payerIs = (r: ValueRow, payer: PayerKey): Expr => eq(r.at("payer"), text(PAYER_CODES[payer][r.language]));

function saving(payer: PayerKey): (r: ValueRow) => Expr {
  const total = (r: ValueRow): Expr => r.at("total");
  switch (payer) {
    case "municipality":
      return (r) => ifThen(payerIs(r, "municipality"), mul(total(r), sub(num(1), r.at("refusion"))), num(0));
    case "state":
      return (r) =>
        ifThen(
          payerIs(r, "state"),
          total(r),
          ifThen(payerIs(r, "municipality"), mul(total(r), r.at("refusion")), num(0)),
        );
    case "region":
      return (r) => ifThen(payerIs(r, "region"), total(r), num(0));
  }
}

const publicSaving = (r: ValueRow): Expr =>
  add(add(r.at("saving:municipality"), r.at("saving:state")), r.at("saving:region"));

/** The row's value to an account per participant-year at full effect (engine: accountValues). */
function accountValue(r: ValueRow, account: PvAccount): Expr {
  switch (account) {
    case "public":
      return publicSaving(r);
    case "socioEconomic":
      return mul(sub(add(name("SIB_NetTaxFactor"), name("SIB_DistortionFactor")), num(1)), publicSaving(r));
    default:
      return r.at(`saving:${account}`);
  }
}

const active = (r: ValueRow): Expr => eq(r.at("active"), num(1));

/**
 * The calculated columns of a consequence row (as src/engine/consequences/flows.ts): the price factor and the unit
 * price in the parameter year's prices; Σ Δ·change; whether the row changes anything; the saving per participant-year
 * at full effect (−Σ Δ·change × price) and its split by payer; the row's weight Σ_t g(t)·h(t)·Σ n·DF; its present
 * value per account (weight × value / 12, all participants); the value of one unit of change per account for the
 * attribution by state; the reference state's change.
 */
export function valueColumns(effects: EffectCells): ValueColumn[] {
  return [...priceColumns(effects), ...valueOfRowColumns()];
}

/** The price, Σ Δ·change, whether the row changes anything, its saving and the saving by payer. */
function priceColumns(effects: EffectCells): ValueColumn[] {
  const kr = FORMATS.kr;
  return [
    {
      key: "factor",
      name: "SIB_Cons_Factor",
      header: { da: "Prisfaktor", en: "Price factor" },
      format: FORMATS.factor,
      formula: factor,
    },
    {
      key: "price",
      name: "SIB_Cons_Price",
      header: { da: "Pris i parameterårets priser, kr", en: "Price in parameter-year prices, kr" },
      format: FORMATS.krDecimals,
      formula: (r) =>
        ifThen(
          and(call("ISNUMBER", r.at("unitPrice")), call("ISNUMBER", r.at("factor"))),
          mul(r.at("unitPrice"), r.at("factor")),
          text("-"),
        ),
    },
    {
      key: "useChange",
      name: "SIB_Cons_UseChange",
      header: { da: "Σ Δ × ændring (enheder pr. deltager-år)", en: "Σ Δ × change (units per participant-year)" },
      format: FORMATS.krDecimals,
      formula: (r) => useChange(r, effects),
    },
    {
      key: "active",
      name: "SIB_Cons_Active",
      header: { da: "Ændrer noget (1/0)", en: "Changes anything (1/0)" },
      format: FORMATS.integer,
      formula: (r) =>
        ifThen(
          call("ISNUMBER", r.at("price")),
          ifThen(and(ne(r.at("useChange"), num(0)), ne(r.at("price"), num(0))), num(1), num(0)),
          num(0),
        ),
    },
    {
      key: "total",
      name: "SIB_Cons_SavingTotal",
      header: { da: "Besparelse ved fuld effekt, kr/år", en: "Saving at full effect, kr/year" },
      format: kr,
      formula: (r) => ifThen(active(r), mul(neg(r.at("useChange")), r.at("price")), num(0)),
    },
    ...(["municipality", "state", "region"] as const).map((payer): ValueColumn => ({
      key: `saving:${payer}`,
      name: `SIB_Cons_Saving_${PAYER_NAMES[payer]}`,
      header: {
        da: `Heraf ${PAYER_CODES[payer].da}, kr/år`,
        en: `Of which ${PAYER_CODES[payer].en}, kr/year`,
      },
      format: kr,
      formula: saving(payer),
    })),
  ];
}

/** The row's weight, present value per account, value per unit of change and the reference state's change. */
function valueOfRowColumns(): ValueColumn[] {
  const kr = FORMATS.kr;
  return [
    {
      key: "weight",
      name: "SIB_Cons_Weight",
      header: { da: "Σ n·DF·g(t)·h(t) (deltagermåneder)", en: "Σ n·DF·g(t)·h(t) (participant months)" },
      format: FORMATS.krDecimals,
      formula: (r) =>
        call(
          "SUMPRODUCT",
          durationDecay(name(CONS_COHORT_MONTHS_NAME), r.at("duration"), r.at("decay")),
          name(CONS_EFFECT_WEIGHT_NAME),
        ),
    },
    ...PV_ACCOUNTS.map((account): ValueColumn => ({
      key: `pv:${account}`,
      name: `SIB_Cons_PV_${PV_NAME[account]}`,
      header: {
        da: `Nutidsværdi ${account === "socioEconomic" ? "samfund" : account === "public" ? "offentlig" : PAYER_CODES[account].da}, kr`,
        en: `Present value ${account === "socioEconomic" ? "society" : account === "public" ? "public" : PAYER_CODES[account].en}, kr`,
      },
      format: kr,
      formula: (r) => div(mul(r.at("weight"), accountValue(r, account)), num(12)),
    })),
    ...(["municipality", "state", "region", "public"] as const).map((account): ValueColumn => ({
      key: `unit:${account}`,
      name: `SIB_Cons_UnitValue_${PV_NAME[account]}`,
      header: {
        da: `Værdi pr. enheds ændring, ${account === "public" ? "offentlig" : PAYER_CODES[account].da}`,
        en: `Value per unit of change, ${account === "public" ? "public" : PAYER_CODES[account].en}`,
      },
      format: FORMATS.krDecimals,
      formula: (r) =>
        ifThen(active(r), div(mul(div(accountValue(r, account), r.at("useChange")), r.at("weight")), num(12)), num(0)),
    })),
    {
      key: "changeRef",
      name: "SIB_Cons_ChangeRef",
      header: { da: "Ændring i referencetilstanden", en: "Change in the reference state" },
      format: FORMATS.krDecimals,
      formula: (r) =>
        call(
          "INDEX",
          r.changes,
          num(1),
          call("MATCH", name(ATTRIBUTION_REFERENCE_NAME), name(STATE_CODES_NAME), num(0)),
        ),
    },
  ];
}
