import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { buildPlan } from "../../src/plan/buildPlan";
import { STATUS_NAME, STATUS_OK, VALID_NAME } from "../../src/plan/blocks/checks";
import { scenarioFromWorkbook } from "../../src/plan/readBack";
import type { InputValidation, WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan } from "../support/hyperformulaWorkbook";

const pilot = expectOk(pilotScenario());

/** Values a user might type into any input cell: bounds of every rule, one past them, fractions, text. */
const CANDIDATES: readonly (number | string)[] = [
  -1,
  -0.5,
  0,
  0.5,
  0.99,
  1,
  1.5,
  2,
  10,
  10.5,
  18,
  50,
  51,
  420,
  421,
  520,
  521,
  600,
  601,
  10_000,
  10_001,
  1e9,
  1e9 + 1,
  1e7 + 1,
  "abc",
];

/** A small seeded generator (mulberry32), so the sample of cases is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inputCells(
  plan: WorkbookPlan,
  sheet: string,
): { address: string; value: number; validation: InputValidation }[] {
  return (plan.sheets.find((s) => s.name === sheet)?.cells ?? []).flatMap((cell) =>
    cell.role === "input" && typeof cell.value === "number" && cell.validation !== undefined
      ? [{ address: cell.address, value: cell.value, validation: cell.validation }]
      : [],
  );
}

describe("the workbook refuses what the engine refuses (one source of rules)", () => {
  it.each(["da", "en"] as const)(
    "every input cell of the Inputs sheet, sampled values (%s)",
    (language) => {
      const plan = buildPlan(pilot, language);
      const workbook = evaluatePlan(plan);
      const sheet = plan.sheets[0]?.name ?? "";
      const cells = inputCells(plan, sheet);
      expect(cells.length).toBeGreaterThan(70);
      const random = seeded(language === "da" ? 1 : 2);
      let compared = 0;
      let refused = 0;
      for (const cell of cells) {
        for (let draw = 0; draw < 4; draw++) {
          const candidate = CANDIDATES[Math.floor(random() * CANDIDATES.length)] ?? 0;
          workbook.setInput({ sheet, address: cell.address }, candidate);
          const read = scenarioFromWorkbook(pilot, (name) => workbook.rangeOf(name));
          // The workbook also refuses what exceeds the capacity it was written for (the engine has no capacity).
          const withinCapacity =
            read.ok &&
            read.value.horizonMonths <= pilot.horizonMonths &&
            Math.max(...read.value.cohorts.map((c) => c.intakeMonth)) + read.value.horizonMonths <= pilot.horizonMonths;
          const engineAccepts = read.ok && withinCapacity;
          const label = `${sheet}!${cell.address} = ${String(candidate)}: ${read.ok ? "engine accepts" : read.issues.map((i) => i.message).join(" | ")}; status ${String(workbook.valueOf(STATUS_NAME))}`;
          expect(workbook.valueOf(VALID_NAME) === 1, label).toBe(engineAccepts);
          if (!engineAccepts) {
            refused++;
            expect(workbook.valueOf(STATUS_NAME), label).not.toBe(STATUS_OK[language]);
            expect(typeof workbook.valueOf("SIB_NPVPerParticipant_Municipality"), label).toBe("string");
          }
          compared++;
        }
        // Each draw above replaces the one before in the same cell, so every candidate met the other cells at their
        // written values; the cell is set back once, after its last draw (5 recalculations a cell instead of 8).
        workbook.setInput({ sheet, address: cell.address }, cell.value);
      }
      expect(workbook.valueOf(VALID_NAME)).toBe(1);
      expect(compared).toBeGreaterThan(300);
      expect(refused).toBeGreaterThan(100);
      // Over 300 recalculations of the whole model: about 40 s on a free core, more on a shared one.
    },
    240_000,
  );
});
