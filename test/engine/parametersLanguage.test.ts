import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { INPUT_FIELDS } from "../../src/engine/inputs";
import { PARAMETER_UNIT_LABELS, PARAMETERS } from "../../src/engine/parameters/data";
import { parameterValue } from "../../src/engine/parameters/lookup";
import { SOURCES } from "../../src/engine/parameters/sources";
import { pilotScenario } from "../../src/engine/pilot";
import { INPUT_PARAMETER_IDS, PILOT_INPUT_NOTES, inputProvenance } from "../../src/engine/provenance";
import { languageProblems } from "../support/textLanguage";

const YEAR = /\b(?:19|20)\d\d\b/;

/** Problems of a Danish/English pair, one line each, prefixed with where the pair is used. */
function pairProblems(where: string, text: { da: string; en: string }): string[] {
  return [
    ...(text.da.trim() === "" ? [`${where} (da): empty`] : []),
    ...(text.en.trim() === "" ? [`${where} (en): empty`] : []),
    ...languageProblems(text.da, "da").map((problem) => `${where} (da): ${problem} in "${text.da}"`),
    ...languageProblems(text.en, "en").map((problem) => `${where} (en): ${problem} in "${text.en}"`),
  ];
}

describe("texts of the parameter data (sources, notes, units)", () => {
  it("every source is in Danish and in English, names a year, and points at nothing the user does not have", () => {
    const problems = Object.entries(SOURCES).flatMap(([id, source]) => [
      ...pairProblems(`source ${id}`, source),
      ...(YEAR.test(source.da) && YEAR.test(source.en) ? [] : [`source ${id}: no year in both languages`]),
    ]);
    expect(problems).toEqual([]);
  });

  it("every note is in Danish and in English", () => {
    const problems = PARAMETERS.flatMap((definition) =>
      definition.values.flatMap((value) =>
        value.note === undefined ? [] : pairProblems(`${definition.id} ${value.from}-${value.to} note`, value.note),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("every unit and every parameter name is in the workbook's language", () => {
    const problems = [
      ...Object.entries(PARAMETER_UNIT_LABELS).flatMap(([unit, label]) => pairProblems(`unit ${unit}`, label)),
      ...PARAMETERS.flatMap((definition) => pairProblems(`name of ${definition.id}`, definition)),
    ];
    expect(problems).toEqual([]);
  });

  it("an assumption says it is one, in both languages (marks A)", () => {
    for (const definition of PARAMETERS) {
      for (const value of definition.values.filter((v) => v.evidence === "A")) {
        const texts = [SOURCES[value.source], value.note].filter((t) => t !== undefined);
        expect(
          texts.some((t) => /antag/i.test(t.da)),
          `${definition.id} ${value.from} (da)`,
        ).toBe(true);
        expect(
          texts.some((t) => /assum/i.test(t.en)),
          `${definition.id} ${value.from} (en)`,
        ).toBe(true);
      }
    }
  });

  it("no 2023 value is another year's value in disguise: the 2023 tax parameters are the published 2023 figures", () => {
    // Published 2023 values: personfradrag 48,000 kr, beskæftigelsesfradrag 10.65 % up to 45,600 kr, jobfradrag 4.5 %
    // above 208,700 kr up to 2,700 kr, AM-bidrag 8 %, average kommuneskat 25.018 %, bundskat 12.09 % (secondary).
    const expected: Record<string, number> = {
      am_bidrag: 0.08,
      kommuneskat_gennemsnit: 0.25018,
      bundskat: 0.1209,
      personfradrag: 48_000,
      beskaeftigelsesfradrag_sats: 0.1065,
      beskaeftigelsesfradrag_maks: 45_600,
      jobfradrag_sats: 0.045,
      jobfradrag_bundgraense: 208_700,
      jobfradrag_maks: 2_700,
    };
    for (const [id, value] of Object.entries(expected)) {
      const found = expectOk(parameterValue(id, 2023));
      expect(found.value, id).toBe(value);
      expect(found.evidence, id).not.toBe("A");
      expect(`${found.source.da} ${found.note?.da ?? ""}`, id).toMatch(/2023/);
      expect(`${found.source.en} ${found.note?.en ?? ""}`, id).toMatch(/2023/);
    }
  });

  it("the indexed 2023 amounts follow from the 2010 base amounts and the index 121.8, rounded up to 100 kr", () => {
    const indexed = (base2010: number): number => Math.ceil((base2010 * 121.8) / 100 / 100) * 100;
    expect(indexed(39_350)).toBe(expectOk(parameterValue("personfradrag", 2023)).value); // PSL § 10
    expect(indexed(37_400)).toBe(expectOk(parameterValue("beskaeftigelsesfradrag_maks", 2023)).value); // LL § 9 J
    expect(indexed(171_300)).toBe(expectOk(parameterValue("jobfradrag_bundgraense", 2023)).value); // LL § 9 K
    expect(indexed(2_200)).toBe(expectOk(parameterValue("jobfradrag_maks", 2023)).value); // LL § 9 K
  });
});

describe("provenance texts shown in the Input sheet and the wizard", () => {
  const pilot = expectOk(pilotScenario());

  it("every input of the pilot has a source in Danish and in English, free of the other language", () => {
    const keys = INPUT_FIELDS.map((field) => field.key);
    const problems = keys.flatMap((key) => {
      const provenance = inputProvenance(pilot, key);
      return pairProblems(`input ${key}`, provenance);
    });
    expect(problems).toEqual([]);
  });

  it("the pilot notes are in both languages and name the numbers the pilot uses", () => {
    expect(Object.entries(PILOT_INPUT_NOTES).flatMap(([key, note]) => pairProblems(`pilot note ${key}`, note))).toEqual(
      [],
    );
    expect(PILOT_INPUT_NOTES["interventionMonths"]?.da).toContain(String(pilot.interventionMonths));
    expect(PILOT_INPUT_NOTES["weeksOnBenefitAtIntake"]?.da).toContain(String(pilot.weeksOnBenefitAtIntake));
  });

  it("a built-in parameter's provenance is its source (and note) in the asked language", () => {
    const provenance = inputProvenance(pilot, "bottomTaxRate");
    const found = expectOk(parameterValue(INPUT_PARAMETER_IDS["bottomTaxRate"] ?? "", pilot.parameterYear));
    expect(provenance.evidence).toBe(found.evidence);
    expect(provenance.da).toContain(found.source.da);
    expect(provenance.en).toContain(found.source.en);
    expect(provenance.da).toContain("12,09 %");
    expect(provenance.en).toContain("12.09 %");
  });
});
