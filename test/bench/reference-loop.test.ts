import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  exponentialStream,
  readMmckScenario,
  simulateMmck,
  xor4096Doubles,
  type ReferenceResult,
} from '../../bench/reference-loop.mjs';
import { standardExponential } from '../../src/engine/distributions/exponential-ziggurat.js';
import { RandomStream } from '../../src/engine/random.js';
import { mmck, mmckStateProbabilities } from '../../src/analysis/closed-forms/mmck.js';
import { checkFamily, expectPass, meanAndStandardError } from '../helpers/statistical.js';

// bench/mm2-10.yaml's queue: λ = 25/s, mean service 100 ms, 2 consumers, 8 waiting places (K = 10).
const params = readMmckScenario(new URL('../../bench/mm2-10.yaml', import.meta.url).pathname);
const REPLICATIONS = 10;
const DURATION = 4_000; // s per replication: ≈ 100,000 arrivals each, ≈ 1 M in all
const runs: ReferenceResult[] = Array.from({ length: REPLICATIONS }, (_, seed) =>
  simulateMmck({ ...params, durationSeconds: DURATION, seed: seed + 1 }),
);
const theory = mmck({
  arrivalRate: params.arrivalRate,
  serviceRate: 1 / params.serviceMean,
  servers: params.servers,
  systemCapacity: params.servers + params.capacity,
});

/** P(Erlang(k, rate) ≤ t). */
function erlangCdf(k: number, rate: number, t: number): number {
  let term = Math.exp(-rate * t);
  let sum = term;
  for (let j = 1; j < k; j++) sum += term *= (rate * t) / j;
  return 1 - sum;
}

/**
 * Sojourn CDF of an accepted M/M/c/K message (c ≥ 2): one that finds n ≥ c present waits Erlang(n−c+1, cμ),
 * then serves Exp(μ); P(E + S ≤ t) = P(E ≤ t) − e^{−μt}(cμ/(cμ−μ))^k P(Erlang(k, cμ−μ) ≤ t).
 */
function sojournCdf(t: number): number {
  const { servers: c, capacity } = params;
  const mu = 1 / params.serviceMean;
  const p = mmckStateProbabilities({
    arrivalRate: params.arrivalRate,
    serviceRate: mu,
    servers: c,
    systemCapacity: c + capacity,
  });
  const accepted = 1 - p[c + capacity];
  let cdf = 0;
  for (let n = 0; n < c + capacity; n++) {
    const k = n - c + 1;
    const served =
      k <= 0
        ? 1 - Math.exp(-mu * t)
        : erlangCdf(k, c * mu, t) -
          Math.exp(-mu * t) * ((c * mu) / (c * mu - mu)) ** k * erlangCdf(k, c * mu - mu, t);
    cdf += (p[n] / accepted) * served;
  }
  return cdf;
}

/** The p-quantile of the sojourn time, by bisection of the CDF. */
function sojournQuantile(q: number): number {
  let low = 0;
  let high = 100 * params.serviceMean;
  for (let step = 0; step < 100; step++) {
    const mid = (low + high) / 2;
    if (sojournCdf(mid) < q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

describe('bench/reference-loop.mjs against M/M/c/K theory', () => {
  it('draws the same numbers as seedrandom xor4096 (the product RNG family)', () => {
    const product = seedrandom.xor4096('1/arrivals');
    const loop = xor4096Doubles('1/arrivals');
    for (let k = 0; k < 10_000; k++) expect(loop()).toBe(product.double());
  });

  it("draws the same exponentials as the product's ziggurat sampler", () => {
    const product = new RandomStream(1, 'service');
    const loop = exponentialStream('1/service');
    for (let k = 0; k < 20_000; k++) expect(loop()).toBe(standardExponential(product));
  });

  it('simulates about a million messages', () => {
    const arrivals = runs.reduce((sum, run) => sum + run.arrivals, 0);
    expect(arrivals).toBeGreaterThan(950_000);
    for (const run of runs) expect(run.accepted).toBe(run.arrivals - run.lost);
  });

  const cases: Array<[string, (run: ReferenceResult) => number, number, number]> = [
    ['loss rate = P_K', (run) => run.lossRate, theory.blockingProbability, 0],
    ['throughput = λ(1 − P_K)', (run) => run.throughput, theory.throughput, 0],
    ['mean sojourn = L / λ_eff (Little)', (run) => run.meanSojourn, theory.meanSojourn, 0],
    // The histogram knows a value to within 1/256 of itself: that bucket error adds to the sampling error.
    ['p99 sojourn', (run) => run.p99Sojourn, sojournQuantile(0.99), sojournQuantile(0.99) / 256],
  ];
  // Replication means are independent: Student-t intervals, the four checks sharing one family.
  const family = checkFamily('reference loop against M/M/c/K', cases.length);

  it.each(cases)('%s within its Student-t interval', (name, pick, expected, resolution) => {
    const values = runs.map(pick);
    const halfWidth = family.standardErrors(REPLICATIONS - 1) * meanAndStandardError(values).standardError;
    // Power: the interval is narrower than 3 % of the value (2.6 % for the loss rate at 1 M messages),
    // so a loop off by 3 % or more fails.
    expect(halfWidth).toBeLessThan(0.03 * expected);
    expectPass(family.ciContains(values, expected, { label: name, absoluteSlack: resolution }));
  });
});
