import { issue, type Issue } from "../errors";
import { MAX_CONSEQUENCES, MAX_HORIZON_MONTHS, quoteUserText } from "../limits";
import { MAX_AMOUNT_KR } from "../rules";
import type { Scenario } from "../scenario";
import { OUTCOME_STATES } from "../states";
import {
  CONSEQUENCE_AREAS,
  CONSEQUENCE_EVIDENCE,
  CONSEQUENCE_PAYERS,
  type Consequence,
  type ConsequenceArea,
  type ConsequencePayer,
} from "./model";
import { builtInIndexFactor, changesNothing } from "./price";

/** Largest |change in use| per person-year a row may hold (a typing guard: 10 million units or kr a year). */
export const MAX_CHANGE_PER_YEAR = 10_000_000;

/**
 * Benefit, tax and wage flows the employment account already counts (src/engine/netCost.ts: states' wages and
 * benefits, AM contribution, municipal and bottom tax; DOMAIN.md b3), by words that name them in Danish and English.
 * A consequence row whose id, name or unit names one is refused (rule noDoubleCounting): SØM's consequence estimates
 * include transfers, and adding them again would count them twice (../shared/reference/broad-savings.md §5.4).
 */
export const EMPLOYMENT_ACCOUNT_FLOWS: readonly { readonly word: RegExp; readonly flow: string }[] = [
  { word: /kontanthj(æ|ae)lp/i, flow: "kontanthjælp (the TEMP benefit)" },
  { word: /uddannelseshj(æ|ae)lp/i, flow: "uddannelseshjælp (the TEMP benefit)" },
  {
    word: /selvfors(ø|oe)rgelses|hjemrejseydelse|overgangsydelse|integrationsydelse/i,
    flow: "SHO/integration benefit (TEMP)",
  },
  { word: /sygedagpenge|sickness[ -]benefit|sick[ -]pay/i, flow: "sygedagpenge, a temporary benefit (TEMP)" },
  { word: /dagpenge|unemployment[ -]benefit/i, flow: "dagpenge, a temporary benefit (TEMP)" },
  { word: /ledighedsydelse|flex[ -]?job[ -]benefit/i, flow: "ledighedsydelse (the FLEX benefit)" },
  { word: /f(ø|oe)rtidspension|disability[ -]pension/i, flow: "førtidspension (the PERM benefit)" },
  { word: /ressourceforl(ø|oe)bsydelse|jobafklaring/i, flow: "ressourceforløbs-/jobafklaringsydelse (TEMP)" },
  { word: /\bSU\b|education[ -]grant|statens uddannelsesst(ø|oe)tte/, flow: "SU (the EDU benefit)" },
  { word: /social[ -]assistance|cash[ -]benefit|welfare[ -]benefit/i, flow: "social assistance (TEMP)" },
  { word: /indkomstskat|kommuneskat|bundskat|income[ -]tax|\btax(es)?\b|\bskat(ter)?\b/i, flow: "income tax" },
  { word: /am-bidrag|arbejdsmarkedsbidrag|labou?r[ -]market[ -]contribution/i, flow: "the AM contribution" },
  {
    word: /\bl(ø|oe)n(indkomst)?\b|\bwages?\b|\bearnings\b|\bproduction\b|\bproduktion\b/i,
    flow: "wages (production)",
  },
];

/** Area names that are the employment account itself (refused with the double-counting rule, not as unknown). */
const EMPLOYMENT_AREAS = new Set([
  "transfers",
  "transfer",
  "benefits",
  "benefit",
  "tax",
  "taxes",
  "employment",
  "overførsler",
  "ydelser",
  "skat",
  "beskæftigelse",
]);

/** The employment-account flow a text names, or null. */
export function employmentFlowIn(text: string): string | null {
  for (const entry of EMPLOYMENT_ACCOUNT_FLOWS) if (entry.word.test(text)) return entry.flow;
  return null;
}

/**
 * Every broken rule of the scenario's consequence rows (issue 15), each naming the row (`consequences[i]` and its id)
 * and the rule: at most {@link MAX_CONSEQUENCES} rows; id pattern and unique; a known area and payer; a unit price (and
 * its price year and an index to the parameter year) for every row that changes anything; non-negative duration; decay
 * and refusion shares from 0 to 1; no row that duplicates a benefit, tax or wage flow of the employment account
 * (noDoubleCounting), and no health row while the states carry their own health cost.
 * @example consequenceIssues({ ...pilot, consequences: [{ ...row, payer: "" }] })[0].rule // "payer"
 */
export function consequenceIssues(scenario: Scenario): Issue[] {
  const rows: unknown = scenario.consequences;
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) {
    return [issue("InvalidInput", "consequences", "list", "consequences must be a list of consequence rows.")];
  }
  if (rows.length > MAX_CONSEQUENCES) {
    return [
      issue(
        "InvalidInput",
        "consequences",
        "maxItems",
        `consequences must list at most ${MAX_CONSEQUENCES} rows, got ${rows.length}.`,
      ),
    ];
  }
  const issues: Issue[] = [];
  const ids = new Set<string>();
  (rows as readonly Consequence[]).forEach((row, index) => rowIssues(issues, scenario, row, index, ids));
  return issues;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

function rowIssues(issues: Issue[], scenario: Scenario, row: Consequence, index: number, ids: Set<string>): void {
  const at = `consequences[${index}]`;
  const id: unknown = row.id;
  const name = typeof id === "string" && ID_PATTERN.test(id) ? `${at} "${id}"` : at;
  const push = (field: string, rule: string, message: string): void => {
    issues.push(issue("InvalidInput", `${at}.${field}`, rule, `${name}.${field}: ${message} (rule ${rule}).`));
  };
  if (typeof id !== "string" || !ID_PATTERN.test(id)) {
    push("id", "pattern", `must be 1-40 letters, digits, - or _, got ${shown(id)}`);
  } else if (ids.has(id)) {
    push("id", "unique", `"${id}" is used by an earlier row; row ids must differ`);
  } else ids.add(id);
  textIssues(push, "name", row.name);
  textIssues(push, "unit", row.unit);
  const area: unknown = row.area;
  if (typeof area === "string" && EMPLOYMENT_AREAS.has(area.trim().toLowerCase())) {
    push(
      "area",
      "noDoubleCounting",
      `area ${shown(area)} is the employment account (benefits, taxes, wages), which the case already counts; a consequence row holds services only (${CONSEQUENCE_AREAS.join(", ")}), docs/broad-case.md`,
    );
  } else if (!isOneOf<ConsequenceArea>(CONSEQUENCE_AREAS, area)) {
    push("area", "oneOf", `must be one of ${CONSEQUENCE_AREAS.join(", ")}, got ${shown(area)}`);
  }
  doubleCountingIssues(push, row);
  const payer: unknown = row.payer;
  if (payer === null || payer === undefined || payer === "") {
    push(
      "payer",
      "payer",
      `no payer: give who pays for the unit after refusion, one of ${CONSEQUENCE_PAYERS.join(", ")}`,
    );
  } else if (!isOneOf<ConsequencePayer>(CONSEQUENCE_PAYERS, payer)) {
    push(
      "payer",
      "payer",
      `must be one of ${CONSEQUENCE_PAYERS.join(", ")} (kommune, region, stat), got ${shown(payer)}`,
    );
  }
  if (!isShare(row.refusionShare)) {
    push("refusionShare", "range", `must be a share from 0 to 1, got ${shown(row.refusionShare)}`);
  } else if (row.refusionShare !== 0 && payer !== "municipality") {
    push("refusionShare", "refusion", `only a municipal unit has refusion; set it to 0 for payer ${shown(payer)}`);
  }
  if (!isOneOf(CONSEQUENCE_EVIDENCE, row.evidence)) {
    push("evidence", "oneOf", `must be one of ${CONSEQUENCE_EVIDENCE.join(", ")}, got ${shown(row.evidence)}`);
  } else if (
    (row.evidence === "V" || row.evidence === "S") &&
    (typeof row.source !== "string" || row.source.trim() === "")
  ) {
    push(
      "source",
      "required",
      `a price marked [${row.evidence}] must name its source (publisher, title, year, address)`,
    );
  } else if (row.evidence === "U" && row.unitPrice !== null) {
    push("evidence", "notFound", `a row marked U (not found) has no unit price; mark your own price "user" or "A"`);
  }
  if (typeof row.source !== "string") push("source", "string", `must be a text, got ${shown(row.source)}`);
  const changesValid = changeIssues(push, row);
  durationIssues(push, row);
  priceIssues(push, scenario, row, changesValid && !changesNothing(row));
}

function textIssues(push: (field: string, rule: string, message: string) => void, field: string, text: unknown): void {
  const record = text as { da?: unknown; en?: unknown } | null;
  const valid =
    typeof record === "object" &&
    record !== null &&
    typeof record.da === "string" &&
    typeof record.en === "string" &&
    (record.da.trim() !== "" || record.en.trim() !== "");
  if (!valid) push(field, "text", `must be { "da": "…", "en": "…" } with at least one of them filled in`);
}

function doubleCountingIssues(push: (field: string, rule: string, message: string) => void, row: Consequence): void {
  const texts: [string, unknown][] = [
    ["id", row.id],
    ["name.da", row.name?.da],
    ["name.en", row.name?.en],
    ["unit.da", row.unit?.da],
    ["unit.en", row.unit?.en],
  ];
  for (const [field, text] of texts) {
    if (typeof text !== "string") continue;
    const flow = employmentFlowIn(text);
    if (flow !== null) {
      push(
        field,
        "noDoubleCounting",
        `${shown(text)} names ${flow}, a flow the employment account already counts (states.*.benefit, states.*.wage and the taxes); a consequence row may only hold services (docs/broad-case.md)`,
      );
      return;
    }
  }
}

function changeIssues(push: (field: string, rule: string, message: string) => void, row: Consequence): boolean {
  const changes = row.changePerYear as Record<string, unknown> | null | undefined;
  if (typeof changes !== "object" || changes === null) {
    push("changePerYear", "object", "must give the change in use per person-year for each outcome state");
    return false;
  }
  let valid = true;
  for (const state of OUTCOME_STATES) {
    const value = changes[state];
    if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > MAX_CHANGE_PER_YEAR) {
      valid = false;
      push(
        `changePerYear.${state}`,
        "range",
        `must be a change in units per person-year from −10,000,000 to 10,000,000 (0 = no change), got ${shown(value)}`,
      );
    }
  }
  return valid;
}

function durationIssues(push: (field: string, rule: string, message: string) => void, row: Consequence): void {
  const duration: unknown = row.durationMonths;
  if (typeof duration === "number" && duration < 0) {
    push(
      "durationMonths",
      "duration",
      `a duration cannot be negative, got ${duration}; give 0 to ${MAX_HORIZON_MONTHS} months`,
    );
  } else if (typeof duration !== "number" || !Number.isInteger(duration) || duration > MAX_HORIZON_MONTHS) {
    push(
      "durationMonths",
      "integer",
      `must be a whole number of months from 0 to ${MAX_HORIZON_MONTHS}, got ${shown(duration)}`,
    );
  }
  if (!isShare(row.decayPerYear)) {
    push(
      "decayPerYear",
      "range",
      `must be a yearly decay from 0 to 1 (0.1 = 10 % a year), got ${shown(row.decayPerYear)}`,
    );
  }
}

function priceIssues(
  push: (field: string, rule: string, message: string) => void,
  scenario: Scenario,
  row: Consequence,
  changes: boolean,
): void {
  const price: unknown = row.unitPrice;
  const year: unknown = row.priceYear;
  const factor: unknown = row.indexFactor;
  const priceValid = typeof price === "number" && Number.isFinite(price) && price >= 0 && price <= MAX_AMOUNT_KR;
  if (price === null) {
    if (changes) {
      push(
        "unitPrice",
        "unitPrice",
        "no unit price: a row that changes the use of a unit needs its price in kr (with price year and source)",
      );
    }
  } else if (!priceValid) {
    push("unitPrice", "range", `must be an amount in kr from 0 to 1,000,000,000 per unit, got ${shown(price)}`);
  }
  const yearValid = typeof year === "number" && Number.isInteger(year) && year >= 1900 && year <= 2100;
  if (year === null) {
    if (price !== null) push("priceYear", "required", "a unit price needs the year of its price level, e.g. 2015");
  } else if (!yearValid) {
    push("priceYear", "integer", `must be a year such as 2015, got ${shown(year)}`);
  }
  if (factor !== null && (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0 || factor > 10)) {
    push(
      "indexFactor",
      "range",
      `must be a factor above 0 and at most 10, or empty for the built-in index, got ${shown(factor)}`,
    );
  }
  if (
    changes &&
    priceValid &&
    yearValid &&
    factor === null &&
    builtInIndexFactor(year, scenario.parameterYear) === null
  ) {
    push(
      "priceYear",
      "index",
      `price year ${year} is outside the data of the built-in index (lønindeks 2023-2026) for parameter year ${scenario.parameterYear}; give indexFactor, the factor from ${year} prices to ${scenario.parameterYear} prices, with its source`,
    );
  }
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

function isShare(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;
}

function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(quoteUserText(value));
  return quoteUserText(JSON.stringify(value) ?? String(value));
}
