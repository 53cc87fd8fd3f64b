import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { INPUT_FIELDS } from "../../src/engine/inputs";
import { parseModelFile, pilotModel, type Model } from "../../src/engine/modelFile";
import { PARAMETERS } from "../../src/engine/parameters/data";
import type { BenefitPayer, CostTiming } from "../../src/engine/scenario";
import { buildPlan } from "../../src/plan/buildPlan";
import { ACCOUNT_LABELS, NO_BREAK_EVEN, SHEET_NAMES } from "../../src/plan/labels";
import { FORMATS, type Language, type WorkbookPlan } from "../../src/plan/types";
import { languageProblems } from "../support/textLanguage";

/**
 * The Danish workbook must be in Danish and the English one in English, with no pointer to files a user does not
 * have. Every text a user can see is scanned: labels, text values, text constants inside formulas, data-validation
 * texts, status texts, chart titles and sheet names (test/support/textLanguage.ts says what counts as a problem).
 * Built for the pilot model and for examples/contract.json (every payment and investor mechanism), with the Check
 * sheet, in both languages.
 */

/**
 * Sheets with text problems in files being refactored by the lead now (src/plan/*Sheet.ts). Their problems are printed
 * by the report test below, not failed: this skip is pending the lead's fix of those texts; remove a sheet from here
 * once its texts pass (the report test fails when a listed sheet has no problem left). Every other sheet, and the texts
 * of src/plan/labels.ts, src/plan/sourcesSheet.ts and src/engine/{parameters,provenance}, are checked without exception.
 * - Check (en): the SIB.BUDGETSAVING account arguments are the Danish "kommune"/"offentlig"; the functions also take
 *   "municipality"/"public" (src/plan/checkSheet.ts).
 */
const PENDING_LEAD_FIX: Readonly<Record<Language, readonly string[]>> = {
  da: [],
  en: [],
};

/**
 * Texts that are identifiers the add-in's functions read, not words: parameter ids (SIB.RATE), input names and the
 * text values of inputs (the Check sheet's name/value block), whatever the workbook's language.
 */
const INPUT_TEXT_VALUES: readonly (BenefitPayer | CostTiming)[] = ["municipality", "state", "spread", "upfront"];
const IDENTIFIERS: ReadonlySet<string> = new Set([
  ...PARAMETERS.map((definition) => definition.id),
  ...INPUT_FIELDS.map((field) => field.key),
  "participants",
  ...INPUT_TEXT_VALUES,
]);

interface Finding {
  readonly language: Language;
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
  readonly problems: readonly string[];
}

/** Every text constant inside a formula (walks the formula data whatever its node kinds). */
function formulaTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) formulaTexts(item, out);
  } else if (typeof node === "object" && node !== null) {
    if ("kind" in node && node.kind === "text" && "value" in node && typeof node.value === "string") {
      out.push(node.value);
    }
    for (const value of Object.values(node)) formulaTexts(value, out);
  }
  return out;
}

/** Every text of a plan a user can read, with the sheet and address (or chart/name) it sits at. */
function planTexts(plan: WorkbookPlan): { sheet: string; address: string; text: string }[] {
  const texts: { sheet: string; address: string; text: string }[] = [];
  for (const sheet of plan.sheets) {
    texts.push({ sheet: sheet.name, address: "(sheet name)", text: sheet.name });
    for (const cell of sheet.cells) {
      const at = (text: string, where = cell.address): void => {
        if (text.trim() !== "") texts.push({ sheet: sheet.name, address: where, text });
      };
      if (typeof cell.value === "string") at(cell.value);
      for (const text of formulaTexts(cell.formula)) at(text, `${cell.address} (formula)`);
      if (cell.validation !== undefined) {
        at(cell.validation.title, `${cell.address} (validation title)`);
        at(cell.validation.prompt, `${cell.address} (validation prompt)`);
        at(cell.validation.error, `${cell.address} (validation error)`);
      }
      if (cell.status !== undefined) at(cell.status.ok, `${cell.address} (status)`);
    }
  }
  for (const chart of plan.charts)
    texts.push({ sheet: chart.sheet, address: `chart at ${chart.anchor}`, text: chart.title });
  return texts;
}

/** Problems of every text of a plan; the scenario's name is the user's own text and is left out. */
function findings(plan: WorkbookPlan, scenarioName: string): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const { sheet, address, text } of planTexts(plan)) {
    if (IDENTIFIERS.has(text)) continue;
    const problems = languageProblems(text.split(scenarioName).join(" "), plan.language);
    const key = `${sheet}|${text}`;
    if (problems.length === 0 || seen.has(key)) continue;
    seen.add(key);
    result.push({ language: plan.language, sheet, address, text, problems });
  }
  return result;
}

function nameFindings(plan: WorkbookPlan): Finding[] {
  return plan.names.flatMap((name) => {
    const problems = languageProblems(name.description, plan.language);
    return problems.length === 0
      ? []
      : [{ language: plan.language, sheet: name.sheet, address: name.name, text: name.description, problems }];
  });
}

function format(list: readonly Finding[]): string {
  return list.map((f) => `[${f.language}] ${f.sheet}!${f.address}: "${f.text}" — ${f.problems.join("; ")}`).join("\n");
}

const contract = expectOk(parseModelFile(JSON.parse(readFileSync("examples/contract.json", "utf8")) as unknown));
const MODELS: readonly { readonly label: string; readonly model: Model }[] = [
  { label: "pilot", model: expectOk(pilotModel()) },
  { label: "contract.json", model: contract },
];

function plansIn(language: Language): { plan: WorkbookPlan; scenarioName: string }[] {
  return MODELS.map(({ model }) => ({
    plan: buildPlan(model.scenario, language, {
      paymentTerms: model.paymentTerms,
      investorTerms: model.investorTerms,
      checks: true,
    }),
    scenarioName: model.scenario.name,
  }));
}

describe.each(["da", "en"] as const)("the %s workbook is in its language", (language) => {
  const built = plansIn(language);
  const plans = built.map(({ plan }) => plan);
  const all = built.flatMap(({ plan, scenarioName }) => findings(plan, scenarioName));
  const sheetNames = [...new Set(plans.flatMap((plan) => plan.sheets.map((sheet) => sheet.name)))];
  const pending = PENDING_LEAD_FIX[language];

  for (const sheet of sheetNames) {
    if (pending.includes(sheet)) {
      // Pending the lead's fix of this sheet's texts (see PENDING_LEAD_FIX); the report test prints its problems.
      it.skip(`${sheet}: every text (pending the lead's fix)`, () => undefined);
    } else {
      it(`${sheet}: every text`, () => {
        expect(format(all.filter((f) => f.sheet === sheet))).toBe("");
      });
    }
  }

  it("reports the problems of the sheets pending the lead's fix (and fails once a sheet needs no skip)", () => {
    const open = all.filter((f) => pending.includes(f.sheet));
    if (open.length > 0) console.info(`Text problems pending the lead's fix (${language}):\n${format(open)}`);
    const names = plans.flatMap(nameFindings);
    if (names.length > 0) console.info(`Defined-name descriptions not in ${language}:\n${format(names)}`);
    const shares = plans[0]?.sheets.flatMap((sheet) =>
      sheet.cells.filter((cell) => cell.format === FORMATS.share).map((cell) => `${sheet.name}!${cell.address}`),
    );
    if (shares !== undefined && shares.length > 0) {
      console.info(`Cells formatted as a plain number 0.0000 (${language}), not a percentage: ${shares.join(", ")}`);
    }
    const clean = pending.filter((sheet) => sheetNames.includes(sheet) && !open.some((f) => f.sheet === sheet));
    expect(clean, "these sheets pass now: remove them from PENDING_LEAD_FIX").toEqual([]);
  });

  // Excel shows a defined name's description as its comment in the Name Manager, so it is user-facing text and should
  // be in the workbook's language like every label. The descriptions are written in the sheet files: skipped pending
  // the lead's fix (the report test prints the ones that are not in the language).
  it("defined-name descriptions are in the workbook's language (Name Manager comments)", () => {
    expect(format(plans.flatMap(nameFindings))).toBe("");
  });
});

/** The row number of an A1 address ("B7" → 7). */
const rowOf = (address: string): number => Number(/\d+$/.exec(address)?.[0]);

// Words that are Danish but wrong (the economist's review, section 2.3). Skipped pending the lead's fix in
// src/plan/paymentSheet.ts; remove the skip when the texts are changed.
describe("words that are Danish but say the wrong thing (pending the lead's fix)", () => {
  const danish = plansIn("da").map(({ plan }) => plan);
  const cells = danish.flatMap((plan) => plan.sheets.flatMap((sheet) => sheet.cells.map((cell) => ({ sheet, cell }))));

  it('the payment threshold with no threshold says "ingen tærskel", not "intet loft" (that is a cap)', () => {
    const thresholdRows = cells.filter(
      ({ cell }) => typeof cell.value === "string" && cell.value.startsWith("Tærskel"),
    );
    expect(thresholdRows.length).toBeGreaterThan(0);
    for (const { sheet, cell } of thresholdRows) {
      const row = sheet.cells.filter((other) => rowOf(other.address) === rowOf(cell.address));
      expect(row.map((other) => other.value)).not.toContain("intet loft");
    }
  });

  it('modelled savings are "beregnede", not "målte" (measured) besparelser', () => {
    expect(cells.filter(({ cell }) => typeof cell.value === "string" && /målte besparelser/i.test(cell.value))).toEqual(
      [],
    );
  });
});

// A scenario's name is the user's own text, so the scans above leave it out; the built-in pilot's name (Input!A1) is
// written to read the same in both languages.
it("the built-in pilot's name is Danish and English at once (Input!A1)", () => {
  const name = expectOk(pilotModel()).scenario.name;
  expect([...languageProblems(name, "da"), ...languageProblems(name, "en")]).toEqual([]);
});

describe("labels shared by the sheets (src/plan/labels.ts)", () => {
  it("are in their language and grammatical", () => {
    const pairs = [...Object.values(SHEET_NAMES), ...Object.values(ACCOUNT_LABELS), NO_BREAK_EVEN];
    const problems = pairs.flatMap((pair) => [
      ...languageProblems(pair.da, "da").map((p) => `${pair.da}: ${p}`),
      ...languageProblems(pair.en, "en").map((p) => `${pair.en}: ${p}`),
    ]);
    expect(problems).toEqual([]);
    expect(ACCOUNT_LABELS.public.da).toBe("Offentlig sektor i alt");
  });
});

describe("the text checker itself", () => {
  it.each([
    ["kr/month", "da"],
    ["Model assumption for the pilot's target group (DOMAIN.md table c)", "da"],
    ["≈12.09 %", "da"],
    ["IRR", "da"],
    ["Gennemsnitlig kommuneskat", "en"],
    ["between kontanthjælp 30+ andre (11,944) and forsørger", "en"],
    ["12,09 %", "en"],
    ["see docs/calibration.md", "en"],
  ] as const)("finds a problem in %j (%s)", (text, language) => {
    expect(languageProblems(text, language)).not.toEqual([]);
  });

  it.each([
    ["Kontanthjælp fra 1.7.2025, tillæg for børn", "da"],
    ["Id (til SIB.RATE)", "da"],
    ["participantShare.JOB", "da"],
    ["selfSupporting", "da"],
    ['Danish Ministry of Finance: "Vejledning i samfundsøkonomiske konsekvensvurderinger", 22 June 2023 (fm.dk)', "en"],
    ["11,944 kr/month (bm.dk/satser/satser-for-2023/kontanthjaelp)", "en"],
    ["Ishøj Municipality: rates 2021", "en"],
  ] as const)("lets %j (%s) pass", (text, language) => {
    expect(languageProblems(text, language)).toEqual([]);
  });
});
