/**
 * P(loss) of the first screen, computed at build time (issue 14 item 11): the table webpack passes to the taskpane as
 * FIRST_SCREEN_LOSS (scripts/firstScreen.ts) holds the engine's Monte Carlo result for the case the wizard opens
 * with, keyed so the wizard finds it in Danish and in English; until the lazy chunk montecarlo.js has loaded, any other
 * case shows P(loss) as being computed, and after that the live simulation. No file of the taskpane imports the Monte Carlo
 * statically (it would be back in the initial script).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { DEFAULT_UNCERTAINTY, seededGenerator, simulate } from "../../src/engine/stress";
import { FIRST_SCREEN_LANGUAGES, firstScreenFigures, firstScreenLosses } from "../../scripts/firstScreen";
import { buildTimeFigures } from "../../src/taskpane/preview/firstScreen";
import { computeCaseNumbers } from "../../src/taskpane/preview/preview";
import { PREVIEW_DRAWS, PREVIEW_SEED } from "../../src/taskpane/preview/lossAdapter";
import { loadLossAdapter, lossKey, lossProbabilityNow } from "../../src/taskpane/preview/lossLoader";
import { initialState, modelOf } from "../../src/taskpane/state/reducer";
import { lossUnavailableText } from "../../src/taskpane/ui/previewView";

const pilot = expectOk(pilotScenario());

/** The engine's P(loss) for a case, called directly (default uncertainty, the preview's draws and seed). */
function simulated(model: Pick<ReturnType<typeof modelOf>, "scenario" | "terms" | "investor">): number {
  const summary = simulate(
    { scenario: model.scenario, paymentTerms: model.terms, investorTerms: expectOk(investorTerms(model.investor)) },
    DEFAULT_UNCERTAINTY,
    PREVIEW_DRAWS,
    seededGenerator(PREVIEW_SEED),
  );
  return expectOk(summary).probabilityOfLoss;
}

describe("the build-time table (scripts/firstScreen.ts)", () => {
  const table = firstScreenLosses();
  const opening = modelOf(initialState("da-DK"));

  it("has the case the wizard opens with, in Danish and in English, with the engine's P(loss)", () => {
    const keys = new Set<string>();
    for (const language of FIRST_SCREEN_LANGUAGES) {
      const model = modelOf(initialState(language));
      expect(model.valid, language).toBe(true);
      const key = lossKey(model.scenario, model.terms, model.investor);
      keys.add(key);
      const entry = table.find((candidate) => candidate.key === key);
      expect(entry?.loss, language).toEqual({ kind: "estimate", probability: simulated(model), draws: 2_000 });
    }
    expect(table.map((entry) => entry.key).sort()).toEqual([...keys].sort());
  });

  it("survives JSON, as DefinePlugin passes it", () => {
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it("before the chunk has loaded: the table's figure for its case, pending for any other", async () => {
    // A fresh copy of the loader: with isolate: false (vitest.config.mts) another file in this worker may already have
    // loaded the chunk through the shared module, which is not the state this test is about.
    vi.resetModules();
    const { lossProbabilityNow } = await import("../../src/taskpane/preview/lossLoader");
    const model = opening;
    expect(lossProbabilityNow(model.scenario, model.terms, model.investor, table)).toEqual(table[0]?.loss);
    const other = { ...model.investor, hurdleRate: 0.07 };
    const loading = { kind: "pending", loading: true };
    expect(lossProbabilityNow(model.scenario, model.terms, other, table)).toEqual(loading);
    expect(lossProbabilityNow(model.scenario, model.terms, model.investor, [])).toEqual(loading);
    // The preview says it is being computed, not that it cannot be.
    expect(lossUnavailableText({ kind: "pending", loading: true }, "da")).toBe("beregnes, et øjeblik");
    expect(lossUnavailableText({ kind: "pending", loading: true }, "en")).toBe("being computed, one moment");
  });

  it("after the chunk has loaded: the live simulation for any case", async () => {
    await loadLossAdapter();
    const other = { scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: { hurdleRate: 0.07 } };
    const live = lossProbabilityNow(other.scenario, other.terms, other.investor, table);
    expect(live).toEqual({ kind: "estimate", probability: simulated(other), draws: 2_000 });
    const model = opening;
    expect(lossProbabilityNow(model.scenario, model.terms, model.investor, table)).toEqual(table[0]?.loss);
  });
});

describe("the build-time preview figures (scripts/firstScreen.ts firstScreenFigures, FIRST_SCREEN_FIGURES)", () => {
  const table = firstScreenFigures();
  const losses = firstScreenLosses();

  it("has the opening case in Danish and in English, with the figures the engine computes for it", () => {
    const keys = new Set<string>();
    for (const language of FIRST_SCREEN_LANGUAGES) {
      const model = modelOf(initialState(language));
      const key = lossKey(model.scenario, model.terms, model.investor);
      keys.add(key);
      const live = expectOk(computeCaseNumbers(model.scenario, model.terms, model.investor));
      const entry = table.find((candidate) => candidate.key === key);
      // Each figure the first screen shows, read from the engine's own result (not from the function that built the
      // table), and the whole entry equal to them.
      expect(entry?.figures, language).toStrictEqual({
        employmentEffectPp: live.employmentEffectPp,
        municipalNetPerParticipant: live.municipalNetPerParticipant,
        breakEvenMonth: live.breakEvenMonth,
        baseFeeTotal: live.baseFeeTotal,
        paymentsTotal: live.paymentsTotal,
        investor: live.investor,
        deadweight: live.deadweight,
      });
    }
    expect(table.map((entry) => entry.key).sort()).toEqual([...keys].sort());
    // The pilot's published-scale figures as the first screen shows them (DOMAIN.md: break-even month 38).
    expect(table[0]?.figures.breakEvenMonth).toBe(38);
  });

  it("survives JSON bit for bit, as DefinePlugin passes it", () => {
    const copy = JSON.parse(JSON.stringify(table)) as typeof table;
    expect(copy).toStrictEqual(table);
    expect(Object.is(copy[0]?.figures.municipalNetPerParticipant, table[0]?.figures.municipalNetPerParticipant)).toBe(
      true,
    );
  });

  it("gives the opening case's figures with its build-time P(loss), and nothing for any other case", () => {
    const model = modelOf(initialState("da-DK"));
    const figures = buildTimeFigures(model.scenario, model.terms, model.investor, table);
    expect(figures?.breakEvenMonth).toBe(38);
    // P(loss) comes from lossProbabilityNow: the build-time figure in the bundle; outside it (this test) the same
    // engine figure is in firstScreenLosses.
    expect(losses.find((entry) => entry.key === lossKey(model.scenario, model.terms, model.investor))?.loss).toEqual({
      kind: "estimate",
      probability: simulated(model),
      draws: 2_000,
    });
    const cheaper = { ...model.scenario, costPerParticipant: model.scenario.costPerParticipant - 1 };
    expect(buildTimeFigures(cheaper, model.terms, model.investor, table)).toBeNull();
    expect(buildTimeFigures(model.scenario, model.terms, { ...model.investor, hurdleRate: 0.07 }, table)).toBeNull();
    expect(buildTimeFigures(model.scenario, model.terms, model.investor, [])).toBeNull();
  });
});

describe("lossKey", () => {
  it("is the same for equal inputs and differs when any input changes, non-finite numbers included", () => {
    const key = lossKey(pilot, PILOT_PAYMENT_TERMS, {});
    expect(lossKey(structuredClone(pilot), { ...PILOT_PAYMENT_TERMS }, {})).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{1,14}$/);
    expect(lossKey({ ...pilot, horizonMonths: pilot.horizonMonths + 1 }, PILOT_PAYMENT_TERMS, {})).not.toBe(key);
    expect(lossKey(pilot, PILOT_PAYMENT_TERMS, { hurdleRate: 0.05 })).not.toBe(key);
    const infinite = lossKey(pilot, PILOT_PAYMENT_TERMS, { maxLoss: Number.POSITIVE_INFINITY });
    expect(lossKey(pilot, PILOT_PAYMENT_TERMS, { maxLoss: Number.NaN })).not.toBe(infinite);
  });
});

describe("the Monte Carlo stays out of the initial script", () => {
  it("no file of the taskpane imports lossAdapter except as a type (lossLoader loads it with import())", () => {
    const files = readdirSync(join("src", "taskpane"), { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".ts"),
    );
    const offenders = files.filter((file) => {
      const source = readFileSync(join("src", "taskpane", file), "utf8");
      return /^import\s+(?!type\b)[^;]*from\s+"[^"]*lossAdapter";/m.test(source);
    });
    expect(offenders).toEqual([]);
    const loader = readFileSync(join("src", "taskpane", "preview", "lossLoader.ts"), "utf8");
    expect(loader).toContain('import(/* webpackChunkName: "montecarlo" */ "./lossAdapter")');
  });
});
