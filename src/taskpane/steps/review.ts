import { field, type StepModule } from "../state/spec";
import { BROAD_FIELDS } from "./broad";
import type { Text } from "../state/types";

const budget: Text = { da: "Kommunens budget", en: "The municipality's budget" };

/** Step 7: a summary of the case and the button that writes (Excel) or downloads (browser) the model. */
export const reviewStep: StepModule = {
  id: "review",
  title: { da: "Gennemse og skriv", en: "Review and write" },
  intro: {
    da: "Tjek tallene. Modellen skrives som almindelige Excel-formler, så alle kan se, hvordan tallene er regnet ud.",
    en: "Check the numbers. The model is written as ordinary Excel formulas, so anyone can see how the numbers are calculated.",
  },
  fields: [
    field("review", "year", {
      id: "startYear",
      group: budget,
      label: { da: "Startår", en: "Start year" },
      help: {
        da: "Det kalenderår, hvor indsatsen starter. Budgetåret er startåret; de tre næste år er overslagsår. Standard: 2026.",
        en: "The calendar year the programme starts. The budget year is the start year; the next three years are the forecast years. Default: 2026.",
      },
      target: { kind: "budget", part: "startYear" },
    }),
    field("review", "calendarMonth", {
      id: "startMonth",
      group: budget,
      label: { da: "Startmåned (1-12)", en: "Start month (1-12)" },
      help: {
        da: "Den måned, hvor det første hold starter: 1 er januar, 12 er december. Standard: januar.",
        en: "The month the first cohort starts: 1 is January, 12 is December. Default: January.",
      },
      target: { kind: "budget", part: "startMonth" },
    }),
    field("review", "percentYear", {
      id: "priceIndex",
      group: budget,
      label: { da: "Prisudvikling om året", en: "Price change per year" },
      help: {
        da: "Budgettet vises i løbende priser: beløbene i faste priser (parameteråret) ganges med denne stigning for hvert år efter parameteråret. Standard 2 % om året er en antagelse (2023-2026), ikke Finansministeriets prognose. Resultatbetalingerne følger kontrakten og ændres ikke.",
        en: "The budget is shown in current prices: the amounts in fixed prices (the parameter year) are multiplied by this change for each year after the parameter year. The default of 2 % a year is an assumption (2023-2026), not the Ministry of Finance's forecast. The outcome payments follow the contract and do not change.",
      },
      range: { min: -50, max: 50 },
      example: 2,
      target: { kind: "budget", part: "priceIndex" },
    }),
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
    // The broad case (issue 15): the consequence rows, in a section of their own (ui/app.ts).
    ...BROAD_FIELDS,
  ],
  choices: [],
};
