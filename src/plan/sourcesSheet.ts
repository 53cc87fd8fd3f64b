import { PARAMETERS } from "../engine/parameters/data";
import { parameterValue } from "../engine/parameters/lookup";
import { SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type Language, type SheetPlan } from "./types";

/**
 * The Sources sheet: every built-in parameter that has a value for the scenario's parameter year, with its value,
 * unit, year, evidence mark and source, so each default in the Inputs sheet can be traced.
 */
export function sourcesSheet(parameterYear: number, language: Language): SheetPlan {
  const sheet = new SheetBuilder(SHEET_NAMES.sources[language], language);
  sheet.label(
    0,
    1,
    {
      da: `Kilder: indbyggede parametre for ${parameterYear}`,
      en: `Sources: built-in parameters for ${parameterYear}`,
    },
    true,
  );
  sheet.label(0, 2, {
    da: "V = læst i offentlig kilde, S = sekundær kilde/afskrift, A = antagelse eller kalibrering. Parametre uden værdi for året er udeladt.",
    en: "V = read in a public source, S = secondary source/transcription, A = assumption or calibration. Parameters without a value for the year are left out.",
  });
  const headers = [
    { da: "Id", en: "Id" },
    { da: "Parameter", en: "Parameter" },
    { da: "Værdi", en: "Value" },
    { da: "Enhed", en: "Unit" },
    { da: "År", en: "Year" },
    { da: "Mærke", en: "Mark" },
    { da: "Kilde", en: "Source" },
    { da: "Note", en: "Note" },
  ];
  headers.forEach((header, column) => sheet.label(column, 4, header, true));
  let row = 4;
  for (const definition of PARAMETERS) {
    const found = parameterValue(definition.id, parameterYear);
    if (!found.ok) continue;
    row++;
    sheet.label(0, row, definition.id);
    sheet.label(1, row, definition[language]);
    sheet.input(2, row, found.value.value, found.value.unit === "fraction" ? FORMATS.percentPrecise : FORMATS.general);
    sheet.label(3, row, found.value.unit);
    sheet.input(4, row, parameterYear, FORMATS.integer);
    sheet.label(5, row, found.value.evidence);
    sheet.label(6, row, found.value.source);
    if (found.value.note !== null) sheet.label(7, row, found.value.note);
  }
  return sheet.build([34, 52, 12, 10, 8, 8, 80, 50]);
}
