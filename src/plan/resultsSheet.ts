import { ACCOUNTS } from "../engine/businessCase";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { absolute, cell, columnRange } from "./address";
import { guarded, writeChecks, type CheckSpec } from "./blocks/checks";
import { add, and, call, div, eq, ge, ifThen, mul, name, num, ref, text, type Expr } from "./formula";
import type { CalculationLayout } from "./calculationSheet";
import { STATE_COLUMN } from "./calculation/stateBlock";
import { writeAttributionBlock } from "./results/attributionBlock";
import { writeMunicipalityResults } from "./results/municipalityBlock";
import { ACCOUNT_LABELS, ACCOUNT_NAME, NO_BREAK_EVEN, SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type SheetPlan } from "./types";

/** Output names per account: NPV (total and per participant), undiscounted sums and the break-even month. */
export const ACCOUNT_OUTPUTS = [
  { prefix: "SIB_NPV_", label: { da: "Nutidsværdi i alt", en: "NPV, all participants" }, format: FORMATS.kr },
  {
    prefix: "SIB_NPVPerParticipant_",
    label: { da: "Nutidsværdi pr. deltager", en: "NPV per participant" },
    format: FORMATS.kr,
  },
  {
    prefix: "SIB_Undiscounted_",
    label: { da: "Udiskonteret i alt", en: "Undiscounted, all participants" },
    format: FORMATS.kr,
  },
  {
    prefix: "SIB_UndiscountedPerParticipant_",
    label: { da: "Udiskonteret pr. deltager", en: "Undiscounted per participant" },
    format: FORMATS.kr,
  },
  {
    prefix: "SIB_BreakEven_",
    label: { da: "Balancepunkt (måned)", en: "Break-even (month)" },
    format: FORMATS.integer,
  },
] as const;

const STATUS_ROW = 3;
const PARTICIPANTS_ROW = 6;
const HEADER_ROW = 8;

/**
 * The Results sheet: the model's status first (OK or the first failing input check, SIB_Status), then per account
 * (kommune, stat, region, øvrige kommuner, offentlig sektor i alt, samfundsøkonomi) the NPV in total and per
 * participant, the undiscounted sums and the break-even month ("ingen"/"none" when not reached), the number of
 * participants and the effect per outcome state in percentage points, and the Checks block. Every result has a defined
 * name and shows the status message instead of a number when a check fails.
 */
export function resultsSheet(
  language: Language,
  deps: {
    readonly calculation: CalculationLayout;
    readonly parameterYear: number;
    /** Whether the workbook has a Payment sheet (the municipalities' shares of the payments are shown then). */
    readonly withPayments?: boolean;
  },
  checks: readonly CheckSpec[],
): { plan: SheetPlan; names: SheetBuilder["names"]; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(SHEET_NAMES.results[language], language);
  sheet.label(0, 1, { da: "Resultater", en: "Results" }, true);
  sheet.label(0, 2, {
    da: "Positivt = nettogevinst. Indsatsens omkostning bæres af kommunen (omkostninger før indtægter). Nutidsværdier diskonteret til programstart midt i måneden.",
    en: "Positive = net gain. The cost of the effort is borne by the municipality (costs before income). Present values discounted to the programme start at mid-month.",
  });
  sheet.label(0, PARTICIPANTS_ROW, { da: "Deltagere i alt", en: "Participants in total" });
  sheet.formula(1, PARTICIPANTS_ROW, guarded(call("SUM", name("SIB_CohortParticipants"))), "output", FORMATS.integer);
  sheet.nameCell("SIB_TotalParticipants", 1, PARTICIPANTS_ROW, "output", {
    da: "Deltagere i alle kohorter (personer)",
    en: "Participants in all cohorts (people)",
  });
  writeAccountTable(sheet);
  const effectBottom = writeEffects(sheet, deps.calculation, HEADER_ROW + ACCOUNTS.length + 3);
  const attribution = writeAttributionBlock(sheet, effectBottom + 2, deps);
  const bottom =
    deps.calculation.municipalities === 0
      ? attribution.bottom
      : writeMunicipalityResults(sheet, attribution.bottom + 2, {
          calculation: deps.calculation,
          withPayments: deps.withPayments === true,
        });
  writeChecks(sheet, {
    status: { left: 0, top: STATUS_ROW },
    table: { left: 0, headerRow: bottom + 2 },
    checks,
  });
  return {
    plan: sheet.build([44, 18, 20, 20, 22, 18, 18]),
    names: sheet.names,
    charts: [splitChart(sheet), attribution.chart],
  };
}

/** Break-even month: 1 + the last month the cumulative present value is negative; "none" when it is negative at the end
 * (the last intake + the horizon) or every flow is 0, as the engine's breakEvenMonth. */
function breakEven(sheet: SheetBuilder, suffix: string): Expr {
  const flow = name(`SIB_Flow_${suffix}`);
  const none = text(sheet.text(NO_BREAK_EVEN));
  const lastNegative = call("MAX", name(`SIB_NegativeMonth_${suffix}`));
  const allZero = and(eq(call("MAX", flow), num(0)), eq(call("MIN", flow), num(0)));
  const months = add(call("MAX", name("SIB_CohortIntakeMonths")), name("SIB_HorizonMonths"));
  return ifThen(allZero, none, ifThen(ge(lastNegative, months), none, add(lastNegative, num(1))));
}

function writeAccountTable(sheet: SheetBuilder): void {
  sheet.label(0, HEADER_ROW, { da: "Aktør", en: "Budget holder" }, true);
  ACCOUNT_OUTPUTS.forEach((output, index) => sheet.label(1 + index, HEADER_ROW, output.label, true));
  ACCOUNTS.forEach((account, index) => {
    const row = HEADER_ROW + 1 + index;
    const suffix = ACCOUNT_NAME[account];
    const flow = name(`SIB_Flow_${suffix}`);
    const formulas: readonly Expr[] = [
      call("SUMPRODUCT", name("SIB_DiscountFactors"), flow),
      div(name(`SIB_NPV_${suffix}`), name("SIB_TotalParticipants")),
      call("SUM", flow),
      div(name(`SIB_Undiscounted_${suffix}`), name("SIB_TotalParticipants")),
      breakEven(sheet, suffix),
    ];
    sheet.label(0, row, ACCOUNT_LABELS[account]);
    ACCOUNT_OUTPUTS.forEach((output, column) => {
      const formula = formulas[column];
      if (formula === undefined) throw new Error("missing output formula");
      sheet.formula(1 + column, row, guarded(formula), "output", output.format);
      sheet.nameCell(`${output.prefix}${suffix}`, 1 + column, row, "output", {
        da: `${output.label.da}: ${ACCOUNT_LABELS[account].da.toLowerCase()}`,
        en: `${output.label.en}: ${ACCOUNT_LABELS[account].en.toLowerCase()}`,
      });
    });
  });
}

/**
 * The effect per outcome state in percentage points: 100 × Δ, Δ = effective participant share (after neutralisation)
 * − comparison share, from the Calculation sheet.
 */
function writeEffects(sheet: SheetBuilder, calculation: CalculationLayout, top: number): number {
  sheet.label(
    0,
    top,
    { da: "Effekt ved målemåneden (procentpoint)", en: "Effect at the measurement month (percentage points)" },
    true,
  );
  OUTCOME_STATES.forEach((state, index) => {
    const row = top + 1 + index;
    const effect = absolute(STATE_COLUMN.effect, calculation.states.firstRow + index);
    sheet.label(0, row, STATE_LABELS[state]);
    const points = mul(num(100), ref(effect, calculation.sheet));
    sheet.formula(1, row, guarded(points), "output", FORMATS.krDecimals);
    sheet.nameCell(`SIB_EffectPP_${state}`, 1, row, "output", {
      da: `Effekt på ${STATE_LABELS[state].da.toLowerCase()} ved målemåneden (procentpoint)`,
      en: `Effect on ${STATE_LABELS[state].en.toLowerCase()} at the measurement month (percentage points)`,
    });
  });
  return top + OUTCOME_STATES.length;
}

function splitChart(sheet: SheetBuilder): ChartPlan {
  const lastAccountRow = HEADER_ROW + ACCOUNTS.length;
  return {
    sheet: sheet.sheetName,
    anchor: cell(7, 3),
    type: "columnClustered",
    title: sheet.text({ da: "Nutidsværdi pr. deltager pr. aktør, kr", en: "NPV per participant by budget holder, kr" }),
    dataSheet: sheet.sheetName,
    data: columnRange(2, HEADER_ROW, lastAccountRow),
    categories: columnRange(0, HEADER_ROW + 1, lastAccountRow),
  };
}
