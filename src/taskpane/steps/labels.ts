import { findInputField } from "../../engine/inputs";
import type { Text } from "../state/types";

/**
 * The engine's own label of a scalar input (INPUT_FIELDS, the single vocabulary of the workbook, the functions and
 * the wizard). Throws for an unknown key: a typo in a step module is a bug.
 * @example inputLabel("costPerParticipant") // { da: "Omkostning pr. deltager", en: "Cost per participant" }
 */
export function inputLabel(key: string): Text {
  const found = findInputField(key);
  if (found === undefined) throw new Error(`unknown input key ${key}`);
  return { da: found.da, en: found.en };
}
