/**
 * Budget holders of the public-budget account (DOMAIN.md b3, b6).
 * - `municipality`: the kommune running the effort (pays benefits net of refusion, receives municipal income tax);
 * - `state`: central government (refusion, state-paid benefits, bottom tax, AM contribution);
 * - `region`: health care (optional per-state health cost, 0 by default);
 * - `otherMunicipalities`: the other kommuner, which gain or lose the share U of the municipality's tax change
 *   through equalisation. Zero-sum: it moves money, it does not change the public total.
 */
export const BUDGET_HOLDERS = ["municipality", "state", "region", "otherMunicipalities"] as const;

export type BudgetHolder = (typeof BUDGET_HOLDERS)[number];

export type PerHolder<T> = Readonly<Record<BudgetHolder, T>>;

export const HOLDER_LABELS: PerHolder<{ readonly da: string; readonly en: string }> = {
  municipality: { da: "Kommune", en: "Municipality" },
  state: { da: "Stat", en: "State" },
  region: { da: "Region", en: "Region" },
  otherMunicipalities: { da: "Øvrige kommuner (udligning)", en: "Other municipalities (equalisation)" },
};

/** Accepted spellings (case-insensitive) of each holder, Danish and English, for function arguments. */
export const HOLDER_ALIASES: Readonly<Record<string, BudgetHolder>> = {
  municipality: "municipality",
  kommune: "municipality",
  k: "municipality",
  state: "state",
  stat: "state",
  s: "state",
  region: "region",
  r: "region",
  othermunicipalities: "otherMunicipalities",
  other: "otherMunicipalities",
  udligning: "otherMunicipalities",
  equalisation: "otherMunicipalities",
};

/** Builds a per-holder record from a function of the holder. */
export function perHolder<T>(valueOf: (holder: BudgetHolder) => T): PerHolder<T> {
  const record = {} as Record<BudgetHolder, T>;
  for (const holder of BUDGET_HOLDERS) record[holder] = valueOf(holder);
  return record;
}
