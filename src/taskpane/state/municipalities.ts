/**
 * Several municipalities in the wizard (issue 10 item 2): each listed municipality has a name, its kommuneskat (empty
 * = the engine's built-in rate for Herning, Viborg and Ringkøbing-Skjern, sourced in src/engine/municipalities.ts) and
 * its share of the outcome payments; each cohort picks one of them. The texts are kept as typed (a draft); the model
 * reads them into the scenario's `municipalities` and `cohorts[].municipality`, and the engine's rules
 * (municipalityIssues) report what is wrong, mapped to the row and part they concern.
 */
import { builtInTaxRate, MUNICIPAL_TAX_RATES } from "../../engine/municipalities";
import type { Municipality, Scenario } from "../../engine/scenario";
import type { Language } from "../about";
import { formatNumber, parseNumber } from "../i18n/numbers";

/**
 * One municipality as typed: its name, kommuneskat in % (empty = built in), share of the payments in % and weeks on
 * benefit at intake (empty = the target group's).
 */
export interface MunicipalityRow {
  readonly name: string;
  readonly taxRate: string;
  readonly share: string;
  readonly weeks: string;
}

/** The municipalities as typed and the municipality of each cohort (by index; missing = the first listed). */
export interface MunicipalityDraft {
  readonly rows: readonly MunicipalityRow[];
  readonly cohorts: readonly string[];
}

/** No municipalities listed: one combined municipality (the pilot's default). */
export const NO_MUNICIPALITIES: MunicipalityDraft = { rows: [], cohorts: [] };

/** The municipalities with a built-in kommuneskat 2023–2026 (offered first when a municipality is added). */
export const BUILT_IN_MUNICIPALITIES: readonly string[] = Object.keys(MUNICIPAL_TAX_RATES);

/** Significant digits kept when a percentage is scaled to a fraction (25,4 % → 0.254). */
const PRECISION = 12;

function percentText(fraction: number, language: Language): string {
  return formatNumber(Number((fraction * 100).toPrecision(PRECISION)), language, 4);
}

/**
 * The draft of a scenario's municipalities, written in `language`.
 * @example draftFrom(herningViborg, "da").rows[0] // { name: "Herning", taxRate: "", share: "55" }
 */
export function draftFrom(scenario: Scenario, language: Language): MunicipalityDraft {
  const listed = scenario.municipalities ?? [];
  if (listed.length === 0) return NO_MUNICIPALITIES;
  return {
    rows: listed.map((municipality) => ({
      name: municipality.name,
      taxRate: municipality.taxRate === null ? "" : percentText(municipality.taxRate, language),
      share: percentText(municipality.paymentShare, language),
      weeks:
        municipality.weeksOnBenefitAtIntake === null || municipality.weeksOnBenefitAtIntake === undefined
          ? ""
          : formatNumber(municipality.weeksOnBenefitAtIntake, language, 4),
    })),
    cohorts: scenario.cohorts.map((cohort) => cohort.municipality ?? listed[0]?.name ?? ""),
  };
}

/** The same draft with its percentages written in another language (texts that cannot be read are kept). */
export function relabelDraft(draft: MunicipalityDraft, from: Language, to: Language): MunicipalityDraft {
  if (from === to || draft.rows.length === 0) return draft;
  const again = (text: string): string => {
    const parsed = parseNumber(text, from);
    return parsed.kind === "number" ? formatNumber(parsed.value, to, 4) : text;
  };
  return {
    ...draft,
    rows: draft.rows.map((row) => ({
      ...row,
      taxRate: again(row.taxRate),
      share: again(row.share),
      weeks: again(row.weeks),
    })),
  };
}

/** A broken rule of a draft, before the engine's: `number` (a percentage that cannot be read) or `required`. */
export type DraftReport = (field: string, rule: string, engineMessage?: string) => void;

/** The wizard's field id of a municipality row's part ("municipality.0.taxRate"). */
export function municipalityFieldId(index: number, part: keyof MunicipalityRow): string {
  return `municipality.${index}.${part}`;
}

/** The wizard's field id of a cohort's municipality ("cohortMunicipality.2"). */
export function cohortMunicipalityId(index: number): string {
  return `cohortMunicipality.${index}`;
}

/** The field id of the payment shares' sum. */
export const MUNICIPALITY_SHARES_ID = "municipalityShares";

/**
 * The scenario with the draft's municipalities: none listed leaves it without (and strips the cohorts' names); else
 * every row read (an unreadable percentage is reported and read as 0 for the engine's own checks to pass it by) and
 * each cohort given its municipality.
 */
export function applyMunicipalities(
  scenario: Scenario,
  draft: MunicipalityDraft,
  language: Language,
  report: DraftReport,
): Scenario {
  if (draft.rows.length === 0) {
    if ((scenario.municipalities ?? []).length === 0 && scenario.cohorts.every((cohort) => cohort.municipality == null))
      return scenario;
    const rest: Scenario = { ...scenario };
    delete (rest as { municipalities?: unknown }).municipalities;
    const cohorts = scenario.cohorts.map((cohort) => {
      const copy = { ...cohort };
      delete copy.municipality;
      return copy;
    });
    return { ...rest, cohorts };
  }
  const read = (text: string, id: string, optional: boolean, scale = 100): number | null => {
    const parsed = parseNumber(text, language);
    if (parsed.kind === "number") return Number((parsed.value / scale).toPrecision(PRECISION));
    if (parsed.kind === "empty" && optional) return null;
    report(id, parsed.kind === "empty" ? "required" : "number");
    return Number.NaN;
  };
  const municipalities: Municipality[] = draft.rows.map((row, index) => {
    const taxRate = read(row.taxRate, municipalityFieldId(index, "taxRate"), true);
    const share = read(row.share, municipalityFieldId(index, "share"), false);
    const weeks = read(row.weeks, municipalityFieldId(index, "weeks"), true, 1);
    return {
      name: row.name.trim(),
      taxRate: taxRate !== null && Number.isNaN(taxRate) ? null : taxRate,
      weeksOnBenefitAtIntake: weeks !== null && Number.isNaN(weeks) ? null : weeks,
      paymentShare: share === null || Number.isNaN(share) ? 0 : share,
    };
  });
  const first = municipalities[0]?.name ?? "";
  return {
    ...scenario,
    municipalities,
    cohorts: scenario.cohorts.map((cohort, index) => ({ ...cohort, municipality: draft.cohorts[index] ?? first })),
  };
}

/**
 * The wizard field of an engine issue about municipalities, or null for another path.
 * @example municipalityField("municipalities[1].paymentShare") // "municipality.1.share"
 */
export function municipalityField(path: string): string | null {
  const row = /^municipalities\[(\d+)\]\.(name|taxRate|paymentShare|weeksOnBenefitAtIntake)$/.exec(path);
  if (row !== null) {
    const part =
      row[2] === "paymentShare"
        ? "share"
        : row[2] === "taxRate"
          ? "taxRate"
          : row[2] === "weeksOnBenefitAtIntake"
            ? "weeks"
            : "name";
    return municipalityFieldId(Number(row[1]), part);
  }
  if (path === "municipalities.paymentShare" || path === "municipalities") return MUNICIPALITY_SHARES_ID;
  const cohort = /^cohorts\[(\d+)\]\.municipality$/.exec(path);
  return cohort === null ? null : cohortMunicipalityId(Number(cohort[1]));
}

/** The built-in rate shown next to an empty tax-rate field ("25,4 %"), or null when the name has none. */
export function builtInRateText(name: string, year: number, language: Language): string | null {
  const rate = builtInTaxRate(name, year);
  return rate === null ? null : `${percentText(rate.value, language)} %`;
}

/** The next municipality to add: the first built-in one not listed yet, else an empty name. */
export function nextMunicipality(draft: MunicipalityDraft): MunicipalityRow {
  const listed = new Set(draft.rows.map((row) => row.name.trim().toLowerCase()));
  const name = BUILT_IN_MUNICIPALITIES.find((candidate) => !listed.has(candidate.toLowerCase())) ?? "";
  return { name, taxRate: "", share: draft.rows.length === 0 ? "100" : "0", weeks: "" };
}
