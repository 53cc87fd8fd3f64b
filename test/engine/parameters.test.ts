import { describe, expect, it } from "vitest";
import { parameterDefaults } from "../../src/engine/defaults";
import { PARAMETERS } from "../../src/engine/parameters/data";
import { findParameter, parameterValue } from "../../src/engine/parameters/lookup";
import { SOURCES } from "../../src/engine/parameters/sources";

describe("parameter data", () => {
  it("every value has a year range, a known source and an evidence mark", () => {
    for (const definition of PARAMETERS) {
      expect(definition.values.length, definition.id).toBeGreaterThan(0);
      for (const value of definition.values) {
        expect(value.from, definition.id).toBeLessThanOrEqual(value.to);
        expect(SOURCES[value.source], definition.id).toBeTruthy();
        expect(["V", "S", "A"]).toContain(value.evidence);
      }
    }
  });

  it("ids are unique and no two periods of one parameter overlap", () => {
    const ids = PARAMETERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const definition of PARAMETERS) {
      const sorted = [...definition.values].sort((a, b) => a.from - b.from);
      sorted
        .slice(1)
        .forEach((value, index) => expect(value.from, definition.id).toBeGreaterThan(sorted[index]?.to ?? 0));
    }
  });

  it("gives bm.dk's kontanthjælp 30+ without children: 11,944 (2023) and 12,326 (2024) kr/month", () => {
    const v2023 = parameterValue("kontanthjaelp_30plus_andre", 2023);
    const v2024 = parameterValue("Kontanthjælp 30+ år, ikke-forsørger", 2024);
    expect(v2023.ok && v2023.value.value).toBe(11944);
    expect(v2024.ok && v2024.value.value).toBe(12326);
    expect(v2024.ok && v2024.value.source.da).toContain("bm.dk");
    expect(v2024.ok && v2024.value.unit).toBe("kr/month");
  });

  it("finds names ignoring case, spaces and æøå spelling", () => {
    expect(findParameter("Social assistance 30+, without children").ok).toBe(true);
    expect(findParameter("KONTANTHJAELP 30PLUS ANDRE").ok).toBe(true);
  });

  it("a missing year is a MissingYear error that lists the years that exist, not a fallback", () => {
    const result = parameterValue("kontanthjaelp_30plus_andre", 2026);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.code).toBe("MissingYear");
      expect(result.issues[0]?.message).toContain("2023, 2024");
    }
  });

  it("an unknown name is an UnknownParameter error", () => {
    const result = parameterValue("kontanthjælp for katte", 2023);
    expect(!result.ok && result.issues[0]?.code).toBe("UnknownParameter");
  });

  it("the refusion staircase is 80/40/30/20 % (STAR) and the FM discount rate 3.5 %", () => {
    const defaults = parameterDefaults(2023);
    expect(defaults.ok).toBe(true);
    if (!defaults.ok) return;
    expect(defaults.value.refusionSteps).toEqual([
      { fromWeek: 1, share: 0.8 },
      { fromWeek: 5, share: 0.4 },
      { fromWeek: 27, share: 0.3 },
      { fromWeek: 53, share: 0.2 },
    ]);
    expect(defaults.value.discountRate).toBe(0.035);
    expect(defaults.value.states.JOB_PART.benefit).toBe(0.4 * 12000);
  });

  it("defaults for a year without the model assumptions list every missing parameter", () => {
    const defaults = parameterDefaults(2025);
    expect(defaults.ok).toBe(false);
    if (!defaults.ok) {
      const fields = defaults.issues.map((i) => i.field);
      expect(fields).toContain("ydelse_midlertidig");
      expect(fields).not.toContain("kommuneskat_gennemsnit"); // 2025 exists (skm.dk)
      expect(defaults.issues.every((i) => i.code === "MissingYear")).toBe(true);
    }
  });
});
