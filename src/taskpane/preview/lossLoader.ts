/**
 * P(loss) without the Monte Carlo in the initial script (issue 14 item 11). The simulation (src/engine/stress through
 * ./lossAdapter) is the lazy chunk montecarlo.js, loaded right after the first screen; until it has loaded, a case
 * whose P(loss) was computed at build time (the first screen's case, scripts/firstScreen.ts run by webpack.config.js)
 * shows that figure, and any other case shows P(loss) as pending. Both figures are the engine's: the build-time table
 * is the same probabilityOfLoss run on the same inputs (test/taskpane/firstScreen.test.ts).
 */
import type { InvestorTermsInput } from "../../engine/investor";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import type { LossProbability } from "./lossAdapter";

type LossAdapter = typeof import("./lossAdapter");

/** One P(loss) computed at build time: the key of its inputs ({@link lossKey}) and the engine's result. */
export interface PrecomputedLoss {
  readonly key: string;
  readonly loss: LossProbability;
}

/** Set by webpack's DefinePlugin from scripts/firstScreen.ts; absent outside the bundle (unit tests). */
declare const FIRST_SCREEN_LOSS: readonly PrecomputedLoss[] | undefined;

let adapter: LossAdapter | null = null;
let loading: Promise<LossAdapter> | null = null;

/** The figures computed at build time (none outside the bundle). */
function buildTimeTable(): readonly PrecomputedLoss[] {
  return typeof FIRST_SCREEN_LOSS === "undefined" ? [] : FIRST_SCREEN_LOSS;
}

/**
 * A short key of P(loss)'s inputs: a 53-bit hash (cyrb53) of their JSON, non-finite numbers written out, in hex.
 * Equal inputs give equal keys; different inputs collide with probability about 2⁻⁵³.
 * @example lossKey(pilot, PILOT_PAYMENT_TERMS, {}) // "1a2b3c4d5e6f7" (13 hex digits or fewer)
 */
export function lossKey(scenario: Scenario, terms: PaymentTerms, investor: InvestorTermsInput): string {
  const text = JSON.stringify([scenario, terms, investor], (_key, value: unknown) =>
    typeof value === "number" && !Number.isFinite(value) ? `#${String(value)}` : value,
  );
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * Loads the Monte Carlo chunk (once); resolves with the adapter.
 * @example const { probabilityOfLoss } = await loadLossAdapter();
 */
export function loadLossAdapter(): Promise<LossAdapter> {
  loading ??= import(/* webpackChunkName: "montecarlo" */ "./lossAdapter").then((module) => (adapter = module));
  return loading;
}

/**
 * P(loss) now, without waiting: the build-time figure when the inputs are those of a case in the table (the same
 * number the simulation gives, so it is not simulated again), else the engine's simulation once its chunk has loaded,
 * else pending (the preview says so and is recomputed when the chunk arrives: WizardApp.refreshLoss).
 * @example lossProbabilityNow(pilot, PILOT_PAYMENT_TERMS, {}) // { kind: "estimate", probability: 0.774, draws: 2000 }
 */
export function lossProbabilityNow(
  scenario: Scenario,
  terms: PaymentTerms,
  investor: InvestorTermsInput,
  table: readonly PrecomputedLoss[] = buildTimeTable(),
): LossProbability {
  if (table.length > 0) {
    const key = lossKey(scenario, terms, investor);
    const known = table.find((entry) => entry.key === key);
    if (known !== undefined) return known.loss;
  }
  return adapter === null ? { kind: "pending", loading: true } : adapter.probabilityOfLoss(scenario, terms, investor);
}
