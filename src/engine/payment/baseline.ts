/**
 * Baseline (deadweight) adjustment (payments-and-peers.md b7): pay only for outcomes above a baseline rate, the
 * comparison group's share or a historical rate: payable = max(0, participant share − baseline share) × participants.
 * Shares are fractions (0.18 = 18 %); the result is a number of outcomes (may be fractional: an expected count).
 */
import { ok, type Issue, type Result } from "../errors";
import { checkCount, checkShare } from "./checks";

/** How outcomes are netted: `none` (gross rate card), `comparison` (the comparison group), `historical` (a rate). */
export type BaselineKind = "none" | "comparison" | "historical";

/**
 * Unchecked payable outcomes above a baseline: max(0, participantShare − baselineShare) × participants.
 * @example payableAboveBaselineCore(0.2727, 0.12, 56) // (0.2727 − 0.12) × 56 = 8.5512
 */
export function payableAboveBaselineCore(
  participantShare: number,
  baselineShare: number,
  participants: number,
): number {
  return Math.max(0, participantShare - baselineShare) * participants;
}

/**
 * Checked {@link payableAboveBaselineCore}: shares 0–1 (fields `participantShare`, `baselineShare`), participants ≥ 0.
 * @example payableAboveBaseline(0.3, 0.1, 50) // ok(10)
 */
export function payableAboveBaseline(
  participantShare: number,
  baselineShare: number,
  participants: number,
): Result<number> {
  const issues: Issue[] = [];
  checkShare(issues, "participantShare", participantShare);
  checkShare(issues, "baselineShare", baselineShare);
  checkCount(issues, "participants", participants, "a number of people of at least 0");
  if (issues.length > 0) return { ok: false, issues };
  return ok(payableAboveBaselineCore(participantShare, baselineShare, participants));
}
