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
  investorIrr: { da: "Investorens afkast (IRR)", en: "Investor's return (IRR)" },
  perYear: { da: "om året", en: "a year" },
  irrNone: { da: "intet afkast at beregne", en: "no return to calculate" },
  lossProbability: { da: "Risiko for tab", en: "Probability of loss" },
  lossUnavailable: { da: "kan ikke beregnes for disse tal", en: "cannot be computed for these figures" },
  lossLoading: { da: "beregnes, et øjeblik", en: "being computed, one moment" },
  lossWhy: { da: "Kan ikke beregnes: {reasons}.", en: "Cannot be computed: {reasons}." },
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
    da: "Workshoppen starter med pilotprojektets egne tal: DRC's SIB i Herning og Viborg (2020-23).",
    en: "The workshop starts from the pilot's own numbers: DRC's SIB in Herning and Viborg (2020-23).",
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
  // ---- Preview, charts, warnings, workshop and texts (issue 14 items 4–8, 10; engineer A's block)
  previewIncomplete: {
    da: "Tallene vises, når felterne er udfyldt.",
    en: "The numbers appear when the fields are filled in.",
  },
  investorMultiple: { da: "Pengemultipel", en: "Money multiple" },
  investorMultipleHelp: {
    da: "Det, investor får tilbage, delt med det, investor lægger ud ({returned} / {drawn}).",
    en: "What the investor gets back divided by what it pays in ({returned} / {drawn}).",
  },
  investorNpv: { da: "Investorens nutidsværdi ved {rate} krævet afkast", en: "Investor's NPV at a {rate} hurdle" },
  investorNpvHelp: {
    da: "Over 0: investor får mere end det krævede afkast om året. Under 0: mindre.",
    en: "Above 0: the investor earns more than the hurdle a year. Below 0: less.",
  },
  irrTotalLoss: {
    da: "investor får intet tilbage og taber hele indskuddet",
    en: "the investor gets nothing back and loses everything",
  },
  irrNoSignChange: {
    da: "ingen rente: pengestrømmene skifter ikke fortegn",
    en: "no rate: the cash flows never change sign",
  },
  irrNoSolution: {
    da: "ingen entydig rente for disse pengestrømme",
    en: "no single rate for these cash flows",
  },
  irrOtherRoots: {
    da: "Investors pengestrømme skifter fortegn {n} gange, så også {rates} om året giver nutidsværdien 0. Vist er den rente, projektmappen også viser; se multipel og nutidsværdi.",
    en: "The investor's cash flows change sign {n} times, so {rates} a year also gives an NPV of 0. Shown is the rate the workbook shows too; see the multiple and the NPV.",
  },
  noInvestment: {
    da: "Ingen investering: indsatsen koster 0 kr., så investor lægger intet ud. Derfor er der intet afkast, ingen multipel og ingen nutidsværdi for investor.",
    en: "No investment: the programme costs 0 kr, so the investor pays nothing in. There is no return, multiple or NPV for the investor.",
  },
  capReached: {
    da: "Afkastloftet binder: betalinger ud over loftet går ikke til investor.",
    en: "The return cap binds: payments beyond the cap do not go to the investor.",
  },
  accountsTitle: {
    da: "Resultat pr. deltager uden SIB (nutidsværdi)",
    en: "Result per participant without the SIB (present value)",
  },
  accountsAccount: { da: "Hvem", en: "Who" },
  accountsAmount: { da: "Kr. pr. deltager", en: "Kr per participant" },
  accountsBreakEven: { da: "Tjent hjem", en: "Breaks even" },
  accountMunicipality: { da: "Kommunen", en: "Municipality" },
  accountState: { da: "Staten", en: "State" },
  accountPublic: { da: "Det offentlige i alt", en: "Public sector in total" },
  accountSocioEconomic: { da: "Samfundsøkonomisk", en: "Society (socio-economic)" },
  breakEvenShort: { da: "md. {n}", en: "month {n}" },
  breakEvenNeverShort: { da: "aldrig", en: "never" },
  deadweightLine: {
    da: "Betaling, hvis indsatsen ingen effekt har: {amount} ({share} af den forventede betaling).",
    en: "Payment if the programme has no effect: {amount} ({share} of the expected payment).",
  },
  deadweightWarning: {
    da: "{payer} {amount}, selv hvis indsatsen ingen effekt har, fordi der betales for alle deltagere med et resultat, også dem, der ville have nået det uden indsatsen (det viser kontrolgruppen). Det er {share} af den forventede betaling. Vælg »Kun resultater ud over kontrolgruppen« under »Hvad betales der for?« for kun at betale for effekten.",
    en: "{payer} {amount} even if the programme has no effect, because every participant with an outcome is paid for, including those who would have got there without it (as the comparison group shows). That is {share} of the expected payment. Choose “Only outcomes beyond the comparison group” under “What is paid for?” to pay for the effect only.",
  },
  deadweightPayerMunicipality: { da: "Kommunen betaler", en: "The municipality pays" },
  deadweightPayerBoth: { da: "Kommunen og staten betaler", en: "The municipality and the state pay" },
  deadweightBaseFee: {
    da: "Heraf er {amount} den faste betaling pr. deltager, som betales uanset resultat.",
    en: "Of this, {amount} is the fixed fee per participant, paid whatever the outcome.",
  },
  warningsTitle: { da: "Værd at se på", en: "Worth a look" },
  warnIrrHigh: {
    da: "Investorens afkast er over 100 % om året. Tjek prisen for indsatsen og priserne pr. resultat: måske mangler et ciffer.",
    en: "The investor's return is above 100 % a year. Check the cost of the programme and the prices per outcome: a digit may be missing.",
  },
  warnPaysWithoutEffect: {
    da: "Effekten er 0 eller mindre, men der betales alligevel {amount}.",
    en: "The effect is 0 or less, yet {amount} is paid.",
  },
  warnPriceLow: {
    da: "Under 1.000 kr. er usædvanligt lavt for dette beløb. Mente du {suggestion}?",
    en: "Below 1,000 kr is unusually low for this amount. Did you mean {suggestion}?",
  },
  warnReadAs: {
    da: "Læst som {value}; punktum skiller tusinder på dansk, så skriv komma for decimaler.",
    en: "Read as {value}; a comma separates thousands in English, so type a point for decimals.",
  },
  warnFractionHorizon: {
    da: "Læst som {value}; skriv antal måneder som et helt tal, fx 48.",
    en: "Read as {value}; type the number of months as a whole number, e.g. 48.",
  },
  warnShareHigh: {
    da: "Over 95 % er usædvanligt højt for en andel. Tjek tallet.",
    en: "Above 95 % is unusually high for a share. Check the number.",
  },
  warnUnitPercent: {
    da: "Tallet er læst som {value}, for feltet er i {unit}, ikke i procent.",
    en: "The number is read as {value}, because this field is in {unit}, not per cent.",
  },
  chartCumulativeTitle: {
    da: "Kommunens samlede resultat over tid",
    en: "The municipality's running result over time",
  },
  chartXAxis: { da: "Måneder fra start", en: "Months from the start" },
  chartYAxis: { da: "Mio. kr., nutidsværdi, alle deltagere", en: "Million kr, present value, all participants" },
  chartWithoutSib: {
    da: "Uden SIB: besparelse minus udgiften til indsatsen",
    en: "Without the SIB: savings minus the cost of the programme",
  },
  chartWithSib: {
    da: "Med SIB: besparelse minus resultatbetalinger",
    en: "With the SIB: savings minus outcome payments",
  },
  chartBreakEven: { da: "Tjent hjem: måned {n}", en: "Breaks even: month {n}" },
  chartDescription: {
    da: "Linjediagram over {months} måneder. Uden SIB har kommunen tjent indsatsen hjem {breakEven} og ender på {end} i alt; med SIB ender den på {endSib} i alt.",
    en: "Line chart over {months} months. Without the SIB the municipality breaks even {breakEven} and ends at {end} in total; with the SIB it ends at {endSib} in total.",
  },
  chartBreakEvenIn: { da: "i måned {n}", en: "in month {n}" },
  chartBreakEvenNone: { da: "ikke inden for horisonten", en: "not within the horizon" },
  attributionChartTitle: {
    da: "Hvad bærer kommunens resultat? Kr. pr. deltager",
    en: "What carries the municipality's result? Kr per participant",
  },
  stickySummary: { da: "Nøgletal", en: "Key figures" },
  stickyNet: { da: "Kommunen", en: "Municipality" },
  stickyBreakEven: { da: "Tjent hjem", en: "Breaks even" },
  stickyIrr: { da: "IRR", en: "IRR" },
  workshopPicture: {
    da: "Gevinst eller tab i alt for hele perioden, kroner",
    en: "Gain or loss in total over the whole period, kroner",
  },
  workshopParticipantsIncome: { da: "Deltagernes indkomst", en: "The participants' income" },
  workshopInvestorGain: { da: "Investoren", en: "The investor" },
  workshopProviderGets: { da: "Leverandøren", en: "The provider" },
  workshopStateGain: { da: "Staten", en: "The state" },
  workshopMunicipalityGain: { da: "Kommunen", en: "The municipality" },
  workshopReset: { da: "Tilbage til pilotprojektets tal", en: "Back to the pilot's numbers" },
  workshopNoEffect: { da: "Hvad hvis det ikke virker? (effekt 0)", en: "What if it does not work? (effect 0)" },
  workshopNoEffectExplain: {
    da: "Ved effekt 0 sparer kommunen intet, men betaler stadig {amount}. Betalingen følger, hvor mange deltagere der kommer i job, ikke hvor mange flere end uden indsatsen. I kontrolgruppen kom {share} også i job uden indsatsen, og dem betaler kommunen også for.",
    en: "At effect 0 the municipality saves nothing but still pays {amount}. The payment follows how many participants get a job, not how many more than without the programme. In the comparison group {share} also got a job without the programme, and the municipality pays for them too.",
  },
  glossaryTitle: { da: "Ord, der bruges her", en: "Words used here" },
  glossaryPp: {
    da: "Procentpoint: forskellen mellem to procenter. 10 procentpoint betyder 10 flere i job pr. 100 deltagere.",
    en: "Percentage points: the difference between two percentages. 10 percentage points means 10 more in work per 100 participants.",
  },
  glossaryNpv: {
    da: "Nutidsværdi: penge i fremtiden regnet om til dagens kroner, fordi en krone i dag er mere værd end en krone om fem år.",
    en: "Present value: future money converted to today's kroner, because a krone today is worth more than a krone in five years.",
  },
  glossaryIrr: {
    da: "IRR (intern rente): den rente om året, investor får på sine penge. Under 0 betyder, at investor taber penge.",
    en: "IRR (internal rate of return): the interest a year the investor earns on its money. Below 0 means the investor loses money.",
  },
  glossaryDeadweight: {
    da: "Dødvægt: resultater, der ville være kommet alligevel, uden indsatsen. Betaler man for dem, betaler man for ingenting.",
    en: "Deadweight: outcomes that would have happened anyway, without the programme. Paying for them is paying for nothing.",
  },
  glossaryShow: { da: "Forklar", en: "Explain" },
  municipalitiesLegend: { da: "Kommuner", en: "Municipalities" },
  municipalitiesHelp: {
    da: "Deler flere kommuner sagen, så tilføj dem her. Hver kommune får sin egen kommuneskat og sin andel af resultatbetalingerne, og hvert hold hører til én kommune. Herning, Viborg og Ringkøbing-Skjern har indbyggede skattesatser med kilde; for andre kommuner skriver du satsen.",
    en: "If several municipalities share the case, add them here. Each municipality has its own municipal tax and its share of the outcome payments, and each cohort belongs to one municipality. Herning, Viborg and Ringkøbing-Skjern have built-in tax rates with a source; for other municipalities you enter the rate.",
  },
  municipalitiesNone: {
    da: "Ingen kommuner tilføjet: sagen regnes for én samlet kommune med skattesatsen fra trinnet med offentlige satser.",
    en: "No municipalities added: the case is one combined municipality with the tax rate from the public finance step.",
  },
  municipalityAdd: { da: "Tilføj en kommune", en: "Add a municipality" },
  municipalityRemove: { da: "Fjern {name}", en: "Remove {name}" },
  municipalityShare: { da: "Andel af betalingerne", en: "Share of the payments" },
  municipalityWeeks: { da: "Uger på forsørgelse ved start", en: "Weeks on benefit at the start" },
  municipalityWeeksNone: { da: "tom = målgruppens", en: "empty = the target group's" },
  municipalityBuiltIn: { da: "tom = {rate}", en: "empty = {rate}" },
  cohortMunicipalityHelp: {
    da: "Hvilken kommune hører hvert hold til?",
    en: "Which municipality does each cohort belong to?",
  },
  cohortMunicipality: { da: "Hold {n} (starter i måned {month})", en: "Cohort {n} (starts in month {month})" },
  municipalityTitle: { da: "Resultat pr. kommune", en: "Results per municipality" },
  reviewMunicipalities: { da: "Kommuner (andel af betalingerne)", en: "Municipalities (share of the payments)" },
  broadTitle: { da: "Det brede regnestykke (valgfrit)", en: "The broad case (optional)" },
  broadIntro: {
    da: "Ud over ydelser og skat kan en indsats ændre brugen af andre offentlige ydelser: fængsel, psykiatri, anbringelser, forsorgshjem (SØM's områder). Rækkerne har en enhedspris med kilde, hvor en kunne findes ([V] læst i kilden, [S] sekundær kilde, [U] ikke fundet); ændringen i forbruget er ikke fundet i nogen dansk undersøgelse og står derfor på 0. Skriv dine egne tal i rækkerne; de sidste tre rækker er til lokale data. Ydelser og skatter må ikke skrives her igen (de tælles allerede med).",
    en: "Besides benefits and taxes, a programme can change the use of other public services: prison, psychiatry, placements, shelters (SØM's areas). The rows have a unit price with a source where one could be found ([V] read in the source, [S] secondary source, [U] not found); no Danish study of the change in use was found, so it stands at 0. Enter your own figures in the rows; the last three rows are for local data. Benefits and taxes must not be entered here again (they are already counted).",
  },
  broadCompareTitle: {
    da: "Snævert og bredt regnestykke, nutidsværdi pr. deltager",
    en: "Narrow and broad case, present value per participant",
  },
  broadNarrow: { da: "Kun beskæftigelse", en: "Employment only" },
  broadWide: { da: "Bredt", en: "Broad" },
  municipalityName: { da: "Kommune", en: "Municipality" },
  municipalityParticipants: { da: "Deltagere", en: "Participants" },
  municipalityTaxRate: { da: "Kommuneskat", en: "Municipal tax" },
  municipalityPerParticipant: { da: "Nutidsværdi pr. deltager", en: "Present value per participant" },
  municipalityPayments: { da: "Dens betalinger", en: "Its payments" },
  municipalityAfter: { da: "Efter betalinger, i alt", en: "After payments, in all" },
  municipalityRateOwn: { da: "egen sats", en: "own rate" },
  municipalityRateBuiltIn: { da: "indbygget sats med kilde", en: "built-in rate with source" },
  openProblemsTitle: {
    da: "Modellen er ikke åbnet. Disse celler kan ikke læses:",
    en: "The model was not opened. These cells cannot be read:",
  },
  openProblemsFix: {
    da: "Ret cellerne i projektmappen, og vælg Åbn model igen.",
    en: "Fix the cells in the workbook and choose Open model again.",
  },
  openProblemsAccept: { da: "Brug standardværdierne ovenfor, og åbn", en: "Use the defaults listed above and open" },
  openRow: { da: ", række {n}", en: ", row {n}" },
  openKindMissingName: { da: "navnet findes ikke i projektmappen", en: "the name is missing from the workbook" },
  openKindBrokenName: { da: "navnet peger ikke på nogen celle", en: "the name refers to no cell" },
  openKindTooLarge: { da: "navnet peger på for mange celler", en: "the name refers to too many cells" },
  openKindEmpty: { da: "cellen er tom", en: "the cell is empty" },
  openKindError: { da: "cellen viser en Excel-fejl", en: "the cell shows an Excel error" },
  openKindText: { da: "cellen indeholder tekst", en: "the cell holds text" },
  openKindNotNumber: { da: "cellen er ikke et tal", en: "the cell is not a number" },
  openKindMore: { da: "flere celler med problemer", en: "more cells with problems" },
  openFallbackNone: { da: "standard: læses som ingen (slået fra)", en: "default: read as none (off)" },
  openFallbackContract: {
    da: "standard: modellen åbnes uden betalings- og investorvilkår",
    en: "default: the model opens without its payment and investor terms",
  },
  budgetTitle: { da: "Kommunens budget i løbende priser", en: "The municipality's budget in current prices" },
  budgetNote: {
    da: "Kroner pr. kalenderår fra {start}: budgetåret, tre overslagsår og resten. Beløb i faste {priceYear}-priser er ganget med en prisudvikling på {index} om året; resultatbetalingerne er kontraktens beløb i det år, de betales. Positive tal er en gevinst; betalinger er positive, når de betales.",
    en: "Kroner per calendar year from {start}: the budget year, three forecast years and the remainder. Amounts in fixed {priceYear} prices are multiplied by a price change of {index} a year; the outcome payments are the contract's amounts in the year they are paid. Positive numbers are a gain; payments are positive when paid.",
  },
  budgetAccount: { da: "Konto", en: "Account" },
  budgetYear: { da: "{year} (budgetår)", en: "{year} (budget year)" },
  budgetOverslag: { da: "{year} (overslagsår)", en: "{year} (forecast year)" },
  budgetRemainder: { da: "{year} og senere", en: "{year} and later" },
  financingTitle: { da: "SIB eller kommunen betaler selv", en: "SIB or the municipality pays itself" },
  financingNote: {
    da: "Samme indsats betalt af kommunen selv (udgiften betales, når den falder; ingen resultatbetalinger, intet afkast til investor) ved siden af SIB-aftalen. Nutidsværdi og tab i hele kroner for alle deltagere.",
    en: "The same programme paid for by the municipality itself (the cost paid as it falls; no outcome payments, no return to an investor) next to the SIB deal. Present value and loss in kroner for all participants.",
  },
  financingMeasure: { da: "Mål", en: "Measure" },
  financingSelf: { da: "Kommunen betaler selv", en: "Self-funded" },
  financingSib: { da: "Med SIB", en: "With the SIB" },
  financingNpv: { da: "Kommunens nutidsværdi", en: "The municipality's present value" },
  financingWorst: {
    da: "Laveste samlede kassebeholdning (ikke diskonteret)",
    en: "Lowest cumulative cash position (undiscounted)",
  },
  financingWorstMonth: { da: "Hvornår den nås", en: "When it is reached" },
  financingMonthAt: { da: "måned {n} ({date})", en: "month {n} ({date})" },
  financingNever: { da: "aldrig under 0", en: "never below 0" },
  financingLoss: { da: "Tab, hvis indsatsen ingen effekt har", en: "Loss if the programme has no effect" },
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
