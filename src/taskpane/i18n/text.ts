import type { Language } from "../about";

/** The taskpane's own words (field labels and help live with the steps). */
const TEXT = {
  appTitle: { da: "SIB Business Case", en: "SIB Business Case" },
  languageGroup: { da: "Sprog", en: "Language" },
  views: { da: "Visning", en: "View" },
  viewWizard: { da: "Guide", en: "Wizard" },
  viewWorkshop: { da: "Workshop", en: "Workshop" },
  viewAbout: { da: "Om", en: "About" },
  stepsNav: { da: "Trin", en: "Steps" },
  stepOf: { da: "Trin {n} af {total}", en: "Step {n} of {total}" },
  stepHasErrors: { da: "har fejl", en: "has errors" },
  next: { da: "Næste", en: "Next" },
  undo: { da: "Fortryd", en: "Undo" },
  confirmPilot: {
    da: "Du har ændret tal i denne sag. Vil du starte forfra med pilotprojektets tal? Du kan fortryde det bagefter.",
    en: "You have changed numbers in this case. Start again from the pilot's numbers? You can undo it afterwards.",
  },
  confirmBlank: {
    da: "Du har ændret tal i denne sag. Vil du starte forfra med en tom sag? Du kan fortryde det bagefter.",
    en: "You have changed numbers in this case. Start again with a blank case? You can undo it afterwards.",
  },
  confirmYes: { da: "Ja, start forfra", en: "Yes, start again" },
  confirmNo: { da: "Nej, behold mine tal", en: "No, keep my numbers" },
  redo: { da: "Gentag", en: "Redo" },
  historyGroup: { da: "Fortryd og gentag (Ctrl+Z og Ctrl+Y)", en: "Undo and redo (Ctrl+Z and Ctrl+Y)" },
  back: { da: "Tilbage", en: "Back" },
  fixErrors: {
    da: "Ret de markerede felter, før du går videre.",
    en: "Fix the marked fields before you continue.",
  },
  source: { da: "Kilde", en: "Source" },
  previewTitle: { da: "Forhåndsvisning", en: "Preview" },
  previewUpdating: { da: "Tallene opdateres, mens du skriver.", en: "The numbers update as you type." },
  previewBlocked: {
    da: "Ret fejlene for at se tallene.",
    en: "Fix the errors to see the numbers.",
  },
  municipalNet: { da: "Kommunens netto pr. deltager", en: "Municipality's net per participant" },
  municipalNetHelp: {
    da: "Besparelse minus udgiften til indsatsen, i dagens kroner.",
    en: "Savings minus the cost of the programme, in today's kroner.",
  },
  breakEven: { da: "Kommunen tjener indsatsen hjem", en: "Municipality breaks even" },
  attributionTitle: {
    da: "Hvad bærer kommunens resultat? Kroner pr. deltager for hvert udfald, regnet som forskellen til {reference}.",
    en: "What carries the municipality's result? Kroner per participant for each outcome, counted against {reference}.",
  },
  attributionOutcome: { da: "Udfald", en: "Outcome" },
  simpleSharesTitle: {
    da: "Sådan fordeler effekten sig på de otte udfald ved målingen (pilotens fordeling):",
    en: "How the effect spreads over the eight outcomes at the measurement (the pilot's distribution):",
  },
  simpleSharesParticipants: { da: "Deltagere", en: "Participants" },
  simpleSharesComparison: { da: "Kontrolgruppe", en: "Comparison group" },
  attributionAmount: { da: "Kr. pr. deltager", en: "Kr per participant" },
  attributionCost: { da: "Udgiften til indsatsen", en: "Cost of the programme" },
  attributionAssumedWage: { da: "(antaget løn)", en: "(assumed wage)" },
  attributionNote: {
    da: "Udrejste og færre på førtidspension kan du fjerne under Effekt: »Tæl ikke med som effekt«.",
    en: "You can remove emigration and fewer on disability pension under Effect: “Do not count as an effect”.",
  },
  breakEvenMonth: { da: "måned {n}", en: "month {n}" },
  breakEvenNever: { da: "ikke inden for horisonten", en: "not within the horizon" },
  investorIrr: { da: "Investors afkast (IRR)", en: "Investor's return (IRR)" },
  perYear: { da: "om året", en: "a year" },
  irrNone: { da: "intet afkast at beregne", en: "no return to calculate" },
  lossProbability: { da: "Risiko for tab (P(tab))", en: "Probability of loss (P(loss))" },
  lossUnavailable: { da: "kan ikke beregnes for disse tal", en: "cannot be computed for these figures" },
  lossHelp: {
    da: "Andel af {n} simulerede forløb, hvor investor får mindre tilbage end indskuddet (tilfældigt udfald pr. deltager).",
    en: "Share of {n} simulated runs in which the investor gets back less than it put in (random outcome per participant).",
  },
  chartTitle: {
    da: "Kommunens samlede resultat med SIB over tid (nutidsværdi)",
    en: "The municipality's running result with the SIB (present value)",
  },
  chartMonths: { da: "måneder", en: "months" },
  reviewSummary: { da: "Dine tal", en: "Your numbers" },
  reviewBlocked: {
    da: "Modellen kan ikke skrives, før fejlene i disse trin er rettet:",
    en: "The model cannot be written until the errors in these steps are fixed:",
  },
  writeModel: { da: "Skriv modellen i projektmappen", en: "Write the model to the workbook" },
  downloadModel: { da: "Hent projektmappen (.xlsx)", en: "Download workbook (.xlsx)" },
  hostPending: { da: "Forbinder til Excel …", en: "Connecting to Excel …" },
  inExcel: {
    da: "Modellen skrives som nye ark. Intet eksisterende bliver overskrevet.",
    en: "The model is written as new sheets. Nothing that exists is overwritten.",
  },
  inBrowser: {
    da: "Du bruger guiden i en browser uden Excel. Hent modellen som en Excel-fil, og åbn den i Excel eller LibreOffice.",
    en: "You are using the wizard in a browser without Excel. Download the model as an Excel file and open it in Excel or LibreOffice.",
  },
  working: { da: "Arbejder …", en: "Working …" },
  written: {
    da: "Modellen er skrevet i arkene {sheets}. Navnene i modellen begynder med {prefix}.",
    en: "The model was written to the sheets {sheets}. The model's names start with {prefix}.",
  },
  checkUnrecognised: {
    da: "Bemærk: Kontrol-arket kan ikke regne, fordi tilføjelsesprogrammets funktioner (SIB.*) ikke er indlæst i denne Excel; dets celler viser #NAVN?. Resten af modellen regner som normalt.",
    en: "Note: the Check sheet cannot calculate, because the add-in's functions (SIB.*) are not loaded in this Excel; its cells show #NAME?. The rest of the model calculates as usual.",
  },
  updating: {
    da: "Læser tallene fra modellen i projektmappen og skriver en ny udgave …",
    en: "Reading the numbers of the model in the workbook and writing a new version …",
  },
  updated: {
    da: "Tallene er læst fra modellen, hvis navne begynder med {readFrom}. En ny udgave er skrevet i arkene {sheets}, og dens navne begynder med {prefix}. Den gamle model er ikke ændret.",
    en: "The numbers were read from the model whose names start with {readFrom}. A new version was written to the sheets {sheets}; its names start with {prefix}. The old model is unchanged.",
  },
  downloaded: { da: "Projektmappen er hentet: {file}.", en: "The workbook was downloaded: {file}." },
  opened: {
    da: "Tallene er læst fra modellen i projektmappen ({prefix}).",
    en: "The numbers were read from the model in the workbook ({prefix}).",
  },
  failedWrite: { da: "Modellen kunne ikke skrives: {detail}", en: "The model could not be written: {detail}" },
  failedDownload: {
    da: "Projektmappen kunne ikke laves: {detail}",
    en: "The workbook could not be made: {detail}",
  },
  failedOpen: {
    da: "Der blev ikke fundet en model i projektmappen, der kan læses: {detail}",
    en: "No readable model was found in the workbook: {detail}",
  },
  failedUpdate: { da: "Modellen kunne ikke opdateres: {detail}", en: "The model could not be updated: {detail}" },
  failedUpdateInputs: {
    da: "Modellen, hvis navne begynder med {readFrom}, er ikke opdateret, fordi nogle tal i arkene ikke er gyldige: {detail}. Status øverst i resultatarket siger, hvad der er galt. Ret tallene, og prøv igen. Der er ikke skrevet noget.",
    en: "The model whose names start with {readFrom} was not updated, because some numbers in its sheets are not valid: {detail}. The status at the top of the Results sheet says what is wrong. Fix the numbers and try again. Nothing was written.",
  },
  failedUpdateNoModel: {
    da: "Der er ingen model i projektmappen at opdatere. Skriv først en model fra guiden.",
    en: "There is no model in the workbook to update. Write a model from the wizard first.",
  },
  excelOnly: { da: "Kun i Excel", en: "Excel only" },
  workshopTitle: { da: "Workshop: hvem vinder hvad?", en: "Workshop: who gains what?" },
  workshopIntro: {
    da: "Flyt skyderne og se, hvad kommunen, investor og leverandøren får ud af det. Tallene er kroner i alt for hele perioden.",
    en: "Move the sliders and see what the municipality, the investor and the provider get out of it. Figures are kroner in total over the whole period.",
  },
  workshopBasis: {
    da: "Workshoppen bygger på pilotprojektet med runde tal.",
    en: "The workshop is based on the pilot with round numbers.",
  },
  sliderEffect: {
    da: "Effekt (flere i ordinært arbejde, helt eller delvist)",
    en: "Effect (more people in ordinary work, fully or partly)",
  },
  sliderCost: { da: "Pris for indsatsen pr. deltager", en: "Cost of the programme per participant" },
  sliderPrice: { da: "Betaling pr. deltager i job", en: "Payment per participant in work" },
  sliderHorizon: { da: "Tidshorisont", en: "Time horizon" },
  municipality: { da: "Kommunen", en: "The municipality" },
  investor: { da: "Investor", en: "The investor" },
  provider: { da: "Leverandøren", en: "The provider" },
  writeFull: { da: "Skriv hele modellen", en: "Write the full model" },
  downloadFull: { da: "Hent hele modellen (.xlsx)", en: "Download the full model (.xlsx)" },
  none: { da: "ingen", en: "none" },
  empty: { da: "(tom)", en: "(empty)" },
} as const satisfies Record<string, { readonly da: string; readonly en: string }>;

export type TextKey = keyof typeof TEXT;

/** Every key of the taskpane's texts (for tests that check each language is complete). */
export const TEXT_KEYS = Object.keys(TEXT) as TextKey[];

/**
 * A text in the language, with {placeholders} filled in.
 * @example t("stepOf", "da", { n: 2, total: 7 }) // "Trin 2 af 7"
 */
export function t(key: TextKey, language: Language, values: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
