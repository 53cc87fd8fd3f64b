import type { Language } from "./i18n/language";

/** Languages of the taskpane (src/taskpane/i18n/language.ts). */
export type { Language };
/** Danish when the Office display language is Danish (src/taskpane/i18n/language.ts). */
export { languageFor } from "./i18n/language";

/** One custom function as the taskpane introduces it: name, a one-line description per language and an example. */
export interface FunctionHelp {
  /** The English name (the function's id in functions.json). */
  readonly name: string;
  /** The name Danish Excel registers (functions-da.json, from src/functions/danish.json; a test checks it). */
  readonly danishName: string;
  readonly da: string;
  readonly en: string;
  /** An example formula in en-US syntax ("." decimals, "," between arguments). */
  readonly example: string;
}

/** The SIB functions, in the order a model uses them. Names match the ids in functions.json (a test checks it). */
export const FUNCTION_HELP: readonly FunctionHelp[] = [
  {
    name: "SIB.EFFECTSIZE",
    danishName: "SIB.EFFEKT",
    da: "Effekt i procentpoint (deltagere minus kontrolgruppe), med 95 %-konfidensinterval når gruppestørrelserne kendes.",
    en: "Effect in percentage points (participants minus comparison group), with a 95 % interval when group sizes are known.",
    example: "=SIB.EFFECTSIZE(0.18, 0.07, 55, 100)",
  },
  {
    name: "SIB.BUDGETSAVING",
    danishName: "SIB.BUDGETBESPARELSE",
    da: "Budgetøkonomisk nettoresultat (nutidsværdi, kr) for kommune, stat, region eller det offentlige i alt.",
    en: "Net budget effect (present value, kr) for the municipality, state, region or the public sector in total.",
    example: '=SIB.BUDGETSAVING("kommune")',
  },
  {
    name: "SIB.SOCIOECONOMIC",
    danishName: "SIB.SAMFUNDSØKONOMI",
    da: "Samfundsøkonomisk nutidsværdi (kr, faste priser). Standarden er COWI's kalibrering af piloten (nettoafgiftsfaktor 1,0); Finansministeriets vejledning 2023 bruger 1,28.",
    en: "Socio-economic net present value (kr, fixed prices). The default is COWI's calibration of the pilot (net indirect-tax factor 1.0); the Ministry of Finance's 2023 guidance uses 1.28.",
    example: "=SIB.SOCIOECONOMIC()",
  },
  {
    name: "SIB.ATTRIBUTION",
    danishName: "SIB.BESPARELSE.FORDELING",
    da: "Hvad bærer besparelsen? Nutidsværdien fordelt på udfald (mod referenceudfaldet, midlertidig overførsel) og indsatsens udgift, for hver konto.",
    en: "What carries the saving? The present value split by outcome (against the reference outcome, temporary transfer) and the cost of the programme, for each account.",
    example: '=SIB.ATTRIBUTION("kommune")',
  },
  {
    name: "SIB.BREAKEVEN",
    danishName: "SIB.BALANCEPUNKT",
    da: "Måned hvor en budgetholder har tjent indsatsen hjem (diskonteret).",
    en: "Month in which a budget holder has recovered the cost of the programme (discounted).",
    example: '=SIB.BREAKEVEN("kommune")',
  },
  {
    name: "SIB.CASHFLOW",
    danishName: "SIB.PENGESTRØM",
    da: "Månedlige nettostrømme (kr) for en budgetholder som en kolonne.",
    en: "Monthly net flows (kr) for a budget holder as a column.",
    example: '=SIB.CASHFLOW("stat")',
  },
  {
    name: "SIB.PARAMETER",
    danishName: "SIB.SATS",
    da: "En indbygget sats med kilde og år, fx kontanthjælp 2024.",
    en: "A built-in rate with source and year, e.g. social assistance 2024.",
    example: '=SIB.PARAMETER("kontanthjaelp_30plus_andre", 2024)',
  },
  {
    name: "SIB.PAYMENT",
    danishName: "SIB.RESULTATBETALING",
    da: "Samlet resultatbetaling efter en prisliste, med lofter, kæde, basislinje og tærskel.",
    en: "Total outcome payment under a rate card, with caps, chained triggers, baseline and threshold.",
    example: "=SIB.PAYMENT(B2:B3, C2:C3)",
  },
  {
    name: "SIB.PAYMENTSCHEDULE",
    danishName: "SIB.BETALINGSPLAN",
    da: "Betalinger pr. måned under betalingsvilkårene, pr. betaler.",
    en: "Payments by month under the payment terms, by payer.",
    example: "=SIB.PAYMENTSCHEDULE()",
  },
  {
    name: "SIB.INVESTORFLOWS",
    danishName: "SIB.INVESTORSTRØMME",
    da: "Investorens månedlige pengestrømme: kapital, udbetalinger med afkastloft, overskud og kapitalgaranti.",
    en: "The investor's monthly flows: capital drawn, capped distributions, surplus split and principal protection.",
    example: "=SIB.INVESTORFLOWS(B2:B13, C2:C37)",
  },
  {
    name: "SIB.RETURNRATE",
    danishName: "SIB.AFKASTRATE",
    da: "Intern rente af månedlige strømme som effektiv årlig rente; siger hvorfor, når der ikke er én.",
    en: "IRR of monthly flows as an effective annual rate; says why when there is no single one.",
    example: "=SIB.RETURNRATE(D2:D51)",
  },
  {
    name: "SIB.XRETURNRATE",
    danishName: "SIB.AFKASTRATE.DATO",
    da: "Intern rente af daterede strømme efter reglerne i Excels INTERN.RENTE (XIRR), robust.",
    en: "IRR of dated flows with Excel's XIRR conventions, robust.",
    example: "=SIB.XRETURNRATE(B2:B6, A2:A6)",
  },
  {
    name: "SIB.MULTIPLE",
    danishName: "SIB.PENGEMULTIPEL",
    da: "Pengemultipel: modtaget divideret med indbetalt.",
    en: "Money multiple: received divided by paid in.",
    example: "=SIB.MULTIPLE(D2:D51)",
  },
  {
    name: "SIB.SIMULATE",
    danishName: "SIB.SIMULER",
    da: "Monte Carlo-stresstest: percentiler af investorens afkast og kommunens netto, sandsynlighed for tab.",
    en: "Monte Carlo stress test: percentiles of the investor's return and the municipality's net, probability of loss.",
    example: "=SIB.SIMULATE(10000, 1)",
  },
  {
    name: "SIB.BREAKEVENRATE",
    danishName: "SIB.NULPUNKT.ANDEL",
    da: "Andelen af deltagere i job, hvor investoren netop får sit afkastkrav.",
    en: "The share of participants in work at which the investor just reaches its hurdle.",
    example: "=SIB.BREAKEVENRATE(0.08)",
  },
  {
    name: "SIB.DEALZONE",
    danishName: "SIB.AFTALEZONE",
    da: "Prisintervallet hvor både investoren og kommunen kan sige ja.",
    en: "The price range in which both the investor and the municipality can say yes.",
    example: "=SIB.DEALZONE(0.8, 0.08)",
  },
  {
    name: "SIB.TORNADO",
    danishName: "SIB.TORNADO",
    da: "Følsomhed: hvert input lavt og højt, sorteret efter udsving, med skifteværdier.",
    en: "Sensitivity: each input low and high, sorted by swing, with switching values.",
    example: '=SIB.TORNADO("investorNpv", 0.08)',
  },
  {
    name: "SIB.PROBTARGET",
    danishName: "SIB.SANDSYNLIGHED.MÅL",
    da: "Sandsynligheden for at nå en målandel med få deltagere (eksakt binomialfordeling).",
    en: "Probability of reaching a target share with a small cohort (exact binomial distribution).",
    example: "=SIB.PROBTARGET(56, 0.3, 0.3)",
  },
  {
    name: "SIB.MDE",
    danishName: "SIB.MINDSTE.EFFEKT",
    da: "Mindste påviselige effekt i procentpoint for givne gruppestørrelser.",
    en: "Minimum detectable effect in percentage points for given group sizes.",
    example: "=SIB.MDE(56, 56, 0.2)",
  },
  {
    name: "SIB.BINOMIAL",
    danishName: "SIB.BINOMIAL",
    da: "Fordelingen af antal deltagere med udfaldet, som tabel.",
    en: "Distribution of the number of participants with the outcome, as a table.",
    example: "=SIB.BINOMIAL(56, 0.3)",
  },
];

/** Texts of the about page. */
export const ABOUT_TEXT: Readonly<
  Record<
    Language,
    {
      readonly intro: string;
      readonly functions: string;
      readonly example: string;
      readonly inExcel: string;
      readonly inBrowser: string;
      readonly note: string;
    }
  >
> = {
  da: {
    intro:
      "Business casen for en social impact bond (SIB) på beskæftigelsesområdet som levende Excel-formler: hvem sparer hvad og hvornår (kommune, stat, region), den samfundsøkonomiske værdi og betalingsvilkårene. Alle beløb i kr.; alle standardparametre har kilde og år.",
    functions: "Funktioner",
    example: "Eksempel",
    inExcel: "Kører i Excel. Skriv =SIB. i en celle for at se funktionerne.",
    inBrowser:
      "Kører i en browser uden Excel. Funktionerne virker kun i Excel; guiden kan hente hele modellen som en Excel-fil.",
    note: "Standardscenariet er DRC's SIB-pilot i Herning og Viborg (2020-23): 56 deltagere, 79.236 kr. pr. deltager.",
  },
  en: {
    intro:
      "The business case of an employment social impact bond (SIB) as live Excel formulas: who saves what and when (municipality, state, region), the socio-economic value and the payment terms. All amounts in kr; every default parameter has a source and a year.",
    functions: "Functions",
    example: "Example",
    inExcel: "Running in Excel. Type =SIB. in a cell to see the functions.",
    inBrowser:
      "Running in a browser without Excel. The functions work only in Excel; the wizard can download the whole model as an Excel file.",
    note: "The default scenario is DRC's SIB pilot in Herning and Viborg (2020-23): 56 participants, 79,236 kr per participant.",
  },
};

/**
 * The function's name as the user's Excel shows it: the Danish name in Danish, the English one otherwise.
 * @example functionNameIn(FUNCTION_HELP[0], "da") // "SIB.EFFEKT"
 */
export function functionNameIn(help: FunctionHelp, language: Language): string {
  return language === "da" ? help.danishName : help.name;
}

/**
 * An example formula as the user types it in their Excel: in Danish the Danish function name, "," as the decimal
 * mark and ";" between arguments (text in quotes is left alone); in English unchanged.
 * @example localExample(FUNCTION_HELP[0], "da") // "=SIB.EFFEKT(0,18; 0,07; 55; 100)"
 */
export function localExample(help: FunctionHelp, language: Language): string {
  if (language !== "da") return help.example;
  // In en-US formulas every "," outside quotes separates arguments (no thousands separators), every "." between digits
  // is a decimal mark.
  return help.example
    .replace(help.name, help.danishName)
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') ? part : part.replace(/,\s*/g, "; ").replace(/(\d)\.(\d)/g, "$1,$2")))
    .join("");
}
