import { parseMetric, type MetricDefinition } from "../../engine/payment/metrics";
import { PAYMENT_RULES } from "../../engine/payment/rules";
import { resolveRateCard, type PaymentTerms } from "../../engine/payment/terms";
import { THRESHOLD_TOLERANCE_PP } from "../../engine/payment/threshold";
import { absolute, cell } from "../address";
import type { CheckSpec } from "../blocks/checks";
import { writeTable, type RowScope, type Table } from "../blocks/table";
import { add, and, call, div, eq, ge, gt, ifThen, mul, name, not, num, or, pow, ref, sub, type Expr } from "../formula";
import type { InputsLayout } from "../inputsSheet";
import type { CalculationLayout } from "../calculationSheet";
import { STATE_COLUMN } from "../calculation/stateBlock";
import { OUTCOME_STATES } from "../../engine/states";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS } from "../types";
import { metricLabel, NO_CAP, NOT_A_BUDGET_SAVING } from "./labels";
import { termValidation } from "./termCells";
import { rateCardChecks } from "./rateCardChecks";
import type { ProgressionCells } from "./progressionBlock";

/** Input and label columns of the rate card, left of its formula table and right of it. */
export const CARD = {
  label: 0,
  price: 1,
  cap: 2,
  historical: 3,
  after: 4,
  requires: 5,
  table: 6,
  id: 12,
  requiresId: 13,
};

export type CardKey = "participantShare" | "comparisonShare" | "effect" | "baseline" | "thresholdMet" | "paidAfter";

/** Where the cohort and month blocks find the rate card. */
export interface RateCardLayout {
  readonly definitions: readonly MetricDefinition[];
  /** 0-based position of each metric's prerequisite on the card, or null. */
  readonly requires: readonly (number | null)[];
  readonly table: Table<CardKey>;
  /** Absolute reference to metric k's cell in a card column (input columns by number, table columns by key). */
  readonly at: (k: number, column: number | CardKey) => Expr;
  /** Per card line: the progression metric's input cells (progressionBlock.ts), or null for an outcome metric. */
  readonly progression: readonly (ProgressionCells | null)[];
  /**
   * The share of the participants of one cohort (its 1-based number on the Inputs sheet) in metric k that the cohort
   * block pays on: the card's share for an outcome metric, the cohort's own share for a progression metric.
   */
  readonly cohortShare: (k: number, cohortNumber: Expr) => Expr;
}

/** The rate card: inputs (price, volume cap, historical rate) and per metric its shares, effect, baseline and timing. */
export function writeRateCardBlock(
  sheet: SheetBuilder,
  top: number,
  deps: {
    readonly terms: PaymentTerms;
    readonly inputs: InputsLayout;
    readonly calculation: CalculationLayout;
    readonly progression: readonly (ProgressionCells | null)[];
  },
): { bottom: number; layout: RateCardLayout; checks: CheckSpec[] } {
  const { definitions, requires } = resolveRateCard(deps.terms.rateCard);
  sheet.label(
    CARD.label,
    top,
    { da: "Prisliste (mål, pris, lofter) og målt effekt", en: "Rate card (metrics, prices, caps) and measured effect" },
    true,
  );
  const headerRow = top + 1;
  writeCardHeaders(sheet, headerRow);
  definitions.forEach((definition, k) => {
    const prerequisite = requires[k];
    const required = prerequisite === null || prerequisite === undefined ? null : (definitions[prerequisite] ?? null);
    writeCardInputs(sheet, headerRow + 1 + k, { terms: deps.terms, k, definition, required });
  });
  const metricShare = (r: RowScope<CardKey>, column: string): Expr => {
    const definition = definitions[r.index];
    if (definition === undefined) throw new Error("metric out of range");
    const progression = deps.progression[r.index] ?? null;
    if (progression !== null) return progressionShare(progression, column);
    if (definition.kind === "paidHours") return stateShare(deps, "JOB_PART", column);
    const selfSupporting = selfSupportingShare(deps, column);
    if (definition.monthsAfterMeasurement === 0) return selfSupporting;
    return mul(selfSupporting, pow(name("SIB_Persistence"), ref(cell(CARD.after, r.row))));
  };
  const table = writeTable<CardKey>(sheet, {
    left: CARD.table,
    headerRow,
    rows: definitions.length,
    columns: cardColumns(metricShare, (r) => deps.progression[r.index]?.month ?? name("SIB_MeasurementMonth")),
  });
  const at = (k: number, column: number | CardKey): Expr =>
    ref(absolute(typeof column === "number" ? column : table.column(column), table.firstRow + k));
  nameCardColumns(sheet, table.firstRow, table.lastRow);
  const bottom = writeContractThreshold(sheet, table.lastRow + 1, at(gateMetric(deps.terms, definitions), "effect"));
  const cohortShare = (k: number, cohortNumber: Expr): Expr => {
    const progression = deps.progression[k] ?? null;
    return progression === null ? at(k, "participantShare") : call("INDEX", progression.shares, cohortNumber);
  };
  const layout = { definitions, requires, table, at, progression: deps.progression, cohortShare };
  return { bottom, layout, checks: rateCardChecks(sheet) };
}

type ShareDeps = { readonly inputs: InputsLayout; readonly calculation: CalculationLayout };

/**
 * A state's share at the measurement month: the participants' after neutralisation (the Calculation sheet's column, as
 * the engine's payment metrics) for column SIB_ParticipantShares, else the Inputs sheet's cell of `column`.
 */
function stateShare(deps: ShareDeps, state: string, column: string): Expr {
  if (column === "SIB_ParticipantShares") {
    const index = (OUTCOME_STATES as readonly string[]).indexOf(state);
    if (index < 0) throw new Error(`no outcome state ${state}`);
    const { states } = deps.calculation;
    return ref(absolute(STATE_COLUMN.effectiveShare, states.firstRow + index), deps.calculation.sheet);
  }
  const address = deps.inputs.stateCells[column]?.[state];
  if (address === undefined) throw new Error(`no input cell ${column}.${state}`);
  return ref(address, deps.inputs.sheet);
}

/**
 * The self-supporting share at the measurement month of the participants (`column` SIB_ParticipantShares) or the
 * comparison group (SIB_ComparisonShares): JOB + JOB_UNK (+ EDU when SIB_PayIncludeEducation = 1), as metricShareCore.
 * @example selfSupportingShare(deps, "SIB_ComparisonShares") // Inputs!C20+Inputs!C21+IF(SIB_PayIncludeEducation=1,…,0)
 */
export function selfSupportingShare(deps: ShareDeps, column: string): Expr {
  const education = ifThen(eq(name("SIB_PayIncludeEducation"), num(1)), stateShare(deps, "EDU", column), num(0));
  return add(add(stateShare(deps, "JOB", column), stateShare(deps, "JOB_UNK", column)), education);
}

/**
 * A progression metric's share on the card (progression.ts): the participants' share pooled over the cohorts
 * (Σ share_c × n_c / Σ n_c, 0 without participants), or the comparison group's measured share (0 when not measured).
 */
function progressionShare(cells: ProgressionCells, column: string): Expr {
  if (column !== "SIB_ParticipantShares") {
    return ifThen(call("ISNUMBER", cells.comparison), cells.comparison, num(0));
  }
  const people = call("SUM", name("SIB_CohortParticipants"));
  return ifThen(
    gt(people, num(0)),
    div(call("SUMPRODUCT", cells.shares, name("SIB_CohortParticipants")), people),
    num(0),
  );
}

const reaches = (effect: Expr): Expr => ge(effect, sub(name("SIB_PayThresholdPP"), num(THRESHOLD_TOLERANCE_PP)));
const hasThreshold = call("ISNUMBER", name("SIB_PayThresholdPP"));

function cardColumns(
  metricShare: (r: RowScope<CardKey>, column: string) => Expr,
  measurementMonth: (r: RowScope<CardKey>) => Expr,
) {
  return [
    {
      key: "participantShare",
      header: { da: "Andel deltagere", en: "Participant share" },
      format: FORMATS.percent,
      formula: (r: RowScope<CardKey>) => metricShare(r, "SIB_ParticipantShares"),
    },
    {
      key: "comparisonShare",
      header: { da: "Andel kontrolgruppe", en: "Comparison share" },
      format: FORMATS.percent,
      formula: (r: RowScope<CardKey>) => metricShare(r, "SIB_ComparisonShares"),
    },
    {
      key: "effect",
      header: { da: "Effekt (procentpoint)", en: "Effect (percentage points)" },
      format: FORMATS.krDecimals,
      formula: (r: RowScope<CardKey>) => mul(num(100), sub(r.at("participantShare"), r.at("comparisonShare"))),
    },
    {
      key: "baseline",
      header: { da: "Basislinje (andel)", en: "Baseline (share)" },
      format: FORMATS.percent,
      formula: (r: RowScope<CardKey>) =>
        ifThen(
          eq(name("SIB_PayBaselineKind"), num(1)),
          r.at("comparisonShare"),
          ifThen(eq(name("SIB_PayBaselineKind"), num(2)), ref(cell(CARD.historical, r.row)), num(0)),
        ),
    },
    {
      key: "thresholdMet",
      header: { da: "Tærskel nået (1/0)", en: "Threshold met (1/0)" },
      format: FORMATS.integer,
      formula: (r: RowScope<CardKey>) =>
        mul(
          name("SIB_PayContractThresholdMet"),
          ifThen(
            or(not(hasThreshold), eq(name("SIB_PayThresholdContract"), num(1))),
            num(1),
            ifThen(reaches(r.at("effect")), num(1), num(0)),
          ),
        ),
    },
    {
      key: "paidAfter",
      header: { da: "Betales mdr. efter start", en: "Paid months after intake" },
      format: FORMATS.integer,
      formula: (r: RowScope<CardKey>) =>
        add(add(measurementMonth(r), ref(cell(CARD.after, r.row))), name("SIB_PayLagMonths")),
    },
  ] as const;
}

function writeCardHeaders(sheet: SheetBuilder, row: number): void {
  const headers: [number, Bilingual][] = [
    [CARD.label, { da: "Mål", en: "Metric" }],
    [CARD.price, { da: "Pris pr. udfald (kr)", en: "Price per outcome (kr)" }],
    [CARD.cap, { da: "Loft, antal udfald", en: "Volume cap (outcomes)" }],
    [CARD.historical, { da: "Historisk basisrate", en: "Historical baseline rate" }],
    [CARD.after, { da: "Mdr. efter målemåned", en: "Months after measurement" }],
    [CARD.requires, { da: "Forudsætter", en: "Requires" }],
    [CARD.id, { da: "Mål (id)", en: "Metric (id)" }],
    [CARD.requiresId, { da: "Forudsætter (id)", en: "Requires (id)" }],
  ];
  for (const [column, header] of headers) sheet.label(column, row, header, true);
}

function writeCardInputs(
  sheet: SheetBuilder,
  row: number,
  line: {
    readonly terms: PaymentTerms;
    readonly k: number;
    readonly definition: MetricDefinition;
    readonly required: MetricDefinition | null;
  },
): void {
  const { terms, k, definition, required } = line;
  const card = terms.rateCard[k];
  if (card === undefined) throw new Error("metric out of range");
  const label = metricLabel(definition.id);
  const of = (what: Bilingual): Bilingual => ({ da: `${what.da}: ${label.da}`, en: `${what.en}: ${label.en}` });
  const input = (column: number, value: number | string, spec: Parameters<typeof termValidation>[2]): void =>
    sheet.value(column, row, "input", value, spec.format, termValidation(sheet, cell(column, row), spec));
  // A progression metric is paid for, but nothing in the budget falls because of it (progression.ts).
  const mark = (language: "da" | "en"): string => `${label[language]} (${NOT_A_BUDGET_SAVING[language].toLowerCase()})`;
  sheet.label(CARD.label, row, definition.kind === "progression" ? { da: mark("da"), en: mark("en") } : label);
  input(CARD.price, card.price, {
    label: of({ da: "Pris pr. udfald", en: "Price per outcome" }),
    title: { da: "Pris pr. udfald", en: "Price per outcome" },
    format: FORMATS.kr,
    rule: PAYMENT_RULES.amount,
  });
  input(CARD.cap, card.volumeCap ?? sheet.text(NO_CAP), {
    label: of({ da: "Loft, antal udfald", en: "Volume cap" }),
    title: { da: "Loft, antal udfald", en: "Volume cap" },
    format: FORMATS.integer,
    rule: PAYMENT_RULES.count,
    none: NO_CAP,
  });
  input(CARD.historical, historicalRate(terms, definition.id), {
    label: of({ da: "Historisk basisrate", en: "Historical baseline rate" }),
    title: { da: "Historisk basisrate", en: "Historical baseline rate" },
    format: FORMATS.percent,
    rule: PAYMENT_RULES.share,
  });
  sheet.value(CARD.after, row, "label", definition.monthsAfterMeasurement, FORMATS.integer);
  sheet.label(CARD.requires, row, required === null ? "" : sheet.text(metricLabel(required.id)));
  // Ids in the engine's vocabulary, so a written model's rate card can be read back (src/plan/readBack.ts).
  sheet.label(CARD.id, row, definition.id);
  sheet.label(CARD.requiresId, row, required?.id ?? "");
}

/** The historical rate of a metric: its own rate, else the general one (0 when the baseline is not historical). */
export function historicalRate(terms: PaymentTerms, id: string): number {
  const baseline = terms.baseline;
  if (baseline.kind !== "historical") return 0;
  return Object.entries(baseline.rates).find(([metric]) => parseMetric(metric)?.id === id)?.[1] ?? baseline.rate;
}

function nameCardColumns(sheet: SheetBuilder, firstRow: number, lastRow: number): void {
  const columns: [string, number, "input" | "label", Bilingual][] = [
    [
      "SIB_PayPrices",
      CARD.price,
      "input",
      { da: "Pris pr. udfald for hvert mål på prislisten (kr)", en: "Price per outcome of each rate-card metric (kr)" },
    ],
    [
      "SIB_PayVolumeCaps",
      CARD.cap,
      "input",
      {
        da: "Loft over antal udfald for hvert mål (tekst = intet loft)",
        en: "Volume cap of each rate-card metric (outcomes; text = no cap)",
      },
    ],
    [
      "SIB_PayHistoricalRates",
      CARD.historical,
      "input",
      {
        da: "Historisk basisrate for hvert mål på prislisten (andel)",
        en: "Historical baseline rate of each rate-card metric (share)",
      },
    ],
    [
      "SIB_PayMetricIds",
      CARD.id,
      "label",
      {
        da: "Målets id for hver linje på prislisten (selfSupporting, paidHours, sustained<k>)",
        en: "Metric id of each rate-card line (selfSupporting, paidHours, sustained<k>)",
      },
    ],
    [
      "SIB_PayRequiresIds",
      CARD.requiresId,
      "label",
      {
        da: "Id på det mål, en linje forudsætter (tom = intet)",
        en: "Metric id a rate-card line requires first (empty = none)",
      },
    ],
  ];
  for (const [definedName, column, role, description] of columns) {
    sheet.nameColumn(definedName, column, firstRow, lastRow, role, sheet.text(description));
  }
}

/** Position of the metric whose effect gates a contract-scope threshold: the one in the terms, else the first. */
function gateMetric(terms: PaymentTerms, definitions: readonly MetricDefinition[]): number {
  const metric = terms.threshold?.metric ?? null;
  const id = metric === null ? definitions[0]?.id : parseMetric(metric)?.id;
  return Math.max(
    0,
    definitions.findIndex((definition) => definition.id === id),
  );
}

/** The row "contract threshold met (1/0)", named SIB_PayContractThresholdMet; returns the row. */
function writeContractThreshold(sheet: SheetBuilder, row: number, gateEffect: Expr): number {
  sheet.label(CARD.label, row, { da: "Kontraktens tærskel nået (1/0)", en: "Contract threshold met (1/0)" });
  const met = ifThen(
    and(hasThreshold, eq(name("SIB_PayThresholdContract"), num(1))),
    ifThen(reaches(gateEffect), num(1), num(0)),
    num(1),
  );
  sheet.formula(CARD.price, row, met, "calculation", FORMATS.integer);
  sheet.nameCell(
    "SIB_PayContractThresholdMet",
    CARD.price,
    row,
    "calculation",
    sheet.text({
      da: "1 når kontraktens tærskel er nået (eller der ingen er)",
      en: "1 when a contract-scope threshold is met (or there is none)",
    }),
  );
  return row;
}
