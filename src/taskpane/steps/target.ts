import type { Cohort, Scenario } from "../../engine/scenario";
import { field, type StepModule } from "../state/spec";

/** Step 2: who takes part, in how many cohorts, and how long they have been on benefit. */
export const targetStep: StepModule = {
  id: "target",
  title: { da: "Målgruppe og hold", en: "Target group and cohorts" },
  intro: {
    da: "Hvem deltager, og hvor mange starter hvornår?",
    en: "Who takes part, and how many start when?",
  },
  fields: [
    field("target", "people", {
      id: "cohortParticipants",
      label: { da: "Deltagere pr. hold", en: "Participants per cohort" },
      help: {
        da: "Hvor mange borgere der starter i indsatsen på hvert hold.",
        en: "How many people start the programme in each cohort.",
      },
      target: { kind: "cohort", part: "participants" },
    }),
    field("target", "cohorts", {
      id: "cohortCount",
      label: { da: "Antal hold", en: "Number of cohorts" },
      help: {
        da: "Hvor mange hold der starter. Alle hold er lige store.",
        en: "How many cohorts start. All cohorts have the same size.",
      },
      target: { kind: "cohort", part: "count" },
    }),
    field("target", "months", {
      id: "cohortSpacing",
      label: { da: "Måneder mellem holdene", en: "Months between cohorts" },
      help: {
        da: "Hvor mange måneder der går, fra et hold starter, til det næste starter. Det sidste hold skal starte senest i måned 600.",
        en: "How many months pass between the start of one cohort and the next. The last cohort must start by month 600.",
      },
      range: { min: 0, max: 600 },
      example: 6,
      target: { kind: "cohort", part: "spacing" },
    }),
    field("target", "weeks", {
      id: "weeksOnBenefitAtIntake",
      label: { da: "Uger på offentlig forsørgelse ved start", en: "Weeks on benefit at the start" },
      help: {
        da: "Hvor længe deltagerne typisk har fået ydelse, når de starter. Det styrer statens refusion til kommunen: efter 52 uger får kommunen kun 20 % refunderet.",
        en: "How long participants have typically received benefits when they start. It sets the state's reimbursement to the municipality: after 52 weeks only 20 % is refunded.",
      },
      target: { kind: "input", key: "weeksOnBenefitAtIntake" },
      showSource: true,
    }),
    field("target", "people", {
      id: "measuredParticipants",
      label: { da: "Deltagere med målt resultat", en: "Participants with a measured outcome" },
      help: {
        da: "Bruges kun til usikkerheden på effekten. Lad feltet stå tomt, hvis alle deltagere bliver målt.",
        en: "Used only for the uncertainty of the effect. Leave it empty if every participant is measured.",
      },
      optional: true,
      noneText: { da: "alle deltagere", en: "all participants" },
      target: { kind: "input", key: "measuredParticipants" },
      messages: {
        atMostParticipants: {
          da: "Der kan ikke være flere deltagere med målt resultat end deltagere i alt. Lad feltet stå tomt for alle deltagere.",
          en: "There cannot be more participants with a measured outcome than participants in all. Leave it empty for all participants.",
        },
      },
    }),
    field("target", "people", {
      id: "comparisonGroupSize",
      label: { da: "Kontrolgruppens størrelse", en: "Size of the comparison group" },
      help: {
        da: "Hvor mange personer kontrolgruppen har. Lad feltet stå tomt, hvis du ikke kender tallet.",
        en: "How many people the comparison group has. Leave it empty if you do not know.",
      },
      optional: true,
      noneText: { da: "ukendt", en: "unknown" },
      example: 100,
      target: { kind: "input", key: "comparisonGroupSize" },
    }),
  ],
  choices: [],
};

/** The three cohort fields as they describe a scenario's cohorts (participants of the first, count, spacing). */
export function cohortFieldValues(scenario: Scenario): { participants: number; count: number; spacing: number } {
  const first = scenario.cohorts[0];
  const second = scenario.cohorts[1];
  return {
    participants: first?.participants ?? Number.NaN,
    count: scenario.cohorts.length,
    spacing: first !== undefined && second !== undefined ? second.intakeMonth - first.intakeMonth : 0,
  };
}

/**
 * Equal cohorts: `count` cohorts of `participants` people, the first at programme month 0 and one every `spacing`
 * months after it (the data the engine's cohorts are made of; the engine validates every cohort).
 * @example evenCohorts(28, 2, 6) // [{ participants: 28, intakeMonth: 0 }, { participants: 28, intakeMonth: 6 }]
 */
export function evenCohorts(participants: number, count: number, spacing: number): Cohort[] {
  return Array.from({ length: count }, (_, index) => ({ participants, intakeMonth: index * spacing }));
}
