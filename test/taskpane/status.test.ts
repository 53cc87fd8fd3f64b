import { describe, expect, it } from "vitest";
import type { WriteReport } from "../../src/excel/writeModel";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { t } from "../../src/taskpane/i18n/text";
import { initialState, reduce } from "../../src/taskpane/state/reducer";
import type { Status } from "../../src/taskpane/state/types";
import { EXCEL_ONLY_OPTIONS, START_OPTIONS } from "../../src/taskpane/steps/start";
import { statusOfUpdate, statusOfWrite, statusText } from "../../src/taskpane/ui/status";

/** The case an update wrote (its content does not matter to the status). */
const writtenCase = { scenario: expectOk(pilotScenario()), terms: PILOT_PAYMENT_TERMS, investor: {} };

const report: WriteReport = {
  sheets: ["Input (2)", "Beregning (2)", "Kontrol (2)"],
  namePrefix: "SIB2_",
  cells: 100,
  formulas: 50,
  names: 10,
  charts: 1,
  syncs: 2,
  requestBytes: [1000],
  oneUndoStep: true,
  functionNames: "da",
};

/** One status of every kind (and every failure), to check that each has a text in both languages. */
const EVERY_STATUS: readonly Status[] = [
  { kind: "working", what: "write" },
  { kind: "working", what: "update" },
  statusOfWrite(report),
  statusOfWrite({ ...report, functionNames: "unrecognised" }),
  statusOfUpdate({ ok: true, readFrom: "SIB_", report, written: writtenCase }),
  { kind: "downloaded", fileName: "x.xlsx" },
  { kind: "opened", prefix: "SIB2_" },
  { kind: "failed", what: "write", detail: "boom" },
  { kind: "failed", what: "download", detail: "boom" },
  { kind: "failed", what: "open", detail: "SIB_HorizonMonths" },
  { kind: "failed", what: "update", detail: "boom" },
  statusOfUpdate({ ok: false, readFrom: null, issues: [], cells: [] }),
  statusOfUpdate({ ok: false, readFrom: "SIB2_", issues: [], cells: ["SIB2_Wages"] }),
];

describe("the status line", () => {
  it("has a text for every status in Danish and in English, and they differ", () => {
    expect(statusText({ kind: "idle" }, "da")).toBe("");
    const texts = EVERY_STATUS.map((status) => [statusText(status, "da"), statusText(status, "en")]);
    for (const [da, en] of texts) {
      expect(da?.length).toBeGreaterThan(5);
      expect(en?.length).toBeGreaterThan(5);
      expect(da).not.toBe(en);
      expect(`${da} ${en}`).not.toMatch(/\{\w+\}/);
    }
    expect(new Set(texts.map(([da]) => da)).size).toBe(texts.length);
  });

  it("after a write or an update: which model was read and which sheets were written", () => {
    const written = statusText(statusOfWrite(report), "en");
    expect(written).toBe(
      "The model was written to the sheets Input (2), Beregning (2), Kontrol (2). The model's names start with SIB2_.",
    );
    const update = statusOfUpdate({ ok: true, readFrom: "SIB_", report, written: writtenCase });
    expect(update).toEqual({
      kind: "updated",
      readFrom: "SIB_",
      sheets: report.sheets,
      namePrefix: "SIB2_",
      syncs: 2,
      functionsUnrecognised: false,
    });
    expect(statusText(update, "da")).toBe(
      "Tallene er læst fra modellen, hvis navne begynder med SIB_. En ny udgave er skrevet i arkene Input (2), " +
        "Beregning (2), Kontrol (2), og dens navne begynder med SIB2_. Den gamle model er ikke ændret.",
    );
  });

  it("says plainly when the Check sheet's SIB.* functions were not recognised", () => {
    const unrecognised = statusOfWrite({ ...report, functionNames: "unrecognised" });
    expect(unrecognised).toMatchObject({ kind: "written", functionsUnrecognised: true });
    expect(statusText(unrecognised, "en")).toContain(
      "Note: the Check sheet cannot calculate, because the add-in's functions (SIB.*) are not loaded in this Excel",
    );
    expect(statusText(unrecognised, "da")).toContain("Kontrol-arket kan ikke regne");
    expect(statusText(statusOfWrite({ ...report, functionNames: null }), "en")).not.toContain("Check sheet");
  });

  it("a refused update names at most five cells", () => {
    const cells = ["A", "B", "C", "D", "E", "F"].map((letter) => `SIB_${letter}`);
    const status = statusOfUpdate({ ok: false, readFrom: "SIB_", issues: [], cells });
    expect(status).toMatchObject({ detail: "SIB_A, SIB_B, SIB_C, SIB_D, SIB_E, …" });
  });

  it("the status is plain state in the reducer", () => {
    const update = statusOfUpdate({ ok: true, readFrom: "SIB_", report, written: writtenCase });
    expect(reduce(initialState("da-DK"), { type: "status", status: update }).status).toBe(update);
  });
});

describe("the start step's options", () => {
  it("offers 'Update the model in the workbook' in Excel only, with a plain help text in both languages", () => {
    expect(START_OPTIONS.map((option) => option.value)).toEqual(["pilot", "blank", "open", "update"]);
    const update = START_OPTIONS.find((option) => option.value === "update");
    expect(update?.label).toEqual({ da: "Opdater modellen i projektmappen", en: "Update the model in the workbook" });
    expect(update?.help.da).toContain("ny, opdateret udgave ved siden af den gamle");
    expect(update?.help.en).toContain("The old one is kept");
    expect([...EXCEL_ONLY_OPTIONS]).toEqual(["open", "update"]);
    expect(t("updating", "da")).not.toBe(t("updating", "en"));
  });
});
