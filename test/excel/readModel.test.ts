import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { Scenario } from "../../src/engine/scenario";
import {
  DEFAULT_CONTRACT,
  findModels,
  modelsAmong,
  readModel,
  readNewestModel,
  readWholeModel,
} from "../../src/excel/readModel";
import { investorTerms } from "../../src/engine/investor/terms";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import type { ContractTerms } from "../../src/plan/readBack";
import { writeModel } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";
import { FakeExcelWorkbook } from "../support/fakeExcel";
import { measuredWithin } from "../engine/support/randomScenario";

const pilot = expectOk(pilotScenario());

describe("readModel: the inputs of a written model, read back by their defined names", () => {
  it("reads back exactly the scenario that was written (pilot and random variations)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          discountRate: fc.integer({ min: 0, max: 100 }).map((x) => x / 1000),
          horizonMonths: fc.integer({ min: 14, max: 60 }),
          upfront: fc.boolean(),
          cohorts: fc.array(
            fc.record({ participants: fc.integer({ min: 1, max: 100 }), intakeMonth: fc.integer({ min: 0, max: 12 }) }),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
        }),
        async ({ discountRate, horizonMonths, upfront, cohorts }) => {
          const scenario: Scenario = {
            ...pilot,
            discountRate,
            horizonMonths,
            cohorts,
            measuredParticipants: measuredWithin(pilot.measuredParticipants, cohorts),
            costTiming: upfront ? "upfront" : "spread",
          };
          const book = new FakeExcelWorkbook();
          await writeModel(buildPlan(scenario, "en"), book.host());
          // The measured participants are not in the workbook: they come from the base, as the scenario had them.
          const base = { ...pilot, measuredParticipants: scenario.measuredParticipants };
          const read = expectOk(await readModel(base, book.host()));
          expect(read).toEqual(scenario);
        },
      ),
      { numRuns: 10, seed: 20261123 },
    );
  });

  it("follows an edited input cell and reads the second model by its prefix with 2 syncs", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(buildPlan(pilot, "da"), book.host());
    await writeModel(buildPlan(pilot, "da"), book.host());
    const sheet = book.hf.getSheetId("Input (2)") ?? -1;
    const address = book.hf.getNamedExpressionFormula("SIB2_DiscountRate")?.match(/\$([A-Z]+)\$(\d+)$/);
    book.hf.setCellContents(
      { sheet, row: Number(address?.[2]) - 1, col: (address?.[1] ?? "A").charCodeAt(0) - 65 },
      0.05,
    );
    const syncsBefore = book.syncs;
    const read = expectOk(await readModel(pilot, book.host(), "SIB2_"));
    expect(book.syncs - syncsBefore).toBe(2);
    expect(read.discountRate).toBe(0.05);
    expect(expectOk(await readModel(pilot, book.host())).discountRate).toBe(pilot.discountRate);
  });

  it("reports a bad cell by its defined name, and a workbook without a model", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(buildPlan(pilot, "en"), book.host());
    const address = book.hf.getNamedExpressionFormula("SIB_HorizonMonths")?.match(/\$([A-Z]+)\$(\d+)$/);
    book.hf.setCellContents(
      { sheet: book.hf.getSheetId("Inputs") ?? -1, row: Number(address?.[2]) - 1, col: 1 },
      "four years",
    );
    const bad = await readModel(pilot, book.host());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.message).join(" ")).toContain("SIB_HorizonMonths");
    const empty = await readModel(pilot, new FakeExcelWorkbook({ Sheet1: [[1]] }).host());
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.issues[0]?.message).toContain("no defined name SIB_");
  });
});

describe("readWholeModel: payment and investor terms read back from the Payment and Investor sheets", () => {
  it("reads back the terms that were written (the pilot's, and a contract with every mechanism)", async () => {
    const contract: ContractTerms = {
      paymentTerms: {
        ...PILOT_PAYMENT_TERMS,
        rateCard: [
          { metric: "selfSupporting", price: 150_000, volumeCap: 12, requires: null },
          { metric: "paidHours", price: 60_000, volumeCap: null, requires: null },
          { metric: "sustained6", price: 40_000, volumeCap: null, requires: "selfSupporting" },
        ],
        baseline: { kind: "comparison" },
        threshold: { pp: 5, scope: "contract", metric: null },
        personCap: 180_000,
        contractCap: null,
        savingsShare: 0.2,
        savingsScope: "broad",
        baseFee: 5_000,
        baseFeeTiming: "spread",
        lagMonths: 2,
        municipalityShare: 0.7,
      },
      investorTerms: expectOk(
        investorTerms({
          draw: "upfront",
          returnCap: { irr: 0.08, multiple: null },
          maxLoss: 0.5,
          hurdleRate: 0.05,
          surplusShare: { provider: 0.5 },
        }),
      ),
    };
    for (const written of [DEFAULT_CONTRACT, contract]) {
      const book = new FakeExcelWorkbook();
      await writeModel(buildPlan(pilot, "da", { ...written, checks: false }), book.host());
      const read = expectOk(await readWholeModel(pilot, DEFAULT_CONTRACT, book.host()));
      expect(read.scenario).toEqual(pilot);
      expect(read.contract).toEqual(written);
    }
  });

  it("a model without a Payment sheet has no terms; a bad term cell is named", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(buildPlan(pilot, "en"), book.host());
    expect(expectOk(await readWholeModel(pilot, DEFAULT_CONTRACT, book.host())).contract).toBeNull();
    const withTerms = new FakeExcelWorkbook();
    await writeModel(buildPlan(pilot, "en", DEFAULT_CONTRACT), withTerms.host());
    const address = withTerms.hf.getNamedExpressionFormula("SIB_PayLagMonths")?.match(/\$([A-Z]+)\$(\d+)$/);
    withTerms.hf.setCellContents(
      { sheet: withTerms.hf.getSheetId("Payment") ?? -1, row: Number(address?.[2]) - 1, col: 1 },
      -3,
    );
    const bad = await readWholeModel(pilot, DEFAULT_CONTRACT, withTerms.host());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((issue) => issue.field).join(" ")).toContain("lagMonths");
  });
});

describe("the models in a workbook: prefixes by number, the newest read by Open model", () => {
  it("modelsAmong orders SIB_, SIB2_, …, SIB10_ by number and ignores other names", () => {
    const names = ["SIB_HorizonMonths", "SIB10_HorizonMonths", "SIB2_HorizonMonths", "MyRate", "SIB1_HorizonMonths"];
    expect(modelsAmong(names)).toEqual({ prefixes: ["SIB_", "SIB2_", "SIB10_"], newest: "SIB10_" });
    expect(modelsAmong(["SIB02_HorizonMonths", "SIB_Horizon", "XSIB_HorizonMonths"])).toEqual({
      prefixes: [],
      newest: null,
    });
    expect(modelsAmong(["sib3_horizonmonths"]).newest).toBe("sib3_");
  });

  it("findModels uses one sync; readNewestModel reads the newest model with 2 syncs and says which", async () => {
    const book = new FakeExcelWorkbook({ Ark1: [[1]] }, { MyRate: "=Ark1!$A$1" });
    expect(await findModels(book.host())).toEqual({ prefixes: [], newest: null });
    expect(book.syncs).toBe(1);
    await writeModel(buildPlan(pilot, "da"), book.host());
    await writeModel(buildPlan({ ...pilot, discountRate: 0.05 }, "da"), book.host());
    const syncsBefore = book.syncs;
    expect(await findModels(book.host())).toEqual({ prefixes: ["SIB_", "SIB2_"], newest: "SIB2_" });
    expect(book.syncs - syncsBefore).toBe(1);
    const newest = expectOk(await readNewestModel(pilot, DEFAULT_CONTRACT, book.host()));
    expect(book.syncs - syncsBefore).toBe(3);
    expect(newest.prefix).toBe("SIB2_");
    expect(newest.scenario.discountRate).toBe(0.05);
    expect(expectOk(await readWholeModel(pilot, DEFAULT_CONTRACT, book.host())).prefix).toBe("SIB_");
    const none = await readNewestModel(pilot, DEFAULT_CONTRACT, new FakeExcelWorkbook({ Ark1: [[1]] }).host());
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0]?.message).toContain("no defined name SIB_");
  });

  it("a broken rule in an edited cell is reported with the cell's defined name and row", async () => {
    const book = new FakeExcelWorkbook();
    await writeModel(buildPlan(pilot, "en"), book.host());
    const address = book.hf.getNamedExpressionFormula("SIB_Wages")?.match(/\$([A-Z]+)\$(\d+):/);
    book.setCell("Inputs", `${address?.[1]}${Number(address?.[2]) + 2}`, -100);
    const bad = await readNewestModel(pilot, DEFAULT_CONTRACT, book.host());
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((found) => found.message)).toEqual([
        expect.stringMatching(/^SIB_Wages row 3: states\.JOB_PART\.wage must be/),
      ]);
  });
});
