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
