import type { BilingualText, SourceId } from "./sources";

/** How a value is known: V read in a public source, S secondary source, A assumption or calibration. */
export type Evidence = "V" | "S" | "A";

/** Unit of a parameter value; `kr/person` is a one-off amount per person. */
export type ParameterUnit = "kr/month" | "kr/year" | "kr/person" | "fraction" | "factor";

/**
 * How each unit is written in the workbook's Sources sheet, which shows a fraction as a percentage (the Danish forms
 * follow the Input sheet's "kr/md.").
 */
export const PARAMETER_UNIT_LABELS: Readonly<Record<ParameterUnit, BilingualText>> = {
  "kr/month": { da: "kr/md.", en: "kr/month" },
  "kr/year": { da: "kr/år", en: "kr/year" },
  "kr/person": { da: "kr pr. person", en: "kr per person" },
  fraction: { da: "procent", en: "percent" },
  factor: { da: "faktor", en: "factor" },
};

/** A value valid for the years `from`..`to` (inclusive). */
export interface SourcedValue {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly source: SourceId;
  readonly evidence: Evidence;
  /** What the source does not say by itself: how the value was derived, or what an assumption rests on. */
  readonly note?: BilingualText;
}

export interface ParameterDefinition {
  /** Stable id, lower case with underscores (used by SIB.PARAMETER and scenario files). */
  readonly id: string;
  readonly da: string;
  readonly en: string;
  readonly unit: ParameterUnit;
  readonly values: readonly SourcedValue[];
}

/** The newest year the data is maintained for. Years after it are missing, not extrapolated. */
export const LATEST_DATA_YEAR = 2026;

function one(year: number, value: number, source: SourceId, evidence: Evidence, note?: BilingualText): SourcedValue {
  return note === undefined
    ? { from: year, to: year, value, source, evidence }
    : { from: year, to: year, value, source, evidence, note };
}

function span(
  from: number,
  to: number,
  value: number,
  source: SourceId,
  evidence: Evidence,
  note?: BilingualText,
): SourcedValue {
  return note === undefined ? { from, to, value, source, evidence } : { from, to, value, source, evidence, note };
}

/**
 * Index values used to carry the target group's 2023 model assumptions forward (issue 10). Wages: the Personal Tax
 * Act § 20 index (skm.dk: 121.8 in 2023, 126.1 in 2024, 131.0 in 2025, 137.3 in 2026), which follows the annual wage
 * growth two years before [V]. Benefits: 2024 = bm.dk's kontanthjælp 30+ without children 12,326 / 11,944 [V]; 2025 and
 * 2026 add the § 20 index growth (131.0/126.1, 137.3/126.1), because the satsreguleringsprocent itself was not found [A].
 */
export const PSL20_INDEX: Readonly<Record<number, number>> = { 2023: 121.8, 2024: 126.1, 2025: 131.0, 2026: 137.3 };

/** Wage index relative to 2023, e.g. wageIndex(2026) = 137.3/121.8. */
export function wageIndex(year: number): number {
  return (PSL20_INDEX[year] ?? Number.NaN) / 121.8;
}

/** Benefit (satsregulering) index relative to 2023, e.g. benefitIndex(2024) = 12,326/11,944. */
export function benefitIndex(year: number): number {
  if (year === 2023) return 1;
  return ((PSL20_INDEX[year] ?? Number.NaN) / 126.1) * (12326 / 11944);
}

/**
 * Share of a year under the new kontanthjælp system (from 1 July 2025): 0 before 2025, 6/12 in 2025, 1 from 2026. The
 * year-weighted rule: benefit = (1 − share) × old-system level + share × new-system level.
 */
export function reformShare(year: number): number {
  return year < 2025 ? 0 : year === 2025 ? 0.5 : 1;
}

/**
 * The target group's level under the new system relative to the indexed old level: 1.0 [A], because the amounts of
 * the new mindstesats/grundsats/forhøjet sats were not found in the sources searched (DOMAIN.md (e) 4).
 */
export const NEW_SYSTEM_LEVEL = 1.0;

function enIndex(year: number): string {
  return (PSL20_INDEX[year] ?? Number.NaN).toFixed(1);
}

function daIndex(year: number): string {
  return enIndex(year).replace(".", ",");
}

/**
 * The notes' number formats, made once: this table is built when the module loads, and a toLocaleString per note made
 * a new formatter each time (the taskpane's start-up, issue 14 item 11). Same output as toLocaleString("da-DK"/"en-GB").
 */
const DA_NUMBER = new Intl.NumberFormat("da-DK");
const EN_NUMBER = new Intl.NumberFormat("en-GB");

function carried(year: number, base2023: number, kind: "wage" | "benefit" | "temporaryBenefit"): SourcedValue {
  const index = kind === "wage" ? wageIndex(year) : benefitIndex(year);
  const share = kind === "temporaryBenefit" ? reformShare(year) : 0;
  const value = Math.round(base2023 * index * (1 - share + share * NEW_SYSTEM_LEVEL));
  const indexDa =
    kind === "wage"
      ? `lønindeks (personskattelovens § 20) ${daIndex(year)}/121,8`
      : `ydelsesindeks 12.326/11.944 × ${daIndex(year)}/126,1`;
  const indexEn =
    kind === "wage"
      ? `wage index (Personal Tax Act § 20) ${enIndex(year)}/121.8`
      : `benefit index 12,326/11,944 × ${enIndex(year)}/126.1`;
  const reformDa =
    share === 0
      ? ""
      : `; kontanthjælpsreformen 1.7.2025: ${share === 0.5 ? "6 af 12 måneder" : "hele året"} i nyt system, hvis niveau for målgruppen antages lig det fremskrevne gamle (de nye satsers beløb er ikke fundet)`;
  const reformEn =
    share === 0
      ? ""
      : `; social assistance reform 1 Jul 2025: ${share === 0.5 ? "6 of 12 months" : "the whole year"} in the new system, whose level for the target group is assumed equal to the indexed old one (the new rates' amounts were not found)`;
  return one(year, value, kind === "wage" ? "skmIndexed2026" : "bm2023and2024", "A", {
    da: `2023-antagelsen ${DA_NUMBER.format(base2023)} kr/md. × ${indexDa}, rundet til hele kr${reformDa}`,
    en: `The 2023 assumption ${EN_NUMBER.format(base2023)} kr/month × ${indexEn}, rounded to whole kr${reformEn}`,
  });
}

function carriedYears(base2023: number, kind: "wage" | "benefit" | "temporaryBenefit"): SourcedValue[] {
  return [2024, 2025, 2026].map((year) => carried(year, base2023, kind));
}

const ONCE_PER_PERSON: BilingualText = { da: "Udbetales én gang pr. person", en: "Paid once per person" };

const NATIONAL_AVERAGE: BilingualText = {
  da: "Landsgennemsnit uden kirkeskat; den enkelte kommunes sats kan afvige",
  en: "National average without church tax; a municipality's own rate may differ",
};

/**
 * Every default parameter with its year(s), source and evidence mark, each source and note in Danish and English
 * (docs/calibration.md). One typed list, the only place a default number lives. A year not covered is missing:
 * lookups fail with MissingYear.
 */
export const PARAMETERS: readonly ParameterDefinition[] = [
  // --- Benefit rates (kr/month, gross) ---
  {
    id: "kontanthjaelp_30plus_forsoerger",
    da: "Kontanthjælp 30+ år, forsørger",
    en: "Social assistance 30+, with children",
    unit: "kr/month",
    values: [one(2023, 15874, "bm2023", "V"), one(2024, 16382, "bm2024", "V")],
  },
  {
    id: "kontanthjaelp_30plus_andre",
    da: "Kontanthjælp 30+ år, ikke-forsørger",
    en: "Social assistance 30+, without children",
    unit: "kr/month",
    values: [one(2023, 11944, "bm2023", "V"), one(2024, 12326, "bm2024", "V")],
  },
  {
    id: "uddannelseshjaelp_enlig_forsoerger",
    da: "Uddannelseshjælp under 30, enlig forsørger",
    en: "Education assistance under 30, single parent",
    unit: "kr/month",
    values: [one(2023, 15172, "bm2023", "V"), one(2024, 15658, "u30in2024", "S")],
  },
  {
    id: "uddannelseshjaelp_forsoerger",
    da: "Uddannelseshjælp under 30, forsørger",
    en: "Education assistance under 30, with children",
    unit: "kr/month",
    values: [one(2023, 10615, "bm2023", "V"), one(2024, 10955, "u30in2024", "S")],
  },
  {
    id: "uddannelseshjaelp_udeboende",
    da: "Uddannelseshjælp under 30, udeboende",
    en: "Education assistance under 30, living away from parents",
    unit: "kr/month",
    values: [one(2023, 7699, "bm2023", "V"), one(2024, 7945, "u30in2024", "S")],
  },
  {
    id: "uddannelseshjaelp_hjemmeboende",
    da: "Uddannelseshjælp under 30, hjemmeboende",
    en: "Education assistance under 30, living with parents",
    unit: "kr/month",
    values: [one(2023, 3715, "bm2023", "V"), one(2024, 3834, "u30in2024", "S")],
  },
  {
    id: "sho_enlig_forsoerger",
    da: "Selvforsørgelses- og hjemrejseydelse, enlig forsørger",
    en: "Self-support and repatriation benefit, single parent",
    unit: "kr/month",
    values: [one(2020, 12283, "roskilde2020", "S"), one(2021, 12437, "ishoj2021", "S")],
  },
  {
    id: "sho_gift_forsoerger",
    da: "Selvforsørgelses- og hjemrejseydelse, gift forsørger",
    en: "Self-support and repatriation benefit, married with children",
    unit: "kr/month",
    values: [one(2020, 8596, "roskilde2020", "S"), one(2021, 8703, "ishoj2021", "S")],
  },
  {
    id: "sho_ikke_forsoerger",
    da: "Selvforsørgelses- og hjemrejseydelse, ikke-forsørger 30+ eller udeboende",
    en: "Self-support and repatriation benefit, no children, 30+ or living away",
    unit: "kr/month",
    values: [one(2020, 6142, "roskilde2020", "S"), one(2021, 6219, "ishoj2021", "S")],
  },
  {
    id: "sho_hjemmeboende_under_30",
    da: "Selvforsørgelses- og hjemrejseydelse, hjemmeboende under 30",
    en: "Self-support and repatriation benefit, under 30 living with parents",
    unit: "kr/month",
    values: [one(2020, 2646, "roskilde2020", "S"), one(2021, 2679, "ishoj2021", "S")],
  },
  {
    id: "kontanthjaelp_tillaeg_boern",
    da: "Kontanthjælp fra 1.7.2025, tillæg for børn",
    en: "Social assistance from 1 Jul 2025, supplement for children",
    unit: "kr/month",
    values: [one(2025, 2784, "kalundborg2025", "S")],
  },
  {
    id: "kontanthjaelp_tillaeg_enlig_forsoerger",
    da: "Kontanthjælp fra 1.7.2025, tillæg som enlig forsørger",
    en: "Social assistance from 1 Jul 2025, single-parent supplement",
    unit: "kr/month",
    values: [one(2025, 1638, "kalundborg2025", "S")],
  },
  {
    id: "kontanthjaelp_tillaeg_enlig",
    da: "Kontanthjælp fra 1.7.2025, tillæg som enlig",
    en: "Social assistance from 1 Jul 2025, single supplement",
    unit: "kr/month",
    values: [one(2025, 1092, "kalundborg2025", "S")],
  },
  {
    id: "foertidspension_enlig",
    da: "Førtidspension, enlig",
    en: "Disability pension, single",
    unit: "kr/month",
    values: [one(2024, 20370, "seniorhaandbogen2024", "S")],
  },
  {
    id: "foertidspension_gift",
    da: "Førtidspension, gift/samlevende",
    en: "Disability pension, married/cohabiting",
    unit: "kr/month",
    values: [one(2024, 17315, "seniorhaandbogen2024", "S")],
  },
  {
    id: "resultattilskud_ordinaert_job",
    da: "Resultattilskud, ordinært job inden for 3 år",
    en: "Result grant, ordinary job within 3 years",
    unit: "kr/person",
    values: [one(2024, 88817, "uim2024", "V", ONCE_PER_PERSON)],
  },
  {
    id: "resultattilskud_aar_4_5",
    da: "Resultattilskud, ordinært job i år 4-5",
    en: "Result grant, ordinary job in years 4-5",
    unit: "kr/person",
    values: [one(2024, 59210, "uim2024", "V", ONCE_PER_PERSON)],
  },
  {
    id: "grundtilskud",
    da: "Grundtilskud (integrationsloven)",
    en: "Basic grant (Integration Act)",
    unit: "kr/month",
    values: [one(2024, 3127, "uim2024", "V")],
  },
  // --- Assumptions for the pilot's target group (2023 level; docs/calibration.md) ---
  {
    id: "ydelse_midlertidig",
    da: "Ydelse i midlertidig overførsel (blanding kontanthjælp/SHO)",
    en: "Benefit in temporary transfer (mix of social assistance/SHO)",
    unit: "kr/month",
    values: [
      one(2023, 12000, "assumption", "A", {
        da: "Niveau mellem kontanthjælp 30+ for ikke-forsørgere (11.944 kr/md.) og for forsørgere (15.874 kr/md.) i 2023, jf. Beskæftigelsesministeriets satser for 2023",
        en: "Level between social assistance 30+ without children (11,944 kr/month) and with children (15,874 kr/month) in 2023, see the Danish Ministry of Employment's rates for 2023",
      }),
      ...carriedYears(12000, "temporaryBenefit"),
    ],
  },
  {
    id: "ydelse_foertidspension",
    da: "Førtidspension (blanding enlig/gift)",
    en: "Disability pension (mix single/married)",
    unit: "kr/month",
    values: [
      one(2023, 18000, "assumption", "A", {
        da: "Niveau mellem førtidspension for gifte/samlevende (17.315 kr/md.) og for enlige (20.370 kr/md.) i 2024 (Seniorhåndbogen 2024); satserne for 2023 er ikke læst",
        en: 'Level between disability pension for married/cohabiting people (17,315 kr/month) and for single people (20,370 kr/month) in 2024 ("Seniorhåndbogen" 2024); the 2023 rates were not read',
      }),
      ...carriedYears(18000, "benefit"),
    ],
  },
  {
    id: "ydelse_fleksjob",
    da: "Fleksløntilskud/ledighedsydelse",
    en: "Flex-wage subsidy/flex-job benefit",
    unit: "kr/month",
    values: [
      one(2023, 12000, "assumption", "A", {
        da: "Ikke sammenholdt med de offentliggjorte satser for fleksløntilskud og ledighedsydelse i 2023",
        en: "Not checked against the published 2023 rates of the flex-wage subsidy and the flex-job benefit",
      }),
      ...carriedYears(12000, "benefit"),
    ],
  },
  {
    id: "ydelse_su",
    da: "SU (statsbetalt)",
    en: "State student grant (state-paid)",
    unit: "kr/month",
    values: [
      one(2023, 6500, "assumption", "A", {
        da: "Betales af staten; ikke sammenholdt med de offentliggjorte SU-satser for 2023",
        en: "Paid by the state; not checked against the published student grant rates for 2023",
      }),
      ...carriedYears(6500, "benefit"),
    ],
  },
  {
    id: "supplerende_ydelse_andel",
    da: "Supplerende ydelse ved løntimer, andel af midlertidig ydelse",
    en: "Top-up benefit with paid hours, share of the temporary benefit",
    unit: "fraction",
    values: [
      span(2023, LATEST_DATA_YEAR, 0.4, "assumption", "A", {
        da: "Den supplerende ydelse ved løntimer sættes til 40 % af ydelsen i midlertidig overførsel (2023, uændret 2024-2026)",
        en: "The top-up benefit with paid hours is set to 40 % of the temporary-transfer benefit (2023, unchanged 2024-2026)",
      }),
    ],
  },
  {
    id: "loen_selvforsoergende",
    da: "Bruttoløn, selvforsørgende",
    en: "Gross wage, self-supporting",
    unit: "kr/month",
    values: [
      one(2023, 24000, "assumption", "A", {
        da: "Ca. 150 kr/time på fuld tid (160 timer/md.) i 2023",
        en: "About 150 kr/hour full time (160 hours/month) in 2023",
      }),
      ...carriedYears(24000, "wage"),
    ],
  },
  {
    id: "loen_ukendt_indkomst",
    da: "Bruttoløn, selvforsørgende med ukendt indkomst",
    en: "Gross wage, self-supporting with unknown income",
    unit: "kr/month",
    values: [
      one(2023, 12000, "assumption", "A", {
        da: "Halv fuldtidsløn (2023); pilotens resultater oplyser ikke indkomsten, som kan være 0",
        en: "Half a full-time wage (2023); the pilot's results do not give the income, which may be 0",
      }),
      ...carriedYears(12000, "wage"),
    ],
  },
  {
    id: "loen_loentimer",
    da: "Bruttoløn ved løntimer",
    en: "Gross wage with paid hours",
    unit: "kr/month",
    values: [
      one(2023, 10000, "assumption", "A", {
        da: "Deltidsløn ved løntimer ved siden af en supplerende ydelse (2023)",
        en: "Part-time wage with paid hours beside a top-up benefit (2023)",
      }),
      ...carriedYears(10000, "wage"),
    ],
  },
  {
    id: "loen_fleksjob",
    da: "Bruttoløn i fleksjob",
    en: "Gross wage in a flex job",
    unit: "kr/month",
    values: [
      one(2023, 10000, "assumption", "A", {
        da: "Løn for de timer, der arbejdes i fleksjob (2023)",
        en: "Wage for the hours worked in a flex job (2023)",
      }),
      ...carriedYears(10000, "wage"),
    ],
  },
  {
    id: "arbejdsgiveromkostningsfaktor",
    da: "Arbejdsgiveromkostningsfaktor (lønomkostning/bruttoløn)",
    en: "Employer-cost factor (wage cost/gross wage)",
    unit: "factor",
    values: [
      span(2023, LATEST_DATA_YEAR, 1.1, "assumption", "A", {
        da: "Lønomkostning = 1,10 × bruttoløn, brugt fra 2023",
        en: "Wage cost = 1.10 × gross wage, used from 2023",
      }),
    ],
  },
  // --- Refusion (state reimbursement of municipal benefits) ---
  {
    id: "refusion_uge_1_4",
    da: "Refusion uge 1-4",
    en: "Refusion weeks 1-4",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.8, "star2016", "V")],
  },
  {
    id: "refusion_uge_5_26",
    da: "Refusion uge 5-26",
    en: "Refusion weeks 5-26",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.4, "star2016", "V")],
  },
  {
    id: "refusion_uge_27_52",
    da: "Refusion uge 27-52",
    en: "Refusion weeks 27-52",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.3, "star2016", "V")],
  },
  {
    id: "refusion_uge_53_plus",
    da: "Refusion fra uge 53",
    en: "Refusion from week 53",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.2, "star2016", "V")],
  },
  {
    id: "dagpenge_medfinansiering_uge_1_4",
    da: "Kommunal medfinansiering af dagpenge uge 1-4",
    en: "Municipal co-financing of unemployment benefit weeks 1-4",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.2, "star2016", "V")],
  },
  {
    id: "dagpenge_medfinansiering_uge_5_26",
    da: "Kommunal medfinansiering af dagpenge uge 5-26",
    en: "Municipal co-financing of unemployment benefit weeks 5-26",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.6, "star2016", "V")],
  },
  {
    id: "dagpenge_medfinansiering_uge_27_52",
    da: "Kommunal medfinansiering af dagpenge uge 27-52",
    en: "Municipal co-financing of unemployment benefit weeks 27-52",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.7, "star2016", "V")],
  },
  {
    id: "dagpenge_medfinansiering_uge_53_plus",
    da: "Kommunal medfinansiering af dagpenge fra uge 53",
    en: "Municipal co-financing of unemployment benefit from week 53",
    unit: "fraction",
    values: [span(2016, LATEST_DATA_YEAR, 0.8, "star2016", "V")],
  },
  // --- Tax ---
  {
    id: "am_bidrag",
    da: "AM-bidrag",
    en: "Labour-market contribution",
    unit: "fraction",
    values: [
      span(2023, 2026, 0.08, "amLaw", "V", {
        da: "Satsen står i loven og er den samme i 2023-2026",
        en: "The rate is set in the Act and is the same in 2023-2026",
      }),
    ],
  },
  {
    id: "kommuneskat_gennemsnit",
    da: "Gennemsnitlig kommuneskat",
    en: "Average municipal income tax",
    unit: "fraction",
    values: [
      one(2022, 0.24982, "skmAverageTax2023", "V", NATIONAL_AVERAGE),
      one(2023, 0.25018, "skmAverageTax2023", "V", NATIONAL_AVERAGE),
      one(2024, 0.25043, "assumption", "A", {
        da: "Antagelse: gennemsnittet for 2024 er ikke fundet; midtpunktet af Skatteministeriets 25,018 % (2023) og 25,068 % (2025)",
        en: "Assumption: the 2024 average was not found; the midpoint of the Ministry of Taxation's 25.018 % (2023) and 25.068 % (2025)",
      }),
      one(2025, 0.25068, "skmAverageTax2026", "V", NATIONAL_AVERAGE),
      one(2026, 0.25049, "skmAverageTax2026", "V", NATIONAL_AVERAGE),
    ],
  },
  {
    id: "bundskat",
    da: "Bundskat",
    en: "Bottom tax (state)",
    unit: "fraction",
    values: [
      one(2023, 0.1209, "rateTables2023", "S", {
        da: "12,09 % i 2023 ifølge revisorernes satstabeller; ikke læst hos Skatteministeriet, og enkelte tabeller angiver 12,06 %",
        en: "12.09 % in 2023 according to accountants' rate tables; not read at the Ministry of Taxation, and some tables give 12.06 %",
      }),
      one(2024, 0.1201, "assumption", "A", {
        da: "Antagelse: satsen for 2024 er ikke fundet i en kilde; 2025-satsen 12,01 % (Blicher) er brugt",
        en: "Assumption: the 2024 rate was not found in a source; the 2025 rate 12.01 % (Blicher) is used",
      }),
      one(2025, 0.1201, "blicher", "S"),
      one(2026, 0.1201, "assumption", "A", {
        da: "Antagelse: satsen for 2026 er ikke fundet i en kilde; 2025-satsen 12,01 % (Blicher) er brugt",
        en: "Assumption: the 2026 rate was not found in a source; the 2025 rate 12.01 % (Blicher) is used",
      }),
    ],
  },
  {
    id: "personfradrag",
    da: "Personfradrag",
    en: "Personal allowance",
    unit: "kr/year",
    values: [
      one(2023, 48000, "skmIndexed2023", "V", {
        da: "Personskattelovens § 10: grundbeløb 39.350 kr (2010-niveau) × 121,8 % = 47.928 kr, rundet op til 48.000 kr",
        en: "Personal Tax Act § 10: base amount 39,350 kr (2010 level) × 121.8 % = 47,928 kr, rounded up to 48,000 kr",
      }),
      one(2024, 49700, "blicher", "S"),
      one(2025, 51600, "blicher", "S"),
      one(2026, 54100, "skat2026", "S"),
    ],
  },
  {
    id: "beskaeftigelsesfradrag_sats",
    da: "Beskæftigelsesfradrag, sats",
    en: "Employment allowance, rate",
    unit: "fraction",
    values: [
      one(2023, 0.1065, "ll9j", "V"),
      one(2024, 0.1065, "blicher", "S"),
      one(2025, 0.123, "blicher", "S"),
      one(2026, 0.1275, "skat2026", "S"),
    ],
  },
  {
    id: "beskaeftigelsesfradrag_maks",
    da: "Beskæftigelsesfradrag, maksimum",
    en: "Employment allowance, maximum",
    unit: "kr/year",
    values: [
      one(2023, 45600, "ll9j", "V", {
        da: "Grundbeløb 37.400 kr (2010-niveau) × 121,8 % (Skatteministeriets reguleringstal for 2023) = 45.553 kr, rundet op til 45.600 kr",
        en: "Base amount 37,400 kr (2010 level) × 121.8 % (the Ministry of Taxation's index for 2023) = 45,553 kr, rounded up to 45,600 kr",
      }),
      one(2024, 45100, "blicher", "S"),
      one(2025, 55600, "blicher", "S"),
      one(2026, 63300, "skat2026", "S"),
    ],
  },
  {
    id: "jobfradrag_sats",
    da: "Jobfradrag, sats",
    en: "Job allowance, rate",
    unit: "fraction",
    values: [
      one(2023, 0.045, "skatJobAllowance2023", "V"),
      one(2024, 0.045, "blicher", "S"),
      one(2025, 0.045, "blicher", "S"),
      one(2026, 0.045, "skat2026", "S"),
    ],
  },
  {
    id: "jobfradrag_bundgraense",
    da: "Jobfradrag, indkomstgrænse",
    en: "Job allowance, wage floor",
    unit: "kr/year",
    values: [
      one(2023, 208700, "skatJobAllowance2023", "V"),
      one(2024, 216100, "blicher", "S"),
      one(2025, 224500, "blicher", "S"),
      one(2026, 235200, "skat2026", "S"),
    ],
  },
  {
    id: "jobfradrag_maks",
    da: "Jobfradrag, maksimum",
    en: "Job allowance, maximum",
    unit: "kr/year",
    values: [
      one(2023, 2700, "skatJobAllowance2023", "V"),
      one(2024, 2800, "blicher", "S"),
      one(2025, 2900, "blicher", "S"),
      one(2026, 3100, "skat2026", "S"),
    ],
  },
  // --- Socio-economic valuation and discounting ---
  {
    id: "diskonteringsrente",
    da: "Samfundsøkonomisk diskonteringsrente, år 0-35",
    en: "Social discount rate, years 0-35",
    unit: "fraction",
    values: [span(2021, LATEST_DATA_YEAR, 0.035, "fm2021Discount", "V")],
  },
  {
    id: "nettoafgiftsfaktor",
    da: "Nettoafgiftsfaktor (NAF)",
    en: "Net indirect-tax factor (NAF)",
    unit: "factor",
    values: [
      span(2023, LATEST_DATA_YEAR, 1.28, "fm2023Guidance", "V", {
        da: "Finansministeriets værdi; pilotens beregning er kalibreret med 1,0",
        en: "The Ministry of Finance's value; the pilot's calculation is calibrated with 1.0",
      }),
    ],
  },
  {
    id: "forvridningsfaktor",
    da: "Skatteforvridningsfaktor",
    en: "Tax distortion factor",
    unit: "factor",
    values: [span(2017, 2022, 1.1, "fm2017Guidance", "V"), span(2023, LATEST_DATA_YEAR, 1.0, "fm2023Guidance", "V")],
  },
  {
    id: "landsudligning",
    da: "Udligningsniveau i landsudligningen",
    en: "Equalisation rate (national equalisation)",
    unit: "fraction",
    values: [span(2021, LATEST_DATA_YEAR, 0.75, "l196", "V")],
  },
  // --- Indices carrying the 2023 assumptions forward and the kontanthjælp reform (issue 10) ---
  {
    id: "loenindeks",
    da: "Lønindeks (personskattelovens § 20), 2023 = 1",
    en: "Wage index (Personal Tax Act § 20), 2023 = 1",
    unit: "factor",
    values: [
      one(2023, 1, "skmIndexed2023", "V"),
      one(2024, wageIndex(2024), "skmIndexed2024", "V", { da: "126,1/121,8", en: "126.1/121.8" }),
      one(2025, wageIndex(2025), "skmIndexed2026", "V", { da: "131,0/121,8", en: "131.0/121.8" }),
      one(2026, wageIndex(2026), "skmIndexed2026", "V", { da: "137,3/121,8", en: "137.3/121.8" }),
    ],
  },
  {
    id: "ydelsesindeks",
    da: "Ydelsesindeks (satsregulering), 2023 = 1",
    en: "Benefit index (annual indexation), 2023 = 1",
    unit: "factor",
    values: [
      one(2023, 1, "bm2023", "V"),
      one(2024, benefitIndex(2024), "bm2023and2024", "V", {
        da: "Kontanthjælp 30+ år, ikke-forsørger: 12.326/11.944",
        en: "Social assistance 30+ without children: 12,326/11,944",
      }),
      one(2025, benefitIndex(2025), "skmIndexed2026", "A", {
        da: "Antagelse: satsreguleringsprocenten er ikke fundet; 2024-indekset × lønindeksets vækst 131,0/126,1",
        en: "Assumption: the annual indexation rate (satsreguleringsprocent) was not found; the 2024 index × the wage index growth 131.0/126.1",
      }),
      one(2026, benefitIndex(2026), "skmIndexed2026", "A", {
        da: "Antagelse: satsreguleringsprocenten er ikke fundet; 2024-indekset × lønindeksets vækst 137,3/126,1",
        en: "Assumption: the annual indexation rate (satsreguleringsprocent) was not found; the 2024 index × the wage index growth 137.3/126.1",
      }),
    ],
  },
  {
    id: "andel_aar_nyt_kontanthjaelpssystem",
    da: "Andel af året i det nye kontanthjælpssystem (fra 1.7.2025)",
    en: "Share of the year in the new social assistance system (from 1 Jul 2025)",
    unit: "fraction",
    values: [
      span(2023, 2024, 0, "reform2025", "V"),
      one(2025, 0.5, "reform2025", "V", {
        da: "6 af 12 måneder: ydelsen for året vægtes (1 − andel) × gammelt niveau + andel × nyt niveau",
        en: "6 of 12 months: the year's benefit is weighted (1 − share) × old level + share × new level",
      }),
      one(2026, 1, "reform2025", "V"),
    ],
  },
  {
    id: "nyt_system_niveau",
    da: "Målgruppens niveau i det nye kontanthjælpssystem i forhold til det fremskrevne gamle",
    en: "The target group's level in the new social assistance system relative to the indexed old level",
    unit: "factor",
    values: [
      span(2025, LATEST_DATA_YEAR, NEW_SYSTEM_LEVEL, "assumption", "A", {
        da: "Beløbene for mindstesats, grundsats og forhøjet sats er ikke fundet i de søgte kilder; målgruppen (30+) antages på forhøjet sats på det fremskrevne gamle niveau. Angiv egen ydelse (benefit.TEMP) for et andet niveau",
        en: "The amounts of the minimum, basic and increased rates were not found in the sources searched; the target group (30+) is assumed on the increased rate at the indexed old level. Give your own benefit (benefit.TEMP) for another level",
      }),
    ],
  },
  {
    id: "prisudvikling",
    da: "Prisudvikling pr. år (budgetvisningens løbende priser)",
    en: "Price change per year (current prices of the budget view)",
    unit: "fraction",
    values: [
      span(2023, LATEST_DATA_YEAR, 0.02, "priceAssumption", "A", {
        da: "Antagelse: 2 % om året i alle år; en sekundær gengivelse af Økonomisk Redegørelse august 2025 nævner 0,9 % for 2026 (npinvestor.dk), men dækker kun ét år og er ikke læst hos Finansministeriet",
        en: "Assumption: 2 % a year in every year; a secondary report of the August 2025 Economic Survey mentions 0.9 % for 2026 (npinvestor.dk), but it covers one year only and was not read at the Ministry of Finance",
      }),
    ],
  },
];
