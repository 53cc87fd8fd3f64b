import { PROGRESSION_METRICS } from "../../engine/payment/progression";
import type { Bilingual } from "../sheetBuilder";

export const PAYMENT_SHEET_NAMES: Bilingual = { da: "Betaling", en: "Payment" };

/** Text in a cap cell that means "no cap" (any non-number does; ISNUMBER decides). */
export const NO_CAP: Bilingual = { da: "intet loft", en: "no cap" };
/** Text in the threshold cell that means "no threshold". */
export const NO_THRESHOLD: Bilingual = { da: "ingen tærskel", en: "no threshold" };
/** The end of a message about the model's written structure. */
export const WRITE_AGAIN: Bilingual = {
  da: "skriv modellen igen fra guiden",
  en: "write the model again from the wizard",
};

/** The mark of a progression metric's payments: the payer spends the money, no budget falls because of it. */
export const NOT_A_BUDGET_SAVING: Bilingual = {
  da: "Ikke en budgetbesparelse",
  en: "Not a budget saving",
};

/**
 * Danish/English label of a metric id (a progression metric's from PROGRESSION_METRICS, first letter capital).
 * @example metricLabel("sustained6").en // "Sustained 6 months after measurement"
 */
export function metricLabel(id: string): Bilingual {
  if (id === "selfSupporting") return { da: "Selvforsørgende ved målemåneden", en: "Self-supporting at measurement" };
  if (id === "paidHours") return { da: "Løntimer ved målemåneden", en: "Paid hours at measurement" };
  const progression = PROGRESSION_METRICS.find((metric) => metric.id === id);
  const capital = (words: string): string => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  if (progression !== undefined) return { da: capital(progression.da), en: capital(progression.en) };
  const months = id.replace("sustained", "");
  return { da: `Fastholdt ${months} mdr. efter målemåneden`, en: `Sustained ${months} months after measurement` };
}
