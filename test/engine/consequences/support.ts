import fc from "fast-check";
import type { Consequence } from "../../../src/engine/consequences/model";
import { CONSEQUENCE_AREAS, CONSEQUENCE_PAYERS } from "../../../src/engine/consequences/model";
import { OUTCOME_STATES, perState, type PerState } from "../../../src/engine/states";

/** A valid row priced in 2023 (the built-in index covers 2023-2026), with the given change in use per state. */
export function consequenceRow(overrides: Partial<Consequence> = {}): Consequence {
  return {
    id: "row",
    name: { da: "Række", en: "Row" },
    area: "crime",
    unit: { da: "enhed", en: "unit" },
    unitPrice: 1000,
    priceYear: 2023,
    indexFactor: null,
    payer: "state",
    refusionShare: 0,
    evidence: "user",
    source: "",
    changePerYear: perState(() => 0),
    durationMonths: 420,
    decayPerYear: 0,
    ...overrides,
  };
}

const changeArbitrary = (zero: boolean): fc.Arbitrary<PerState<number>> =>
  zero
    ? fc.constant(perState(() => 0))
    : fc
        .array(fc.double({ min: -50, max: 50, noNaN: true }), {
          minLength: OUTCOME_STATES.length,
          maxLength: OUTCOME_STATES.length,
        })
        .map((values) => perState((state) => values[OUTCOME_STATES.indexOf(state)] ?? 0));

/** Random valid consequence rows (1-6), with every change 0 when `zero`. */
export function consequencesArbitrary(zero: boolean): fc.Arbitrary<Consequence[]> {
  const rowArbitrary = fc
    .record({
      area: fc.constantFrom(...CONSEQUENCE_AREAS.filter((area) => area !== "health")),
      payer: fc.constantFrom(...CONSEQUENCE_PAYERS),
      unitPrice: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
      // A row that changes nothing needs no price and no index: placeholders and old price years too.
      priceYear: zero ? fc.constantFrom(2015, 2023, 2024, 2025, 2026) : fc.constantFrom(2023, 2024, 2025, 2026),
      noPrice: zero ? fc.boolean() : fc.constant(false),
      indexFactor: fc.option(fc.double({ min: 0.5, max: 2, noNaN: true }), { nil: null }),
      refusion: fc.double({ min: 0, max: 1, noNaN: true }),
      changePerYear: changeArbitrary(zero),
      durationMonths: fc.integer({ min: 0, max: 420 }),
      decayPerYear: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((drawn) =>
      consequenceRow({
        area: drawn.area,
        payer: drawn.payer,
        unitPrice: drawn.noPrice ? null : drawn.unitPrice,
        priceYear: drawn.noPrice ? null : drawn.priceYear,
        evidence: drawn.noPrice ? "U" : "user",
        indexFactor: drawn.indexFactor,
        refusionShare: drawn.payer === "municipality" ? drawn.refusion : 0,
        changePerYear: drawn.changePerYear,
        durationMonths: drawn.durationMonths,
        decayPerYear: drawn.decayPerYear,
      }),
    );
  return fc
    .array(rowArbitrary, { minLength: 1, maxLength: 6 })
    .map((rows) => rows.map((row, index) => ({ ...row, id: `row${index}` })));
}
