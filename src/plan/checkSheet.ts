import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { absolute, columnRange } from "./address";
import { call, eq, ifThen, le, name, num, ref, sub, text, type Expr } from "./formula";
import { ATTRIBUTION_REFERENCE_NAME, SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS, type InputsLayout } from "./inputsSheet";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type Language, type SheetPlan } from "./types";

export const CHECK_SHEET_NAMES: Bilingual = { da: "Kontrol", en: "Check" };

/** Largest difference (kr) the check accepts between a native result and the add-in's function. */
export const CHECK_TOLERANCE_KR = 0.01;

/** Where the inputs are: the Inputs sheet's layout, and (when the Inputs sheet gives them) each refusion share cell. */
export type CheckInputs = InputsLayout & {
  /** Absolute address of each refusion step's share on the Inputs sheet, in step order. */
  readonly refusionShares?: readonly string[];
};

/** Rows of the sheet (1-based): title, note, tolerance, the comparison table's header. */
const ROW = { title: 1, note: 2, tolerance: 3, header: 4 } as const;

/**
 * The Check sheet, written only into Excel where the add-in is loaded (never into the .xlsx export, so a workbook
 * without the add-in has no error cell): the model's inputs as a name/value block, and for each result the native
 * formula's value next to the same figure from the SIB.* functions (which run the engine on that block), with their
 * difference, OK when it is within the tolerance cell (0.01 kr). Available for one cohort starting in month 0 (the
 * functions' scenario has one cohort); otherwise the sheet says why there is no check. The calls use the English
 * names; the Excel writer writes them under the names Excel registered for its display language
 * (src/excel/functionNames.ts, docs/functions-ids.md). The OK column is General, not Text: Excel keeps a formula
 * written into a Text cell as text.
 * @example checkSheet(pilot, "da", inputs.layout).plan.name // "Kontrol"
 */
export function checkSheet(
  scenario: Scenario,
  language: Language,
  inputs: CheckInputs,
): { plan: SheetPlan; names: SheetBuilder["names"] } {
  const sheet = new SheetBuilder(CHECK_SHEET_NAMES[language], language);
  sheet.label(
    0,
    ROW.title,
    {
      da: "Kontrol: de native formler mod tilføjelsens funktioner (SIB.*)",
      en: "Check: the native formulas against the add-in's functions (SIB.*)",
    },
    true,
  );
  const single = scenario.cohorts.length === 1 && scenario.cohorts[0]?.intakeMonth === 0;
  if (!single) {
    sheet.label(0, ROW.tolerance, {
      da: "Ingen kontrol: funktionerne regner med én kohorte, der starter i måned 0, og modellen har flere kohorter.",
      en: "No check: the functions compute one cohort starting in month 0, and this model has several cohorts.",
    });
    return { plan: sheet.build([60]), names: sheet.names };
  }
  if (inputs.municipalities > 0) {
    // The functions' inputs range has one kommuneskat and weeks on benefit (issue 10): no like-for-like check.
    sheet.label(0, ROW.tolerance, {
      da: "Ingen kontrol: funktionerne regner med én kommuneskat, og modellen har flere kommuner.",
      en: "No check: the functions compute with one municipal tax rate, and this model has several municipalities.",
    });
    return { plan: sheet.build([60]), names: sheet.names };
  }
  sheet.label(0, ROW.note, {
    da: "Forskellen skal være 0. Input-blokken nedenfor er formler, der peger på input-cellerne; funktionerne regner på den.",
    en: "The difference must be 0. The input block below is formulas pointing at the input cells; the functions compute from it.",
  });
  sheet.label(0, ROW.tolerance, { da: "Største accepterede forskel, kr", en: "Largest accepted difference, kr" });
  sheet.value(1, ROW.tolerance, "label", CHECK_TOLERANCE_KR, FORMATS.krDecimals);
  const lastCheckRow = comparisonTable(sheet);
  inputBlock(sheet, scenario, inputs, lastCheckRow + 3);
  return { plan: sheet.build([44, 18, 18, 14, 10]), names: sheet.names };
}

/** The comparisons: native result, SIB function, difference, OK/DIFFERS. Returns the last row. */
function comparisonTable(sheet: SheetBuilder): number {
  const checks: [Bilingual, Expr, Expr][] = [
    [
      { da: "Kommune, nutidsværdi pr. deltager", en: "Municipality, NPV per participant" },
      name("SIB_NPVPerParticipant_Municipality"),
      sibCall("SIB.BUDGETSAVING", text(sheet.text({ da: "kommune", en: "municipality" }))),
    ],
    [
      { da: "Stat, nutidsværdi pr. deltager", en: "State, NPV per participant" },
      name("SIB_NPVPerParticipant_State"),
      sibCall("SIB.BUDGETSAVING", text(sheet.text({ da: "stat", en: "state" }))),
    ],
    [
      { da: "Offentlig i alt, nutidsværdi pr. deltager", en: "Public sector, NPV per participant" },
      name("SIB_NPVPerParticipant_Public"),
      sibCall("SIB.BUDGETSAVING", text(sheet.text({ da: "offentlig", en: "public" }))),
    ],
    [
      { da: "Samfundsøkonomi, nutidsværdi pr. deltager", en: "Socio-economic NPV per participant" },
      name("SIB_NPVPerParticipant_SocioEconomic"),
      sibCall("SIB.SOCIOECONOMIC"),
    ],
  ];
  [
    { da: "Resultat", en: "Result" },
    { da: "Native formel", en: "Native formula" },
    { da: "SIB-funktion", en: "SIB function" },
    { da: "Forskel", en: "Difference" },
    { da: "OK", en: "OK" },
  ].forEach((header, column) => sheet.label(column, ROW.header, header, true));
  const tolerance = ref(absolute(1, ROW.tolerance));
  checks.forEach(([label, native, fromFunction], index) => {
    const row = ROW.header + 1 + index;
    sheet.label(0, row, label);
    sheet.formula(1, row, native, "calculation", FORMATS.krDecimals);
    sheet.formula(2, row, fromFunction, "calculation", FORMATS.krDecimals);
    sheet.formula(3, row, sub(ref(`B${row}`), ref(`C${row}`)), "output", FORMATS.krDecimals);
    const difference = ref(`D${row}`);
    const withinTolerance = call("AND", call("ISNUMBER", difference), le(call("ABS", difference), tolerance));
    const verdict = ifThen(withinTolerance, text("OK"), text(sheet.text({ da: "AFVIGER", en: "DIFFERS" })));
    sheet.formula(4, row, verdict, "output", FORMATS.general);
  });
  return ROW.header + checks.length;
}

/** The name/value block the functions read (keys as in docs/scenario.md#input-names), named SIB_CheckInputs. */
function inputBlock(sheet: SheetBuilder, scenario: Scenario, inputs: CheckInputs, top: number): void {
  sheet.label(
    0,
    top - 1,
    { da: "Input til funktionerne (navn, værdi)", en: "Inputs for the functions (name, value)" },
    true,
  );
  const pairs = inputPairs(scenario, inputs);
  pairs.forEach(([key, value], index) => {
    sheet.label(0, top + index, key);
    sheet.formula(1, top + index, value, "calculation", FORMATS.general);
  });
  const last = top + pairs.length - 1;
  sheet.names.push({
    name: "SIB_CheckInputs",
    sheet: sheet.sheetName,
    reference: `${columnRange(0, top, last).split(":")[0]}:${columnRange(1, top, last).split(":")[1]}`,
    role: "calculation",
    description: sheet.text({
      da: "Modellens input som en navn/værdi-blok til SIB.*-funktionerne",
      en: "The model's inputs as a name/value block for the SIB.* functions",
    }),
  });
}

/** Each input key of the functions with a formula pointing at the model's input. */
function inputPairs(scenario: Scenario, inputs: CheckInputs): [string, Expr][] {
  const pairs: [string, Expr][] = [["participants", name("SIB_TotalParticipants")]];
  for (const group of SCALAR_INPUT_GROUPS) {
    for (const input of group.inputs) {
      pairs.push([
        input.key,
        input.key === "costTiming"
          ? ifThen(eq(name(input.name), num(1)), text("upfront"), text("spread"))
          : name(input.name),
      ]);
    }
  }
  scenario.refusionSteps.forEach((step, index) => {
    const address = inputs.refusionShares?.[index];
    const share =
      address === undefined ? call("INDEX", name("SIB_RefusionShare"), num(index + 1)) : ref(address, inputs.sheet);
    pairs.push([`refusion.week${step.fromWeek}`, share]);
  });
  for (const column of STATE_INPUT_COLUMNS) {
    for (const state of OUTCOME_STATES) {
      const address = inputs.stateCells[column.name]?.[state];
      if (address === undefined) continue;
      const cellRef = ref(address, inputs.sheet);
      pairs.push([
        `${column.prefix}.${state}`,
        column.prefix === "benefitPayer" ? ifThen(eq(cellRef, num(1)), text("municipality"), text("state")) : cellRef,
      ]);
    }
  }
  pairs.push(["attributionReference", name(ATTRIBUTION_REFERENCE_NAME)]);
  return pairs;
}

function sibCall(fn: "SIB.BUDGETSAVING" | "SIB.SOCIOECONOMIC", ...leading: Expr[]): Expr {
  return call(fn, ...leading, name("SIB_CheckInputs"));
}
