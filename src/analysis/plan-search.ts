/**
 * The single-parameter search behind `queuesim plan`: the smallest passing value of a monotone test, found
 * by galloping from a guess to a bracket and bisecting it.
 */

/** The outcome of a search for the smallest passing value. */
export interface SmallestPassing {
  /** The smallest value that passes, or null when even `max` fails. */
  value: number | null;
  /** The largest value known to fail just below it (value − 1 when the bracket closed), or null. */
  runnerUp: number | null;
  evaluations: number;
}

/**
 * The smallest integer in [min, max] for which `passes` holds, assuming it is monotone (false … false, true …
 * true), starting from `guess`: gallop (steps 1, 2, 4…) to a bracket, then bisect. At most about
 * 2·log2(distance from the guess) + log2(bracket) evaluations.
 */
export async function smallestPassing(
  passes: (value: number) => Promise<boolean>,
  { guess, min, max, stalled }: { guess: number; min: number; max: number; stalled?: () => boolean },
): Promise<SmallestPassing> {
  const memo = new Map<number, boolean>();
  const test = async (value: number) => {
    if (!memo.has(value)) memo.set(value, await passes(value));
    return memo.get(value) as boolean;
  };
  const start = Math.min(max, Math.max(min, Math.round(guess)));
  let low: number | null = null; // largest known failing
  let high: number | null = null; // smallest known passing
  if (await test(start)) {
    high = start;
    for (let step = 1; ; step *= 2) {
      const next = Math.max(min, high - step);
      if (next === high) break;
      if (await test(next)) high = next;
      else {
        low = next;
        break;
      }
      if (next === min) break;
    }
  } else {
    low = start;
    for (let step = 1; ; step *= 2) {
      const next = Math.min(max, low + step);
      if (next === low) break;
      if (await test(next)) {
        high = next;
        break;
      }
      low = next;
      // More of the parameter stopped helping: the search would only climb to `max` in vain.
      if (next === max || stalled?.()) break;
    }
  }
  if (high === null) return { value: null, runnerUp: low, evaluations: memo.size };
  while (low !== null && high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await test(middle)) high = middle;
    else low = middle;
  }
  return { value: high, runnerUp: low, evaluations: memo.size };
}
