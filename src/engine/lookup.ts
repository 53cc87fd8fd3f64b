/**
 * Lookups in tables keyed by user text (aliases of holders, payers, metrics, terms, choices). A plain object literal
 * inherits `constructor`, `toString`, `__proto__` … from Object.prototype, so `table[text]` would find them; these
 * helpers find only the table's own keys. test/engine/lookup.test.ts keeps every such table read through them.
 */

/**
 * The table's own value for `key`, or undefined (never an inherited property).
 * @example ownValue({ kommune: "municipality" }, "constructor") // undefined
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
