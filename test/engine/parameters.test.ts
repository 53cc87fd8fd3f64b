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

  it("defaults for a year without data are ONE MissingYear issue listing every value to supply", () => {
    const defaults = parameterDefaults(2027);
    expect(defaults.ok).toBe(false);
    if (!defaults.ok) {
      expect(defaults.issues).toHaveLength(1);
      expect(defaults.issues[0]?.code).toBe("MissingYear");
      expect(defaults.issues[0]?.message).toContain("states.TEMP.benefit");
      expect(defaults.issues[0]?.message).toContain("tax.municipalTaxRate");
    }
  });

  it("the MissingYear message names the years the data cover: 2023-2026 (issue 10; mutation sample, defaults.ts)", () => {
    // The data cover 2023 to 2026 (commit 496d8e8, "Parameter years 2023-2026"); 2022 and 2027 have none.
    expect(parameterDefaults(2022).ok).toBe(false);
    for (const year of [2022, 2027]) {
      const defaults = parameterDefaults(year);
      expect(defaults.ok).toBe(false);
      if (!defaults.ok) expect(defaults.issues[0]?.message).toContain("(data: 2023-2026)");
    }
  });

  it.each([2023, 2024, 2025, 2026])("parameter year %i has every default (issue 10)", (year) => {
    expect(parameterDefaults(year).ok).toBe(true);
  });

  it("carries the 2023 assumptions forward by the sourced indices (hand calculation)", () => {
    // Wages × Personal Tax Act § 20 index (skm.dk 121.8 / 126.1 / 131.0 / 137.3); benefits × 12,326/11,944 (bm.dk)
    // for 2024 and × the § 20 growth after; whole kr.
    const wage = (year: number): number => expectValue("loen_selvforsoergende", year);
    expect(wage(2024)).toBe(Math.round((24000 * 126.1) / 121.8)); // 24,847
    expect(wage(2026)).toBe(Math.round((24000 * 137.3) / 121.8)); // 27,054
    expect(expectValue("ydelse_midlertidig", 2024)).toBe(Math.round((12000 * 12326) / 11944)); // 12,384
    // 2025: half a year in the new system at the assumed equal level: 0.5 × old + 0.5 × 1.0 × old.
    const old2025 = ((12000 * 12326) / 11944) * (131.0 / 126.1);
    expect(expectValue("ydelse_midlertidig", 2025)).toBe(Math.round(0.5 * old2025 + 0.5 * 1.0 * old2025)); // 12,865
    expect(expectValue("andel_aar_nyt_kontanthjaelpssystem", 2025)).toBe(0.5);
    expect(expectValue("ydelse_foertidspension", 2026)).toBe(Math.round(((18000 * 12326) / 11944) * (137.3 / 126.1)));
  });

  it("every 2024-2026 default carries a source and an evidence mark; carried assumptions are marked A", () => {
    for (const year of [2024, 2025, 2026]) {
      for (const id of [
        "ydelse_midlertidig",
        "loen_loentimer",
        "bundskat",
        "kommuneskat_gennemsnit",
        "personfradrag",
      ]) {
        const found = parameterValue(id, year);
        expect(found.ok).toBe(true);
        if (!found.ok) continue;
        expect(found.value.source.da.length).toBeGreaterThan(10);
        expect(["V", "S", "A"]).toContain(found.value.evidence);
      }
      const carried = parameterValue("ydelse_midlertidig", year);
      expect(carried.ok && carried.value.evidence).toBe("A");
      expect(carried.ok && carried.value.note?.en).toContain("2023 assumption");
    }
  });
});

function expectValue(id: string, year: number): number {
  const found = parameterValue(id, year);
  if (!found.ok) throw new Error(found.issues[0]?.message);
  return found.value.value;
}
