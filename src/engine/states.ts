/**
 * The eight outcome states of the pilot's outcome distribution (DOMAIN.md b1). Every participant and every member of
 * the comparison group is in exactly one state at the measurement month.
 */
export const OUTCOME_STATES = ["JOB", "JOB_UNK", "JOB_PART", "EDU", "FLEX", "TEMP", "PERM", "ABROAD"] as const;

export type OutcomeState = (typeof OUTCOME_STATES)[number];

/** A value for each outcome state. */
export type PerState<T> = Readonly<Record<OutcomeState, T>>;

/** Human labels per state, Danish and English. */
export const STATE_LABELS: PerState<{ readonly da: string; readonly en: string }> = {
  JOB: { da: "Selvforsørgende, løn", en: "Self-supporting, wages" },
  JOB_UNK: { da: "Selvforsørgende, ukendt indkomst", en: "Self-supporting, income unknown" },
  JOB_PART: { da: "Løntimer + supplerende ydelse", en: "Paid hours + top-up benefit" },
  EDU: { da: "Uddannelse (SU/voksenlærling)", en: "Education (SU/adult apprentice)" },
  FLEX: { da: "Fleksjob/ledighedsydelse", en: "Flex job/flex-job benefit" },
  TEMP: { da: "Midlertidig overførsel", en: "Temporary transfer" },
  PERM: { da: "Førtidspension", en: "Disability pension" },
  ABROAD: { da: "Udrejst", en: "Moved abroad" },
};

/** True when `name` is one of the eight state codes (case-sensitive). */
export function isOutcomeState(name: string): name is OutcomeState {
  return (OUTCOME_STATES as readonly string[]).includes(name);
}

/** Builds a per-state record from a function of the state. */
export function perState<T>(valueOf: (state: OutcomeState) => T): PerState<T> {
  const record = {} as Record<OutcomeState, T>;
  for (const state of OUTCOME_STATES) record[state] = valueOf(state);
  return record;
}

/** Σ over states of `valueOf(state)`. */
export function sumOverStates(valueOf: (state: OutcomeState) => number): number {
  let total = 0;
  for (const state of OUTCOME_STATES) total += valueOf(state);
  return total;
}
