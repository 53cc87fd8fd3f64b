/**
 * The uncertainty settings of a Monte Carlo stress test: which inputs are drawn, and from which distributions. Each
 * draw of the simulation takes, independently of each other:
 *
 * - an **effect multiplier** m ~ Normal(effect.mean, effect.sd), applied to the measured effect (participant minus
 *   comparison shares) state by state (see effectScale.ts), clamped to the range in which every share stays in 0–1;
 * - a **monthly persistence** ρ ~ Normal(persistence.mean, persistence.sd), clamped to 0–1;
 * - a **cost factor** f = cost.median × e^(cost.sd·Z), Z ~ N(0, 1) (lognormal: median cost.median, mean
 *   cost.median·e^(cost.sd²/2)), multiplying the intervention cost the investor funds;
 * - **outcome counts**: with outcomes.binomial, each participant of each cohort lands in one outcome state drawn from
 *   the true shares (a multinomial draw), so a metric's count is Binomial(n, true rate); without it the expected
 *   (fractional) counts are used;
 * - **comparison-group noise**: with comparison.size n_c > 0, the comparison group's metric shares are measured on a
 *   group of n_c people drawn from the true comparison shares (binomial counts), which moves baseline and threshold
 *   terms; with 0 the true comparison shares are used.
 *
 * With every sd 0, cost.median 1, outcomes.binomial FALSE and comparison.size 0 the simulation is the deterministic
 * engine, draw for draw.
 */
import { failMany, issue, ok, type Issue, type Result } from "../errors";
import { normaliseName } from "../payment/metrics";

/** Validated uncertainty settings (see the module comment for the distributions). */
export interface UncertaintySettings {
  /** Mean of the effect multiplier (1 = the measured effect; 0.8 = a 20 % haircut). */
  readonly effectMean: number;
  /** Standard deviation of the effect multiplier, as a fraction of the measured effect (0.3 = 30 %). */
  readonly effectSd: number;
  /** Mean monthly persistence ρ after the measurement month, 0–1; null = the scenario's persistence. */
  readonly persistenceMean: number | null;
  /** Standard deviation of ρ (e.g. 0.01). */
  readonly persistenceSd: number;
  /** Median of the cost factor (1 = the budgeted cost; 1.1 = a 10 % overrun). */
  readonly costMedian: number;
  /** Standard deviation of the log of the cost factor (0.15 ≈ ±15 %). */
  readonly costSd: number;
  /** Comparison-group size for its sampling noise (people); null = the scenario's comparisonGroupSize (none = 0). */
  readonly comparisonSize: number | null;
  /** Draw outcome counts per participant (TRUE) or use the expected shares (FALSE). */
  readonly binomialOutcomes: boolean;
}

/** Defaults: only the binomial draws of the participants' outcomes; every other input at its scenario value. */
export const DEFAULT_UNCERTAINTY: UncertaintySettings = {
  effectMean: 1,
  effectSd: 0,
  persistenceMean: null,
  persistenceSd: 0,
  costMedian: 1,
  costSd: 0,
  comparisonSize: null,
  binomialOutcomes: true,
};

/**
 * No uncertainty at all: expected outcome counts, no comparison noise, every sd 0. The simulation then reproduces the
 * deterministic engine in every draw.
 */
export const NO_UNCERTAINTY: UncertaintySettings = {
  ...DEFAULT_UNCERTAINTY,
  comparisonSize: 0,
  binomialOutcomes: false,
};

/** Largest comparison group accepted (people). */
export const MAX_COMPARISON_SIZE = 10_000_000;

type Key = keyof UncertaintySettings;

/** One documented name of an uncertainty range. */
export interface UncertaintyName {
  readonly name: string;
  readonly key: Key;
  readonly unit: string;
  readonly meaning: string;
  readonly example: string;
  /** Other accepted names (Danish). */
  readonly aliases: readonly string[];
}

/** The names an uncertainty range accepts (case, spaces and punctuation ignored). */
export const UNCERTAINTY_NAMES: readonly UncertaintyName[] = [
  {
    name: "effect.mean",
    key: "effectMean",
    unit: "factor",
    meaning: "mean of the multiplier on the measured effect (1 = as measured)",
    example: "effect.mean 0.8",
    aliases: ["effekt.middel"],
  },
  {
    name: "effect.sd",
    key: "effectSd",
    unit: "factor",
    meaning: "standard deviation of the effect multiplier (0.3 = 30 % of the measured effect)",
    example: "effect.sd 0.3",
    aliases: ["effekt.spredning"],
  },
  {
    name: "persistence.mean",
    key: "persistenceMean",
    unit: "monthly factor 0–1",
    meaning: "mean monthly persistence of the effect after the measurement month (default: the scenario's)",
    example: "persistence.mean 0.98",
    aliases: ["vedvarenhed.middel"],
  },
  {
    name: "persistence.sd",
    key: "persistenceSd",
    unit: "monthly factor",
    meaning: "standard deviation of the monthly persistence (clamped to 0–1)",
    example: "persistence.sd 0.01",
    aliases: ["vedvarenhed.spredning"],
  },
  {
    name: "cost.median",
    key: "costMedian",
    unit: "factor",
    meaning: "median of the lognormal cost factor on the intervention cost the investor funds",
    example: "cost.median 1.1",
    aliases: ["omkostning.median"],
  },
  {
    name: "cost.sd",
    key: "costSd",
    unit: "log factor",
    meaning: "standard deviation of the log of the cost factor (0.15 ≈ ±15 %)",
    example: "cost.sd 0.15",
    aliases: ["omkostning.spredning"],
  },
  {
    name: "comparison.size",
    key: "comparisonSize",
    unit: "people",
    meaning: "size of the comparison group whose measured shares are drawn (0 = no comparison noise)",
    example: "comparison.size 100",
    aliases: ["kontrolgruppe.stoerrelse", "kontrolgruppe.størrelse"],
  },
  {
    name: "outcomes.binomial",
    key: "binomialOutcomes",
    unit: "TRUE / FALSE",
    meaning: "draw each participant's outcome (TRUE) or use expected shares (FALSE)",
    example: "outcomes.binomial TRUE",
    aliases: ["udfald.binomial"],
  },
];

const NAME_BY_KEY: ReadonlyMap<string, UncertaintyName> = new Map(
  UNCERTAINTY_NAMES.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => [normaliseName(name), entry])),
);

/**
 * Every broken rule of uncertainty settings (empty = valid). Fields are `uncertainty.<name>` with the documented
 * names, rules `range`, `integer` or `boolean`.
 * @example validateUncertainty({ ...DEFAULT_UNCERTAINTY, effectSd: -1 }) // [{ field: "uncertainty.effect.sd", ... }]
 */
export function validateUncertainty(settings: UncertaintySettings): Issue[] {
  const issues: Issue[] = [];
  const range = (key: Key, value: unknown, min: number, max: number, what: string): void => {
    if (!(typeof value === "number" && Number.isFinite(value) && value >= min && value <= max)) {
      issues.push(invalid(key, "range", `must be ${what}, got ${shown(value)}.`));
    }
  };
  range(
    "effectMean",
    settings.effectMean,
    -10,
    10,
    "a multiplier of the measured effect from -10 to 10 (1 = as measured)",
  );
  range("effectSd", settings.effectSd, 0, 10, "a standard deviation from 0 to 10 (0.3 = 30 % of the effect)");
  if (settings.persistenceMean !== null) {
    range("persistenceMean", settings.persistenceMean, 0, 1, "a monthly persistence from 0 to 1 (e.g. 0.98)");
  }
  range("persistenceSd", settings.persistenceSd, 0, 1, "a standard deviation from 0 to 1 (e.g. 0.01)");
  range("costMedian", settings.costMedian, 1e-6, 100, "a factor above 0 and at most 100 (1 = the budgeted cost)");
  range("costSd", settings.costSd, 0, 5, "a standard deviation of the log cost from 0 to 5 (e.g. 0.15)");
  const size = settings.comparisonSize;
  if (size !== null && !(Number.isInteger(size) && size >= 0 && size <= MAX_COMPARISON_SIZE)) {
    issues.push(
      invalid(
        "comparisonSize",
        "integer",
        `must be a whole number of people from 0 to ${MAX_COMPARISON_SIZE} (0 = no comparison noise), got ${shown(size)}.`,
      ),
    );
  }
  if (typeof settings.binomialOutcomes !== "boolean") {
    issues.push(
      invalid("binomialOutcomes", "boolean", `must be TRUE or FALSE, got ${shown(settings.binomialOutcomes)}.`),
    );
  }
  return issues;
}

/**
 * Uncertainty settings from name/value pairs (e.g. a two-column range), starting from `base` (default
 * {@link DEFAULT_UNCERTAINTY}). Names as in {@link UNCERTAINTY_NAMES}, case and punctuation ignored, Danish aliases
 * accepted; each at most once. `outcomes.binomial` takes TRUE/FALSE or 1/0; `persistence.mean` and `comparison.size`
 * take "scenario" for the scenario's value. Every bad name or value is reported.
 * @example uncertaintyFromPairs([["effect.sd", 0.3], ["comparison.size", 100]]) // ok({ ...DEFAULT_UNCERTAINTY, ... })
 */
export function uncertaintyFromPairs(
  pairs: readonly (readonly [string, number | string | boolean])[],
  base: UncertaintySettings = DEFAULT_UNCERTAINTY,
): Result<UncertaintySettings> {
  const issues: Issue[] = [];
  const seen = new Set<Key>();
  const settings: { -readonly [K in Key]: UncertaintySettings[K] } = { ...base };
  for (const [rawName, value] of pairs) {
    const entry = NAME_BY_KEY.get(normaliseName(rawName));
    if (entry === undefined) {
      const known = UNCERTAINTY_NAMES.map((item) => item.name).join(", ");
      issues.push(
        issue(
          "InvalidInput",
          `uncertainty.${rawName}`,
          "known",
          `uncertainty: unknown name "${rawName}"; use ${known}.`,
        ),
      );
      continue;
    }
    if (seen.has(entry.key)) {
      issues.push(invalid(entry.key, "unique", "is given more than once."));
      continue;
    }
    seen.add(entry.key);
    if (entry.key === "binomialOutcomes") {
      if (typeof value === "boolean") settings.binomialOutcomes = value;
      else if (value === 0 || value === 1) settings.binomialOutcomes = value === 1;
      else if (typeof value === "string" && ["true", "sand", "false", "falsk"].includes(value.trim().toLowerCase())) {
        settings.binomialOutcomes = ["true", "sand"].includes(value.trim().toLowerCase());
      } else issues.push(invalid(entry.key, "boolean", `must be TRUE or FALSE, got ${shown(value)}.`));
      continue;
    }
    const key = entry.key;
    if (
      (key === "persistenceMean" || key === "comparisonSize") &&
      typeof value === "string" &&
      ["scenario", "scenarie"].includes(value.trim().toLowerCase())
    ) {
      settings[key] = null;
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push(invalid(key, "number", `must be a number, got ${shown(value)}.`));
      continue;
    }
    settings[key] = value;
  }
  issues.push(...validateUncertainty(settings));
  return issues.length > 0 ? failMany(issues) : ok(settings);
}

/** The documented name of a settings key, e.g. `effect.sd` for effectSd. */
export function uncertaintyName(key: Key): string {
  return UNCERTAINTY_NAMES.find((entry) => entry.key === key)?.name ?? key;
}

function invalid(key: Key, rule: string, text: string): Issue {
  const name = uncertaintyName(key);
  return issue("InvalidInput", `uncertainty.${name}`, rule, `uncertainty ${name} ${text}`);
}

function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}
