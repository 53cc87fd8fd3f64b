import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { investorTerms } from "../../src/engine/investor";
import { parseModelFile } from "../../src/engine/modelFile";
import { caseFigures } from "../../src/taskpane/preview/caseFigures";
import { MAX_ERROR_LINES, MAX_FILE_BYTES } from "../../src/engine/limits";
import {
  caseFileName,
  caseFileText,
  MAX_CASE_FILE_CHARS,
  parseCaseFile,
  type CaseToSave,
} from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";

function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });

/** What the wizard saves for a state: its derived model plus the extras of a loaded file. */
function toSave(state: WizardState): CaseToSave {
  const model = modelOf(state);
  expect(model.valid).toBe(true);
  return {
    scenario: model.scenario,
    terms: model.terms,
    investor: model.investor,
    views: state.extras?.views ?? [],
    description: state.extras?.description ?? null,
  };
}

/** Save → load through the reducer, as the browser does with the downloaded and uploaded text. */
function saveAndLoad(state: WizardState): WizardState {
  const text = expectOk(caseFileText(toSave(state)));
  return reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
}

function expectSameCase(a: WizardState, b: WizardState): void {
  const before = modelOf(a);
  const after = modelOf(b);
  expect(after.valid).toBe(true);
  expect(after.scenario).toEqual(before.scenario);
  expect(after.terms).toEqual(before.terms);
  expect(expectOk(investorTerms(after.investor))).toEqual(expectOk(investorTerms(before.investor)));
}

describe("save and load a case as a scenario file (issue 14 item 2)", () => {
  it("the pilot: save → load gives the identical scenario, payment terms and investor terms", () => {
    const loaded = saveAndLoad(pilotState);
    expectSameCase(pilotState, loaded);
    expect(loaded.start).toBe("open");
    expect(loaded.dirty).toBe(false);
  });

  it("an edited case (cost, horizon, simple effect, threshold, caps, baseline, investor terms, neutralised state)", () => {
    const edited = run(
      pilotState,
      { type: "setField", id: "costPerParticipant", text: "85.000,5" },
      { type: "setField", id: "horizonMonths", text: "60" },
      { type: "setChoice", id: "effectMode", value: "simple" },
      { type: "setField", id: "effectPp", text: "12,5" },
      { type: "setField", id: "threshold.pp", text: "3" },
      { type: "setField", id: "personCap", text: "250.000" },
      { type: "setChoice", id: "baseline", value: "comparison" },
      { type: "setChoice", id: "draw", value: "upfront" },
      { type: "setField", id: "returnCap.irr", text: "8" },
      { type: "setField", id: "maxLoss", text: "50" },
      { type: "setNeutralise", state: "ABROAD", on: true },
    );
    const model = modelOf(edited);
    expect(model.valid).toBe(true);
    // The edits reached the case (so the comparison below is not between two pilots).
    expect(model.scenario.costPerParticipant).toBe(85_000.5);
    expect(model.scenario.horizonMonths).toBe(60);
    expect(model.terms.personCap).toBe(250_000);
    expect(model.terms.baseline).toEqual({ kind: "comparison" });
    expect(model.investor.returnCap?.irr).toBe(0.08);
    expect(model.scenario.neutraliseStates).toEqual(["ABROAD"]);
    const loaded = saveAndLoad(edited);
    expectSameCase(edited, loaded);
    // Loaded in the detailed mode: the eight shares the simple effect gave.
    expect(loaded.choices.effectMode).toBe("states");
  });

  it("a file with terms the wizard has no field for (examples/contract.json) keeps them through load → save → load", () => {
    const file = expectOk(parseCaseFile(readFileSync("examples/contract.json", "utf8")));
    const views = [
      {
        id: "nafOnly",
        label: { da: "Kun NAF 1,28", en: "NAF 1.28 only" },
        changes: { da: "Nettoafgiftsfaktor 1,28", en: "Net indirect-tax factor 1.28" },
        overrides: { socioEconomic: { netTaxFactor: 1.28 } },
      },
    ];
    const loaded = reduce(pilotState, { type: "loadedFile", model: { ...file, views } });
    expect(expectOk(investorTerms(modelOf(loaded).investor))).toEqual(file.investorTerms);
    expect(modelOf(loaded).terms).toEqual(file.paymentTerms);
    const text = expectOk(caseFileText(toSave(loaded)));
    const again = expectOk(parseCaseFile(text));
    expect(again.scenario).toEqual(file.scenario);
    expect(again.paymentTerms).toEqual(file.paymentTerms);
    expect(again.investorTerms).toEqual(file.investorTerms);
    expect(again.investorTerms.hurdleRate).toBe(0.05);
    expect(again.investorTerms.surplusShare.provider).toBe(0.5);
    expect(again.views).toEqual(views);
    expect(again.description).toBe(file.description);
  });

  it("a file that is not a valid case lists every problem with its path, and loading it changes nothing", () => {
    const bad = JSON.stringify({ horizonMonths: 0, colour: "blue", payment: { lagMonths: -1, foo: 1 } });
    const parsed = parseCaseFile(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((item) => item.field)).toEqual(expect.arrayContaining(["colour"]));
    const notJson = parseCaseFile("{ horizonMonths: 48");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.issues[0]?.message).toMatch(/not JSON/);
    const terms = parseCaseFile(JSON.stringify({ payment: { lagMonths: -1, foo: 1 } }));
    expect(terms.ok).toBe(false);
    if (!terms.ok) expect(terms.issues.map((item) => item.field)).toEqual(["payment.foo", "payment.lagMonths"]);
  });

  it("a cap of 0 kr is refused with the field and the reason (0 means no cap in a file)", () => {
    const capped = run(pilotState, { type: "setField", id: "personCap", text: "0" });
    const saved = caseFileText(toSave(capped));
    expect(saved.ok).toBe(false);
    if (!saved.ok) {
      expect(saved.issues[0]?.field).toBe("personCap");
      expect(saved.issues[0]?.message).toMatch(/0 means no cap/);
    }
  });

  it("the file name comes from the case's name", () => {
    expect(caseFileName("DRC SIB pilot, Herning og Viborg (2020-23)")).toBe(
      "drc-sib-pilot-herning-og-viborg-2020-23.json",
    );
    expect(caseFileName("Året før Århus")).toBe("aaret-foer-aarhus.json");
    expect(caseFileName("   ")).toBe("sib-case.json");
  });
});

describe("a bad file lists all its problems up to the limit (issue 14)", () => {
  it("70 unknown fields: MAX_ERROR_LINES (50) lines, the last counting the rest (70 − 49 = 21); nothing is loaded", () => {
    const file: Record<string, number> = {};
    for (let i = 0; i < 70; i++) file[`unknown${i}`] = i;
    const parsed = parseCaseFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toHaveLength(MAX_ERROR_LINES);
    expect(parsed.issues[0]?.message).toMatch(/^Unknown field unknown0;/);
    expect(parsed.issues[MAX_ERROR_LINES - 1]?.message).toMatch(/21 more problems/);
    expect(MAX_CASE_FILE_CHARS).toBe(MAX_FILE_BYTES);
  });
});

describe("the saved file runs in npm run case (issue 14 item 2)", () => {
  it("npm run case -- --scenario FILE --json gives the wizard's figures for an edited case", () => {
    const edited = run(
      pilotState,
      { type: "setField", id: "costPerParticipant", text: "70.000" },
      { type: "setField", id: "baseFee", text: "20.000" },
      { type: "setField", id: "returnCap.irr", text: "10" },
    );
    const saved = toSave(edited);
    const dir = mkdtempSync(join(tmpdir(), "sib-case-file-"));
    const path = join(dir, caseFileName(saved.scenario.name));
    writeFileSync(path, expectOk(caseFileText(saved)));
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/case.ts", "--scenario", path, "--json"], {
      encoding: "utf8",
    });
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.stdout) as {
      perParticipant: Record<string, number>;
      breakEvenMonth: Record<string, number | null>;
      payment: { total: number; municipalityNetPresentValue: number; deadweight: { paymentAtZeroEffect: number } };
      investor: { drawn: number; returned: number; irrEffectiveAnnual: number | null; moneyMultiple: number | null };
    };
    const figures = expectOk(caseFigures({ ...saved, views: [] }));
    for (const account of Object.keys(figures.perParticipant) as (keyof typeof figures.perParticipant)[]) {
      expect(report.perParticipant[account]).toBe(figures.perParticipant[account]);
      expect(report.breakEvenMonth[account]).toBe(figures.breakEvenMonth[account]);
    }
    expect(report.payment.total).toBe(figures.payment.total);
    expect(report.payment.municipalityNetPresentValue).toBe(figures.payment.municipalityNetPresentValue);
    expect(report.payment.deadweight.paymentAtZeroEffect).toBe(figures.payment.paymentAtZeroEffect);
    expect(report.investor.drawn).toBe(figures.investor.drawn);
    expect(report.investor.returned).toBe(figures.investor.returned);
    expect(report.investor.irrEffectiveAnnual).toBe(figures.investor.irr);
    expect(report.investor.moneyMultiple).toBe(figures.investor.moneyMultiple);
    // Independent check of the cost edit: 70,000 kr instead of the pilot's 79,236 kr per participant.
    expect(expectOk(parseModelFile(JSON.parse(readFileSync(path, "utf8")))).scenario.costPerParticipant).toBe(70_000);
  });
});
