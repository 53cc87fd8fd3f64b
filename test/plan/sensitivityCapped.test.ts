/**
 * The tornado on the Sensitivity sheet writes a line as live formulas only where the workbook's formulas give the
 * engine's number; with a return cap or a maximum loss the municipality's net is not linear in the cost and the
 * prices, so those two lines are the engine's values, labelled as computed by the add-in (src/plan/sensitivity/
 * addInValues.ts). Issue 16's sample of 2 December 2026: a multiple cap without a maximum loss treated as a plain
 * investor (`&&` → `||`) passed every test.
 */
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { DEFAULT_INVESTOR_TERMS, type InvestorTerms } from "../../src/engine/investor/terms";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";

const pilot = expectOk(pilotScenario());
const DATE = "2026-12-02";
const COMPUTED = `computed by the add-in, ${DATE}`;
const LIVE = "live formula";

/** How the tornado line of an input on the English Sensitivity sheet is computed: its "live formula" or "computed" label. */
function tornadoLine(investorTerms: InvestorTerms, label: string): { how: string[] } {
  const plan = buildPlan(pilot, "en", { paymentTerms: PILOT_PAYMENT_TERMS, investorTerms, computedOn: DATE });
  const sheet = plan.sheets.find((candidate) => candidate.name === "Sensitivity");
  const labelCell = sheet?.cells.find((candidate) => candidate.value === label && candidate.address.startsWith("A"));
  if (sheet === undefined || labelCell === undefined) throw new Error(`no tornado line "${label}"`);
  const row = parseCell(labelCell.address).row;
  const cells = sheet.cells.filter((candidate) => parseCell(candidate.address).row === row);
  return {
    how: cells
      .map((candidate) => candidate.value)
      .filter((value): value is string => value === LIVE || value === COMPUTED),
  };
}

const COST = "Cost per participant (kr)";
const PRICES = "Prices (factor on the rate card)";

describe("the tornado's lines with and without a cap on the investor's return", () => {
  it("a plain investor: the cost and the prices are live formulas", () => {
    for (const label of [COST, PRICES]) {
      const line = tornadoLine(DEFAULT_INVESTOR_TERMS, label);
      expect(line.how, label).toEqual([LIVE]);
    }
  });

  it("a multiple cap of 1.1 and no maximum loss: the cost and the prices are the engine's values, computed by the add-in", () => {
    const capped: InvestorTerms = { ...DEFAULT_INVESTOR_TERMS, returnCap: { irr: null, multiple: 1.1 }, maxLoss: null };
    for (const label of [COST, PRICES]) {
      const line = tornadoLine(capped, label);
      expect(line.how, label).toEqual([COMPUTED]);
    }
  });
});
