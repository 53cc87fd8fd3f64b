import { call, eq, gt, ifThen, mul, name, num, ref, sub, text } from "../../src/plan/formula";
import type { ChartPlan, PlanCell, WorkbookPlan } from "../../src/plan/types";

/**
 * Small hand-made workbook plans for the export's tests, independent of the real plan's layout: one sheet whose name
 * needs quoting and XML escaping, twelve months of two series (formulas over a named, validated input), a status cell,
 * a named output, and a line and a column chart of the months.
 */
export const SMALL_SHEET = "Følsomhed & R'D";
/** The status cell's text when every check passes. */
export const STATUS_OK = "Alt i orden";
export const STATUS_FAILED = "Skalaen skal være positiv";
export const MONTHS = 12;
/** First data row (the header is one row above). */
const FIRST = 4;
const LAST = FIRST + MONTHS - 1;

/** Kommune's value in month m (kr): 1,000·m − 5,500 at the default scale 1,000; Stat's: 3,100 − 250·m. Never 0. */
export function smallSeries(scale = 1000): { kommune: number[]; stat: number[] } {
  const months = Array.from({ length: MONTHS }, (_, index) => index + 1);
  return { kommune: months.map((m) => scale * m - 5500), stat: months.map((m) => 3100 - 250 * m) };
}

export const SMALL_CHARTS: readonly ChartPlan[] = [
  {
    sheet: SMALL_SHEET,
    anchor: `A${LAST + 3}`,
    type: "line",
    title: "Nettostrøm pr. måned, kr",
    dataSheet: SMALL_SHEET,
    data: `$B$${FIRST - 1}:$C$${LAST}`,
    categories: `$A$${FIRST}:$A$${LAST}`,
  },
  {
    sheet: SMALL_SHEET,
    anchor: `A${LAST + 23}`,
    type: "columnClustered",
    title: "Søjler <&> pr. måned, kr",
    dataSheet: SMALL_SHEET,
    data: `$B$${FIRST - 1}:$C$${LAST}`,
    categories: `$A$${FIRST}:$A$${LAST}`,
  },
];

/** The plan: months in A, Kommune in B, Stat in C, the scale input in F4, the status in F6, the total in F8. */
export function smallPlan(charts: readonly ChartPlan[] = SMALL_CHARTS): WorkbookPlan {
  const cells: PlanCell[] = [
    { address: "A1", role: "label", value: "Lille model", bold: true },
    { address: "A3", role: "label", value: "Måned", bold: true },
    { address: "B3", role: "label", value: "Kommune", bold: true },
    { address: "C3", role: "label", value: "Stat", bold: true },
    { address: "E4", role: "label", value: "Skala" },
    {
      address: "F4",
      role: "input",
      value: 1000,
      format: "#,##0",
      validation: {
        rule: { kind: "decimal", min: 0.5, max: 1_000_000 },
        title: "Skala",
        prompt: "Skalaen i kr pr. måned: et tal fra 0,5 til 1.000.000.",
        error: "Skalaen skal være et tal fra 0,5 til 1.000.000.",
      },
    },
    { address: "E5", role: "label", value: "Måneder" },
    {
      address: "F5",
      role: "input",
      value: MONTHS,
      format: "0",
      validation: {
        rule: { kind: "whole", min: 1, max: 120 },
        title: "Måneder",
        prompt: "Antal måneder: et helt tal fra 1 til 120.",
        error: "Antal måneder skal være et helt tal fra 1 til 120.",
      },
    },
    { address: "E7", role: "label", value: "Loft" },
    {
      address: "F7",
      role: "input",
      value: "intet loft",
      validation: {
        rule: { kind: "custom", formula: call("OR", call("ISNUMBER", ref("F7")), eq(ref("F7"), text("intet loft"))) },
        title: "Loft",
        prompt: 'Et beløb i kr, eller "intet loft".',
        error: 'Loftet skal være et beløb eller teksten "intet loft".',
      },
    },
    { address: "E6", role: "label", value: "Status" },
    {
      address: "F6",
      role: "output",
      formula: ifThen(
        call("AND", call("ISNUMBER", name("SIB_Scale")), gt(name("SIB_Scale"), num(0))),
        text(STATUS_OK),
        text(STATUS_FAILED),
      ),
      status: { ok: STATUS_OK },
    },
    { address: "E8", role: "label", value: "Kommune i alt" },
    { address: "F8", role: "output", formula: call("SUM", ref(`B${FIRST}:B${LAST}`)), format: "#,##0" },
  ];
  for (let month = 1; month <= MONTHS; month++) {
    const row = FIRST + month - 1;
    cells.push({ address: `A${row}`, role: "label", value: month, format: "0" });
    cells.push({
      address: `B${row}`,
      role: "calculation",
      formula: sub(mul(name("SIB_Scale"), ref(`A${row}`)), num(5500)),
      format: "#,##0",
    });
    cells.push({
      address: `C${row}`,
      role: "calculation",
      formula: sub(num(3100), mul(num(250), ref(`A${row}`))),
      format: "#,##0",
    });
  }
  return {
    language: "da",
    sheets: [{ name: SMALL_SHEET, cells, columnWidths: [10, 12, 12, 4, 16, 14] }],
    names: [
      { name: "SIB_Scale", sheet: SMALL_SHEET, reference: "$F$4", role: "input", description: "Scale (kr per month)" },
      { name: "SIB_Status", sheet: SMALL_SHEET, reference: "$F$6", role: "output", description: "Status" },
      { name: "SIB_KommuneTotal", sheet: SMALL_SHEET, reference: "$F$8", role: "output", description: "Total (kr)" },
    ],
    charts,
  };
}
