import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk, issue } from "../../src/engine/errors";
import { parseModelFile } from "../../src/engine/modelFile";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { issueReason, issueText, UNSUPPORTED_TEXT } from "../../src/taskpane/i18n/issues";
import { ct } from "../../src/taskpane/i18n/caseText";
import { t } from "../../src/taskpane/i18n/text";
import { caseFigures } from "../../src/taskpane/preview/caseFigures";
import { probabilityOfLoss } from "../../src/taskpane/preview/lossAdapter";
import { lossUnavailableText, municipalityLines } from "../../src/taskpane/ui/previewView";
import { languageProblems } from "../support/textLanguage";

/**
 * Issue 14 (leftover 3): with several municipalities the review step and the committee summary show each
 * municipality's result (caseFigures carries the engine's results per municipality), and the risk of loss says why
 * it is not computed (the Monte Carlo does not model several municipalities yet) in plain Danish and English.
 */
const herningViborg = expectOk(parseModelFile(JSON.parse(readFileSync("examples/herning-viborg.json", "utf8"))));
const scenario = herningViborg.scenario;
const figures = expectOk(caseFigures({ scenario, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));

describe("results per municipality in the summary's figures (issue 14)", () => {
  it("Herning and Viborg in the order listed; their payments split 55/45 and each one's budget after payments", () => {
    expect(Object.keys(figures.byMunicipality)).toEqual(["Herning", "Viborg"]);
    const herning = figures.byMunicipality["Herning"];
    const viborg = figures.byMunicipality["Viborg"];
    if (herning === undefined || viborg === undefined) throw new Error("missing municipality");
    expect(herning.participants + viborg.participants).toBe(56);
    expect(herning.participants).toBe(30);
    // The municipalities pay the whole schedule (the pilot's terms: municipality share 1), 55 % and 45 % of it.
    const total = figures.payment.byPayer.municipality;
    expect(herning.payments.total).toBeCloseTo(0.55 * total, 6);
    expect(viborg.payments.total).toBeCloseTo(0.45 * total, 6);
    // Each one's own budget after its payments = its cohorts' municipal NPV − its share of the payments' PV.
    for (const result of [herning, viborg]) {
      expect(result.municipalityAfterPayments).toBeCloseTo(result.total.municipality - result.payments.presentValue, 6);
    }
    const lines = municipalityLines(figures, "da");
    expect(lines.map((line) => [line.name, line.participants])).toEqual([
      ["Herning", "30"],
      ["Viborg", "26"],
    ]);
  });

  it("one combined municipality (the pilot) has no lines", () => {
    const pilot = expectOk(pilotScenario());
    const one = expectOk(caseFigures({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));
    expect(Object.keys(one.byMunicipality)).toEqual([]);
    expect(municipalityLines(one, "en")).toEqual([]);
  });
});

describe("the risk of loss says why it is missing (issue 14)", () => {
  const loss = probabilityOfLoss(scenario, PILOT_PAYMENT_TERMS, {});

  it("several municipalities: not computed, with the engine's reason (rule unsupported on municipalities)", () => {
    expect(loss.kind).toBe("pending");
    if (loss.kind !== "pending") return;
    expect(loss.issues?.map((item) => [item.field, item.rule])).toEqual([["municipalities", "unsupported"]]);
    const da = lossUnavailableText(loss, "da");
    const en = lossUnavailableText(loss, "en");
    expect(da).toBe(
      "Kan ikke beregnes: risikoberegningen (Monte Carlo) regner endnu ikke med flere kommuner hver for sig; resultaterne pr. kommune i guiden og i projektmappen gør.",
    );
    expect(en).toContain("does not yet handle several municipalities separately");
    expect(languageProblems(da, "da")).toEqual([]);
    expect(languageProblems(en, "en")).toEqual([]);
    const summary = ct("riskLossWhy", "da", {
      reasons: issueReason(loss.issues?.[0] ?? issue("InvalidInput", "", "", ""), "da"),
    });
    expect(summary).toContain("Sandsynligheden for tab kan ikke beregnes for denne sag: risikoberegningen");
  });

  it("a pending result without reasons keeps the plain text; every unsupported text reads as its language", () => {
    expect(lossUnavailableText({ kind: "pending" }, "da")).toBe(t("lossUnavailable", "da"));
    for (const text of Object.values(UNSUPPORTED_TEXT)) {
      expect(languageProblems(text.da, "da")).toEqual([]);
      expect(languageProblems(text.en, "en")).toEqual([]);
    }
    const progression = issue("InvalidInput", "rateCard[2].progression", "unsupported", "rateCard[2]: …");
    expect(issueText(progression, "da")).toContain("regner endnu ikke med fremskridtsmål");
    // Any other field: the rule's general sentence (the workbook no longer refuses progression metrics).
    const other = issue("InvalidInput", "payment", "unsupported", "payment: … cannot be simulated yet");
    expect(issueText(other, "da")).toBe(`Betalingsvilkårene: ${issueReason(other, "da")}`);
    expect(issueReason(other, "da")).toBe(
      "denne beregning kan endnu ikke tage det med; resultatberegningen og betalingsplanen gør",
    );
    expect(issueReason(other, "da")).not.toContain("projektmappen");
  });
});
