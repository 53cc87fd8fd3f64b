import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { quoteUserText } from "../limits";
import { ownValue } from "../lookup";
import type { Scenario } from "../scenario";
import { isOutcomeState, OUTCOME_STATES, type OutcomeState } from "../states";
import { DEFAULT_CONSEQUENCES } from "./defaults";
import {
  CONSEQUENCE_AREAS,
  IN_WORK_STATES,
  type Consequence,
  type ConsequenceArea,
  type ConsequencePayer,
} from "./model";
import { CONSEQUENCE_TEMPLATE } from "./template";

/** Prefixes (any case) of the consequence inputs of a name/value range: consequence.<id>.<field>, konsekvens.<id>.<felt>. */
const PREFIXES = ["consequence.", "konsekvens."];

/**
 * True when an input name of a name/value range belongs to a consequence row.
 * @example isConsequenceInput("konsekvens.prisonDay.ændring.JOB") // true
 */
export function isConsequenceInput(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return PREFIXES.some((prefix) => lower.startsWith(prefix));
}

type Setter = (row: Consequence, value: number | string, name: string) => Consequence | Issue;

const setUnitPrice: Setter = (row, value, name) => {
  const price = nullableNumber(value, name, "unitPrice");
  if (!(typeof price === "number" || price === null)) return price;
  // A price the user gives is the user's own figure, whatever the row's default mark was.
  return {
    ...row,
    unitPrice: price,
    evidence: price === null ? "U" : "user",
    source: price === null ? "" : row.source,
  };
};

/** Field names (lower case, Danish and English) of a consequence input and how each sets the row. */
const FIELDS: Readonly<Record<string, Setter>> = {
  unitprice: setUnitPrice,
  enhedspris: setUnitPrice,
  priceyear: (row, value, name) => numberField(row, value, name, "priceYear", true),
  prisår: (row, value, name) => numberField(row, value, name, "priceYear", true),
  indexfactor: (row, value, name) => numberField(row, value, name, "indexFactor", true),
  indeksfaktor: (row, value, name) => numberField(row, value, name, "indexFactor", true),
  refusionshare: (row, value, name) => numberField(row, value, name, "refusionShare", false),
  refusion: (row, value, name) => numberField(row, value, name, "refusionShare", false),
  durationmonths: (row, value, name) => numberField(row, value, name, "durationMonths", false),
  duration: (row, value, name) => numberField(row, value, name, "durationMonths", false),
  varighed: (row, value, name) => numberField(row, value, name, "durationMonths", false),
  decayperyear: (row, value, name) => numberField(row, value, name, "decayPerYear", false),
  decay: (row, value, name) => numberField(row, value, name, "decayPerYear", false),
  aftagning: (row, value, name) => numberField(row, value, name, "decayPerYear", false),
  payer: (row, value, name) => choiceField(row, value, name, "payer", PAYERS),
  betaler: (row, value, name) => choiceField(row, value, name, "payer", PAYERS),
  area: (row, value, name) => choiceField(row, value, name, "area", AREAS),
  område: (row, value, name) => choiceField(row, value, name, "area", AREAS),
  name: (row, value) => ({ ...row, name: { da: String(value), en: String(value) } }),
  navn: (row, value) => ({ ...row, name: { da: String(value), en: String(value) } }),
  unit: (row, value) => ({ ...row, unit: { da: String(value), en: String(value) } }),
  enhed: (row, value) => ({ ...row, unit: { da: String(value), en: String(value) } }),
  source: (row, value) => ({ ...row, source: String(value) }),
  kilde: (row, value) => ({ ...row, source: String(value) }),
};

const PAYERS: Readonly<Record<string, ConsequencePayer>> = {
  municipality: "municipality",
  kommune: "municipality",
  region: "region",
  state: "state",
  stat: "state",
};

const AREAS: Readonly<Record<string, ConsequenceArea>> = {
  ...Object.fromEntries(CONSEQUENCE_AREAS.map((area) => [area.toLowerCase(), area])),
  socialt: "social",
  børnogfamilie: "childrenFamily",
  sundhed: "health",
  misbrug: "addiction",
  kriminalitet: "crime",
  bolig: "housing",
  jobcenter: "jobCentre",
  uddannelse: "education",
  andet: "other",
};

/** Change fields: change.<STATE> / ændring.<STATE>, and change.inWork / ændring.iArbejde (JOB, JOB_UNK, JOB_PART, FLEX). */
const CHANGE_PREFIXES = ["change.", "ændring.", "aendring."];
const IN_WORK_NAMES = ["inwork", "iarbejde"];

/**
 * Applies the consequence inputs of a name/value range (issue 15) to a scenario: `consequence.<id>.<field>` (or
 * `konsekvens.<id>.<felt>`) sets a field of row <id>, starting from the scenario's rows or, when it has none, from the
 * sourced default table; an id not in the table starts a new row. Fields: unitPrice (enhedspris; the row's mark then
 * becomes "user"), priceYear (prisår), indexFactor (indeksfaktor), payer (betaler: kommune, region, stat), area
 * (område), refusionShare (refusion), durationMonths (varighed), decayPerYear (aftagning), name (navn), unit (enhed),
 * source (kilde), change.<STATE> (ændring.<STATE>, units per person-year) and change.inWork (ændring.iArbejde: JOB,
 * JOB_UNK, JOB_PART and FLEX). The rows' rules are checked afterwards by validateScenario.
 * @example applyConsequenceInputs(pilot, [["consequence.prisonDay.change.inWork", -3], ["consequence.prisonDay.indexFactor", 1.2]])
 */
export function applyConsequenceInputs(
  scenario: Scenario,
  pairs: readonly (readonly [string, number | string])[],
): Result<Scenario> {
  if (pairs.length === 0) return ok(scenario);
  const rows: Consequence[] = [...(scenario.consequences ?? DEFAULT_CONSEQUENCES)];
  const issues: Issue[] = [];
  for (const [name, value] of pairs) {
    const parsed = parseName(name);
    if (typeof parsed === "string") {
      issues.push(issue("InvalidInput", quoteUserText(name), "known", parsed));
      continue;
    }
    let index = rows.findIndex((row) => row.id.toLowerCase() === parsed.id.toLowerCase());
    if (index < 0) {
      // A new row is named by its id and counts "units" until the inputs say otherwise.
      const label = { da: parsed.id, en: parsed.id };
      rows.push({ ...CONSEQUENCE_TEMPLATE, id: parsed.id, name: label, unit: { da: "enhed", en: "unit" } });
      index = rows.length - 1;
    }
    const row = rows[index] as Consequence;
    const updated = parsed.set(row, value, name);
    if ("code" in updated) issues.push(updated);
    else rows[index] = updated;
  }
  return issues.length > 0 ? failMany(issues) : ok({ ...scenario, consequences: rows });
}

function parseName(name: string): { id: string; set: Setter } | string {
  const shown = quoteUserText(name);
  const rest = name.trim().slice(name.trim().indexOf(".") + 1);
  const dot = rest.indexOf(".");
  const id = dot < 0 ? "" : rest.slice(0, dot);
  const field = dot < 0 ? "" : rest.slice(dot + 1).replace(/\s/g, "");
  const hint = `write consequence.<id>.<field> (konsekvens.<id>.<felt>), e.g. consequence.prisonDay.change.inWork; fields: unitPrice, priceYear, indexFactor, payer, area, refusionShare, durationMonths, decayPerYear, name, unit, source, change.<STATE> or change.inWork (docs/broad-case.md)`;
  if (id === "" || field === "") return `Input "${shown}" names no consequence row and field; ${hint}.`;
  const lower = field.toLowerCase();
  const changePrefix = CHANGE_PREFIXES.find((prefix) => lower.startsWith(prefix));
  if (changePrefix !== undefined) {
    const target = field.slice(changePrefix.length);
    const states: readonly OutcomeState[] | null = IN_WORK_NAMES.includes(target.toLowerCase())
      ? IN_WORK_STATES
      : isOutcomeState(target.toUpperCase())
        ? [target.toUpperCase() as OutcomeState]
        : null;
    if (states === null) {
      return `Input "${shown}": ${quoteUserText(target)} is not a state; give one of ${OUTCOME_STATES.join(", ")} or inWork (iArbejde).`;
    }
    return { id, set: (row, value, inputName) => changeField(row, value, inputName, states) };
  }
  const set = ownValue(FIELDS, lower);
  if (set === undefined) return `Input "${shown}": unknown consequence field ${quoteUserText(field)}; ${hint}.`;
  return { id, set };
}

function changeField(
  row: Consequence,
  value: number | string,
  name: string,
  states: readonly OutcomeState[],
): Consequence | Issue {
  if (typeof value !== "number" || !Number.isFinite(value)) return notNumber(name, value);
  const change = { ...row.changePerYear };
  for (const state of states) change[state] = value;
  return { ...row, changePerYear: change };
}

function numberField(
  row: Consequence,
  value: number | string,
  name: string,
  field: "priceYear" | "indexFactor" | "refusionShare" | "durationMonths" | "decayPerYear",
  nullable: boolean,
): Consequence | Issue {
  const parsed = nullable ? nullableNumber(value, name, field) : value;
  if (parsed !== null && (typeof parsed !== "number" || !Number.isFinite(parsed))) {
    return typeof parsed === "object" ? parsed : notNumber(name, value);
  }
  return { ...row, [field]: parsed };
}

function choiceField<K extends "payer" | "area">(
  row: Consequence,
  value: number | string,
  name: string,
  field: K,
  options: Readonly<Record<string, Consequence[K]>>,
): Consequence | Issue {
  const key = typeof value === "string" ? value.trim().toLowerCase().replace(/\s/g, "") : "";
  const found = ownValue(options, key);
  if (found === undefined) {
    return issue(
      "InvalidInput",
      quoteUserText(name),
      "oneOf",
      `Input "${quoteUserText(name)}" must be one of ${Object.keys(options).join(", ")}, got ${quoteUserText(JSON.stringify(value))}.`,
    );
  }
  return { ...row, [field]: found };
}

/** A number, or null for the text "" / "-" / "none" / "ingen" (not found; the built-in index). */
function nullableNumber(value: number | string, name: string, field: string): number | null | Issue {
  if (typeof value === "number") return Number.isFinite(value) ? value : notNumber(name, value);
  if (["", "-", "none", "ingen"].includes(value.trim().toLowerCase())) return null;
  return issue(
    "InvalidInput",
    quoteUserText(name),
    "number",
    `Input "${quoteUserText(name)}" (${field}) must be a number, or "-" for none, got ${quoteUserText(JSON.stringify(value))}.`,
  );
}

function notNumber(name: string, value: number | string): Issue {
  return issue(
    "InvalidInput",
    quoteUserText(name),
    "number",
    `Input "${quoteUserText(name)}" must be a number, got ${quoteUserText(JSON.stringify(value))}.`,
  );
}
