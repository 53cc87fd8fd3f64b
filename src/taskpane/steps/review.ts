import { field, type StepModule } from "../state/spec";

/** Step 7: a summary of the case and the button that writes (Excel) or downloads (browser) the model. */
export const reviewStep: StepModule = {
  id: "review",
  title: { da: "Gennemse og skriv", en: "Review and write" },
  intro: {
    da: "Tjek tallene. Modellen skrives som almindelige Excel-formler, så alle kan se, hvordan tallene er regnet ud.",
    en: "Check the numbers. The model is written as ordinary Excel formulas, so anyone can see how the numbers are calculated.",
  },
  fields: [
    field("review", "months", {
      id: "spareMonths",
      label: { da: "Ekstra måneder i projektmappen", en: "Spare months in the workbook" },
      help: {
        da: "Skriv modellen til en længere tidshorisont end den valgte, så du senere kan hæve tidshorisonten direkte i projektmappen. 0 = præcis den valgte tidshorisont.",
        en: "Write the model for a longer horizon than the one chosen, so you can raise the horizon later directly in the workbook. 0 = exactly the chosen horizon.",
      },
      target: { kind: "write", name: "spareMonths" },
      range: { min: 0, max: 419, integer: true },
      example: 24,
      messages: {
        range: {
          da: "Skriv et helt antal måneder fra 0; tidshorisont plus ekstra måneder må højst være 420.",
          en: "Enter a whole number of months from 0; the horizon plus the spare months may be at most 420.",
        },
      },
    }),
  ],
  choices: [],
};
