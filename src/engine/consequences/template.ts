import { perState } from "../states";
import { SOEM_DURATION_MONTHS } from "./defaults";
import type { Consequence } from "./model";

/**
 * What a consequence row of a scenario file starts from (docs/scenario.md): every field the row leaves out takes this
 * value. No payer, area or price: a row must give them (validation names what is missing); no change in use (0 in every
 * state), SØM's 10 years of duration, no decay, no refusion, evidence "user" (the user's own figure).
 */
export const CONSEQUENCE_TEMPLATE: Consequence = {
  id: "",
  name: { da: "", en: "" },
  area: "" as Consequence["area"],
  unit: { da: "", en: "" },
  unitPrice: null,
  priceYear: null,
  indexFactor: null,
  payer: "" as Consequence["payer"],
  refusionShare: 0,
  evidence: "user",
  source: "",
  changePerYear: perState(() => 0),
  durationMonths: SOEM_DURATION_MONTHS,
  decayPerYear: 0,
};

/**
 * The scenario without an empty `consequences` list (the narrow case has no such key, so a file without rows gives
 * exactly the scenario it gave before issue 15).
 * @example withoutEmptyConsequences({ ...pilot, consequences: [] }) // pilot, no consequences key
 */
export function withoutEmptyConsequences<T extends { readonly consequences?: readonly Consequence[] }>(scenario: T): T {
  if (scenario.consequences === undefined || scenario.consequences.length > 0) return scenario;
  const rest: Record<string, unknown> = { ...scenario };
  delete rest["consequences"];
  return rest as T;
}
