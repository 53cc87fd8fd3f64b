/**
 * The layout of "SIB eller selv finansieret" on the Payment sheet (src/plan/payment/selfFundedBlock.ts): heading, the
 * note right under it, the column headings, the four result rows with their defined names, two blank rows and the month
 * table (issue 16's mutation sample: the note written one row above the heading, over the row before the block, passed
 * every test). Plans are built, not recalculated.
 */
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { cell, parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";
import { SELF_FUNDED_HEADER_ROWS } from "../../src/plan/payment/selfFundedBlock";
import type { Language } from "../../src/plan/types";

const pilot = expectOk(pilotScenario());

const TEXT = {
  da: {
    sheet: "Betaling",
    heading: "SIB eller selv finansieret (kommunen)",
    note: "Selv finansieret: kommunen betaler omkostningen",
    columns: ["Selv finansieret", "SIB (betalingsvilkårene)"],
    monthHeader: "Programmåned m",
  },
  en: {
    sheet: "Payment",
    heading: "SIB vs doing it ourselves (the municipality)",
    note: "Self-funded: the municipality pays the cost as it falls",
    columns: ["Self-funded", "SIB (the payment terms)"],
    monthHeader: "Programme month m",
  },
} as const;

const RESULT_NAMES = [
  ["SIB_SelfFundedNPV", "SIB_SibNPV"],
  ["SIB_SelfFundedWorstCash", "SIB_SibWorstCash"],
  ["SIB_SelfFundedWorstMonth", "SIB_SibWorstMonth"],
  ["SIB_SelfFundedLossNoEffect", "SIB_SibLossNoEffect"],
] as const;

describe.each(["da", "en"] as const)("the self-funded block's layout (%s)", (language: Language) => {
  const text = TEXT[language];
  const plan = buildPlan(pilot, language, { paymentTerms: PILOT_PAYMENT_TERMS });
  const sheet = plan.sheets.find((candidate) => candidate.name === text.sheet);
  const valueAt = (address: string): unknown => sheet?.cells.find((candidate) => candidate.address === address)?.value;
  const heading = sheet?.cells.find((candidate) => candidate.value === text.heading);
  const top = parseCell(heading?.address ?? "A1").row;

  it("has its heading in column A of the Payment sheet", () => {
    expect(heading?.address).toBe(cell(0, top));
  });

  it("puts the note right under the heading, the column headings under it, then the four results by name", () => {
    expect(String(valueAt(cell(0, top + 1)))).toContain(text.note);
    expect([valueAt(cell(1, top + 2)), valueAt(cell(2, top + 2))]).toEqual(text.columns);
    RESULT_NAMES.forEach(([selfFunded, sib], index) => {
      const row = top + 3 + index;
      for (const [name, column] of [
        [selfFunded, 1],
        [sib, 2],
      ] as const) {
        const defined = plan.names.find((candidate) => candidate.name === name);
        expect(defined?.sheet, name).toBe(text.sheet);
        expect(defined?.reference.replace(/\$/g, ""), name).toBe(cell(column, row));
      }
    });
  });

  it("leaves two blank rows, then the month table; nothing of the block above its heading", () => {
    const lastResult = top + 2 + RESULT_NAMES.length;
    for (const blank of [lastResult + 1, lastResult + 2]) {
      expect(sheet?.cells.filter((candidate) => parseCell(candidate.address).row === blank)).toEqual([]);
    }
    expect(top + SELF_FUNDED_HEADER_ROWS).toBe(lastResult + 3);
    expect(valueAt(cell(0, top + SELF_FUNDED_HEADER_ROWS))).toBe(text.monthHeader);
    const above = sheet?.cells.filter((candidate) => parseCell(candidate.address).row === top - 1) ?? [];
    expect(above.map((candidate) => candidate.value).filter((value) => String(value).includes(text.note))).toEqual([]);
  });
});
