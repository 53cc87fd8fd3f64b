import { ACCOUNTS, type Account } from "../../engine/accounts";
import { municipalityResults, type MunicipalityResult } from "../../engine/municipalityResults";
import type { PaymentSchedule } from "../../engine/payment/schedule";
import type { Scenario } from "../../engine/scenario";
import { cell } from "../address";
import { writeTable, type Table, type TableColumn } from "../blocks/table";
import { guarded } from "../blocks/checks";
import type { CalculationLayout } from "../calculationSheet";
import { municipalityCalcName } from "../calculation/municipalityBlock";
import { BREAK_EVEN_TOLERANCE, FLOW_COLUMN, type CohortBlock } from "../calculation/programmeMonthBlock";
import { add, and, call, div, eq, ge, ifThen, lt, mul, name, num, ref, sub, text, type Expr } from "../formula";
import { municipalityCellName } from "../inputs/municipalityInputs";
import { ACCOUNT_LABELS, ACCOUNT_NAME, NO_BREAK_EVEN } from "../labels";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type NumberFormat } from "../types";

/** The per-account measures of each municipality, with the name part and label. */
const MEASURES = [
  { key: "NPV", label: { da: "Nutidsværdi i alt", en: "NPV, all participants" } },
  { key: "NPVPerParticipant", label: { da: "Nutidsværdi pr. deltager", en: "NPV per participant" } },
  { key: "Undiscounted", label: { da: "Udiskonteret i alt", en: "Undiscounted, all participants" } },
] as const;
type Measure = (typeof MEASURES)[number]["key"];

/** The payment measures (with a Payment sheet): its share of the municipal payments and its result after them. */
const PAYMENT_MEASURES = [
  { key: "Payments", label: { da: "Andel af kommunernes betalinger", en: "Share of the municipal payments" } },
  {
    key: "PaymentsPV",
    label: { da: "Andel af kommunernes betalinger, nutidsværdi", en: "Share of the municipal payments, present value" },
  },
  {
    key: "AfterPayments",
    label: { da: "Kommunen efter betalinger, nutidsværdi", en: "The municipality after payments, present value" },
  },
] as const;
type PaymentMeasure = (typeof PAYMENT_MEASURES)[number]["key"];

/**
 * Defined name of a municipality's result on Results, n 1-based in the order listed.
 * @example municipalityResultName(2, "NPV", "municipality") // "SIB_Muni2_NPV_Municipality"
 */
export function municipalityResultName(n: number, measure: Measure, account: Account): string;
export function municipalityResultName(n: number, measure: PaymentMeasure): string;
export function municipalityResultName(n: number, measure: Measure | PaymentMeasure, account?: Account): string {
  return account === undefined ? `SIB_Muni${n}_${measure}` : `SIB_Muni${n}_${measure}_${ACCOUNT_NAME[account]}`;
}

/**
 * Defined name of a municipality's break-even month of one account's flows from its own participants on Results, n
 * 1-based (the municipality's own budget when no account is given).
 * @example municipalityBreakEvenName(2) // "SIB_Muni2_BreakEven_Municipality"; (1, "state") // "SIB_Muni1_BreakEven_State"
 */
export function municipalityBreakEvenName(n: number, account: Account = "municipality"): string {
  return `SIB_Muni${n}_BreakEven_${ACCOUNT_NAME[account]}`;
}

/**
 * The engine's break-even month of each account's flows from each municipality's participants (months from 1; null =
 * never reached or no flows), by {@link municipalityBreakEvenName}, in the order listed.
 * @example municipalityBreakEvenValues([herning, viborg]).SIB_Muni1_BreakEven_Municipality // 38
 */
export function municipalityBreakEvenValues(results: readonly MunicipalityResult[]): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  results.forEach((result, index) => {
    for (const account of ACCOUNTS)
      values[municipalityBreakEvenName(index + 1, account)] = result.breakEvenMonth[account];
  });
  return values;
}

/**
 * The engine's values of the per-municipality names (src/engine/municipalityResults.ts), in the order listed; the
 * payment names only when `withPayments`. kr, fixed prices of the parameter year, positive = gain.
 * @example municipalityNameValues([herning, viborg], false).SIB_Muni1_NPV_Municipality // Herning's NPV
 */
export function municipalityNameValues(
  results: readonly MunicipalityResult[],
  withPayments: boolean,
): Record<string, number> {
  const values: Record<string, number> = {};
  results.forEach((result, index) => {
    const n = index + 1;
    for (const account of ACCOUNTS) {
      values[municipalityResultName(n, "NPV", account)] = result.total[account];
      values[municipalityResultName(n, "NPVPerParticipant", account)] = result.perParticipant[account];
      values[municipalityResultName(n, "Undiscounted", account)] = result.undiscountedTotal[account];
    }
    if (withPayments) {
      values[municipalityResultName(n, "Payments")] = result.payments.total;
      values[municipalityResultName(n, "PaymentsPV")] = result.payments.presentValue;
      values[municipalityResultName(n, "AfterPayments")] = result.municipalityAfterPayments;
    }
  });
  return values;
}

interface Row {
  readonly label: Bilingual;
  readonly format: NumberFormat;
  readonly formula: (n: number) => Expr;
  readonly name?: (n: number) => string;
  /** Whether the total column sums the row (amounts), or stays empty (rates, names). */
  readonly total: boolean;
}

/**
 * Results per municipality (issue 10): one column per municipality and one for all together, rows: name,
 * participants, kommuneskat, weeks on benefit at intake, share of the payments, then per account the NPV in total and
 * per participant and the undiscounted total, per account the break-even month of the flows from its own participants
 * (from a month table to the right: per account its programme-month flow, cumulative present value and months still
 * negative), and with a Payment sheet its share of the municipal payments (total and present value) and the
 * municipality after them; below, a note on what is not split per municipality. Each cell a native
 * formula over its own cohort-month block
 * (NPV = SUMPRODUCT(W(t), flow(t)), undiscounted = participants × Σ flow(t)), named SIB_Muni<n>_<Measure>[_<Account>];
 * the total column sums the municipalities (it equals the whole case's SIB_NPV_<Account>). Returns the row below.
 */
export function writeMunicipalityResults(
  sheet: SheetBuilder,
  top: number,
  deps: { readonly calculation: CalculationLayout; readonly withPayments: boolean },
): number {
  const count = deps.calculation.cohortBlocks.length;
  const months = writeBreakEvenMonths(sheet, { left: Math.max(count + 3, 9), headerRow: top + 2 }, deps.calculation);
  const rows: Row[] = [
    ...inputRows(),
    ...accountRows(deps.calculation),
    ...ACCOUNTS.map((account) => breakEvenRow(sheet, months, account)),
    ...(deps.withPayments ? paymentRows() : []),
  ];
  sheet.label(0, top, { da: "Resultater pr. kommune", en: "Results per municipality" }, true);
  sheet.label(0, top + 1, {
    da: "Hver kommunes kohorter med dens kommuneskat og uger på ydelse; kolonnerne summer til hele sagen. Kommunen betaler sin andel af kommunernes udbetalinger.",
    en: "Each municipality's cohorts with its municipal tax and weeks on benefit; the columns sum to the whole case. The municipality pays its share of the municipal outcome payments.",
  });
  const header = top + 2;
  sheet.label(0, header, { da: "Kommune", en: "Municipality" }, true);
  for (let n = 1; n <= count; n++) {
    sheet.formula(n, header, name(municipalityCellName(n, "Name")), "calculation", FORMATS.text);
  }
  sheet.label(count + 1, header, { da: "Alle kommuner", en: "All municipalities" }, true);
  rows.forEach((spec, index) => {
    const row = header + 1 + index;
    sheet.label(0, row, spec.label);
    for (let n = 1; n <= count; n++) {
      sheet.formula(n, row, guarded(spec.formula(n)), "output", spec.format);
      if (spec.name !== undefined) {
        sheet.nameCell(spec.name(n), n, row, "output", {
          da: `${spec.label.da}, kommune ${n}`,
          en: `${spec.label.en}, municipality ${n}`,
        });
      }
    }
    if (spec.total) {
      const sum = call("SUM", ref(`${cell(1, row)}:${cell(count, row)}`));
      sheet.formula(count + 1, row, guarded(sum), "output", spec.format);
    }
  });
  sheet.label(0, header + rows.length + 1, {
    da: "Balancepunkterne gælder hver kontos strømme fra kommunens egne deltagere, før resultatbetalinger. Udligningen går til alle andre kommuner, også sagens andre kommuner; modellen fordeler den ikke mellem dem. Statens andel af betalingerne og transaktionsomkostningerne findes kun for hele sagen.",
    en: "The break-even months are of each account's flows from the municipality's own participants, before outcome payments. Equalisation goes to every other municipality, the case's other municipalities included; the model does not split it between them. The state's share of the payments and the deal costs exist for the whole case only.",
  });
  return header + rows.length + 2;
}

const participants = (n: number): Expr => name(municipalityCalcName(n, "Participants"));

/** Participants, kommuneskat, weeks on benefit and share of the payments (the inputs of each column). */
function inputRows(): Row[] {
  return [
    { label: { da: "Deltagere", en: "Participants" }, format: FORMATS.integer, total: true, formula: participants },
    {
      label: { da: "Kommuneskat", en: "Municipal income tax" },
      format: FORMATS.percentPrecise,
      total: false,
      formula: (n) => name(municipalityCellName(n, "TaxRate")),
    },
    {
      label: { da: "Uger på ydelse ved start", en: "Weeks on benefit at intake" },
      format: FORMATS.integer,
      total: false,
      formula: (n) => name(municipalityCellName(n, "Weeks")),
    },
    {
      label: { da: "Andel af udbetalingerne", en: "Share of the outcome payments" },
      format: FORMATS.percent,
      total: true,
      formula: (n) => name(municipalityCellName(n, "PaymentShare")),
    },
  ];
}

/**
 * Per account the NPV (SUMPRODUCT of the municipality's W(t) and its flow column), per participant (0 without
 * participants, as the engine) and undiscounted (participants × Σ flow).
 */
function accountRows(calculation: CalculationLayout): Row[] {
  const blockOf = (n: number): CohortBlock => {
    const block = calculation.cohortBlocks[n - 1];
    if (block === undefined) throw new Error(`no cohort-month block for municipality ${n}`);
    return block;
  };
  const flow = (n: number, account: Account): Expr => blockOf(n).table.range(FLOW_COLUMN[account], calculation.sheet);
  const formula = (measure: Measure, account: Account, n: number): Expr => {
    switch (measure) {
      case "NPV":
        return call("SUMPRODUCT", blockOf(n).table.range("weight", calculation.sheet), flow(n, account));
      case "NPVPerParticipant":
        return ifThen(
          eq(participants(n), num(0)),
          num(0),
          div(name(municipalityResultName(n, "NPV", account)), participants(n)),
        );
      case "Undiscounted":
        return mul(participants(n), call("SUM", flow(n, account)));
    }
  };
  return MEASURES.flatMap((measure) =>
    ACCOUNTS.map((account): Row => ({
      label: {
        da: `${measure.label.da}: ${ACCOUNT_LABELS[account].da.toLowerCase()}`,
        en: `${measure.label.en}: ${ACCOUNT_LABELS[account].en.toLowerCase()}`,
      },
      format: FORMATS.kr,
      total: measure.key !== "NPVPerParticipant",
      name: (n) => municipalityResultName(n, measure.key, account),
      formula: (n) => formula(measure.key, account, n),
    })),
  );
}

type BreakEvenKey =
  "m" | "discount" | `flow:${number}:${Account}` | `cumulative:${number}:${Account}` | `negative:${number}:${Account}`;

/**
 * Per programme month (the Calculation sheet's rows), municipality n and account: its flow Σ its cohorts'
 * participants × flow(m − intake) (as the Calculation sheet's all-cohort flow, from its own block), the cumulative
 * present value at the programme's discount factors and the month (from 1) while that is negative, else 0.
 */
function writeBreakEvenMonths(
  sheet: SheetBuilder,
  at: { readonly left: number; readonly headerRow: number },
  calculation: CalculationLayout,
): Table<BreakEvenKey> {
  sheet.label(at.left, at.headerRow - 1, {
    da: "Balancepunkt pr. kommune: hver kontos strøm fra kommunens deltagere pr. programmåned (kr)",
    en: "Break-even per municipality: each account's flow from its participants per programme month (kr)",
  });
  const perMunicipality = calculation.cohortBlocks.flatMap((block, index) =>
    ACCOUNTS.flatMap((account) => breakEvenColumns(calculation, block, index + 1, account)),
  );
  return writeTable<BreakEvenKey>(sheet, {
    left: at.left,
    headerRow: at.headerRow,
    rows: calculation.calendarMonths,
    columns: [
      { key: "m", header: { da: "Programmåned m", en: "Programme month m" }, format: FORMATS.integer },
      {
        key: "discount",
        header: { da: "Diskonteringsfaktor", en: "Discount factor" },
        format: FORMATS.factor,
        formula: (r) => call("INDEX", name("SIB_DiscountFactors"), add(r.at("m"), num(1))),
      },
      ...perMunicipality,
    ],
  });
}

/** Municipality n's flow, cumulative present value and month-if-negative columns of one account. */
function breakEvenColumns(
  calculation: CalculationLayout,
  block: CohortBlock,
  n: number,
  account: Account,
): TableColumn<BreakEvenKey>[] {
  const what = {
    da: `Kommune ${n}, ${ACCOUNT_LABELS[account].da}`,
    en: `Municipality ${n}, ${ACCOUNT_LABELS[account].en}`,
  };
  return [
    {
      key: `flow:${n}:${account}`,
      header: { da: `${what.da}: strøm`, en: `${what.en}: flow` },
      format: FORMATS.kr,
      formula: (r) =>
        call(
          "SUMPRODUCT",
          block.group.participants,
          call(
            "SUMIF",
            block.table.range("t", calculation.sheet),
            sub(r.at("m"), name("SIB_CohortIntakeMonths")),
            block.table.range(FLOW_COLUMN[account], calculation.sheet),
          ),
        ),
    },
    {
      key: `cumulative:${n}:${account}`,
      header: { da: `${what.da}: akk. nutidsværdi`, en: `${what.en}: cum. present value` },
      format: FORMATS.kr,
      formula: (r) =>
        add(r.previous(`cumulative:${n}:${account}`, num(0)), mul(r.at("discount"), r.at(`flow:${n}:${account}`))),
    },
    {
      key: `negative:${n}:${account}`,
      header: { da: `${what.da}: måned hvis negativ`, en: `${what.en}: month if negative` },
      format: FORMATS.integer,
      formula: (r) =>
        ifThen(lt(r.at(`cumulative:${n}:${account}`), num(-BREAK_EVEN_TOLERANCE)), add(r.at("m"), num(1)), num(0)),
    },
  ];
}

/**
 * The break-even month of one account's flows from each municipality's participants, as the whole case's: 1 + the
 * last month its cumulative present value is negative; "none" when still negative at the end (the last intake + the
 * horizon) or every flow is 0.
 */
function breakEvenRow(sheet: SheetBuilder, months: Table<BreakEvenKey>, account: Account): Row {
  const none = text(sheet.text(NO_BREAK_EVEN));
  const end = add(call("MAX", name("SIB_CohortIntakeMonths")), name("SIB_HorizonMonths"));
  return {
    label: {
      da: `Balancepunkt (måned): ${ACCOUNT_LABELS[account].da.toLowerCase()}`,
      en: `Break-even (month): ${ACCOUNT_LABELS[account].en.toLowerCase()}`,
    },
    format: FORMATS.integer,
    total: false,
    name: (n) => municipalityBreakEvenName(n, account),
    formula: (n) => {
      const flow = months.range(`flow:${n}:${account}`);
      const lastNegative = call("MAX", months.range(`negative:${n}:${account}`));
      const allZero = and(eq(call("MAX", flow), num(0)), eq(call("MIN", flow), num(0)));
      return ifThen(allZero, none, ifThen(ge(lastNegative, end), none, add(lastNegative, num(1))));
    },
  };
}

/** Its share of the municipal payments (Payment sheet), in total and present value, and the municipality after them. */
function paymentRows(): Row[] {
  const share = (n: number): Expr => name(municipalityCellName(n, "PaymentShare"));
  const formula = (measure: PaymentMeasure, n: number): Expr => {
    switch (measure) {
      case "Payments":
        return mul(share(n), name("SIB_PayMunicipality"));
      case "PaymentsPV":
        return mul(share(n), name("SIB_PayMunicipalityPV"));
      case "AfterPayments":
        return sub(
          name(municipalityResultName(n, "NPV", "municipality")),
          name(municipalityResultName(n, "PaymentsPV")),
        );
    }
  };
  return PAYMENT_MEASURES.map((measure) => ({
    label: measure.label,
    format: FORMATS.kr,
    total: true,
    name: (n) => municipalityResultName(n, measure.key),
    formula: (n) => formula(measure.key, n),
  }));
}

/**
 * The engine's values of the per-municipality names for workbookNames (src/plan/outputs.ts): none when the scenario
 * lists no municipalities; the payment rows only with a payment schedule (the workbook has a Payment sheet then).
 * @example municipalityNames(herningViborg, null).SIB_Muni2_NPV_Municipality // Viborg's municipal NPV, kr
 */
export function municipalityNames(scenario: Scenario, schedule: PaymentSchedule | null): Record<string, number | null> {
  const municipal = {
    total: schedule?.totals.byPayer.municipality ?? 0,
    presentValue: schedule?.discountedTotals.byPayer.municipality ?? 0,
  };
  const results = Object.values(municipalityResults(scenario, municipal));
  return { ...municipalityNameValues(results, schedule !== null), ...municipalityBreakEvenValues(results) };
}
