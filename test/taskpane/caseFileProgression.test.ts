import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { changesNothing } from "../../src/engine/consequences/price";
import { parseModelFile } from "../../src/engine/modelFile";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { casePlan } from "../../src/taskpane/host/plan";
import { readFileSync } from "node:fs";

const example = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-progression.json", "utf8"))));

describe("the wizard's case file keeps progression metrics and the savings surplus (issue 15)", () => {
  it("a saved case reads back with the same progression measures and surplus terms", () => {
    const twoCohorts = {
      ...example.scenario,
      cohorts: [
        { participants: 30, intakeMonth: 0 },
        { participants: 26, intakeMonth: 6 },
      ],
    };
    const terms = {
      ...example.paymentTerms,
      rateCard: example.paymentTerms.rateCard.map((line) =>
        line.metric === "who5"
          ? { ...line, progression: { measurementMonth: 12, shares: [0.5, 0.25], comparisonShare: null } }
          : line,
      ),
    };
    const investor = { savingsSurplus: { rule: "reinvested" as const, share: 0.5, cohortSize: 10 } };
    const text = expectOk(caseFileText({ scenario: twoCohorts, terms, investor, views: [], description: null }));
    const back = expectOk(parseCaseFile(text));
    expect(back.paymentTerms.rateCard).toEqual(terms.rateCard);
    expect(back.investorTerms.savingsSurplus).toEqual(investor.savingsSurplus);
  });

  it("a workbook with progression metrics is written, with their inputs on the Payment sheet (issue 15 item 3)", () => {
    const result = casePlan({ scenario: example.scenario, terms: example.paymentTerms, investor: {} }, "da", false);
    const names = result.ok ? result.value.names.map((entry) => entry.name) : [];
    expect(names).toContain("SIB_PayProgShares_who5");
  });

  it("a workbook with consequence rows that change something is written with its Consequences sheet (issue 15)", () => {
    const broad = expectOk(parseModelFile(JSON.parse(readFileSync("examples/pilot-broad.json", "utf8"))));
    const changing = (broad.scenario.consequences ?? []).filter((row) => !changesNothing(row));
    expect(changing.map((row) => row.id)).toEqual(["psychiatricCareSensitivity"]);
    const written = casePlan({ scenario: broad.scenario, terms: broad.paymentTerms, investor: {} }, "da", false);
    expect(written.ok ? written.value.sheets.map((sheet) => sheet.name).slice(0, 3) : []).toEqual([
      "Input",
      "Konsekvenser",
      "Beregning",
    ]);
  });
});
