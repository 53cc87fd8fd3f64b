import { describe, expect, it } from "vitest";
import { DEFAULT_CONSEQUENCES } from "../../src/engine/consequences/defaults";
import { expectOk } from "../../src/engine/errors";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { t } from "../../src/taskpane/i18n/text";
import { broadPreview } from "../../src/taskpane/preview/broadAdapter";
import { caseFileText, parseCaseFile } from "../../src/taskpane/state/caseFile";
import { initialState, modelOf, reduce, type Action, type WizardState } from "../../src/taskpane/state/reducer";
import { BROAD_FIELDS, rowHelp } from "../../src/taskpane/steps/broad";
import { caseToSave } from "../../src/taskpane/ui/caseTools";
import { languageProblems } from "../support/textLanguage";

/**
 * Issue 15 item 2 in the wizard: the review step's broad case (the sourced default consequences and three rows for
 * local data), the engine's rules as messages next to the fields, and the narrow and broad case side by side.
 */
function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reduce, state);
}

const pilotState = run(initialState("da-DK"), { type: "start", start: "pilot" });
const set = (id: string, text: string): Action => ({ type: "setField", id, text });
const context = { horizonMonths: 50 };

describe("the broad case's fields (issue 15)", () => {
  it("every default row has a change field; rows without a found price also a price and a price year; 3 local rows", () => {
    const ids = new Set(BROAD_FIELDS.map((spec) => spec.id));
    for (const row of DEFAULT_CONSEQUENCES) {
      expect(ids.has(`consequence.${row.id}.change.inWork`)).toBe(true);
      expect(ids.has(`consequence.${row.id}.unitPrice`)).toBe(row.unitPrice === null);
    }
    for (const local of ["local1", "local2", "local3"]) {
      for (const part of ["change.inWork", "unitPrice", "priceYear"])
        expect(ids.has(`consequence.${local}.${part}`)).toBe(true);
    }
  });

  it("each row's help shows its price, year, evidence mark and source address, in plain Danish and English", () => {
    const prison = DEFAULT_CONSEQUENCES.find((row) => row.id === "prisonDay");
    if (prison === undefined) throw new Error("no prisonDay row");
    const help = rowHelp(prison);
    expect(help.da).toContain(
      "pris 1.469 kr. pr. fangedag (2015), [V] læst i kilden: http://www.kriminalforsorgen.dk/",
    );
    expect(help.en).toContain("price 1,469 kr per inmate-day (2015), [V] read in the source");
    for (const row of DEFAULT_CONSEQUENCES) {
      const text = rowHelp(row);
      expect(languageProblems(text.da, "da")).toEqual([]);
      expect(languageProblems(text.en, "en")).toEqual([]);
      if (row.unitPrice === null) expect(text.da).toContain("[U] ikke fundet");
    }
    for (const key of ["broadTitle", "broadIntro", "broadCompareTitle", "broadNarrow", "broadWide"] as const) {
      expect(languageProblems(t(key, "da"), "da")).toEqual([]);
      expect(languageProblems(t(key, "en"), "en")).toEqual([]);
    }
  });

  it("nothing typed: the case has no consequence rows and no broad preview (the pilot as before)", () => {
    const model = modelOf(pilotState);
    expect(model.valid).toBe(true);
    expect(model.scenario.consequences).toBeUndefined();
    expect(broadPreview(model.scenario)).toBeNull();
    // Typing 0 (no change) changes nothing either.
    const zero = modelOf(run(pilotState, set("consequence.prisonDay.change.inWork", "0")));
    expect(zero.scenario.consequences).toBeUndefined();
  });

  it("3 fewer prison days a year for each participant in work: the state gains in the broad case, the narrow is the pilot's", () => {
    // The 2015 price needs a factor to 2023 prices (the built-in wage index covers 2023-2026): the engine's rule.
    const noIndex = modelOf(run(pilotState, set("consequence.prisonDay.change.inWork", "-3")));
    const error = noIndex.errors.get("consequence.prisonDay.indexFactor");
    expect(error?.rule).toBe("index");
    expect(error === undefined ? "" : fieldMessage(error, "da", context)).toBe(
      "Prisåret ligger uden for det indbyggede prisindeks; skriv selv en indeksfaktor.",
    );
    const state = run(
      pilotState,
      set("consequence.prisonDay.change.inWork", "-3"),
      set("consequence.prisonDay.indexFactor", "1,2"),
    );
    const model = modelOf(state);
    expect(model.valid).toBe(true);
    const row = model.scenario.consequences?.find((candidate) => candidate.id === "prisonDay");
    expect(row?.changePerYear).toMatchObject({ JOB: -3, JOB_UNK: -3, JOB_PART: -3, FLEX: -3, TEMP: 0 });
    expect(row?.evidence).toBe("V");
    expect(row?.indexFactor).toBe(1.2);
    const both = broadPreview(model.scenario);
    if (both === null) throw new Error("no broad preview");
    // The narrow case is the pilot's published municipal result, 28,006 kr per participant (COWI/DRC; docs/scenario.md).
    expect(Math.round(both.narrow.municipality)).toBe(28_006);
    // Prison days are paid by the state: the municipality is unchanged, the state and the public sector gain.
    expect(both.broad.municipality).toBeCloseTo(both.narrow.municipality, 6);
    expect(both.broad.state).toBeGreaterThan(both.narrow.state);
    expect(both.broad.public - both.narrow.public).toBeCloseTo(both.broad.state - both.narrow.state, 6);
  });

  it("a local row needs a price: the engine's rule next to the price field, in Danish; with a price and year it counts", () => {
    const missing = modelOf(run(pilotState, set("consequence.local1.change.inWork", "-2")));
    const error = missing.errors.get("consequence.local1.unitPrice");
    expect(error?.rule).toBe("unitPrice");
    expect(error?.step).toBe("review");
    const da = error === undefined ? "" : fieldMessage(error, "da", context);
    expect(da).toBe("Rækken mangler en enhedspris i kr.");
    expect(languageProblems(da, "da")).toEqual([]);

    const given = modelOf(
      run(
        pilotState,
        set("consequence.local1.change.inWork", "-2"),
        set("consequence.local1.unitPrice", "1.000"),
        set("consequence.local1.priceYear", "2023"),
      ),
    );
    expect(given.valid).toBe(true);
    const row = given.scenario.consequences?.find((candidate) => candidate.id === "local1");
    expect(row).toMatchObject({
      payer: "municipality",
      unitPrice: 1000,
      priceYear: 2023,
      evidence: "user",
      area: "other",
    });
    expect(row?.name.da).toBe("Egne tal, kommunen betaler");
    const both = broadPreview(given.scenario);
    expect((both?.broad.municipality ?? 0) - (both?.narrow.municipality ?? 0)).toBeGreaterThan(0);
  });

  it("a bad number is the field's own message; a price year outside the index says so in Danish", () => {
    const bad = modelOf(run(pilotState, set("consequence.prisonDay.change.inWork", "tre")));
    expect(bad.errors.get("consequence.prisonDay.change.inWork")?.rule).toBe("number");
    const old = modelOf(
      run(
        pilotState,
        set("consequence.local2.change.inWork", "-1"),
        set("consequence.local2.unitPrice", "500"),
        set("consequence.local2.priceYear", "1990"),
      ),
    );
    const error = old.errors.get("consequence.local2.priceYear");
    expect(error?.rule).toBe("index");
    expect(error === undefined ? "" : fieldMessage(error, "da", context)).toBe(
      "Prisåret ligger uden for det indbyggede prisindeks; skriv selv en indeksfaktor.",
    );
  });

  it("save → load keeps the typed change (the case file's consequences)", () => {
    const state = run(
      pilotState,
      set("consequence.prisonDay.change.inWork", "-3"),
      set("consequence.prisonDay.indexFactor", "1,2"),
    );
    const text = expectOk(caseFileText(caseToSave(state)));
    const loaded = reduce(pilotState, { type: "loadedFile", model: expectOk(parseCaseFile(text)) });
    expect(loaded.fields["consequence.prisonDay.change.inWork"]?.value).toBe(-3);
    expect(loaded.fields["consequence.prisonDay.indexFactor"]?.value).toBe(1.2);
    expect(modelOf(loaded).scenario.consequences).toEqual(modelOf(state).scenario.consequences);
  });
});
