import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { pilotScenario } from "../../src/engine/pilot";
import { applyViews, BUILT_IN_VIEWS, parseViews, viewsToCompare, type ScenarioView } from "../../src/engine/views";

const pilot = expectOk(pilotScenario(2023));

function view(id: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    id,
    label: { da: "Visning", en: "View" },
    changes: { da: "Ændrer noget", en: "Changes something" },
    overrides,
  };
}

describe("the built-in views", () => {
  const results = expectOk(applyViews(pilot, BUILT_IN_VIEWS));
  const byId = new Map(results.map((result) => [result.view.id, result]));

  it("are as published, FM 2023 valuation and employment effect only, each in Danish and English", () => {
    expect(BUILT_IN_VIEWS.map((v) => v.id)).toEqual(["published", "fm2023", "employmentOnly"]);
    for (const v of BUILT_IN_VIEWS) {
      expect(v.label.da).not.toBe("");
      expect(v.changes.en).not.toBe("");
    }
  });

  it("as published changes nothing", () => {
    expect(byId.get("published")?.businessCase.npv).toEqual(computeBusinessCase(pilot).npv);
  });

  /**
   * Finansministeriet, "Vejledning i samfundsøkonomiske konsekvensvurderinger", 22 June 2023: nettoafgiftsfaktor 1.28
   * and no tax distortion (forvridningsfaktor 1.0). The review (economist.md §1.3 f, scratch/fm2023.json with NAF 1.28)
   * measured 104,507 kr socio-economic per participant; tolerance 0.5 kr (the review rounds to whole kr).
   */
  it("FM 2023 sets NAF 1.28 and distortion 1.0 and gives the review's 104,507 kr socio-economic", () => {
    const fm = byId.get("fm2023");
    expect(fm?.scenario.socioEconomic.netTaxFactor).toBe(1.28);
    expect(fm?.scenario.socioEconomic.distortionFactor).toBe(1.0);
    expect(Math.abs((fm?.businessCase.npv.perParticipant.socioEconomic ?? 0) - 104_507)).toBeLessThanOrEqual(0.5);
    // Budgets do not depend on NAF and distortion.
    expect(fm?.businessCase.npv.perParticipant.municipality).toBe(
      computeBusinessCase(pilot).npv.perParticipant.municipality,
    );
  });

  it("employment effect only neutralises ABROAD and PERM and sets the JOB_UNK wage to 0", () => {
    const only = byId.get("employmentOnly");
    expect(only?.scenario.neutraliseStates).toEqual(["ABROAD", "PERM"]);
    expect(only?.scenario.states.JOB_UNK.wage).toBe(0);
    expect(only?.scenario.states.JOB.wage).toBe(pilot.states.JOB.wage);
    const rows = only?.businessCase.attribution.perParticipant;
    expect(rows?.municipality.ABROAD).toBe(0);
    expect(rows?.municipality.PERM).toBe(0);
    expect(rows?.socioEconomic.JOB_UNK).toBeLessThan(1e-9); // no wage: no production, only the benefit saving's φ − 1 = 0
    expect(only?.businessCase.npv.perParticipant.municipality).toBeLessThan(0);
  });

  it("views do not change the scenario they are applied to", () => {
    expect(pilot.neutraliseStates).toEqual([]);
    expect(pilot.socioEconomic.netTaxFactor).toBe(1.0);
  });
});

describe("views defined in a scenario file", () => {
  it("are parsed, replace a built-in view of the same id and come after the built-in ones otherwise", () => {
    const parsed = expectOk(
      parseViews(
        [view("fm2023", { socioEconomic: { netTaxFactor: 1.5 } }), view("short", { horizonMonths: 36 })],
        pilot,
      ),
    );
    const compared = viewsToCompare(parsed);
    expect(compared.map((v) => v.id)).toEqual(["published", "fm2023", "employmentOnly", "short"]);
    const results = expectOk(applyViews(pilot, compared));
    expect(results[1]?.scenario.socioEconomic.netTaxFactor).toBe(1.5);
    expect(results[3]?.scenario.horizonMonths).toBe(36);
  });

  it("a model file carries its views", () => {
    const model = expectOk(
      parseModelFile({ horizonMonths: 48, views: [view("naf", { socioEconomic: { netTaxFactor: 1.28 } })] }),
    );
    expect(model.views.map((v: ScenarioView) => v.id)).toEqual(["naf"]);
    expect(expectOk(parseModelFile({})).views).toEqual([]);
  });

  it("unknown overlay fields, unknown view keys, duplicate ids, missing texts and broken rules are errors naming the field", () => {
    const messages = (json: unknown): string[] => {
      const result = parseViews(json, pilot);
      return result.ok ? [] : result.issues.map((item) => item.message);
    };
    expect(messages([view("a", { socioEconomic: { naf: 1.28 } })])).toEqual([
      "Unknown field views[0].overrides.socioEconomic.naf; expected one of netTaxFactor, distortionFactor, employerCostFactor.",
    ]);
    expect(messages([{ ...view("a", {}), colour: "blue" }])).toEqual([
      "Unknown field views[0].colour; expected id, label, changes, overrides.",
    ]);
    expect(messages([view("a", {}), view("a", {})])).toEqual(['views[1].id "a" is used twice; view ids must differ.']);
    expect(messages([{ ...view("a", {}), label: { en: "Only English" } }])[0]).toContain(
      "views[0].label must be an object with a Danish and an English text",
    );
    expect(messages([view("a", { neutraliseStates: ["MARS"] })])).toEqual([
      'views[0].overrides: neutraliseStates[0] must be one of the state ids JOB, JOB_UNK, JOB_PART, EDU, FLEX, TEMP, PERM, ABROAD, got "MARS".',
    ]);
    expect(messages({})).toEqual(["views must be a list of view objects."]);
    const file = parseModelFile({ views: [view("b", { horizonMonth: 12 })] });
    expect(file.ok ? [] : file.issues.map((item) => item.field)).toEqual(["views[0].overrides.horizonMonth"]);
  });
});
