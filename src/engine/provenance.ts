import { findInputField } from "./inputs";
import { parameterValue } from "./parameters/lookup";
import { PILOT_HORIZON_MONTHS, pilotScenario } from "./pilot";
import type { Scenario } from "./scenario";
import { ownValue } from "./lookup";

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

/**
 * Provenance of the pilot's own inputs (docs/calibration.md), in Danish and English. V = published, A = assumption or
 * calibration. The published figures are the DRC/COWI pilot's, as reported by Poul Due Jensens Fond on 9 Aug 2023.
 */
export const PILOT_INPUT_NOTES: Readonly<
  Record<string, { readonly evidence: "V" | "A"; readonly da: string; readonly en: string }>
> = {
  participants: {
    evidence: "V",
    da: "DRC/COWI-pilotens resultater, gengivet af Poul Due Jensens Fond, 9. august 2023 (pdjf.dk)",
    en: "DRC/COWI pilot results as reported by Poul Due Jensens Fond, 9 August 2023 (pdjf.dk)",
  },
  costPerParticipant: {
    evidence: "V",
    da: "DRC/COWI-pilotens resultater, gengivet af Poul Due Jensens Fond, 9. august 2023 (pdjf.dk)",
    en: "DRC/COWI pilot results as reported by Poul Due Jensens Fond, 9 August 2023 (pdjf.dk)",
  },
  measurementMonth: {
    evidence: "V",
    da: "Målt 2 måneder efter indsatsen (DRC/COWI-piloten, Poul Due Jensens Fond 2023)",
    en: "Measured 2 months after the effort (DRC/COWI pilot, Poul Due Jensens Fond 2023)",
  },
  interventionMonths: {
    evidence: "A",
    da: "Antagelse: indsatsen varer 12 måneder",
    en: "Assumption: the effort lasts 12 months",
  },
  horizonMonths: {
    evidence: "A",
    da: `Kalibreret: ${PILOT_HORIZON_MONTHS} mdr. gengiver begge pilotens publicerede tal (2023) inden for 1,2 %`,
    en: `Calibrated: ${PILOT_HORIZON_MONTHS} months reproduce both of the pilot's published figures (2023) within 1.2 %`,
  },
  persistence: {
    evidence: "A",
    da: "Antagelse: effekten aftager ikke efter målemåneden",
    en: "Assumption: the effect does not decay after the measurement month",
  },
  costTiming: {
    evidence: "A",
    da: "Antagelse: omkostningen fordeles over indsatsen",
    en: "Assumption: the cost is spread over the effort",
  },
  weeksOnBenefitAtIntake: {
    evidence: "A",
    da: "Antagelse: langvarige modtagere (104 uger), så refusionen er 20 %",
    en: "Assumption: long-term recipients (104 weeks), so the reimbursement is 20 %",
  },
  equalisationShare: {
    evidence: "A",
    da: "Antagelse: bruttovisning som i SØM, den socialøkonomiske investeringsmodel (U = 0)",
    en: "Assumption: gross view as in SØM, the Danish socio-economic investment model (U = 0)",
  },
  netTaxFactor: {
    evidence: "A",
    da: "Kalibreret til COWI-tallet: NAF 1,0 (Finansministeriets vejledning 2023: 1,28)",
    en: "Calibrated to COWI's figure: NAF 1.0 (Ministry of Finance guidance 2023: 1.28)",
  },
  participantShare: {
    evidence: "V",
    da: "Pilotens udfald (Poul Due Jensens Fond 2023) som antal ud af 55 målte deltagere",
    en: "Pilot outcomes (Poul Due Jensens Fond 2023) as counts of 55 measured participants",
  },
  neutralise: {
    evidence: "A",
    da: "Som offentliggjort: alle forskelle tæller (0); 1 neutraliserer tilstanden, så deltagerne får kontrolgruppens andel",
    en: "As published: every difference counts (0); 1 neutralises the state, giving participants the comparison share",
  },
  attributionReference: {
    evidence: "A",
    da: "Antagelse: TEMP, den midlertidige ydelse målgruppen kommer fra",
    en: "Assumption: TEMP, the temporary benefit the target group comes from",
  },
  comparisonShare: {
    evidence: "V",
    da: "Pilotens kontrolgruppe (Poul Due Jensens Fond 2023)",
    en: "Pilot comparison group (Poul Due Jensens Fond 2023)",
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
 * @example inputProvenance(pilot, "municipalTaxRate") // { evidence: "V", en: "Danish Ministry of Taxation: …", … }
 */
export function inputProvenance(scenario: Scenario, key: string): Provenance {
  const value = currentValue(scenario, key);
  const parameterId = ownValue(INPUT_PARAMETER_IDS, key);
  if (parameterId !== undefined) {
    const found = parameterValue(parameterId, scenario.parameterYear);
    if (found.ok && found.value.value === value) {
      const { source, note } = found.value;
      return {
        evidence: found.value.evidence,
        da: note === null ? source.da : `${source.da}. ${note.da}`,
        en: note === null ? source.en : `${source.en}. ${note.en}`,
      };
    }
  }
  const pilot = pilotScenario(scenario.parameterYear);
  const noteKey = key.split(".")[0] ?? key;
  const note = PILOT_INPUT_NOTES[noteKey] ?? PILOT_INPUT_NOTES[key];
  if (pilot.ok && note !== undefined && currentValue(pilot.value, key) === value) return note;
  if (key === "benefit.JOB_PART" && pilot.ok && currentValue(pilot.value, key) === value) {
    return {
      evidence: "A",
      da: "Antagelse (2023): den supplerende ydelse er 40 % af ydelsen i midlertidig overførsel",
      en: "Assumption (2023): the top-up benefit is 40 % of the temporary-transfer benefit",
    };
  }
  return { evidence: "user", da: "Brugerens eget tal", en: "User input" };
}

function currentValue(scenario: Scenario, key: string): number | string | undefined {
  const refusion = /^refusion\.week(\d+)$/.exec(key);
  if (refusion !== null) return scenario.refusionSteps.find((step) => step.fromWeek === Number(refusion[1]))?.share;
  return findInputField(key)?.get(scenario);
}

/** Where one parameter-derived input's value comes from (`npm run case -- --json`, key `provenance`). */
export interface DefaultProvenance {
  /** Input name, e.g. "wage.JOB". */
  readonly input: string;
  readonly value: number | string | undefined;
  /** The built-in parameter id the default comes from. */
  readonly parameterId: string;
  /** True when the value is the built-in default of the scenario's parameter year, false when the scenario gave it. */
  readonly isDefault: boolean;
  /** Year of the default used (the parameter year), null when the scenario supplied the value. */
  readonly year: number | null;
  readonly evidence: Provenance["evidence"];
  readonly source: { readonly da: string; readonly en: string };
}

/**
 * The year, evidence mark and source of every parameter-derived input of a scenario (issue 10: every default used
 * carries its year and source in the output). A value the scenario supplied itself is marked `user` with year null.
 * @example defaultsProvenance(pilot2025).find((p) => p.input === "wage.JOB") // { year: 2025, evidence: "A", … }
 */
export function defaultsProvenance(scenario: Scenario): DefaultProvenance[] {
  return Object.entries(INPUT_PARAMETER_IDS).map(([input, parameterId]) => {
    const provenance = inputProvenance(scenario, input);
    const isDefault = provenance.evidence !== "user";
    return {
      input,
      value: currentValue(scenario, input),
      parameterId,
      isDefault,
      year: isDefault ? scenario.parameterYear : null,
      evidence: provenance.evidence,
      source: { da: provenance.da, en: provenance.en },
    };
  });
}
