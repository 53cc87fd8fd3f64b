import { ACCOUNTS, type Account } from "../engine/businessCase";
import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { absolute, cell, columnRange } from "./address";
import {
  add,
  call,
  div,
  eq,
  ge,
  ifThen,
  lt,
  midMonthDiscountFactor,
  mul,
  name,
  neg,
  num,
  pow,
  ref,
  sub,
  sum,
  type Expr,
} from "./formula";
import type { InputsLayout } from "./inputsSheet";
import { ACCOUNT_LABELS, ACCOUNT_NAME, SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type Language, type SheetPlan } from "./types";

/** Where the Results sheet finds the calendar-month columns of each account. */
export interface CalculationLayout {
  readonly sheet: string;
  /** Number of calendar months (last intake + planned horizon). */
  readonly calendarMonths: number;
}

/** Tolerance of the break-even test, kr (the engine's breakEvenMonth uses the same). */
export const BREAK_EVEN_TOLERANCE = 1e-9;

const STATE_HEADER_ROW = 3;
const MONTH_HEADER_ROW = STATE_HEADER_ROW + OUTCOME_STATES.length + 5;
const CALENDAR_COLUMN = 13;

/**
 * The Calculation sheet, in three blocks (DOMAIN.md b2–b5), all native formulas over the named inputs:
 * 1. per outcome state: effect Δ, annual wage and benefit, taxes (AM, kommuneskat, bundskat), municipal and state
 *    benefit, and the effect-weighted sums Σ Δ·x (named SIB_Eff*);
 * 2. per cohort month t: effect share g(t), benefit week, refusion share, cost, savings per budget holder and the net
 *    flows per participant;
 * 3. per calendar month m: discount factor, the cohorts' total flows per account, cumulative discounted flows and
 *    the break-even helper column.
 */
export function calculationSheet(
  scenario: Scenario,
  language: Language,
  inputs: InputsLayout,
): { plan: SheetPlan; names: SheetBuilder["names"]; layout: CalculationLayout; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(SHEET_NAMES.calculation[language], language);
  const input = (column: string, state: string): Expr => {
    const address = inputs.stateCells[column]?.[state];
    if (address === undefined) throw new Error(`no input cell for ${column}.${state}`);
    return ref(address, inputs.sheet);
  };
  sheet.label(0, 1, { da: "Beregning (alle celler er formler)", en: "Calculation (every cell is a formula)" }, true);

  // --- Block 1: per outcome state (monthly amounts per person, kr) ---
  const stateColumns = [
    { header: { da: "Tilstand", en: "State" } },
    { header: { da: "Effekt Δ (andel)", en: "Effect Δ (share)" } },
    { header: { da: "Løn, kr/år", en: "Wage, kr/year" } },
    { header: { da: "Ydelse, kr/år", en: "Benefit, kr/year" } },
    { header: { da: "AM-bidrag, kr/år", en: "AM contribution, kr/year" } },
    { header: { da: "Personlig indkomst, kr/år", en: "Personal income, kr/year" } },
    { header: { da: "Beskæftigelsesfradrag", en: "Employment allowance" } },
    { header: { da: "Jobfradrag", en: "Job allowance" } },
    { header: { da: "Skattepligtig indkomst", en: "Taxable income" } },
    { header: { da: "Kommuneskat, kr/md.", en: "Municipal tax, kr/month" } },
    { header: { da: "Bundskat, kr/md.", en: "Bottom tax, kr/month" } },
    { header: { da: "AM-bidrag, kr/md.", en: "AM contribution, kr/month" } },
    { header: { da: "Kommunal ydelse, kr/md.", en: "Municipal benefit, kr/month" } },
    { header: { da: "Statslig ydelse, kr/md.", en: "State benefit, kr/month" } },
    { header: { da: "Sundhedsudgift, kr/md.", en: "Health cost, kr/month" } },
    { header: { da: "Løn, kr/md.", en: "Wage, kr/month" } },
  ];
  sheet.label(
    0,
    STATE_HEADER_ROW - 1,
    { da: "1. Pr. udfaldstilstand (pr. person)", en: "1. Per outcome state (per person)" },
    true,
  );
  stateColumns.forEach((column, index) => sheet.label(index, STATE_HEADER_ROW, column.header, true));
  const firstStateRow = STATE_HEADER_ROW + 1;
  OUTCOME_STATES.forEach((state, index) => {
    const row = firstStateRow + index;
    const at = (column: number): Expr => ref(cell(column, row));
    const kr = FORMATS.kr;
    sheet.label(0, row, STATE_LABELS[state]);
    sheet.formula(
      1,
      row,
      sub(input("SIB_ParticipantShares", state), input("SIB_ComparisonShares", state)),
      "calculation",
      FORMATS.share,
    );
    sheet.formula(2, row, mul(num(12), input("SIB_Wages", state)), "calculation", kr);
    sheet.formula(3, row, mul(num(12), input("SIB_Benefits", state)), "calculation", kr);
    sheet.formula(4, row, mul(name("SIB_LabourMarketContributionRate"), at(2)), "calculation", kr);
    sheet.formula(5, row, add(sub(at(2), at(4)), at(3)), "calculation", kr);
    sheet.formula(
      6,
      row,
      call("MIN", mul(name("SIB_EmploymentAllowanceRate"), at(2)), name("SIB_EmploymentAllowanceMax")),
      "calculation",
      kr,
    );
    sheet.formula(
      7,
      row,
      call(
        "MIN",
        mul(name("SIB_JobAllowanceRate"), call("MAX", num(0), sub(at(2), name("SIB_JobAllowanceFloor")))),
        name("SIB_JobAllowanceMax"),
      ),
      "calculation",
      kr,
    );
    sheet.formula(8, row, sub(sub(at(5), at(6)), at(7)), "calculation", kr);
    sheet.formula(
      9,
      row,
      div(mul(name("SIB_MunicipalTaxRate"), call("MAX", num(0), sub(at(8), name("SIB_PersonalAllowance")))), num(12)),
      "calculation",
      kr,
    );
    sheet.formula(
      10,
      row,
      div(mul(name("SIB_BottomTaxRate"), call("MAX", num(0), sub(at(5), name("SIB_PersonalAllowance")))), num(12)),
      "calculation",
      kr,
    );
    sheet.formula(11, row, div(at(4), num(12)), "calculation", kr);
    sheet.formula(
      12,
      row,
      ifThen(eq(input("SIB_BenefitPaidByMunicipality", state), num(1)), input("SIB_Benefits", state), num(0)),
      "calculation",
      kr,
    );
    sheet.formula(13, row, sub(input("SIB_Benefits", state), at(12)), "calculation", kr);
    sheet.formula(14, row, input("SIB_HealthCosts", state), "calculation", kr);
    sheet.formula(15, row, input("SIB_Wages", state), "calculation", kr);
  });
  const lastStateRow = firstStateRow + OUTCOME_STATES.length - 1;
  const sumsRow = lastStateRow + 1;
  sheet.label(
    0,
    sumsRow,
    { da: "Σ Δ × beløb (kr/md. pr. deltager)", en: "Σ Δ × amount (kr/month per participant)" },
    true,
  );
  const effectColumn = ref(columnRange(1, firstStateRow, lastStateRow));
  const weighted: [number, string, string][] = [
    [9, "SIB_EffMunicipalTax", "Σ Δ·kommuneskat (kr/month)"],
    [10, "SIB_EffBottomTax", "Σ Δ·bundskat (kr/month)"],
    [11, "SIB_EffLabourMarketContribution", "Σ Δ·AM-bidrag (kr/month)"],
    [12, "SIB_EffMunicipalBenefit", "Σ Δ·municipal benefit (kr/month)"],
    [13, "SIB_EffStateBenefit", "Σ Δ·state benefit (kr/month)"],
    [14, "SIB_EffHealthCost", "Σ Δ·health cost (kr/month)"],
    [15, "SIB_EffWage", "Σ Δ·gross wage (kr/month)"],
  ];
  for (const [column, definedName, description] of weighted) {
    sheet.formula(
      column,
      sumsRow,
      call("SUMPRODUCT", effectColumn, ref(columnRange(column, firstStateRow, lastStateRow))),
      "calculation",
      FORMATS.krDecimals,
    );
    sheet.nameCell(definedName, column, sumsRow, "calculation", description);
  }

  // --- Block 2: per cohort month t (per participant) ---
  const horizon = scenario.horizonMonths;
  const monthColumns: { header: { da: string; en: string } }[] = [
    { header: { da: "Kohortemåned t", en: "Cohort month t" } },
    { header: { da: "Effektandel g(t)", en: "Effect share g(t)" } },
    { header: { da: "Ydelsesuge", en: "Benefit week" } },
    { header: { da: "Refusion r(t)", en: "Refusion r(t)" } },
    { header: { da: "Omkostning, kr", en: "Cost, kr" } },
    { header: { da: "Besparelse kommune", en: "Saving municipality" } },
    { header: { da: "Besparelse stat", en: "Saving state" } },
    { header: { da: "Besparelse region", en: "Saving region" } },
    { header: { da: "Øvrige kommuner", en: "Other municipalities" } },
    { header: { da: "Netto kommune", en: "Net municipality" } },
    { header: { da: "Netto offentlig", en: "Net public" } },
    { header: { da: "Samfundsøkonomi", en: "Socio-economic" } },
  ];
  sheet.label(
    0,
    MONTH_HEADER_ROW - 1,
    { da: "2. Pr. kohortemåned, kr pr. deltager", en: "2. Per cohort month, kr per participant" },
    true,
  );
  monthColumns.forEach((column, index) => sheet.label(index, MONTH_HEADER_ROW, column.header, true));
  const firstMonthRow = MONTH_HEADER_ROW + 1;
  for (let t = 0; t < horizon; t++) {
    const row = firstMonthRow + t;
    const at = (column: number): Expr => ref(cell(column, row));
    const inHorizon = (value: Expr): Expr => ifThen(lt(at(0), name("SIB_HorizonMonths")), value, num(0));
    sheet.input(0, row, t, FORMATS.integer);
    const measurement = name("SIB_MeasurementMonth");
    sheet.formula(
      1,
      row,
      inHorizon(
        ifThen(
          lt(at(0), measurement),
          div(add(at(0), num(1)), measurement),
          // ρ^(t−M), written so ρ = 0 gives 1 at t = M (Excel's 0^0 is an error).
          ifThen(eq(at(0), measurement), num(1), pow(name("SIB_Persistence"), sub(at(0), measurement))),
        ),
      ),
      "calculation",
      FORMATS.factor,
    );
    sheet.formula(
      2,
      row,
      add(add(name("SIB_WeeksOnBenefitAtIntake"), mul(div(num(52), num(12)), at(0))), num(1)),
      "calculation",
      FORMATS.factor,
    );
    sheet.formula(
      3,
      row,
      call("INDEX", name("SIB_RefusionShare"), call("MATCH", at(2), name("SIB_RefusionFromWeek"), num(1))),
      "calculation",
      FORMATS.percent,
    );
    const spread = ifThen(
      lt(at(0), name("SIB_InterventionMonths")),
      div(name("SIB_CostPerParticipant"), name("SIB_InterventionMonths")),
      num(0),
    );
    const upfront = ifThen(eq(at(0), num(0)), name("SIB_CostPerParticipant"), num(0));
    sheet.formula(
      4,
      row,
      inHorizon(ifThen(eq(name("SIB_CostUpfront"), num(1)), upfront, spread)),
      "calculation",
      FORMATS.kr,
    );
    const g = at(1);
    const r = at(3);
    const retained = sub(num(1), name("SIB_EqualisationShare"));
    sheet.formula(
      5,
      row,
      mul(
        g,
        add(neg(mul(sub(num(1), r), name("SIB_EffMunicipalBenefit"))), mul(retained, name("SIB_EffMunicipalTax"))),
      ),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(
      6,
      row,
      mul(
        g,
        add(
          add(neg(add(mul(r, name("SIB_EffMunicipalBenefit")), name("SIB_EffStateBenefit"))), name("SIB_EffBottomTax")),
          name("SIB_EffLabourMarketContribution"),
        ),
      ),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(7, row, mul(g, neg(name("SIB_EffHealthCost"))), "calculation", FORMATS.kr);
    sheet.formula(
      8,
      row,
      mul(g, mul(name("SIB_EqualisationShare"), name("SIB_EffMunicipalTax"))),
      "calculation",
      FORMATS.kr,
    );
    sheet.formula(9, row, sub(at(5), at(4)), "calculation", FORMATS.kr);
    const publicSaving = sum(at(5), at(6), at(7), at(8));
    sheet.formula(10, row, sub(publicSaving, at(4)), "calculation", FORMATS.kr);
    const production = mul(mul(name("SIB_EmployerCostFactor"), name("SIB_EffWage")), g);
    const health = mul(neg(name("SIB_EffHealthCost")), g);
    sheet.formula(
      11,
      row,
      add(
        mul(name("SIB_NetTaxFactor"), sub(add(production, health), at(4))),
        mul(sub(name("SIB_DistortionFactor"), num(1)), sub(publicSaving, at(4))),
      ),
      "calculation",
      FORMATS.kr,
    );
  }
  const lastMonthRow = firstMonthRow + horizon - 1;
  /** Column of the per-participant flow of each account in block 2 (cost: column 4). */
  const flowColumn: Readonly<Record<Account, number>> = {
    municipality: 9,
    state: 6,
    region: 7,
    otherMunicipalities: 8,
    public: 10,
    socioEconomic: 11,
  };

  // --- Block 3: per calendar month m (all cohorts) ---
  const lastIntake = Math.max(...scenario.cohorts.map((cohort) => cohort.intakeMonth));
  const calendarMonths = lastIntake + horizon;
  const c = CALENDAR_COLUMN;
  const totalColumn = (account: Account): number => c + 2 + ACCOUNTS.indexOf(account);
  const costColumn = c + 2 + ACCOUNTS.length;
  const cumulativeColumn = (account: Account): number => costColumn + 1 + ACCOUNTS.indexOf(account);
  const negativeColumn = (account: Account): number => costColumn + 1 + ACCOUNTS.length + ACCOUNTS.indexOf(account);
  sheet.label(
    c,
    MONTH_HEADER_ROW - 1,
    { da: "3. Pr. programmåned, alle kohorter, kr", en: "3. Per programme month, all cohorts, kr" },
    true,
  );
  sheet.label(c, MONTH_HEADER_ROW, { da: "Programmåned m", en: "Programme month m" }, true);
  sheet.label(c + 1, MONTH_HEADER_ROW, { da: "Diskonteringsfaktor", en: "Discount factor" }, true);
  for (const account of ACCOUNTS) {
    const label = sheet.text(ACCOUNT_LABELS[account]);
    sheet.label(totalColumn(account), MONTH_HEADER_ROW, label);
    sheet.label(
      cumulativeColumn(account),
      MONTH_HEADER_ROW,
      `${label}: ${sheet.text({ da: "akk. nutidsværdi", en: "cum. present value" })}`,
    );
    sheet.label(
      negativeColumn(account),
      MONTH_HEADER_ROW,
      `${label}: ${sheet.text({ da: "måned hvis negativ", en: "month if negative" })}`,
    );
  }
  sheet.label(costColumn, MONTH_HEADER_ROW, { da: "Omkostning i alt", en: "Total cost" });
  for (let m = 0; m < calendarMonths; m++) {
    const row = firstMonthRow + m;
    const month = ref(cell(c, row));
    sheet.input(c, row, m, FORMATS.integer);
    sheet.formula(c + 1, row, midMonthDiscountFactor(month), "calculation", FORMATS.factor);
    const cohortTotal = (column: number): Expr =>
      sum(
        ...inputs.cohorts.map((cohort) => {
          const age = sub(month, ref(cohort.intakeMonth, inputs.sheet));
          const clamped = call("MAX", num(1), call("MIN", num(horizon), add(age, num(1))));
          const flow = call("INDEX", ref(columnRange(column, firstMonthRow, lastMonthRow)), clamped);
          return ifThen(
            call("AND", ge(age, num(0)), lt(age, num(horizon))),
            mul(ref(cohort.participants, inputs.sheet), flow),
            num(0),
          );
        }),
      );
    for (const account of ACCOUNTS) {
      sheet.formula(totalColumn(account), row, cohortTotal(flowColumn[account]), "calculation", FORMATS.kr);
      const discounted = mul(ref(cell(c + 1, row)), ref(cell(totalColumn(account), row)));
      const previous = m === 0 ? discounted : add(ref(cell(cumulativeColumn(account), row - 1)), discounted);
      sheet.formula(cumulativeColumn(account), row, previous, "calculation", FORMATS.kr);
      sheet.formula(
        negativeColumn(account),
        row,
        ifThen(lt(ref(cell(cumulativeColumn(account), row)), num(-BREAK_EVEN_TOLERANCE)), add(month, num(1)), num(0)),
        "calculation",
        FORMATS.integer,
      );
    }
    sheet.formula(costColumn, row, cohortTotal(4), "calculation", FORMATS.kr);
  }
  const lastCalendarRow = firstMonthRow + calendarMonths - 1;
  sheet.nameColumn(
    "SIB_DiscountFactors",
    c + 1,
    firstMonthRow,
    lastCalendarRow,
    "calculation",
    "Discount factor per programme month (mid-month)",
  );
  sheet.nameColumn(
    "SIB_TotalCost",
    costColumn,
    firstMonthRow,
    lastCalendarRow,
    "calculation",
    "Intervention cost of all cohorts per programme month (kr)",
  );
  for (const account of ACCOUNTS) {
    const suffix = ACCOUNT_NAME[account];
    sheet.nameColumn(
      `SIB_Flow_${suffix}`,
      totalColumn(account),
      firstMonthRow,
      lastCalendarRow,
      "calculation",
      `Net flow of all cohorts per programme month, ${account} (kr)`,
    );
    sheet.nameColumn(
      `SIB_NegativeMonth_${suffix}`,
      negativeColumn(account),
      firstMonthRow,
      lastCalendarRow,
      "calculation",
      `Programme month (1-based) where the cumulative discounted flow of ${account} is negative, else 0`,
    );
  }
  const widths = Array.from({ length: negativeColumn("socioEconomic") + 1 }, (_, index) => (index === 0 ? 34 : 14));
  const cumulativeChart: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: cell(negativeColumn("socioEconomic") + 2, MONTH_HEADER_ROW),
    type: "line",
    title: sheet.text({
      da: "Akkumuleret nettoresultat (nutidsværdi) pr. budgetholder, kr",
      en: "Cumulative net position (present value) per budget holder, kr",
    }),
    dataSheet: sheet.sheetName,
    data: `${absolute(cumulativeColumn(ACCOUNTS[0]), MONTH_HEADER_ROW)}:${absolute(cumulativeColumn("socioEconomic"), lastCalendarRow)}`,
    categories: columnRange(c, firstMonthRow, lastCalendarRow),
  };
  return {
    plan: sheet.build(widths),
    names: sheet.names,
    layout: { sheet: sheet.sheetName, calendarMonths },
    charts: [cumulativeChart],
  };
}
