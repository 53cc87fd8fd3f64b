/**
 * Public sources cited by the parameter data (see DOMAIN.md "Sources"). Each id is cited from `data.ts`.
 * Evidence marks: V = read in a public source; S = secondary source or transcription; A = assumption or calibration.
 */
export const SOURCES = {
  bm2023: "Beskæftigelsesministeriet, Satser for 2023 – kontanthjælp (bm.dk/satser/satser-for-2023/kontanthjaelp)",
  bm2024:
    "Beskæftigelsesministeriet, Satser for 2024 – kontanthjælpsloft (bm.dk/satser/satser-for-2024/kontanthjaelpsloft)",
  u30in2024: "detfagligehus.dk and seniorfolk.dk, uddannelseshjælp 2024 (transcriptions)",
  roskilde2020: "Roskilde Kommune, integration.roskilde.dk/oekonomi (SHO/overgangsydelse 2020)",
  ishoj2021: "Ishøj Kommune, selvforsørgelses- og hjemrejseydelse (LAS § 22 stk. 2), 2021",
  kalundborg2025: "Kalundborg Kommune, tillæg til kontanthjælp fra 1 Jul 2025",
  seniorhaandbogen2024: "seniorhaandbogen.dk/pension/foertidspension (2024)",
  uim2024: "Udlændinge- og Integrationsministeriet, Satser 2024 (uim.dk/tal-og-statistik/satser)",
  star2016: "STAR, Kommunaløkonomiske konsekvenser ved refusionsreformen (refusion staircase from 2016)",
  skmAverageTax:
    "Skatteministeriet, Kommuneskatter – gennemsnitsprocenten i 2023 / i 2026 (skm.dk, statistik i kommunerne)",
  severalAm: "AM-bidrag 8 % (Blicher, totaladm.dk and others)",
  blicher: "Blicher, Skattemæssige satser og beløbsgrænser (blicher.dk) and totaladm.dk (2024-25)",
  skat2026: "skat.dk, employment and job allowances 2026 (via transcription)",
  fm2021Discount: "Finansministeriet, dokumentationsnotat om den samfundsøkonomiske diskonteringsrente, 7 Jan 2021",
  fm2023Guidance: "Finansministeriet, Vejledning i samfundsøkonomiske konsekvensvurderinger, 22 Jun 2023",
  fm2017Guidance: "Finansministeriet, Vejledning i samfundsøkonomiske konsekvensvurderinger, 28 Aug 2017",
  l196: "Folketinget, L 196 (2019-20), reform af udligningssystemet (landsudligning 75 %)",
  modelAssumption:
    "Model assumption for the pilot's target group (DOMAIN.md table c), near 2023 benefit rates; replace with local data",
  pilot: "DRC/COWI pilot results, quoted by Poul Due Jensens Fond, 9 Aug 2023 (pdjf.dk)",
} as const;

export type SourceId = keyof typeof SOURCES;
