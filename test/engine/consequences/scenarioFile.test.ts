import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { pilotScenario } from "../../../src/engine/pilot";
import { parseScenarioFile } from "../../../src/engine/scenarioFile";

const pilot = expectOk(pilotScenario(2023));

describe("consequence rows in a scenario file (docs/scenario.md)", () => {
  it("a file without rows gives exactly the scenario it gave before (no consequences key)", () => {
    const parsed = expectOk(parseScenarioFile({}));
    expect("consequences" in parsed.scenario).toBe(false);
    expect(expectOk(parseScenarioFile({ consequences: [] })).scenario).toEqual(parsed.scenario);
  });

  it("a row gives only what differs from the template: no change, 120 months, no decay, no refusion, 'user'", () => {
    const parsed = expectOk(
      parseScenarioFile({
        consequences: [
          {
            id: "prisonDay",
            name: { da: "Fængselsdag", en: "Prison day" },
            area: "crime",
            unit: { da: "fangedag", en: "inmate-day" },
            unitPrice: 1469,
            priceYear: 2015,
            indexFactor: 1.2,
            payer: "state",
            changePerYear: { JOB: -3 },
          },
        ],
      }),
    );
    const row = parsed.scenario.consequences?.[0];
    expect(row?.changePerYear).toEqual({
      JOB: -3,
      JOB_UNK: 0,
      JOB_PART: 0,
      EDU: 0,
      FLEX: 0,
      TEMP: 0,
      PERM: 0,
      ABROAD: 0,
    });
    expect([row?.durationMonths, row?.decayPerYear, row?.refusionShare, row?.evidence]).toEqual([120, 0, 0, "user"]);
    expect(parsed.scenario.horizonMonths).toBe(pilot.horizonMonths);
  });

  it("unknown fields and wrong types name their path; broken rules name row and rule", () => {
    const unknown = parseScenarioFile({ consequences: [{ id: "x", price: 3 }] });
    expect(unknown.ok ? [] : unknown.issues.map((item) => item.field)).toEqual(["consequences[0].price"]);
    const bad = parseScenarioFile({
      consequences: [{ id: "x", area: "crime", unit: { en: "day" }, name: { en: "X" } }],
    });
    expect(bad.ok ? [] : bad.issues.map((item) => [item.field, item.rule])).toEqual([
      ["consequences[0].payer", "payer"],
    ]);
  });
});

describe("a view may add consequence rows", () => {
  it("a file view with consequences gives the broad case under --compare's views", async () => {
    const { parseModelFile } = await import("../../../src/engine/modelFile");
    const { applyViews } = await import("../../../src/engine/views");
    const model = expectOk(
      parseModelFile({
        views: [
          {
            id: "broad",
            label: { da: "Bred", en: "Broad" },
            changes: { da: "Fængselsdage", en: "Prison days" },
            overrides: {
              consequences: [
                {
                  id: "prisonDay",
                  name: { da: "Fængselsdag", en: "Prison day" },
                  area: "crime",
                  unit: { da: "fangedag", en: "inmate-day" },
                  unitPrice: 1469,
                  priceYear: 2015,
                  indexFactor: 1.2,
                  payer: "state",
                  changePerYear: { JOB: -3 },
                },
              ],
            },
          },
        ],
      }),
    );
    const [view] = expectOk(applyViews(model.scenario, model.views));
    expect(view?.scenario.consequences?.map((row) => row.id)).toEqual(["prisonDay"]);
    expect(view?.businessCase.consequences.byArea.total.state.crime).toBeGreaterThan(0);
    expect(
      "consequences" in expectOk(applyViews(model.scenario, [{ ...model.views[0]!, overrides: {} }]))[0]!.scenario,
    ).toBe(false);
  });
});
