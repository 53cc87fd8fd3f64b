import { computeBusinessCase, type BusinessCaseResult } from "./businessCase";
import { expectOk, fail, failMany, issue, ok, type Issue, type Result } from "./errors";
import { parameterValue } from "./parameters/lookup";
import type { Scenario } from "./scenario";
import { overlayScenario } from "./scenarioFile";

/** A text in Danish and English. */
export interface DaEn {
  readonly da: string;
  readonly en: string;
}

/**
 * A named view: a scenario overlay, not a branch in the engine. `overrides` is a partial scenario in the format of a
 * scenario file (objects merge key by key, arrays replace; docs/scenario.md "Views"), applied on top of the scenario
 * being compared. `changes` says in words what the view changes.
 */
export interface ScenarioView {
  /** Short identifier, letters, digits, `-` and `_` (e.g. "fm2023"). */
  readonly id: string;
  readonly label: DaEn;
  readonly changes: DaEn;
  readonly overrides: Readonly<Record<string, unknown>>;
}

/** The year of Finansministeriet's guidance the "FM 2023 valuation" view takes its factors from. */
export const FM_VALUATION_YEAR = 2023;

/** NAF and distortion factor of FM's 2023 guidance, from the sourced parameter data (source fm2023Guidance). */
const FM_2023 = {
  netTaxFactor: expectOk(parameterValue("nettoafgiftsfaktor", FM_VALUATION_YEAR)).value,
  distortionFactor: expectOk(parameterValue("forvridningsfaktor", FM_VALUATION_YEAR)).value,
} as const;

/**
 * The three built-in views (issue 9):
 * - `published`: the scenario as given (for the pilot, COWI's calibration: NAF 1.0, horizon 50 months, docs/calibration.md);
 * - `fm2023`: Finansministeriet's 2023 valuation, NAF 1.28 and distortion factor 1.0 (Vejledning i
 *   samfundsøkonomiske konsekvensvurderinger, 2023);
 * - `employmentOnly`: ABROAD and PERM neutralised and no wage imputed for JOB_UNK (wage 0), so only the employment
 *   effect counts.
 * @example BUILT_IN_VIEWS.map((view) => view.id) // ["published", "fm2023", "employmentOnly"]
 */
export const BUILT_IN_VIEWS: readonly ScenarioView[] = [
  {
    id: "published",
    label: { da: "Som offentliggjort", en: "As published" },
    changes: {
      da: "Intet: scenariet som givet (for piloten COWI-kalibreringen: NAF 1,0, horisont 50 måneder)",
      en: "Nothing: the scenario as given (for the pilot, COWI's calibration: NAF 1.0, horizon 50 months)",
    },
    overrides: {},
  },
  {
    id: "fm2023",
    label: { da: "FM 2023-værdisætning", en: "FM 2023 valuation" },
    changes: {
      da: `Finansministeriets vejledning 2023: nettoafgiftsfaktor ${FM_2023.netTaxFactor.toFixed(2).replace(".", ",")}, forvridningsfaktor ${FM_2023.distortionFactor.toFixed(2).replace(".", ",")}`,
      en: `Ministry of Finance guidance 2023: net indirect-tax factor ${FM_2023.netTaxFactor.toFixed(2)}, distortion factor ${FM_2023.distortionFactor.toFixed(2)}`,
    },
    overrides: { socioEconomic: { netTaxFactor: FM_2023.netTaxFactor, distortionFactor: FM_2023.distortionFactor } },
  },
  {
    id: "employmentOnly",
    label: { da: "Kun beskæftigelseseffekten", en: "Employment effect only" },
    changes: {
      da: "Udrejst (ABROAD) og førtidspension (PERM) neutraliseret; ingen løn for selvforsørgende med ukendt indkomst (JOB_UNK: 0 kr)",
      en: "Moved abroad (ABROAD) and disability pension (PERM) neutralised; no wage for self-supporting, income unknown (JOB_UNK: 0 kr)",
    },
    overrides: { neutraliseStates: ["ABROAD", "PERM"], states: { JOB_UNK: { wage: 0 } } },
  },
];

const VIEW_KEYS = ["id", "label", "changes", "overrides"] as const;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Parses the `views` section of a scenario file: a list of `{ id, label: { da, en }, changes: { da, en }, overrides }`.
 * Unknown keys, missing texts, duplicate ids and overrides that are not a valid overlay of `base` are errors naming
 * `views[i]…`. A file view whose id is a built-in id replaces that built-in view (see {@link viewsToCompare}).
 * @example parseViews([{ id: "nafOnly", label: …, changes: …, overrides: { socioEconomic: { netTaxFactor: 1.28 } } }], pilot)
 */
export function parseViews(json: unknown, base: Scenario): Result<ScenarioView[]> {
  if (!Array.isArray(json)) return fail("InvalidInput", "views", "list", "views must be a list of view objects.");
  const issues: Issue[] = [];
  const views: ScenarioView[] = [];
  const ids = new Set<string>();
  json.forEach((item: unknown, index) => {
    const at = `views[${index}]`;
    if (!isRecord(item)) {
      issues.push(issue("InvalidInput", at, "object", `${at} must be an object with ${VIEW_KEYS.join(", ")}.`));
      return;
    }
    const before = issues.length;
    for (const key of Object.keys(item)) {
      if (!(VIEW_KEYS as readonly string[]).includes(key)) {
        issues.push(
          issue(
            "InvalidInput",
            `${at}.${key}`,
            "known",
            `Unknown field ${at}.${key}; expected ${VIEW_KEYS.join(", ")}.`,
          ),
        );
      }
    }
    const id = item["id"];
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      issues.push(
        issue(
          "InvalidInput",
          `${at}.id`,
          "pattern",
          `${at}.id must be 1-40 letters, digits, - or _, got ${JSON.stringify(id) ?? "nothing"}.`,
        ),
      );
    } else if (ids.has(id)) {
      issues.push(issue("InvalidInput", `${at}.id`, "unique", `${at}.id "${id}" is used twice; view ids must differ.`));
    } else ids.add(id);
    const label = daEn(item["label"], `${at}.label`, issues);
    const changes = daEn(item["changes"], `${at}.changes`, issues);
    const overrides = item["overrides"];
    if (!isRecord(overrides)) {
      issues.push(
        issue(
          "InvalidInput",
          `${at}.overrides`,
          "object",
          `${at}.overrides must be an object of scenario fields (a partial scenario, docs/scenario.md).`,
        ),
      );
    } else if ("parameterYear" in overrides) {
      issues.push(
        issue(
          "InvalidInput",
          `${at}.overrides.parameterYear`,
          "known",
          `${at}.overrides.parameterYear: a view cannot change the parameter year (the parameters are read with the file); use a separate scenario file.`,
        ),
      );
    } else {
      const applied = overlayScenario(base, overrides, `${at}.overrides`);
      if (!applied.ok) {
        for (const problem of applied.issues) {
          const prefixed = problem.field.startsWith(at) ? problem.message : `${at}.overrides: ${problem.message}`;
          issues.push({ ...problem, message: prefixed });
        }
      }
    }
    if (issues.length === before && typeof id === "string" && label !== null && changes !== null && isRecord(overrides))
      views.push({ id, label, changes, overrides });
  });
  return issues.length > 0 ? failMany(issues) : ok(views);
}

/**
 * The views `--compare` shows: the built-in ones, each replaced by a file view of the same id, then the file's other
 * views in their order.
 * @example viewsToCompare([]).length // 3
 */
export function viewsToCompare(fileViews: readonly ScenarioView[]): ScenarioView[] {
  const byId = new Map(fileViews.map((view) => [view.id, view]));
  const builtIn = BUILT_IN_VIEWS.map((view) => byId.get(view.id) ?? view);
  const builtInIds = new Set(BUILT_IN_VIEWS.map((view) => view.id));
  return [...builtIn, ...fileViews.filter((view) => !builtInIds.has(view.id))];
}

/** A view applied to a scenario and its business case. */
export interface ViewResult {
  readonly view: ScenarioView;
  readonly scenario: Scenario;
  readonly businessCase: BusinessCaseResult;
}

/**
 * Applies every view to `scenario` (a validated scenario) and computes each business case. A view whose overlay
 * breaks a rule of the scenario is reported with the view's id.
 * @example applyViews(pilot, BUILT_IN_VIEWS).value[1].businessCase.npv.perParticipant.socioEconomic // ≈ 104,507 kr
 */
export function applyViews(scenario: Scenario, views: readonly ScenarioView[]): Result<ViewResult[]> {
  const issues: Issue[] = [];
  const results: ViewResult[] = [];
  for (const view of views) {
    const applied = overlayScenario(scenario, view.overrides, `views.${view.id}.overrides`);
    if (!applied.ok) {
      issues.push(...applied.issues.map((item) => ({ ...item, message: `view ${view.id}: ${item.message}` })));
      continue;
    }
    results.push({ view, scenario: applied.value, businessCase: computeBusinessCase(applied.value) });
  }
  return issues.length > 0 ? failMany(issues) : ok(results);
}

function daEn(value: unknown, field: string, issues: Issue[]): DaEn | null {
  const valid =
    isRecord(value) &&
    Object.keys(value).every((key) => key === "da" || key === "en") &&
    typeof value["da"] === "string" &&
    value["da"].trim() !== "" &&
    typeof value["en"] === "string" &&
    value["en"].trim() !== "";
  if (!valid || !isRecord(value)) {
    issues.push(
      issue(
        "InvalidInput",
        field,
        "daEn",
        `${field} must be an object with a Danish and an English text, { "da": "…", "en": "…" }, and nothing else.`,
      ),
    );
    return null;
  }
  return { da: String(value["da"]), en: String(value["en"]) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
