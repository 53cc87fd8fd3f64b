import { choice, field, type StepModule } from "../state/spec";

/** Step 4: what the programme costs and how the cost falls over time. */
export const costsStep: StepModule = {
  id: "costs",
  title: { da: "Omkostninger", en: "Costs" },
  intro: {
    da: "Hvad koster indsatsen, og hvornår skal den betales?",
    en: "What does the programme cost, and when is it paid?",
  },
  fields: [
    field("costs", "kr", {
      id: "costPerParticipant",
      label: { da: "Pris for indsatsen pr. deltager", en: "Cost of the programme per participant" },
      help: {
        da: "Hvad indsatsen koster i alt for én deltager, fx løn til mentorer og jobkonsulenter.",
        en: "What the programme costs in total for one participant, e.g. wages of mentors and job consultants.",
      },
      target: { kind: "input", key: "costPerParticipant" },
      showSource: true,
    }),
    field("costs", "months", {
      id: "interventionMonths",
      label: { da: "Indsatsens længde", en: "Length of the programme" },
      help: {
        da: "Hvor mange måneder indsatsen varer for hver deltager.",
        en: "How many months the programme lasts for each participant.",
      },
      target: { kind: "input", key: "interventionMonths" },
      showSource: true,
    }),
  ],
  choices: [
    choice("costs", {
      id: "costTiming",
      label: { da: "Hvornår falder udgiften?", en: "When is the cost paid?" },
      summary: { da: "Udgiften falder", en: "Cost paid" },
      help: {
        da: "Fordelt ligeligt over indsatsens måneder, eller det hele i den første måned.",
        en: "Spread evenly over the months of the programme, or all of it in the first month.",
      },
      options: [
        { value: "spread", label: { da: "Fordelt over indsatsen", en: "Spread over the programme" } },
        { value: "upfront", label: { da: "Det hele ved start", en: "All at the start" } },
      ],
    }),
  ],
};
