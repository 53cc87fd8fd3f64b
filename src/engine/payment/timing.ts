/**
 * Timing and payers (payments-and-peers.md b9–b11). Months are programme months, 0-based (0 = the first month of the
 * first intake), as in the business case. Amounts are kr; payments are positive amounts paid by the payer.
 *
 * - An outcome of a cohort taken in at month τ is paid at τ + M + k + L: measurement month M, k months after M for a
 *   sustainment metric, claim (verification) lag L.
 * - A base fee per participant is fee-for-service: paid at intake, or spread evenly over the D months of the effort,
 *   with no claim lag.
 * - The payer split gives the municipality (kommune) the share w of every payment and the state (stat) 1 − w.
 */
import type { Cohort } from "../scenario";
import { ok, type Issue, type Result } from "../errors";
import { checkAmount, checkList, checkOneOf, checkShare, checkWhole } from "./checks";

/** Longest claim lag, months. */
export const MAX_LAG_MONTHS = 120;

/** When a base fee falls: all at intake, or spread evenly over the months of the effort. */
export type BaseFeeTiming = "intake" | "spread";

/** Who pays: the municipality (kommune) or the state (stat). */
export type Payer = "municipality" | "state";
export const PAYERS: readonly Payer[] = ["municipality", "state"];
export type PerPayer<T> = Readonly<Record<Payer, T>>;

/**
 * Unchecked payment month: intakeMonth + measurementMonth + monthsAfterMeasurement + lagMonths.
 * @example paymentMonthCore(0, 14, 6, 3) // 23: a sustained6 outcome of the first cohort, paid 3 months after month 20
 */
export function paymentMonthCore(
  intakeMonth: number,
  measurementMonth: number,
  monthsAfterMeasurement: number,
  lagMonths: number,
): number {
  return intakeMonth + measurementMonth + monthsAfterMeasurement + lagMonths;
}

/**
 * Checked {@link paymentMonthCore}: whole months, intake ≥ 0, measurement ≥ 1, months after ≥ 0, lag 0–120.
 * @example paymentMonth(0, 14, 0, 3) // ok(17)
 */
export function paymentMonth(
  intakeMonth: number,
  measurementMonth: number,
  monthsAfterMeasurement: number,
  lagMonths: number,
): Result<number> {
  const issues: Issue[] = [];
  checkWhole(issues, "intakeMonth", intakeMonth, 0, 600, "a whole programme month from 0 to 600");
  checkWhole(issues, "measurementMonth", measurementMonth, 1, 420, "a whole number of months from 1 to 420");
  checkWhole(
    issues,
    "monthsAfterMeasurement",
    monthsAfterMeasurement,
    0,
    420,
    "a whole number of months of at least 0",
  );
  checkLag(issues, "lagMonths", lagMonths);
  if (issues.length > 0) return { ok: false, issues };
  return ok(paymentMonthCore(intakeMonth, measurementMonth, monthsAfterMeasurement, lagMonths));
}

/**
 * A claim lag: a whole number of months from 0 to {@link MAX_LAG_MONTHS} (rule `integer`).
 * @example checkLag(issues, "lagMonths", -1) // pushes { field: "lagMonths", rule: "integer" }
 */
export function checkLag(issues: Issue[], field: string, value: unknown): void {
  checkWhole(issues, field, value, 0, MAX_LAG_MONTHS, `a whole number of months from 0 to ${MAX_LAG_MONTHS}`);
}

/**
 * Unchecked base fee by programme month, kr: fee × participants at each cohort's intake month, or fee × participants
 * / D in each of the D months from intake (spread).
 * @example baseFeeScheduleCore([{ participants: 10, intakeMonth: 1 }], 1_500, "intake", 12) // [0, 15_000]
 */
export function baseFeeScheduleCore(
  cohorts: readonly Cohort[],
  feePerParticipant: number,
  timing: BaseFeeTiming,
  interventionMonths: number,
): number[] {
  const schedule: number[] = [];
  for (const cohort of cohorts) {
    const amount = feePerParticipant * cohort.participants;
    if (timing === "intake") addAt(schedule, cohort.intakeMonth, amount);
    else
      for (let m = 0; m < interventionMonths; m++) addAt(schedule, cohort.intakeMonth + m, amount / interventionMonths);
  }
  return schedule;
}

/**
 * Checked {@link baseFeeScheduleCore}: fee kr ≥ 0 (`feePerParticipant`), timing "intake" or "spread" (`timing`),
 * D whole ≥ 1 (`interventionMonths`), cohorts with participants ≥ 0 and whole intake months ≥ 0 (`cohorts[i]...`).
 * @example baseFeeSchedule([{ participants: 12, intakeMonth: 0 }], 1_000, "spread", 3) // ok([4_000, 4_000, 4_000])
 */
export function baseFeeSchedule(
  cohorts: readonly Cohort[],
  feePerParticipant: number,
  timing: BaseFeeTiming,
  interventionMonths: number,
): Result<number[]> {
  const issues: Issue[] = [];
  if (checkList(issues, "cohorts", cohorts, true)) {
    cohorts.forEach((cohort, i) => {
      checkAmount(issues, `cohorts[${i}].participants`, cohort.participants, "a number of people of at least 0");
      checkWhole(
        issues,
        `cohorts[${i}].intakeMonth`,
        cohort.intakeMonth,
        0,
        600,
        "a whole programme month from 0 to 600",
      );
    });
  }
  checkAmount(issues, "feePerParticipant", feePerParticipant, "a fee in kr per participant of at least 0");
  checkOneOf(issues, "timing", timing, ["intake", "spread"]);
  checkWhole(issues, "interventionMonths", interventionMonths, 1, 420, "a whole number of months from 1 to 420");
  if (issues.length > 0) return { ok: false, issues };
  return ok(baseFeeScheduleCore(cohorts, feePerParticipant, timing, interventionMonths));
}

/**
 * Unchecked delay by a claim lag: out[t + lag] = amounts[t].
 * @example delayCore([5, 7], 2) // [0, 0, 5, 7]
 */
export function delayCore(amounts: readonly number[], lagMonths: number): number[] {
  return [...new Array<number>(lagMonths).fill(0), ...amounts];
}

/**
 * Unchecked payer split: the municipality pays w × P_t, the state (1 − w) × P_t.
 * @example splitByPayerCore([100, 40], 0.75) // { municipality: [75, 30], state: [25, 10] }
 */
export function splitByPayerCore(amounts: readonly number[], municipalityShare: number): PerPayer<number[]> {
  return {
    municipality: amounts.map((amount) => amount * municipalityShare),
    state: amounts.map((amount) => amount * (1 - municipalityShare)),
  };
}

/**
 * Checked {@link splitByPayerCore}: amounts kr ≥ 0 (`amounts[t]`), w a share 0–1 (`municipalityShare`).
 * @example splitByPayer([100], 1) // ok({ municipality: [100], state: [0] })
 */
export function splitByPayer(amounts: readonly number[], municipalityShare: number): Result<PerPayer<number[]>> {
  const issues: Issue[] = [];
  if (checkList(issues, "amounts", amounts, false)) {
    amounts.forEach((amount, t) => checkAmount(issues, `amounts[${t}]`, amount, "a payment in kr of at least 0"));
  }
  checkShare(issues, "municipalityShare", municipalityShare, "the municipality's share of the payments from 0 to 1");
  if (issues.length > 0) return { ok: false, issues };
  return ok(splitByPayerCore(amounts, municipalityShare));
}

/**
 * Adds `value` (kr) at month `index`, growing the array with zeros.
 * @example const a = [1]; addAt(a, 2, 5); // a = [1, 0, 5]
 */
export function addAt(target: number[], index: number, value: number): void {
  while (target.length <= index) target.push(0);
  target[index] = (target[index] ?? 0) + value;
}
