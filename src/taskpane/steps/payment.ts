import { MAX_AMOUNT } from "../../engine/payment/checks";
import { MAX_LAG_MONTHS } from "../../engine/payment/timing";
import { choice, field, type StepModule } from "../state/spec";
import { PROGRESSION_FIELDS } from "./progression";
import type { Text } from "../state/types";

const prices: Text = { da: "Priser", en: "Prices" };
const rules: Text = { da: "Regler for betaling", en: "Payment rules" };
const investor: Text = { da: "Investor", en: "Investor" };
const noCap: Text = { da: "intet loft", en: "no cap" };
const surplus: Text = { da: "Overskud", en: "Surplus" };

/** Step 6: what the municipality pays for which outcome, when, with which limits; and the investor's terms. */
export const paymentStep: StepModule = {
  id: "payment",
  title: { da: "Betaling og investor", en: "Payment and investor" },
  intro: {
    da: "En investor betaler indsatsen. Kommunen betaler kun for de resultater, der opnås.",
    en: "An investor pays for the programme. The municipality pays only for the outcomes achieved.",
  },
  fields: [
    field("payment", "kr", {
      id: "price.selfSupporting",
      group: prices,
      label: { da: "Pris pr. deltager i job", en: "Price per participant in work" },
      help: {
        da: "Hvad der betales for hver deltager, der forsørger sig selv med løn ved målingen.",
        en: "What is paid for each participant who supports themselves on wages at the measurement.",
      },
      range: { max: MAX_AMOUNT },
      example: 200_000,
      target: { kind: "terms", name: "price.selfSupporting" },
    }),
    field("payment", "kr", {
      id: "price.paidHours",
      group: prices,
      label: { da: "Pris pr. deltager med løntimer", en: "Price per participant with paid hours" },
      help: {
        da: "Hvad der betales for hver deltager, der arbejder nogle timer ved siden af en ydelse.",
        en: "What is paid for each participant who works some hours next to a benefit.",
      },
      range: { max: MAX_AMOUNT },
      example: 100_000,
      target: { kind: "terms", name: "price.paidHours" },
    }),
    field("payment", "pp", {
      id: "threshold.pp",
      group: rules,
      label: { da: "Mindste effekt, før der betales", en: "Smallest effect before anything is paid" },
      help: {
        da: "Der betales ikke noget, hvis effekten i forhold til kontrolgruppen er mindre end dette. Lad feltet stå tomt for ingen tærskel.",
        en: "Nothing is paid if the effect compared with the comparison group is smaller than this. Leave it empty for no threshold.",
      },
      optional: true,
      noneText: { da: "ingen tærskel", en: "no threshold" },
      target: { kind: "terms", name: "threshold.pp" },
    }),
    field("payment", "kr", {
      id: "personCap",
      group: rules,
      label: { da: "Loft pr. deltager", en: "Cap per participant" },
      help: {
        da: "Det højeste beløb, der betales for én deltagers resultater. Lad feltet stå tomt for intet loft.",
        en: "The most paid for one participant's outcomes. Leave it empty for no cap.",
      },
      optional: true,
      noneText: noCap,
      range: { max: MAX_AMOUNT },
      example: 250_000,
      target: { kind: "terms", name: "personCap" },
    }),
    field("payment", "kr", {
      id: "contractCap",
      group: rules,
      label: { da: "Loft for hele kontrakten", en: "Cap for the whole contract" },
      help: {
        da: "Det højeste beløb, der betales i alt. Lad feltet stå tomt for intet loft.",
        en: "The most paid in total. Leave it empty for no cap.",
      },
      optional: true,
      noneText: noCap,
      range: { max: MAX_AMOUNT },
      example: 4_000_000,
      target: { kind: "terms", name: "contractCap" },
    }),
    field("payment", "months", {
      id: "lagMonths",
      group: rules,
      label: { da: "Måneder fra resultat til betaling", en: "Months from outcome to payment" },
      help: {
        da: "Hvor længe det tager at få et resultat bekræftet i registrene, før der betales.",
        en: "How long it takes to confirm an outcome in the registers before it is paid.",
      },
      range: { min: 0, max: MAX_LAG_MONTHS },
      example: 3,
      target: { kind: "terms", name: "lagMonths" },
    }),
    field("payment", "percent", {
      id: "municipalityShare",
      group: rules,
      label: { da: "Kommunens andel af betalingerne", en: "The municipality's share of the payments" },
      help: {
        da: "Den del af betalingerne, som kommunen betaler. Staten betaler resten.",
        en: "The part of the payments the municipality pays. The state pays the rest.",
      },
      example: 80,
      target: { kind: "terms", name: "municipalityShare" },
    }),
    field("payment", "percent", {
      id: "savingsShare",
      group: rules,
      label: { da: "Andel af besparelsen, der betales", en: "Share of the savings paid" },
      help: {
        da: "En del af de målte besparelser kan betales som resultatbetaling. 0 % betyder, at der kun betales pr. resultat.",
        en: "Part of the measured savings can be paid as an outcome payment. 0 % means payment per outcome only.",
      },
      example: 50,
      target: { kind: "terms", name: "savingsShare" },
    }),
    field("payment", "kr", {
      id: "baseFee",
      group: rules,
      label: { da: "Fast betaling pr. deltager", en: "Fixed fee per participant" },
      help: {
        da: "Et beløb, der betales for hver deltager uanset resultat. 0 betyder ingen fast betaling.",
        en: "An amount paid for each participant whatever the outcome. 0 means no fixed fee.",
      },
      range: { max: MAX_AMOUNT },
      example: 10_000,
      target: { kind: "terms", name: "baseFee" },
    }),
    field("payment", "percent", {
      id: "savingsSurplus.share",
      group: surplus,
      label: { da: "Andel af overskuddet, der deles", en: "Share of the surplus that is shared" },
      help: {
        da: "Overskuddet er kommunens besparelser ud over betalingerne. Denne andel går til leverandøren eller geninvesteres i nye hold (efter valget ovenfor); kommunen beholder resten. Bruges ikke, når kommunen beholder hele overskuddet.",
        en: "The surplus is the municipality's savings beyond the payments. This share goes to the provider or is reinvested in new cohorts (as chosen above); the municipality keeps the rest. Not used when the municipality keeps the whole surplus.",
      },
      example: 50,
      target: { kind: "investor", name: "surplusShare" },
    }),
    field("payment", "percentYear", {
      id: "returnCap.irr",
      group: investor,
      label: { da: "Investorens højeste afkast om året", en: "Investor's highest return per year" },
      help: {
        da: "Betalinger ud over dette afkast bliver hos kommunen. Lad feltet stå tomt for intet loft.",
        en: "Payments beyond this return stay with the municipality. Leave it empty for no cap.",
      },
      optional: true,
      noneText: noCap,
      range: { max: 100 },
      target: { kind: "investor", name: "returnCapIrr" },
    }),
    field("payment", "percent", {
      id: "maxLoss",
      group: investor,
      label: { da: "Investorens største tab", en: "Investor's largest loss" },
      help: {
        da: "Den største del af investeringen, investor kan tabe. 50 % betyder, at investor får mindst halvdelen tilbage. Lad feltet stå tomt, hvis investor kan tabe det hele.",
        en: "The largest part of the investment the investor can lose. 50 % means the investor gets at least half back. Leave it empty if the investor can lose it all.",
      },
      optional: true,
      noneText: { da: "ingen sikring", en: "no protection" },
      example: 50,
      target: { kind: "investor", name: "maxLoss" },
    }),
    field("payment", "percentYear", {
      id: "hurdleRate",
      group: investor,
      label: { da: "Investorens krævede afkast", en: "Investor's hurdle rate" },
      help: {
        da: "Den årlige rente, som investorens nutidsværdi beregnes med. Standard 5 % om året er en antagelse, da piloten ikke har offentliggjort nogen: den ligger mellem Finansministeriets diskonteringsrente på 3,5 % og de 8 %, som en investor med social profil kan kræve.",
        en: "The annual rate the investor's net present value is computed at. The default of 5 % a year is an assumption, as the pilot published none: it lies between the Ministry of Finance's discount rate of 3.5 % and the 8 % an impact investor may require.",
      },
      range: { min: -100, max: 1000, exclusiveMin: true },
      example: 5,
      target: { kind: "investor", name: "hurdleRate" },
    }),
    // Progression metrics (issue 15 item 3), each folded under its name (steps/progression.ts).
    ...PROGRESSION_FIELDS,
  ],
  choices: [
    choice("payment", {
      id: "baseline",
      label: { da: "Hvad betales der for?", en: "What is paid for?" },
      summary: { da: "Der betales for", en: "Paid for" },
      help: {
        da: "Alle deltagere med et resultat, eller kun dem ud over det, kontrolgruppen opnår af sig selv.",
        en: "Every participant with an outcome, or only those beyond what the comparison group achieves on its own.",
      },
      options: [
        { value: "none", label: { da: "Alle resultater", en: "Every outcome" } },
        {
          value: "comparison",
          label: { da: "Kun resultater ud over kontrolgruppen", en: "Only outcomes beyond the comparison group" },
        },
      ],
    }),
    choice("payment", {
      id: "savingsScope",
      label: { da: "Hvilke besparelser tæller med?", en: "Whose savings count?" },
      summary: { da: "Besparelser, der tæller", en: "Savings that count" },
      help: {
        da: "Kun kommunens besparelser, eller hele den offentlige sektors (kommune, stat og region).",
        en: "Only the municipality's savings, or the whole public sector's (municipality, state and region).",
      },
      options: [
        { value: "narrow", label: { da: "Kommunens", en: "The municipality's" } },
        { value: "broad", label: { da: "Hele det offentliges", en: "All public budgets" } },
      ],
    }),
    choice("payment", {
      id: "surplusRule",
      label: { da: "Hvad sker der med et overskud?", en: "What happens to a surplus?" },
      summary: { da: "Overskud", en: "Surplus" },
      help: {
        da: "Besparelser ud over betalingerne: kommunen beholder dem, deler dem med leverandøren, eller geninvesterer dem i nye hold (pengene genbruges, efterhånden som de kommer).",
        en: "Savings beyond the payments: the municipality keeps them, shares them with the provider, or reinvests them in new cohorts (the money is recycled as it arrives).",
      },
      options: [
        { value: "commissioner", label: { da: "Kommunen beholder det", en: "The municipality keeps it" } },
        { value: "provider", label: { da: "Deles med leverandøren", en: "Shared with the provider" } },
        { value: "reinvested", label: { da: "Geninvesteres i nye hold", en: "Reinvested in new cohorts" } },
      ],
    }),
    choice("payment", {
      id: "draw",
      label: { da: "Hvornår betaler investor?", en: "When does the investor pay?" },
      summary: { da: "Investor betaler", en: "Investor pays" },
      help: {
        da: "Efterhånden som udgifterne kommer, eller hele beløbet ved start.",
        en: "As the costs fall due, or the whole amount at the start.",
      },
      options: [
        { value: "asNeeded", label: { da: "Efterhånden", en: "As needed" } },
        { value: "upfront", label: { da: "Alt ved start", en: "All at the start" } },
      ],
    }),
  ],
};
