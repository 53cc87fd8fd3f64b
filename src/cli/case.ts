import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { HOLDER_LABELS } from "../engine/budgetHolders";
import { ATTRIBUTION_ROWS } from "../engine/attribution";
import { ACCOUNTS, type Account } from "../engine/businessCase";
import { DEADWEIGHT_WARNING_SHARE } from "../engine/payment/deadweight";
import { PILOT_PUBLISHED } from "../engine/pilot";
import { OUTCOME_STATES, STATE_LABELS } from "../engine/states";
import { narrowAndBroad, type NarrowBroad } from "../engine/consequences/narrowBroad";
import { errorOutput, loadModel, terminalText } from "./loadModel";
import { renderNarrowBroad } from "./narrowBroad";
import {
  caseReport,
  compareCardsReport,
  compareViews,
  type CardReport,
  type CaseReport,
  type ViewReport,
} from "./report";
import { formatKr, formatTable } from "./format";

const USAGE = `Usage: npm run case -- [--scenario FILE.json] [--compare] [--json]
  Prints the business case of the built-in DRC pilot, or of a scenario file (docs/scenario.md).
  --compare  also print the business case under the named views side by side (as published, FM 2023 valuation,
             employment effect only, and the file's own "views"; docs/scenario.md), and the narrow (employment only)
             and broad case (with consequence rows, or the sourced default table; docs/broad-case.md)
  --json     print the results as JSON instead of a table (with --compare: under "views" and "narrowBroad")`;

/** Short column heads of the accounts for the side-by-side tables. */
const ACCOUNT_SHORT: Readonly<Record<Account, string>> = {
  municipality: "Municipality",
  state: "State",
  region: "Region",
  otherMunicipalities: "Other munic.",
  public: "Public",
  socioEconomic: "Socio-econ.",
};

const ACCOUNT_LABELS: Readonly<Record<Account, string>> = {
  municipality: HOLDER_LABELS.municipality.en,
  state: HOLDER_LABELS.state.en,
  region: HOLDER_LABELS.region.en,
  otherMunicipalities: HOLDER_LABELS.otherMunicipalities.en,
  public: "Public sector in total",
  socioEconomic: "Socio-economic (society)",
};

/**
 * The command in-process (the fuzz tests call it): writes to process.stdout/stderr and returns the exit code, 0 ok,
 * 2 bad arguments or a bad scenario file.
 * @example main(["--scenario", "examples/contract.json", "--json"]) // 0
 */
export function main(argv: readonly string[]): number {
  let options: {
    scenario?: string | undefined;
    json?: boolean | undefined;
    compare?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        scenario: { type: "string" },
        json: { type: "boolean" },
        compare: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${errorOutput([error instanceof Error ? error.message : String(error)])}${USAGE}\n`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadModel(options.scenario);
  if ("errors" in loaded) {
    process.stderr.write(errorOutput(loaded.errors));
    return 2;
  }
  const report = caseReport(loaded.model);
  let views: ViewReport[] | null = null;
  let narrowBroad: NarrowBroad | null = null;
  const cards = options.compare === true ? compareCardsReport(loaded.model) : null;
  if (options.compare === true) {
    const compared = compareViews(loaded.model, options.scenario === undefined);
    if (!compared.ok) {
      process.stderr.write(errorOutput(compared.issues.map((item) => item.message)));
      return 2;
    }
    views = compared.value;
    const broad = narrowAndBroad(loaded.model.scenario);
    if (!broad.ok) {
      process.stderr.write(errorOutput(broad.issues.map((item) => item.message)));
      return 2;
    }
    narrowBroad = broad.value;
  }
  if (options.json === true) {
    process.stdout.write(
      `${JSON.stringify(views === null ? report : { ...report, views, cards: cards === null || "reason" in cards ? cards : cards.cards, narrowBroad }, null, 2)}\n`,
    );
  } else {
    const text = renderReport(report, options.scenario === undefined);
    const compared =
      views === null || cards === null || narrowBroad === null
        ? ""
        : `\n\n${renderViews(views, report)}\n\n${renderCards(cards)}\n\n${renderNarrowBroad(narrowBroad)}`;
    process.stdout.write(`${text}${compared}\n`);
  }
  return 0;
}

/** "Hvad bærer besparelsen? / What carries the saving?": per participant, accounts as columns, states + cost as rows. */
function renderAttribution(report: CaseReport): string {
  const rows = ATTRIBUTION_ROWS.map((row) => {
    let label = row === "cost" ? "Intervention cost (and its valuation)" : `${row} ${STATE_LABELS[row].en}`;
    if (row === report.attributionReference) label += " (reference)";
    else if (row !== "cost" && report.neutraliseStates.includes(row)) label += " (neutralised)";
    return [label, ...ACCOUNTS.map((account) => formatKr(report.attribution[account][row]))];
  });
  rows.push(["Total = NPV/participant", ...ACCOUNTS.map((account) => formatKr(report.perParticipant[account]))]);
  return [
    "Hvad bærer besparelsen? / What carries the saving? (kr per participant, present value)",
    `Prisgrundlag: ${report.priceBasis.da}. Price basis: ${report.priceBasis.en}.`,
    `Row s = effect in s x (value of a person in s - value in ${report.attributionReference}), discounted; rows + cost = NPV.`,
    formatTable(["Outcome state", ...ACCOUNTS.map((account) => ACCOUNT_SHORT[account])], rows),
  ].join("\n");
}

/** The absolute and the counterfactual card side by side (issue 11 item 2): prices, payment, deadweight, deal zone. */
function renderCards(compared: ReturnType<typeof compareCardsReport>): string {
  const title = "Betalingsmodeller side om side / Payment cards side by side (kr)";
  if ("reason" in compared) return `${title}\nNo comparison: ${compared.reason}`;
  const { cards } = compared;
  const metrics = Object.keys(cards[0]?.prices ?? {});
  const zone = (card: CardReport, part: "factor" | "price"): string => {
    if (card.dealZone.empty) return "none";
    const [low, high] = card.dealZone[part];
    const show = (value: number): string => (part === "factor" ? value.toFixed(4) : formatKr(value));
    return `${show(low)} to ${high === null ? "any" : show(high)}`;
  };
  const rows: string[][] = [
    ...metrics.map((metric) => [`Price ${metric}`, ...cards.map((card) => formatKr(card.prices[metric] ?? 0))]),
    ["Expected payment", ...cards.map((card) => formatKr(card.payment))],
    ["Payment at zero effect", ...cards.map((card) => formatKr(card.deadweight.paymentAtZeroEffect))],
    [
      "... share of the payment",
      ...cards.map((card) => (card.deadweight.shareOfPayment === null ? "-" : percent(card.deadweight.shareOfPayment))),
    ],
    ["Deal zone, price factor", ...cards.map((card) => zone(card, "factor"))],
    [`Deal zone, ${metrics[0] ?? "price"}`, ...cards.map((card) => zone(card, "price"))],
  ];
  const header = cards.map(
    (card) =>
      `${card.kind === "absolute" ? "Absolute" : "Counterfactual"} ${card.asGiven ? "(as given)" : `(x ${card.priceFactor.toFixed(4)})`}`,
  );
  const lines = [title, formatTable(["", ...header], rows)];
  lines.push(
    "The counterpart of the card as given has the other baseline and its prices at the midpoint of its own deal zone; deal zones at the investor's hurdle (5 % unless the terms give one) with the municipality paying at most all of its discounted savings.",
  );
  for (const card of cards) {
    if (card.dealZone.empty) lines.push(`${card.kind}: ${card.dealZone.reason}`);
  }
  return lines.join("\n");
}

/** The views side by side: accounts as rows, views as columns, then what each view changes. */
function renderViews(views: readonly ViewReport[], report: CaseReport): string {
  const rows: string[][] = ACCOUNTS.map((account) => [
    ACCOUNT_LABELS[account],
    ...views.map((view) => formatKr(view.perParticipant[account])),
  ]);
  rows.push([
    "Break-even month, municipality",
    ...views.map((view) =>
      view.breakEvenMonth.municipality === null ? "none" : String(view.breakEvenMonth.municipality),
    ),
  ]);
  const lines = [
    "Synspunkter side om side / Views side by side (NPV per participant, kr)",
    `Prisgrundlag: ${report.priceBasis.da}. Price basis: ${report.priceBasis.en}.`,
    formatTable(["Account", ...views.map((view) => terminalText(view.label.en))], rows),
  ];
  for (const view of views) lines.push(terminalText(`- ${view.label.en} (${view.id}): ${view.changes.en}.`));
  return lines.join("\n");
}

function renderReport(report: CaseReport, isPilot: boolean): string {
  const lines: string[] = [];
  lines.push(terminalText(report.scenario));
  lines.push(
    `${report.participants} participants, horizon ${report.horizonMonths} months, discount rate ${(report.discountRate * 100).toFixed(1)} %/year, parameter year ${report.parameterYear}. Amounts in kr.`,
  );
  lines.push(`Prisgrundlag: ${report.priceBasis.da}. Price basis: ${report.priceBasis.en}.`);
  if (report.neutraliseStates.length > 0) {
    lines.push(
      `Neutralised (not counted as an effect; participants get the comparison share): ${report.neutraliseStates.join(", ")}.`,
    );
  }
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
  lines.push(...renderMunicipalities(report));
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
  lines.push(renderAttribution(report));
  lines.push("");
  const payment = report.payment;
  const investor = report.investor;
  lines.push(
    `Payment terms: ${formatKr(payment.total)} kr paid in total (present value ${formatKr(payment.totalPresentValue)}; municipality ${formatKr(payment.byPayer.municipality)}, state ${formatKr(payment.byPayer.state)}).`,
  );
  lines.push(
    `Municipality after payments: ${formatKr(payment.municipalityNetPresentValue)} kr (present value); ${payment.neverPaysMoreThanSaves ? "it never pays more than it saves" : "it pays MORE than it saves"}.`,
  );
  if (payment.progression.total > 0) {
    const { total, municipality, presentValue } = payment.progression;
    lines.push(
      `Heraf til fremskridtsmål / Of which for progression metrics: ${formatKr(total)} kr (municipality ${formatKr(municipality)}, present value ${formatKr(presentValue)}): ikke en budgetbesparelse / not a budget saving (paid, but nothing in the employment account falls).`,
    );
  }
  lines.push(...renderPaymentHonesty(payment));
  lines.push(
    `Investor: draws ${formatKr(investor.drawn)} kr, receives ${formatKr(investor.returned)} kr, multiple ${investor.moneyMultiple === null ? "-" : investor.moneyMultiple.toFixed(2)}, IRR ${investor.irrEffectiveAnnual === null ? `none (${investor.irrFailure ?? "no capital drawn"})` : `${(100 * investor.irrEffectiveAnnual).toFixed(1)} % per year (effective)`}.`,
  );
  lines.push(...renderInvestorExtras(report));
  lines.push("", renderFinancing(report), "", renderBudget(report));
  if (isPilot) {
    lines.push("");
    lines.push(
      `Published (COWI/PDJF 2023): municipality ${formatKr(PILOT_PUBLISHED.municipalBudgetSurplusPerParticipant)}, socio-economic ${formatKr(PILOT_PUBLISHED.socioEconomicSurplusPerParticipant)} kr per participant; ` +
        `engine ${pct(report.perParticipant.municipality, PILOT_PUBLISHED.municipalBudgetSurplusPerParticipant)} and ${pct(report.perParticipant.socioEconomic, PILOT_PUBLISHED.socioEconomicSurplusPerParticipant)} from them.`,
    );
  }
  return lines.join("\n");
}

/**
 * Per municipality (issue 10), when the scenario lists several: NPVs of its cohorts, its share of the payments and the
 * break-even month of its own municipal budget (before payments, as the whole case's; "none" when never reached).
 */
function renderMunicipalities(report: CaseReport): string[] {
  const entries = Object.entries(report.byMunicipality);
  if (entries.length === 0) return [];
  const rows = entries.map(([name, part]) => [
    terminalText(name),
    String(part.participants),
    `${(100 * part.taxRate).toFixed(2)} %${part.taxRateEvidence === "scenario" ? "" : ` [${part.taxRateEvidence}]`}`,
    formatKr(part.total.municipality),
    formatKr(part.total.public),
    formatKr(part.total.socioEconomic),
    `${(100 * part.paymentShare).toFixed(1)} %`,
    formatKr(part.payments.presentValue),
    formatKr(part.municipalityAfterPayments),
    part.breakEvenMonth.municipality === null ? "none" : String(part.breakEvenMonth.municipality),
  ]);
  return [
    "",
    "Pr. kommune / By municipality (NPV of its cohorts, kr; the municipalities sum to the totals above)",
    formatTable(
      [
        "Municipality",
        "Participants",
        "Tax rate",
        "Municipality",
        "Public",
        "Socio-econ.",
        "Payment share",
        "Payments (PV)",
        "After payments",
        "Break-even (municipality)",
      ],
      rows,
    ),
    ...renderMunicipalBreakEven(entries),
  ];
}

/**
 * Break-even month per municipality of every account (the flows from its own participants, before outcome payments),
 * and what is not split per municipality: equalisation between the case's own municipalities, the state's payments and
 * the deal costs.
 */
function renderMunicipalBreakEven(
  entries: readonly (readonly [string, CaseReport["byMunicipality"][string]])[],
): string[] {
  const month = (value: number | null): string => (value === null ? "none" : String(value));
  const rows = entries.map(([name, part]) => [
    terminalText(name),
    ...ACCOUNTS.map((account) => month(part.breakEvenMonth[account])),
  ]);
  return [
    "Balancepunkt pr. kommune og konto / Break-even month by municipality and account (flows from its own participants, before payments; none = not reached or no flow)",
    formatTable(["Municipality", ...ACCOUNTS.map((account) => ACCOUNT_SHORT[account])], rows),
    "Not split per municipality: equalisation goes to every other municipality, the case's other municipalities included (the model does not split it between them); the state's share of the payments and the deal costs are for the whole case only.",
  ];
}

/**
 * Deadweight and the savings after the last payment (issue 11): one line each, and a plain-language warning in Danish
 * and English when more than {@link DEADWEIGHT_WARNING_SHARE} of the payment would be paid with no effect.
 */
function renderPaymentHonesty(payment: CaseReport["payment"]): string[] {
  const { paymentAtZeroEffect, shareOfPayment, warning } = payment.deadweight;
  const share =
    shareOfPayment === null ? "no share (nothing is paid with the effect as given)" : percent(shareOfPayment);
  const lines = [
    `Dødvægt / Deadweight: with no effect (participants at the comparison group's shares) the terms would pay ${formatKr(paymentAtZeroEffect)} kr, ${shareOfPayment === null ? share : `${share} of the payment`}.`,
  ];
  const level = `${100 * DEADWEIGHT_WARNING_SHARE} %`;
  if (warning && shareOfPayment === null) {
    lines.push(
      `ADVARSEL: uden nogen effekt ville vilkårene betale ${formatKr(paymentAtZeroEffect)} kr, mere end de betaler med effekten som angivet (0 kr): de betaler for resultater, som sammenligningsgruppen også nåede. Overvej kun at betale for resultater ud over sammenligningsgruppens niveau.`,
      `WARNING: with no effect at all the terms would pay ${formatKr(paymentAtZeroEffect)} kr, more than they pay with the effect as given (0 kr): they pay for outcomes the comparison group reached too. Consider paying only for outcomes above the comparison group's level.`,
    );
  } else if (warning && shareOfPayment !== null) {
    lines.push(
      `ADVARSEL: ${percent(shareOfPayment).replace(".", ",")} af betalingen (over advarselsgrænsen på ${level.replace(".", ",")}) ville også blive udbetalt, hvis indsatsen ingen effekt havde: vilkårene betaler for resultater, som sammenligningsgruppen også nåede. Overvej kun at betale for resultater ud over sammenligningsgruppens niveau.`,
      `WARNING: ${percent(shareOfPayment)} of the payment (above the warning level of ${level}) would be paid even if the programme had no effect: the terms pay for outcomes the comparison group reached too. Consider paying only for outcomes above the comparison group's level.`,
    );
  }
  const after = payment.savingsAfterLastPayment;
  lines.push(
    after === null || payment.lastOutcomePaymentMonth === null
      ? "Besparelser efter sidste betaling / Savings after the last payment: the terms make no payment that depends on outcomes."
      : `Besparelser efter sidste betaling / Savings after the last payment: ${percent(after)} of the municipality's discounted savings (before the intervention cost) arrive after month ${payment.lastOutcomePaymentMonth}, the last payment that depends on outcomes; if the effect fades after it, the municipality alone carries the loss.`,
  );
  return lines;
}

/**
 * IRR never alone, who receives the payments, and the deal costs (issue 11 items 4–6): the NPV at the hurdle (5 %
 * default, labelled), why an IRR is missing, the timing note of a losing deal (da/en), the money identity's totals and
 * the municipality's net position after a binding cap.
 */
function renderInvestorExtras(report: CaseReport): string[] {
  const { investor, payment } = report;
  const lines: string[] = [];
  const hurdle = `${percent(investor.hurdleRate)}${investor.hurdleIsDefault ? ", default" : ""}`;
  if (investor.npvAtHurdle !== null) {
    lines.push(`Investor NPV at the hurdle (${hurdle}): ${formatKr(investor.npvAtHurdle)} kr.`);
  }
  if (investor.irrMissingReason !== null) {
    lines.push(`Intern rente / IRR: ${investor.irrMissingReason.da} / ${investor.irrMissingReason.en}`);
  }
  if (investor.irrTimingNote !== null) {
    lines.push(`NB: ${investor.irrTimingNote.da}`, `Note: ${investor.irrTimingNote.en}`);
  }
  const deal = investor.dealCosts;
  if (deal.investor + deal.provider > 0) {
    lines.push(
      `Deal costs: ${formatKr(deal.investor)} kr financed by the investor (in the capital drawn), ${formatKr(deal.provider)} kr borne by the provider; present value ${formatKr(deal.presentValue)} kr, so the socio-economic NPV after deal costs is ${formatKr(report.socioEconomicAfterDealCosts)} kr.`,
    );
  }
  const r = payment.recipients;
  const commissioner = r.toCommissioner.municipality + r.toCommissioner.state;
  lines.push(
    r.hasInvestor
      ? `Who receives the payments: investor ${formatKr(r.investor)}, to the commissioner (${r.cappedSurplus}) ${formatKr(commissioner)} (municipality ${formatKr(r.toCommissioner.municipality)}), provider ${formatKr(r.provider)}, reinvested ${formatKr(r.reinvested)} kr.`
      : `Who receives the payments: nothing is financed (no cost), so the provider keeps all ${formatKr(r.provider)} kr.`,
  );
  if (commissioner > 0 || r.topUp > 0) {
    lines.push(
      `Municipality after the contract (net of the surplus ${r.cappedSurplus} under the cap${r.topUp > 0 ? " and with the top-up" : ""}): ${formatKr(r.municipalityNetPresentValueAfterContract)} kr (present value).`,
    );
  }
  lines.push(...renderSurplus(payment.surplus));
  return lines;
}

/** The savings surplus and capital recycling (issue 15 item 4, src/engine/investor/surplus.ts), da/en. */
function renderSurplus(surplus: CaseReport["payment"]["surplus"]): string[] {
  const reinvested = surplus.reinvestedFromSavings + surplus.reinvestedFromInvestor;
  if (surplus.rule === "commissioner" && reinvested === 0) return [];
  const rule = {
    commissioner: "kommunen beholder / kept",
    provider: "deles med udfører / shared with the provider",
    reinvested: "geninvesteres / reinvested",
  }[surplus.rule];
  const lines = [
    `Overskud / Surplus (savings above payments, ${rule}, share ${percent(surplus.share)}): ${formatKr(surplus.total)} kr; municipality keeps ${formatKr(surplus.kept)}, provider ${formatKr(surplus.provider)}, reinvested ${formatKr(surplus.reinvestedFromSavings)} kr (+ ${formatKr(surplus.reinvestedFromInvestor)} kr of the investor's capped surplus). Municipality after the surplus rule: ${formatKr(surplus.municipalityNetPresentValueAfterSurplus)} kr (present value).`,
  ];
  if (reinvested > 0) {
    const starts = surplus.cohorts.map((cohort) => cohort.startMonth).join(", ");
    lines.push(
      `Geninvestering / Capital recycling: ${surplus.cohorts.length} next cohort(s), ${surplus.participants} participants${starts === "" ? "" : ` (start months ${starts})`}, cost ${formatKr(surplus.cohortCost)} kr paid from the fund; ${formatKr(surplus.unspent)} kr left in the fund at the horizon. Their outcomes are a next round, not counted here.`,
    );
  }
  return lines;
}

/** SIB vs doing it ourselves (issue 10 item 4): the municipality under both, side by side. */
function renderFinancing(report: CaseReport): string {
  const month = (value: number | null): string => (value === null ? "never below 0" : String(value));
  const rows = [
    ["NPV for the municipality", formatKr(report.selfFunded.npv), formatKr(report.sib.npv)],
    [
      "Worst cumulative cash position",
      formatKr(report.selfFunded.worstCumulative),
      formatKr(report.sib.worstCumulative),
    ],
    ["... in programme month (0 = first)", month(report.selfFunded.worstMonth), month(report.sib.worstMonth)],
    [
      "Loss if the effect is zero (PV)",
      formatKr(report.selfFunded.lossIfNoEffect),
      formatKr(report.sib.lossIfNoEffect),
    ],
  ];
  return [
    "SIB eller selv finansieret / SIB vs doing it ourselves (municipality, kr; NPV and loss as present values, cash undiscounted)",
    "Self-funded: the municipality pays the cost as it falls, no outcome payments, no investor return, no deal costs.",
    formatTable(["", "Self-funded", "SIB (payment terms)"], rows),
  ].join("\n");
}

/** The budget view (issue 10 item 3): budget year, three overslagsår and the remainder, current prices. */
function renderBudget(report: CaseReport): string {
  const basis = report.budgetBasis;
  const first = basis.remainderFrom - 4;
  const heads = [0, 1, 2, 3].map((k) => String(first + k)).concat(`${basis.remainderFrom}+`);
  const accounts = ["municipality", "state", "public", "outcomePayments", "municipalityWithSib"] as const;
  const labels: Readonly<Record<(typeof accounts)[number], string>> = {
    municipality: "Municipality (self-funded)",
    state: "State",
    public: "Public sector in total",
    outcomePayments: "Outcome payments (all payers)",
    municipalityWithSib: "Municipality with SIB",
  };
  const rows = accounts.map((account) => [
    labels[account],
    ...basis.summary[account].map((amount) => formatKr(amount)),
  ]);
  const byMunicipality = Object.entries(basis.summaryByMunicipality ?? {});
  const partLabels = {
    municipality: "own budget",
    municipalPayments: "pays (its share)",
    municipalityWithSib: "with SIB",
  } as const;
  const partRows = byMunicipality.flatMap(([name, summary]) =>
    (["municipality", "municipalPayments", "municipalityWithSib"] as const).map((account) => [
      terminalText(`${name}: ${partLabels[account]}`),
      ...summary[account].map((amount) => formatKr(amount)),
    ]),
  );
  return [
    `Budget (løbende priser / current prices, kr): start ${basis.startDate}, prices ${(100 * basis.priceIndex).toFixed(1)} % a year from ${basis.priceYear}; budget year ${first}, overslagsår ${first + 1}-${first + 3}.`,
    formatTable(["Account", ...heads], rows),
    ...(partRows.length === 0
      ? []
      : [
          "Pr. kommune / By municipality (its own budget, its share of what the municipalities pay, and the difference; own budgets and with SIB sum to the rows above)",
          formatTable(["Municipality", ...heads], partRows),
        ]),
  ].join("\n");
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)} %`;
}

function pct(value: number, reference: number): string {
  const difference = (value / reference - 1) * 100;
  return `${difference >= 0 ? "+" : ""}${difference.toFixed(1)} %`;
}

// Run as a command (npm run case), not when imported by a test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
