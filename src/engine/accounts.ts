import { BUDGET_HOLDERS } from "./budgetHolders";

/** The accounts the business case reports: the four budget holders, their public total and society. */
export const ACCOUNTS = [...BUDGET_HOLDERS, "public", "socioEconomic"] as const;
export type Account = (typeof ACCOUNTS)[number];
export type PerAccount<T> = Readonly<Record<Account, T>>;

/**
 * Builds a per-account record from a function of the account.
 * @example perAccount(() => 0).municipality // 0
 */
export function perAccount<T>(valueOf: (account: Account) => T): PerAccount<T> {
  const record = {} as Record<Account, T>;
  for (const account of ACCOUNTS) record[account] = valueOf(account);
  return record;
}
