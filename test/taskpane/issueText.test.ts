import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { issue } from "../../src/engine/errors";
import { fieldMessage } from "../../src/taskpane/i18n/errors";
import { failureOf, issueText, IssuesError, ISSUE_RULE_TEXT, ruleText } from "../../src/taskpane/i18n/issues";
import { initialState, modelOf, reduce } from "../../src/taskpane/state/reducer";
import { statusText } from "../../src/taskpane/ui/status";
import { languageProblems } from "../support/textLanguage";

/**
 * Issue 14 (leftover 2): the Danish wizard shows no English engine message. Every rule code the engine (and the case
 * file reader) can report is found in the source with the TypeScript parser: the third argument of `issue(...)` and
 * `fail(...)`, the `rule` argument of helpers that take one (`push(field, rule, message)`, `invalid(name, rule, …)`),
 * and `rule: "…"` in issue objects. Each must have a Danish sentence in src/taskpane/i18n/issues.ts that reads as
 * Danish, and an English one that reads as English.
 */
const SCANNED = ["src/engine", "src/plan/readBack.ts", "src/taskpane/state/caseFile.ts"];

/** `rule: "…"` properties that are not issue rules (the savings-surplus rule "commissioner" is a term's value). */
const NOT_ISSUE_RULES = new Set(["commissioner", "provider", "reinvested"]);

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** Index of the parameter named `rule` of a function declared in the node, if any. */
function ruleParameter(node: ts.Node): { readonly name: string; readonly index: number } | null {
  let name: string | null = null;
  let parameters: ts.NodeArray<ts.ParameterDeclaration> | null = null;
  if (ts.isFunctionDeclaration(node) && node.name !== undefined) {
    name = node.name.text;
    parameters = node.parameters;
  } else if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer !== undefined &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
  ) {
    name = node.name.text;
    parameters = node.initializer.parameters;
  }
  if (name === null || parameters === null) return null;
  const index = parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === "rule");
  return index < 0 ? null : { name, index };
}

function engineRules(): Set<string> {
  const sources = SCANNED.flatMap(files)
    .filter((path) => path.endsWith(".ts"))
    .map((path) => ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true));
  // Helpers taking a rule: issue/fail everywhere, exported helpers everywhere, local ones in their own file.
  const shared = new Map<string, number>([
    ["issue", 2],
    ["fail", 2],
  ]);
  const local = new Map<ts.SourceFile, Map<string, number>>();
  for (const source of sources) {
    const own = new Map<string, number>();
    const visit = (node: ts.Node): void => {
      const helper = ruleParameter(node);
      if (helper !== null) {
        own.set(helper.name, helper.index);
        const exported =
          ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
        if (exported === true) shared.set(helper.name, helper.index);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    local.set(source, own);
  }
  const rules = new Set<string>();
  for (const source of sources) {
    const own = local.get(source) ?? new Map<string, number>();
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const index = own.get(node.expression.text) ?? shared.get(node.expression.text);
        const argument = index === undefined ? undefined : node.arguments[index];
        if (argument !== undefined && ts.isStringLiteral(argument)) rules.add(argument.text);
      }
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText(source) === "rule" &&
        ts.isStringLiteral(node.initializer) &&
        !NOT_ISSUE_RULES.has(node.initializer.text)
      ) {
        rules.add(node.initializer.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return rules;
}

describe("the engine's problems in Danish, by rule code (issue 14)", () => {
  const rules = [...engineRules()].sort();

  it("the scan finds the engine's rule codes (range, required, sum, the workbook refusals, …)", () => {
    expect(rules.length).toBeGreaterThanOrEqual(50);
    for (const rule of ["range", "required", "sum", "integer", "known", "json", "unsupported", "payer"]) {
      expect(rules).toContain(rule);
    }
  });

  it("no stale sentence: every rule with a text is one the engine or the case file still reports", () => {
    // The workbook's refusals (rule `workbook`, progression metrics as `unsupported`) went when the workbook learnt
    // consequence rows and progression metrics; a text for a rule nobody reports is a text nobody checks.
    expect(Object.keys(ISSUE_RULE_TEXT).filter((rule) => !rules.includes(rule))).toEqual([]);
  });

  it("unsupported is told by what the Monte Carlo cannot draw, else in general words (no workbook refusal left)", () => {
    const monteCarlo = (field: string): string =>
      issueText(issue("InvalidInput", field, "unsupported", `${field}: SIB.SIMULATE …`), "da");
    expect(monteCarlo("municipalities")).toContain("regner endnu ikke med flere kommuner");
    expect(monteCarlo("rateCard[2].progression")).toContain("regner endnu ikke med fremskridtsmål");
    // The sustainment card is drawn by the Monte Carlo now (issue 11): no sentence of its own is left.
    expect(monteCarlo("sustainment.monthlyPrice")).not.toContain("fastholdelseskortet");
    expect(monteCarlo("x")).toBe(
      "x: denne beregning kan endnu ikke tage det med; resultatberegningen og betalingsplanen gør",
    );
    for (const rule of ["unsupported", "known", "requires", "boolean"]) {
      expect(ruleText(rule, "da")).not.toMatch(/projektmappen kan endnu ikke/);
    }
  });

  it.each(rules)("rule %s: a Danish sentence that reads as Danish, an English one that reads as English", (rule) => {
    const text = Object.prototype.hasOwnProperty.call(ISSUE_RULE_TEXT, rule) ? ISSUE_RULE_TEXT[rule] : undefined;
    expect(text, `no text for rule ${rule} in src/taskpane/i18n/issues.ts`).toBeDefined();
    if (text === undefined) return;
    expect(text.da.trim()).not.toBe("");
    expect(text.da).not.toBe(text.en);
    expect(languageProblems(text.da, "da")).toEqual([]);
    expect(languageProblems(text.en, "en")).toEqual([]);
    expect(ruleText(rule, "da")).toBe(text.da);
  });

  it("a problem in Danish names the wizard's field by its Danish label, else its path; English keeps the engine's message", () => {
    const horizon = issue("InvalidInput", "horizonMonths", "range", "horizonMonths must be from 1 to 420, got 0.");
    expect(issueText(horizon, "en")).toBe("horizonMonths must be from 1 to 420, got 0.");
    const danish = issueText(horizon, "da");
    expect(danish).toMatch(/^Tidshorisont.*: værdien er uden for det tilladte interval$/);
    expect(danish).not.toContain("must");
    const lag = issue("InvalidInput", "payment.lagMonths", "integer", "payment: lagMonths must be a whole number.");
    expect(issueText(lag, "da")).toMatch(/: skal være et helt tal$/);
    expect(issueText(lag, "da")).not.toContain("payment");
    const row = issue("InvalidInput", "consequences[2].unitPrice", "unitPrice", "consequences[2].unitPrice: no unit …");
    expect(issueText(row, "da")).toBe("Konsekvensrække 3: rækken mangler en enhedspris i kr.");
    expect(issueText(issue("InvalidInput", "x", "noSuchRule", "x is bad."), "da")).toBe(
      "x: reglen «noSuchRule» er ikke opfyldt",
    );
  });

  it("a refused write shows the problems in the status line's language (the error carries them)", () => {
    const refusal = issue(
      "InvalidInput",
      "payment.lagMonths",
      "integer",
      "payment: lagMonths must be a whole number of months from 0 to 120, got 1.5.",
    );
    const failure = failureOf(new IssuesError([refusal]));
    expect(failure.issues).toEqual([refusal]);
    const status = { kind: "failed", what: "download", ...failure } as const;
    const da = statusText(status, "da");
    expect(da).toContain("skal være et helt tal");
    expect(da).not.toContain("must be");
    expect(languageProblems(da, "da")).toEqual([]);
    expect(statusText(status, "en")).toContain("lagMonths must be a whole number of months");
    // Any other error keeps its text.
    expect(failureOf(new Error("quota"))).toEqual({ detail: "quota" });
  });

  it("a rule broken outside the wizard's fields (general) is told in Danish without the engine's English", () => {
    const state = reduce(initialState("da-DK"), { type: "start", start: "pilot" });
    const message = fieldMessage(
      {
        field: "general",
        step: "review",
        rule: "increasing",
        engineMessage: "refusionSteps[1].fromWeek must come after week 1 (steps sorted by week), got 1.",
        path: "refusionSteps[1].fromWeek",
      },
      "da",
      { horizonMonths: modelOf(state).scenario.horizonMonths },
    );
    expect(message).toBe(
      "Modellen kan ikke regnes med disse tal (refusionSteps[1].fromWeek: refusionstrinnene skal stå i rækkefølge efter uge).",
    );
    expect(languageProblems(message, "da")).toEqual([]);
  });
});
