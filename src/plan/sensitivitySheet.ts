import { absolute } from "./address";
import { guarded } from "./blocks/checks";
import { add, call, div, mul, name, num, ref, sub, type Expr } from "./formula";
import { writeMonteCarlo, writeTornado, type DealSensitivity } from "./sensitivity/addInValues";
import { GRID_MIN_MONTHS, GRID_PERSISTENCE, writeHorizonGrid } from "./sensitivity/horizonGrid";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type ChartPlan, type InputValidation, type Language, type SheetPlan } from "./types";

export type { DealSensitivity } from "./sensitivity/addInValues";

/** First column of the horizon × persistence helper table (right of the grids and the tornado table). */
const HELPER_LEFT = 11;

export const SENSITIVITY_SHEET_NAMES: Bilingual = { da: "Følsomhed", en: "Sensitivity" };

/** Effect factors of the grid's rows (share of the measured effect Δ kept) and cost factors of its columns. */
export const EFFECT_FACTORS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5] as const;
export const COST_FACTORS = [0.5, 0.75, 1, 1.25, 1.5] as const;

/** One grid: its title, the result it varies, the weight of the cost in that result and the grid's defined name. */
interface Grid {
  readonly title: Bilingual;
  readonly result: string;
  readonly costWeight: Expr;
  readonly name: string;
}

const FACTOR_VALIDATION: Readonly<Record<Language, InputValidation>> = {
  da: {
    rule: { kind: "decimal", min: 0, max: 10 },
    title: "Tilladte værdier",
    prompt: "En faktor fra 0 % til 1000 % (100 % = som i modellen).",
    error: "Værdien er ikke tilladt: faktoren skal være fra 0 % til 1000 %.",
  },
  en: {
    rule: { kind: "decimal", min: 0, max: 10 },
    title: "Allowed values",
    prompt: "A factor from 0 % to 1000 % (100 % = as in the model).",
    error: "This value is not allowed: the factor must be from 0 % to 1000 %.",
  },
};

/**
 * The Sensitivity sheet: NPV per participant for the municipality and for society on a grid of effect sizes (rows: a
 * factor on every state's effect Δ, 100 % = as measured) and costs (columns: a factor on the cost per participant K,
 * with the cost in kr below). Both results are linear in the effect and in K, so each cell is
 *   result(f, c) = f × (result + cost part) − c × cost part,
 * with cost part = the present value of the intervention cost per participant (× (NAF + φ − 1) for society): native,
 * live formulas over the Results sheet. The factors are inputs; the middle column stays the model's own cost when K
 * changes. A factor above 1 can imply shares outside 0–1 for some state; the grid then extrapolates (said on the sheet).
 *
 * Below them (issue 11 item 7): the horizon × persistence grid of the municipality's NPV per participant (live,
 * src/plan/sensitivity/horizonGrid.ts, its helper table from column L, `capacityMonths` rows at least); and, with
 * payment terms (`deal`), the tornado of the municipality's net under the contract (live where linear, else the
 * engine's values labelled "computed by the add-in" and dated) with its chart, and the Monte Carlo percentile table
 * (values with their seed; src/plan/sensitivity/addInValues.ts). These two run the engine when the model is written:
 * the one place where the plan holds results that are not formulas, and they say so on the sheet.
 */
export function sensitivitySheet(
  language: Language,
  options: { readonly capacityMonths?: number; readonly deal?: DealSensitivity } = {},
): { plan: SheetPlan; names: SheetBuilder["names"]; charts: ChartPlan[] } {
  const sheet = new SheetBuilder(SENSITIVITY_SHEET_NAMES[language], language);
  sheet.label(
    0,
    1,
    {
      da: "Følsomhed: nutidsværdi pr. deltager ved anden effekt og omkostning",
      en: "Sensitivity: NPV per participant for other effects and costs",
    },
    true,
  );
  sheet.label(0, 2, {
    da: "Rækker: effekten som andel af den målte (100 % = som målt). Kolonner: omkostningen som andel af modellens. Gule celler kan ændres. Over 100 % kan nogle andele komme uden for 0-100 %; så er tallet en fremskrivning.",
    en: "Rows: the effect as a share of the measured one (100 % = as measured). Columns: the cost as a share of the model's. Yellow cells may be changed. Above 100 % some shares may leave 0-100 %; the figure is then an extrapolation.",
  });
  sheet.label(0, 4, {
    da: "Nutidsværdi af omkostningen pr. deltager",
    en: "Present value of the cost per participant",
  });
  const costPV = div(
    call("SUMPRODUCT", name("SIB_DiscountFactors"), name("SIB_TotalCost")),
    name("SIB_TotalParticipants"),
  );
  sheet.formula(1, 4, guarded(costPV), "calculation", FORMATS.kr);
  sheet.nameCell("SIB_CostPVPerParticipant", 1, 4, "calculation", {
    da: "Nutidsværdi af indsatsens omkostning pr. deltager (kr)",
    en: "Present value of the intervention cost per participant (kr)",
  });
  sheet.label(0, 5, {
    da: "Samfundets vægt på omkostningen (NAF + φ − 1)",
    en: "Society's weight on the cost (NAF + φ − 1)",
  });
  sheet.formula(
    1,
    5,
    sub(add(name("SIB_NetTaxFactor"), name("SIB_DistortionFactor")), num(1)),
    "calculation",
    FORMATS.factor,
  );
  const grids: readonly Grid[] = [
    {
      title: { da: "Kommunen: nutidsværdi pr. deltager (kr)", en: "Municipality: NPV per participant (kr)" },
      result: "SIB_NPVPerParticipant_Municipality",
      costWeight: num(1),
      name: "SIB_SensMunicipality",
    },
    {
      title: { da: "Samfundsøkonomi: nutidsværdi pr. deltager (kr)", en: "Socio-economic: NPV per participant (kr)" },
      result: "SIB_NPVPerParticipant_SocioEconomic",
      costWeight: ref(absolute(1, 5)),
      name: "SIB_SensSocioEconomic",
    },
  ];
  const afterGrids = grids.reduce((top, grid) => writeGrid(sheet, top, grid), 7);
  const months = Math.max(GRID_MIN_MONTHS, options.capacityMonths ?? 0);
  const grid = writeHorizonGrid(sheet, { top: afterGrids, helperLeft: HELPER_LEFT, helperHeaderRow: 8 }, months);
  const charts: ChartPlan[] = [];
  const deal = options.deal;
  if (deal !== undefined) {
    const tornado = writeTornado(sheet, grid.bottom + 3, deal);
    const monteCarlo = writeMonteCarlo(sheet, tornado.bottom + 3, deal);
    if (tornado.chart !== null) charts.push({ ...tornado.chart, anchor: `A${monteCarlo.bottom + 3}` });
  }
  const widths = Array.from({ length: HELPER_LEFT + 4 + GRID_PERSISTENCE.length }, (_, i) =>
    i === 0 ? 48 : i === HELPER_LEFT - 2 ? 30 : 14,
  );
  return { plan: sheet.build(widths), names: sheet.names, charts };
}

/** One grid from `top`: cost factors and costs in kr as column heads, effect factors as row heads. Returns the next top. */
function writeGrid(sheet: SheetBuilder, top: number, grid: Grid): number {
  const validation = FACTOR_VALIDATION[sheet.language];
  sheet.label(0, top, grid.title, true);
  const factorRow = top + 1;
  const costRow = top + 2;
  sheet.label(0, factorRow, {
    da: "Effekt (andel af målt) \\ omkostning (andel af modellens)",
    en: "Effect (share of measured) \\ cost (share of the model's)",
  });
  sheet.label(0, costRow, { da: "Omkostning pr. deltager, kr", en: "Cost per participant, kr" });
  COST_FACTORS.forEach((factor, j) => {
    sheet.input(1 + j, factorRow, factor, FORMATS.percent, validation);
    sheet.formula(
      1 + j,
      costRow,
      mul(ref(absolute(1 + j, factorRow)), name("SIB_CostPerParticipant")),
      "calculation",
      FORMATS.kr,
    );
  });
  const costPart = mul(grid.costWeight, name("SIB_CostPVPerParticipant"));
  EFFECT_FACTORS.forEach((factor, i) => {
    const row = costRow + 1 + i;
    sheet.input(0, row, factor, FORMATS.percent, validation);
    COST_FACTORS.forEach((_, j) => {
      const effectPart = mul(ref(absolute(0, row)), add(name(grid.result), costPart));
      const cost = mul(ref(absolute(1 + j, factorRow)), costPart);
      sheet.formula(1 + j, row, guarded(sub(effectPart, cost)), "output", FORMATS.kr);
    });
  });
  const lastRow = costRow + EFFECT_FACTORS.length;
  const reference = `${absolute(1, costRow + 1)}:${absolute(COST_FACTORS.length, lastRow)}`;
  const description = sheet.text({
    da: `${grid.title.da}: rækker = effektfaktor, kolonner = omkostningsfaktor`,
    en: `${grid.title.en}: rows = effect factors, columns = cost factors`,
  });
  sheet.names.push({ name: grid.name, sheet: sheet.sheetName, reference, role: "output", description });
  return lastRow + 3;
}
