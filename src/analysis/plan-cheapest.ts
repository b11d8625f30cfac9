/**
 * The multi-parameter search behind `queuesim plan --optimize a --optimize b`: the cheapest setting of
 * several integer parameters for which a monotone test passes, without a grid. Its steps are separate
 * functions over one memo of tested settings, so that no setting is tested twice.
 */
import { smallestPassing } from './plan-search.js';

/** Bounds and prices of the search, one entry a parameter. */
export interface CheapestBounds {
  guesses: readonly number[];
  mins: readonly number[];
  maxes: readonly number[];
  prices: readonly number[];
  /** Told each generous setting that fails; true gives the search up (more stopped helping). */
  giveUp?: (values: readonly number[]) => boolean;
}

/** The cheapest passing setting found (null when none), with every setting tested and its verdict. */
export interface CheapestFound {
  values: number[] | null;
  evaluations: number;
  tested: Map<string, boolean>;
}

/** `values` with parameter `i` set to `value`. */
function withValue(values: readonly number[], i: number, value: number): number[] {
  return values.map((v, j) => (j === i ? value : v));
}

/** The memo of tested settings and the bounds every step reads. */
class SettingSearch {
  readonly tested = new Map<string, boolean>();
  readonly n: number;

  constructor(
    private readonly passes: (values: readonly number[]) => Promise<boolean>,
    readonly bounds: CheapestBounds,
  ) {
    this.n = bounds.guesses.length;
  }

  /** Whether `values` passes, each setting evaluated once. */
  async test(values: readonly number[]): Promise<boolean> {
    const key = values.join(',');
    if (!this.tested.has(key)) this.tested.set(key, await this.passes(values));
    return this.tested.get(key) as boolean;
  }

  /** The smallest passing value of parameter `i` in [min, max], the others as in `values`. */
  smallestOf(values: readonly number[], i: number, range: { guess: number; min: number; max: number }) {
    return smallestPassing((value) => this.test(withValue(values, i, value)), range);
  }

  /** The total price of a setting. */
  costOf(values: readonly number[]): number {
    return values.reduce((sum, v, i) => sum + v * this.bounds.prices[i], 0);
  }
}

/** Step 1: a generous setting that passes (each parameter well above its guess, doubled until it does). */
async function generousSetting(search: SettingSearch): Promise<number[] | null> {
  const { guesses, mins, maxes, giveUp } = search.bounds;
  let generous = guesses.map((guess, i) => Math.min(maxes[i], Math.max(mins[i], guess * 2, guess + 4)));
  while (!(await search.test(generous))) {
    const stop = giveUp?.(generous) ?? false;
    if (stop || generous.every((value, i) => value >= maxes[i])) return null;
    generous = generous.map((value, i) => Math.min(maxes[i], Math.max(value * 2, mins[i] + 1)));
  }
  return generous;
}

/** Step 2: each parameter's minimum with the others generous, a lower bound on it in any passing setting. */
async function lowerBounds(search: SettingSearch, generous: readonly number[]): Promise<number[]> {
  const { guesses, mins } = search.bounds;
  const lower: number[] = [];
  for (let i = 0; i < search.n; i++) {
    const found = await search.smallestOf(generous, i, {
      guess: Math.min(guesses[i], generous[i]),
      min: mins[i],
      max: generous[i],
    });
    lower.push(found.value ?? generous[i]);
  }
  return lower;
}

/**
 * Step 3: a cost-weighted ascent from the lower bounds to a passing setting: of the single-parameter
 * raises that make it pass, the cheapest; when none does alone, every parameter goes up by one.
 */
async function ascend(
  search: SettingSearch,
  lower: readonly number[],
  generous: readonly number[],
): Promise<number[] | null> {
  const { maxes, prices } = search.bounds;
  let current = [...lower];
  while (!(await search.test(current))) {
    let best: { values: number[]; extra: number } | null = null;
    for (let i = 0; i < search.n; i++) {
      if (current[i] >= maxes[i]) continue;
      const top = Math.max(current[i] + 1, generous[i]);
      const found = await search.smallestOf(current, i, {
        guess: current[i] + 1,
        min: current[i] + 1,
        max: Math.min(maxes[i], top),
      });
      if (found.value === null) continue;
      const extra = (found.value - current[i]) * prices[i];
      if (best === null || extra < best.extra) best = { values: withValue(current, i, found.value), extra };
    }
    if (best === null && current.every((value, i) => value >= maxes[i])) return null;
    current = best?.values ?? current.map((value, i) => Math.min(maxes[i], value + 1));
  }
  return current;
}

/** Step 4: coordinate-wise descent, each parameter lowered to its smallest passing value, until none moves. */
async function descend(search: SettingSearch, start: readonly number[]): Promise<number[]> {
  const { mins } = search.bounds;
  let current = [...start];
  for (let moved = true; moved;) {
    moved = false;
    for (let i = 0; i < search.n; i++) {
      if (current[i] <= mins[i]) continue;
      const found = await search.smallestOf(current, i, { guess: current[i], min: mins[i], max: current[i] });
      if (found.value !== null && found.value < current[i]) {
        current = withValue(current, i, found.value);
        moved = true;
      }
    }
  }
  return current;
}

/**
 * Step 5: the first exchange that pays — one unit less of one parameter made up by the fewest more of
 * another, at a lower total cost — or null when none does.
 */
async function cheaperExchange(
  search: SettingSearch,
  current: readonly number[],
  generous: readonly number[],
): Promise<number[] | null> {
  const { mins, maxes } = search.bounds;
  for (let i = 0; i < search.n; i++) {
    if (current[i] <= mins[i]) continue;
    const less = withValue(current, i, current[i] - 1);
    // Monotonicity: when even twice as much of every other cannot make up for it, no exchange will.
    const roomy = current.map((v, j) => Math.min(maxes[j], 2 * Math.max(v, generous[j])));
    if (!(await search.test(roomy.map((v, j) => (j === i ? less[i] : v))))) continue;
    for (let j = 0; j < search.n; j++) {
      if (j === i || current[j] >= maxes[j]) continue;
      const found = await search.smallestOf(less, j, {
        guess: current[j] + 1,
        min: current[j] + 1,
        max: Math.max(current[j] + 1, roomy[j]),
      });
      if (found.value === null) continue;
      const candidate = withValue(less, j, found.value);
      if (search.costOf(candidate) < search.costOf(current)) return candidate;
    }
  }
  return null;
}

/**
 * The cheapest setting of several integer parameters for which `passes` holds, assuming it is monotone in
 * each (raising any parameter never makes a passing setting fail), without a grid:
 *
 * 1. a generous setting (each parameter well above its guess, doubled until it passes);
 * 2. each parameter's single-parameter minimum with the others generous — a lower bound on it in every
 *    passing setting, so when these minima pass together they are the cheapest answer (independent queues);
 * 3. otherwise a cost-weighted ascent: of the single-parameter raises that make the setting pass, the
 *    cheapest (when none does alone, every parameter goes up by one);
 * 4. then a coordinate-wise descent: each parameter lowered to its smallest passing value with the others
 *    fixed, until nothing moves;
 * 5. and exchanges: one unit less of one parameter made up by the fewest more of another, taken when
 *    cheaper (skipped at the cost of one test when twice as much of the others cannot make up for it),
 *    back to 4 until no exchange pays.
 *
 * A local search, not an exhaustive one: it finds the optimum of separable problems (independent queues)
 * and of one shared requirement, and a cheap passing setting otherwise. Every evaluation is remembered, so
 * no setting is tested twice.
 */
export async function cheapestPassing(
  passes: (values: readonly number[]) => Promise<boolean>,
  bounds: CheapestBounds,
): Promise<CheapestFound> {
  const search = new SettingSearch(passes, bounds);
  const done = (values: number[] | null) => ({
    values,
    evaluations: search.tested.size,
    tested: search.tested,
  });
  const generous = await generousSetting(search);
  if (generous === null) return done(null);
  let current = await ascend(search, await lowerBounds(search, generous), generous);
  if (current === null) return done(null);
  for (;;) {
    current = await descend(search, current);
    const cheaper = await cheaperExchange(search, current, generous);
    if (cheaper === null) return done(current);
    current = cheaper;
  }
}
