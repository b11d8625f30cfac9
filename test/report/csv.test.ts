import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/run-result.js';
import { latencyCsv, routesCsv, timeSeriesCsv } from '../../src/report/csv.js';
import { reportInputFor, threeQueues } from '../helpers/report-input.js';
import { TWO_ROUTES_YAML, runYaml } from '../helpers/routes-example.js';

const { result } = reportInputFor(threeQueues);

function parse(csv: string): string[][] {
  expect(csv.endsWith('\n')).toBe(true);
  return csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

describe('CSV exports', () => {
  it('writes the time series in long form: one row per queue and bin', () => {
    const [header, ...rows] = parse(timeSeriesCsv(result));
    expect(header).toEqual([
      'queue',
      'time_s',
      'interval_s',
      'depth',
      'arrivals_per_s',
      'completions_per_s',
      'drops_per_s',
      'busy_consumers',
      'consumers',
      'lost_per_s',
    ]);
    expect(rows).toHaveLength(3 * 500);
    const orders = rows.filter((row) => row[0] === 'orders');
    expect(orders.map((row) => Number(row[1]))).toEqual(result.timeseries!.time);
    expect(orders.map((row) => Number(row[4]))).toEqual(result.timeseries!.queues.orders.arrivalsPerSecond);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['1.2']));
  });

  it('writes each latency distribution with counts, shares and a cumulative share reaching 1', () => {
    const [header, ...rows] = parse(latencyCsv(result));
    expect(header).toEqual([
      'queue',
      'latency',
      'lower_s',
      'upper_s',
      'count',
      'fraction',
      'cumulative_fraction',
    ]);
    for (const queue of ['orders', 'payments']) {
      for (const kind of ['wait', 'sojourn']) {
        const part = rows.filter((row) => row[0] === queue && row[1] === kind);
        expect(part.length).toBeGreaterThan(10);
        expect(Number(part[part.length - 1][6])).toBeCloseTo(1, 12);
        const counted = part.reduce((sum, row) => sum + Number(row[4]), 0);
        const q = result.queues[queue];
        const expected =
          kind === 'sojourn' ? q.completed : q.completed + q.inServiceAtEnd - q.inServiceAtStart;
        expect(counted).toBe(expected);
      }
    }
    expect(rows.some((row) => row[0] === 'archive')).toBe(false); // nothing started or completed
  });

  it('quotes fields that need it and leaves missing series empty', () => {
    const odd: RunResult = {
      ...result,
      timeseries: {
        intervalSeconds: 1,
        time: [0],
        queues: {
          'a,"b"': {
            depth: [1],
            arrivalsPerSecond: [2],
            completionsPerSecond: [NaN],
            dropsPerSecond: [0],
            busyConsumers: [0.5],
            consumers: [1],
            lostPerSecond: [3],
          },
        },
      },
    };
    expect(timeSeriesCsv(odd).split('\n')[1]).toBe('"a,""b""",0,1,1,2,,0,0.5,1,3');
    expect(
      timeSeriesCsv({ ...result, timeseries: undefined })
        .trimEnd()
        .split('\n'),
    ).toHaveLength(1);
  });
});

describe('routes.csv', () => {
  const run = runYaml;

  it('writes one row per route with its path, completions and end-to-end percentiles', () => {
    const result = run(TWO_ROUTES_YAML);
    const [header, ...rows] = parse(routesCsv(result));
    expect(header.slice(0, 9)).toEqual([
      'route',
      'producer',
      'path',
      'completed',
      'mean_s',
      'p50_s',
      'p95_s',
      'p99_s',
      'max_s',
    ]);
    expect(header).toContain('p99_low_s');
    expect(rows.map((row) => row.slice(1, 3))).toEqual([
      ['web', 'a'],
      ['web', 'a > b'],
    ]);
    const completed = rows.map((row) => Number(row[3]));
    // 5/s for 300 s, a quarter of them on to b.
    expect(completed[0] + completed[1]).toBeGreaterThan(1400);
    expect(completed[1] / (completed[0] + completed[1])).toBeCloseTo(0.25, 1);
    // Constant service, hardly any waiting: the median is the service time (histogram buckets of ~9 %).
    expect(Number(rows[0][5])).toBeCloseTo(0.01, 2);
    expect(Math.abs(Number(rows[1][5]) / 0.03 - 1)).toBeLessThan(0.1);
    // A single run: no intervals.
    expect(rows[0].slice(9).every((field) => field === '')).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(Object.values(result.routes ?? {}).map((route) => route.id));
  });

  it('is only the header without `then` routes', () => {
    const result = run(`name: r
seed: 2
duration: 10
producers: [{ name: web, to: a, rate: 5 }]
queues: [{ name: a, service: { distribution: constant, value: 0.01 } }]
`);
    expect(routesCsv(result).trimEnd().split('\n')).toHaveLength(1);
  });
});
