import type { StepModule } from "../state/spec";

/** Step 7: a summary of the case and the button that writes (Excel) or downloads (browser) the model. */
export const reviewStep: StepModule = {
  id: "review",
  title: { da: "Gennemse og skriv", en: "Review and write" },
  intro: {
    da: "Tjek tallene. Modellen skrives som almindelige Excel-formler, så alle kan se, hvordan tallene er regnet ud.",
    en: "Check the numbers. The model is written as ordinary Excel formulas, so anyone can see how the numbers are calculated.",
  },
  fields: [],
  choices: [],
};
