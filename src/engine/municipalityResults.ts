import { ACCOUNTS, computeBusinessCase, type PerAccount } from "./businessCase";
import { municipalityScenario, resolveMunicipalities } from "./municipalities";
import type { Scenario } from "./scenario";

/**
 * The business case of one municipality of a case with several (issue 10): its cohorts with its kommuneskat and weeks
 * on benefit, and its share of the municipal outcome payments. kr in fixed prices of the parameter year; NPVs
 * discounted to the programme start; positive = net gain. Summed over municipalities, `total` and `undiscountedTotal`
 * equal the whole case's totals and `payments` the municipal payments (test/engine/municipalities.test.ts).
 */
export interface MunicipalityResult {
  readonly participants: number;
  /** Kommuneskat used (fraction per year) and where it comes from: the file, or built-in data with evidence. */
  readonly taxRate: number;
  readonly taxRateEvidence: "scenario" | "S" | "A";
  readonly taxRateSource: string;
  readonly weeksOnBenefitAtIntake: number;
  readonly paymentShare: number;
  /** NPV per participant of this municipality's cohorts, per account (the keys of the case's `perParticipant`). */
  readonly perParticipant: PerAccount<number>;
  /** NPV of this municipality's cohorts, per account. */
  readonly total: PerAccount<number>;
  readonly undiscountedTotal: PerAccount<number>;
  readonly breakEvenMonth: PerAccount<number | null>;
  /** Its share of the outcome payments the municipalities pay (paymentShare × the municipal payments), kr. */
  readonly payments: { readonly total: number; readonly presentValue: number };
  /** Its own budget after its payments: total.municipality − payments.presentValue, kr (present value). */
  readonly municipalityAfterPayments: number;
}

/**
 * Results per municipality of a validated scenario, by name in the order listed (empty when the scenario lists none).
 * `municipalPayments`: what the municipalities pay together under the payment terms (kr, total and present value).
 * @example municipalityResults(herningViborg, { total: 1e6, presentValue: 9e5 }).Herning?.payments.total // 550,000
 */
export function municipalityResults(
  scenario: Scenario,
  municipalPayments: { readonly total: number; readonly presentValue: number },
): Record<string, MunicipalityResult> {
  const results: Record<string, MunicipalityResult> = Object.create(null) as Record<string, MunicipalityResult>;
  for (const municipality of resolveMunicipalities(scenario)) {
    const part = municipalityScenario(scenario, municipality);
    const source = municipality.taxRateSource;
    const payments = {
      total: municipality.paymentShare * municipalPayments.total,
      presentValue: municipality.paymentShare * municipalPayments.presentValue,
    };
    const common = {
      participants: municipality.participants,
      taxRate: municipality.taxRate,
      taxRateEvidence: source === "scenario" ? ("scenario" as const) : source.evidence,
      taxRateSource: source === "scenario" ? "the scenario file" : source.source,
      weeksOnBenefitAtIntake: municipality.weeksOnBenefitAtIntake,
      paymentShare: municipality.paymentShare,
      payments,
    };
    if (part.cohorts.length === 0) {
      const zero = zeroAccounts();
      results[municipality.name] = {
        ...common,
        perParticipant: zero,
        total: zero,
        undiscountedTotal: zero,
        breakEvenMonth: nullAccounts(),
        municipalityAfterPayments: -payments.presentValue,
      };
      continue;
    }
    const result = computeBusinessCase(part);
    results[municipality.name] = {
      ...common,
      perParticipant: result.npv.perParticipant,
      total: result.npv.total,
      undiscountedTotal: result.undiscounted.total,
      breakEvenMonth: result.breakEvenMonth,
      municipalityAfterPayments: result.npv.total.municipality - payments.presentValue,
    };
  }
  return results;
}

function zeroAccounts(): PerAccount<number> {
  const record = {} as Record<(typeof ACCOUNTS)[number], number>;
  for (const account of ACCOUNTS) record[account] = 0;
  return record;
}

function nullAccounts(): PerAccount<number | null> {
  const record = {} as Record<(typeof ACCOUNTS)[number], number | null>;
  for (const account of ACCOUNTS) record[account] = null;
  return record;
}
