import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { runBusinessCase } from "../../src/engine/run";
import { priceBasis } from "../../src/cli/report";
import { runCaseInProcess } from "../fuzz/cliRunner";

/** `npm run case -- …args` as a real process (node + tsx): for the tests of the command as a process. */
function runProcess(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/case.ts", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `npm run case -- …args` in-process (src/cli/case.ts's main, output captured): the same exit code, stdout and stderr
 * as the process (the first tests below compare the two), without starting node and tsx for each call (~1.5 s each).
 */
function runCase(...args: string[]) {
  const run = runCaseInProcess(args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run case", () => {
  it("prints the pilot's business case as a table (as a process, the same output as in-process)", () => {
    const { status, stdout, stderr } = runProcess();
    expect(status).toBe(0);
    expect(runCase()).toEqual({ status, stdout, stderr });
    expect(stdout).toContain("DRC SIB pilot");
    expect(stdout).toContain("Municipality");
    expect(stdout).toContain("Break-even month");
    expect(stdout).toContain("Published (COWI/PDJF 2023)");
  });

  it("--json has the documented keys with the engine's values", () => {
    const { status, stdout } = runCase("--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      participants: number;
      perParticipant: { municipality: number; state: number; socioEconomic: number };
      breakEvenMonth: { municipality: number | null };
    };
    const engine = expectOk(runBusinessCase(expectOk(pilotScenario(2023))));
    expect(report.participants).toBe(56);
    expect(report.perParticipant.municipality).toBe(engine.npv.perParticipant.municipality);
    expect(report.perParticipant.state).toBe(engine.npv.perParticipant.state);
    expect(report.perParticipant.socioEconomic).toBe(engine.npv.perParticipant.socioEconomic);
    expect(report.breakEvenMonth.municipality).toBe(engine.breakEvenMonth.municipality);
  });

  it("--scenario reads a file", () => {
    const { status, stdout } = runCase("--scenario", "examples/short-horizon.json", "--json");
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { horizonMonths: number }).horizonMonths).toBe(36);
  });

  it("a bad file gives one error line per problem and exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ horizonMonths: 0, discountRate: "x", colour: "blue" }));
    const { status, stderr } = runCase("--scenario", file);
    expect(status).toBe(2);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("discountRate");
    expect(lines[1]).toContain("colour");
  });

  it("a missing file or invalid JSON exits with 2 (as a process, the same output as in-process)", () => {
    expect(runCase("--scenario", "does-not-exist.json").status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const result = runProcess("--scenario", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("not valid JSON");
    expect(runCase("--scenario", file)).toEqual(result);
  });

  it("prints what carries the saving, per participant, with a total row equal to the NPV, and the price basis", () => {
    const { status, stdout } = runCase();
    expect(status).toBe(0);
    expect(stdout).toContain("Hvad bærer besparelsen? / What carries the saving?");
    expect(stdout).toContain("Prisgrundlag: faste priser, parameterår 2023; realrente 3,5 % (FM).");
    expect(stdout).toContain("Price basis: fixed prices of parameter year 2023; real discount rate 3.5 % (FM).");
    const abroad = stdout.split("\n").find((line) => line.startsWith("ABROAD"));
    expect(abroad?.trim().split(/\s+/)[3]).toBe("16,092"); // the municipality column
    const total = stdout.split("\n").find((line) => line.startsWith("Total = NPV/participant"));
    expect(total).toContain("28,006");
    expect(total).toContain("81,646");
  });

  it("--json: attribution has the perParticipant accounts and sums to them to 1e-9 relative", () => {
    const report = JSON.parse(runCase("--json").stdout) as {
      perParticipant: Record<string, number>;
      attribution: Record<string, Record<string, number>>;
      priceBasis: { en: string; discountRateIsFm: boolean };
    };
    expect(Object.keys(report.attribution)).toEqual(Object.keys(report.perParticipant));
    for (const [account, rows] of Object.entries(report.attribution)) {
      expect(Object.keys(rows)).toEqual([
        "JOB",
        "JOB_UNK",
        "JOB_PART",
        "EDU",
        "FLEX",
        "TEMP",
        "PERM",
        "ABROAD",
        "cost",
      ]);
      const sum = Object.values(rows).reduce((acc, value) => acc + value, 0);
      const total = report.perParticipant[account] ?? Number.NaN;
      expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)));
    }
    expect(report.priceBasis.discountRateIsFm).toBe(true);
  });

  it("--compare prints the three views side by side and what each changes", () => {
    const { status, stdout } = runCase("--compare");
    expect(status).toBe(0);
    const header = stdout.split("\n").find((line) => line.startsWith("Account") && line.includes("As published"));
    expect(header).toContain("FM 2023 valuation");
    expect(header).toContain("Employment effect only");
    expect(stdout).toContain(
      "- FM 2023 valuation (fm2023): Ministry of Finance guidance 2023: net indirect-tax factor 1.28",
    );
    expect(stdout).toContain("(employmentOnly): Moved abroad (ABROAD) and disability pension (PERM) neutralised");
  });

  it("--compare --json returns the views under views, with a file's own view after the built-in ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "views.json");
    const own = {
      id: "noUnkWage",
      label: { da: "Ingen løn for ukendt indkomst", en: "No wage for unknown income" },
      changes: { da: "JOB_UNK-løn 0 kr", en: "JOB_UNK wage 0 kr" },
      overrides: { states: { JOB_UNK: { wage: 0 } } },
    };
    writeFileSync(file, JSON.stringify({ views: [own] }));
    const { status, stdout } = runCase("--scenario", file, "--compare", "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      perParticipant: { municipality: number };
      views: { id: string; perParticipant: { municipality: number; socioEconomic: number } }[];
    };
    expect(report.views.map((view) => view.id)).toEqual(["published", "fm2023", "employmentOnly", "noUnkWage"]);
    expect(report.views[0]?.perParticipant.municipality).toBe(report.perParticipant.municipality);
    // The review (economist.md §1.3 c, scratch/jobunk-nowage.json): socio-economic 59,957 kr with the JOB_UNK wage 0.
    expect(Math.round(report.views[3]?.perParticipant.socioEconomic ?? 0)).toBe(59_957);
  });

  it("bad neutralisation or view input: exit 2 and one line naming the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const duplicate = join(dir, "duplicate.json");
    writeFileSync(duplicate, JSON.stringify({ neutraliseStates: ["ABROAD", "ABROAD"] }));
    const first = runCase("--scenario", duplicate);
    expect(first.status).toBe(2);
    expect(first.stderr.trim().split("\n")).toEqual([
      `error: ${duplicate}: neutraliseStates[1]: ABROAD is listed twice in neutraliseStates; list it once.`,
    ]);
    const badView = join(dir, "view.json");
    writeFileSync(
      badView,
      JSON.stringify({
        views: [{ id: "x", label: { da: "x", en: "x" }, changes: { da: "x", en: "x" }, overrides: { naf: 2 } }],
      }),
    );
    const second = runCase("--scenario", badView, "--compare");
    expect(second.status).toBe(2);
    const lines = second.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Unknown field views[0].overrides.naf");
  });

  it("examples/neutralise-abroad.json: ABROAD neutralised, its own view compared, the first view labelled as given", () => {
    const { status, stdout } = runCase("--scenario", "examples/neutralise-abroad.json", "--compare", "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as {
      neutraliseStates: string[];
      attribution: { municipality: { ABROAD: number } };
      views: { id: string; label: { en: string } }[];
    };
    expect(report.neutraliseStates).toEqual(["ABROAD"]);
    expect(report.attribution.municipality.ABROAD).toBe(0);
    expect(report.views.map((view) => view.id)).toEqual(["published", "fm2023", "employmentOnly", "noUnkWage"]);
    expect(report.views[0]?.label.en).toBe("As given in the file");
  });

  it("the price basis says (FM) only while the rate is FM's real rate for the parameter year", () => {
    const pilot = expectOk(pilotScenario(2023));
    expect(priceBasis(pilot).da).toBe("faste priser, parameterår 2023; realrente 3,5 % (FM)");
    expect(priceBasis(pilot).en).toBe("fixed prices of parameter year 2023; real discount rate 3.5 % (FM)");
    const own = priceBasis({ ...pilot, discountRate: 0.04 });
    expect(own.en).toBe("fixed prices of parameter year 2023; real discount rate 4 %");
    expect(own.discountRateIsFm).toBe(false);
  });
});

describe("npm run case: deadweight and savings after the last payment (issue 11)", () => {
  /** ../shared/reviews/economist.md 3.2 item 1 (D3): the pilot's default card pays 1,885,817 kr with no effect. */
  const REVIEW_PAYMENT_AT_ZERO_EFFECT = 1_885_817;
  /** Hand calculation: 56 × (0.12 × 198,090 + 0.10 × 99,045) = 1,331,164.8 + 554,652 = 1,885,816.8 kr. */
  const HAND = 56 * (0.12 * 198_090 + 0.1 * 99_045);
  /** Expected payment: 56 × (15/55 × 198,090 + 9/55 × 99,045) = 3,932,986.91 kr. */
  const EXPECTED = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045);

  interface PaymentJson {
    payment: {
      total: number;
      deadweight: { paymentAtZeroEffect: number; shareOfPayment: number | null; warning: boolean };
      savingsAfterLastPayment: number | null;
      lastOutcomePaymentMonth: number | null;
    };
  }

  it("--json: payment.deadweight and payment.savingsAfterLastPayment for the pilot", () => {
    const { status, stdout } = runCase("--json");
    expect(status).toBe(0);
    const { payment } = JSON.parse(stdout) as PaymentJson;
    expect(Object.keys(payment.deadweight).sort()).toEqual(["paymentAtZeroEffect", "shareOfPayment", "warning"]);
    expect(payment.deadweight.warning).toBe(true); // 47.9 % of the payment is above the 25 % level
    expect(Math.abs(payment.deadweight.paymentAtZeroEffect - REVIEW_PAYMENT_AT_ZERO_EFFECT)).toBeLessThanOrEqual(1);
    expect(payment.deadweight.paymentAtZeroEffect).toBeCloseTo(HAND, 6);
    expect(payment.deadweight.shareOfPayment).toBeCloseTo(HAND / EXPECTED, 12);
    // Review 3.2 item 2: 72.3 % of the discounted savings arrive after month 17 (rounded to 0.1 pp).
    expect(payment.lastOutcomePaymentMonth).toBe(17);
    expect(Math.abs((payment.savingsAfterLastPayment ?? 0) - 0.723)).toBeLessThanOrEqual(0.0005);
  });

  it("prints both in the payment section with the warning in Danish and English (47.9 % > 25 %)", () => {
    const { status, stdout } = runCase();
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    const deadweight = lines.find((line) => line.startsWith("Dødvægt / Deadweight"));
    expect(deadweight).toContain("1,885,817 kr, 47.9 % of the payment");
    expect(lines.find((line) => line.startsWith("ADVARSEL:"))).toContain("47,9 % af betalingen");
    expect(lines.find((line) => line.startsWith("WARNING:"))).toContain("above the warning level of 25 %");
    expect(lines.find((line) => line.startsWith("Besparelser efter sidste betaling"))).toContain(
      "72.3 % of the municipality's discounted savings (before the intervention cost) arrive after month 17",
    );
  });

  it("a card netted against the comparison group: deadweight 0, no warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "sib-case-"));
    const file = join(dir, "counterfactual.json");
    writeFileSync(file, JSON.stringify({ payment: { baseline: "comparison" } }));
    const json = runCase("--scenario", file, "--json");
    expect(json.status).toBe(0);
    const { payment } = JSON.parse(json.stdout) as PaymentJson;
    expect(payment.deadweight).toEqual({ paymentAtZeroEffect: 0, shareOfPayment: 0, warning: false });
    // Still paid for the effect: 56 × ((15/55 − 0.12) × 198,090 + (9/55 − 0.10) × 99,045) = 2,047,170.11 kr.
    expect(payment.total).toBeCloseTo(EXPECTED - HAND, 6);
    const text = runCase("--scenario", file);
    expect(text.stdout).toContain("would pay 0 kr, 0.0 % of the payment");
    expect(text.stdout).not.toContain("WARNING:");
    expect(text.stdout).not.toContain("ADVARSEL:");
  });
});

describe("npm run case: money identity, deal costs and IRR never alone (issue 11 items 4–6)", () => {
  interface MoneyJson {
    payment: {
      total: number;
      municipalityNetPresentValue: number;
      recipients: {
        cappedSurplus: string;
        hasInvestor: boolean;
        investor: number;
        toCommissioner: { municipality: number; state: number };
        provider: number;
        municipalityNetPresentValueAfterContract: number;
        largestResidual: number;
      };
    };
    investor: {
      drawn: number;
      npvAtHurdle: number | null;
      hurdleRate: number;
      hurdleIsDefault: boolean;
      irrTimingNote: { da: string; en: string } | null;
      dealCosts: { investor: number; provider: number; presentValue: number };
    };
    total: { socioEconomic: number };
    socioEconomicAfterDealCosts: number;
  }
  const write = (content: object): string => {
    const file = join(mkdtempSync(join(tmpdir(), "sib-case-")), "model.json");
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it("the review's binding 8 % cap: 1,575,265 kr withheld, and the municipality's net position after the contract shows it", () => {
    // economist.md 3.2 item 3 (scratch/cap-binds.json): participant JOB 0.40, TEMP 0.2727…, returnCap.irr 0.08.
    const file = write({
      participantShares: { JOB: 0.4, TEMP: 0.4909090909090909 - (0.4 - 0.18181818181818182) },
      investor: { "returnCap.irr": 0.08 },
    });
    const { status, stdout } = runCase("--scenario", file, "--json");
    expect(status).toBe(0);
    const { payment } = JSON.parse(stdout) as MoneyJson;
    expect(Math.abs(payment.recipients.toCommissioner.municipality - 1_575_265)).toBeLessThan(1);
    expect(payment.recipients.cappedSurplus).toBe("withheld");
    expect(payment.recipients.largestResidual).toBeLessThan(1e-6);
    // The withheld surplus falls in month 17: against the same case without a cap, the municipality's net position
    // improves by its present value, 1.035^−17.5/12, and there is one figure of it (issue 11: what it actually pays).
    const gain = payment.recipients.toCommissioner.municipality * 1.035 ** (-17.5 / 12);
    const uncapped = write({
      participantShares: { JOB: 0.4, TEMP: 0.4909090909090909 - (0.4 - 0.18181818181818182) },
    });
    const without = (JSON.parse(runCase("--scenario", uncapped, "--json").stdout) as MoneyJson).payment;
    expect(payment.municipalityNetPresentValue).toBeCloseTo(without.municipalityNetPresentValue + gain, 4);
    expect(payment.recipients.municipalityNetPresentValueAfterContract).toBe(payment.municipalityNetPresentValue);
    const text = runCase("--scenario", file).stdout;
    expect(text).toContain("to the commissioner (withheld) 1,575,265");
    expect(text).toMatch(/Municipality after the contract \(net of the surplus withheld under the cap\): [\d,]+ kr/);
  });

  it("zero cost: the provider keeps the payments", () => {
    const { status, stdout } = runCase("--scenario", write({ costPerParticipant: 0 }), "--json");
    expect(status).toBe(0);
    const { payment } = JSON.parse(stdout) as MoneyJson;
    expect(payment.recipients.hasInvestor).toBe(false);
    expect(payment.recipients.provider).toBeCloseTo(payment.total, 6);
  });

  it("the pilot: NPV at the 5 % default hurdle and the timing note beside the IRR (multiple 0.886 < 1)", () => {
    const { stdout } = runCase("--json");
    const { investor } = JSON.parse(stdout) as MoneyJson;
    expect(investor.hurdleRate).toBe(0.05);
    expect(investor.hurdleIsDefault).toBe(true);
    // −Σ_{t=0}^{11} 369,768 × 1.05^(−t/12) + 3,932,986.91 × 1.05^(−17/12).
    let npv = 56 * ((15 / 55) * 198_090 + (9 / 55) * 99_045) * 1.05 ** (-17 / 12);
    for (let t = 0; t < 12; t++) npv -= 369_768 * 1.05 ** (-t / 12);
    expect(investor.npvAtHurdle).toBeCloseTo(npv, 4);
    expect(investor.irrTimingNote?.en).toContain("0.886");
    const text = runCase().stdout;
    expect(text).toContain("Investor NPV at the hurdle (5.0 %, default):");
    expect(text).toContain("NB: Pengemultiplen er 0,886");
  });

  it("deal costs raise the capital drawn and lower the socio-economic NPV by their present value", () => {
    const file = write({ investor: { "dealCosts.setup": 1_000_000, "dealCosts.providerNonDelivery": 200_000 } });
    const { status, stdout } = runCase("--scenario", file, "--json");
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as MoneyJson;
    expect(report.investor.drawn).toBeCloseTo(56 * 79_236 + 1_000_000, 4);
    // Setup in month 0, the provider's cost at the end of the effort (month 11), mid-month factors at 3.5 %.
    const pv = 1_000_000 * 1.035 ** (-0.5 / 12) + 200_000 * 1.035 ** (-11.5 / 12);
    expect(report.investor.dealCosts.presentValue).toBeCloseTo(pv, 6);
    expect(report.socioEconomicAfterDealCosts).toBeCloseTo(report.total.socioEconomic - pv, 6);
    const bad = runCase("--scenario", write({ investor: { "dealCosts.evaluation": -5 } }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("dealCosts.evaluation");
    expect(bad.stderr).toContain("negative costs are not allowed");
  });
});

describe("npm run case -- --compare: both cards (issue 11 item 2)", () => {
  it("prints the absolute and the counterfactual card with deadweight and deal zone; --json under cards", () => {
    const { status, stdout } = runCase("--compare");
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    expect(
      lines
        .find((line) => line.startsWith("Payment at zero effect"))
        ?.trim()
        .split(/\s{2,}/),
    ).toEqual(["Payment at zero effect", "1,885,817", "0"]);
    expect(lines.find((line) => line.startsWith("Deal zone, price factor"))).toContain("1.1823 to 1.5854");
    const json = JSON.parse(runCase("--compare", "--json").stdout) as {
      cards: { kind: string; deadweight: { paymentAtZeroEffect: number } }[];
    };
    expect(json.cards.map((card) => card.kind)).toEqual(["absolute", "counterfactual"]);
    expect(json.cards[1]?.deadweight.paymentAtZeroEffect).toBe(0);
  });
});
