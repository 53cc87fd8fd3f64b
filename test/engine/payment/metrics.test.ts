import { describe, expect, it } from "vitest";
import { effectProfile } from "../../../src/engine/effectProfile";
import {
  metricDefinition,
  metricShare,
  metricShareCore,
  metricStates,
  normaliseName,
  parseMetric,
} from "../../../src/engine/payment/metrics";
import type { PerState } from "../../../src/engine/states";

/** The pilot's participant shares (counts of 55) and the comparison group's published percentages. */
const participants: PerState<number> = {
  JOB: 10 / 55,
  JOB_UNK: 5 / 55,
  JOB_PART: 9 / 55,
  EDU: 0,
  FLEX: 0,
  TEMP: 27 / 55,
  PERM: 0,
  ABROAD: 4 / 55,
};
const comparison: PerState<number> = {
  JOB: 0.07,
  JOB_UNK: 0.05,
  JOB_PART: 0.1,
  EDU: 0.01,
  FLEX: 0.02,
  TEMP: 0.63,
  PERM: 0.1,
  ABROAD: 0.02,
};

describe("parseMetric", () => {
  it.each([
    ["selfSupporting", "selfSupporting", 0],
    ["Self-supporting", "selfSupporting", 0],
    ["selvforsørgende", "selfSupporting", 0],
    ["paidHours", "paidHours", 0],
    ["løntimer", "paidHours", 0],
    ["sustained6", "sustained6", 6],
    ["Sustained 12", "sustained12", 12],
    ["vedvarende3", "sustained3", 3],
  ])("%s is %s (%i months after M)", (name, id, months) => {
    expect(parseMetric(name)?.id).toBe(id);
    expect(parseMetric(name)?.monthsAfterMeasurement).toBe(months);
  });

  it.each(["employment", "sustained0", "sustained121", "sustained", ""])("%s is not a metric", (name) => {
    expect(parseMetric(name)).toBeNull();
  });

  it("normaliseName drops case, punctuation and Danish letters", () => {
    expect(normaliseName("Self-supporting")).toBe("selfsupporting");
    expect(normaliseName("Price.Self-supporting")).toBe("priceselfsupporting");
    expect(normaliseName("Løntimer å")).toBe("loentimeraa");
  });

  it("metricDefinition names the field and rule for an unknown metric", () => {
    const result = metricDefinition("jobs");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ field: "metric", rule: "known" });
  });
});

describe("metric shares (hand calculations from the pilot shares)", () => {
  it("self-supporting = JOB + JOB_UNK = 15/55; with education + EDU", () => {
    expect(metricStates("selfSupporting", false)).toEqual(["JOB", "JOB_UNK"]);
    expect(expectShare("selfSupporting", participants, 1, false)).toBeCloseTo(15 / 55, 15);
    expect(expectShare("selfSupporting", comparison, 1, false)).toBeCloseTo(0.12, 15);
    expect(expectShare("selfSupporting", comparison, 1, true)).toBeCloseTo(0.13, 15);
  });

  it("paid hours = JOB_PART", () => {
    expect(expectShare("paidHours", participants, 1, false)).toBeCloseTo(9 / 55, 15);
    expect(expectShare("paidHours", comparison, 0.5, true)).toBeCloseTo(0.1, 15);
  });

  it("sustained<k> = self-supporting share × ρ^k, the effect profile k months after M", () => {
    expect(expectShare("sustained6", participants, 1, false)).toBeCloseTo(15 / 55, 15);
    expect(expectShare("sustained6", participants, 0.98, false)).toBeCloseTo((15 / 55) * 0.98 ** 6, 15);
    expect(expectShare("sustained12", comparison, 0.9, false)).toBeCloseTo(0.12 * 0.9 ** 12, 15);
    const definition = parseMetric("sustained6");
    if (definition === null) throw new Error("sustained6 must parse");
    expect(metricShareCore(definition, participants, 0.98, false) / (15 / 55)).toBeCloseTo(
      effectProfile(14 + 6, 14, 0.98),
      15,
    );
  });

  it.each<[string, () => ReturnType<typeof metricShare>, string]>([
    ["an unknown metric", () => metricShare("jobs", participants, 1, false), "metric"],
    [
      "a share above 1",
      () => metricShare("paidHours", { ...participants, JOB_PART: 1.5 }, 1, false),
      "shares.JOB_PART",
    ],
    ["a persistence above 1", () => metricShare("sustained6", participants, 1.2, false), "persistence"],
  ])("fails for %s, naming the field", (_, call, field) => {
    const result = call();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.field)).toContain(field);
  });
});

function expectShare(metric: string, shares: PerState<number>, persistence: number, education: boolean): number {
  const result = metricShare(metric, shares, persistence, education);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value;
}
