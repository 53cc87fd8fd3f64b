import { parameterValue } from "../parameters/lookup";
import type { Consequence } from "./model";

/** The built-in index a unit price is moved between years with: the wage index (lønindeks, 2023 = 1). */
export const PRICE_INDEX_ID = "loenindeks";

/**
 * The factor from `priceYear` prices to `parameterYear` prices by the built-in index, or null when either year is
 * outside its data (2023–2026). Public services are mostly wages, so the wage index (personskattelovens § 20, sourced
 * in src/engine/parameters/data.ts) is the index; using it for service prices is an assumption [A]
 * (docs/broad-case.md). Same year = 1 exactly.
 * @example builtInIndexFactor(2023, 2025) // 131.0/121.8 ≈ 1.0755
 * @example builtInIndexFactor(2015, 2023) // null (no index data for 2015)
 */
export function builtInIndexFactor(priceYear: number, parameterYear: number): number | null {
  if (priceYear === parameterYear) return 1;
  const from = parameterValue(PRICE_INDEX_ID, priceYear);
  const to = parameterValue(PRICE_INDEX_ID, parameterYear);
  if (!from.ok || !to.ok) return null;
  return to.value.value / from.value.value;
}

/**
 * The factor a row's unit price is multiplied by to be in fixed prices of the parameter year: the row's own
 * `indexFactor`, else the built-in index; null when there is neither (validation refuses such a row when it changes
 * anything).
 * @example priceFactor({ …row, priceYear: 2023, indexFactor: null }, 2023) // 1
 */
export function priceFactor(row: Consequence, parameterYear: number): number | null {
  if (row.indexFactor !== null) return row.indexFactor;
  if (row.priceYear === null) return null;
  return builtInIndexFactor(row.priceYear, parameterYear);
}

/**
 * The unit price in kr in fixed prices of the parameter year, or null without a price or an index.
 * @example unitPriceInParameterYear({ …row, unitPrice: 1469, priceYear: 2015, indexFactor: 1.2 }, 2023) // 1762.8
 */
export function unitPriceInParameterYear(row: Consequence, parameterYear: number): number | null {
  const factor = priceFactor(row, parameterYear);
  return row.unitPrice === null || factor === null ? null : row.unitPrice * factor;
}

/** True when every change in use of the row is exactly 0 (the row adds exactly 0 and needs no price). */
export function changesNothing(row: Consequence): boolean {
  return Object.values(row.changePerYear).every((change) => change === 0);
}
