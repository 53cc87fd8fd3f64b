import { familiesOf, type PaymentSchedule } from "../engine/payment/schedule";
import { parseMetric } from "../engine/payment/metrics";
import { resolveRateCard, type PaymentTerms } from "../engine/payment/terms";
import { THRESHOLD_TOLERANCE_PP } from "../engine/payment/threshold";
import { POSITION_TOLERANCE_KR } from "../engine/payment/position";
import type { Scenario } from "../engine/scenario";
import { absolute, cell, columnRange } from "./address";
import type { CalculationLayout } from "./calculationSheet";
import {
  add,
  call,
  div,
  eq,
  ge,
  gt,
  ifThen,
  le,
  lt,
  midMonthDiscountFactor,
  mul,
  name,
  num,
  pow,
  ref,
  sub,
  sum,
  type Expr,
} from "./formula";
import type { InputsLayout } from "./inputsSheet";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type NumberFormat, type SheetPlan } from "./types";

export const PAYMENT_SHEET_NAMES: Bilingual = { da: "Betaling", en: "Payment" };

/** Text in a cap cell that means "no cap" (any non-number does; ISNUMBER decides). */
const NO_CAP: Bilingual = { da: "intet loft", en: "no cap" };

/** Danish/English label of a metric id. */
export function metricLabel(id: string): Bilingual {
  if (id === "selfSupporting") return { da: "Selvforsørgende ved målemåneden", en: "Self-supporting at measurement" };
  if (id === "paidHours") return { da: "Løntimer ved målemåneden", en: "Paid hours at measurement" };
  const months = id.replace("sustained", "");
  return { da: `Fastholdt ${months} mdr. efter målemåneden`, en: `Sustained ${months} months after measurement` };
}

/** Where the Investor sheet finds the payment schedule. */
export interface PaymentLayout {
  readonly sheet: string;
  readonly months: number;
}

interface ScalarTerm {
  readonly name: string;
  readonly label: Bilingual;
  readonly unit: Bilingual;
  readonly format: NumberFormat;
  readonly value: (terms: PaymentTerms) => number | string;
}

const optional = (value: number | null, language: Language): number | string => value ?? NO_CAP[language];

/**
 * The Payment sheet: the payment terms as named inputs, the rate card with each metric's shares, effect and baseline,
 * the payable outcomes per cohort (baseline, threshold, chain, volume cap, per-person cap), and per programme month the
 * outcome payments, base fee, share of savings, contract cap, payer split and the municipality's net position
 * (savings before the intervention cost − its payments). Native formulas that reproduce src/engine/payment/schedule.ts;
 * the number of month rows (and the rate card's metrics and chain) are fixed when the model is written.
 */
export function paymentSheet(
  scenario: Scenario,
  terms: PaymentTerms,
  schedule: PaymentSchedule,
  language: Language,
  inputs: InputsLayout,
  calculation: CalculationLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: PaymentLayout; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(PAYMENT_SHEET_NAMES[language], language);
  const { definitions, requires } = resolveRateCard(terms.rateCard);
  const metricCount = definitions.length;
  sheet.label(
    0,
    1,
    {
      da: "Betaling: resultatbetaling, lofter og kommunens nettoposition",
      en: "Payment: outcome payments, caps and the municipality's net position",
    },
    true,
  );
  sheet.label(0, 2, {
    da: 'Gule celler er betalingsvilkår. Et loft kan være et tal eller tekst ("intet loft"). 1/0-celler: 1 = ja. Beløb i kr; positiv = betalt af betaleren.',
    en: 'Yellow cells are payment terms. A cap is a number or text ("no cap"). 1/0 cells: 1 = yes. Amounts in kr; positive = paid by the payer.',
  });

  // --- Terms (scalar inputs) ---
  const scalars: ScalarTerm[] = [
    {
      name: "SIB_PayIncludeEducation",
      label: { da: "Uddannelse tæller som selvforsørgelse (1/0)", en: "Education counts as self-supporting (1/0)" },
      unit: { da: "1/0", en: "1/0" },
      format: FORMATS.integer,
      value: (t) => (t.includeEducation ? 1 : 0),
    },
    {
      name: "SIB_PayBaselineKind",
      label: {
        da: "Basislinje: 0 = ingen, 1 = kontrolgruppen, 2 = historisk rate",
        en: "Baseline: 0 = none, 1 = comparison group, 2 = historical rate",
      },
      unit: { da: "kode", en: "code" },
      format: FORMATS.integer,
      value: (t) => ({ none: 0, comparison: 1, historical: 2 })[t.baseline.kind],
    },
    {
      name: "SIB_PayThresholdPP",
      label: { da: "Tærskel: mindste effekt (procentpoint)", en: "Threshold: minimum effect (percentage points)" },
      unit: { da: "pp", en: "pp" },
      format: FORMATS.krDecimals,
      value: (t) => optional(t.threshold?.pp ?? null, language),
    },
    {
      name: "SIB_PayThresholdContract",
      label: {
        da: "Tærsklen gælder hele kontrakten (1) eller hvert mål (0)",
        en: "Threshold gates the whole contract (1) or each metric (0)",
      },
      unit: { da: "1/0", en: "1/0" },
      format: FORMATS.integer,
      value: (t) => (t.threshold?.scope === "contract" ? 1 : 0),
    },
    {
      name: "SIB_PayPersonCap",
      label: { da: "Loft pr. person (kr)", en: "Cap per person (kr)" },
      unit: { da: "kr", en: "kr" },
      format: FORMATS.kr,
      value: (t) => optional(t.personCap, language),
    },
    {
      name: "SIB_PayContractCap",
      label: { da: "Loft for kontrakten i alt (kr)", en: "Contract cap in total (kr)" },
      unit: { da: "kr", en: "kr" },
      format: FORMATS.kr,
      value: (t) => optional(t.contractCap, language),
    },
    {
      name: "SIB_PaySavingsShare",
      label: { da: "Andel af de målte besparelser der betales (α)", en: "Share of measured savings paid (α)" },
      unit: { da: "andel", en: "share" },
      format: FORMATS.percent,
      value: (t) => t.savingsShare,
    },
    {
      name: "SIB_PaySavingsBroad",
      label: {
        da: "Besparelser: alle offentlige budgetter (1) eller kun kommunens (0)",
        en: "Savings: all public budgets (1) or the municipality's only (0)",
      },
      unit: { da: "1/0", en: "1/0" },
      format: FORMATS.integer,
      value: (t) => (t.savingsScope === "broad" ? 1 : 0),
    },
    {
      name: "SIB_PayBaseFee",
      label: { da: "Basishonorar pr. deltager (kr)", en: "Base fee per participant (kr)" },
      unit: { da: "kr", en: "kr" },
      format: FORMATS.kr,
      value: (t) => t.baseFee,
    },
    {
      name: "SIB_PayBaseFeeSpread",
      label: {
        da: "Basishonorar fordelt over indsatsen (1) eller ved start (0)",
        en: "Base fee spread over the effort (1) or at intake (0)",
      },
      unit: { da: "1/0", en: "1/0" },
      format: FORMATS.integer,
      value: (t) => (t.baseFeeTiming === "spread" ? 1 : 0),
    },
    {
      name: "SIB_PayLagMonths",
      label: {
        da: "Forsinkelse fra resultat til betaling (måneder)",
        en: "Claim lag from outcome to payment (months)",
      },
      unit: { da: "måneder", en: "months" },
      format: FORMATS.integer,
      value: (t) => t.lagMonths,
    },
    {
      name: "SIB_PayMunicipalityShare",
      label: {
        da: "Kommunens andel af betalingerne (resten betaler staten)",
        en: "The municipality's share of payments (the state pays the rest)",
      },
      unit: { da: "andel", en: "share" },
      format: FORMATS.percent,
      value: (t) => t.municipalityShare,
    },
  ];
  let row = 4;
  sheet.label(0, row, { da: "Betalingsvilkår", en: "Payment terms" }, true);
  for (const scalar of scalars) {
    row++;
    sheet.label(0, row, scalar.label);
    const value = scalar.value(terms);
    if (typeof value === "number") sheet.input(1, row, value, scalar.format);
    else sheet.value(1, row, "input", value, scalar.format);
    sheet.label(2, row, scalar.unit);
    sheet.nameCell(scalar.name, 1, row, "input", sheet.text(scalar.label));
  }

  // --- Rate card ---
  row += 2;
  sheet.label(
    0,
    row,
    { da: "Prisliste (mål, pris, lofter) og målt effekt", en: "Rate card (metrics, prices, caps) and measured effect" },
    true,
  );
  row++;
  const cardHeaders: Bilingual[] = [
    { da: "Mål", en: "Metric" },
    { da: "Pris pr. udfald (kr)", en: "Price per outcome (kr)" },
    { da: "Loft, antal udfald", en: "Volume cap (outcomes)" },
    { da: "Historisk basisrate", en: "Historical baseline rate" },
    { da: "Mdr. efter målemåned", en: "Months after measurement" },
    { da: "Forudsætter", en: "Requires" },
    { da: "Andel deltagere", en: "Participant share" },
    { da: "Andel kontrolgruppe", en: "Comparison share" },
    { da: "Effekt (pp)", en: "Effect (pp)" },
    { da: "Basislinje (andel)", en: "Baseline (share)" },
    { da: "Tærskel nået (1/0)", en: "Threshold met (1/0)" },
    { da: "Betales mdr. efter start", en: "Paid months after intake" },
    { da: "Mål (id)", en: "Metric (id)" },
    { da: "Forudsætter (id)", en: "Requires (id)" },
  ];
  cardHeaders.forEach((header, column) => sheet.label(column, row, header, true));
  const firstCardRow = row + 1;
  const cardRow = (k: number): number => firstCardRow + k;
  const stateShare = (column: string, state: string): Expr => {
    const address = inputs.stateCells[column]?.[state];
    if (address === undefined) throw new Error(`no input cell ${column}.${state}`);
    return ref(address, inputs.sheet);
  };
  const metricShare = (k: number, column: string): Expr => {
    const definition = definitions[k];
    if (definition === undefined) throw new Error("metric out of range");
    const selfSupporting = add(
      add(stateShare(column, "JOB"), stateShare(column, "JOB_UNK")),
      ifThen(eq(name("SIB_PayIncludeEducation"), num(1)), stateShare(column, "EDU"), num(0)),
    );
    if (definition.kind === "paidHours") return stateShare(column, "JOB_PART");
    if (definition.monthsAfterMeasurement === 0) return selfSupporting;
    return mul(selfSupporting, pow(name("SIB_Persistence"), ref(cell(4, cardRow(k)))));
  };
  const historical = terms.baseline.kind === "historical" ? terms.baseline : null;
  definitions.forEach((definition, k) => {
    const r = cardRow(k);
    const line = terms.rateCard[k];
    sheet.label(0, r, metricLabel(definition.id));
    sheet.input(1, r, line?.price ?? 0, FORMATS.kr);
    const cap = line?.volumeCap ?? null;
    if (cap === null) sheet.value(2, r, "input", NO_CAP[language], FORMATS.integer);
    else sheet.input(2, r, cap, FORMATS.integer);
    const rate =
      historical === null
        ? 0
        : (Object.entries(historical.rates).find(([metric]) => metric === definition.id)?.[1] ?? historical.rate);
    sheet.input(3, r, rate, FORMATS.percent);
    sheet.value(4, r, "label", definition.monthsAfterMeasurement, FORMATS.integer);
    const prerequisite = requires[k];
    const prerequisiteDefinition =
      prerequisite === null || prerequisite === undefined ? undefined : definitions[prerequisite];
    sheet.label(5, r, prerequisiteDefinition === undefined ? "" : sheet.text(metricLabel(prerequisiteDefinition.id)));
    // Ids in the engine's vocabulary, so a written model's rate card can be read back (src/plan/readBack.ts).
    sheet.label(12, r, definition.id);
    sheet.label(13, r, prerequisiteDefinition?.id ?? "");
    sheet.formula(6, r, metricShare(k, "SIB_ParticipantShares"), "calculation", FORMATS.share);
    sheet.formula(7, r, metricShare(k, "SIB_ComparisonShares"), "calculation", FORMATS.share);
    sheet.formula(8, r, mul(num(100), sub(ref(cell(6, r)), ref(cell(7, r)))), "calculation", FORMATS.krDecimals);
    sheet.formula(
      9,
      r,
      ifThen(
        eq(name("SIB_PayBaselineKind"), num(1)),
        ref(cell(7, r)),
        ifThen(eq(name("SIB_PayBaselineKind"), num(2)), ref(cell(3, r)), num(0)),
      ),
      "calculation",
      FORMATS.share,
    );
    sheet.formula(
      11,
      r,
      add(add(name("SIB_MeasurementMonth"), ref(cell(4, r))), name("SIB_PayLagMonths")),
      "calculation",
      FORMATS.integer,
    );
  });
  const lastCardRow = cardRow(metricCount - 1);
  const cardColumns: [string, number, string][] = [
    ["SIB_PayPrices", 1, "Price per outcome of each rate-card metric (kr)"],
    ["SIB_PayVolumeCaps", 2, "Volume cap of each rate-card metric (outcomes; text = no cap)"],
    ["SIB_PayHistoricalRates", 3, "Historical baseline rate of each rate-card metric (share)"],
    ["SIB_PayMetricIds", 12, "Metric id of each rate-card line (selfSupporting, paidHours, sustained<k>)"],
    ["SIB_PayRequiresIds", 13, "Metric id a rate-card line requires first (empty = none)"],
  ];
  for (const [definedName, column, description] of cardColumns) {
    sheet.nameColumn(definedName, column, firstCardRow, lastCardRow, column <= 3 ? "input" : "label", description);
  }
  // The metric whose effect gates a contract-scope threshold: the one named in the terms, else the first on the card.
  const gateId =
    terms.threshold?.metric === null || terms.threshold === null
      ? definitions[0]?.id
      : parseMetric(terms.threshold.metric)?.id;
  const contractMetric = Math.max(
    0,
    definitions.findIndex((definition) => definition.id === gateId),
  );
  const contractEffect = ref(cell(8, cardRow(contractMetric)));
  const hasThreshold = call("ISNUMBER", name("SIB_PayThresholdPP"));
  const reaches = (effect: Expr): Expr => ge(effect, sub(name("SIB_PayThresholdPP"), num(THRESHOLD_TOLERANCE_PP)));
  row = cardRow(metricCount - 1) + 1;
  sheet.label(0, row, { da: "Kontraktens tærskel nået (1/0)", en: "Contract threshold met (1/0)" });
  const contractMet = ifThen(
    call("AND", hasThreshold, eq(name("SIB_PayThresholdContract"), num(1))),
    ifThen(reaches(contractEffect), num(1), num(0)),
    num(1),
  );
  sheet.formula(1, row, contractMet, "calculation", FORMATS.integer);
  sheet.nameCell(
    "SIB_PayContractThresholdMet",
    1,
    row,
    "calculation",
    "1 when a contract-scope threshold is met (or there is none)",
  );
  definitions.forEach((_, k) => {
    const r = cardRow(k);
    const own = ifThen(
      call("OR", call("NOT", hasThreshold), eq(name("SIB_PayThresholdContract"), num(1))),
      num(1),
      ifThen(reaches(ref(cell(8, r))), num(1), num(0)),
    );
    sheet.formula(10, r, mul(name("SIB_PayContractThresholdMet"), own), "calculation", FORMATS.integer);
  });

  // --- Payable outcomes per cohort (in order of intake) ---
  row += 2;
  sheet.label(
    0,
    row,
    {
      da: "Betalbare udfald pr. kohorte (efter basislinje, tærskel, kæde og lofter)",
      en: "Payable outcomes per cohort (after baseline, threshold, chain and caps)",
    },
    true,
  );
  row++;
  const perMetric = 4;
  const countColumn = (k: number): number => 2 + perMetric * k;
  const paidColumn = (k: number): number => countColumn(k) + 1;
  const priceColumn = (k: number): number => countColumn(k) + 2;
  const amountColumn = (k: number): number => countColumn(k) + 3;
  sheet.label(0, row, { da: "Kohorte", en: "Cohort" }, true);
  sheet.label(1, row, { da: "Startmåned", en: "Intake month" }, true);
  definitions.forEach((definition, k) => {
    const label = sheet.text(metricLabel(definition.id));
    sheet.label(countColumn(k), row, `${label}: ${sheet.text({ da: "udfald", en: "outcomes" })}`);
    sheet.label(paidColumn(k), row, `${label}: ${sheet.text({ da: "betalt antal", en: "paid count" })}`);
    sheet.label(
      priceColumn(k),
      row,
      `${label}: ${sheet.text({ da: "pris efter personloft", en: "price after person cap" })}`,
    );
    sheet.label(amountColumn(k), row, `${label}: ${sheet.text({ da: "beløb", en: "amount" })}`);
  });
  const ordered = scenario.cohorts
    .map((cohort, index) => ({ cohort, index }))
    .sort((a, b) => a.cohort.intakeMonth - b.cohort.intakeMonth || a.index - b.index);
  const firstCohortRow = row + 1;
  const families = familiesOf(requires);
  ordered.forEach(({ index }, position) => {
    const r = firstCohortRow + position;
    const cohortCells = inputs.cohorts[index];
    if (cohortCells === undefined) throw new Error("cohort out of range");
    sheet.label(0, r, { da: `Kohorte ${index + 1}`, en: `Cohort ${index + 1}` });
    sheet.formula(1, r, ref(cohortCells.intakeMonth, inputs.sheet), "calculation", FORMATS.integer);
    definitions.forEach((_, k) => {
      const card = cardRow(k);
      const count = ifThen(
        eq(ref(cell(10, card)), num(1)),
        mul(
          call("MAX", num(0), sub(ref(cell(6, card)), ref(cell(9, card)))),
          ref(cohortCells.participants, inputs.sheet),
        ),
        num(0),
      );
      sheet.formula(countColumn(k), r, count, "calculation", FORMATS.factor);
      const prerequisite = requires[k];
      const chained =
        prerequisite === null || prerequisite === undefined
          ? ref(cell(countColumn(k), r))
          : call("MIN", ref(cell(countColumn(k), r)), ref(cell(paidColumn(prerequisite), r)));
      const usedBefore =
        position === 0
          ? num(0)
          : call("SUM", ref(`${cell(paidColumn(k), firstCohortRow)}:${cell(paidColumn(k), r - 1)}`));
      const capCell = ref(absolute(2, card));
      const paid = ifThen(
        call("ISNUMBER", capCell),
        call("MAX", num(0), call("MIN", chained, sub(capCell, usedBefore))),
        call("MAX", num(0), chained),
      );
      sheet.formula(paidColumn(k), r, paid, "calculation", FORMATS.factor);
    });
    // Per-person cap within each family of chained metrics: people stacked by count (desc), then card order.
    for (const family of families) {
      for (const k of family) {
        const price = (j: number): Expr => ref(absolute(1, cardRow(j)));
        const countOf = (j: number): Expr => ref(cell(paidColumn(j), r));
        const stacked = sum(
          ...family.map((j) =>
            j === k
              ? price(j)
              : mul(
                  price(j),
                  ifThen(
                    call("OR", gt(countOf(j), countOf(k)), call("AND", eq(countOf(j), countOf(k)), num(j < k ? 1 : 0))),
                    num(1),
                    num(0),
                  ),
                ),
          ),
        );
        const cap = name("SIB_PayPersonCap");
        const capped = sub(call("MIN", stacked, cap), call("MIN", sub(stacked, price(k)), cap));
        sheet.formula(priceColumn(k), r, ifThen(call("ISNUMBER", cap), capped, price(k)), "calculation", FORMATS.kr);
        sheet.formula(
          amountColumn(k),
          r,
          mul(ref(cell(paidColumn(k), r)), ref(cell(priceColumn(k), r))),
          "calculation",
          FORMATS.kr,
        );
      }
    }
  });
  const lastCohortRow = firstCohortRow + ordered.length - 1;

  // --- Per programme month ---
  row = lastCohortRow + 3;
  const monthHeaderRow = row;
  const months = schedule.months;
  const column = {
    month: 0,
    discount: 1,
    firstMetric: 2,
    baseFee: 2 + metricCount,
    savings: 3 + metricCount,
    cumulativeSavings: 4 + metricCount,
    owed: 5 + metricCount,
    savingsPaid: 6 + metricCount,
    savingsLagged: 7 + metricCount,
    raw: 8 + metricCount,
    total: 9 + metricCount,
    cumulativeTotal: 10 + metricCount,
    municipality: 11 + metricCount,
    state: 12 + metricCount,
    municipalSavings: 13 + metricCount,
    municipalNet: 14 + metricCount,
    municipalNetCumulativePV: 15 + metricCount,
    scale: 16 + metricCount,
  } as const;
  sheet.label(0, monthHeaderRow - 1, { da: "Pr. programmåned (kr)", en: "Per programme month (kr)" }, true);
  const monthHeaders: [number, Bilingual][] = [
    [column.month, { da: "Programmåned m", en: "Programme month m" }],
    [column.discount, { da: "Diskonteringsfaktor", en: "Discount factor" }],
    [column.baseFee, { da: "Basishonorar", en: "Base fee" }],
    [column.savings, { da: "Målte besparelser", en: "Measured savings" }],
    [column.cumulativeSavings, { da: "Akk. besparelser", en: "Cum. savings" }],
    [column.owed, { da: "Skyldig andel (højeste)", en: "Share owed (high-water mark)" }],
    [column.savingsPaid, { da: "Besparelsesandel", en: "Savings share" }],
    [column.savingsLagged, { da: "Besparelsesandel betalt", en: "Savings share paid" }],
    [column.raw, { da: "Betaling før kontraktloft", en: "Payment before contract cap" }],
    [column.total, { da: "Betaling i alt", en: "Total payment" }],
    [column.cumulativeTotal, { da: "Akk. betaling", en: "Cum. payment" }],
    [column.municipality, { da: "Betalt af kommunen", en: "Paid by the municipality" }],
    [column.state, { da: "Betalt af staten", en: "Paid by the state" }],
    [column.municipalSavings, { da: "Kommunens besparelse", en: "Municipal savings" }],
    [column.municipalNet, { da: "Kommunens netto", en: "Municipal net" }],
    [
      column.municipalNetCumulativePV,
      { da: "Kommunens akk. netto (nutidsværdi)", en: "Municipal cum. net (present value)" },
    ],
    [column.scale, { da: "Andel efter kontraktloft", en: "Share kept after contract cap" }],
  ];
  for (const [c, header] of monthHeaders) sheet.label(c, monthHeaderRow, header, true);
  definitions.forEach((definition, k) =>
    sheet.label(column.firstMetric + k, monthHeaderRow, metricLabel(definition.id)),
  );
  const firstMonthRow = monthHeaderRow + 1;
  const lastMonthRow = firstMonthRow + months - 1;
  const calcRows = calculation.calendarMonths;
  const calcFlow = (definedName: string, month: Expr): Expr =>
    ifThen(
      lt(month, num(calcRows)),
      call("INDEX", name(definedName), call("MIN", num(calcRows), add(month, num(1)))),
      num(0),
    );
  for (let m = 0; m < months; m++) {
    const r = firstMonthRow + m;
    const at = (c: number): Expr => ref(cell(c, r));
    const previous = (c: number): Expr => ref(cell(c, r - 1));
    const month = at(column.month);
    sheet.input(column.month, r, m, FORMATS.integer);
    sheet.formula(column.discount, r, midMonthDiscountFactor(month), "calculation", FORMATS.factor);
    definitions.forEach((_, k) => {
      const paidIn = sum(
        ...ordered.map((_, position) => {
          const cr = firstCohortRow + position;
          return ifThen(
            eq(month, add(ref(absolute(1, cr)), ref(absolute(11, cardRow(k))))),
            ref(absolute(amountColumn(k), cr)),
            num(0),
          );
        }),
      );
      sheet.formula(column.firstMetric + k, r, paidIn, "calculation", FORMATS.kr);
    });
    const baseFee = sum(
      ...ordered.map(({ index }) => {
        const cohortCells = inputs.cohorts[index];
        if (cohortCells === undefined) throw new Error("cohort out of range");
        const intake = ref(cohortCells.intakeMonth, inputs.sheet);
        const amount = mul(name("SIB_PayBaseFee"), ref(cohortCells.participants, inputs.sheet));
        const atIntake = ifThen(eq(month, intake), amount, num(0));
        const spread = ifThen(
          call("AND", ge(month, intake), lt(month, add(intake, name("SIB_InterventionMonths")))),
          div(amount, name("SIB_InterventionMonths")),
          num(0),
        );
        return ifThen(eq(name("SIB_PayBaseFeeSpread"), num(1)), spread, atIntake);
      }),
    );
    sheet.formula(column.baseFee, r, baseFee, "calculation", FORMATS.kr);
    const narrow = add(calcFlow("SIB_Flow_Municipality", month), calcFlow("SIB_TotalCost", month));
    const broad = add(calcFlow("SIB_Flow_Public", month), calcFlow("SIB_TotalCost", month));
    sheet.formula(
      column.savings,
      r,
      ifThen(eq(name("SIB_PaySavingsBroad"), num(1)), broad, narrow),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.cumulativeSavings,
      r,
      m === 0 ? at(column.savings) : add(previous(column.cumulativeSavings), at(column.savings)),
      "calculation",
      FORMATS.kr,
    );
    const owedNow = mul(name("SIB_PaySavingsShare"), call("MAX", num(0), at(column.cumulativeSavings)));
    sheet.formula(
      column.owed,
      r,
      m === 0 ? call("MAX", num(0), owedNow) : call("MAX", previous(column.owed), owedNow),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.savingsPaid,
      r,
      m === 0 ? at(column.owed) : sub(at(column.owed), previous(column.owed)),
      "calculation",
      FORMATS.kr,
    );
    const lagged = ifThen(
      ge(sub(month, name("SIB_PayLagMonths")), num(0)),
      call(
        "INDEX",
        ref(columnRange(column.savingsPaid, firstMonthRow, lastMonthRow)),
        call("MAX", num(1), add(sub(month, name("SIB_PayLagMonths")), num(1))),
      ),
      num(0),
    );
    const savingsOn = call(
      "AND",
      gt(name("SIB_PaySavingsShare"), num(0)),
      eq(name("SIB_PayContractThresholdMet"), num(1)),
    );
    sheet.formula(column.savingsLagged, r, ifThen(savingsOn, lagged, num(0)), "calculation", FORMATS.kr);
    sheet.formula(
      column.raw,
      r,
      sum(at(column.baseFee), at(column.savingsLagged), ...definitions.map((_, k) => at(column.firstMetric + k))),
      "calculation",
      FORMATS.kr,
    );
    const paidBefore = m === 0 ? num(0) : previous(column.cumulativeTotal);
    const capped = call("MAX", num(0), call("MIN", at(column.raw), sub(name("SIB_PayContractCap"), paidBefore)));
    sheet.formula(
      column.total,
      r,
      ifThen(call("ISNUMBER", name("SIB_PayContractCap")), capped, at(column.raw)),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.cumulativeTotal,
      r,
      m === 0 ? at(column.total) : add(previous(column.cumulativeTotal), at(column.total)),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.municipality,
      r,
      mul(at(column.total), name("SIB_PayMunicipalityShare")),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.state,
      r,
      mul(at(column.total), sub(num(1), name("SIB_PayMunicipalityShare"))),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(column.municipalSavings, r, narrow, "calculation", FORMATS.kr);
    sheet.formula(
      column.municipalNet,
      r,
      sub(at(column.municipalSavings), at(column.municipality)),
      "calculation",
      FORMATS.kr,
    );
    const discountedNet = mul(at(column.discount), at(column.municipalNet));
    sheet.formula(
      column.municipalNetCumulativePV,
      r,
      m === 0 ? discountedNet : add(previous(column.municipalNetCumulativePV), discountedNet),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      column.scale,
      r,
      ifThen(gt(at(column.raw), num(0)), div(at(column.total), at(column.raw)), num(0)),
      "calculation",
      FORMATS.factor,
    );
  }
  const columnOf = (c: number): Expr => ref(columnRange(c, firstMonthRow, lastMonthRow));
  sheet.nameColumn(
    "SIB_PayDiscountFactors",
    column.discount,
    firstMonthRow,
    lastMonthRow,
    "calculation",
    "Discount factor per programme month of the payment schedule",
  );
  sheet.nameColumn(
    "SIB_PaySchedule",
    column.total,
    firstMonthRow,
    lastMonthRow,
    "calculation",
    "Total payment per programme month (kr), after the contract cap",
  );
  sheet.nameColumn(
    "SIB_PayScheduleMunicipality",
    column.municipality,
    firstMonthRow,
    lastMonthRow,
    "calculation",
    "Payment by the municipality per programme month (kr)",
  );
  sheet.nameColumn(
    "SIB_PayScheduleState",
    column.state,
    firstMonthRow,
    lastMonthRow,
    "calculation",
    "Payment by the state per programme month (kr)",
  );

  // --- Results (top right of the sheet) ---
  const resultColumn = 16;
  let resultRow = 4;
  sheet.label(resultColumn, resultRow, { da: "Resultater", en: "Results" }, true);
  const results: [string, Bilingual, Expr, NumberFormat, string][] = [
    [
      "SIB_PayTotal",
      { da: "Betalinger i alt", en: "Payments in total" },
      call("SUM", columnOf(column.total)),
      FORMATS.kr,
      "Total payments (kr, undiscounted)",
    ],
    [
      "SIB_PayTotalPV",
      { da: "Betalinger i alt, nutidsværdi", en: "Payments in total, present value" },
      call("SUMPRODUCT", columnOf(column.total), columnOf(column.discount)),
      FORMATS.kr,
      "Total payments, present value at the programme start (kr)",
    ],
    [
      "SIB_PayMunicipality",
      { da: "Betalt af kommunen", en: "Paid by the municipality" },
      call("SUM", columnOf(column.municipality)),
      FORMATS.kr,
      "Payments by the municipality (kr)",
    ],
    [
      "SIB_PayState",
      { da: "Betalt af staten", en: "Paid by the state" },
      call("SUM", columnOf(column.state)),
      FORMATS.kr,
      "Payments by the state (kr)",
    ],
    [
      "SIB_PayMunicipalityPV",
      { da: "Betalt af kommunen, nutidsværdi", en: "Paid by the municipality, present value" },
      call("SUMPRODUCT", columnOf(column.municipality), columnOf(column.discount)),
      FORMATS.kr,
      "Payments by the municipality, present value (kr)",
    ],
    [
      "SIB_PayBaseFeeTotal",
      { da: "Heraf basishonorar", en: "Of which base fee" },
      call("SUMPRODUCT", columnOf(column.baseFee), columnOf(column.scale)),
      FORMATS.kr,
      "Base fee paid after the contract cap (kr)",
    ],
    [
      "SIB_PaySavingsShareTotal",
      { da: "Heraf besparelsesandel", en: "Of which savings share" },
      call("SUMPRODUCT", columnOf(column.savingsLagged), columnOf(column.scale)),
      FORMATS.kr,
      "Savings share paid after the contract cap (kr)",
    ],
    [
      "SIB_MunicipalitySavings",
      {
        da: "Kommunens besparelser (før indsatsens omkostning)",
        en: "Municipal savings (before the cost of the effort)",
      },
      call("SUM", columnOf(column.municipalSavings)),
      FORMATS.kr,
      "The municipality's savings before the intervention cost (kr)",
    ],
    [
      "SIB_MunicipalityNet",
      { da: "Kommunens netto (besparelser − betalinger)", en: "Municipal net (savings − payments)" },
      call("SUM", columnOf(column.municipalNet)),
      FORMATS.kr,
      "Municipal savings minus municipal payments (kr, undiscounted)",
    ],
    [
      "SIB_MunicipalityNetPV",
      { da: "Kommunens netto, nutidsværdi", en: "Municipal net, present value" },
      call("SUMPRODUCT", columnOf(column.municipalNet), columnOf(column.discount)),
      FORMATS.kr,
      "Municipal savings minus municipal payments, present value (kr)",
    ],
  ];
  definitions.forEach((definition, k) =>
    results.push([
      `SIB_PayMetric_${definition.id}`,
      {
        da: `Heraf ${metricLabel(definition.id).da.toLowerCase()}`,
        en: `Of which ${metricLabel(definition.id).en.toLowerCase()}`,
      },
      call("SUMPRODUCT", columnOf(column.firstMetric + k), columnOf(column.scale)),
      FORMATS.kr,
      `Outcome payments for ${definition.id} after the contract cap (kr)`,
    ]),
  );
  for (const [definedName, label, formula, format, description] of results) {
    resultRow++;
    sheet.namedOutput(resultColumn, resultRow, { name: definedName, label, formula, format, description });
  }
  resultRow++;
  sheet.label(resultColumn, resultRow, {
    da: "Kommunen betaler aldrig mere end den sparer (1/0, nutidsværdi)",
    en: "The municipality never pays more than it saves (1/0, present value)",
  });
  sheet.formula(
    resultColumn + 1,
    resultRow,
    ifThen(
      le(
        name("SIB_PayMunicipalityPV"),
        add(
          call("SUMPRODUCT", columnOf(column.municipalSavings), columnOf(column.discount)),
          num(POSITION_TOLERANCE_KR),
        ),
      ),
      num(1),
      num(0),
    ),
    "output",
    FORMATS.integer,
  );
  sheet.nameCell(
    "SIB_NeverPaysMoreThanSaves",
    resultColumn + 1,
    resultRow,
    "output",
    "1 when the municipality's discounted payments do not exceed its discounted savings",
  );

  const chart: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: cell(resultColumn + 3, 4),
    type: "columnClustered",
    title: sheet.text({ da: "Betalinger pr. måned efter betaler, kr", en: "Payments per month by payer, kr" }),
    dataSheet: sheet.sheetName,
    data: `${absolute(column.municipality, monthHeaderRow)}:${absolute(column.state, lastMonthRow)}`,
    categories: columnRange(column.month, firstMonthRow, lastMonthRow),
  };
  const widths = Array.from({ length: Math.max(column.scale, amountColumn(metricCount - 1)) + 1 }, (_, i) =>
    i === 0 ? 52 : 16,
  );
  return { plan: sheet.build(widths), names: sheet.names, layout: { sheet: sheet.sheetName, months }, charts: [chart] };
}
