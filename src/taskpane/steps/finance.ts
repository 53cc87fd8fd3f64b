import { field, type StepModule } from "../state/spec";
import type { DisplayUnit, FieldRange, FieldSpec, Text } from "../state/types";
import { inputLabel } from "./labels";

const wages: Text = { da: "Løn om måneden", en: "Wages per month" };
const benefits: Text = { da: "Ydelser om måneden", en: "Benefits per month" };
const refusion: Text = { da: "Statens refusion til kommunen", en: "The state's reimbursement to the municipality" };
const tax: Text = { da: "Skat", en: "Tax" };
const economy: Text = { da: "Diskontering og samfundsøkonomi", en: "Discounting and socio-economics" };

function wage(state: "JOB" | "JOB_UNK" | "JOB_PART" | "FLEX", help: Text): FieldSpec {
  return field("finance", "krMonth", {
    id: `wage.${state}`,
    group: wages,
    label: inputLabel(`wage.${state}`),
    help,
    target: { kind: "input", key: `wage.${state}` },
    showSource: true,
  });
}

function benefit(state: "TEMP" | "PERM" | "FLEX" | "EDU" | "JOB_PART", help: Text): FieldSpec {
  return field("finance", "krMonth", {
    id: `benefit.${state}`,
    group: benefits,
    label: inputLabel(`benefit.${state}`),
    help,
    example: 12_000,
    target: { kind: "input", key: `benefit.${state}` },
    showSource: true,
  });
}

function refusionStep(fromWeek: number, label: Text): FieldSpec {
  return field("finance", "percent", {
    id: `refusion.week${fromWeek}`,
    group: refusion,
    label,
    help: {
      da: "Den del af kommunens ydelse, som staten betaler tilbage i denne periode.",
      en: "The part of the municipality's benefit that the state pays back in this period.",
    },
    target: { kind: "input", key: `refusion.week${fromWeek}` },
    showSource: true,
  });
}

/** A field for a scenario input of the finance step, in `unit`, shown under `group`, with its source. */
function financeInput(
  unit: DisplayUnit,
  group: Text,
  range?: Partial<FieldRange>,
): (key: string, help: Text) => FieldSpec {
  return (key, help) =>
    field("finance", unit, {
      id: key,
      group,
      label: inputLabel(key),
      help,
      target: { kind: "input", key },
      showSource: true,
      ...(range === undefined ? {} : { range }),
    });
}

/** Tax rates are shares of income, not rates per year: "%" (below 100 %, as the engine requires). */
const taxRate = financeInput("percent", tax, { max: 99 });
const taxAmount = financeInput("krYear", tax);
const factor = financeInput("factor", economy);

/** Step 5: the public finance parameters, with the year and source of every default. */
export const financeStep: StepModule = {
  id: "finance",
  title: { da: "Offentlige satser", en: "Public finance parameters" },
  intro: {
    da: "Løn, ydelser, refusion og skat er udfyldt med satser med kilde og år under hvert felt. Skatter og refusion er officielle satser; løn og ydelser er antagelser for pilotens målgruppe, som du kan erstatte med egne tal.",
    en: "Wages, benefits, reimbursement and taxes are filled in with rates whose source and year are shown under each field. Taxes and reimbursement are official rates; wages and benefits are assumptions for the pilot's target group that you can replace with your own.",
  },
  choices: [],
  fields: [
    wage("JOB", {
      da: "Gennemsnitlig bruttoløn for en deltager, der forsørger sig selv.",
      en: "Average gross wage of a participant who supports themselves.",
    }),
    wage("JOB_UNK", {
      da: "En antagelse, ikke målt: den løn, vi regner med for dem, der er ude af ydelse med ukendt indkomst (som standard 12.000 kr. om måneden, 2023-niveau, som i pilotens beregning). I registrene betyder udfaldet ofte, at man forsørges af en partner uden egen løn. Skriv 0, hvis du ikke vil regne med løn her; det sænker især den samfundsøkonomiske gevinst.",
      en: "An assumption, not measured: the wage assumed for those off benefits with unknown income (by default 12,000 kr a month, 2023 level, as in the pilot's calculation). In register data this outcome often means being supported by a partner without a wage of one's own. Enter 0 if you do not want to count a wage here; that lowers the socio-economic gain in particular.",
    }),
    wage("JOB_PART", {
      da: "Løn for dem, der arbejder nogle timer ved siden af ydelsen.",
      en: "Wage of those who work some hours next to their benefit.",
    }),
    wage("FLEX", { da: "Løn i et fleksjob.", en: "Wage in a flex job." }),
    benefit("TEMP", {
      da: "Midlertidig ydelse, fx kontanthjælp. Betales af kommunen, som får en del refunderet.",
      en: "Temporary benefit, e.g. social assistance. Paid by the municipality, which gets part of it refunded.",
    }),
    benefit("PERM", { da: "Førtidspension om måneden.", en: "Disability pension per month." }),
    benefit("FLEX", { da: "Tilskud til fleksjob om måneden.", en: "Flex-job subsidy per month." }),
    benefit("EDU", { da: "SU om måneden. Betales af staten.", en: "Student grant per month. Paid by the state." }),
    benefit("JOB_PART", {
      da: "Supplerende ydelse til dem, der arbejder nogle timer.",
      en: "Top-up benefit for those who work some hours.",
    }),
    refusionStep(1, { da: "Refusion i uge 1-4", en: "Reimbursement in weeks 1-4" }),
    refusionStep(5, { da: "Refusion i uge 5-26", en: "Reimbursement in weeks 5-26" }),
    refusionStep(27, { da: "Refusion i uge 27-52", en: "Reimbursement in weeks 27-52" }),
    refusionStep(53, { da: "Refusion fra uge 53", en: "Reimbursement from week 53" }),
    taxRate("labourMarketContributionRate", {
      da: "Arbejdsmarkedsbidrag af lønnen.",
      en: "Labour-market contribution on wages.",
    }),
    taxRate("municipalTaxRate", {
      da: "Gennemsnitlig kommuneskat. Den går til kommunen.",
      en: "Average municipal income tax. It goes to the municipality.",
    }),
    taxRate("bottomTaxRate", { da: "Bundskat til staten.", en: "Bottom tax to the state." }),
    taxAmount("personalAllowance", {
      da: "Den del af indkomsten om året, der er skattefri.",
      en: "The part of the yearly income that is tax-free.",
    }),
    taxRate("employmentAllowanceRate", {
      da: "Fradrag for at være i arbejde, som procent af lønnen.",
      en: "Allowance for being in work, as a percentage of wages.",
    }),
    taxAmount("employmentAllowanceMax", {
      da: "Det største beskæftigelsesfradrag om året.",
      en: "The largest employment allowance per year.",
    }),
    taxRate("jobAllowanceRate", {
      da: "Ekstra fradrag af lønnen over indkomstgrænsen.",
      en: "Extra allowance on wages above the floor.",
    }),
    taxAmount("jobAllowanceFloor", {
      da: "Løn om året, før jobfradraget begynder.",
      en: "Yearly wage before the job allowance starts.",
    }),
    taxAmount("jobAllowanceMax", { da: "Det største jobfradrag om året.", en: "The largest job allowance per year." }),
    field("finance", "percentYear", {
      id: "discountRate",
      group: economy,
      label: inputLabel("discountRate"),
      help: {
        da: "Hvor meget mindre penge om et år er værd end penge i dag. Finansministeriet bruger 3,5 %.",
        en: "How much less money in a year is worth than money today. The Ministry of Finance uses 3.5 %.",
      },
      range: { min: -100, max: 100, exclusiveMin: true },
      example: 3.5,
      target: { kind: "input", key: "discountRate" },
      showSource: true,
    }),
    field("finance", "percent", {
      id: "equalisationShare",
      group: economy,
      label: inputLabel("equalisationShare"),
      help: {
        da: "Den del af kommunens ekstra skatteindtægt, der går til andre kommuner gennem udligningen. 0 % viser kommunens brutto-gevinst.",
        en: "The part of the municipality's extra tax income that goes to other municipalities through equalisation. 0 % shows the gross gain.",
      },
      target: { kind: "input", key: "equalisationShare" },
      showSource: true,
    }),
    factor("netTaxFactor", {
      da: "Omregner fra faktorpriser til markedspriser i samfundsøkonomien.",
      en: "Converts factor prices to market prices in the socio-economic account.",
    }),
    factor("distortionFactor", {
      da: "Samfundets ekstra omkostning ved at opkræve skat. 1 betyder ingen forvridning.",
      en: "Society's extra cost of raising taxes. 1 means no distortion.",
    }),
    factor("employerCostFactor", {
      da: "Arbejdsgiverens samlede lønomkostning i forhold til bruttolønnen.",
      en: "The employer's total wage cost relative to the gross wage.",
    }),
  ],
};
