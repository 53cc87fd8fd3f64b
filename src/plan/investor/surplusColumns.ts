/**
 * The savings surplus paid out or reinvested on the Investor sheet (issue 15 item 4; engine:
 * src/engine/investor/surplus.ts `surplusFlowsCore` and moneyFlows.ts `municipalityNetPayments`), as month columns of
 * the Investor month table and named totals. Per programme month m:
 * - the municipality's net before the rule: its savings before the cost − what it owes + what it does not pay after
 *   all (its part of a withheld capped surplus − its part of a top-up), cumulated; every new high above 0 is surplus;
 * - rule 1 passes σ × the surplus to the provider, rule 2 puts it into a reinvestment fund (with the investor's
 *   reinvested capped surplus); the municipality keeps the rest (SIB_InvMunicipalityBack subtracts what it passes on);
 * - the fund starts ⌊fund inflow so far / (n × K)⌋ cohorts (at most 1,000) while a cohort started now would have all
 *   its cost within min(horizon, months in use), and pays n × K/D a month for D months per cohort (D = 1 up front);
 *   what it has not spent is its balance.
 */
import type { RowScope, Table, TableColumn } from "../blocks/table";
import { add, and, call, div, eq, ge, gt, ifThen, le, mul, name, num, sub, type Expr } from "../formula";
import { calculationFlow } from "../payment/monthBlock";
import type { Bilingual } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";
import type { InvMonthKey } from "./monthBlock";
import { PRINCIPAL } from "./principal";

type Row = RowScope<InvMonthKey>;

/** The month columns' keys, in sheet order. */
export type SurplusMonthKey =
  | "savingsBefore"
  | "cumulativeNet"
  | "high"
  | "newSurplus"
  | "surplusProvider"
  | "surplusReinvested"
  | "investorReinvested"
  | "fundIn"
  | "cohortsStarted"
  | "cohortCost"
  | "fundBalance";

/** Participants per recycled cohort: the input, or the first cohort's size (rounded, at least 1). */
export const RECYCLED_SIZE = ifThen(
  call("ISNUMBER", name("SIB_InvRecycledCohortSize")),
  name("SIB_InvRecycledCohortSize"),
  call("MAX", num(1), call("ROUND", call("INDEX", name("SIB_CohortParticipants"), num(1)), num(0))),
);

/** Months a cohort's cost is spread over: 1 when paid up front, else the effort's length D. */
const COST_MONTHS = ifThen(eq(name("SIB_CostUpfront"), num(1)), num(1), name("SIB_InterventionMonths"));

/** ⌊x⌋ for x ≥ 0 with the functions every host shares: ROUND(x − 0.5) rounds halves away from 0, so n − 0.5 → n. */
function wholePart(x: Expr): Expr {
  return call("MAX", num(0), call("ROUND", sub(x, num(0.5)), num(0)));
}

/** A recycled cohort's whole cost n × K, kr. */
const COHORT_PRICE = mul(RECYCLED_SIZE, name("SIB_CostPerParticipant"));

const kr = (
  key: SurplusMonthKey,
  header: Bilingual,
  formula: (r: Row) => Expr,
  format: NumberFormat = FORMATS.kr,
): TableColumn<InvMonthKey> => ({ key, header, format, formula });

/**
 * The surplus columns. `backBefore(r)`: what the municipality does not pay after all before the rule (withheld capped
 * surplus − top-up); `rangeOf(key)`: a column's range (for the cohorts started D months earlier).
 */
export function surplusColumns(
  backBefore: (r: Row) => Expr,
  rangeOf: (key: InvMonthKey) => Expr,
): TableColumn<InvMonthKey>[] {
  const rule = name("SIB_InvSavingsSurplusRule");
  const share = name("SIB_InvSavingsSurplusShare");
  const owed = (r: Row): Expr => call("INDEX", name("SIB_PayScheduleMunicipality"), add(r.at("m"), num(1)));
  const lastStart = sub(call("MIN", name("SIB_HorizonMonths"), name("SIB_PayMonthsInUse")), COST_MONTHS);
  const startedBefore = (r: Row): Expr =>
    ifThen(
      ge(r.at("m"), COST_MONTHS),
      call("INDEX", rangeOf("cohortsStarted"), add(sub(r.at("m"), COST_MONTHS), num(1))),
      num(0),
    );
  return [
    kr("savingsBefore", { da: "Kommunens besparelse før omkostning", en: "Municipal savings before the cost" }, (r) =>
      add(calculationFlow("SIB_Flow_Municipality", r.at("m")), calculationFlow("SIB_TotalCost", r.at("m"))),
    ),
    kr(
      "cumulativeNet",
      { da: "Kommunens akk. netto før overskudsregel", en: "Municipal cum. net before the rule" },
      (r) => add(r.previous("cumulativeNet", num(0)), add(sub(r.at("savingsBefore"), owed(r)), backBefore(r))),
    ),
    kr("high", { da: "Højeste akk. netto (≥ 0)", en: "Highest cum. net (≥ 0)" }, (r) =>
      call("MAX", r.previous("high", num(0)), r.at("cumulativeNet")),
    ),
    kr("newSurplus", { da: "Nyt besparelsesoverskud", en: "New savings surplus" }, (r) =>
      sub(r.at("high"), r.previous("high", num(0))),
    ),
    kr("surplusProvider", { da: "Overskud til leverandøren", en: "Surplus to the provider" }, (r) =>
      ifThen(eq(rule, num(1)), mul(share, r.at("newSurplus")), num(0)),
    ),
    kr("surplusReinvested", { da: "Overskud geninvesteret", en: "Surplus reinvested" }, (r) =>
      ifThen(eq(rule, num(2)), mul(share, r.at("newSurplus")), num(0)),
    ),
    kr("investorReinvested", { da: "Investors overskud geninvesteret", en: "Investor's surplus reinvested" }, (r) =>
      ifThen(gt(PRINCIPAL, num(0)), mul(name("SIB_InvSurplusReinvested"), r.at("surplus")), num(0)),
    ),
    kr("fundIn", { da: "Akk. indskud i fonden", en: "Cum. paid into the fund" }, (r) =>
      add(r.previous("fundIn", num(0)), add(r.at("surplusReinvested"), r.at("investorReinvested"))),
    ),
    kr(
      "cohortsStarted",
      { da: "Nye hold startet i alt", en: "Next cohorts started so far" },
      (r) =>
        ifThen(
          and(gt(COHORT_PRICE, num(0)), le(r.at("m"), lastStart)),
          call("MIN", name("SIB_InvMaxRecycledCohorts"), wholePart(div(r.at("fundIn"), COHORT_PRICE))),
          r.previous("cohortsStarted", num(0)),
        ),
      FORMATS.integer,
    ),
    kr("cohortCost", { da: "Nye holds omkostning", en: "Next cohorts' cost" }, (r) =>
      ifThen(
        gt(COHORT_PRICE, num(0)),
        mul(div(COHORT_PRICE, COST_MONTHS), sub(r.at("cohortsStarted"), startedBefore(r))),
        num(0),
      ),
    ),
    kr("fundBalance", { da: "Fondens saldo", en: "Fund balance" }, (r) =>
      add(
        r.previous("fundBalance", num(0)),
        sub(add(r.at("surplusReinvested"), r.at("investorReinvested")), r.at("cohortCost")),
      ),
    ),
  ];
}

/** One named total of the surplus block. */
export interface SurplusOutput {
  readonly name: string;
  readonly label: Bilingual;
  readonly formula: Expr;
  readonly format: NumberFormat;
  readonly description: Bilingual;
}

/**
 * The named totals: the savings surplus, what the municipality keeps, what goes to the provider, what is reinvested
 * from the savings and from the investor, the cohorts funded and their participants and cost, what is left in the
 * fund; and `topUpAtZero`, the municipality's part of a top-up it would pay at zero effect (present value; the
 * zero-effect waterfall's, zeroEffectBlock.ts `topUpAtZeroPV`; engine: src/engine/selfFunded.ts).
 * @example surplusOutputs(months.layout, topUpAtZeroPV(zero.layout, true)).map((output) => output.name)
 */
export function surplusOutputs(months: Table<InvMonthKey>, topUpAtZero: Expr): SurplusOutput[] {
  return [...savingsOutputs(months), ...fundOutputs(months, topUpAtZero)];
}

const out = (
  definedName: string,
  label: Bilingual,
  formula: Expr,
  description: Bilingual,
  format: NumberFormat = FORMATS.kr,
): SurplusOutput => ({ name: definedName, label, formula, format, description });

/** The savings surplus and where it goes. */
function savingsOutputs(months: Table<InvMonthKey>): SurplusOutput[] {
  const total = (key: SurplusMonthKey): Expr => call("SUM", months.range(key));
  return [
    out(
      "SIB_InvSavingsSurplus",
      { da: "Besparelsesoverskud i alt", en: "Savings surplus in total" },
      total("newSurplus"),
      {
        da: "Kommunens besparelser ud over dens betalinger (nye toppunkter af akk. netto, kr, udiskonteret)",
        en: "The municipality's savings above its payments (new highs of its cum. net, kr, undiscounted)",
      },
    ),
    out(
      "SIB_InvSavingsSurplusKept",
      { da: "Heraf beholder kommunen", en: "Of which kept by the municipality" },
      sub(total("newSurplus"), add(total("surplusProvider"), total("surplusReinvested"))),
      { da: "Besparelsesoverskud, kommunen beholder (kr)", en: "Savings surplus kept by the municipality (kr)" },
    ),
    out(
      "SIB_InvSavingsSurplusProvider",
      { da: "Heraf til leverandøren", en: "Of which to the provider" },
      total("surplusProvider"),
      { da: "Besparelsesoverskud til leverandøren (kr)", en: "Savings surplus paid to the provider (kr)" },
    ),
    out(
      "SIB_InvReinvestedFromSavings",
      { da: "Heraf geninvesteret", en: "Of which reinvested" },
      total("surplusReinvested"),
      { da: "Besparelsesoverskud sat i fonden (kr)", en: "Savings surplus put into the fund (kr)" },
    ),
    out(
      "SIB_InvReinvestedFromInvestor",
      { da: "Investors overskud geninvesteret", en: "Investor's surplus reinvested" },
      total("investorReinvested"),
      {
        da: "Den geninvesterede andel af overskuddet over afkastloftet, sat i fonden (kr)",
        en: "The reinvested share of the surplus above the return cap, put into the fund (kr)",
      },
    ),
  ];
}

/** The cohorts the fund pays for, what is left in it, and the top-up at zero effect. */
function fundOutputs(months: Table<InvMonthKey>, topUpAtZero: Expr): SurplusOutput[] {
  const total = (key: SurplusMonthKey): Expr => call("SUM", months.range(key));
  const cohorts = call("MAX", months.range("cohortsStarted"));
  return [
    out(
      "SIB_InvRecycledCohorts",
      { da: "Nye hold betalt af fonden", en: "Next cohorts funded" },
      cohorts,
      { da: "Antal nye hold, fonden betaler", en: "Number of next cohorts the fund pays for" },
      FORMATS.integer,
    ),
    out(
      "SIB_InvRecycledParticipants",
      { da: "Deltagere i nye hold", en: "Participants in next cohorts" },
      mul(cohorts, RECYCLED_SIZE),
      { da: "Deltagere i de nye hold, fonden betaler", en: "Participants in the next cohorts the fund pays for" },
      FORMATS.integer,
    ),
    out(
      "SIB_InvRecycledCost",
      { da: "Nye holds omkostning i alt", en: "Next cohorts' cost in total" },
      total("cohortCost"),
      {
        da: "Omkostningen ved de nye hold, betalt af fonden (kr)",
        en: "The next cohorts' cost, paid by the fund (kr)",
      },
    ),
    out(
      "SIB_InvFundUnspent",
      { da: "Tilbage i fonden ved horisonten", en: "Left in the fund at the horizon" },
      call("INDEX", months.range("fundBalance"), call("ROWS", months.range("fundBalance"))),
      { da: "Fondens saldo i sidste måned (kr)", en: "The fund's balance in the last month (kr)" },
    ),
    out(
      "SIB_InvTopUpAtZeroPV",
      { da: "Kapitalgaranti ved nul effekt, kommunens del", en: "Top-up at zero effect, municipality's part" },
      topUpAtZero,
      {
        da: "Kommunens del af kapitalgarantien, hvis indsatsen ingen effekt har; nutidsværdi (kr)",
        en: "The municipality's part of the principal-protection top-up if the effort has no effect; present value (kr)",
      },
    ),
  ];
}
