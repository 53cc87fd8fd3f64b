import { perAccount, type PerAccount } from "../accounts";
import { computeBusinessCase } from "../businessCase";
import { failMany, ok, type Result } from "../errors";
import type { Scenario } from "../scenario";
import type { PerState } from "../states";
import { validateScenario } from "../validate";
import { DEFAULT_CONSEQUENCES } from "./defaults";
import type { AreaRow } from "./flows";
import { AREA_LABELS, NOT_FOUND, type ConsequenceArea, type ConsequenceEvidence, type ConsequencePayer } from "./model";
import { priceFactor, unitPriceInParameterYear } from "./price";
import { withoutEmptyConsequences } from "./template";

/** One consequence row as `--compare` lists it: what it is, its price and source, and what it adds (kr/participant). */
export interface ConsequenceListing {
  readonly id: string;
  readonly name: { readonly da: string; readonly en: string };
  readonly area: ConsequenceArea;
  readonly areaLabel: { readonly da: string; readonly en: string };
  readonly unit: { readonly da: string; readonly en: string };
  readonly payer: ConsequencePayer;
  readonly refusionShare: number;
  /** kr per unit in prices of `priceYear`; null = not found. */
  readonly unitPrice: number | null;
  readonly priceYear: number | null;
  /** Factor from the price year to the parameter year (the row's own or the built-in index); null without one. */
  readonly indexFactor: number | null;
  /** kr per unit in fixed prices of the parameter year; null without a price or an index. */
  readonly unitPriceInParameterYear: number | null;
  readonly evidence: ConsequenceEvidence;
  /** The source, or "not found — supply your own" (da/en) for a row without a price. */
  readonly source: { readonly da: string; readonly en: string };
  readonly changePerYear: PerState<number>;
  /** True when every change is 0 ("not found — supply your own": the row adds exactly 0). */
  readonly changeNotGiven: boolean;
  readonly durationMonths: number;
  readonly decayPerYear: number;
  /** NPV per participant the row adds, per account (kr; 0 when it changes nothing). */
  readonly perParticipant: PerAccount<number>;
}

/** The narrow (employment only) and the broad case of a scenario side by side (issue 15, `npm run case -- --compare`). */
export interface NarrowBroad {
  /** True when the scenario had no consequence rows and the broad case uses the default table. */
  readonly defaultTable: boolean;
  readonly narrow: { readonly perParticipant: PerAccount<number>; readonly total: PerAccount<number> };
  readonly broad: {
    readonly perParticipant: PerAccount<number>;
    readonly total: PerAccount<number>;
    /** NPV per participant by consequence area (employment = the narrow case), per account; rows sum to the NPV. */
    readonly byArea: PerAccount<Readonly<Record<AreaRow, number>>>;
  };
  readonly consequences: readonly ConsequenceListing[];
}

/**
 * The employment-only (narrow) case — the scenario without consequence rows — and the broad case — with the scenario's
 * rows, or the sourced default table (src/engine/consequences/defaults.ts) when it has none. kr in fixed prices of the
 * parameter year, discounted at the real rate; positive = gain. Fails with the broad scenario's broken rules.
 * @example narrowAndBroad(pilot).value.broad.perParticipant.municipality // 28,006 (the defaults change nothing)
 */
export function narrowAndBroad(scenario: Scenario): Result<NarrowBroad> {
  const rows = scenario.consequences ?? [];
  const defaultTable = rows.length === 0;
  const broadScenario: Scenario = { ...scenario, consequences: defaultTable ? DEFAULT_CONSEQUENCES : rows };
  const issues = validateScenario(broadScenario);
  if (issues.length > 0) return failMany(issues);
  const narrowScenario = withoutEmptyConsequences({ ...scenario, consequences: [] });
  const narrow = computeBusinessCase(narrowScenario);
  const broad = computeBusinessCase(broadScenario);
  const year = scenario.parameterYear;
  const added = new Map(broad.consequences.rows.map((row) => [row.id, row.perParticipant]));
  const consequences = (broadScenario.consequences ?? []).map((row): ConsequenceListing => {
    const changeNotGiven = Object.values(row.changePerYear).every((change) => change === 0);
    return {
      id: row.id,
      name: row.name,
      area: row.area,
      areaLabel: AREA_LABELS[row.area],
      unit: row.unit,
      payer: row.payer,
      refusionShare: row.refusionShare,
      unitPrice: row.unitPrice,
      priceYear: row.priceYear,
      indexFactor: priceFactor(row, year),
      unitPriceInParameterYear: unitPriceInParameterYear(row, year),
      evidence: row.evidence,
      source: row.unitPrice === null || row.evidence === "U" ? NOT_FOUND : { da: row.source, en: row.source },
      changePerYear: row.changePerYear,
      changeNotGiven,
      durationMonths: row.durationMonths,
      decayPerYear: row.decayPerYear,
      perParticipant: added.get(row.id) ?? perAccount(() => 0),
    };
  });
  return ok({
    defaultTable,
    narrow: { perParticipant: narrow.npv.perParticipant, total: narrow.npv.total },
    broad: {
      perParticipant: broad.npv.perParticipant,
      total: broad.npv.total,
      byArea: perAccount((account) => broad.consequences.byArea.perParticipant[account]),
    },
    consequences,
  });
}
