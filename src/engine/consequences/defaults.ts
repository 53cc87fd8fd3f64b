import { perState } from "../states";
import type { Consequence, ConsequenceArea, ConsequencePayer, ConsequenceText } from "./model";

/** SØM counts consequences for up to 10 years (Socialstyrelsen, SØM FAQ – konsekvenser) [V]. */
export const SOEM_DURATION_MONTHS = 120;

function row(
  id: string,
  name: ConsequenceText,
  area: ConsequenceArea,
  unit: ConsequenceText,
  payer: ConsequencePayer,
  price: { unitPrice: number; priceYear: number; evidence: "V" | "S"; source: string } | null,
): Consequence {
  return {
    id,
    name,
    area,
    unit,
    unitPrice: price?.unitPrice ?? null,
    priceYear: price?.priceYear ?? null,
    indexFactor: null,
    payer,
    refusionShare: 0,
    evidence: price?.evidence ?? "U",
    source: price?.source ?? "",
    changePerYear: perState(() => 0),
    durationMonths: SOEM_DURATION_MONTHS,
    decayPerYear: 0,
  };
}

/**
 * The default consequence table (issue 15): unit prices only where ../shared/reference/broad-savings.md §1.3 gives a
 * source ([V] read in the source, [S] secondary), with their price year and payer; every other unit has no price
 * ([U], "not found — supply your own"). Every change in use is 0: no Danish or Nordic trial of how the use of these
 * services changes for trauma-affected refugees who find work was found [U] (§2), so the defaults add exactly 0 and
 * the broad case of the pilot equals the narrow one until a user supplies changes. Sickness benefit (sygedagpenge,
 * 4,550 kr/week 2023) is a benefit the employment account already counts and is therefore not a row.
 * @example DEFAULT_CONSEQUENCES.find((c) => c.id === "prisonDay")?.unitPrice // 1469 (kr per inmate-day, 2015)
 */
export const DEFAULT_CONSEQUENCES: readonly Consequence[] = [
  row(
    "prisonDay",
    { da: "Fængselsdag (gennemsnit)", en: "Prison day (average)" },
    "crime",
    { da: "fangedag", en: "inmate-day" },
    "state",
    {
      unitPrice: 1469,
      priceYear: 2015,
      evidence: "V",
      source:
        "Kriminalforsorgen, Økonomi (2015 figures): average 1,469 kr per inmate-day (closed 1,878, open 1,321, arresthus 1,199), http://www.kriminalforsorgen.dk/%C3%98konomi-7062.aspx",
    },
  ),
  row(
    "psychiatricSpecialPlace",
    { da: "Særlig plads i psykiatrien", en: "Special psychiatric place" },
    "health",
    { da: "døgn", en: "day" },
    "municipality",
    {
      unitPrice: 4165,
      priceYear: 2022,
      evidence: "V",
      source:
        "Region Hovedstadens Psykiatri, Særlige pladser i psykiatrien – Økonomi (2022): 4,165 kr per day paid by the kommune, https://www.psykiatri-regionh.dk/centre-og-social-tilbud/Psykiatriske-centre/Psykiatrisk-Center-Nordsjaelland/Undersoegelse-og-behandling/saerlige-pladser-i-psykiatrien/For-fagfolk/Sider/%C3%98konomi.aspx",
    },
  ),
  row(
    "fosterCare",
    { da: "Anbringelse i plejefamilie", en: "Placement in a foster family" },
    "childrenFamily",
    { da: "anbringelsesår", en: "placement-year" },
    "municipality",
    {
      unitPrice: 470000,
      priceYear: 2019,
      evidence: "S",
      source:
        "NB-Økonomi (2020) on a Benchmarkingenheden report: 470,000 kr per year (2019), https://www.nb-okonomi.dk/2020/10/07/kommuner-sparer-penge-ved-at-bruge-flere-plejefamilier/",
    },
  ),
  row(
    "residentialPlacement",
    { da: "Anbringelse på institution eller opholdssted", en: "Placement in an institution or residential home" },
    "childrenFamily",
    { da: "anbringelsesår", en: "placement-year" },
    "municipality",
    {
      unitPrice: 1160000,
      priceYear: 2019,
      evidence: "S",
      source:
        "NB-Økonomi (2020) on a Benchmarkingenheden report: 1,160,000 kr per year (2019), https://www.nb-okonomi.dk/2020/10/07/kommuner-sparer-penge-ved-at-bruge-flere-plejefamilier/",
    },
  ),
  row(
    "shelterYear",
    { da: "Ophold på forsorgshjem (§ 110)", en: "Stay in a homeless shelter (§ 110)" },
    "housing",
    { da: "helårsophold", en: "year of stay" },
    "municipality",
    {
      unitPrice: 550000,
      priceYear: 2023,
      evidence: "S",
      source:
        "Godt i gang med Housing First, Økonomien i Housing First (citing Social- og Boligstyrelsen and VIVE 2020): about 550,000 kr per year (about 2023); before any state refusion, which the 2023 shelter reform limits to the first 120 days, https://godtigang-housingfirst.dk/tema-okonomien-i-housing-first/",
    },
  ),
  row(
    "childHealthContactRegion",
    {
      da: "Kontakt i sygesikringen, barn 0-17 år (regionens del)",
      en: "Health-insurance contact, child 0-17 (region's part)",
    },
    "health",
    { da: "kontakt", en: "contact" },
    "region",
    {
      unitPrice: 352,
      priceYear: 2022,
      evidence: "V",
      source:
        "REFUD (BUVM/VIVE, Krassel et al. 2022), sygesikring 'andre' page: region 352 kr per contact, age 0-17, 2022 prices, https://refud.dk/sygesikringandre",
    },
  ),
  row(
    "childHealthContactMunicipality",
    {
      da: "Kontakt i sygesikringen, barn 0-17 år (kommunens del)",
      en: "Health-insurance contact, child 0-17 (municipality's part)",
    },
    "health",
    { da: "kontakt", en: "contact" },
    "municipality",
    {
      unitPrice: 110,
      priceYear: 2022,
      evidence: "V",
      source:
        "REFUD (BUVM/VIVE, Krassel et al. 2022), sygesikring 'andre' page: kommune 110 kr per contact, age 0-17, 2022 prices, https://refud.dk/sygesikringandre",
    },
  ),
  row(
    "psychiatricBedDay",
    { da: "Sengedag i psykiatrien", en: "Psychiatric bed-day" },
    "health",
    { da: "sengedag", en: "bed-day" },
    "region",
    null,
  ),
  row(
    "psychiatricOutpatient",
    { da: "Ambulant besøg i psykiatrien", en: "Psychiatric outpatient visit" },
    "health",
    { da: "besøg", en: "visit" },
    "region",
    null,
  ),
  row(
    "gpContact",
    { da: "Kontakt til almen praksis, voksen", en: "GP contact, adult" },
    "health",
    { da: "kontakt", en: "contact" },
    "region",
    null,
  ),
  row(
    "emergencyVisit",
    { da: "Skadestuebesøg", en: "Emergency-room visit" },
    "health",
    { da: "besøg", en: "visit" },
    "region",
    null,
  ),
  row(
    "somaticAdmission",
    { da: "Somatisk indlæggelse", en: "Somatic hospital admission" },
    "health",
    { da: "indlæggelse", en: "admission" },
    "region",
    null,
  ),
  row(
    "addictionTreatment",
    { da: "Alkohol- eller stofbehandling", en: "Alcohol or drug treatment" },
    "addiction",
    { da: "behandlingsforløb", en: "course of treatment" },
    "municipality",
    null,
  ),
  row(
    "socialSupportHour",
    { da: "Socialpædagogisk støtte (§ 85)", en: "Social-pedagogical support (§ 85)" },
    "social",
    { da: "time", en: "hour" },
    "municipality",
    null,
  ),
  row(
    "policeCharge",
    { da: "Sigtelse (politi)", en: "Police charge" },
    "crime",
    { da: "sigtelse", en: "charge" },
    "state",
    null,
  ),
];
