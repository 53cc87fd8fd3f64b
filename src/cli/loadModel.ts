import { readFileSync } from "node:fs";
import { describeFailure } from "../engine/errors";
import { parseModelFile, pilotModel, type Model } from "../engine/modelFile";

/** A model for a command-line tool, or the lines of error to print (one per problem). */
export type LoadedModel = { readonly model: Model } | { readonly errors: readonly string[] };

/** The built-in pilot model when `path` is undefined, else the model file at `path` (docs/scenario.md). */
export function loadModel(path: string | undefined): LoadedModel {
  if (path === undefined) {
    const pilot = pilotModel();
    return pilot.ok ? { model: pilot.value } : { errors: [describeFailure(pilot)] };
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { errors: [`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { errors: [`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = parseModelFile(json);
  return parsed.ok ? { model: parsed.value } : { errors: parsed.issues.map((item) => `${path}: ${item.message}`) };
}
