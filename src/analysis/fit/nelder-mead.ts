/**
 * Minimises a smooth function of a few variables without derivatives: the Nelder–Mead simplex method with
 * the standard coefficients (reflect 1, expand 2, contract ½, shrink ½; Nelder & Mead 1965, Computer Journal
 * 7(4)). Infinite values mark points outside the domain and are simply never accepted. Restarts once from
 * the first answer, the usual remedy for a simplex that collapsed early.
 */
export function minimise(f: (point: number[]) => number, start: number[], step = 0.1): number[] {
  const first = simplexSearch(f, start, step);
  return simplexSearch(f, first, step / 10);
}

/** One Nelder–Mead search from `start` with an initial simplex of size `step` along each axis. */
function simplexSearch(f: (point: number[]) => number, start: number[], step: number): number[] {
  const dims = start.length;
  let points = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))];
  let values = points.map(f);
  for (let iteration = 0; iteration < 5000; iteration++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    points = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    const best = values[0];
    const worst = values[dims];
    const size = Math.max(
      ...points.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - points[0][j])))),
    );
    if (Math.abs(worst - best) <= 1e-15 * (Math.abs(best) + 1e-300) && size < 1e-9) break;
    if (size < 1e-13) break;

    const centroid = start.map((_, j) => points.slice(0, dims).reduce((sum, p) => sum + p[j], 0) / dims);
    const along = (t: number) => centroid.map((c, j) => c + t * (points[dims][j] - c));
    const reflected = along(-1);
    const reflectedValue = f(reflected);
    if (reflectedValue < best) {
      const expanded = along(-2);
      const expandedValue = f(expanded);
      [points[dims], values[dims]] =
        expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[dims - 1]) {
      [points[dims], values[dims]] = [reflected, reflectedValue];
    } else {
      const contracted = reflectedValue < worst ? along(-0.5) : along(0.5);
      const contractedValue = f(contracted);
      if (contractedValue < Math.min(worst, reflectedValue)) {
        [points[dims], values[dims]] = [contracted, contractedValue];
      } else {
        // Shrink every vertex halfway towards the best one.
        for (let i = 1; i <= dims; i++) {
          points[i] = points[i].map((v, j) => points[0][j] + 0.5 * (v - points[0][j]));
          values[i] = f(points[i]);
        }
      }
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return points[bestIndex];
}
