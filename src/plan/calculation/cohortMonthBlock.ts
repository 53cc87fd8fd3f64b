import {
  add,
  call,
  div,
  eq,
  ifThen,
  lt,
  midMonthDiscountFactor,
  mul,
  name,
  neg,
  num,
  pow,
  sub,
  sum,
  type Expr,
} from "../formula";
import { writeTable, type RowScope, type Table, type TableColumn } from "../blocks/table";
import {
  CONS_COHORT_MONTHS_NAME,
  CONS_EFFECT_WEIGHT_NAME,
  durationDecay,
  PAYER_NAMES,
  type PayerKey,
} from "../consequences/profile";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";

/** Columns of block 2, in sheet order (t = cohort month, per participant, kr). */
export type CohortMonthKey =
  | "t"
  | "g"
  | "week"
  | "refusion"
  | "cost"
  | "municipality"
  | "state"
  | "region"
  | "otherMunicipalities"
  | "netMunicipality"
  | "netPublic"
  | "socioEconomic"
  | "gRefusion"
  | "weight"
  | "consMunicipality"
  | "consState"
  | "consRegion"
  | "consWeight";

type Row = RowScope<CohortMonthKey>;

/** Weeks per month: benefit weeks count 52 weeks a year over 12 months. */
const WEEKS_PER_MONTH = div(num(52), num(12));

/** Only within the horizon T (rows beyond it are spare capacity and stay 0). */
const inHorizon = (r: Row, value: Expr): Expr => ifThen(lt(r.at("t"), name("SIB_HorizonMonths")), value, num(0));

/** g(t): (t+1)/M before the measurement month M, then ρ^(t−M); written so ρ = 0 gives 1 at t = M (0^0 is #NUM! in Excel). */
function effectShare(r: Row): Expr {
  const t = r.at("t");
  const measurement = name("SIB_MeasurementMonth");
  const after = ifThen(eq(t, measurement), num(1), pow(name("SIB_Persistence"), sub(t, measurement)));
  return inHorizon(r, ifThen(lt(t, measurement), div(add(t, num(1)), measurement), after));
}

function cost(r: Row): Expr {
  const t = r.at("t");
  const perMonth = div(name("SIB_CostPerParticipant"), name("SIB_InterventionMonths"));
  const spread = ifThen(lt(t, name("SIB_InterventionMonths")), perMonth, num(0));
  const upfront = ifThen(eq(t, num(0)), name("SIB_CostPerParticipant"), num(0));
  return inHorizon(r, ifThen(eq(name("SIB_CostUpfront"), num(1)), upfront, spread));
}

const publicSaving = (r: Row): Expr =>
  sum(r.at("municipality"), r.at("state"), r.at("region"), r.at("otherMunicipalities"));

/** The consequences' public saving in the month (the broad case), added to what society values at NAF. */
const consequencePublic = (r: Row): Expr => sum(r.at("consMunicipality"), r.at("consState"), r.at("consRegion"));

function socioEconomic(r: Row, broad: boolean): Expr {
  const production = mul(mul(name("SIB_EmployerCostFactor"), name("SIB_EffWage")), r.at("g"));
  const health = mul(neg(name("SIB_EffHealthCost")), r.at("g"));
  const gross = add(production, health);
  const valued = mul(name("SIB_NetTaxFactor"), sub(broad ? add(gross, consequencePublic(r)) : gross, r.at("cost")));
  const distortion = mul(sub(name("SIB_DistortionFactor"), num(1)), sub(publicSaving(r), r.at("cost")));
  return add(valued, distortion);
}

/**
 * What differs between the municipalities of a case with several (issue 10): the weeks on benefit at intake (so the
 * refusion r(t)) and Σ Δ·kommuneskat at the municipality's own rate. One combined municipality uses the named inputs.
 */
export interface CohortGroup {
  readonly weeks: Expr;
  readonly municipalTax: Expr;
  /** This group's participants per cohort (an array for SUMPRODUCT over the cohorts). */
  readonly participants: Expr;
}

export const COMBINED_GROUP: CohortGroup = {
  weeks: name("SIB_WeeksOnBenefitAtIntake"),
  municipalTax: name("SIB_EffMunicipalTax"),
  participants: name("SIB_CohortParticipants"),
};

/** Whether block 2 carries the consequences (the broad case): none, in the first table (with the weights), or another. */
export type ConsequenceHook = "none" | "first" | "other";

/** A flow plus the consequences' column of the same payer in the broad case. */
const plus = (r: Row, value: Expr, broad: boolean, key: CohortMonthKey): Expr =>
  broad ? add(value, r.at(key)) : value;

const columnsOf = (group: CohortGroup, hook: ConsequenceHook = "none"): readonly TableColumn<CohortMonthKey>[] => [
  ...baseColumns(group, hook),
  ...flowColumns(group, hook !== "none"),
  ...(hook === "none" ? [] : consequenceColumns(hook === "first")),
];

/** t, g(t), the benefit week, the refusion and the cost. */
const baseColumns = (group: CohortGroup, hook: ConsequenceHook): readonly TableColumn<CohortMonthKey>[] => {
  return [
    {
      key: "t",
      header: { da: "Kohortemåned t", en: "Cohort month t" },
      format: FORMATS.integer,
      ...(hook === "first" ? { name: { name: CONS_COHORT_MONTHS_NAME, description: COHORT_MONTHS_DESCRIPTION } } : {}),
    },
    {
      key: "g",
      header: { da: "Effektandel g(t)", en: "Effect share g(t)" },
      format: FORMATS.percent,
      formula: effectShare,
    },
    {
      key: "week",
      header: { da: "Ydelsesuge", en: "Benefit week" },
      format: FORMATS.factor,
      formula: (r) => add(add(group.weeks, mul(WEEKS_PER_MONTH, r.at("t"))), num(1)),
    },
    {
      key: "refusion",
      header: { da: "Refusion r(t)", en: "Refusion r(t)" },
      format: FORMATS.percent,
      formula: (r) =>
        call("INDEX", name("SIB_RefusionShare"), call("MATCH", r.at("week"), name("SIB_RefusionFromWeek"), num(1))),
    },
    { key: "cost", header: { da: "Omkostning, kr", en: "Cost, kr" }, format: FORMATS.kr, formula: cost },
  ];
};

/** The savings by budget holder, the net flows and society (plus the consequences in the broad case). */
const flowColumns = (group: CohortGroup, broad: boolean): readonly TableColumn<CohortMonthKey>[] => [
  {
    key: "municipality",
    header: { da: "Besparelse kommune", en: "Saving municipality" },
    format: FORMATS.kr,
    formula: (r) => {
      const retained = sub(num(1), name("SIB_EqualisationShare"));
      const benefit = neg(mul(sub(num(1), r.at("refusion")), name("SIB_EffMunicipalBenefit")));
      return plus(r, mul(r.at("g"), add(benefit, mul(retained, group.municipalTax))), broad, "consMunicipality");
    },
  },
  {
    key: "state",
    header: { da: "Besparelse stat", en: "Saving state" },
    format: FORMATS.kr,
    formula: (r) => {
      const benefits = neg(add(mul(r.at("refusion"), name("SIB_EffMunicipalBenefit")), name("SIB_EffStateBenefit")));
      const taxes = add(add(benefits, name("SIB_EffBottomTax")), name("SIB_EffLabourMarketContribution"));
      return plus(r, mul(r.at("g"), taxes), broad, "consState");
    },
  },
  {
    key: "region",
    header: { da: "Besparelse region", en: "Saving region" },
    format: FORMATS.kr,
    formula: (r) => plus(r, mul(r.at("g"), neg(name("SIB_EffHealthCost"))), broad, "consRegion"),
  },
  {
    key: "otherMunicipalities",
    header: { da: "Øvrige kommuner", en: "Other municipalities" },
    format: FORMATS.kr,
    formula: (r) => mul(r.at("g"), mul(name("SIB_EqualisationShare"), group.municipalTax)),
  },
  {
    key: "netMunicipality",
    header: { da: "Netto kommune", en: "Net municipality" },
    format: FORMATS.kr,
    formula: (r) => sub(r.at("municipality"), r.at("cost")),
  },
  {
    key: "netPublic",
    header: { da: "Netto offentlig sektor", en: "Net public sector" },
    format: FORMATS.kr,
    formula: (r) => sub(publicSaving(r), r.at("cost")),
  },
  {
    key: "socioEconomic",
    header: { da: "Samfundsøkonomi", en: "Socio-economic" },
    format: FORMATS.kr,
    formula: (r) => socioEconomic(r, broad),
  },
  {
    // The part of g(t) that the refusion moves from the municipality to the state (for the attribution by state).
    key: "gRefusion",
    header: { da: "g(t) × r(t)", en: "g(t) × r(t)" },
    format: FORMATS.percent,
    formula: (r) => mul(r.at("g"), r.at("refusion")),
  },
];

const COHORT_MONTHS_DESCRIPTION = {
  da: "Kohortemånederne t (0 … kapaciteten − 1) i blok 2, som konsekvensernes varighed og aftagning regnes over",
  en: "The cohort months t (0 … capacity − 1) of block 2, over which the consequences' duration and decay are computed",
};

/**
 * The consequences' flows per participant in cohort month t (issue 15), per payer: g(t) × Σ_rows h(t) × saving / 12
 * (src/engine/consequences/flows.ts consequenceFlows), over the Consequences sheet's columns. The first table also
 * holds g(t) × Σ cohorts n × DF(intake + t), from which each row's present value is computed.
 */
function consequenceColumns(first: boolean): TableColumn<CohortMonthKey>[] {
  const payer = (
    key: "consMunicipality" | "consState" | "consRegion",
    which: PayerKey,
  ): TableColumn<CohortMonthKey> => ({
    key,
    header: { da: `Konsekvenser ${CONS_PAYER_LABEL[which].da}`, en: `Consequences ${CONS_PAYER_LABEL[which].en}` },
    format: FORMATS.kr,
    formula: (r) => {
      const share = durationDecay(r.at("t"), name("SIB_Cons_Duration"), name("SIB_Cons_Decay"));
      return mul(r.at("g"), div(call("SUMPRODUCT", share, name(`SIB_Cons_Saving_${PAYER_NAMES[which]}`)), num(12)));
    },
  });
  const columns = [
    payer("consMunicipality", "municipality"),
    payer("consState", "state"),
    payer("consRegion", "region"),
  ];
  if (!first) return columns;
  return [
    ...columns,
    {
      key: "consWeight",
      header: { da: "g(t) × Σ deltagere × diskontering", en: "g(t) × Σ participants × discount" },
      format: FORMATS.factor,
      formula: (r) =>
        mul(
          r.at("g"),
          call(
            "SUMPRODUCT",
            name("SIB_CohortParticipants"),
            midMonthDiscountFactor(add(name("SIB_CohortIntakeMonths"), r.at("t"))),
          ),
        ),
      name: {
        name: CONS_EFFECT_WEIGHT_NAME,
        description: {
          da: "g(t) gange Σ over alle kohorter af deltagere × diskonteringsfaktoren i kohortemåned t",
          en: "g(t) times Σ over all cohorts of participants × the discount factor in cohort month t",
        },
      },
    },
  ];
}

const CONS_PAYER_LABEL = {
  municipality: { da: "kommune", en: "municipality" },
  state: { da: "stat", en: "state" },
  region: { da: "region", en: "region" },
} as const;

/**
 * Block 2 of the Calculation sheet: per cohort month t (0 … capacity − 1) the effect share g(t), benefit week, refusion,
 * cost and the savings and net flows per participant (DOMAIN b2–b5). Rows from the horizon on are zero (spare
 * capacity), so a horizon raised up to the capacity recalculates without rewriting the model. With consequence rows
 * (`hook` not "none") the municipality, state, region and society columns add the consequences' flows.
 */
export function writeCohortMonthBlock(
  sheet: SheetBuilder,
  headerRow: number,
  capacityMonths: number,
  municipality?: { readonly n: number; readonly group: CohortGroup },
  hook: ConsequenceHook = "none",
): Table<CohortMonthKey> {
  if (municipality === undefined) {
    sheet.label(
      0,
      headerRow - 1,
      { da: "2. Pr. kohortemåned, kr pr. deltager", en: "2. Per cohort month, kr per participant" },
      true,
    );
    return writeTable(sheet, { left: 0, headerRow, rows: capacityMonths, columns: columnsOf(COMBINED_GROUP, hook) });
  }
  const { n, group } = municipality;
  sheet.label(
    0,
    headerRow - 1,
    {
      da: `2.${n} Pr. kohortemåned, kr pr. deltager, kommune ${n}:`,
      en: `2.${n} Per cohort month, kr per participant, municipality ${n}:`,
    },
    true,
  );
  sheet.formula(2, headerRow - 1, name(`SIB_Muni${n}_Name`), "calculation", FORMATS.text);
  return writeTable(sheet, {
    left: 0,
    headerRow,
    rows: capacityMonths,
    columns: [...columnsOf(group, hook), weightColumn(group)],
  });
}

/**
 * W(t) = Σ over the group's cohorts of participants × the discount factor of the cohort's programme month intake + t:
 * the group's NPV of a column is SUMPRODUCT(W, column), as the engine's weights (src/engine/businessCase.ts).
 */
function weightColumn(group: CohortGroup): TableColumn<CohortMonthKey> {
  return {
    key: "weight",
    header: { da: "Deltagere × diskonteringsfaktor W(t)", en: "Participants × discount factor W(t)" },
    format: FORMATS.factor,
    formula: (r) =>
      call("SUMPRODUCT", group.participants, midMonthDiscountFactor(add(name("SIB_CohortIntakeMonths"), r.at("t")))),
  };
}
