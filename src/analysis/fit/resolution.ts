/**
 * The resolution the observations were recorded at: logs and CSV files write times to a fixed number of
 * decimals (whole ms, µs), so every value is a multiple of a grid step h. A value x then stands for the
 * interval [x − h/2, x + h/2] (for 0: [0, h/2]), and below a few steps the density is no longer a good
 * stand-in for the probability of that interval — gaps of exactly 0 rule out every family with ln x in
 * its likelihood although the underlying times are continuous.
 */

/** Grid steps tried, coarsest first: 1 s down to 1 ns, decade by decade. */
const DECADES = Array.from({ length: 10 }, (_, i) => 10 ** -i);

/** How far from a grid point a value may lie, in steps: room for the float error of unit conversions. */
const GRID_TOLERANCE = 1e-3;

/** Rounding matters when the smallest value is below this many steps (0 included). */
export const ROUNDING_MATTERS_BELOW_STEPS = 50;

/** The coarsest decimal step (seconds) every value is a multiple of; null when they lie on no grid ≥ 1 ns. */
export function detectResolution(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  let positive = false;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] > 0) positive = true;
  if (!positive) return null;
  for (const step of DECADES) if (liesOnGrid(sorted, step)) return step;
  return null;
}

/** True when every value is within GRID_TOLERANCE steps (plus float error) of a multiple of step. */
function liesOnGrid(values: ArrayLike<number>, step: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const steps = values[i] / step;
    // A positive value must be a whole number of steps, at least one: 0.001 is not on the 1 s grid.
    if (values[i] > 0 && Math.round(steps) < 1) return false;
    if (Math.abs(steps - Math.round(steps)) > GRID_TOLERANCE + 1e-12 * steps) return false;
  }
  return true;
}

/** The step when rounding to it is material for this sample (its smallest value is a few steps), else null. */
export function materialResolution(sorted: ArrayLike<number>): number | null {
  const step = detectResolution(sorted);
  if (step === null) return null;
  return sorted[0] < ROUNDING_MATTERS_BELOW_STEPS * step ? step : null;
}
