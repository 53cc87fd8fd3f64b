import {
  AREA_LABELS,
  CONSEQUENCE_AREAS,
  CONSEQUENCE_EVIDENCE,
  CONSEQUENCE_PAYERS,
  type ConsequenceArea,
  type ConsequenceEvidence,
  type ConsequencePayer,
} from "../../engine/consequences/model";
import type { Bilingual } from "../sheetBuilder";
import type { Language } from "../types";

/** Sheet name of the Consequences sheet (issue 15), ≤ 31 characters. */
export const CONSEQUENCES_SHEET: Bilingual = { da: "Konsekvenser", en: "Consequences" };

/** The code a Consequences cell holds for each consequence area, per language (the area table's first column). */
export const AREA_CODES: Readonly<Record<ConsequenceArea, Bilingual>> = {
  social: { da: "socialt", en: "social" },
  childrenFamily: { da: "børn og familie", en: "children and family" },
  health: { da: "sundhed", en: "health" },
  addiction: { da: "misbrug", en: "addiction" },
  crime: { da: "kriminalitet", en: "crime" },
  housing: { da: "bolig", en: "housing" },
  jobCentre: { da: "jobcenter", en: "job centre" },
  education: { da: "uddannelse", en: "education" },
  other: { da: "andet", en: "other" },
};

/** The code of each payer, per language. */
export const PAYER_CODES: Readonly<Record<ConsequencePayer, Bilingual>> = {
  municipality: { da: "kommune", en: "municipality" },
  region: { da: "region", en: "region" },
  state: { da: "stat", en: "state" },
};

/** The code of each evidence mark, per language (V, S, A, U as in the sources; the user's own figure). */
export const EVIDENCE_CODES: Readonly<Record<ConsequenceEvidence, Bilingual>> = {
  V: { da: "V", en: "V" },
  S: { da: "S", en: "S" },
  A: { da: "A", en: "A" },
  U: { da: "U", en: "U" },
  user: { da: "egen", en: "user" },
};

/** Area labels (the attribution rows), from the engine's AREA_LABELS. */
export const areaLabel = (area: ConsequenceArea): Bilingual => AREA_LABELS[area];

/** The codes of a list in one language, in the engine's order. */
export function codesOf<K extends string>(
  keys: readonly K[],
  codes: Readonly<Record<K, Bilingual>>,
  language: Language,
): string[] {
  return keys.map((key) => codes[key][language]);
}

/**
 * The engine's value of a code read back from a cell (trimmed, any case, either language), or undefined.
 * @example fromCode(CONSEQUENCE_PAYERS, PAYER_CODES, "Kommune") // "municipality"
 */
export function fromCode<K extends string>(
  keys: readonly K[],
  codes: Readonly<Record<K, Bilingual>>,
  cellText: string,
): K | undefined {
  const wanted = cellText.trim().toLowerCase();
  return keys.find((key) => codes[key].da.toLowerCase() === wanted || codes[key].en.toLowerCase() === wanted);
}

export { CONSEQUENCE_AREAS, CONSEQUENCE_EVIDENCE, CONSEQUENCE_PAYERS };
