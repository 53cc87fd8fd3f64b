import { ACCOUNTS } from "../engine/businessCase";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { cell, columnRange } from "./address";
import { add, call, div, eq, ge, ifThen, mul, name, num, ref, sub, text, type Expr } from "./formula";
import type { CalculationLayout } from "./calculationSheet";
import type { InputsLayout } from "./inputsSheet";
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

/**
 * The Results sheet: per account (kommune, stat, region, øvrige kommuner, offentlig i alt, samfundsøkonomi) the NPV in
 * total and per participant, the undiscounted sums and the break-even month ("ingen"/"none" when not reached), plus
 * the number of participants and the effect per outcome state in percentage points. Every result has a defined name.
 */
export function resultsSheet(
  language: Language,
  inputs: InputsLayout,
  calculation: CalculationLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(SHEET_NAMES.results[language], language);
  sheet.label(0, 1, { da: "Resultater", en: "Results" }, true);
  sheet.label(0, 2, {
    da: "Positivt = nettogevinst. Indsatsens omkostning bæres af kommunen (omkostninger før indtægter). Nutidsværdier diskonteret til programstart midt i måneden.",
    en: "Positive = net gain. The cost of the effort is borne by the municipality (costs before income). Present values discounted to the programme start at mid-month.",
  });
  sheet.label(0, 4, { da: "Deltagere i alt", en: "Participants in total" });
  sheet.formula(1, 4, call("SUM", name("SIB_CohortParticipants")), "output", FORMATS.integer);
  sheet.nameCell("SIB_TotalParticipants", 1, 4, "output", "Participants in all cohorts (people)");

  const headerRow = 7;
  sheet.label(0, headerRow, { da: "Budgetholder", en: "Budget holder" }, true);
  ACCOUNT_OUTPUTS.forEach((output, index) => sheet.label(1 + index, headerRow, output.label, true));
  const months = calculation.calendarMonths;
  const none = text(sheet.text(NO_BREAK_EVEN));
  ACCOUNTS.forEach((account, index) => {
    const row = headerRow + 1 + index;
    const suffix = ACCOUNT_NAME[account];
    const flow = name(`SIB_Flow_${suffix}`);
    const npv = call("SUMPRODUCT", name("SIB_DiscountFactors"), flow);
    const undiscounted = call("SUM", flow);
    const lastNegative = call("MAX", name(`SIB_NegativeMonth_${suffix}`));
    const allZero = call("AND", eq(call("MAX", flow), num(0)), eq(call("MIN", flow), num(0)));
    const breakEven: Expr = ifThen(
      allZero,
      none,
      ifThen(ge(lastNegative, num(months)), none, add(lastNegative, num(1))),
    );
    const formulas: Expr[] = [
      npv,
      div(name(`SIB_NPV_${suffix}`), name("SIB_TotalParticipants")),
      undiscounted,
      div(name(`SIB_Undiscounted_${suffix}`), name("SIB_TotalParticipants")),
      breakEven,
    ];
    sheet.label(0, row, ACCOUNT_LABELS[account]);
    ACCOUNT_OUTPUTS.forEach((output, column) => {
      const formula = formulas[column];
      if (formula === undefined) throw new Error("missing output formula");
      sheet.formula(1 + column, row, formula, "output", output.format);
      sheet.nameCell(`${output.prefix}${suffix}`, 1 + column, row, "output", `${sheet.text(output.label)}: ${account}`);
    });
  });

  const effectRow = headerRow + ACCOUNTS.length + 3;
  sheet.label(
    0,
    effectRow,
    { da: "Effekt ved målemåneden (procentpoint)", en: "Effect at the measurement month (percentage points)" },
    true,
  );
  OUTCOME_STATES.forEach((state, index) => {
    const row = effectRow + 1 + index;
    const participant = inputs.stateCells["SIB_ParticipantShares"]?.[state];
    const comparison = inputs.stateCells["SIB_ComparisonShares"]?.[state];
    if (participant === undefined || comparison === undefined) throw new Error(`no share cells for ${state}`);
    sheet.label(0, row, STATE_LABELS[state]);
    sheet.formula(
      1,
      row,
      mul(num(100), sub(ref(participant, inputs.sheet), ref(comparison, inputs.sheet))),
      "output",
      FORMATS.krDecimals,
    );
    sheet.nameCell(
      `SIB_EffectPP_${state}`,
      1,
      row,
      "output",
      `Effect on ${state} at the measurement month (percentage points)`,
    );
  });
  const firstAccountRow = headerRow + 1;
  const lastAccountRow = headerRow + ACCOUNTS.length;
  const split: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: cell(7, 3),
    type: "columnClustered",
    title: sheet.text({
      da: "Nutidsværdi pr. deltager pr. budgetholder, kr",
      en: "NPV per participant by budget holder, kr",
    }),
    dataSheet: sheet.sheetName,
    data: columnRange(2, headerRow, lastAccountRow),
    categories: columnRange(0, firstAccountRow, lastAccountRow),
  };
  return { plan: sheet.build([36, 18, 20, 20, 22, 18]), names: sheet.names, charts: [split] };
}
