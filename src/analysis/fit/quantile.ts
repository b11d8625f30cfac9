/**
 * The p-quantile of a fitted distribution from its CDF alone, by bisection: one method for every family
 * (several have no closed-form inverse), and exact to the last bits in under 200 cheap steps.
 */
export function quantileFromCdf(cdf: (x: number) => number, p: number, hint: number): number {
  let low = 0;
  let high = Math.max(hint, Number.MIN_VALUE);
  while (cdf(high) < p && high < Number.MAX_VALUE / 4) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const middle = (low + high) / 2;
    if (cdf(middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
