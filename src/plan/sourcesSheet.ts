import { PARAMETER_UNIT_LABELS, PARAMETERS, type ParameterUnit } from "../engine/parameters/data";
import { parameterValue } from "../engine/parameters/lookup";
import { SHEET_NAMES } from "./labels";
import { SheetBuilder } from "./sheetBuilder";
import { FORMATS, type Language, type NumberFormat, type SheetPlan } from "./types";

const UNIT_FORMATS: Readonly<Record<ParameterUnit, NumberFormat>> = {
  "kr/month": FORMATS.kr,
  "kr/year": FORMATS.kr,
  "kr/person": FORMATS.kr,
  fraction: FORMATS.percentPrecise,
  factor: FORMATS.factor,
};

/**
 * The Sources sheet: every built-in parameter that has a value for the scenario's parameter year, with its value,
 * unit, year, evidence mark, source (publisher, title, year, address) and note, all in the workbook's language, so
 * each default in the Inputs sheet can be traced. The values are shown, not inputs: the model reads the Inputs sheet.
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
    da: "V = læst i offentlig kilde, S = sekundær kilde/afskrift, A = antagelse eller kalibrering. Parametre uden værdi for året er udeladt. Tallene her er til opslag; modellen regner med Input-arket.",
    en: "V = read in a public source, S = secondary source/transcription, A = assumption or calibration. Parameters without a value for the year are left out. The figures here are for reference; the model uses the Inputs sheet.",
  });
  const headers = [
    { da: "Id (til SIB.RATE)", en: "Id (for SIB.RATE)" },
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
    sheet.value(2, row, "label", found.value.value, UNIT_FORMATS[found.value.unit]);
    sheet.label(3, row, PARAMETER_UNIT_LABELS[found.value.unit]);
    sheet.value(4, row, "label", parameterYear, FORMATS.integer);
    sheet.label(5, row, found.value.evidence);
    sheet.label(6, row, found.value.source);
    if (found.value.note !== null) sheet.label(7, row, found.value.note);
  }
  return sheet.build([34, 52, 12, 12, 8, 8, 90, 70]);
}
