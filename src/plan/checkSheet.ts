import type { Scenario } from "../engine/scenario";
import { OUTCOME_STATES } from "../engine/states";
import { columnRange } from "./address";
import { call, eq, ifThen, le, name, num, ref, sub, text, type Expr } from "./formula";
import { SCALAR_INPUT_GROUPS, STATE_INPUT_COLUMNS, type InputsLayout } from "./inputsSheet";
import { SheetBuilder, type Bilingual } from "./sheetBuilder";
import { FORMATS, type Language, type SheetPlan } from "./types";

export const CHECK_SHEET_NAMES: Bilingual = { da: "Kontrol", en: "Check" };

/** Largest difference (kr) the check accepts between a native result and the add-in's function. */
export const CHECK_TOLERANCE_KR = 0.01;

/**
 * The Check sheet, written only into Excel where the add-in is loaded (never into the .xlsx export, so a workbook
 * without the add-in has no error cell): the model's inputs as a name/value block, and for each result the native
 * formula's value next to the same figure from the SIB.* functions (which run the engine on that block), with their
 * difference. Available for one cohort starting in month 0 (the functions' scenario has one cohort); otherwise the
 * sheet says why there is no check.
 */
export function checkSheet(
  scenario: Scenario,
  language: Language,
  inputs: InputsLayout,
): { plan: SheetPlan; names: SheetBuilder["names"] } {
  const sheet = new SheetBuilder(CHECK_SHEET_NAMES[language], language);
  sheet.label(
    0,
    1,
    {
      da: "Kontrol: de native formler mod tilføjelsens funktioner (SIB.*)",
      en: "Check: the native formulas against the add-in's functions (SIB.*)",
    },
    true,
  );
  const single = scenario.cohorts.length === 1 && scenario.cohorts[0]?.intakeMonth === 0;
  if (!single) {
    sheet.label(0, 3, {
      da: "Ingen kontrol: funktionerne regner med én kohorte, der starter i måned 0, og modellen har flere kohorter.",
      en: "No check: the functions compute one cohort starting in month 0, and this model has several cohorts.",
    });
    return { plan: sheet.build([60]), names: sheet.names };
  }
  sheet.label(0, 2, {
    da: "Forskellen skal være 0. Input-blokken nedenfor er formler, der peger på input-cellerne; funktionerne regner på den.",
    en: "The difference must be 0. The input block below is formulas pointing at the input cells; the functions compute from it.",
  });
  const checks: [Bilingual, Expr, Expr][] = [
    [
      { da: "Kommune, nutidsværdi pr. deltager", en: "Municipality, NPV per participant" },
      name("SIB_NPVPerParticipant_Municipality"),
      sibCall("SIB.BUDGETSAVING", text("kommune")),
    ],
    [
      { da: "Stat, nutidsværdi pr. deltager", en: "State, NPV per participant" },
      name("SIB_NPVPerParticipant_State"),
      sibCall("SIB.BUDGETSAVING", text("stat")),
    ],
    [
      { da: "Offentlig i alt, nutidsværdi pr. deltager", en: "Public sector, NPV per participant" },
      name("SIB_NPVPerParticipant_Public"),
      sibCall("SIB.BUDGETSAVING", text("offentlig")),
    ],
    [
      { da: "Samfundsøkonomi, nutidsværdi pr. deltager", en: "Socio-economic NPV per participant" },
      name("SIB_NPVPerParticipant_SocioEconomic"),
      sibCall("SIB.SOCIOECONOMIC"),
    ],
  ];
  const headerRow = 4;
  [
    { da: "Resultat", en: "Result" },
    { da: "Native formel", en: "Native formula" },
    { da: "SIB-funktion", en: "SIB function" },
    { da: "Forskel", en: "Difference" },
    { da: "OK", en: "OK" },
  ].forEach((header, column) => sheet.label(column, headerRow, header, true));
  checks.forEach(([label, native, fromFunction], index) => {
    const row = headerRow + 1 + index;
    sheet.label(0, row, label);
    sheet.formula(1, row, native, "calculation", FORMATS.krDecimals);
    sheet.formula(2, row, fromFunction, "calculation", FORMATS.krDecimals);
    sheet.formula(3, row, sub(ref(`B${row}`), ref(`C${row}`)), "output", FORMATS.krDecimals);
    const difference = ref(`D${row}`);
    const withinTolerance = call(
      "AND",
      call("ISNUMBER", difference),
      le(call("ABS", difference), num(CHECK_TOLERANCE_KR)),
    );
    sheet.formula(
      4,
      row,
      ifThen(withinTolerance, text("OK"), text(sheet.text({ da: "AFVIGER", en: "DIFFERS" }))),
      "output",
      FORMATS.text,
    );
  });

  // The name/value block the functions read (keys as in docs/scenario.md#input-names).
  const blockRow = headerRow + checks.length + 3;
  sheet.label(
    0,
    blockRow - 1,
    { da: "Input til funktionerne (navn, værdi)", en: "Inputs for the functions (name, value)" },
    true,
  );
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
  scenario.refusionSteps.forEach((step, index) =>
    pairs.push([`refusion.week${step.fromWeek}`, call("INDEX", name("SIB_RefusionShare"), num(index + 1))]),
  );
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
  pairs.forEach(([key, value], index) => {
    const row = blockRow + index;
    sheet.label(0, row, key);
    sheet.formula(1, row, value, "calculation", FORMATS.general);
  });
  sheet.names.push({
    name: "SIB_CheckInputs",
    sheet: sheet.sheetName,
    reference: `${columnRange(0, blockRow, blockRow + pairs.length - 1).split(":")[0]}:${columnRange(1, blockRow, blockRow + pairs.length - 1).split(":")[1]}`,
    role: "calculation",
    description: "The model's inputs as a name/value block for the SIB.* functions",
  });
  return { plan: sheet.build([44, 18, 18, 14, 10]), names: sheet.names };
}

function sibCall(fn: "SIB.BUDGETSAVING" | "SIB.SOCIOECONOMIC", ...leading: Expr[]): Expr {
  return call(fn, ...leading, name("SIB_CheckInputs"));
}
