import { parseArgs } from "node:util";
import { HOLDER_LABELS } from "../engine/budgetHolders";
import { ACCOUNTS, type Account } from "../engine/businessCase";
import { PILOT_PUBLISHED } from "../engine/pilot";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { loadModel } from "./loadModel";
import { caseReport, type CaseReport } from "./report";
import { formatKr, formatTable } from "./format";

const USAGE = `Usage: npm run case -- [--scenario FILE.json] [--json]
  Prints the business case of the built-in DRC pilot, or of a scenario file (docs/scenario.md).
  --json   print the results as JSON instead of a table`;

const ACCOUNT_LABELS: Readonly<Record<Account, string>> = {
  municipality: HOLDER_LABELS.municipality.en,
  state: HOLDER_LABELS.state.en,
  region: HOLDER_LABELS.region.en,
  otherMunicipalities: HOLDER_LABELS.otherMunicipalities.en,
  public: "Public sector in total",
  socioEconomic: "Socio-economic (society)",
};

/** Exit codes: 0 ok, 2 bad arguments or a bad scenario file. */
function main(argv: readonly string[]): number {
  let options: { scenario?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    options = parseArgs({
      args: [...argv],
      options: { scenario: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadModel(options.scenario);
  if ("errors" in loaded) {
    for (const line of loaded.errors) process.stderr.write(`error: ${line}\n`);
    return 2;
  }
  const report = caseReport(loaded.model);
  process.stdout.write(
    options.json === true
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${renderReport(report, options.scenario === undefined)}\n`,
  );
  return 0;
}

function renderReport(report: CaseReport, isPilot: boolean): string {
  const lines: string[] = [];
  lines.push(`${report.scenario}`);
  lines.push(
    `${report.participants} participants, horizon ${report.horizonMonths} months, discount rate ${(report.discountRate * 100).toFixed(1)} %/year, parameter year ${report.parameterYear}. Amounts in kr.`,
  );
  lines.push("");
  const rows = ACCOUNTS.map((account) => [
    ACCOUNT_LABELS[account],
    formatKr(report.perParticipant[account]),
    formatKr(report.total[account]),
    formatKr(report.undiscounted.perParticipant[account]),
    report.breakEvenMonth[account] === null ? "none" : String(report.breakEvenMonth[account]),
  ]);
  lines.push(
    formatTable(["Account", "NPV/participant", "NPV all", "Undiscounted/participant", "Break-even month"], rows),
  );
  lines.push("");
  const effectRows = OUTCOME_STATES.map((state) => {
    const effect = report.effect[state];
    return [
      STATE_LABELS[state].en,
      effect.estimatePp.toFixed(1),
      effect.interval === null ? "-" : `${effect.interval.lowerPp.toFixed(1)} to ${effect.interval.upperPp.toFixed(1)}`,
    ];
  });
  lines.push(formatTable(["Outcome state", "Effect (pp)", "95 % CI (pp)"], effectRows));
  const firstEffect = report.effect.JOB;
  if (firstEffect.interval === null && firstEffect.intervalMissingReason !== null) {
    lines.push(`CI: ${firstEffect.intervalMissingReason}`);
  }
  lines.push("");
  const payment = report.payment;
  const investor = report.investor;
  lines.push(
    `Payment terms: ${formatKr(payment.total)} kr paid in total (present value ${formatKr(payment.totalPresentValue)}; municipality ${formatKr(payment.byPayer.municipality)}, state ${formatKr(payment.byPayer.state)}).`,
  );
  lines.push(
    `Municipality after payments: ${formatKr(payment.municipalityNetPresentValue)} kr (present value); ${payment.neverPaysMoreThanSaves ? "it never pays more than it saves" : "it pays MORE than it saves"}.`,
  );
  lines.push(
    `Investor: draws ${formatKr(investor.drawn)} kr, receives ${formatKr(investor.returned)} kr, multiple ${investor.moneyMultiple === null ? "-" : investor.moneyMultiple.toFixed(2)}, IRR ${investor.irrEffectiveAnnual === null ? `none (${investor.irrFailure ?? "no capital drawn"})` : `${(100 * investor.irrEffectiveAnnual).toFixed(1)} % per year (effective)`}.`,
  );
  if (isPilot) {
    lines.push("");
    lines.push(
      `Published (COWI/PDJF 2023): municipality ${formatKr(PILOT_PUBLISHED.municipalBudgetSurplusPerParticipant)}, socio-economic ${formatKr(PILOT_PUBLISHED.socioEconomicSurplusPerParticipant)} kr per participant; ` +
        `engine ${pct(report.perParticipant.municipality, PILOT_PUBLISHED.municipalBudgetSurplusPerParticipant)} and ${pct(report.perParticipant.socioEconomic, PILOT_PUBLISHED.socioEconomicSurplusPerParticipant)} from them.`,
    );
  }
  return lines.join("\n");
}

function pct(value: number, reference: number): string {
  const difference = (value / reference - 1) * 100;
  return `${difference >= 0 ? "+" : ""}${difference.toFixed(1)} %`;
}

process.exitCode = main(process.argv.slice(2));
