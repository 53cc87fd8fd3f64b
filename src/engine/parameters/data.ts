import type { SourceId } from "./sources";

/** How a value is known: V read in a public source, S secondary source, A assumption or calibration. */
export type Evidence = "V" | "S" | "A";

export type ParameterUnit = "kr/month" | "kr/year" | "fraction" | "factor";

/** A value valid for the years `from`..`to` (inclusive). */
export interface SourcedValue {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly source: SourceId;
  readonly evidence: Evidence;
  readonly note?: string;
}

export interface ParameterDefinition {
  /** Stable id, lower case with underscores (used by SIB.RATE and scenario files). */
  readonly id: string;
  readonly da: string;
  readonly en: string;
  readonly unit: ParameterUnit;
  readonly values: readonly SourcedValue[];
}

/** The newest year the data is maintained for. Years after it are missing, not extrapolated. */
export const LATEST_DATA_YEAR = 2026;

function one(year: number, value: number, source: SourceId, evidence: Evidence, note?: string): SourcedValue {
  return note === undefined
    ? { from: year, to: year, value, source, evidence }
    : { from: year, to: year, value, source, evidence, note };
}

function span(from: number, to: number, value: number, source: SourceId, evidence: Evidence, note?: string) {
  return note === undefined ? { from, to, value, source, evidence } : { from, to, value, source, evidence, note };
}

/**
 * Every default parameter with its year(s), source and evidence mark (DOMAIN.md table c). One typed list, the only
 * place a default number lives. A year not covered is missing: lookups fail with MissingYear.
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
    unit: "kr/year",
    values: [one(2024, 88817, "uim2024", "V", "paid once per person; amount in kr")],
  },
  {
    id: "resultattilskud_aar_4_5",
    da: "Resultattilskud, ordinært job i år 4-5",
    en: "Result grant, ordinary job in years 4-5",
    unit: "kr/year",
    values: [one(2024, 59210, "uim2024", "V", "paid once per person; amount in kr")],
  },
  {
    id: "grundtilskud",
    da: "Grundtilskud (integrationsloven)",
    en: "Basic grant (Integration Act)",
    unit: "kr/month",
    values: [one(2024, 3127, "uim2024", "V")],
  },
  // --- Model assumptions for the pilot's target group (2023 level) ---
  {
    id: "ydelse_midlertidig",
    da: "Ydelse i midlertidig overførsel (blanding kontanthjælp/SHO)",
    en: "Benefit in temporary transfer (mix of social assistance/SHO)",
    unit: "kr/month",
    values: [
      one(2023, 12000, "modelAssumption", "A", "between kontanthjælp 30+ andre (11,944) and forsørger (15,874)"),
    ],
  },
  {
    id: "ydelse_foertidspension",
    da: "Førtidspension (blanding enlig/gift)",
    en: "Disability pension (mix single/married)",
    unit: "kr/month",
    values: [one(2023, 18000, "modelAssumption", "A", "near 2023 rates")],
  },
  {
    id: "ydelse_fleksjob",
    da: "Fleksløntilskud/ledighedsydelse",
    en: "Flex-wage subsidy/flex-job benefit",
    unit: "kr/month",
    values: [one(2023, 12000, "modelAssumption", "A")],
  },
  {
    id: "ydelse_su",
    da: "SU (statsbetalt)",
    en: "State student grant (state-paid)",
    unit: "kr/month",
    values: [one(2023, 6500, "modelAssumption", "A")],
  },
  {
    id: "supplerende_ydelse_andel",
    da: "Supplerende ydelse ved løntimer, andel af midlertidig ydelse",
    en: "Top-up benefit with paid hours, share of the temporary benefit",
    unit: "fraction",
    values: [one(2023, 0.4, "modelAssumption", "A")],
  },
  {
    id: "loen_selvforsoergende",
    da: "Bruttoløn, selvforsørgende",
    en: "Gross wage, self-supporting",
    unit: "kr/month",
    values: [one(2023, 24000, "modelAssumption", "A", "about 150 kr/hour full time")],
  },
  {
    id: "loen_ukendt_indkomst",
    da: "Bruttoløn, selvforsørgende med ukendt indkomst",
    en: "Gross wage, self-supporting with unknown income",
    unit: "kr/month",
    values: [one(2023, 12000, "modelAssumption", "A")],
  },
  {
    id: "loen_loentimer",
    da: "Bruttoløn ved løntimer",
    en: "Gross wage with paid hours",
    unit: "kr/month",
    values: [one(2023, 10000, "modelAssumption", "A")],
  },
  {
    id: "loen_fleksjob",
    da: "Bruttoløn i fleksjob",
    en: "Gross wage in a flex job",
    unit: "kr/month",
    values: [one(2023, 10000, "modelAssumption", "A")],
  },
  {
    id: "arbejdsgiveromkostningsfaktor",
    da: "Arbejdsgiveromkostningsfaktor (lønomkostning/bruttoløn)",
    en: "Employer-cost factor (wage cost/gross wage)",
    unit: "factor",
    values: [span(2023, LATEST_DATA_YEAR, 1.1, "modelAssumption", "A")],
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
    values: [span(2023, 2026, 0.08, "severalAm", "S")],
  },
  {
    id: "kommuneskat_gennemsnit",
    da: "Gennemsnitlig kommuneskat",
    en: "Average municipal income tax",
    unit: "fraction",
    values: [
      one(2022, 0.24982, "skmAverageTax", "V"),
      one(2023, 0.25018, "skmAverageTax", "V"),
      one(2025, 0.25068, "skmAverageTax", "V"),
      one(2026, 0.25049, "skmAverageTax", "V"),
    ],
  },
  {
    id: "bundskat",
    da: "Bundskat",
    en: "Bottom tax (state)",
    unit: "fraction",
    values: [
      one(2023, 0.1209, "modelAssumption", "A", "≈12.09 %; not read in a source in this project"),
      one(2025, 0.1201, "blicher", "S"),
    ],
  },
  {
    id: "personfradrag",
    da: "Personfradrag",
    en: "Personal allowance",
    unit: "kr/year",
    values: [
      one(2023, 48000, "modelAssumption", "A", "rounded 2023 level used in the worked example"),
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
      one(2023, 0.1065, "modelAssumption", "A", "2024 rate used for the 2023 run"),
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
      one(2023, 45600, "modelAssumption", "A"),
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
      one(2023, 0.045, "modelAssumption", "A"),
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
      one(2023, 203000, "modelAssumption", "A"),
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
      one(2023, 2700, "modelAssumption", "A"),
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
    values: [span(2023, LATEST_DATA_YEAR, 1.28, "fm2023Guidance", "V")],
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
];
