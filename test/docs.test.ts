import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseReport } from "../src/cli/report";
import { expectOk } from "../src/engine/errors";
import { INPUT_FIELDS } from "../src/engine/inputs";
import { pilotModel } from "../src/engine/modelFile";
import { buildPlan } from "../src/plan/buildPlan";
import { OUTCOME_STATES } from "../src/engine/states";

describe("docs/scenario.md", () => {
  const doc = readFileSync("docs/scenario.md", "utf8");
  it("lists every input name the functions accept", () => {
    for (const field of INPUT_FIELDS) {
      const state = OUTCOME_STATES.find((s) => field.key.endsWith(`.${s}`));
      const documented = state === undefined ? field.key : field.key.replace(`.${state}`, ".<STATE>");
      expect(doc, field.key).toContain(`\`${documented}\``);
    }
  });
});

describe("docs/workbook.md", () => {
  const doc = readFileSync("docs/workbook.md", "utf8");
  it("lists every defined name of the model (inputs, calculation helpers and outputs)", () => {
    const model = expectOk(pilotModel());
    const { scenario, paymentTerms, investorTerms } = model;
    for (const definedName of buildPlan(scenario, "en", { paymentTerms, investorTerms }).names) {
      expect(doc, definedName.name).toContain(`\`${definedName.name}\``);
    }
    for (const output of Object.keys(caseReport(model).workbookNames)) expect(doc, output).toContain(`\`${output}\``);
  });
});
