import type { PerAccount } from "../accounts";
import type { BusinessCaseResult } from "../businessCase";
import type { Scenario } from "../scenario";
import type { AreaRow } from "./flows";
import type { ConsequenceArea, ConsequencePayer } from "./model";

/** The broad case's consequences as `npm run case -- --json` reports them (issue 15). */
export interface ConsequencesReport {
  /** NPV by consequence area (kr; `employment` = the narrow case), per account; the rows sum to the account's NPV. */
  readonly byArea: {
    readonly perParticipant: PerAccount<Readonly<Record<AreaRow, number>>>;
    readonly total: PerAccount<Readonly<Record<AreaRow, number>>>;
  };
  /** Every row that changes anything: its area, payer and NPV per account (kr per participant and in total). */
  readonly rows: readonly {
    readonly id: string;
    readonly area: ConsequenceArea;
    readonly payer: ConsequencePayer;
    readonly perParticipant: PerAccount<number>;
    readonly total: PerAccount<number>;
  }[];
}

/**
 * The consequences of a computed case by area and by row (per payer: the accounts municipality, state and region),
 * or null when the scenario has no consequence rows (the narrow case). kr in fixed prices of the parameter year,
 * discounted; positive = gain.
 * @example consequencesReport(broadPilot, computeBusinessCase(broadPilot))?.byArea.perParticipant.region.health // ≈ 12,159
 */
export function consequencesReport(scenario: Scenario, result: BusinessCaseResult): ConsequencesReport | null {
  const listed = scenario.consequences ?? [];
  if (listed.length === 0) return null;
  const payerOf = new Map(listed.map((row) => [row.id, row.payer]));
  return {
    byArea: result.consequences.byArea,
    rows: result.consequences.rows.map((row) => ({
      id: row.id,
      area: row.area,
      payer: payerOf.get(row.id) ?? "municipality",
      perParticipant: row.perParticipant,
      total: row.total,
    })),
  };
}
