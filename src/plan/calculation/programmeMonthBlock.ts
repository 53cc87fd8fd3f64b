import { ACCOUNTS, type Account } from "../../engine/businessCase";
import { add, call, ifThen, lt, midMonthDiscountFactor, mul, name, num, sub, type Expr } from "../formula";
import { writeTable, type Table, type TableColumn } from "../blocks/table";
import { ACCOUNT_LABELS, ACCOUNT_NAME } from "../labels";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import type { CohortGroup, CohortMonthKey } from "./cohortMonthBlock";

/** One block of cohort months and whose cohorts it serves (all, or one municipality's). */
export interface CohortBlock {
  readonly table: Table<CohortMonthKey>;
  readonly group: CohortGroup;
}

/** Tolerance of the break-even test, kr (the engine's breakEvenMonth uses the same). */
export const BREAK_EVEN_TOLERANCE = 1e-9;

export type ProgrammeMonthKey =
  | "m"
  | "discount"
  | "cost"
  | `total:${Account}`
  | `cumulative:${Account}`
  | `negative:${Account}`
  | "effectWeight"
  | "refusionWeight";

/** Block 2's column holding each account's flow per participant. */
export const FLOW_COLUMN: Readonly<Record<Account, CohortMonthKey>> = {
  municipality: "netMunicipality",
  state: "state",
  region: "region",
  otherMunicipalities: "otherMunicipalities",
  public: "netPublic",
  socioEconomic: "socioEconomic",
};

/**
 * All cohorts' total of a block-2 column in programme month m: Σ_cohorts participants × column(m − intake), as
 * SUMPRODUCT(SIB_CohortParticipants, SUMIF(t, m − SIB_CohortIntakeMonths, column)). A cohort not yet started (negative
 * age) finds no row and adds 0. The formula's length does not depend on the number of cohorts.
 */
function cohortTotal(blocks: readonly CohortBlock[], column: CohortMonthKey, month: Expr): Expr {
  const ages = sub(month, name("SIB_CohortIntakeMonths"));
  const parts = blocks.map(({ table, group }) =>
    call("SUMPRODUCT", group.participants, call("SUMIF", table.range("t"), ages, table.range(column))),
  );
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error("no cohort-month block");
  return rest.reduce((total, part) => add(total, part), first);
}

function accountColumns(sheet: SheetBuilder, cohortMonths: readonly CohortBlock[]): TableColumn<ProgrammeMonthKey>[] {
  const label = (account: Account, what?: { da: string; en: string }): string =>
    what === undefined
      ? sheet.text(ACCOUNT_LABELS[account])
      : `${sheet.text(ACCOUNT_LABELS[account])}: ${sheet.text(what)}`;
  const totals = ACCOUNTS.map((account): TableColumn<ProgrammeMonthKey> => ({
    key: `total:${account}`,
    header: label(account),
    format: FORMATS.kr,
    formula: (r) => cohortTotal(cohortMonths, FLOW_COLUMN[account], r.at("m")),
    name: {
      name: `SIB_Flow_${ACCOUNT_NAME[account]}`,
      description: {
        da: `Nettostrøm for alle kohorter pr. programmåned, ${ACCOUNT_LABELS[account].da.toLowerCase()} (kr)`,
        en: `Net flow of all cohorts per programme month, ${ACCOUNT_LABELS[account].en.toLowerCase()} (kr)`,
      },
    },
  }));
  const cumulative = ACCOUNTS.map((account): TableColumn<ProgrammeMonthKey> => ({
    key: `cumulative:${account}`,
    header: label(account, { da: "akk. nutidsværdi", en: "cum. present value" }),
    format: FORMATS.kr,
    formula: (r) => add(r.previous(`cumulative:${account}`, num(0)), mul(r.at("discount"), r.at(`total:${account}`))),
  }));
  const negative = ACCOUNTS.map((account): TableColumn<ProgrammeMonthKey> => ({
    key: `negative:${account}`,
    header: label(account, { da: "måned hvis negativ", en: "month if negative" }),
    format: FORMATS.integer,
    formula: (r) =>
      ifThen(lt(r.at(`cumulative:${account}`), num(-BREAK_EVEN_TOLERANCE)), add(r.at("m"), num(1)), num(0)),
    name: {
      name: `SIB_NegativeMonth_${ACCOUNT_NAME[account]}`,
      description: {
        da: `Programmåned (fra 1), hvor den akkumulerede diskonterede strøm for ${ACCOUNT_LABELS[account].da.toLowerCase()} er negativ, ellers 0`,
        en: `Programme month (from 1) where the cumulative discounted flow of ${ACCOUNT_LABELS[account].en.toLowerCase()} is negative, else 0`,
      },
    },
  }));
  const cost: TableColumn<ProgrammeMonthKey> = {
    key: "cost",
    header: { da: "Omkostning i alt", en: "Total cost" },
    format: FORMATS.kr,
    formula: (r) => cohortTotal(cohortMonths, "cost", r.at("m")),
    name: {
      name: "SIB_TotalCost",
      description: {
        da: "Indsatsens omkostning for alle kohorter pr. programmåned (kr)",
        en: "Intervention cost of all cohorts per programme month (kr)",
      },
    },
  };
  return [...totals, cost, ...cumulative, ...negative, ...weightColumns(cohortMonths)];
}

/**
 * Σ over cohorts of participants × g(t) (and × g(t)·r(t)) in programme month m: the effect-weighted number of people,
 * from which the Results sheet's attribution by state is computed (every saving is g(t) or g(t)·r(t) times a fixed
 * amount per person).
 */
function weightColumns(cohortMonths: readonly CohortBlock[]): TableColumn<ProgrammeMonthKey>[] {
  return [
    {
      key: "effectWeight",
      header: { da: "Σ deltagere × g(t)", en: "Σ participants × g(t)" },
      format: FORMATS.krDecimals,
      formula: (r) => cohortTotal(cohortMonths, "g", r.at("m")),
      name: {
        name: "SIB_EffectWeightedParticipants",
        description: {
          da: "Deltagere gange effektandelen g(t), alle kohorter, pr. programmåned",
          en: "Participants times the effect share g(t), all cohorts, per programme month",
        },
      },
    },
    {
      key: "refusionWeight",
      header: { da: "Σ deltagere × g(t) × r(t)", en: "Σ participants × g(t) × r(t)" },
      format: FORMATS.krDecimals,
      formula: (r) => cohortTotal(cohortMonths, "gRefusion", r.at("m")),
      name: {
        name: "SIB_RefusionWeightedParticipants",
        description: {
          da: "Deltagere gange g(t) gange refusionsandelen r(t), alle kohorter, pr. programmåned",
          en: "Participants times g(t) times the refusion share r(t), all cohorts, per programme month",
        },
      },
    },
  ];
}

/**
 * Block 3 of the Calculation sheet: per programme month m (0 … calendar capacity − 1) the discount factor, every
 * account's flow of all cohorts, the total cost, the cumulative present values and the break-even helper columns.
 */
export function writeProgrammeMonthBlock(
  sheet: SheetBuilder,
  position: { readonly left: number; readonly headerRow: number; readonly rows: number },
  cohortMonths: readonly CohortBlock[],
): Table<ProgrammeMonthKey> {
  sheet.label(
    position.left,
    position.headerRow - 1,
    { da: "3. Pr. programmåned, alle kohorter, kr", en: "3. Per programme month, all cohorts, kr" },
    true,
  );
  const columns: TableColumn<ProgrammeMonthKey>[] = [
    { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
    {
      key: "discount",
      header: { da: "Diskonteringsfaktor", en: "Discount factor" },
      format: FORMATS.factor,
      formula: (r) => midMonthDiscountFactor(r.at("m")),
      name: {
        name: "SIB_DiscountFactors",
        description: {
          da: "Diskonteringsfaktor pr. programmåned (midt i måneden)",
          en: "Discount factor per programme month (mid-month)",
        },
      },
    },
    ...accountColumns(sheet, cohortMonths),
  ];
  return writeTable(sheet, { left: position.left, headerRow: position.headerRow, rows: position.rows, columns });
}
