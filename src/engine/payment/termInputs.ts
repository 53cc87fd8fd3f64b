/**
 * Payment terms from name/value pairs, the vocabulary of SIB.PAYMENTSCHEDULE's `terms` range and of the wizard.
 * Names are matched ignoring case and punctuation (`price.selfSupporting` = `Price self-supporting`); Danish names
 * are accepted too. Every bad name or value is reported with the name as written; nothing is applied partially.
 *
 * Units: prices, caps and fees in kr; volume caps in outcomes; shares as fractions (0.5 = 50 %); thresholds in
 * percentage points; lags in whole months. A cap of 0 or "none" means no cap.
 */
import { fail, failMany, issue, ok, type Issue, type Result } from "../errors";
import { MAX_AMOUNT, shown } from "./checks";
import { MAX_SUSTAINED_MONTHS, normaliseName, parseMetric, unknownMetricIssue, type MetricDefinition } from "./metrics";
import {
  MAX_PRICE_INDEXATION,
  MAX_SUSTAINMENT_MONTHS,
  validatePaymentTerms,
  type SustainmentTerms,
  type BaselineTerms,
  type MetricTerms,
  type PaymentTerms,
} from "./terms";
import { MAX_LAG_MONTHS } from "./timing";
import { applyProgressionTerms, parseProgressionKey, type ProgressionKey } from "./progression";
import { ownValue } from "../lookup";

/** A value from a name/value range. */
export type TermValue = number | string | boolean;

/** One documented term name. */
export interface PaymentTermName {
  readonly name: string;
  readonly unit: string;
  readonly meaning: string;
  readonly example: string;
  /** Other accepted names: the Danish ones and short forms. */
  readonly aliases: readonly string[];
}

/** The names a terms range accepts (`<metric>` = selfSupporting, paidHours or sustained<k>). */
export const PAYMENT_TERM_NAMES: readonly PaymentTermName[] = [
  {
    name: "price.<metric>",
    unit: "kr per outcome",
    meaning: "price of a metric; a new metric is added to the rate card",
    example: "price.selfSupporting 198090",
    aliases: ["pris.<metric>"],
  },
  {
    name: "volumeCap.<metric>",
    unit: "outcomes",
    meaning: "most outcomes paid for the metric over the contract; 0 or none = no cap",
    example: "volumeCap.paidHours 10",
    aliases: ["loft.antal.<metric>"],
  },
  {
    name: "requires.<metric>",
    unit: "metric",
    meaning: "chain: paid only for people paid for this earlier metric; none = no chain",
    example: "requires.sustained6 selfSupporting",
    aliases: ["kraever.<metric>"],
  },
  {
    name: "cap.person",
    unit: "kr",
    meaning: "most paid for one participant's outcomes; 0 or none = no cap",
    example: "cap.person 250000",
    aliases: ["loft.person", "personCap"],
  },
  {
    name: "cap.contract",
    unit: "kr",
    meaning: "most paid in total (cumulative, the last payments are cut); 0 or none = no cap",
    example: "cap.contract 4000000",
    aliases: ["loft.kontrakt", "contractCap"],
  },
  {
    name: "threshold.pp",
    unit: "percentage points",
    meaning: "pay nothing unless the effect (participant − comparison share) reaches θ; none = no threshold",
    example: "threshold.pp 10",
    aliases: ["taerskel.pp", "threshold", "taerskel"],
  },
  {
    name: "threshold.scope",
    unit: "metric / contract",
    meaning: "each metric needs its own effect ≥ θ, or one metric's effect gates the whole contract",
    example: "threshold.scope contract",
    aliases: ["taerskel.omfang"],
  },
  {
    name: "threshold.metric",
    unit: "metric",
    meaning: "for scope contract: the metric whose effect is tested (default: the first on the card)",
    example: "threshold.metric selfSupporting",
    aliases: ["taerskel.metrik"],
  },
  {
    name: "baseline",
    unit: "comparison / none / share",
    meaning: "pay only for outcomes above the comparison group, gross (none), or above a historical rate",
    example: "baseline comparison",
    aliases: ["basislinje"],
  },
  {
    name: "baseline.<metric>",
    unit: "share",
    meaning: "historical rate of one metric (implies a historical baseline)",
    example: "baseline.paidHours 0.1",
    aliases: ["basislinje.<metric>"],
  },
  {
    name: "savingsShare",
    unit: "share",
    meaning: "α: share of the measured savings paid",
    example: "savingsShare 0.5",
    aliases: ["besparelsesandel"],
  },
  {
    name: "savingsScope",
    unit: "narrow / broad",
    meaning: "the municipality's savings (narrow) or all public budgets' (broad)",
    example: "savingsScope broad",
    aliases: ["besparelsesomfang"],
  },
  {
    name: "baseFee",
    unit: "kr per participant",
    meaning: "fee-for-service per participant, not subject to the claim lag",
    example: "baseFee 10000",
    aliases: ["grundbetaling"],
  },
  {
    name: "baseFeeTiming",
    unit: "intake / spread",
    meaning: "base fee at intake or spread over the months of the effort",
    example: "baseFeeTiming spread",
    aliases: ["grundbetaling.timing"],
  },
  {
    name: "lagMonths",
    unit: "months",
    meaning: `claim lag, a whole number from 0 to ${MAX_LAG_MONTHS}`,
    example: "lagMonths 3",
    aliases: ["forsinkelse", "lag", "claimLag"],
  },
  {
    name: "payerShare.municipality",
    unit: "share",
    meaning: "the municipality's (kommune's) share of every payment; the state pays the rest",
    example: "payerShare.municipality 0.8",
    aliases: ["kommuneandel", "municipalityShare"],
  },
  {
    name: "payerShare.state",
    unit: "share",
    meaning: "the state's share (the municipality pays 1 − this)",
    example: "payerShare.state 0.2",
    aliases: ["statsandel", "stateShare"],
  },
  {
    name: "priceIndexation",
    unit: "rate/year",
    meaning:
      "yearly indexation of prices, fees and caps (contract money); compared with savings in fixed prices (docs/attribution.md)",
    example: "priceIndexation 0.02",
    aliases: ["prisindeksering"],
  },
  {
    name: "sustainment.monthlyPrice",
    unit: "kr per participant-month in work",
    meaning:
      "sustainment card: paid for every month a participant is self-supporting, from the measurement month, net of the baseline; none = no card",
    example: "sustainment.monthlyPrice 6000",
    aliases: ["fastholdelse.maanedspris"],
  },
  {
    name: "sustainment.months",
    unit: "months",
    meaning:
      "how many months the sustainment card pays, from the measurement month (measurement month + months ≤ horizon)",
    example: "sustainment.months 24",
    aliases: ["fastholdelse.maaneder"],
  },
  {
    name: "progression.<metric>.month",
    unit: "months after intake",
    meaning:
      "progression metric (bipGain, who5, actionPlan, fitForWork, lifeSatisfaction; give its price too): the month after each cohort's intake at which the share is measured; not a budget saving",
    example: "progression.who5.month 12",
    aliases: ["fremskridt.<metric>.maaned"],
  },
  {
    name: "progression.<metric>.share",
    unit: "share",
    meaning:
      "share of participants reaching the progression metric, every cohort (or .share.<n> for cohort n = 1, 2, …)",
    example: "progression.who5.share 0.4",
    aliases: ["fremskridt.<metric>.andel"],
  },
  {
    name: "progression.<metric>.comparison",
    unit: "share",
    meaning:
      "the comparison group's share at the same month (needed for baseline comparison and a threshold); none = not measured",
    example: "progression.who5.comparison 0.25",
    aliases: ["fremskridt.<metric>.kontrol"],
  },
  {
    name: "includeEducation",
    unit: "TRUE / FALSE",
    meaning: "education (SU, adult apprentice) counts as self-supporting",
    example: "includeEducation TRUE",
    aliases: ["meduddannelse"],
  },
];

type Setting =
  | "personCap"
  | "contractCap"
  | "thresholdPP"
  | "thresholdScope"
  | "thresholdMetric"
  | "baseline"
  | "savingsShare"
  | "savingsScope"
  | "baseFee"
  | "baseFeeTiming"
  | "lagMonths"
  | "municipalityShare"
  | "stateShare"
  | "priceIndexation"
  | "sustainmentMonthlyPrice"
  | "sustainmentMonths"
  | "includeEducation";

const SETTINGS: Readonly<Record<string, Setting>> = {
  capperson: "personCap",
  personcap: "personCap",
  loftperson: "personCap",
  capcontract: "contractCap",
  contractcap: "contractCap",
  loftkontrakt: "contractCap",
  thresholdpp: "thresholdPP",
  threshold: "thresholdPP",
  taerskel: "thresholdPP",
  taerskelpp: "thresholdPP",
  thresholdscope: "thresholdScope",
  taerskelomfang: "thresholdScope",
  thresholdmetric: "thresholdMetric",
  taerskelmetrik: "thresholdMetric",
  baseline: "baseline",
  basislinje: "baseline",
  savingsshare: "savingsShare",
  besparelsesandel: "savingsShare",
  savingsscope: "savingsScope",
  besparelsesomfang: "savingsScope",
  basefee: "baseFee",
  grundbetaling: "baseFee",
  basefeetiming: "baseFeeTiming",
  grundbetalingtiming: "baseFeeTiming",
  lagmonths: "lagMonths",
  lag: "lagMonths",
  claimlag: "lagMonths",
  forsinkelse: "lagMonths",
  payersharemunicipality: "municipalityShare",
  municipalityshare: "municipalityShare",
  kommuneandel: "municipalityShare",
  payersharestate: "stateShare",
  stateshare: "stateShare",
  statsandel: "stateShare",
  priceindexation: "priceIndexation",
  prisindeksering: "priceIndexation",
  includeeducation: "includeEducation",
  meduddannelse: "includeEducation",
  sustainmentmonthlyprice: "sustainmentMonthlyPrice",
  fastholdelsemaanedspris: "sustainmentMonthlyPrice",
  sustainmentmonths: "sustainmentMonths",
  fastholdelsemaaneder: "sustainmentMonths",
};

type MetricSetting = "price" | "volumeCap" | "requires" | "baselineRate";

const METRIC_PREFIXES: readonly (readonly [string, MetricSetting])[] = [
  ["price", "price"],
  ["pris", "price"],
  ["volumecap", "volumeCap"],
  ["loftantal", "volumeCap"],
  ["requires", "requires"],
  ["kraever", "requires"],
  ["baseline", "baselineRate"],
  ["basislinje", "baselineRate"],
];

const NONE = new Set(["none", "ingen", "no", "nej", ""]);
const TEXT_CHOICES: Readonly<Record<string, string>> = {
  comparison: "comparison",
  kontrolgruppe: "comparison",
  none: "none",
  ingen: "none",
  gross: "none",
  brutto: "none",
  metric: "metric",
  metrik: "metric",
  contract: "contract",
  kontrakt: "contract",
  narrow: "narrow",
  smal: "narrow",
  broad: "broad",
  bred: "broad",
  intake: "intake",
  start: "intake",
  spread: "spread",
  fordelt: "spread",
};

/** Every general setting name the parser accepts, normalised (lower case, no dots, æ/ø/å as ae/oe/aa): tests check
 * that each is documented in {@link PAYMENT_TERM_NAMES}. */
export const ACCEPTED_SETTING_NAMES: readonly string[] = Object.keys(SETTINGS);

/** A parsed pair: a general setting, or a per-metric setting. */
type Parsed =
  | { readonly kind: "setting"; readonly setting: Setting; readonly key: string; readonly value: TermValue }
  | {
      readonly kind: "metric";
      readonly setting: MetricSetting;
      readonly metric: MetricDefinition;
      readonly key: string;
      readonly value: TermValue;
    };

/**
 * Applies name/value pairs to payment terms (see {@link PAYMENT_TERM_NAMES}); all problems are reported, with the
 * name as written as the field. The result also passes {@link validatePaymentTerms}.
 * @example applyPaymentTermInputs(PILOT_PAYMENT_TERMS, [["baseline", "comparison"], ["threshold.pp", 10]])
 * // ok({ ...PILOT_PAYMENT_TERMS, baseline: { kind: "comparison" }, threshold: { pp: 10, scope: "metric", metric: null } })
 */
export function applyPaymentTermInputs(
  base: PaymentTerms,
  pairs: readonly (readonly [string, TermValue])[],
): Result<PaymentTerms> {
  const issues: Issue[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, string>();
  const progressionEntries: [ProgressionKey, string, TermValue][] = [];
  for (const [rawKey, value] of pairs) {
    const key = rawKey.trim();
    const progression = parseProgressionKey(normaliseName(key), key);
    if (progression !== null) {
      if ("metric" in progression) progressionEntries.push([progression, key, value]);
      else issues.push(progression);
      continue;
    }
    const entry = parseKey(key, value);
    if (!entry.ok) {
      issues.push(...entry.issues);
      continue;
    }
    const target =
      entry.value.kind === "setting" ? entry.value.setting : `${entry.value.setting}.${entry.value.metric.id}`;
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      issues.push(issue("InvalidInput", key, "unique", `${key} is given twice (also as ${earlier}).`));
      continue;
    }
    seen.set(target, key);
    parsed.push(entry.value);
  }

  let rateCard = [...base.rateCard];
  const lineOf = (metric: MetricDefinition): number =>
    rateCard.findIndex((line) => parseMetric(line.metric)?.id === metric.id);
  // Prices first: a price can add a metric that other settings then refer to.
  for (const entry of parsed) {
    if (entry.kind !== "metric" || entry.setting !== "price") continue;
    const price = amount(issues, entry.key, entry.value, "a price in kr per outcome of at least 0", false);
    if (price === undefined) continue;
    const index = lineOf(entry.metric);
    if (index >= 0) rateCard = rateCard.map((line, k) => (k === index ? { ...line, price } : line));
    else rateCard = sortCanonically([...rateCard, { metric: entry.metric.id, price, volumeCap: null, requires: null }]);
  }

  rateCard = applyProgressionTerms(issues, rateCard, progressionEntries, (name) => parseMetric(name)?.id);
  let terms: PaymentTerms = { ...base, rateCard };
  const historicalRates: Record<string, number> = base.baseline.kind === "historical" ? { ...base.baseline.rates } : {};
  let baselineChoice: BaselineTerms | undefined;
  let thresholdPP: number | null | undefined;
  let thresholdScope: "metric" | "contract" | undefined;
  let thresholdMetric: string | undefined;
  let municipalityShare: number | undefined;
  let stateShare: number | undefined;
  let sustainmentPrice: number | null | undefined;
  let sustainmentMonths: number | undefined;

  for (const entry of parsed) {
    if (entry.kind === "metric") {
      if (entry.setting === "price") continue;
      if (entry.setting === "baselineRate") {
        const rate = share(issues, entry.key, entry.value, "a historical rate from 0 to 1");
        if (rate !== undefined) historicalRates[entry.metric.id] = rate;
        continue;
      }
      const index = lineOf(entry.metric);
      if (index < 0) {
        issues.push(
          issue(
            "InvalidInput",
            entry.key,
            "known",
            `${entry.key}: ${entry.metric.id} is not on the rate card; give price.${entry.metric.id} to add it.`,
          ),
        );
        continue;
      }
      const change: Partial<MetricTerms> | undefined =
        entry.setting === "volumeCap"
          ? capChange(issues, entry.key, entry.value, "a number of outcomes of at least 0, or none", (volumeCap) => ({
              volumeCap,
            }))
          : requiresChange(issues, entry.key, entry.value);
      if (change !== undefined) rateCard = rateCard.map((line, k) => (k === index ? { ...line, ...change } : line));
      continue;
    }
    const { key, value } = entry;
    switch (entry.setting) {
      case "personCap":
      case "contractCap": {
        const setting = entry.setting;
        const change = capChange(issues, key, value, "an amount in kr of at least 0, or none", (cap) => ({
          [setting]: cap,
        }));
        if (change !== undefined) terms = { ...terms, ...change };
        break;
      }
      case "thresholdPP":
        if (isNone(value)) thresholdPP = null;
        else if (typeof value === "number" && Number.isFinite(value) && value >= -100 && value <= 100)
          thresholdPP = value;
        else issues.push(rangeIssue(key, value, "an effect in percentage points from -100 to 100 (e.g. 10), or none"));
        break;
      case "thresholdScope": {
        const choice = textChoice(issues, key, value, ["metric", "contract"]);
        if (choice === "metric" || choice === "contract") thresholdScope = choice;
        break;
      }
      case "thresholdMetric": {
        const metric = typeof value === "string" ? parseMetric(value) : null;
        if (metric === null) issues.push(unknownMetricIssue(key, value));
        else thresholdMetric = metric.id;
        break;
      }
      case "baseline":
        if (typeof value === "number") {
          const rate = share(issues, key, value, `"comparison", "none" or a historical rate from 0 to 1`);
          if (rate !== undefined) baselineChoice = { kind: "historical", rate, rates: {} };
        } else {
          const choice = textChoice(issues, key, value, ["comparison", "none"]);
          if (choice === "comparison" || choice === "none") baselineChoice = { kind: choice };
        }
        break;
      case "savingsShare": {
        const alpha = share(issues, key, value, "a share of the savings from 0 to 1 (e.g. 0.5)");
        if (alpha !== undefined) terms = { ...terms, savingsShare: alpha };
        break;
      }
      case "savingsScope": {
        const choice = textChoice(issues, key, value, ["narrow", "broad"]);
        if (choice === "narrow" || choice === "broad") terms = { ...terms, savingsScope: choice };
        break;
      }
      case "baseFee": {
        const fee = amount(issues, key, value, "a fee in kr per participant of at least 0", false);
        if (fee !== undefined) terms = { ...terms, baseFee: fee };
        break;
      }
      case "baseFeeTiming": {
        const choice = textChoice(issues, key, value, ["intake", "spread"]);
        if (choice === "intake" || choice === "spread") terms = { ...terms, baseFeeTiming: choice };
        break;
      }
      case "lagMonths":
        if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_LAG_MONTHS) {
          terms = { ...terms, lagMonths: value };
        } else {
          issues.push(
            issue(
              "InvalidInput",
              key,
              "integer",
              `${key} must be a whole number of months from 0 to ${MAX_LAG_MONTHS}, got ${shown(value)}.`,
            ),
          );
        }
        break;
      case "municipalityShare":
        municipalityShare = share(issues, key, value, "the municipality's share of the payments from 0 to 1");
        break;
      case "stateShare":
        stateShare = share(issues, key, value, "the state's share of the payments from 0 to 1");
        break;
      case "priceIndexation":
        if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE_INDEXATION) {
          terms = { ...terms, priceIndexation: value };
        } else {
          issues.push(
            issue(
              "InvalidInput",
              key,
              "range",
              `${key} must be a yearly indexation of prices from 0 to ${MAX_PRICE_INDEXATION} (e.g. 0.02 for 2 % a year), got ${shown(value)}.`,
            ),
          );
        }
        break;
      case "sustainmentMonthlyPrice":
        if (isNone(value)) sustainmentPrice = null;
        else
          sustainmentPrice = amount(
            issues,
            key,
            value,
            "a price in kr per month in work of at least 0, or none",
            false,
          );
        break;
      case "sustainmentMonths":
        if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_SUSTAINMENT_MONTHS) {
          sustainmentMonths = value;
        } else {
          issues.push(
            issue(
              "InvalidInput",
              key,
              "integer",
              `${key} must be a whole number of months from 1 to ${MAX_SUSTAINMENT_MONTHS}, got ${shown(value)}.`,
            ),
          );
        }
        break;
      case "includeEducation": {
        const flag = booleanValue(value);
        if (flag === undefined) {
          issues.push(issue("InvalidInput", key, "boolean", `${key} must be TRUE or FALSE, got ${shown(value)}.`));
        } else terms = { ...terms, includeEducation: flag };
        break;
      }
    }
  }

  const baseline = resolveBaseline(issues, seen, base.baseline, baselineChoice, historicalRates);
  const threshold = resolveThreshold(issues, seen, base, thresholdPP, thresholdScope, thresholdMetric);
  if (
    municipalityShare !== undefined &&
    stateShare !== undefined &&
    Math.abs(municipalityShare + stateShare - 1) > 1e-9
  ) {
    issues.push(
      issue(
        "InvalidInput",
        seen.get("stateShare") ?? "payerShare.state",
        "sum",
        `payerShare.municipality and payerShare.state must sum to 1, got ${municipalityShare} + ${stateShare}.`,
      ),
    );
  }
  const payerShare = municipalityShare ?? (stateShare === undefined ? undefined : 1 - stateShare);
  const sustainment = resolveSustainment(issues, seen, base.sustainment ?? null, sustainmentPrice, sustainmentMonths);
  if (issues.length > 0) return failMany(issues);
  const result: PaymentTerms = {
    ...terms,
    rateCard,
    baseline,
    threshold,
    municipalityShare: payerShare ?? terms.municipalityShare,
    ...(sustainment === null && base.sustainment === undefined ? {} : { sustainment }),
  };
  const remaining = validatePaymentTerms(result).map((problem) => relabel(problem, result, seen));
  return remaining.length > 0 ? failMany(remaining) : ok(result);
}

/** Names a rate-card issue by the term the user wrote (e.g. `requires.selfSupporting` for `rateCard[0].requires`). */
function relabel(problem: Issue, terms: PaymentTerms, seen: ReadonlyMap<string, string>): Issue {
  const match = /^rateCard\[(\d+)\]\.(price|volumeCap|requires)$/.exec(problem.field);
  if (match === null) return problem;
  const metric = parseMetric(terms.rateCard[Number(match[1])]?.metric ?? "")?.id;
  const key = metric === undefined ? undefined : seen.get(`${match[2]}.${metric}`);
  if (key === undefined) return problem;
  return { ...problem, field: key, message: problem.message.replace(problem.field, key) };
}

function parseKey(key: string, value: TermValue): Result<Parsed> {
  const normal = normaliseName(key);
  const setting = ownValue(SETTINGS, normal);
  if (setting !== undefined) return ok({ kind: "setting", setting, key, value });
  for (const [prefix, metricSetting] of METRIC_PREFIXES) {
    if (!normal.startsWith(prefix) || normal.length === prefix.length) continue;
    const metric = parseMetric(normal.slice(prefix.length));
    if (metric === null) {
      return fail(
        "InvalidInput",
        key,
        "known",
        `${key} does not name a metric after "${prefix}": use selfSupporting, paidHours or sustained<k> (k = 1 to ${MAX_SUSTAINED_MONTHS} months, e.g. sustained6).`,
      );
    }
    return ok({ kind: "metric", setting: metricSetting, metric, key, value });
  }
  return fail(
    "InvalidInput",
    key,
    "known",
    `Unknown payment term "${key}". Known terms: ${PAYMENT_TERM_NAMES.map((term) => term.name).join(", ")}.`,
  );
}

/** The sustainment card from its two terms and the base: a price needs a duration (rule `required`). */
function resolveSustainment(
  issues: Issue[],
  seen: ReadonlyMap<string, string>,
  base: SustainmentTerms | null,
  price: number | null | undefined,
  months: number | undefined,
): SustainmentTerms | null {
  if (price === null) return null;
  const monthlyPrice = price ?? base?.monthlyPrice;
  const duration = months ?? base?.months;
  if (monthlyPrice === undefined && duration === undefined) return null;
  if (duration === undefined) {
    issues.push(
      issue(
        "InvalidInput",
        "sustainment.months",
        "required",
        `sustainment.months is required with ${seen.get("sustainmentMonthlyPrice") ?? "sustainment.monthlyPrice"}: give how many months in work are paid (e.g. 24).`,
      ),
    );
    return null;
  }
  if (monthlyPrice === undefined) {
    issues.push(
      issue(
        "InvalidInput",
        "sustainment.monthlyPrice",
        "required",
        `sustainment.monthlyPrice is required with ${seen.get("sustainmentMonths") ?? "sustainment.months"}: give the price in kr per month in work (e.g. 6000).`,
      ),
    );
    return null;
  }
  return { monthlyPrice, months: duration };
}

function resolveBaseline(
  issues: Issue[],
  seen: ReadonlyMap<string, string>,
  base: BaselineTerms,
  choice: BaselineTerms | undefined,
  rates: Readonly<Record<string, number>>,
): BaselineTerms {
  const perMetric = [...seen.keys()].some((target) => target.startsWith("baselineRate."));
  if (!perMetric) return choice ?? base;
  if (choice !== undefined && choice.kind !== "historical") {
    issues.push(
      issue(
        "InvalidInput",
        seen.get("baseline") ?? "baseline",
        "conflict",
        `baseline "${choice.kind}" cannot be combined with historical rates per metric (baseline.<metric>); give baseline a rate or leave it out.`,
      ),
    );
    return base;
  }
  const rate = choice?.kind === "historical" ? choice.rate : base.kind === "historical" ? base.rate : 0;
  return { kind: "historical", rate, rates };
}

function resolveThreshold(
  issues: Issue[],
  seen: ReadonlyMap<string, string>,
  base: PaymentTerms,
  pp: number | null | undefined,
  scope: "metric" | "contract" | undefined,
  metric: string | undefined,
): PaymentTerms["threshold"] {
  if (pp === null) return null;
  const threshold = base.threshold;
  const value = pp ?? threshold?.pp;
  if (value === undefined) {
    if (scope !== undefined || metric !== undefined) {
      const key = seen.get(scope !== undefined ? "thresholdScope" : "thresholdMetric") ?? "threshold.scope";
      issues.push(
        issue("InvalidInput", key, "requires", `${key} needs threshold.pp (the threshold in percentage points).`),
      );
    }
    return null;
  }
  return { pp: value, scope: scope ?? threshold?.scope ?? "metric", metric: metric ?? threshold?.metric ?? null };
}

function capChange<T>(
  issues: Issue[],
  key: string,
  value: TermValue,
  what: string,
  make: (cap: number | null) => T,
): T | undefined {
  if (isNone(value) || value === 0) return make(null);
  const cap = amount(issues, key, value, what, true);
  return cap === undefined ? undefined : make(cap);
}

function requiresChange(issues: Issue[], key: string, value: TermValue): Partial<MetricTerms> | undefined {
  if (isNone(value) || value === 0) return { requires: null };
  const metric = typeof value === "string" ? parseMetric(value) : null;
  if (metric === null) {
    issues.push(unknownMetricIssue(key, value));
    return undefined;
  }
  return { requires: metric.id };
}

function amount(issues: Issue[], key: string, value: TermValue, what: string, large: boolean): number | undefined {
  const max = large ? Number.MAX_VALUE : MAX_AMOUNT;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= max) return value;
  issues.push(rangeIssue(key, value, what));
  return undefined;
}

function share(issues: Issue[], key: string, value: TermValue, what: string): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1) return value;
  issues.push(rangeIssue(key, value, what));
  return undefined;
}

function textChoice(issues: Issue[], key: string, value: TermValue, options: readonly string[]): string | undefined {
  const choice = typeof value === "string" ? ownValue(TEXT_CHOICES, normaliseName(value)) : undefined;
  if (choice !== undefined && options.includes(choice)) return choice;
  issues.push(
    issue(
      "InvalidInput",
      key,
      "oneOf",
      `${key} must be one of ${options.map((option) => `"${option}"`).join(", ")}, got ${shown(value)}.`,
    ),
  );
  return undefined;
}

function booleanValue(value: TermValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== "string") return undefined;
  const text = normaliseName(value);
  if (["true", "yes", "ja", "sand"].includes(text)) return true;
  if (["false", "no", "nej", "falsk"].includes(text)) return false;
  return undefined;
}

function isNone(value: TermValue): boolean {
  return typeof value === "string" && NONE.has(normaliseName(value));
}

function rangeIssue(key: string, value: TermValue, what: string): Issue {
  return issue("InvalidInput", key, "range", `${key} must be ${what}, got ${shown(value)}.`);
}

/**
 * Canonical order: selfSupporting, paidHours, sustained<k> by k (chains run from earlier to later), then the
 * progression metrics in the order given.
 */
function sortCanonically(rateCard: readonly MetricTerms[]): MetricTerms[] {
  const rank = (line: MetricTerms): number => {
    const metric = parseMetric(line.metric);
    if (metric === null) return Infinity;
    if (metric.kind === "selfSupporting") return 0;
    if (metric.kind === "paidHours") return 1;
    if (metric.kind === "progression") return 1 + MAX_SUSTAINED_MONTHS + 1;
    return 2 + metric.monthsAfterMeasurement;
  };
  return [...rateCard].sort((a, b) => rank(a) - rank(b));
}
