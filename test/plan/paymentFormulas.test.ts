import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { type InvestorTerms, investorTerms } from "../../src/engine/investor/terms";
import type { PaymentTerms } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { MAX_HORIZON_MONTHS } from "../../src/engine/rules";
import type { Scenario } from "../../src/engine/scenario";
import { buildPlan } from "../../src/plan/buildPlan";
import { cellFormula, printFormula } from "../../src/plan/formula";
import { INVESTOR_SHEET_NAMES } from "../../src/plan/investorSheet";
import { PAYMENT_SHEET_NAMES } from "../../src/plan/paymentSheet";
import { freePlacement, relocatePlan } from "../../src/plan/relocate";
import type { Language, WorkbookPlan } from "../../src/plan/types";
import { EVERY_MECHANISM_TERMS, everyMechanismScenario, LONG_CARD_TERMS } from "./paymentMatch";

/** Excel's limit on the length of a formula (support.microsoft.com, "Excel specifications and limits"). */
const MAX_FORMULA_CHARACTERS = 8192;
/** Leftovers of a generator: x-0, x+0, (0+x, NOT(0=0), AND(…,0), a−a. */
const LEFTOVER = /[-+]0(?![.\d])|[(,]0\+|NOT\(0=0\)|AND\([^()]*,[01]\)|(\$?[A-Z]{1,3}\$?\d+)-\1(?![\d:])/;

const pilot = expectOk(pilotScenario());

const CAPPED_INVESTOR: InvestorTerms = expectOk(
  investorTerms({
    draw: "upfront",
    returnCap: { irr: 0.08, multiple: 1.5 },
    surplusShare: { investor: 0.2, provider: 0.3, reinvested: 0.1 },
    maxLoss: 0.5,
    hurdleRate: 0.05,
  }),
);

/** A scenario with `cohorts` cohorts three months apart and the given horizon. */
function sized(horizonMonths: number, cohorts: number): Scenario {
  const list = Array.from({ length: cohorts }, (_, index) => ({
    participants: 5 + (index % 7),
    intakeMonth: 3 * index,
  }));
  return { ...pilot, horizonMonths, cohorts: list };
}

/** The plan as written beside an existing model: sheets "Betaling (2)", names SIB2_… in every reference. */
function relocated(scenario: Scenario, language: Language, terms: PaymentTerms): WorkbookPlan {
  const plan = buildPlan(scenario, language, { paymentTerms: terms, investorTerms: CAPPED_INVESTOR, checks: true });
  const placement = freePlacement(
    plan,
    plan.sheets.map((sheet) => sheet.name),
    plan.names.map((definedName) => definedName.name),
  );
  return relocatePlan(plan, placement.sheetNames, placement.namePrefix);
}

/** The Payment and Investor sheets' formulas (after relocation, their names end in " (2)"). */
function contractFormulas(plan: WorkbookPlan): { where: string; text: string }[] {
  const own = [PAYMENT_SHEET_NAMES[plan.language], INVESTOR_SHEET_NAMES[plan.language]];
  return plan.sheets
    .filter((sheet) => own.some((name) => sheet.name.startsWith(name)))
    .flatMap((sheet) =>
      sheet.cells.flatMap((cell) =>
        cell.formula === undefined ? [] : [{ where: `${sheet.name}!${cell.address}`, text: cellFormula(cell.formula) }],
      ),
    );
}

const longest = (formulas: { where: string; text: string }[]): { where: string; text: string } =>
  formulas.reduce((a, b) => (b.text.length > a.text.length ? b : a));

/** A formula with every number and row replaced by "#": what is left depends on the structure only. */
const shape = (formula: string): string => formula.replace(/\d+(\.\d+)?(e-?\d+)?/g, "#");

describe("Payment and Investor formulas fit Excel and do not grow with the model", () => {
  it.each(["da", "en"] as const)(
    "every formula ≤ 8,192 characters at 420 months, 60 cohorts, 6 chained metrics, every cap, relocated (%s)",
    (language) => {
      const plan = relocated(sized(MAX_HORIZON_MONTHS, 60), language, LONG_CARD_TERMS);
      expect(plan.sheets.some((sheet) => sheet.name === `${PAYMENT_SHEET_NAMES[language]} (2)`)).toBe(true);
      const formulas = contractFormulas(plan);
      const top = longest(formulas);
      console.log(`longest Payment/Investor formula (${language}): ${top.where}, ${top.text.length} characters`);
      expect(top.text.length).toBeLessThanOrEqual(MAX_FORMULA_CHARACTERS);
      const all = plan.sheets.flatMap((sheet) =>
        sheet.cells.flatMap((cell) =>
          cell.formula === undefined
            ? []
            : [{ where: `${sheet.name}!${cell.address}`, text: cellFormula(cell.formula) }],
        ),
      );
      const overall = longest(all);
      console.log(
        `longest formula of the whole model (${language}): ${overall.where}, ${overall.text.length} characters`,
      );
      expect(overall.text.length).toBeLessThanOrEqual(MAX_FORMULA_CHARACTERS);
    },
  );

  it("the same formulas, apart from their numbers, for 2 cohorts over 48 months and 60 cohorts over 420 months", () => {
    const shapes = (scenario: Scenario): Set<string> =>
      new Set(contractFormulas(relocated(scenario, "en", LONG_CARD_TERMS)).map((formula) => shape(formula.text)));
    const small = shapes(sized(48, 2));
    const large = shapes(sized(MAX_HORIZON_MONTHS, 60));
    expect(small.size).toBeGreaterThan(50);
    expect([...large].filter((formula) => !small.has(formula))).toEqual([]);
    expect([...small].filter((formula) => !large.has(formula))).toEqual([]);
  });

  it.each([
    ["pilot", pilot, EVERY_MECHANISM_TERMS],
    ["every mechanism", everyMechanismScenario(pilot), EVERY_MECHANISM_TERMS],
    ["a long rate card, 60 cohorts", sized(120, 60), LONG_CARD_TERMS],
  ] as const)("no leftover such as x-0, 0+x, AND(…,0), NOT(0=0) or a-a: %s", (_, scenario, terms) => {
    for (const language of ["da", "en"] as const) {
      const plan = buildPlan(scenario, language, { paymentTerms: terms, investorTerms: CAPPED_INVESTOR });
      const leftovers = contractFormulas(plan).filter((formula) => LEFTOVER.test(formula.text));
      expect(leftovers.map((formula) => `${formula.where}: ${formula.text.slice(0, 160)}`)).toEqual([]);
      for (const sheet of plan.sheets) {
        for (const cell of sheet.cells) {
          if (cell.validation?.rule.kind === "custom")
            expect(printFormula(cell.validation.rule.formula)).not.toMatch(LEFTOVER);
        }
      }
    }
  });
});
