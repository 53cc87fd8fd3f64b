import type { InvestorTerms } from "../../engine/investor/terms";
import { DEFAULT_HURDLE_RATE } from "../../engine/investor/summary";
import type { PaymentTerms } from "../../engine/payment/terms";
import type { Scenario } from "../../engine/scenario";
import { seededGenerator } from "../../engine/stress/random";
import { tornado, type TornadoRow } from "../../engine/stress/sensitivity";
import { simulate, type SimulationSummary } from "../../engine/stress/simulate";
import { DEFAULT_UNCERTAINTY } from "../../engine/stress/uncertainty";
import { absolute, cell } from "../address";
import { guarded } from "../blocks/checks";
import { and, call, ifThen, mul, name, not, num, ref, sub, sum, text, type Expr } from "../formula";
import type { Bilingual, SheetBuilder } from "../sheetBuilder";
import { FORMATS, type ChartPlan, type NumberFormat } from "../types";

/** Seed and draws of the Monte Carlo table the model is written with (SIB.SIMULATE's defaults otherwise). */
export const SHEET_SIMULATION = { seed: 1, iterations: 1_000 } as const;

/** What the tornado and the Monte Carlo table need of the Payment sheet and the deal. */
export interface DealSensitivity {
  readonly scenario: Scenario;
  readonly paymentTerms: PaymentTerms;
  readonly investorTerms: InvestorTerms;
  /** The Payment sheet's outcome-payment columns (one per rate-card line) and discount factors, sheet-qualified. */
  readonly metricRanges: readonly Expr[];
  readonly discountRange: Expr;
  /** The date the add-in computed the values on, as shown next to them (YYYY-MM-DD). */
  readonly computedOn: string;
}

const INPUT_LABELS: Readonly<Record<string, { label: Bilingual; format: NumberFormat }>> = {
  effect: {
    label: { da: "Effekt (gange den målte)", en: "Effect (times the measured)" },
    format: FORMATS.factor,
  },
  priceFactor: {
    label: { da: "Priser (faktor på prislisten)", en: "Prices (factor on the rate card)" },
    format: FORMATS.factor,
  },
  costPerParticipant: {
    label: { da: "Omkostning pr. deltager (kr)", en: "Cost per participant (kr)" },
    format: FORMATS.kr,
  },
  persistence: { label: { da: "Fastholdelse pr. måned", en: "Persistence a month" }, format: FORMATS.percent },
  lagMonths: {
    label: { da: "Forsinkelse af betaling (måneder)", en: "Claim lag (months)" },
    format: FORMATS.integer,
  },
  discountRate: {
    label: { da: "Diskonteringsrente (kommunen, pr. år)", en: "Discount rate (municipality, a year)" },
    format: FORMATS.percent,
  },
  hurdleRate: {
    label: { da: "Krævet afkast (investoren, pr. år)", en: "Hurdle rate (the investor, a year)" },
    format: FORMATS.percent,
  },
};

type TornadoColumn =
  "input" | "low" | "high" | "base" | "outLow" | "outHigh" | "swing" | "deltaLow" | "deltaHigh" | "how";
const COLUMN: Readonly<Record<TornadoColumn, number>> = {
  input: 0,
  low: 1,
  high: 2,
  base: 3,
  outLow: 4,
  outHigh: 5,
  swing: 6,
  deltaLow: 7,
  deltaHigh: 8,
  how: 9,
};

const TORNADO_TITLE: Bilingual = {
  da: "Tornado: kommunens nettonutidsværdi under kontrakten (besparelser − betalinger, kr)",
  en: "Tornado: the municipality's net present value under the contract (savings − payments, kr)",
};
/** Shown instead of a percentile or mean over no draws (NaN), e.g. when no draw has an IRR. */
const NO_STATISTIC: Bilingual = { da: "ingen kørsel", en: "no draw" };

const MONTE_CARLO_TITLE: Bilingual = {
  da: "Monte Carlo (SIB.SIMULATE): investorens afkast og kommunens netto",
  en: "Monte Carlo (SIB.SIMULATE): the investor's return and the municipality's net",
};
/** Most participant draws the Monte Carlo table makes when the model is written (about 0.1 s). */
export const SHEET_SIMULATION_MAX_DRAWS = 2_000_000;

/** The block's title and why it holds no values (the engine refuses, or the model is too large to simulate now). */
function notComputed(sheet: SheetBuilder, top: number, title: Bilingual): number {
  sheet.label(0, top, title, true);
  sheet.label(0, top + 1, {
    da: "Ikke beregnet, da modellen blev skrevet: modellen er for stor til at blive beregnet her (for mange kohorter eller deltagere). Brug SIB.TORNADO og SIB.SIMULATE i et regneark med tilføjelsesprogrammet.",
    en: "Not computed when the model was written: the model is too large to be computed here (too many cohorts or participants). Use SIB.TORNADO and SIB.SIMULATE in a workbook with the add-in.",
  });
  return top + 1;
}

/** The label of values the add-in computed (not formulas): by whom, with which seed, on which date. */
export function computedLabel(language: "da" | "en", computedOn: string, seed: number | null): string {
  if (language === "da") {
    return seed === null
      ? `beregnet af tilføjelsesprogrammet, ${computedOn}`
      : `beregnet af tilføjelsesprogrammet, frø ${seed}, ${computedOn}`;
  }
  return seed === null
    ? `computed by the add-in, ${computedOn}`
    : `computed by the add-in, seed ${seed}, ${computedOn}`;
}

/**
 * The tornado of the municipality's discounted net under the contract (SIB.TORNADO("municipalityNet"): savings PV −
 * the municipality's payments PV, kr), one row per input at its low and high value, in the engine's order (largest
 * swing first, when written). Live formulas where the model is linear in the input: the cost per participant and the
 * investor's hurdle do not enter the municipality's net (its savings are counted before the cost, which the investor
 * pays), and the price factor f scales the outcome payments, so without a person or contract cap
 *   net(f) = SIB_MunicipalityNetPV − (f − 1) × w × Σ_k Σ_t DF_t × outcome_k(t).
 * The other rows (effect, persistence, claim lag, discount rate) are the engine's values, labelled "computed by the
 * add-in" with the date. Columns 8 and 9 (output − base at low and high) feed the tornado chart.
 */
export function writeTornado(
  sheet: SheetBuilder,
  top: number,
  deal: DealSensitivity,
): { bottom: number; chart: ChartPlan | null } {
  const hurdle = deal.investorTerms.hurdleRate ?? DEFAULT_HURDLE_RATE;
  const result = tornado(
    { scenario: deal.scenario, paymentTerms: deal.paymentTerms, investorTerms: deal.investorTerms },
    "municipalityNet",
    hurdle,
  );
  if (!result.ok) return { bottom: notComputed(sheet, top, TORNADO_TITLE), chart: null };
  const computed = computedLabel(sheet.language, deal.computedOn, null);
  sheet.label(0, top, TORNADO_TITLE, true);
  sheet.label(0, top + 1, {
    da: `Ét input ad gangen ved lav og høj værdi, alt andet som i modellen. Levende formler, hvor modellen er lineær i inputtet; ellers værdier ${computed} (SIB.TORNADO). Rækkefølge: største udsving først, da modellen blev skrevet.`,
    en: `One input at a time at its low and high value, all else as in the model. Live formulas where the model is linear in the input; otherwise values ${computed} (SIB.TORNADO). Order: largest swing first when the model was written.`,
  });
  const headerRow = top + 2;
  const headers: Readonly<Record<TornadoColumn, Bilingual>> = {
    input: { da: "Input", en: "Input" },
    low: { da: "Lav værdi", en: "Low value" },
    high: { da: "Høj værdi", en: "High value" },
    base: { da: "Basis, kr", en: "Base, kr" },
    outLow: { da: "Ved lav, kr", en: "At low, kr" },
    outHigh: { da: "Ved høj, kr", en: "At high, kr" },
    swing: { da: "Udsving, kr", en: "Swing, kr" },
    deltaLow: { da: "Ændring ved lav", en: "Change at low" },
    deltaHigh: { da: "Ændring ved høj", en: "Change at high" },
    how: { da: "Kilde", en: "Source" },
  };
  for (const [key, header] of Object.entries(headers))
    sheet.label(COLUMN[key as TornadoColumn], headerRow, header, true);
  const live = name("SIB_MunicipalityNetPV");
  result.value.rows.forEach((row, index) =>
    writeTornadoRow(sheet, headerRow + 1 + index, row, { deal, live, base: result.value.base, computed }),
  );
  const lastRow = headerRow + result.value.rows.length;
  sheet.names.push({
    name: "SIB_SensTornado",
    sheet: sheet.sheetName,
    reference: `${absolute(COLUMN.outLow, headerRow + 1)}:${absolute(COLUMN.outHigh, lastRow)}`,
    role: "output",
    description: sheet.text({
      da: "Tornado: kommunens nettonutidsværdi (kr) ved lav og høj værdi af hvert input",
      en: "Tornado: the municipality's net present value (kr) at each input's low and high value",
    }),
  });
  const chart: ChartPlan = {
    sheet: sheet.sheetName,
    anchor: "", // placed by the sheet
    type: "barClustered",
    title: sheet.text({
      da: "Tornado: ændring i kommunens nettonutidsværdi, kr",
      en: "Tornado: change in the municipality's net present value, kr",
    }),
    dataSheet: sheet.sheetName,
    data: `${absolute(COLUMN.deltaLow, headerRow)}:${absolute(COLUMN.deltaHigh, lastRow)}`,
    categories: `${absolute(COLUMN.input, headerRow + 1)}:${absolute(COLUMN.input, lastRow)}`,
  };
  return { bottom: lastRow, chart };
}

function writeTornadoRow(
  sheet: SheetBuilder,
  row: number,
  line: TornadoRow,
  context: { readonly deal: DealSensitivity; readonly live: Expr; readonly base: number; readonly computed: string },
): void {
  const { deal, live } = context;
  const spec = INPUT_LABELS[line.input];
  if (spec === undefined) throw new Error(`no label for tornado input ${line.input}`);
  sheet.label(COLUMN.input, row, spec.label);
  sheet.value(COLUMN.low, row, "label", line.low, spec.format);
  sheet.value(COLUMN.high, row, "label", line.high, spec.format);
  const at = (column: TornadoColumn): Expr => ref(cell(COLUMN[column], row));
  const liveText = sheet.text({ da: "levende formel", en: "live formula" });
  // A return cap or a top-up makes what the municipality actually pays depend on the cost and non-linear in prices.
  const investor = deal.investorTerms;
  const plainInvestor =
    investor.returnCap.irr === null && investor.returnCap.multiple === null && investor.maxLoss === null;
  if (!plainInvestor && (line.input === "costPerParticipant" || line.input === "priceFactor")) {
    sheet.value(COLUMN.base, row, "label", context.base, FORMATS.kr);
    sheet.value(COLUMN.outLow, row, "label", line.outputLow, FORMATS.kr);
    sheet.value(COLUMN.outHigh, row, "label", line.outputHigh, FORMATS.kr);
    sheet.label(COLUMN.how, row, context.computed);
  } else if (line.input === "costPerParticipant" || line.input === "hurdleRate") {
    // Not in the municipality's net at all: the net at low and high is the model's own, live.
    sheet.formula(COLUMN.base, row, guarded(live), "output", FORMATS.kr);
    sheet.formula(COLUMN.outLow, row, guarded(live), "output", FORMATS.kr);
    sheet.formula(COLUMN.outHigh, row, guarded(live), "output", FORMATS.kr);
    sheet.label(COLUMN.how, row, liveText);
  } else if (
    line.input === "priceFactor" &&
    deal.paymentTerms.personCap === null &&
    deal.paymentTerms.contractCap === null
  ) {
    const outcomesPV = sum(...deal.metricRanges.map((range) => call("SUMPRODUCT", range, deal.discountRange)));
    const municipalOutcomesPV = mul(name("SIB_PayMunicipalityShare"), outcomesPV);
    const linear = and(
      not(call("ISNUMBER", name("SIB_PayPersonCap"))),
      not(call("ISNUMBER", name("SIB_PayContractCap"))),
    );
    const capped = text(
      sheet.text({
        da: "ikke lineær med et loft: skriv modellen igen fra guiden",
        en: "not linear with a cap: write the model again from the wizard",
      }),
    );
    const netAt = (factor: Expr): Expr =>
      guarded(ifThen(linear, sub(live, mul(sub(factor, num(1)), municipalOutcomesPV)), capped));
    sheet.formula(COLUMN.base, row, guarded(live), "output", FORMATS.kr);
    sheet.formula(COLUMN.outLow, row, netAt(ref(cell(COLUMN.low, row))), "output", FORMATS.kr);
    sheet.formula(COLUMN.outHigh, row, netAt(ref(cell(COLUMN.high, row))), "output", FORMATS.kr);
    sheet.label(COLUMN.how, row, liveText);
  } else {
    sheet.value(COLUMN.base, row, "label", context.base, FORMATS.kr);
    sheet.value(COLUMN.outLow, row, "label", line.outputLow, FORMATS.kr);
    sheet.value(COLUMN.outHigh, row, "label", line.outputHigh, FORMATS.kr);
    sheet.label(COLUMN.how, row, context.computed);
  }
  sheet.formula(COLUMN.swing, row, call("ABS", sub(at("outHigh"), at("outLow"))), "calculation", FORMATS.kr);
  sheet.formula(COLUMN.deltaLow, row, sub(at("outLow"), at("base")), "calculation", FORMATS.kr);
  sheet.formula(COLUMN.deltaHigh, row, sub(at("outHigh"), at("base")), "calculation", FORMATS.kr);
}

/**
 * The Monte Carlo percentile table (SIB.SIMULATE with the default uncertainty: binomial outcomes of each participant,
 * every other input at its value) as values labelled with the seed, the number of draws and the date: P5, P10, P50,
 * P90, P95 and the mean of the investor's IRR, money multiple and the municipality's net present value, and the
 * probabilities of a loss, of a payment and of an NPV below the hurdle.
 */
export function writeMonteCarlo(sheet: SheetBuilder, top: number, deal: DealSensitivity): { bottom: number } {
  const { seed, iterations } = SHEET_SIMULATION;
  const participants = deal.scenario.cohorts.reduce((total, cohort) => total + cohort.participants, 0);
  const summary = iterations * participants <= SHEET_SIMULATION_MAX_DRAWS ? simulationOf(deal) : null;
  if (summary === null) return { bottom: notComputed(sheet, top, MONTE_CARLO_TITLE) };
  const draws = iterations.toLocaleString(sheet.language === "da" ? "da-DK" : "en-GB");
  sheet.label(0, top, MONTE_CARLO_TITLE, true);
  sheet.label(0, top + 1, {
    da: `Værdier ${computedLabel("da", deal.computedOn, seed)}, ${draws} kørsler; hver deltagers udfald trækkes (binomialt), alt andet som i modellen. Genberegnes ikke i regnearket.`,
    en: `Values ${computedLabel("en", deal.computedOn, seed)}, ${draws} draws; each participant's outcome is drawn (binomial), all else as in the model. Not recalculated by the workbook.`,
  });
  const headerRow = top + 2;
  const heads = ["P5", "P10", "P50", "P90", "P95", sheet.text({ da: "Middel", en: "Mean" })];
  heads.forEach((head, j) => sheet.label(1 + j, headerRow, head, true));
  const rows: [Bilingual, SimulationSummary["irr"], NumberFormat][] = [
    [{ da: "Investorens interne rente (pr. år)", en: "The investor's IRR (a year)" }, summary.irr, FORMATS.percent],
    [{ da: "Investorens pengemultipel", en: "The investor's money multiple" }, summary.multiple, FORMATS.factor],
    [
      { da: "Kommunens nettonutidsværdi, kr", en: "The municipality's net present value, kr" },
      summary.municipalityNet,
      FORMATS.kr,
    ],
  ];
  rows.forEach(([label, distribution, format], i) => {
    const row = headerRow + 1 + i;
    sheet.label(0, row, label);
    [
      distribution.p5,
      distribution.p10,
      distribution.p50,
      distribution.p90,
      distribution.p95,
      distribution.mean,
    ].forEach((value, j) =>
      // A statistic over no draws (e.g. no draw has an IRR) is NaN: say so in words, never write a non-number.
      sheet.value(1 + j, row, "label", Number.isFinite(value) ? value : sheet.text(NO_STATISTIC), format),
    );
    if (distribution === summary.irr && (summary.irrTotalLossDraws > 0 || summary.irrUndefinedDraws > 0)) {
      sheet.label(1 + heads.length, row, {
        da: `${summary.irrTotalLossDraws} kørsler med totaltab (ingen intern rente) og ${summary.irrUndefinedDraws} uden entydig intern rente er ikke med i percentilerne`,
        en: `${summary.irrTotalLossDraws} draws with a total loss (no IRR) and ${summary.irrUndefinedDraws} without a unique IRR are left out of the percentiles`,
      });
    }
  });
  const lastRow = headerRow + rows.length;
  sheet.names.push({
    name: "SIB_SensMonteCarlo",
    sheet: sheet.sheetName,
    reference: `${absolute(1, headerRow + 1)}:${absolute(heads.length, lastRow)}`,
    role: "label",
    description: sheet.text({
      da: `Monte Carlo-percentiler (P5, P10, P50, P90, P95, middel) af IA, multipel og kommunens netto; frø ${seed}`,
      en: `Monte Carlo percentiles (P5, P10, P50, P90, P95, mean) of the IRR, multiple and municipal net; seed ${seed}`,
    }),
  });
  const probabilities: [Bilingual, number | null][] = [
    [
      { da: "Sandsynlighed for tab (multipel under 1)", en: "Probability of a loss (multiple below 1)" },
      summary.probabilityOfLoss,
    ],
    [
      { da: "Sandsynlighed for resultatbetaling", en: "Probability of an outcome payment" },
      summary.probabilityPaymentTriggered,
    ],
    [
      { da: "Sandsynlighed for nutidsværdi under krævet afkast", en: "Probability of an NPV below the hurdle" },
      summary.probabilityBelowHurdle,
    ],
  ];
  probabilities.forEach(([label, value], i) => {
    const row = lastRow + 1 + i;
    sheet.label(0, row, label);
    sheet.value(1, row, "label", value ?? sheet.text({ da: "intet krævet afkast", en: "no hurdle" }), FORMATS.percent);
  });
  return { bottom: lastRow + probabilities.length };
}

/**
 * The simulation the sheet shows (seed and draws of {@link SHEET_SIMULATION}, default uncertainty), or null when the
 * engine refuses the model (e.g. above its limits).
 * @example simulationOf(deal)?.irr.p50 // the median IRR the Sensitivity sheet shows
 */
export function simulationOf(
  deal: Pick<DealSensitivity, "scenario" | "paymentTerms" | "investorTerms">,
): SimulationSummary | null {
  const result = simulate(
    { scenario: deal.scenario, paymentTerms: deal.paymentTerms, investorTerms: deal.investorTerms },
    DEFAULT_UNCERTAINTY,
    SHEET_SIMULATION.iterations,
    seededGenerator(SHEET_SIMULATION.seed),
  );
  return result.ok ? result.value : null;
}
