import { OUTCOME_STATES, type OutcomeState } from "../../engine/states";
import { choice, field, type StepModule } from "../state/spec";
import type { FieldSpec, Text } from "../state/types";
import { inputLabel } from "./labels";

/** What each outcome state means, in plain words. */
export const STATE_HELP: Readonly<Record<OutcomeState, Text>> = {
  JOB: {
    da: "I arbejde og forsørger sig selv med løn.",
    en: "In work and self-supporting on wages.",
  },
  JOB_UNK: {
    da: "Ikke på ydelse, men vi kender ikke indkomsten (fx forsørget af en partner). Modellen regner med en antaget løn, som standard 12.000 kr. om måneden (trinnet Offentlige satser); det er en antagelse, ikke målt.",
    en: "Not on benefits, but the income is unknown (e.g. supported by a partner). The model assumes a wage, by default 12,000 kr a month (step Public finance parameters); that is an assumption, not measured.",
  },
  JOB_PART: {
    da: "Arbejder nogle timer og får en supplerende ydelse.",
    en: "Works some hours and receives a top-up benefit.",
  },
  EDU: {
    da: "I uddannelse med SU eller som voksenlærling.",
    en: "In education on student grants or as an adult apprentice.",
  },
  FLEX: {
    da: "I fleksjob eller på ledighedsydelse.",
    en: "In a flex job or on flex-job benefit.",
  },
  TEMP: {
    da: "På en midlertidig ydelse, fx kontanthjælp eller sygedagpenge.",
    en: "On a temporary benefit, e.g. social assistance or sickness benefit.",
  },
  PERM: {
    da: "På førtidspension.",
    en: "On disability pension.",
  },
  ABROAD: {
    da: "Flyttet fra Danmark.",
    en: "Moved out of Denmark.",
  },
};

const participantsGroup: Text = { da: "Deltagere ved målingen", en: "Participants at the measurement" };
const comparisonGroup: Text = { da: "Kontrolgruppen ved målingen", en: "Comparison group at the measurement" };

function shareFields(kind: "participantShare" | "comparisonShare"): FieldSpec[] {
  return OUTCOME_STATES.map((state) =>
    field("effect", "percent", {
      id: `${kind}.${state}`,
      label: inputLabel(`${kind}.${state}`),
      help: STATE_HELP[state],
      group: kind === "participantShare" ? participantsGroup : comparisonGroup,
      target: { kind: "input", key: `${kind}.${state}` },
      ...(kind === "participantShare" ? { effectMode: "states" as const } : {}),
    }),
  );
}

/** Step 3: the effect, as one employment effect or as the eight outcome states, and how long it lasts. */
export const effectStep: StepModule = {
  id: "effect",
  title: { da: "Effekt", en: "Effect" },
  intro: {
    da: "Hvor mange flere kommer i job end uden indsatsen, og hvor længe holder det?",
    en: "How many more people get a job than without the programme, and how long does it last?",
  },
  choices: [
    choice("effect", {
      id: "effectMode",
      label: { da: "Hvordan vil du beskrive effekten?", en: "How do you want to describe the effect?" },
      summary: { da: "Effekten beskrives", en: "Effect described" },
      help: {
        da: "Den enkle måde lægger pilotens målte forskelle mellem deltagere og kontrolgruppe oven i kontrolgruppen, gjort større eller mindre til den effekt, du skriver. Den detaljerede bruger otte udfald for både deltagere og kontrolgruppe. Begge beholder deres tal, når du skifter mellem dem.",
        en: "The simple way adds the pilot's measured differences between participants and the comparison group to the comparison group, made larger or smaller to the effect you enter. The detailed way uses eight outcomes for both participants and the comparison group. Both keep their numbers when you switch between them.",
      },
      options: [
        { value: "simple", label: { da: "Enkel: effekt i procentpoint", en: "Simple: effect in percentage points" } },
        { value: "states", label: { da: "Detaljeret: otte udfald", en: "Detailed: eight outcomes" } },
      ],
    }),
  ],
  fields: [
    field("effect", "pp", {
      id: "effectPp",
      label: {
        da: "Beskæftigelseseffekt: flere i ordinært arbejde",
        en: "Employment effect: more in ordinary work",
      },
      help: {
        da: "Hvor mange procentpoint flere deltagere end i kontrolgruppen der ved målingen er i ordinært arbejde, helt eller delvist: selvforsørgende med løn eller løntimer med supplerende ydelse (ikke selvforsørgende med ukendt indkomst, uddannelse eller fleksjob). Det er pilotens definition: 35 % mod 17 %, offentliggjort som 18 procentpoint; de målte andele (19 af 55 deltagere) giver 17,55. Effekten fordeles på de otte udfald som i piloten, også flere udrejste og færre på førtidspension.",
        en: "How many percentage points more participants than in the comparison group are in ordinary work at the measurement, fully or partly: self-supporting on wages or paid hours with a top-up benefit (not self-supporting with unknown income, education or flex job). This is the pilot's definition: 35 % against 17 %, published as 18 percentage points; the measured shares (19 of 55 participants) give 17.55. The effect is spread over the eight outcomes as in the pilot, including more who moved abroad and fewer on disability pension.",
      },
      effectMode: "simple",
      target: { kind: "effect" },
      messages: {
        range: {
          da: "Effekten er uden for det, pilotens fordeling af effekten tillader med denne kontrolgruppe: en andel ville blive under 0 %.",
          en: "The effect is outside what the pilot's distribution of the effect allows with this comparison group: a share would fall below 0 %.",
        },
      },
    }),
    ...shareFields("participantShare"),
    ...shareFields("comparisonShare"),
    field("effect", "months", {
      id: "measurementMonth",
      label: { da: "Målemåned", en: "Measurement month" },
      help: {
        da: "Hvor mange måneder efter start resultatet bliver målt. Effekten vokser jævnt frem til denne måned.",
        en: "How many months after the start the outcome is measured. The effect grows evenly until this month.",
      },
      example: 14,
      target: { kind: "input", key: "measurementMonth" },
      showSource: true,
    }),
    field("effect", "percent", {
      id: "persistence",
      label: { da: "Så meget af effekten holder hver måned", en: "Share of the effect kept each month" },
      help: {
        da: "100 % betyder, at effekten holder hele perioden. 98 % betyder, at den falder med 2 % om måneden efter målingen.",
        en: "100 % means the effect lasts the whole period. 98 % means it falls by 2 % a month after the measurement.",
      },
      example: 98,
      target: { kind: "input", key: "persistence" },
      showSource: true,
    }),
    field("effect", "months", {
      id: "horizonMonths",
      label: { da: "Tidshorisont", en: "Time horizon" },
      help: {
        da: "Hvor mange måneder vi følger hver deltager fra start. En længere horisont tager flere besparelser med.",
        en: "How many months each participant is followed from the start. A longer horizon counts more savings.",
      },
      range: { max: 420 },
      example: 50,
      target: { kind: "input", key: "horizonMonths" },
      showSource: true,
    }),
  ],
};

/** Pseudo-fields for the rule "the eight shares add up to 100 %" (shown under each group). */
export const SHARE_SUM_FIELDS = {
  participantShares: { id: "participantShares", group: participantsGroup },
  comparisonShares: { id: "comparisonShares", group: comparisonGroup },
} as const;

/**
 * "Do not count as an effect" (the engine's `neutraliseStates`, docs/scenario.md): the participants get the comparison
 * group's share in the checked states, and their other shares are scaled so that they still add up to 100 %. The two
 * states a committee is most likely to question have their reason written out (../shared review of the economist,
 * section 1.3 (a) and (b)).
 */
export const NEUTRALISE_TEXT = {
  legend: { da: "Tæl ikke med som effekt", en: "Do not count as an effect" },
  help: {
    da: "Sæt kryds ved et udfald, hvis forskellen mellem deltagere og kontrolgruppe dér ikke skal regnes som en virkning af indsatsen. Deltagerne får så kontrolgruppens andel i udfaldet, og deres øvrige andele gøres forholdsvis større eller mindre, så de stadig giver 100 %. Det gælder både forhåndsvisningen og modellen, der skrives.",
    en: "Tick an outcome if the difference between participants and the comparison group there should not count as an effect of the programme. The participants then get the comparison group's share in that outcome, and their other shares are scaled so that they still add up to 100 %. This applies to the preview and to the model that is written.",
  },
  reasons: {
    ABROAD: {
      da: "Udrejse: flere deltagere end i kontrolgruppen er flyttet fra Danmark. Kommunen sparer ydelsen, men at folk flytter, er ikke en beskæftigelseseffekt, man kan forsvare som en gevinst.",
      en: "Emigration: more participants than in the comparison group moved out of Denmark. The municipality saves the benefit, but people moving away is not an employment effect one can defend as a gain.",
    },
    PERM: {
      da: "Førtidspension: flere i kontrolgruppen end blandt deltagerne er på førtidspension. Det skyldes sandsynligvis, hvem der blev henvist til indsatsen (borgere på vej mod førtidspension kom ikke med), og ikke indsatsen selv.",
      en: "Disability pension: more of the comparison group than of the participants are on disability pension. That is most likely due to who was referred to the programme (people on their way to disability pension were not included), not to the programme itself.",
    },
  } as Readonly<Partial<Record<OutcomeState, Text>>>,
  cannot: {
    da: "Det kan ikke lade sig gøre: alle deltagere er i de udfald, du ikke vil tælle med, så intet andet udfald kan tage resten af kontrolgruppen. Fjern krydset ved et af dem.",
    en: "This cannot be applied: all participants are in the outcomes you do not want to count, so no other outcome can take the rest of the comparison group. Untick one of them.",
  },
  summary: { da: "Tælles ikke med som effekt", en: "Not counted as an effect" },
  none: { da: "ingen", en: "none" },
} as const;
