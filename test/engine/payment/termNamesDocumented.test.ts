import { describe, expect, it } from "vitest";
import { normaliseName } from "../../../src/engine/payment/metrics";
import { ACCEPTED_SETTING_NAMES, PAYMENT_TERM_NAMES } from "../../../src/engine/payment/termInputs";

/**
 * The table of term names (PAYMENT_TERM_NAMES) is what SIB.PAYMENT's help and docs/payment.md show a user; the parser
 * has its own map. A name the parser accepts but the table leaves out is a name nobody can find (issue 16's sample of
 * 1 Dec 2026: emptying the `baseline` row's aliases, `["basislinje"]` → `[]`, passed every test).
 */
describe("every setting name the parser accepts is documented", () => {
  const documented = new Set(
    PAYMENT_TERM_NAMES.flatMap((term) => [term.name, ...term.aliases]).map((name) => normaliseName(name)),
  );

  it.each(ACCEPTED_SETTING_NAMES.map((name) => [name]))("%s is a documented name or alias", (name) => {
    expect(documented.has(name)).toBe(true);
  });

  it("the Danish baseline name is among the documented aliases", () => {
    const baseline = PAYMENT_TERM_NAMES.find((term) => term.name === "baseline");
    expect(baseline?.aliases).toContain("basislinje");
  });
});
