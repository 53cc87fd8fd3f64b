/** A text in Danish and English (the workbook and the wizard show the one of their language). */
export interface BilingualText {
  readonly da: string;
  readonly en: string;
}

/**
 * Public sources cited by the parameter data, each in Danish and English with publisher, title (Danish titles are kept
 * in quotes in the English text so they can be looked up), year and address. Each id is cited from `data.ts`;
 * docs/calibration.md lists what was read where. Evidence marks: V = read in a public source; S = secondary source or
 * transcription; A = assumption or calibration.
 */
export const SOURCES = {
  bm2023: {
    da: 'Beskæftigelsesministeriet: "Satser for 2023 – kontanthjælp", 2023 (bm.dk/satser/satser-for-2023/kontanthjaelp)',
    en: 'Danish Ministry of Employment: "Satser for 2023 – kontanthjælp" (social assistance rates 2023), 2023 (bm.dk/satser/satser-for-2023/kontanthjaelp)',
  },
  bm2024: {
    da: 'Beskæftigelsesministeriet: "Satser for 2024 – kontanthjælpsloft", 2024 (bm.dk/satser/satser-for-2024/kontanthjaelpsloft)',
    en: 'Danish Ministry of Employment: "Satser for 2024 – kontanthjælpsloft" (rates 2024, benefit ceiling table), 2024 (bm.dk/satser/satser-for-2024/kontanthjaelpsloft)',
  },
  u30in2024: {
    da: "detfagligehus.dk og seniorfolk.dk: uddannelseshjælp 2024 (afskrifter af satserne)",
    en: "detfagligehus.dk and seniorfolk.dk: education assistance rates 2024 (transcriptions)",
  },
  roskilde2020: {
    da: "Roskilde Kommune: satser for selvforsørgelses- og hjemrejseydelse/overgangsydelse 2020 (integration.roskilde.dk/oekonomi)",
    en: "Roskilde Municipality: self-support and repatriation benefit/transition benefit rates 2020 (integration.roskilde.dk/oekonomi)",
  },
  ishoj2021: {
    da: "Ishøj Kommune: selvforsørgelses- og hjemrejseydelse (LAS § 22, stk. 2), satser 2021 (ishoj.dk)",
    en: "Ishøj Municipality: self-support and repatriation benefit (Active Social Policy Act § 22(2)), rates 2021 (ishoj.dk)",
  },
  kalundborg2025: {
    da: "Kalundborg Kommune: tillæg til kontanthjælp fra 1. juli 2025 (kalundborg.dk)",
    en: "Kalundborg Municipality: supplements to social assistance from 1 July 2025 (kalundborg.dk)",
  },
  seniorhaandbogen2024: {
    da: "Seniorhåndbogen: førtidspension 2024 (seniorhaandbogen.dk/pension/foertidspension)",
    en: '"Seniorhåndbogen" (a guide for seniors): disability pension 2024 (seniorhaandbogen.dk/pension/foertidspension)',
  },
  uim2024: {
    da: 'Udlændinge- og Integrationsministeriet: "Satser" 2024 (uim.dk/tal-og-statistik/satser)',
    en: 'Danish Ministry of Immigration and Integration: "Satser" (rates) 2024 (uim.dk/tal-og-statistik/satser)',
  },
  star2016: {
    da: 'Styrelsen for Arbejdsmarked og Rekruttering (STAR): "Kommunaløkonomiske konsekvenser ved refusionsreformen", refusionstrappen gældende fra 2016 (star.dk)',
    en: 'Danish Agency for Labour Market and Recruitment (STAR): "Kommunaløkonomiske konsekvenser ved refusionsreformen" (municipal effects of the reimbursement reform), reimbursement staircase in force from 2016 (star.dk)',
  },
  skmAverageTax2023: {
    da: 'Skatteministeriet: "Kommuneskatter – gennemsnitsprocenten i 2023", tabel 1 (2022 og 2023), 2023 (skm.dk)',
    en: 'Danish Ministry of Taxation: "Kommuneskatter – gennemsnitsprocenten i 2023" (average municipal tax rate 2023), table 1 (2022 and 2023), 2023 (skm.dk)',
  },
  skmAverageTax2026: {
    da: 'Skatteministeriet: "Kommuneskatter – gennemsnitsprocenten i 2026" (2025 og 2026), 2026 (skm.dk)',
    en: 'Danish Ministry of Taxation: "Kommuneskatter – gennemsnitsprocenten i 2026" (average municipal tax rate 2026; 2025 and 2026), 2026 (skm.dk)',
  },
  amLaw: {
    da: "Lov om arbejdsmarkedsbidrag § 1: bidraget udgør 8 pct. (lovforslag L 196, 2008-09, ft.dk); Skattestyrelsen: Den juridiske vejledning, beregning af AM-bidrag (info.skat.dk)",
    en: "Labour Market Contribution Act § 1: the contribution is 8 % (bill L 196, 2008-09, ft.dk); Danish Tax Agency: legal guide, computing the contribution (info.skat.dk)",
  },
  skmIndexed2023: {
    da: 'Skatteministeriet: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2022-2023" (reguleringstal 121,8 for 2023), 2023 (skm.dk)',
    en: 'Danish Ministry of Taxation: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2022-2023" (amounts indexed under the Personal Tax Act § 20; index 121.8 for 2023), 2023 (skm.dk)',
  },
  ll9j: {
    da: "Ligningsloven § 9 J, stk. 2: for indkomståret 2023 er procenten 10,65 og grundbeløbet 37.400 kr (2010-niveau) (retsinformation.dk)",
    en: 'Tax Assessment Act ("ligningsloven") § 9 J(2): for the income year 2023 the rate is 10.65 % and the base amount 37,400 kr (2010 level) (retsinformation.dk)',
  },
  skatJobAllowance2023: {
    da: 'Skattestyrelsen: Den juridiske vejledning, afsnittet "Jobfradrag", indkomståret 2023 (info.skat.dk)',
    en: 'Danish Tax Agency: legal guide ("Den juridiske vejledning"), section "Jobfradrag" (job allowance), income year 2023 (info.skat.dk)',
  },
  rateTables2023: {
    da: 'Revisorernes satstabeller for 2023: totaladm.dk "Satser 2022/2023" og skatteinform.dk "Satser for personer" (2023)',
    en: 'Accountants\' rate tables for 2023: totaladm.dk "Satser 2022/2023" and skatteinform.dk "Satser for personer" (2023)',
  },
  blicher: {
    da: 'Blicher: "Skattemæssige satser og beløbsgrænser" (blicher.dk) og totaladm.dk, 2024-2025',
    en: 'Blicher: "Skattemæssige satser og beløbsgrænser" (tax rates and amount limits, blicher.dk) and totaladm.dk, 2024-2025',
  },
  skat2026: {
    da: "skat.dk: beskæftigelsesfradrag og jobfradrag 2026 (via afskrift)",
    en: "skat.dk: employment and job allowances 2026 (via a transcription)",
  },
  fm2021Discount: {
    da: "Finansministeriet: dokumentationsnotat om den samfundsøkonomiske diskonteringsrente, 7. januar 2021 (fm.dk)",
    en: "Danish Ministry of Finance: documentation note on the social discount rate, 7 January 2021 (fm.dk)",
  },
  fm2023Guidance: {
    da: 'Finansministeriet: "Vejledning i samfundsøkonomiske konsekvensvurderinger", 22. juni 2023 (fm.dk)',
    en: 'Danish Ministry of Finance: "Vejledning i samfundsøkonomiske konsekvensvurderinger" (guidance on socio-economic impact assessment), 22 June 2023 (fm.dk)',
  },
  fm2017Guidance: {
    da: 'Finansministeriet: "Vejledning i samfundsøkonomiske konsekvensvurderinger", 28. august 2017 (fm.dk)',
    en: 'Danish Ministry of Finance: "Vejledning i samfundsøkonomiske konsekvensvurderinger" (guidance on socio-economic impact assessment), 28 August 2017 (fm.dk)',
  },
  l196: {
    da: "Folketinget: lovforslag L 196 (2019-20), reform af udligningssystemet, landsudligning 75 % (ft.dk)",
    en: "Danish Parliament: bill L 196 (2019-20), reform of municipal equalisation, national equalisation rate 75 % (ft.dk)",
  },
  skmIndexed2024: {
    da: 'Skatteministeriet: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2023-2024" (reguleringstal 121,8 for 2023 og 126,1 for 2024), 1. februar 2024 (skm.dk)',
    en: 'Danish Ministry of Taxation: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2023-2024" (index 121.8 for 2023 and 126.1 for 2024), 1 February 2024 (skm.dk)',
  },
  skmIndexed2026: {
    da: 'Skatteministeriet: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2025-2026" (reguleringstal 131,0 for 2025 og 137,3 for 2026), 28. august 2025 (skm.dk)',
    en: 'Danish Ministry of Taxation: "Beløbsgrænser i skattelovgivningen der reguleres efter personskattelovens § 20 – 2025-2026" (index 131.0 for 2025 and 137.3 for 2026), 28 August 2025 (skm.dk)',
  },
  bm2023and2024: {
    da: 'Beskæftigelsesministeriet: "Satser for 2023 – kontanthjælp" (11.944 kr/md.) og "Satser for 2024 – kontanthjælpsloft" (12.326 kr/md.), kontanthjælp 30+ år, ikke-forsørger (bm.dk)',
    en: 'Danish Ministry of Employment: "Satser for 2023 – kontanthjælp" (11,944 kr/month) and "Satser for 2024 – kontanthjælpsloft" (12,326 kr/month), social assistance 30+ without children (bm.dk)',
  },
  reform2025: {
    da: 'Beskæftigelsesministeriet: "Aftale om et nyt kontanthjælpssystem", 13. oktober 2023 (bm.dk); nyt system med mindstesats, grundsats og forhøjet sats fra 1. juli 2025 (borger.dk, aalborg.dk)',
    en: 'Danish Ministry of Employment: "Aftale om et nyt kontanthjælpssystem" (agreement on a new social assistance system), 13 October 2023 (bm.dk); new system with minimum, basic and increased rate from 1 July 2025 (borger.dk, aalborg.dk)',
  },
  priceAssumption: {
    da: "Antagelse: 2 % om året; en prognose fra Finansministeriet eller Danmarks Statistik for 2026 og frem blev ikke fundet i en primær kilde",
    en: "Assumption: 2 % a year; a forecast by the Ministry of Finance or Statistics Denmark for 2026 onwards was not found in a primary source",
  },
  assumption: {
    da: "Antagelse for pilotens målgruppe (2023-niveau); erstat med egne tal",
    en: "Assumption for the pilot's target group (2023 level); replace with local data",
  },
} as const satisfies Record<string, BilingualText>;

export type SourceId = keyof typeof SOURCES;
