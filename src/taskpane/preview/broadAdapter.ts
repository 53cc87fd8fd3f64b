/**
 * The narrow (employment only) and the broad case of the wizard's case side by side (issue 15 item 2): the engine's
 * narrowAndBroad, shown only when a consequence row changes something (else the two are the same case).
 */
import type { PerAccount } from "../../engine/accounts";
import { narrowAndBroad } from "../../engine/consequences/narrowBroad";
import { changesNothing } from "../../engine/consequences/price";
import type { Scenario } from "../../engine/scenario";

/** NPV per participant, kr, narrow and broad, per account. */
export interface BroadPreview {
  readonly narrow: PerAccount<number>;
  readonly broad: PerAccount<number>;
}

/**
 * The two cases' NPV per participant, or null when no consequence row changes anything (or the case is invalid).
 * @example broadPreview({ ...pilot, consequences: [prisonDayMinus3] })?.broad.state // > narrow.state
 */
export function broadPreview(scenario: Scenario): BroadPreview | null {
  if ((scenario.consequences ?? []).every((row) => changesNothing(row))) return null;
  const both = narrowAndBroad(scenario);
  if (!both.ok) return null;
  return { narrow: both.value.narrow.perParticipant, broad: both.value.broad.perParticipant };
}
