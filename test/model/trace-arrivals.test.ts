/** Trace replay in the model: exact times, speedup, loop, types through a direct exchange, memory, determinism. */
import { join } from 'node:path';
import { openSync, writeSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { workerPoolRunner } from '../../src/api/worker-pool.js';
import { RandomStream } from '../../src/engine/index.js';
import { TraceArrivals } from '../../src/model/trace-arrivals.js';
import { simulate } from '../../src/model/simulate.js';
import { toJson } from '../../src/report/json.js';
import { loadScenarioFile, type Scenario } from '../../src/scenario/index.js';
import type { TraceSpec } from '../../src/scenario/types.js';
import { liveHeapBytes } from '../helpers/collect-garbage.js';
import { expectConserved } from '../helpers/conservation.js';
import { replayScenario, traceScenario } from '../helpers/traces.js';

async function loadReplay(trace: string, files: Record<string, string>, extra = ''): Promise<Scenario> {
  const dir = traceScenario(replayScenario(trace, extra), files);
  return (await loadScenarioFile(join(dir, 'scenario.yaml'))).scenario;
}

/** The arrival times TraceArrivals gives, its clock following them, until Infinity or `limit` arrivals. */
function arrivalTimes(spec: TraceSpec, limit = 100, typeOf = (_: string) => 0): number[] {
  const clock = { now: 0 };
  const arrivals = new TraceArrivals(spec, clock, typeOf, new Map());
  const random = new RandomStream(1, 'unused');
  const times: number[] = [];
  while (times.length < limit) {
    const gap = arrivals.nextGap(random);
    if (gap === Infinity) break;
    expect(gap).toBeGreaterThanOrEqual(0);
    clock.now += gap;
    times.push(clock.now);
  }
  return times;
}

const MS = [0, 250, 250, 1000, 4000];
const csv = (ms: number[]) =>
  `timestamp\n${ms.map((t) => new Date(Date.UTC(2026, 0, 1) + t).toISOString()).join('\n')}\n`;

describe('TraceArrivals', () => {
  it('replays each record at its time after the first, equal timestamps together, then stops', async () => {
    const spec = (await loadReplay('{ file: t.csv }', { 't.csv': csv(MS) })).producers[0].trace as TraceSpec;
    const times = arrivalTimes(spec);
    expect(times).toHaveLength(MS.length);
    times.forEach((time, k) => expect(time).toBeCloseTo(MS[k] / 1000, 12));
  });

  it('speedup 2 halves every gap', async () => {
    const spec = (await loadReplay('{ file: t.csv, speedup: 2 }', { 't.csv': csv(MS) })).producers[0]
      .trace as TraceSpec;
    arrivalTimes(spec).forEach((time, k) => expect(time).toBeCloseTo(MS[k] / 2000, 12));
  });

  it('loop: each cycle starts one mean gap after the last record of the one before', async () => {
    const spec = (await loadReplay('{ file: t.csv, loop: true }', { 't.csv': csv(MS) })).producers[0]
      .trace as TraceSpec;
    const period = 4 + 4 / (MS.length - 1); // the span and one mean gap
    const times = arrivalTimes(spec, 3 * MS.length);
    expect(times).toHaveLength(15);
    times.forEach((time, i) =>
      expect(time).toBeCloseTo(Math.floor(i / MS.length) * period + MS[i % MS.length] / 1000, 9),
    );
  });

  it('start: sets the trace time of simulated 0; records before it are skipped, every cycle', async () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
    const late = (await loadReplay(`{ file: t.csv, start: '${at(500)}' }`, { 't.csv': csv(MS) })).producers[0]
      .trace as TraceSpec;
    expect(late.records).toBe(2);
    expect(arrivalTimes(late)).toEqual([0.5, 3.5]);
    const early = (
      await loadReplay(`{ file: t.csv, start: ${Date.UTC(2026, 0, 1) - 1000}, loop: true }`, {
        't.csv': csv(MS),
      })
    ).producers[0].trace as TraceSpec;
    // Span 5 s from the start over 5 records: a cycle is 5 s + one mean gap of 1.25 s.
    const times = arrivalTimes(early, 7);
    [1, 1.25, 1.25, 2, 5, 7.25, 7.5].forEach((expected, i) => expect(times[i]).toBeCloseTo(expected, 9));
  });

  it('a record whose time has passed (the producer was blocked) goes at once', async () => {
    const spec = (await loadReplay('{ file: t.csv }', { 't.csv': csv(MS) })).producers[0].trace as TraceSpec;
    const clock = { now: 0 };
    const arrivals = new TraceArrivals(spec, clock, () => 0, new Map());
    const random = new RandomStream(1, 'unused');
    expect(arrivals.nextGap(random)).toBe(0);
    clock.now = 2; // blocked until 2 s: the records at 0.25 s and 1 s are late
    expect(arrivals.nextGap(random)).toBe(0);
    expect(arrivals.nextGap(random)).toBe(0);
    expect(arrivals.nextGap(random)).toBe(0);
    expect(arrivals.nextGap(random)).toBeCloseTo(2, 12);
  });
});

describe('trace replay through the network', () => {
  it('every record arrives at the queue at its trace time: no waiting with 1 ms service and larger gaps', async () => {
    const scenario = await loadReplay('{ file: t.csv }', { 't.csv': csv(MS.filter((_, k) => k !== 2)) });
    const { result } = simulate(scenario);
    expect(result.flows.replay.published).toBe(4); // the record at time 0 included (no warm-up)
    expect(result.queues.q.arrivals).toBe(4);
    expect(result.queues.q.wait.max).toBe(0);
    expectConserved('q', result.queues.q);
  });

  it('types from the trace reach the queues a direct exchange binds them to; a record without one draws from types', async () => {
    const lines = ['timestamp,type'];
    for (let i = 0; i < 600; i++) lines.push(`${i * 100},${['a', 'b', 'a', ''][i % 4]}`);
    const text = `name: typed
seed: 3
duration: 61s
producers:
  - { name: replay, to: ex, types: { c: 1 }, trace: { file: t.csv } }
exchanges:
  - name: ex
    type: direct
    to: [{ queue: qa, types: [a] }, { queue: qb, types: [b] }, { queue: qc, types: [c] }]
queues:
  - { name: qa, consumers: 1, service: 1ms }
  - { name: qb, consumers: 1, service: 1ms }
  - { name: qc, consumers: 1, service: 1ms }
`;
    const dir = traceScenario(text, { 't.csv': `${lines.join('\n')}\n` });
    const { scenario, warnings } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    expect(warnings).toEqual([]);
    const { result } = simulate(scenario);
    expect(result.queues.qa.arrivals).toBe(300);
    expect(result.queues.qb.arrivals).toBe(150);
    expect(result.queues.qc.arrivals).toBe(150);
    for (const [name, queue] of Object.entries(result.queues)) expectConserved(name, queue);
  });

  it('replications replay the same trace: serial and worker-thread runs give byte-identical JSON', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${Math.round(i * 50 + 40 * Math.sin(i))}`);
    const base = await loadReplay('{ file: t.csv, loop: true, speedup: 1.5 }', {
      't.csv': `time\n${lines.join('\n')}\n`,
    });
    const scenario: Scenario = {
      ...base,
      queues: [{ ...base.queues[0], service: { kind: 'exponential', mean: 0.02 } }],
      durationSeconds: 120,
      statistics: {
        replications: 4,
        batches: null,
        precision: null,
        maxReplications: null,
        maxDurationSeconds: null,
        timeBudgetSeconds: null,
      },
    };
    const serial = toJson((await runStudy(scenario, { runner: serialRunner() })).result);
    const pool = workerPoolRunner(2);
    try {
      expect(toJson((await runStudy(scenario, { runner: pool })).result)).toBe(serial);
    } finally {
      await pool.close();
    }
    // The arrivals are the trace's in every replication: no spread in their count.
    const flow = JSON.parse(serial).flows.replay;
    expect(flow.ci95.published).toEqual([flow.published, flow.published]);
  });

  it('streams a 1,000,000-line trace: every record replayed, the reader holding one chunk at a time', async () => {
    const dir = traceScenario(replayScenario('{ file: big.csv }'), {});
    const path = join(dir, 'big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'timestamp\n');
    const block: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      block.push(String(1_700_000_000_000 + i * 2));
      if (block.length === 10_000) {
        writeSync(fd, `${block.join('\n')}\n`);
        block.length = 0;
      }
    }
    closeSync(fd);
    const { scenario } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    const trace = scenario.producers[0].trace as TraceSpec;
    expect(trace.records).toBe(1_000_000);

    const heapBefore = liveHeapBytes();
    const clock = { now: 0 };
    const arrivals = new TraceArrivals(trace, clock, () => 0, new Map());
    const random = new RandomStream(1, 'unused');
    let count = 0;
    for (let gap = arrivals.nextGap(random); gap !== Infinity; gap = arrivals.nextGap(random)) {
      clock.now += gap;
      count++;
    }
    expect(count).toBe(1_000_000);
    expect(clock.now).toBeCloseTo(1999.998, 6);
    // The memory bound that matters, deterministically: one 64 KiB chunk plus a partial line.
    const reader = (arrivals as unknown as { reader: { peakHeldChars: number } }).reader;
    expect(reader.peakHeldChars).toBeLessThanOrEqual(64 * 1024 + 20);
    // And the reader, still alive, holds nothing of the file (~14 MB of text, far more as strings).
    const held = liveHeapBytes() - heapBefore;
    expect(held).toBeLessThan(8 * 1024 * 1024);
    expect(arrivals.nextGap(random)).toBe(Infinity);

    const { result } = simulate({ ...scenario, durationSeconds: 2001 });
    expect(result.flows.replay.published).toBe(1_000_000);
    expectConserved('q', result.queues.q);
  }, 120_000);
});
