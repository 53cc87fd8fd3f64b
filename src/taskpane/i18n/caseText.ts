import type { Language } from "../about";

/**
 * The words of the case tools (issue 14 items 2, 3 and 9): save and open a case file, compare A and B, the committee
 * summary ("Beslutningsoplæg"). Danish and English, each complete.
 */
const CASE_TEXT = {
  caseGroup: { da: "Sagen", en: "The case" },
  saveCase: { da: "Gem sagen (.json)", en: "Save the case (.json)" },
  openCaseFile: { da: "Åbn en gemt sag (.json)", en: "Open a saved case (.json)" },
  saved: { da: "Sagen er gemt som {file}.", en: "The case was saved as {file}." },
  loaded: {
    da: "Sagen fra {file} er åbnet. Du kan fortryde det med Fortryd.",
    en: "The case from {file} was opened. You can undo it with Undo.",
  },
  moreProblems: {
    da: "… og {n} problemer mere (kun de første {shown} vises).",
    en: "… and {n} more problems (only the first {shown} are shown).",
  },
  fileProblems: {
    da: "{file} er ikke en gyldig sag, og intet er ændret. Det er galt:",
    en: "{file} is not a valid case, and nothing was changed. What is wrong:",
  },
  cannotSave: { da: "Sagen kan ikke gemmes endnu. Det er galt:", en: "The case cannot be saved yet. What is wrong:" },
  fixFirst: {
    da: "Ret de markerede felter først (se trinnene med ⚠).",
    en: "Fix the marked fields first (see the steps marked ⚠).",
  },
  pinA: { da: "Fastgør som A", en: "Pin as A" },
  compare: { da: "Sammenlign A og B", en: "Compare A and B" },
  closePanel: { da: "Luk", en: "Close" },
  pinned: {
    da: "A er fastgjort ({name}). Ret nu sagen: B er sagen, som den er nu.",
    en: "A is pinned ({name}). Now change the case: B is the case as it is now.",
  },
  compareTitle: { da: "A og B side om side", en: "A and B side by side" },
  compareNoA: {
    da: "Fastgør først sagen som A, og ret den derefter. Så vises A og B side om side.",
    en: "First pin the case as A, then change it. A and B are then shown side by side.",
  },
  compareInvalid: {
    da: "B har fejl, der skal rettes, før den kan sammenlignes.",
    en: "B has errors to fix before it can be compared.",
  },
  compareCaption: {
    da: "Nutidsværdi i kr. pr. deltager, medmindre andet er nævnt. B − A er forskellen.",
    en: "Present value in kr per participant unless stated otherwise. B − A is the difference.",
  },
  column: { da: "Tal", en: "Figure" },
  difference: { da: "B − A", en: "B − A" },
  accounts: { da: "Regnskaber", en: "Accounts" },
  municipality: { da: "Kommunen", en: "Municipality" },
  state: { da: "Staten", en: "State" },
  region: { da: "Regionen", en: "Region" },
  otherMunicipalities: { da: "Øvrige kommuner (udligning)", en: "Other municipalities (equalisation)" },
  public: { da: "Offentlig sektor i alt", en: "Public sector in total" },
  socioEconomic: { da: "Samfundsøkonomisk", en: "Socio-economic" },
  breakEven: { da: "Kommunen tjener indsatsen hjem (måned)", en: "Municipality earns the programme back (month)" },
  paymentGroup: { da: "Betaling", en: "Payment" },
  paymentTotal: { da: "Betaling i alt (kr., ikke tilbagediskonteret)", en: "Payment in total (kr, undiscounted)" },
  paymentPv: { da: "Betaling i alt, nutidsværdi (kr.)", en: "Payment in total, present value (kr)" },
  municipalityAfter: {
    da: "Kommunen efter betalinger, nutidsværdi (kr.)",
    en: "Municipality after payments, present value (kr)",
  },
  investorGroup: { da: "Investor", en: "Investor" },
  drawn: { da: "Investor skyder ind (kr.)", en: "Investor pays in (kr)" },
  returned: { da: "Investor får tilbage (kr.)", en: "Investor gets back (kr)" },
  multiple: { da: "Pengemultipel", en: "Money multiple" },
  irr: { da: "Investorens afkast (intern rente, årlig)", en: "Investor's return (IRR, effective annual)" },
  noIrr: { da: "intet afkast kan beregnes", en: "no IRR can be computed" },
  deadweightGroup: { da: "Dødvægt", en: "Deadweight" },
  atZero: { da: "Betaling, hvis indsatsen ingen effekt har (kr.)", en: "Payment if the programme has no effect (kr)" },
  deadweightShare: { da: "Andel af betalingen uden effekt", en: "Share of the payment without effect" },
  afterLast: {
    da: "Kommunens besparelser efter sidste resultatbetaling",
    en: "Municipality's savings after the last outcome payment",
  },
  viewsGroup: { da: "Synsvinkler (kr. pr. deltager)", en: "Views (kr per participant)" },
  viewMunicipality: { da: "{view}: kommunen", en: "{view}: municipality" },
  viewSocio: { da: "{view}: samfundsøkonomisk", en: "{view}: socio-economic" },
  none: { da: "ingen", en: "none" },
  notReached: { da: "ikke inden for horisonten", en: "not within the horizon" },
  month: { da: "måned {n}", en: "month {n}" },
  summary: { da: "Beslutningsoplæg", en: "Committee summary" },
  printSummary: { da: "Udskriv / gem som PDF", en: "Print / save as PDF" },
  summaryHtml: { da: "Hent som HTML-fil", en: "Download as an HTML file" },
  summaryHtmlHelp: {
    da: "Hvis udskrift ikke virker i Excel, så hent oplægget som HTML-fil, åbn det i en browser, og udskriv det derfra.",
    en: "If printing does not work in Excel, download the summary as an HTML file, open it in a browser and print it from there.",
  },
  summaryTitle: { da: "Beslutningsoplæg: {name}", en: "Committee summary: {name}" },
  summaryBasis: {
    da: "{participants} deltagere, tidshorisont {months} måneder, diskonteringsrente {rate} om året. Beløb i kr., faste priser, parameterår {year}. Udskrevet {date}.",
    en: "{participants} participants, horizon {months} months, discount rate {rate} a year. Amounts in kr, fixed prices, parameter year {year}. Printed {date}.",
  },
  summaryInvalid: {
    da: "Sagen har fejl, der skal rettes, før oplægget kan laves.",
    en: "The case has errors to fix before the summary can be made.",
  },
  fiveNumbers: { da: "Sagen i fem tal", en: "The case in five numbers" },
  n1: { da: "Kommunens nettoresultat pr. deltager", en: "Municipality's net result per participant" },
  n1Note: { da: "nutidsværdi, besparelser minus indsatsens pris", en: "present value, savings minus programme cost" },
  n2: { da: "Offentlig sektor i alt pr. deltager", en: "Public sector in total per participant" },
  n2Note: { da: "kommune, stat, region og udligning", en: "municipality, state, region and equalisation" },
  n3: { da: "Samfundsøkonomisk resultat pr. deltager", en: "Socio-economic result per participant" },
  n3Note: { da: "hele samfundet", en: "society as a whole" },
  n4: { da: "Kommunen tjener indsatsen hjem", en: "The municipality earns the programme back" },
  n4Note: { da: "uden betalinger til investor", en: "before payments to the investor" },
  n5: { da: "Investorens afkast om året", en: "Investor's return a year" },
  n5Note: { da: "pengemultipel {multiple}", en: "money multiple {multiple}" },
  attributionTitle: {
    da: "Hvad bærer kommunens resultat? (kr. pr. deltager, målt mod {reference})",
    en: "What carries the municipality's result? (kr per participant, against {reference})",
  },
  attributionAlt: {
    da: "Søjler pr. udfald: {rows}. I alt {total}.",
    en: "Bars per outcome: {rows}. In total {total}.",
  },
  cost: { da: "Indsatsens pris", en: "Cost of the programme" },
  netTotal: { da: "Kommunens resultat i alt", en: "Municipality's result in total" },
  termsTitle: { da: "Betalingsvilkår", en: "Payment terms" },
  price: { da: "Pris pr. resultat: {metric}", en: "Price per outcome: {metric}" },
  selfSupporting: { da: "selvforsørgende ved målemåneden", en: "self-supporting at the measurement month" },
  paidHours: { da: "løntimer ved målemåneden", en: "paid hours at the measurement month" },
  sustained: { da: "stadig selvforsørgende {k} måneder senere", en: "still self-supporting {k} months later" },
  baseline: { da: "Der betales for", en: "Paid for" },
  baselineNone: { da: "alle resultater (brutto)", en: "every outcome (gross)" },
  baselineComparison: {
    da: "resultater ud over sammenligningsgruppens niveau",
    en: "outcomes above the comparison group's level",
  },
  baselineHistorical: {
    da: "resultater ud over en historisk rate på {rate}",
    en: "outcomes above a historical rate of {rate}",
  },
  threshold: { da: "Tærskel", en: "Threshold" },
  thresholdValue: { da: "{pp} procentpoint ({scope})", en: "{pp} percentage points ({scope})" },
  scopeMetric: { da: "for hvert mål", en: "for each metric" },
  scopeContract: { da: "for hele kontrakten", en: "for the whole contract" },
  noThreshold: { da: "ingen tærskel", en: "no threshold" },
  personCap: { da: "Loft pr. deltager", en: "Cap per participant" },
  contractCap: { da: "Loft for hele kontrakten", en: "Cap for the whole contract" },
  noCap: { da: "intet loft", en: "no cap" },
  lag: { da: "Betales efter", en: "Paid after" },
  lagValue: { da: "{n} måneder", en: "{n} months" },
  payers: { da: "Betalere", en: "Payers" },
  payersValue: { da: "kommunen {municipality}, staten {state}", en: "municipality {municipality}, state {state}" },
  baseFee: { da: "Fast betaling pr. deltager", en: "Fixed payment per participant" },
  savingsShare: { da: "Andel af besparelsen, der betales", en: "Share of the savings paid" },
  paymentSum: {
    da: "Betaling i alt {total} (nutidsværdi {pv}); kommunen står efter betalingerne med {net} (nutidsværdi).",
    en: "Payment in total {total} (present value {pv}); the municipality is left with {net} after the payments (present value).",
  },
  risksTitle: { da: "De vigtigste risici", en: "Main risks" },
  riskLoss: {
    da: "Sandsynlighed for, at investor taber penge: {p} (simulering af deltagernes udfald, {draws} træk).",
    en: "Probability that the investor loses money: {p} (simulated participant outcomes, {draws} draws).",
  },
  riskLossNone: {
    da: "Sandsynligheden for tab kan ikke beregnes for denne sag.",
    en: "The probability of a loss cannot be computed for this case.",
  },
  riskLossWhy: {
    da: "Sandsynligheden for tab kan ikke beregnes for denne sag: {reasons}.",
    en: "The probability of a loss cannot be computed for this case: {reasons}.",
  },
  riskDeadweight: {
    da: "Dødvægt: uden nogen effekt ville vilkårene stadig betale {kr} ({share} af betalingen) for resultater, som sammenligningsgruppen også nåede.",
    en: "Deadweight: with no effect at all the terms would still pay {kr} ({share} of the payment) for outcomes the comparison group reached too.",
  },
  riskDeadweightNoShare: {
    da: "Dødvægt: uden nogen effekt ville vilkårene betale {kr}.",
    en: "Deadweight: with no effect at all the terms would pay {kr}.",
  },
  riskWarning: { da: "Over advarselsgrænsen på 25 %.", en: "Above the warning level of 25 %." },
  riskPersistence: {
    da: "Vedvarenhed: {share} af kommunens besparelser kommer efter måned {month}, den sidste betaling for resultater. Hvis effekten aftager hurtigere end antaget (at den holder {rho} pr. måned), bærer kommunen tabet alene.",
    en: "Persistence: {share} of the municipality's savings arrive after month {month}, the last payment for outcomes. If the effect fades faster than assumed (that it keeps {rho} a month), the municipality alone carries the loss.",
  },
  riskPersistenceNone: {
    da: "Vedvarenhed: ingen betaling afhænger af resultater; effekten antages at holde {rho} pr. måned.",
    en: "Persistence: no payment depends on outcomes; the effect is assumed to keep {rho} a month.",
  },
  sourcesTitle: { da: "Kilder og forudsætninger", en: "Sources and assumptions" },
  sourcesEngine: {
    da: "Beregnet med SIB Business Case v{version}, samme motor som regnearkets formler og kommandolinjen (npm run case).",
    en: "Computed with SIB Business Case v{version}, the same engine as the workbook's formulas and the command line (npm run case).",
  },
  sourcesFile: {
    da: "Sagen kan gemmes som fil og regnes igen med: npm run case -- --scenario {file}",
    en: "The case can be saved as a file and computed again with: npm run case -- --scenario {file}",
  },
} as const satisfies Record<string, { readonly da: string; readonly en: string }>;

export type CaseTextKey = keyof typeof CASE_TEXT;

/** Every key (for the test that each language is complete). */
export const CASE_TEXT_KEYS = Object.keys(CASE_TEXT) as CaseTextKey[];

/**
 * A case-tool text in the language, with {placeholders} filled in.
 * @example ct("month", "da", { n: 38 }) // "måned 38"
 */
export function ct(
  key: CaseTextKey,
  language: Language,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return CASE_TEXT[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
