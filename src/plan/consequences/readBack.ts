import { NOT_FOUND, type Consequence, type ConsequenceText } from "../../engine/consequences/model";
import { withoutEmptyConsequences } from "../../engine/consequences/template";
import type { Scenario } from "../../engine/scenario";
import { perState } from "../../engine/states";
import { readCell, type CellProblemKind, type RangeValues } from "../readBack";
import {
  AREA_CODES,
  CONSEQUENCE_AREAS,
  CONSEQUENCE_EVIDENCE,
  CONSEQUENCE_PAYERS,
  EVIDENCE_CODES,
  fromCode,
  PAYER_CODES,
} from "./codes";
import { INPUT_COLUMNS, inputColumn, type InputKey } from "./inputColumns";

/** The Consequences sheet's input names (as with SIB_), read back by src/plan/readBack.ts and src/excel/readModel.ts. */
export const CONSEQUENCE_INPUT_NAMES: readonly string[] = INPUT_COLUMNS.map((column) => column.name);

/** Records a cell's problem (src/plan/readBack.ts ProblemList.add without a fallback). */
export type AddProblem = (
  definedName: string,
  row: number,
  kind: Exclude<CellProblemKind, "more">,
  shown: string,
  expected: string,
) => void;

/** Texts that mean "none" in an optional number cell (the engine's applyConsequenceInputs takes the same). */
const NONE_TEXTS = new Set(["", "-", "none", "ingen"]);

/**
 * The consequence rows of a model's Consequences sheet (issue 15), as written by src/plan/consequencesSheet.ts: each
 * input column by its defined name (with the model's prefix), codes in either language, an empty unit price, price
 * year or index factor as none. A name or unit that is the base row's text in either language keeps both languages;
 * "not found — supply your own" as a source is the empty source. Null when the model has no Consequences sheet. Every
 * cell that cannot be read is a problem (`add`); the rows' rules are checked by validateScenario afterwards.
 * @example readConsequences(base, valuesOf, (n) => n, add) // the rows, or null without SIB_Cons_Id
 */
export function readConsequences(
  base: Scenario,
  valuesOf: (definedName: string) => RangeValues | undefined,
  named: (definedName: string) => string,
  add: AddProblem,
): Consequence[] | null {
  const ids = valuesOf(named(inputColumn("id").name));
  if (ids === undefined) return null;
  const columns = new Map<InputKey, RangeValues>();
  for (const column of INPUT_COLUMNS) {
    const values = valuesOf(named(column.name));
    if (values === undefined) add(named(column.name), 1, "missingName", "", "write the model again from the wizard");
    columns.set(column.key, values ?? []);
  }
  return ids.map((_, index) => readRow(base, index, columns, { named, add }));
}

/** The scenario with the rows read back: none (null or no rows) removes the key, as a scenario without rows has none. */
export function withConsequences(scenario: Scenario, rows: Consequence[] | null): Scenario {
  return withoutEmptyConsequences({ ...scenario, consequences: rows ?? [] });
}

interface Reader {
  readonly named: (definedName: string) => string;
  readonly add: AddProblem;
}

function readRow(
  base: Scenario,
  index: number,
  columns: ReadonlyMap<InputKey, RangeValues>,
  reader: Reader,
): Consequence {
  const raw = (key: InputKey): unknown => columns.get(key)?.[index]?.[0];
  const where = (key: InputKey): string => reader.named(inputColumn(key).name);
  const textOf = (key: InputKey): string => {
    const content = readCell(raw(key));
    if (content.kind === "number") return String(content.value);
    if (content.kind === "error" || content.kind === "notNumber") {
      reader.add(where(key), index + 1, content.kind, content.shown, "it must be a text");
    }
    return content.kind === "text" ? content.shown.trim() : "";
  };
  const numberOf = (key: InputKey, optional: boolean): number | null => {
    const content = readCell(raw(key));
    if (content.kind === "number") return content.value;
    if (
      optional &&
      (content.kind === "empty" || (content.kind === "text" && NONE_TEXTS.has(content.shown.trim().toLowerCase())))
    )
      return null;
    reader.add(
      where(key),
      index + 1,
      content.kind,
      content.shown,
      optional ? "it must be a number or empty" : "it must be a number",
    );
    return Number.NaN;
  };
  const id = textOf("id");
  const original = (base.consequences ?? []).find((row) => row.id === id);
  const bilingual = (key: "name" | "unit"): ConsequenceText => {
    const shown = textOf(key);
    const before = original?.[key];
    return before !== undefined && (before.da === shown || before.en === shown) ? before : { da: shown, en: shown };
  };
  const source = textOf("source");
  const area = textOf("area");
  const payer = textOf("payer");
  const evidence = textOf("evidence");
  return {
    id,
    name: bilingual("name"),
    area: fromCode(CONSEQUENCE_AREAS, AREA_CODES, area) ?? (area as Consequence["area"]),
    unit: bilingual("unit"),
    unitPrice: numberOf("unitPrice", true),
    priceYear: numberOf("priceYear", true),
    indexFactor: numberOf("indexFactor", true),
    payer: fromCode(CONSEQUENCE_PAYERS, PAYER_CODES, payer) ?? (payer as Consequence["payer"]),
    refusionShare: numberOf("refusion", false) ?? Number.NaN,
    evidence: fromCode(CONSEQUENCE_EVIDENCE, EVIDENCE_CODES, evidence) ?? (evidence as Consequence["evidence"]),
    source: source === NOT_FOUND.da || source === NOT_FOUND.en ? (original?.source ?? "") : source,
    changePerYear: perState((state) => numberOf(`change:${state}`, false) ?? Number.NaN),
    durationMonths: numberOf("duration", false) ?? Number.NaN,
    decayPerYear: numberOf("decay", false) ?? Number.NaN,
  };
}
