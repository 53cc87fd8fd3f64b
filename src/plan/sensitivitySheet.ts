import type { Scenario } from "../engine/scenario";
import { absolute } from "./address";
import { add, call, div, eq, ifThen, mul, name, num, ref, sub, text, type Expr } from "./formula";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type Language, type SheetPlan } from "./types";

export const SENSITIVITY_SHEET_NAMES: Bilingual = { da: "Følsomhed", en: "Sensitivity" };

/** Effect factors of the grid's rows (share of the measured effect Δ kept) and cost factors of its columns. */
export const EFFECT_FACTORS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5] as const;
export const COST_FACTORS = [0.5, 0.75, 1, 1.25, 1.5] as const;

/**
 * The Sensitivity sheet: NPV per participant for the municipality and for society on a grid of effect sizes (rows: a
 * factor on every state's effect Δ, 1 = as measured) and costs per participant (columns, kr). Both results are linear
 * in the effect (savings and production are Σ Δ × amounts) and in the cost K, so each cell is
 *   result(f, K) = f × (result + cost part) − K / K₀ × cost part,
 * with cost part = the present value of the intervention cost per participant (× (NAF + φ − 1) for society): native,
 * live formulas over the Results sheet. The row and column values are inputs the user may change. A factor above 1
 * can imply shares outside 0–1 for some state; the grid then extrapolates the linear model (flagged on the sheet).
 */
export function sensitivitySheet(
  scenario: Scenario,
  language: Language,
): { plan: SheetPlan; names: SheetBuilder["names"] } {
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
    da: "Rækker: effekten som andel af den målte (1 = som målt). Kolonner: omkostning pr. deltager (kr). Gule celler kan ændres. Over 1 kan nogle andele komme uden for 0-1; så er tallet en fremskrivning.",
    en: "Rows: the effect as a share of the measured one (1 = as measured). Columns: cost per participant (kr). Yellow cells may be changed. Above 1 some shares may leave 0-1; the figure is then an extrapolation.",
  });
  sheet.label(0, 4, {
    da: "Nutidsværdi af omkostningen pr. deltager",
    en: "Present value of the cost per participant",
  });
  sheet.formula(
    1,
    4,
    div(call("SUMPRODUCT", name("SIB_DiscountFactors"), name("SIB_TotalCost")), name("SIB_TotalParticipants")),
    "calculation",
    FORMATS.kr,
  );
  sheet.nameCell(
    "SIB_CostPVPerParticipant",
    1,
    4,
    "calculation",
    "Present value of the intervention cost per participant (kr)",
  );
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

  const grids: { title: Bilingual; result: string; costWeight: Expr; prefix: string }[] = [
    {
      title: { da: "Kommunen: nutidsværdi pr. deltager (kr)", en: "Municipality: NPV per participant (kr)" },
      result: "SIB_NPVPerParticipant_Municipality",
      costWeight: num(1),
      prefix: "SIB_SensMunicipality",
    },
    {
      title: { da: "Samfundsøkonomi: nutidsværdi pr. deltager (kr)", en: "Socio-economic: NPV per participant (kr)" },
      result: "SIB_NPVPerParticipant_SocioEconomic",
      costWeight: ref(absolute(1, 5)),
      prefix: "SIB_SensSocioEconomic",
    },
  ];
  let row = 7;
  for (const grid of grids) {
    sheet.label(0, row, grid.title, true);
    row++;
    const headerRow = row;
    sheet.label(0, headerRow, {
      da: "Effekt (andel af målt) \\ omkostning (kr)",
      en: "Effect (share of measured) \\ cost (kr)",
    });
    COST_FACTORS.forEach((factor, j) =>
      sheet.input(1 + j, headerRow, Math.round(factor * scenario.costPerParticipant), FORMATS.kr),
    );
    EFFECT_FACTORS.forEach((factor, i) => {
      const r = headerRow + 1 + i;
      sheet.input(0, r, factor, FORMATS.percent);
      COST_FACTORS.forEach((_, j) => {
        const costPart = mul(grid.costWeight, name("SIB_CostPVPerParticipant"));
        const effectPart = mul(ref(absolute(0, r)), add(name(grid.result), costPart));
        const cost = mul(div(ref(absolute(1 + j, headerRow)), name("SIB_CostPerParticipant")), costPart);
        sheet.formula(
          1 + j,
          r,
          ifThen(eq(name("SIB_CostPerParticipant"), num(0)), text("-"), sub(effectPart, cost)),
          "output",
          FORMATS.kr,
        );
      });
    });
    const lastRow = headerRow + EFFECT_FACTORS.length;
    sheet.names.push({
      name: grid.prefix,
      sheet: sheet.sheetName,
      reference: `${absolute(1, headerRow + 1)}:${absolute(COST_FACTORS.length, lastRow)}`,
      role: "output",
      description: `${sheet.text(grid.title)}: rows = effect factors, columns = costs per participant`,
    });
    row = lastRow + 3;
  }
  return { plan: sheet.build([48, 14, 14, 14, 14, 14]), names: sheet.names };
}
