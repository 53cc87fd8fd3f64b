import type { Bilingual } from "../sheetBuilder";

export const INVESTOR_SHEET_NAMES: Bilingual = { da: "Investor", en: "Investor" };
/** Shown where an optional term is off, or a metric has no value (any text: the formulas test ISNUMBER). */
export const NONE: Bilingual = { da: "ingen", en: "none" };
/** Shown in a return-cap cell without a cap. */
export const NO_RETURN_CAP: Bilingual = { da: "intet loft", en: "no cap" };
/** Shown where no single IRR exists (IRR's error is caught, so the sheet has no error cell). */
export const NO_IRR: Bilingual = { da: "ingen entydig IA", en: "no single IRR" };
