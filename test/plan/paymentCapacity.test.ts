import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS, type PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { cell, parseCell } from "../../src/plan/address";
import { STATUS_NAME, VALID_NAME } from "../../src/plan/blocks/checks";
import { buildPlan } from "../../src/plan/buildPlan";
import type { WorkbookPlan } from "../../src/plan/types";
import { evaluatePlan } from "../support/hyperformulaWorkbook";
import {
  EVERY_MECHANISM_INVESTOR,
  EVERY_MECHANISM_TERMS,
  everyMechanismScenario,
  expectPaymentSheetMatches,
  expectWorkbookEqualsEngine,
} from "./paymentMatch";

const pilot = expectOk(pilotScenario());
const contract = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8"))));
/** The pilot's terms with a savings share (so the payments run past the business case by the claim lag). */
const withSavingsShare: PaymentTerms = { ...PILOT_PAYMENT_TERMS, savingsShare: 0.1 };
/** Principal protection that pays a top-up when the investor gets back less than 95 % of the capital. */
const protectedInvestor = { maxLoss: 0.05, hurdleRate: 0.04 };

/** Payment and investor results that must show the status message when a check fails. */
const CONTRACT_OUTPUTS = [
  "SIB_PayTotal",
  "SIB_PayMunicipalityPV",
  "SIB_MunicipalityNetPV",
  "SIB_NeverPaysMoreThanSaves",
  "SIB_PayMetric_selfSupporting",
  "SIB_InvMultiple",
  "SIB_InvIRR",
  "SIB_InvTopUp",
  "SIB_InvNPVHurdle",
];

/** The Inputs sheet cell of cohort `index`'s intake month. */
function intakeCell(plan: WorkbookPlan, index: number): { sheet: string; address: string } {
  const range = plan.names.find((name) => name.name === "SIB_CohortIntakeMonths");
  if (range === undefined) throw new Error("no SIB_CohortIntakeMonths");
  const first = parseCell(range.reference.split(":")[0] ?? "");
  return { sheet: range.sheet, address: cell(first.column, first.row + index) };
}

describe("spare month rows change nothing", () => {
  it.each([
    ["pilot terms, principal protection (da)", pilot, PILOT_PAYMENT_TERMS, protectedInvestor, "da"],
    ["every mechanism (en)", everyMechanismScenario(pilot), EVERY_MECHANISM_TERMS, EVERY_MECHANISM_INVESTOR, "en"],
    [
      "examples/contract.json (da)",
      contract.scenario,
      contract.paymentTerms,
      { maxLoss: 0.5, returnCap: { irr: 0.08 } },
      "da",
    ],
  ] as const)("written with 40 spare months: equal to the engine, %s", (_, scenario, terms, investor, language) => {
    const workbook = expectPaymentSheetMatches(scenario, terms, language, investor, {
      capacityMonths: scenario.horizonMonths + 40,
    });
    const inUse = workbook.valueOf("SIB_PayMonthsInUse") as number;
    expect(workbook.valueOf("SIB_CapacityPaymentMonths") as number).toBeGreaterThanOrEqual(inUse + 40);
  });

  it("terms and horizon raised in the workbook within the capacity: equal to the engine, the top-up moves along", () => {
    const lowPrices: PaymentTerms = {
      ...withSavingsShare,
      rateCard: withSavingsShare.rateCard.map((line) => ({ ...line, price: line.price / 4 })),
    };
    const workbook = expectPaymentSheetMatches(pilot, lowPrices, "en", protectedInvestor, { capacityMonths: 120 });
    const before = workbook.valueOf("SIB_PayMonthsInUse") as number;
    expect(workbook.valueOf("SIB_InvTopUp") as number).toBeGreaterThan(0);
    workbook.setInput("SIB_PayLagMonths", 9);
    const lagged = { ...lowPrices, lagMonths: 9 };
    expectWorkbookEqualsEngine(workbook, pilot, lagged, protectedInvestor);
    expect(workbook.valueOf("SIB_PayMonthsInUse")).toBe(before + 6);
    workbook.setInput("SIB_HorizonMonths", 100);
    expectWorkbookEqualsEngine(workbook, { ...pilot, horizonMonths: 100 }, lagged, protectedInvestor);
    workbook.setInput("SIB_PaySavingsShare", 0);
    expectWorkbookEqualsEngine(
      workbook,
      { ...pilot, horizonMonths: 100 },
      { ...lagged, savingsShare: 0 },
      protectedInvestor,
    );
  });
});

describe("what the written structure cannot hold shows a message in every result", () => {
  it.each(["da", "en"] as const)("payments beyond the written months (%s)", (language) => {
    const workbook = expectPaymentSheetMatches(pilot, withSavingsShare, language, protectedInvestor);
    const capacity = workbook.valueOf("SIB_CapacityPaymentMonths") as number;
    expect(capacity).toBe(workbook.valueOf("SIB_PayMonthsInUse"));
    workbook.setInput("SIB_PayLagMonths", 12);
    expect(workbook.valueOf(VALID_NAME)).toBe(0);
    expect(workbook.valueOf("SIB_Check_PayCapacity")).toBe(0);
    const status = String(workbook.valueOf(STATUS_NAME));
    expect(status).toMatch(
      language === "da"
        ? new RegExp(
            `Modellen er skrevet til ${capacity} betalingsmåneder, .* over ${capacity + 9} måneder; skriv modellen igen fra guiden`,
          )
        : new RegExp(
            `The model was written for ${capacity} payment months, .* over ${capacity + 9} months; write the model again from the wizard`,
          ),
    );
    for (const name of CONTRACT_OUTPUTS) expect(workbook.valueOf(name), name).toBe(status);
    workbook.setInput("SIB_PayLagMonths", 3);
    expectWorkbookEqualsEngine(workbook, pilot, withSavingsShare, protectedInvestor);
  });

  it.each(["da", "en"] as const)("cohorts no longer in the order the sheet was written in (%s)", (language) => {
    const scenario = everyMechanismScenario(pilot);
    const plan = buildPlan(scenario, language, { paymentTerms: EVERY_MECHANISM_TERMS });
    const workbook = evaluatePlan(plan);
    expect(workbook.valueOf(VALID_NAME)).toBe(1);
    // Written in intake order: cohort 2 (month 0), then cohort 1 (month 6). A tie must keep the cohort numbers' order.
    const first = intakeCell(plan, 0);
    const second = intakeCell(plan, 1);
    const orderMessage = language === "da" ? /ikke længere i den rækkefølge/ : /no longer in the order/;
    // A tie in either direction, then a strict reversal (within the written programme months).
    const cases: [{ sheet: string; address: string }, number][][] = [
      [[first, 0]],
      [[second, 6]],
      [
        [first, 3],
        [second, 5],
      ],
    ];
    for (const changes of cases) {
      for (const [target, month] of changes) workbook.setInput(target, month);
      expect(workbook.valueOf(VALID_NAME), JSON.stringify(changes)).toBe(0);
      expect(String(workbook.valueOf(STATUS_NAME))).toMatch(orderMessage);
      expect(typeof workbook.valueOf("SIB_PayTotal")).toBe("string");
      workbook.setInput(first, 6);
      workbook.setInput(second, 0);
    }
    workbook.setInput(first, 3);
    expect(workbook.valueOf(VALID_NAME)).toBe(1);
    const moved = {
      ...scenario,
      cohorts: [
        { participants: 30, intakeMonth: 3 },
        { participants: 26, intakeMonth: 0 },
      ],
    };
    expectWorkbookEqualsEngine(workbook, moved, EVERY_MECHANISM_TERMS);
  });
});
