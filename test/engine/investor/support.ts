/**
 * Test helpers for the investor engine (no production code depends on them).
 */

/**
 * Excel serial number of a calendar date (1900 date system). Independent of the engine: days since 30-Dec-1899 by
 * the JavaScript calendar, which matches Excel from 1-Mar-1900 on (Excel counts a fictitious 29-Feb-1900, so its
 * serial 1 is 1-Jan-1900 and serial 61 is 1-Mar-1900).
 * Check by hand: 1-Jan-2008 = 1 (1-Jan-1900) + 108 × 365 days + 26 leap days 1904…2004 + 1 (the fictitious
 * 29-Feb-1900) = 1 + 39420 + 26 + 1 = 39448.
 */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * |NPV(r)| relative to Σ|CF_t|/(1 + r)^t, computed with both sums multiplied by (1 + r)^(n − 1) when r < 0 so that
 * neither overflows (the ratio is unchanged).
 */
export function relativeResidual(flows: readonly number[], rate: number): number {
  const shift = rate < 0 ? flows.length - 1 : 0;
  let value = 0;
  let size = 0;
  for (const [t, flow] of flows.entries()) {
    const factor = Math.pow(1 + rate, shift - t);
    value += flow * factor;
    size += Math.abs(flow) * factor;
  }
  return Math.abs(value) / size;
}

/** Coefficients of the product of two polynomials (lowest power first). */
export function multiply(a: readonly number[], b: readonly number[]): number[] {
  const product = new Array<number>(a.length + b.length - 1).fill(0);
  for (const [i, x] of a.entries()) {
    for (const [j, y] of b.entries()) product[i + j] = (product[i + j] ?? 0) + x * y;
  }
  return product;
}
