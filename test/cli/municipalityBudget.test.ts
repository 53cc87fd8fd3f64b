import { describe, expect, it } from "vitest";
import { runCaseInProcess } from "../fuzz/cliRunner";

/**
 * The CLI's per-municipality outputs of issue 10's loose ends, examples/herning-viborg.json: `--json`
 * budget.byMunicipality.<name>.<account> (the whole case's years; own budgets and with SIB summing to the whole's per
 * year, what they pay to the outcome payments, since the pilot's terms have the municipalities pay everything) and
 * budgetBasis.summaryByMunicipality; the table's break-even by municipality and account equals byMunicipality's
 * breakEvenMonth; the pilot (no municipalities) has neither.
 */
type Years = { year: number; amount: number }[];
interface Report {
  budget: Record<string, Years> & { byMunicipality?: Record<string, Record<string, Years>> };
  budgetBasis: { summary: Record<string, number[]>; summaryByMunicipality?: Record<string, Record<string, number[]>> };
  byMunicipality: Record<string, { breakEvenMonth: Record<string, number | null> }>;
}

const run = (argv: string[]): Report => JSON.parse(runCaseInProcess(argv).stdout) as Report;

describe("case --json and the table per municipality (Herning and Viborg)", () => {
  const report = run(["--scenario", "examples/herning-viborg.json", "--json"]);

  it("budget.byMunicipality: three accounts per municipality over the whole case's years, summing to the whole's", () => {
    const parts = report.budget.byMunicipality ?? {};
    expect(Object.keys(parts)).toEqual(["Herning", "Viborg"]);
    const pairs = [
      ["municipality", "municipality"],
      ["municipalityWithSib", "municipalityWithSib"],
      ["municipalPayments", "outcomePayments"],
    ] as const;
    for (const [account, wholeAccount] of pairs) {
      const whole = report.budget[wholeAccount] ?? [];
      const scale = Math.max(1, ...whole.map((entry) => Math.abs(entry.amount)));
      whole.forEach(({ year, amount }, k) => {
        let summed = 0;
        for (const part of Object.values(parts)) {
          expect(part[account]?.[k]?.year, `${account} ${k}`).toBe(year);
          summed += part[account]?.[k]?.amount ?? NaN;
        }
        expect(Math.abs(summed - amount) / scale, `${account} ${year}`).toBeLessThanOrEqual(1e-9);
      });
      // The five amounts: budget year, overslagsår 1-3 and the remainder.
      for (const name of Object.keys(parts)) {
        expect(report.budgetBasis.summaryByMunicipality?.[name]?.[account], `${name} ${account}`).toHaveLength(5);
      }
    }
  });

  it("the table: budget rows per municipality and break-even by municipality and account as in --json", () => {
    const text = runCaseInProcess(["--scenario", "examples/herning-viborg.json"]).stdout;
    expect(text).toContain("Herning: own budget");
    expect(text).toContain("Viborg: with SIB");
    expect(text).toContain("Not split per municipality");
    const lines = text.split("\n");
    const start = lines.findIndex((line) => line.startsWith("Balancepunkt pr. kommune og konto"));
    expect(start).toBeGreaterThan(0);
    const accounts = ["municipality", "state", "region", "otherMunicipalities", "public", "socioEconomic"];
    for (const name of ["Herning", "Viborg"]) {
      const row = lines.slice(start).find((line) => line.startsWith(name));
      const cells = row
        ?.trim()
        .split(/\s{2,}/)
        .slice(1);
      const expected = accounts.map((account) => {
        const month = report.byMunicipality[name]?.breakEvenMonth[account];
        return month === null || month === undefined ? "none" : String(month);
      });
      expect(cells, name).toEqual(expected);
    }
  });

  it("the pilot (no municipalities): no per-municipality budget in --json", () => {
    const pilot = run(["--json"]);
    expect(pilot.budget.byMunicipality).toBeUndefined();
    expect(pilot.budgetBasis.summaryByMunicipality).toBeUndefined();
  });
});
