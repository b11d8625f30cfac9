import { distance } from 'fastest-levenshtein';

/**
 * The candidate `word` most likely meant, or undefined. A typo is about one edit per three characters
 * (`capacty` → `capacity`, but `foo` ↛ `name`); an abbreviation is the start of exactly one candidate
 * (`expo` → `exponential`). Case is ignored, so `Capacity` suggests `capacity`.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= limit && bestDistance < word.length) return best;
  const extending = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return word.length >= 3 && extending.length === 1 ? extending[0] : undefined;
}
