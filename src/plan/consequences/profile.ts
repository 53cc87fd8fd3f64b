import { div, gt, lt, mul, name, num, pow, sub, type Expr } from "../formula";

/**
 * h(t), the share of a consequence row's change present in cohort month t besides the effect profile g(t), as the
 * engine's durationDecay (src/engine/consequences/flows.ts): 0 from the row's duration D on, else
 * (1 − decay)^((t − M)/12) after the measurement month M and 1 up to it. Written without IF so that it works on arrays
 * inside SUMPRODUCT (t a column of months, or D and decay the rows' columns):
 * (t < D) × (1 − decay × (t > M))^((t − M) × (t > M) / 12); up to M the base is 1 and the exponent 0 (never 0^0).
 * @example printFormula(durationDecay(ref("A20"), name("SIB_Cons_Duration"), name("SIB_Cons_Decay")))
 */
export function durationDecay(t: Expr, duration: Expr, decay: Expr): Expr {
  const measurement = name("SIB_MeasurementMonth");
  const after = gt(t, measurement);
  const base = sub(num(1), mul(decay, after));
  const exponent = div(mul(sub(t, measurement), after), num(12));
  return mul(lt(t, duration), pow(base, exponent));
}

/** Defined names the Calculation sheet writes for the consequences (block 2 of the first cohort-month table). */
export const CONS_COHORT_MONTHS_NAME = "SIB_Cons_CohortMonths";
/** g(t) × Σ cohorts participants × DF(intake + t), per cohort month: the weights of every row's present value. */
export const CONS_EFFECT_WEIGHT_NAME = "SIB_Cons_EffectWeight";

/** The payers of a consequence row and their name fragment (SIB_Cons_Saving_<Payer>). */
export const PAYER_NAMES = { municipality: "Municipality", state: "State", region: "Region" } as const;
export type PayerKey = keyof typeof PAYER_NAMES;
export const PAYER_KEYS: readonly PayerKey[] = ["municipality", "state", "region"];
