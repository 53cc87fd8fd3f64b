import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_UNCERTAINTY,
  NO_UNCERTAINTY,
  UNCERTAINTY_NAMES,
  uncertaintyFromPairs,
  validateUncertainty,
} from "../../../src/engine/stress/uncertainty";
import { expectOk } from "../../../src/engine/errors";

describe("uncertainty settings", () => {
  it("defaults: binomial outcome draws only", () => {
    expect(DEFAULT_UNCERTAINTY).toEqual({
      effectMean: 1,
      effectSd: 0,
      persistenceMean: null,
      persistenceSd: 0,
      costMedian: 1,
      costSd: 0,
      comparisonSize: null,
      binomialOutcomes: true,
    });
    expect(validateUncertainty(DEFAULT_UNCERTAINTY)).toEqual([]);
    expect(validateUncertainty(NO_UNCERTAINTY)).toEqual([]);
  });

  it("name/value pairs: case, punctuation and Danish aliases; TRUE/FALSE, 1/0 and SAND/FALSK", () => {
    const settings = expectOk(
      uncertaintyFromPairs([
        ["Effect SD", 0.3],
        ["effekt.middel", 0.8],
        ["persistence.mean", 0.98],
        ["vedvarenhed.spredning", 0.01],
        ["cost.median", 1.1],
        ["omkostning.spredning", 0.15],
        ["kontrolgruppe.størrelse", 100],
        ["outcomes.binomial", "FALSK"],
      ]),
    );
    expect(settings).toEqual({
      effectMean: 0.8,
      effectSd: 0.3,
      persistenceMean: 0.98,
      persistenceSd: 0.01,
      costMedian: 1.1,
      costSd: 0.15,
      comparisonSize: 100,
      binomialOutcomes: false,
    });
    expect(expectOk(uncertaintyFromPairs([["outcomes.binomial", 1]])).binomialOutcomes).toBe(true);
    expect(expectOk(uncertaintyFromPairs([["comparison.size", "scenario"]])).comparisonSize).toBeNull();
  });

  it("reports every bad name and value, naming it", () => {
    const result = uncertaintyFromPairs([
      ["effect.sd", -1],
      ["effect.spread", 1],
      ["comparison.size", 10.5],
      ["outcomes.binomial", "maybe"],
      ["cost.sd", "high"],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.issues.map((issue) => issue.field);
    expect(fields).toEqual([
      "uncertainty.effect.spread",
      "uncertainty.outcomes.binomial",
      "uncertainty.cost.sd",
      "uncertainty.effect.sd",
      "uncertainty.comparison.size",
    ]);
    const ranges = uncertaintyFromPairs([
      ["effect.sd", -1],
      ["comparison.size", 10.5],
      ["persistence.mean", 2],
    ]);
    expect(ranges.ok ? [] : ranges.issues.map((issue) => issue.field)).toEqual([
      "uncertainty.effect.sd",
      "uncertainty.persistence.mean",
      "uncertainty.comparison.size",
    ]);
    const twice = uncertaintyFromPairs([
      ["effect.sd", 0.1],
      ["Effect.SD", 0.2],
    ]);
    expect(twice.ok ? "" : twice.issues[0]?.message).toContain("more than once");
  });

  it("docs/stress.md documents every name", () => {
    const doc = readFileSync("docs/stress.md", "utf8");
    for (const entry of UNCERTAINTY_NAMES) expect(doc, entry.name).toContain(`\`${entry.name}\``);
  });
});
