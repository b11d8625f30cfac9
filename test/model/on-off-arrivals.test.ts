/**
 * Bursty arrivals: an on/off source's long-run rate and index of dispersion of counts match the MMPP-2
 * formulas, and batches bring their mean size per arrival.
 */
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/index.js';
import { OnOffArrivals } from '../../src/model/on-off-arrivals.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario, type OnOffSpec } from '../../src/scenario/index.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

/** The four count checks of this file (normal approximation to the counts and their variance). */
const family = checkFamily('on-off and batch counts', 4);

describe('on/off source (MMPP-2)', () => {
  const spec: OnOffSpec = { onSeconds: 2, offSeconds: 8, rateOnPerSecond: 50, rateOffPerSecond: 5 };
  const window = 200;
  const windows = 2000;
  const clock = { now: 0 };
  const timer = new OnOffArrivals(spec, clock);
  const random = new RandomStream(5, 'on-off-test');
  const counts = new Float64Array(windows);
  for (;;) {
    clock.now += timer.nextGap(random);
    const w = Math.floor(clock.now / window);
    if (w >= windows) break;
    counts[w]++;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const mean = total / windows;
  const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (windows - 1);
  // Switching rates r1 = 1/on, r2 = 1/off, a = r1 + r2; mean rate λ̄ = (λ1 r2 + λ2 r1)/a; index of dispersion
  // of counts I(∞) = 1 + 2 (λ1 − λ2)² r1 r2 / (a³ λ̄), and in a window T: 1 + (I(∞) − 1)(1 − (1 − e^{−aT})/(aT))
  // (Fischer & Meier-Hellstern 1993, the MMPP-2 cookbook).
  const r1 = 1 / spec.onSeconds;
  const r2 = 1 / spec.offSeconds;
  const a = r1 + r2;
  const rate = (spec.rateOnPerSecond * r2 + spec.rateOffPerSecond * r1) / a;
  const limit = 1 + (2 * (spec.rateOnPerSecond - spec.rateOffPerSecond) ** 2 * r1 * r2) / (a ** 3 * rate);
  const idc = 1 + (limit - 1) * (1 - (1 - Math.exp(-a * window)) / (a * window));

  it("long-run rate = (rate_on·on + rate_off·off) / (on + off), within the count's standard errors", () => {
    expect(rate).toBeCloseTo((50 * 2 + 5 * 8) / 10, 12);
    const expected = rate * window * windows;
    expectPass(
      family.withinStandardErrors(total, expected, Math.sqrt(idc * expected), { label: 'on-off total' }),
    );
  });

  it('index of dispersion of counts in long windows matches the MMPP formula, far above 1', () => {
    expect(idc).toBeGreaterThan(50);
    expect(variance / mean).toBeGreaterThan(50);
    // Windows of 200 s against a correlation time 1/a = 1.6 s: nearly independent counts, whose sample
    // variance has standard error √((m4 − s⁴)/n); the truth is I(T)·λ̄T.
    expectPass(family.varianceMatches(counts, idc * rate * window, 'counts per window'));
  });
});

describe('batch arrivals and on-off in a scenario', () => {
  const run = (producer: string) => {
    const { scenario } = parseScenario(
      `name: b\nseed: 3\nduration: 1h\nwarmup: 0s\nproducers:\n  - name: p\n    to: q\n${producer}\nqueues:\n  - name: q\n`,
      'test.yaml',
    );
    return { scenario, arrivals: simulate(scenario).result.queues.q.arrivals };
  };

  it('each arrival brings a batch: messages = events × mean batch size', () => {
    const { scenario, arrivals } = run(
      '    rate: 10/s\n    batch: { distribution: uniform, min: 1, max: 20 }',
    );
    // Round(U[1, 20]) has mean 10.5 and E[B²] = 10.5² + 19²/12 (nearly); Var(total) = λT E[B²].
    const events = 10 * 3600;
    expectPass(
      family.withinStandardErrors(arrivals, events * 10.5, Math.sqrt(events * (10.5 ** 2 + 361 / 12)), {
        label: 'batched messages',
      }),
    );
    expect(scenario.producers[0].batch).toEqual({ kind: 'uniform', min: 1, max: 20 });
  });

  it('a constant batch multiplies the count exactly in expectation', () => {
    const { arrivals } = run('    rate: 2/s\n    batch: 5');
    expect(arrivals % 5).toBe(0);
    expectPass(family.withinStandardErrors(arrivals / 5, 7200, Math.sqrt(7200), { label: 'batches of 5' }));
  });

  it('an on-off producer normalises with its long-run rate', () => {
    const { scenario, arrivals } = run(
      '    arrival: { process: on-off, on: 2m, off: 28m, rate-on: 1500/s, rate-off: 0 }',
    );
    expect(scenario.producers[0].onOff).toEqual({
      onSeconds: 120,
      offSeconds: 1680,
      rateOnPerSecond: 1500,
      rateOffPerSecond: 0,
    });
    expect(scenario.producers[0].interarrival).toEqual({ kind: 'exponential', mean: 1800 / (1500 * 120) });
    expect(arrivals).toBeGreaterThanOrEqual(0);
  });
});
