import { describe, expect, it } from "vitest";
import { SCALAR_INPUT_GROUPS } from "../../src/plan/inputsSheet";

/**
 * Every scalar input of the Inputs sheet has a heading and a label in both languages. The sampled mutation run of
 * 1 December 2026 (seed 16, docs/mutation.md) emptied the English label "Measurement month (M)" with every test still
 * passing (the workbook language test skips empty texts).
 */
describe("Inputs sheet: scalar input labels and headings (mutation sample)", () => {
  it("no heading or label is empty, in Danish or in English", () => {
    for (const group of SCALAR_INPUT_GROUPS) {
      expect(group.heading.da.trim(), `heading ${group.heading.en}`).not.toBe("");
      expect(group.heading.en.trim(), `heading ${group.heading.da}`).not.toBe("");
      for (const input of group.inputs) {
        expect(input.label.da.trim(), `${input.name}: Danish label`).not.toBe("");
        expect(input.label.en.trim(), `${input.name}: English label`).not.toBe("");
      }
    }
  });

  it("the measurement month is 'Målemåned (M)' / 'Measurement month (M)' (DOMAIN.md's M)", () => {
    const input = SCALAR_INPUT_GROUPS.flatMap((group) => group.inputs).find((i) => i.name === "SIB_MeasurementMonth");
    expect(input?.label).toEqual({ da: "Målemåned (M)", en: "Measurement month (M)" });
  });
});
