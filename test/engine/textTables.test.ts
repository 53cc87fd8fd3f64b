import { describe, expect, it } from "vitest";
import { INPUT_FIELDS } from "../../src/engine/inputs";
import { PARAMETERS } from "../../src/engine/parameters/data";
import { PAYMENT_TERM_NAMES } from "../../src/engine/payment/termInputs";

/**
 * The engine's tables of names and texts a user reads or types: the parameter ids (SIB.RATE's first argument and the
 * Sources sheet), the input fields' Danish and English labels (the wizard, the Inputs sheet) and the payment-term
 * names' meaning and example (SIB.TERMS's help). The sampled mutation run of 1 December 2026 (seed 16, docs/mutation.md)
 * found that an id or a label could be emptied ("" for "kontanthjaelp_30plus_forsoerger", for "Kontrolgruppens
 * størrelse", for a term's meaning) with every test still passing.
 */
describe("the engine's tables of names and texts (mutation sample: emptied ids and labels)", () => {
  it("every parameter id is a non-empty lower-case identifier (a–z, 0–9, _), and no two are the same", () => {
    const ids = PARAMETERS.map((definition) => definition.id);
    for (const id of ids) expect(id, `parameter id "${id}"`).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("three known parameter ids are there (a benefit rate, a factor, the discount rate)", () => {
    const ids = new Set(PARAMETERS.map((definition) => definition.id));
    for (const id of ["kontanthjaelp_30plus_forsoerger", "diskonteringsrente", "arbejdsgiveromkostningsfaktor"]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("every input field has a Danish and an English label, neither empty, and keys are unique", () => {
    for (const field of INPUT_FIELDS) {
      expect(field.da.trim(), `${field.key}: Danish label`).not.toBe("");
      expect(field.en.trim(), `${field.key}: English label`).not.toBe("");
    }
    const keys = INPUT_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the comparison-group size is labelled 'Kontrolgruppens størrelse' / 'Comparison-group size'", () => {
    const field = INPUT_FIELDS.find((f) => f.key === "comparisonGroupSize");
    expect(field?.da).toBe("Kontrolgruppens størrelse");
    expect(field?.en).toBe("Comparison-group size");
  });

  it("every payment-term name has a meaning and an example that uses the name", () => {
    for (const term of PAYMENT_TERM_NAMES) {
      expect(term.meaning.trim(), `${term.name}: meaning`).not.toBe("");
      // `<metric>` in a name stands for a metric (selfSupporting, paidHours, sustained<k>).
      const pattern = term.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("<metric>", "[A-Za-z0-9]+");
      expect(term.example, `${term.name}: example`).toMatch(new RegExp(`^${pattern} `));
    }
  });
});
