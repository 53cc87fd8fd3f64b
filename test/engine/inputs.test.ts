import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { applyInputs, findInputField, INPUT_FIELDS } from "../../src/engine/inputs";
import { pilotScenario } from "../../src/engine/pilot";

const pilot = expectOk(pilotScenario(2023));

describe("named inputs", () => {
  it("every field reads back what it sets", () => {
    for (const field of INPUT_FIELDS) {
      const current = field.get(pilot);
      if (typeof current === "number" && Number.isNaN(current)) continue; // null fields (e.g. comparisonGroupSize)
      const updated = expectOk(field.set(pilot, current));
      expect(field.get(updated), field.key).toEqual(current);
    }
  });

  it("keys are unique ignoring case and punctuation", () => {
    const keys = INPUT_FIELDS.flatMap((f) => [f.key, ...f.aliases]).map((k) =>
      k.toLowerCase().replace(/[^a-z0-9æøå]/g, ""),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("applies name/value pairs, Danish aliases and refusion steps", () => {
    const changed = expectOk(
      applyInputs(pilot, [
        ["Horisont", 36],
        ["participantShare.JOB", 0.2],
        ["benefitPayer.EDU", "municipality"],
        ["refusion.week53", 0.4],
        ["deltagere", 100],
      ]),
    );
    expect(changed.horizonMonths).toBe(36);
    expect(changed.participantShares.JOB).toBe(0.2);
    expect(changed.states.EDU.benefitPayer).toBe("municipality");
    expect(changed.refusionSteps[3]).toEqual({ fromWeek: 53, share: 0.4 });
    expect(changed.cohorts).toEqual([{ participants: 100, intakeMonth: 0 }]);
  });

  it("reports every unknown key and wrong value at once, applying nothing", () => {
    const result = applyInputs(pilot, [
      ["horizonn", 36],
      ["discountRate", "high"],
      ["refusion.week10", 0.5],
      ["costTiming", "sometimes"],
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.field)).toEqual(["horizonn", "discountRate", "refusion.week10", "costTiming"]);
      expect(result.issues[0]?.message).toContain('Unknown input "horizonn"');
    }
  });

  it("finds fields by alias", () => {
    expect(findInputField("diskonteringsrente")?.key).toBe("discountRate");
  });
});
