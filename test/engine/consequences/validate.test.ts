import { describe, expect, it } from "vitest";
import { DEFAULT_CONSEQUENCES } from "../../../src/engine/consequences/defaults";
import type { Consequence } from "../../../src/engine/consequences/model";
import { expectOk } from "../../../src/engine/errors";
import { MAX_CONSEQUENCES } from "../../../src/engine/limits";
import { pilotScenario } from "../../../src/engine/pilot";
import { perState } from "../../../src/engine/states";
import { validateScenario } from "../../../src/engine/validate";
import { consequenceRow } from "./support";

const pilot = expectOk(pilotScenario(2023));
const inWork = perState((state) => (state === "JOB" ? -2 : 0));

/** The issues of the pilot with these rows, as [field, rule, message]. */
function problems(rows: readonly Consequence[]): [string, string, string][] {
  return validateScenario({ ...pilot, consequences: rows }).map((item) => [item.field, item.rule, item.message]);
}

/** The one issue of one bad row. */
function only(row: Consequence): [string, string, string] {
  const found = problems([row]);
  expect(found).toHaveLength(1);
  return found[0] as [string, string, string];
}

describe("consequence rows: one clear message per bad row, naming the row and the rule", () => {
  it("the default table is valid and every priced default names its source and year", () => {
    expect(problems(DEFAULT_CONSEQUENCES)).toEqual([]);
    for (const row of DEFAULT_CONSEQUENCES) {
      if (row.unitPrice === null) {
        expect(row.evidence, row.id).toBe("U");
      } else {
        expect(["V", "S"], row.id).toContain(row.evidence);
        expect(row.source, row.id).toMatch(/https?:\/\//);
        expect(row.priceYear, row.id).not.toBeNull();
      }
      expect(
        Object.values(row.changePerYear).every((change) => change === 0),
        row.id,
      ).toBe(true);
    }
  });

  it("no payer", () => {
    const [field, rule, message] = only(consequenceRow({ payer: "" as Consequence["payer"] }));
    expect([field, rule]).toEqual(["consequences[0].payer", "payer"]);
    expect(message).toBe(
      'consequences[0] "row".payer: no payer: give who pays for the unit after refusion, one of municipality, region, state (rule payer).',
    );
  });

  it("no unit price on a row that changes the use of its unit (a placeholder that changes nothing is fine)", () => {
    expect(problems([consequenceRow({ unitPrice: null, priceYear: null, evidence: "U" })])).toEqual([]);
    const [field, rule, message] = only(
      consequenceRow({ unitPrice: null, priceYear: null, evidence: "U", changePerYear: inWork }),
    );
    expect([field, rule]).toEqual(["consequences[0].unitPrice", "unitPrice"]);
    expect(message).toContain('consequences[0] "row".unitPrice: no unit price');
  });

  it("a price year outside the index data with no index factor", () => {
    const [field, rule, message] = only(consequenceRow({ priceYear: 2015, changePerYear: inWork }));
    expect([field, rule]).toEqual(["consequences[0].priceYear", "index"]);
    expect(message).toBe(
      'consequences[0] "row".priceYear: price year 2015 is outside the data of the built-in index (lønindeks 2023-2026) for parameter year 2023; give indexFactor, the factor from 2015 prices to 2023 prices, with its source (rule index).',
    );
    expect(problems([consequenceRow({ priceYear: 2015, indexFactor: 1.2, changePerYear: inWork })])).toEqual([]);
  });

  it("a negative duration", () => {
    const [field, rule, message] = only(consequenceRow({ durationMonths: -12 }));
    expect([field, rule]).toEqual(["consequences[0].durationMonths", "duration"]);
    expect(message).toContain("a duration cannot be negative, got -12");
  });

  it("a row that duplicates a benefit or tax flow of the employment account (noDoubleCounting)", () => {
    const sickPay = only(
      consequenceRow({
        id: "sick",
        name: { da: "Sygedagpenge", en: "Sickness benefit" },
        unit: { da: "uge", en: "week" },
        unitPrice: 4550,
        changePerYear: inWork,
      }),
    );
    expect(sickPay[0]).toBe("consequences[0].name.da");
    expect(sickPay[1]).toBe("noDoubleCounting");
    expect(sickPay[2]).toContain('consequences[0] "sick".name.da: "Sygedagpenge" names sygedagpenge');
    expect(only(consequenceRow({ id: "kontanthjaelp" }))[1]).toBe("noDoubleCounting");
    expect(only(consequenceRow({ name: { da: "", en: "Income tax" } }))[1]).toBe("noDoubleCounting");
    const area = only(consequenceRow({ area: "transfers" as Consequence["area"] }));
    expect([area[0], area[1]]).toEqual(["consequences[0].area", "noDoubleCounting"]);
  });

  it("a health row while the states carry a health cost of their own", () => {
    const states = { ...pilot.states, TEMP: { ...pilot.states.TEMP, healthCost: 500 } };
    const found = validateScenario({ ...pilot, states, consequences: [consequenceRow({ area: "health" })] });
    expect(found.map((item) => [item.field, item.rule])).toEqual([["consequences[0].area", "noDoubleCounting"]]);
    expect(found[0]?.message).toContain("states.TEMP.healthCost");
  });

  it("duplicate ids, unknown areas, refusion for a regional payer, U with a price, too many rows", () => {
    expect(problems([consequenceRow(), consequenceRow()]).map(([field, rule]) => [field, rule])).toEqual([
      ["consequences[1].id", "unique"],
    ]);
    expect(only(consequenceRow({ area: "weather" as Consequence["area"] }))[1]).toBe("oneOf");
    expect(only(consequenceRow({ payer: "region", refusionShare: 0.5 }))[1]).toBe("refusion");
    expect(only(consequenceRow({ evidence: "U" }))[1]).toBe("notFound");
    expect(only(consequenceRow({ evidence: "V", source: " " }))[1]).toBe("required");
    const many = Array.from({ length: MAX_CONSEQUENCES + 1 }, (_, index) => consequenceRow({ id: `r${index}` }));
    expect(problems(many).map(([field, rule]) => [field, rule])).toEqual([["consequences", "maxItems"]]);
  });
});
