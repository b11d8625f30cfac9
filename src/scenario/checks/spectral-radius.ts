/**
 * The growth rate of a non-negative matrix of expected copies: its spectral radius ρ (Perron root). A
 * network that copies messages along such a matrix lets them multiply without bound iff ρ >= 1.
 */

/** A dense square matrix, rows first. */
export type Matrix = readonly (readonly number[])[];

/**
 * True when ρ(A) < 1 for a non-negative square A. Then I − A is a nonsingular M-matrix, which holds iff
 * Gaussian elimination on it without pivoting meets only positive pivots (all leading principal minors
 * positive; Berman & Plemmons, "Nonnegative Matrices in the Mathematical Sciences", ch. 6, thm 2.3).
 * Exact up to `tolerance`, so ρ = 1 (a cycle without exit) is caught despite rounding.
 */
export function isSubcritical(matrix: Matrix, tolerance = 1e-12): boolean {
  const n = matrix.length;
  const b = matrix.map((row, i) => row.map((value, j) => (i === j ? 1 : 0) - value));
  for (let k = 0; k < n; k++) {
    const pivot = b[k][k];
    if (!(pivot > tolerance)) return false;
    for (let i = k + 1; i < n; i++) {
      const factor = b[i][k] / pivot;
      if (factor === 0) continue;
      for (let j = k; j < n; j++) b[i][j] -= factor * b[k][j];
    }
  }
  return true;
}

/**
 * ρ(A) of a non-negative, irreducible square A, by power iteration on I + A (primitive, so the iteration
 * converges even when A is periodic, as a plain cycle is), stopped when the Collatz–Wielandt bounds
 * min (Mx)ᵢ/xᵢ <= ρ(M) <= max (Mx)ᵢ/xᵢ meet.
 */
export function spectralRadius(matrix: Matrix, { tolerance = 1e-12, maxIterations = 100_000 } = {}): number {
  const n = matrix.length;
  let x = new Array<number>(n).fill(1);
  let lower = 0;
  let upper = Infinity;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const y = x.map((xi, i) => xi + matrix[i].reduce((sum, value, j) => sum + value * x[j], 0));
    const ratios = y.map((yi, i) => yi / x[i]);
    lower = Math.min(...ratios);
    upper = Math.max(...ratios);
    if (upper - lower <= tolerance * upper) break;
    const largest = Math.max(...y);
    x = y.map((yi) => yi / largest);
  }
  return (lower + upper) / 2 - 1;
}
