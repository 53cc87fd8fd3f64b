/**
 * Consequence areas (issue 15, the broad case): SØM-style rows of public services whose use changes when participants
 * move between outcome states (docs/broad-case.md). A row = one unit (prison day, bed-day, placement-year …) with a
 * unit price, its payer and the change in use per person-year in each outcome state. Benefits, taxes and wages are
 * the employment account's (src/engine/netCost.ts) and are never a consequence row (the double-counting rule,
 * src/engine/consequences/validate.ts).
 */
import type { PerState } from "../states";

/**
 * SØM-style consequence areas (Socialstyrelsen's SØM groups consequences into main areas; the reference note's data
 * model, ../shared/reference/broad-savings.md §5.1, lists these). Transfers and taxes are deliberately absent: they are
 * the employment account.
 */
export const CONSEQUENCE_AREAS = [
  "social",
  "childrenFamily",
  "health",
  "addiction",
  "crime",
  "housing",
  "jobCentre",
  "education",
  "other",
] as const;
export type ConsequenceArea = (typeof CONSEQUENCE_AREAS)[number];

/** Area names in Danish and English (row labels of the attribution by area). */
export const AREA_LABELS: Readonly<Record<ConsequenceArea, { readonly da: string; readonly en: string }>> = {
  social: { da: "Voksensocialt område (§ 85, § 107/108, § 110)", en: "Adult social services (§ 85, § 107/108, § 110)" },
  childrenFamily: { da: "Børn og familie", en: "Children and family" },
  health: { da: "Sundhed (psykiatri, somatik, almen praksis)", en: "Health (psychiatry, somatic, primary care)" },
  addiction: { da: "Misbrugsbehandling", en: "Addiction treatment" },
  crime: { da: "Kriminalitet (politi, retsvæsen, fængsel)", en: "Crime (police, courts, prison)" },
  housing: { da: "Bolig og hjemløshed", en: "Housing and homelessness" },
  jobCentre: { da: "Jobcenterindsatser (ikke ydelser)", en: "Job-centre measures (not benefits)" },
  education: { da: "Uddannelse", en: "Education" },
  other: { da: "Andet", en: "Other" },
};

/** Who pays for a unit (after refusion where `refusionShare` is given): kommune, region or stat. */
export const CONSEQUENCE_PAYERS = ["municipality", "region", "state"] as const;
export type ConsequencePayer = (typeof CONSEQUENCE_PAYERS)[number];

/**
 * How a unit price is known: V read in the cited source, S secondary source, A assumption or own arithmetic,
 * U looked for and not found (the row has no price: "not found — supply your own"), user = the user's own figure.
 */
export const CONSEQUENCE_EVIDENCE = ["V", "S", "A", "U", "user"] as const;
export type ConsequenceEvidence = (typeof CONSEQUENCE_EVIDENCE)[number];

/** A text in Danish and English. */
export interface ConsequenceText {
  readonly da: string;
  readonly en: string;
}

/**
 * One consequence row. Amounts in kr in prices of `priceYear`; the engine converts them to fixed prices of the
 * scenario's parameter year (src/engine/consequences/price.ts). Sign convention of `changePerYear`: units per
 * person-year in each outcome state relative to the state the target group comes from (TEMP): −2 in JOB = a person in
 * work uses 2 units a year fewer; a fall in use is a saving (positive) for the payer.
 * @example { id: "prisonDay", area: "crime", unitPrice: 1469, priceYear: 2015, payer: "state", changePerYear: {…JOB: -3…} }
 */
export interface Consequence {
  /** Short identifier, letters, digits, `-` and `_` (unique in the list), e.g. "prisonDay". */
  readonly id: string;
  readonly name: ConsequenceText;
  readonly area: ConsequenceArea;
  /** The unit counted, e.g. { da: "fangedag", en: "inmate-day" }. */
  readonly unit: ConsequenceText;
  /** kr per unit in prices of `priceYear`; null = not found (only allowed while every change is 0). */
  readonly unitPrice: number | null;
  /** The year of the unit price's price level; null only without a unit price. */
  readonly priceYear: number | null;
  /**
   * Factor from `priceYear` prices to the parameter year's prices (e.g. 1.18); null = the built-in index
   * (lønindeks 2023–2026, src/engine/consequences/price.ts), refused for years outside its data.
   */
  readonly indexFactor: number | null;
  readonly payer: ConsequencePayer;
  /** Share (0–1) of a municipal unit's cost the state reimburses (refusion); 0 for region and state payers. */
  readonly refusionShare: number;
  readonly evidence: ConsequenceEvidence;
  /** Publisher, title, year and address of the unit price (empty for the user's own figures). */
  readonly source: string;
  /** Change in use, units per person-year, in each outcome state relative to TEMP (0 = no change). */
  readonly changePerYear: PerState<number>;
  /** Months from a cohort's start during which the change counts (SØM counts up to 10 years); 0 = never. */
  readonly durationMonths: number;
  /** Yearly decay (0–1) of the change after the measurement month, on top of the effect's own persistence. */
  readonly decayPerYear: number;
}

/** The states in work: the shorthand `inWork` of the functions' inputs sets these four. */
export const IN_WORK_STATES = ["JOB", "JOB_UNK", "JOB_PART", "FLEX"] as const;

/** "not found — supply your own" in Danish and English, for rows without a sourced price or change. */
export const NOT_FOUND: ConsequenceText = {
  da: "ikke fundet — angiv dit eget tal",
  en: "not found — supply your own",
};
