import { RULES } from "../../engine/rules";
import { absolute } from "../address";
import { guarded } from "../blocks/checks";
import { writeTable, type RowScope, type Table, type TableColumn } from "../blocks/table";
import {
  add,
  and,
  call,
  div,
  eq,
  ge,
  ifThen,
  le,
  lt,
  midMonthDiscountFactor,
  mul,
  name,
  neg,
  num,
  pow,
  ref,
  sub,
  text,
} from "../formula";
import type { SheetBuilder } from "../sheetBuilder";
import { FORMATS, type InputValidation, type Language } from "../types";

/** Horizons of the grid's columns (months); the middle column is the model's own horizon (SIB_HorizonMonths). */
export const GRID_HORIZONS = [24, 36, null, 72, 120] as const;
/** Monthly persistence of the grid's rows; the first row is the model's own (SIB_Persistence). */
export const GRID_PERSISTENCE = [null, 0.9, 0.95, 0.98, 0.99, 1] as const;
/** Rows of the per-cohort-month helper table: at least the longest default horizon. */
export const GRID_MIN_MONTHS = 120;

type HelperKey = "t" | "weight" | "saving" | "cost" | `g:${number}`;

const HORIZON_VALIDATION: Readonly<Record<Language, InputValidation>> = {
  da: {
    rule: { kind: "whole", min: RULES.horizon.min, max: RULES.horizon.max },
    title: "Tilladte værdier",
    prompt: `Et helt antal måneder fra ${RULES.horizon.min} til ${RULES.horizon.max}.`,
    error: `Værdien er ikke tilladt: horisonten skal være et helt antal måneder fra ${RULES.horizon.min} til ${RULES.horizon.max}.`,
  },
  en: {
    rule: { kind: "whole", min: RULES.horizon.min, max: RULES.horizon.max },
    title: "Allowed values",
    prompt: `A whole number of months from ${RULES.horizon.min} to ${RULES.horizon.max}.`,
    error: `This value is not allowed: the horizon must be a whole number of months from ${RULES.horizon.min} to ${RULES.horizon.max}.`,
  },
};

const PERSISTENCE_VALIDATION: Readonly<Record<Language, InputValidation>> = {
  da: {
    rule: { kind: "decimal", min: RULES.persistence.min, max: RULES.persistence.max },
    title: "Tilladte værdier",
    prompt: "En månedlig fastholdelse fra 0 % til 100 % (100 % = intet fald).",
    error: "Værdien er ikke tilladt: fastholdelsen skal være fra 0 % til 100 %.",
  },
  en: {
    rule: { kind: "decimal", min: RULES.persistence.min, max: RULES.persistence.max },
    title: "Allowed values",
    prompt: "A monthly persistence from 0 % to 100 % (100 % = no decay).",
    error: "This value is not allowed: the persistence must be from 0 % to 100 %.",
  },
};

/**
 * The horizon × persistence grid (issue 11 item 7): the municipality's NPV per participant (kr) for other horizons T
 * (columns) and monthly persistence ρ (rows), as live formulas. The municipality's flow per participant in cohort
 * month t is S(t) × g_ρ(t) − K(t), with S(t) its saving at the full measured effect (DOMAIN b3: the municipal benefit
 * after refusion and the kept municipal tax), g_ρ(t) = (t + 1)/M before the measurement month M, then ρ^(t − M), and
 * K(t) the cost; so
 *   NPV(T, ρ) per participant = Σ_{t < T} W(t) × (S(t) × g_ρ(t) − K(t)) / N,  W(t) = Σ_cohorts n_c × DF(intake_c + t),
 * with DF the mid-month discount factor. A helper table right of the grids holds t, W, S, K and one g_ρ column per
 * row of the grid; each grid cell is one SUMPRODUCT. The horizons and persistences are inputs; a horizon shorter
 * than the measurement month or the effort, or longer than the helper table, shows why instead of a number.
 * The grid equals the engine re-run with that horizon and persistence (test/plan/sensitivityPlan.test.ts).
 */
export function writeHorizonGrid(
  sheet: SheetBuilder,
  at: { readonly top: number; readonly helperLeft: number; readonly helperHeaderRow: number },
  months: number,
): { bottom: number } {
  const { top } = at;
  sheet.label(
    0,
    top,
    {
      da: "Kommunen: nutidsværdi pr. deltager (kr) ved anden horisont og fastholdelse",
      en: "Municipality: NPV per participant (kr) for other horizons and persistence",
    },
    true,
  );
  const headRow = top + 1;
  sheet.label(0, headRow, {
    da: "Fastholdelse pr. måned \\ horisont (måneder)",
    en: "Persistence a month \\ horizon (months)",
  });
  GRID_HORIZONS.forEach((horizon, j) => {
    if (horizon === null) sheet.formula(1 + j, headRow, name("SIB_HorizonMonths"), "calculation", FORMATS.integer);
    else sheet.input(1 + j, headRow, horizon, FORMATS.integer, HORIZON_VALIDATION[sheet.language]);
  });
  const firstRow = headRow + 1;
  GRID_PERSISTENCE.forEach((persistence, i) => {
    if (persistence === null) sheet.formula(0, firstRow + i, name("SIB_Persistence"), "calculation", FORMATS.percent);
    else sheet.input(0, firstRow + i, persistence, FORMATS.percent, PERSISTENCE_VALIDATION[sheet.language]);
  });
  const helper = writeHelper(sheet, at, months, firstRow);
  const outside = text(
    sheet.text({
      da: `uden for: horisonten skal være mindst målemåneden og indsatsens varighed og højst ${months} måneder`,
      en: `outside: the horizon must be at least the measurement month and the effort's duration and at most ${months} months`,
    }),
  );
  GRID_PERSISTENCE.forEach((_, i) => {
    GRID_HORIZONS.forEach((__, j) => {
      const horizon = ref(absolute(1 + j, headRow));
      const flows = sub(mul(helper.range("saving"), helper.range(`g:${i}`)), helper.range("cost"));
      const npv = div(
        call("SUMPRODUCT", mul(mul(lt(helper.range("t"), horizon), helper.range("weight")), flows)),
        name("SIB_TotalParticipants"),
      );
      const valid = and(
        ge(horizon, name("SIB_MeasurementMonth")),
        ge(horizon, name("SIB_InterventionMonths")),
        le(horizon, call("ROWS", helper.range("t"))),
      );
      sheet.formula(1 + j, firstRow + i, guarded(ifThen(valid, npv, outside)), "output", FORMATS.kr);
    });
  });
  const lastRow = firstRow + GRID_PERSISTENCE.length - 1;
  sheet.names.push({
    name: "SIB_SensHorizonPersistence",
    sheet: sheet.sheetName,
    reference: `${absolute(1, firstRow)}:${absolute(GRID_HORIZONS.length, lastRow)}`,
    role: "output",
    description: sheet.text({
      da: "Kommunen: nutidsværdi pr. deltager (kr): rækker = fastholdelse pr. måned, kolonner = horisont",
      en: "Municipality: NPV per participant (kr): rows = persistence a month, columns = horizon",
    }),
  });
  return { bottom: lastRow };
}

/** The helper table: per cohort month t the cohort weight W(t), the saving S(t), the cost K(t) and g_ρ(t) per row. */
function writeHelper(
  sheet: SheetBuilder,
  at: { readonly helperLeft: number; readonly helperHeaderRow: number },
  months: number,
  gridFirstRow: number,
): Table<HelperKey> {
  sheet.label(
    at.helperLeft,
    at.helperHeaderRow - 1,
    {
      da: "Hjælpetabel til horisont × fastholdelse: pr. kohortemåned t (kr pr. deltager)",
      en: "Helper table for horizon × persistence: per cohort month t (kr per participant)",
    },
    true,
  );
  const measurement = name("SIB_MeasurementMonth");
  const weeksPerMonth = div(num(52), num(12));
  const columns: TableColumn<HelperKey>[] = [
    { key: "t", header: { da: "Kohortemåned t", en: "Cohort month t" }, format: FORMATS.integer },
    {
      key: "weight",
      header: { da: "Deltagere × diskonteringsfaktor W(t)", en: "Participants × discount factor W(t)" },
      format: FORMATS.factor,
      formula: (r) =>
        call(
          "SUMPRODUCT",
          name("SIB_CohortParticipants"),
          midMonthDiscountFactor(add(name("SIB_CohortIntakeMonths"), r.at("t"))),
        ),
    },
    {
      key: "saving",
      header: { da: "Kommunens besparelse ved fuld effekt S(t)", en: "Municipal saving at full effect S(t)" },
      format: FORMATS.kr,
      formula: (r) => {
        const week = add(add(name("SIB_WeeksOnBenefitAtIntake"), mul(weeksPerMonth, r.at("t"))), num(1));
        const refusion = call(
          "INDEX",
          name("SIB_RefusionShare"),
          call("MATCH", week, name("SIB_RefusionFromWeek"), num(1)),
        );
        const retained = sub(num(1), name("SIB_EqualisationShare"));
        const benefit = neg(mul(sub(num(1), refusion), name("SIB_EffMunicipalBenefit")));
        return add(benefit, mul(retained, name("SIB_EffMunicipalTax")));
      },
    },
    {
      key: "cost",
      header: { da: "Omkostning K(t)", en: "Cost K(t)" },
      format: FORMATS.kr,
      formula: (r) => {
        const t = r.at("t");
        const perMonth = div(name("SIB_CostPerParticipant"), name("SIB_InterventionMonths"));
        const spread = ifThen(lt(t, name("SIB_InterventionMonths")), perMonth, num(0));
        const upfront = ifThen(eq(t, num(0)), name("SIB_CostPerParticipant"), num(0));
        return ifThen(eq(name("SIB_CostUpfront"), num(1)), upfront, spread);
      },
    },
    ...GRID_PERSISTENCE.map((_, i): TableColumn<HelperKey> => ({
      key: `g:${i}`,
      header: { da: `g(t) ved række ${i + 1}`, en: `g(t) at row ${i + 1}` },
      format: FORMATS.percent,
      formula: (r: RowScope<HelperKey>) => {
        const t = r.at("t");
        const rho = ref(absolute(0, gridFirstRow + i));
        // ρ = 0 gives 1 at t = M (0^0 is #NUM! in Excel), as on the Calculation sheet.
        const after = ifThen(eq(t, measurement), num(1), pow(rho, sub(t, measurement)));
        return ifThen(lt(t, measurement), div(add(t, num(1)), measurement), after);
      },
    })),
  ];
  const table = writeTable(sheet, { left: at.helperLeft, headerRow: at.helperHeaderRow, rows: months, columns });
  return table;
}
