/**
 * Time-varying Poisson rates: counts in each piece of a schedule and in each hour of a daily profile
 * match the integral of the rate (Poisson: within the family's standard errors), quiet periods stay silent,
 * and a schedule with one constant rate gives exactly the same runs as the plain rate.
 */
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/index.js';
import { ScheduledArrivals } from '../../src/model/scheduled-arrivals.js';
import { simulate } from '../../src/model/simulate.js';
import { checkFamily, expectIdentical, expectPass } from '../helpers/statistical.js';
import {
  cumulativeArrivals,
  parseScenario,
  type RateSchedule,
  type ScenarioError,
} from '../../src/scenario/index.js';

/** Arrival times of `schedule` up to `end`, drawn by the producer's own strategy. */
function arrivalTimes(schedule: RateSchedule, end: number, seed: number): number[] {
  const clock = { now: 0 };
  const timer = new ScheduledArrivals(schedule, 1, clock);
  const random = new RandomStream(seed, 'schedule-test');
  const times: number[] = [];
  for (;;) {
    clock.now += timer.nextGap(random);
    if (!(clock.now <= end)) return times;
    times.push(clock.now);
  }
}

/** The Poisson counts below: 4 per piece + total, 19 per hour + total, 1 for the stopping schedule. */
const family = checkFamily('scheduled Poisson counts', 24);

/** Expects a Poisson count with this mean within the family's standard errors (√mean each). */
function expectPoisson(count: number, mean: number, what: string): void {
  expectPass(family.withinStandardErrors(count, mean, Math.sqrt(mean), { label: what }));
}

describe('scheduled Poisson arrivals (inversion of the cumulative rate)', () => {
  const schedule: RateSchedule = {
    kind: 'piecewise',
    breakpointsSeconds: [600, 1200, 1800],
    ratesPerSecond: [20, 0, 100, 5],
    periodSeconds: null,
  };

  it('counts per piece and in total match the integral of the rate; the quiet piece is silent', () => {
    const end = 3600;
    const times = arrivalTimes(schedule, end, 7);
    expect(cumulativeArrivals(schedule, end)).toBe(20 * 600 + 100 * 600 + 5 * 1800);
    expectPoisson(times.length, cumulativeArrivals(schedule, end), 'total');
    const edges = [0, 600, 1200, 1800, 3600];
    for (let i = 0; i < 4; i++) {
      const count = times.filter((t) => t > edges[i] && t <= edges[i + 1]).length;
      const mean = cumulativeArrivals(schedule, edges[i + 1]) - cumulativeArrivals(schedule, edges[i]);
      if (mean === 0) expect(count, 'arrivals in the quiet period').toBe(0);
      else expectPoisson(count, mean, `piece ${i}`);
    }
  });

  it('a daily profile repeats: each hour over three days matches its rate', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h < 6 ? 0 : h === 8 ? 3 : 0.5 + h / 24));
    const daily: RateSchedule = {
      kind: 'piecewise',
      breakpointsSeconds: hourly.slice(1).map((_, i) => (i + 1) * 3600),
      ratesPerSecond: hourly,
      periodSeconds: 86400,
    };
    const times = arrivalTimes(daily, 3 * 86400, 11);
    expectPoisson(times.length, 3 * 3600 * hourly.reduce((a, b) => a + b, 0), 'three days');
    for (let h = 0; h < 24; h++) {
      const count = times.filter((t) => Math.floor((t % 86400) / 3600) === h).length;
      if (hourly[h] === 0) expect(count, `hour ${h}`).toBe(0);
      else expectPoisson(count, 3 * 3600 * hourly[h], `hour ${h}`);
    }
  });

  it('a last rate of 0 ends the arrivals', () => {
    const stops: RateSchedule = { ...schedule, ratesPerSecond: [20, 0, 100, 0] };
    const times = arrivalTimes(stops, 1e6, 3);
    expect(times[times.length - 1]).toBeLessThanOrEqual(1800);
    expectPoisson(times.length, 20 * 600 + 100 * 600, 'total');
  });
});

describe('a schedule in a scenario', () => {
  const text = (rate: string, seed: number) => `
name: constant
seed: ${seed}
duration: 4h
warmup: 10m
producers:
  - name: p
    to: q
    rate: ${rate}
queues:
  - name: q
    consumers: 2
    service: { distribution: exponential, mean: 1s }
`;
  const waits = (rate: string) =>
    [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const { scenario } = parseScenario(text(rate, seed), 'test.yaml');
      const q = simulate(scenario).result.queues.q;
      return { wait: q.wait.mean as number, arrivals: q.arrivals };
    });
  it('one constant rate gives the same queue as the plain rate (M/M/2, rho 0.75)', () => {
    const plain = waits('1.5/s');
    const scheduled = waits('[{ rate: 1.5/s }]');
    // The schedule of one piece draws the same exponential gaps from the same stream: identical runs.
    expectIdentical(scheduled, plain, 'scheduled against plain');
    // Erlang C: M/M/2 with lambda 1.5, mu 1 waits 9/7 = 1.2857 s on average.
    const erlangC = checkFamily('constant schedule against Erlang C', 1);
    expectPass(
      erlangC.ciContains(
        scheduled.map((run) => run.wait),
        9 / 7,
        { label: 'mean wait' },
      ),
    );
  });

  it('normalises to a schedule and the exponential of its time-average rate', () => {
    const { scenario } = parseScenario(
      text('[{ until: 1h, rate: 1/s }, { until: 2h, rate: 0 }, { rate: 2/s }]', 1),
      'test.yaml',
    );
    const producer = scenario.producers[0];
    expect(producer.schedule).toEqual({
      kind: 'piecewise',
      breakpointsSeconds: [3600, 7200],
      ratesPerSecond: [1, 0, 2],
      periodSeconds: null,
    });
    // Over the 4 h 10 min (15000 s) run: 3600 + 0 + 2 * 7800 arrivals expected.
    expect(producer.interarrival).toEqual({ kind: 'exponential', mean: 15000 / (3600 + 2 * 7800) });
  });
});

describe('schedule validation', () => {
  const problems = (rate: string) => {
    try {
      parseScenario(
        `name: bad\nseed: 1\nduration: 1h\nproducers:\n  - name: p\n    to: q\n    rate: ${rate}\nqueues:\n  - name: q\n    consumers: 1\n    service: 1s\n`,
        'test.yaml',
      );
    } catch (error) {
      return (error as ScenarioError).problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    }
    throw new Error('accepted');
  };

  it('reports until values that do not increase, at the entry', () => {
    expect(problems('[{ until: 2h, rate: 1/s }, { until: 1h, rate: 2/s }, { rate: 0 }]')).toEqual([
      `7:47 producers[0].rate[1].until: producer 'p': schedule 'until' values must increase, got "1h" after "2h"`,
    ]);
  });

  it('reports a missing final entry and a middle entry without until', () => {
    expect(problems('[{ rate: 1/s }, { until: 1h, rate: 2/s }]')).toEqual([
      `7:12 producers[0].rate[0]: producer 'p': every schedule entry but the last needs 'until' (when this rate ends, e.g. 8h)`,
      `7:36 producers[0].rate[1].until: producer 'p': the last schedule entry must have no 'until' (its rate persists to the end); add a final { rate: ... }`,
    ]);
  });

  it('reports a schedule that is silent throughout and a daily profile without 24 rates', () => {
    expect(problems('[{ until: 1h, rate: 0 }, { rate: 0/s }]')).toEqual([
      `7:11 producers[0].rate: producer 'p': every rate is 0, so it would never publish`,
    ]);
    expect(problems('{ daily: [1, 2] }')).toEqual([
      `7:20 producers[0].rate.daily: expected 24 hourly rates in 'daily', got 2`,
    ]);
  });
});
