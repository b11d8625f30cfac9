/**
 * Exact stationary laws of finite birth–death chains, for the tests whose model is one (e.g. a Poisson
 * producer held back by a full `block` queue with exponential consumers).
 */

/** π for states 0…n, from birth rates λ₀…λₙ₋₁ and death rates μ₁…μₙ: πₖ ∝ Π λᵢ₋₁/μᵢ (detailed balance). */
export function birthDeathStationary(births: readonly number[], deaths: readonly number[]): number[] {
  if (births.length !== deaths.length) throw new Error('one birth and one death rate per step');
  const weights = [1];
  for (let k = 0; k < births.length; k++) weights.push((weights[k] * births[k]) / deaths[k]);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/** A queue with `consumers` exponential consumers, `capacity` waiting places and a blocked Poisson producer. */
export interface BlockingQueue {
  arrivalRate: number;
  serviceRate: number;
  consumers: number;
  capacity: number;
}

/**
 * overflow: block with a Poisson producer. States 0…K are the messages in the queue (K = consumers +
 * capacity); state K + 1 is "full, and the producer holds its next message, blocked". A departure from
 * K + 1 lets the held message in (back to K) and the producer draws its next gap afresh (memoryless), so
 * the chain is birth–death with births λ below K + 1 and deaths min(n, c)·μ.
 */
export function blockingQueue(q: BlockingQueue): { throughput: number; blockedFraction: number } {
  const top = q.consumers + q.capacity + 1;
  const births = Array.from({ length: top }, () => q.arrivalRate);
  const deaths = Array.from({ length: top }, (_, k) => Math.min(k + 1, q.consumers) * q.serviceRate);
  const pi = birthDeathStationary(births, deaths);
  const throughput = pi.reduce((sum, p, n) => sum + p * Math.min(n, q.consumers) * q.serviceRate, 0);
  return { throughput, blockedFraction: pi[top] };
}
