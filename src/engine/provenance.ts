import { findInputField } from "./inputs";
import { parameterValue } from "./parameters/lookup";
import { PILOT_HORIZON_MONTHS, pilotScenario } from "./pilot";
import type { Scenario } from "./scenario";

/**
 * Which built-in parameter each scenario input comes from (the mapping `parameterDefaults` applies), keyed by the input
 * names of `INPUT_FIELDS`. Inputs not listed are scenario choices (pilot data or assumptions, see PILOT_INPUT_NOTES).
 */
export const INPUT_PARAMETER_IDS: Readonly<Record<string, string>> = {
  "wage.JOB": "loen_selvforsoergende",
  "wage.JOB_UNK": "loen_ukendt_indkomst",
  "wage.JOB_PART": "loen_loentimer",
  "wage.FLEX": "loen_fleksjob",
  "benefit.EDU": "ydelse_su",
  "benefit.FLEX": "ydelse_fleksjob",
  "benefit.TEMP": "ydelse_midlertidig",
  "benefit.PERM": "ydelse_foertidspension",
  "refusion.week1": "refusion_uge_1_4",
  "refusion.week5": "refusion_uge_5_26",
  "refusion.week27": "refusion_uge_27_52",
  "refusion.week53": "refusion_uge_53_plus",
  labourMarketContributionRate: "am_bidrag",
  municipalTaxRate: "kommuneskat_gennemsnit",
  bottomTaxRate: "bundskat",
  personalAllowance: "personfradrag",
  employmentAllowanceRate: "beskaeftigelsesfradrag_sats",
  employmentAllowanceMax: "beskaeftigelsesfradrag_maks",
  jobAllowanceRate: "jobfradrag_sats",
  jobAllowanceFloor: "jobfradrag_bundgraense",
  jobAllowanceMax: "jobfradrag_maks",
  discountRate: "diskonteringsrente",
  distortionFactor: "forvridningsfaktor",
  employerCostFactor: "arbejdsgiveromkostningsfaktor",
};

/** Provenance of the pilot's own inputs (DOMAIN.md, docs/calibration.md). V = published, A = assumption/calibration. */
export const PILOT_INPUT_NOTES: Readonly<
  Record<string, { readonly evidence: "V" | "A"; readonly da: string; readonly en: string }>
> = {
  participants: { evidence: "V", da: "DRC/COWI-piloten (PDJF 2023)", en: "DRC/COWI pilot (PDJF 2023)" },
  costPerParticipant: { evidence: "V", da: "DRC/COWI-piloten (PDJF 2023)", en: "DRC/COWI pilot (PDJF 2023)" },
  measurementMonth: { evidence: "V", da: "Målt 2 måneder efter indsatsen", en: "Measured 2 months after the effort" },
  interventionMonths: { evidence: "A", da: "Antaget indsatslængde", en: "Assumed length of the effort" },
  horizonMonths: {
    evidence: "A",
    da: `Kalibreret: ${PILOT_HORIZON_MONTHS} mdr. gengiver begge publicerede tal inden for 1,2 %`,
    en: `Calibrated: ${PILOT_HORIZON_MONTHS} months reproduce both published figures within 1.2 %`,
  },
  persistence: { evidence: "A", da: "Antaget: intet henfald", en: "Assumed: no decay" },
  costTiming: { evidence: "A", da: "Antaget: fordelt over indsatsen", en: "Assumed: spread over the effort" },
  weeksOnBenefitAtIntake: {
    evidence: "A",
    da: "Langtidsledige: refusionstrin 20 %",
    en: "Long-term recipients: refusion step 20 %",
  },
  equalisationShare: { evidence: "A", da: "Brutto-visning som SØM (U = 0)", en: "Gross view as SØM (U = 0)" },
  netTaxFactor: {
    evidence: "A",
    da: "Kalibreret til COWI: NAF 1,0 (FM 2023: 1,28)",
    en: "Calibrated to COWI: NAF 1.0 (FM 2023: 1.28)",
  },
  participantShare: {
    evidence: "V",
    da: "Pilotens udfald (PDJF 2023) som antal ud af 55 målte",
    en: "Pilot outcomes (PDJF 2023) as counts of 55 measured",
  },
  comparisonShare: {
    evidence: "V",
    da: "Pilotens kontrolgruppe (PDJF 2023)",
    en: "Pilot comparison group (PDJF 2023)",
  },
};

/** Where an input's value comes from, in words, for the workbook's source column. */
export interface Provenance {
  readonly evidence: "V" | "S" | "A" | "user";
  readonly da: string;
  readonly en: string;
}

/**
 * The provenance of an input's value in a scenario: the built-in parameter's source and year when the value is that
 * parameter's value for the scenario's year; the pilot's note when it is the pilot's value; otherwise a user input.
 * @example inputProvenance(pilot, "municipalTaxRate") // { evidence: "V", en: "Skatteministeriet, ... (2023)", ... }
 */
export function inputProvenance(scenario: Scenario, key: string): Provenance {
  const value = currentValue(scenario, key);
  const parameterId = INPUT_PARAMETER_IDS[key];
  if (parameterId !== undefined) {
    const found = parameterValue(parameterId, scenario.parameterYear);
    if (found.ok && found.value.value === value) {
      const source = `${found.value.source} (${found.value.year}${found.value.note === null ? "" : `; ${found.value.note}`})`;
      return { evidence: found.value.evidence, da: source, en: source };
    }
  }
  const pilot = pilotScenario(scenario.parameterYear);
  const noteKey = key.split(".")[0] ?? key;
  const note = PILOT_INPUT_NOTES[noteKey] ?? PILOT_INPUT_NOTES[key];
  if (pilot.ok && note !== undefined && currentValue(pilot.value, key) === value) return note;
  if (key === "benefit.JOB_PART" && pilot.ok && currentValue(pilot.value, key) === value) {
    return {
      evidence: "A",
      da: "Supplerende ydelse: 40 % af den midlertidige ydelse (antagelse)",
      en: "Top-up benefit: 40 % of the temporary benefit (assumption)",
    };
  }
  return { evidence: "user", da: "Brugerens eget tal", en: "User input" };
}

function currentValue(scenario: Scenario, key: string): number | string | undefined {
  const refusion = /^refusion\.week(\d+)$/.exec(key);
  if (refusion !== null) return scenario.refusionSteps.find((step) => step.fromWeek === Number(refusion[1]))?.share;
  return findInputField(key)?.get(scenario);
}
