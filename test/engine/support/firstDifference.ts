/**
 * The first path at which two results differ, or null: every number compared with Object.is (so −0 vs 0 or a last-bit
 * difference counts), arrays of the same length, objects with the same number of keys, or with `keyOrder` the same
 * keys in the same order, or with `expectedKeysOnly` only the expected object's keys (a frozen copy older than fields
 * added since). Used by the tests that hold the sped-up business case to its frozen copies.
 * @example firstDifference({ a: [1, 0.1 + 0.2] }, { a: [1, 0.3] }) // "result.a.1: 0.30000000000000004 vs 0.3"
 */
export function firstDifference(
  expected: unknown,
  actual: unknown,
  options: { readonly keyOrder?: boolean; readonly expectedKeysOnly?: boolean } = {},
  path = "result",
): string | null {
  if (typeof expected === "number") {
    return typeof actual === "number" && Object.is(expected, actual)
      ? null
      : `${path}: ${expected} vs ${String(actual)}`;
  }
  if (expected === null || typeof expected !== "object") {
    return Object.is(expected, actual) ? null : `${path}: ${String(expected)} vs ${String(actual)}`;
  }
  if (actual === null || typeof actual !== "object") return `${path}: object vs ${String(actual)}`;
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) {
    return `${path}: array length differs`;
  }
  const keys = Object.keys(expected);
  const actualKeys = Object.keys(actual);
  if (options.keyOrder === true && keys.join() !== actualKeys.join()) {
    return `${path}: keys ${keys.join()} vs ${actualKeys.join()}`;
  }
  if (options.expectedKeysOnly !== true && keys.length !== actualKeys.length)
    return `${path}: ${keys.length} keys vs ${actualKeys.length}`;
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      options,
      `${path}.${key}`,
    );
    if (difference !== null) return difference;
  }
  return null;
}
