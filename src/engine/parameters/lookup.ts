import { fail, ok, type Result } from "../errors";
import { PARAMETERS, type ParameterDefinition, type SourcedValue } from "./data";
import { SOURCES, type BilingualText } from "./sources";

/** A parameter value for one year, with its provenance. */
export interface ParameterValue {
  readonly id: string;
  readonly year: number;
  readonly value: number;
  readonly unit: ParameterDefinition["unit"];
  readonly evidence: SourcedValue["evidence"];
  /** Publisher, title, year and address of the source, in Danish and English. */
  readonly source: BilingualText;
  /** How the value was derived or what an assumption rests on, in Danish and English; null when the source says it. */
  readonly note: BilingualText | null;
}

/** Lower-case, Danish letters spelled out, "+" as "plus", everything but letters and digits removed. */
export function normaliseParameterName(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/\+/g, "plus")
    .replace(/[^a-z0-9]/g, "");
}

const BY_NORMALISED_NAME: ReadonlyMap<string, ParameterDefinition> = new Map(
  PARAMETERS.flatMap((definition) =>
    [definition.id, definition.da, definition.en].map(
      (name) => [normaliseParameterName(name), definition] as [string, ParameterDefinition],
    ),
  ),
);

/**
 * Finds a parameter by id or by its Danish or English label (case, spaces, punctuation and æøå spelling ignored).
 * @example findParameter("Kontanthjælp 30+ år, ikke-forsørger") // the definition with id kontanthjaelp_30plus_andre
 */
export function findParameter(name: string): Result<ParameterDefinition> {
  const definition = BY_NORMALISED_NAME.get(normaliseParameterName(name));
  if (definition === undefined) {
    return fail(
      "UnknownParameter",
      "name",
      "known",
      `Unknown parameter "${name}". Known ids: ${parameterIds().join(", ")}.`,
    );
  }
  return ok(definition);
}

/** All parameter ids, in data order. */
export function parameterIds(): string[] {
  return PARAMETERS.map((definition) => definition.id);
}

/** Years that have a value for this parameter, ascending. */
export function yearsOf(definition: ParameterDefinition): number[] {
  return definition.values.flatMap((v) => range(v.from, v.to)).sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * The value of a parameter in a year. A year without a value is a MissingYear failure (never a fallback to
 * another year).
 * @example parameterValue("kontanthjaelp_30plus_andre", 2024) // ok: 12,326 kr/month, source.en "Danish Ministry of Employment: …" (V)
 */
export function parameterValue(name: string, year: number): Result<ParameterValue> {
  const found = findParameter(name);
  if (!found.ok) return found;
  const definition = found.value;
  if (!Number.isInteger(year))
    return fail("InvalidInput", "year", "integer", `year must be a whole year, got ${year}.`);
  const match = definition.values.find((v) => v.from <= year && year <= v.to);
  if (match === undefined) {
    return fail(
      "MissingYear",
      definition.id,
      "year",
      `No value of ${definition.id} for ${year}; the data has ${describeYears(yearsOf(definition))}.`,
    );
  }
  return ok({
    id: definition.id,
    year,
    value: match.value,
    unit: definition.unit,
    evidence: match.evidence,
    source: SOURCES[match.source],
    note: match.note ?? null,
  });
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return "no years";
  const first = years[0];
  const last = years[years.length - 1];
  const contiguous = years.length === (last ?? 0) - (first ?? 0) + 1;
  return contiguous && years.length > 2 ? `${first}-${last}` : years.join(", ");
}
