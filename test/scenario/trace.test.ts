import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyParameter } from '../../src/scenario/parameters.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { replayScenario, traceScenario } from '../helpers/traces.js';

const CSV =
  'timestamp,type\n2026-11-23T09:00:00Z,a\n2026-11-23T09:00:01Z,b\n2026-11-23T09:00:01Z,a\n2026-11-23T09:00:04Z,a\n';

describe('trace producers: loading', () => {
  it('normalise to an absolute path, the counts of the pre-pass, the mean rate and the observed mix', async () => {
    const dir = traceScenario(replayScenario('{ file: traces/t.csv, speedup: 2 }'), { 'traces/t.csv': CSV });
    const { scenario, warnings } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    // 4 s of trace at double speed in a 1-minute run: the producer falls silent after 2 s.
    expect(
      warnings.map((warning) => `${warning.line}:${warning.column} ${warning.path}: ${warning.message}`),
    ).toEqual([
      "7:12 producers[0].trace: producer 'replay': the trace ends 2 s into the run, which lasts 60 s (warm-up included); the producer publishes nothing after that — add loop: true to repeat the trace",
    ]);
    const producer = scenario.producers[0];
    expect(producer.trace).toEqual({
      path: join(dir, 'traces/t.csv'),
      format: 'csv',
      column: null,
      speedup: 2,
      loop: false,
      records: 4,
      firstMs: Date.UTC(2026, 10, 23, 9),
      spanSeconds: 4,
      typed: true,
      typeShares: [
        { type: 'a', probability: 0.75 },
        { type: 'b', probability: 0.25 },
      ],
      fallbackTypes: [],
    });
    // 3 gaps over 4 s, twice as fast: one arrival every 2/3 s.
    expect(producer.interarrival).toEqual({ kind: 'exponential', mean: 4 / 3 / 2 });
    expect(producer.types).toEqual(producer.trace?.typeShares);
  });

  it('records without a type draw from the producer types: the mix counts them at its shares', async () => {
    const trace = 'timestamp,type\n0,a\n1000,\n2000,\n3000,a\n';
    const text = replayScenario('{ file: t.csv }').replace(
      '    to: q\n',
      '    to: q\n    types: { b: 1, c: 1 }\n',
    );
    const dir = traceScenario(text, { 't.csv': trace });
    const { scenario } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    expect(scenario.producers[0].types).toEqual([
      { type: 'a', probability: 0.5 },
      { type: 'b', probability: 0.25 },
      { type: 'c', probability: 0.25 },
    ]);
    expect(scenario.producers[0].trace?.fallbackTypes).toHaveLength(2);
  });

  it('sweep multiples scale the speedup; a rate for a trace producer becomes its mean rate', async () => {
    const dir = traceScenario(replayScenario('{ file: t.ndjson, speedup: 2 }'), {
      't.ndjson': '{"timestamp": 0}\n{"timestamp": 1000}\n{"timestamp": 2000}\n',
    });
    const { scenario } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    const doubled = applyParameter(scenario, { path: 'load', unit: 'multiplier' }, 2);
    expect(doubled.producers[0].trace?.speedup).toBeCloseTo(4, 12);
    expect(doubled.producers[0].interarrival).toEqual({ kind: 'exponential', mean: 0.25 });
    const tenPerSecond = applyParameter(scenario, { path: 'producers.replay.rate', unit: 'perSecond' }, 10);
    expect(tenPerSecond.producers[0].trace?.speedup).toBeCloseTo(10, 12);
    expect(scenario.producers[0].trace?.speedup).toBe(2); // the original is untouched
  });
});

/** Runs `queuesim run` in the scenario's folder, as a user would: paths in messages are relative. */
async function runIn(dir: string) {
  return await runCliInProcess(['run', 'scenario.yaml', '--no-report'], { cwd: dir });
}

describe('trace producers: located errors, exit code 2', () => {
  it('a record out of order, at its line in the trace file', async () => {
    const trace = 'timestamp\n2026-11-23T09:00:00Z\n2026-11-23T09:00:05Z\n2026-11-23T09:00:03Z\n';
    const outcome = await runIn(
      traceScenario(replayScenario('{ file: traces/monday.csv }'), { 'traces/monday.csv': trace }),
    );
    expect(outcome.status).toBe(2);
    expect(outcome.stderr.trim()).toBe(
      "traces/monday.csv:4:1  error  timestamp '2026-11-23T09:00:03Z' is earlier than the previous one (2026-11-23T09:00:05Z); a trace must be in time order",
    );
  });

  it('an unparseable timestamp, at its cell', async () => {
    const outcome = await runIn(
      traceScenario(replayScenario('{ file: t.csv }'), { 't.csv': 'type,time\na,0\nb,noon\n' }),
    );
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("t.csv:3:3  error  timestamp 'noon' is neither ISO-8601");
    expect(outcome.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a type the scenario does not declare, with the nearest declared one', async () => {
    const declared = 'message-types:\n  order_placed: { priority: 1 }\n';
    const trace = 'timestamp,type\n0,order_placed\n1000,order_place\n2000,order_placed\n';
    const outcome = await runIn(
      traceScenario(replayScenario('{ file: t.csv }', declared), { 't.csv': trace }),
    );
    expect(outcome.status).toBe(2);
    expect(outcome.stderr.trim()).toBe(
      "t.csv:3:1  error  message type 'order_place' is not declared in the scenario's message-types; did you mean 'order_placed'?",
    );
  });

  it('a missing file, at trace.file in the scenario', async () => {
    const outcome = await runIn(traceScenario(replayScenario('{ file: traces/none.csv, speedup: 2 }'), {}));
    expect(outcome.status).toBe(2);
    expect(outcome.stderr.trim()).toBe(
      "scenario.yaml:7:20  error  producers[0].trace.file: cannot read trace 'traces/none.csv': no such file",
    );
  });

  it('an unknown extension, too few records, and trace with rate', async () => {
    const unknown = await runIn(traceScenario(replayScenario('{ file: t.txt }'), { 't.txt': '' }));
    expect(unknown.stderr).toContain("producers[0].trace.file: cannot tell the format of trace 't.txt'");
    const short = await runIn(traceScenario(replayScenario('{ file: t.csv }'), { 't.csv': 'time\n5\n' }));
    expect(short.stderr).toContain("trace 't.csv' has 1 record(s)");
    const both = await runIn(
      traceScenario(replayScenario('{ file: t.csv }').replace('    to: q\n', '    to: q\n    rate: 5/s\n'), {
        't.csv': 'time\n0\n1\n',
      }),
    );
    expect(both.status).toBe(2);
    expect(both.stderr).toContain(
      "producers[0].trace: producer 'replay' has both 'rate' and 'trace'; give exactly one",
    );
  });

  it('a start that is no timestamp, and a start after every record', async () => {
    const bad = await runIn(
      traceScenario(replayScenario("{ file: t.csv, start: 'monday' }"), { 't.csv': 'time\n0\n1\n' }),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'producers[0].trace.start: expected a timestamp, ISO-8601 like 2026-11-23T09:30:00Z or epoch milliseconds, got "monday"',
    );
    const after = await runIn(
      traceScenario(replayScenario('{ file: t.csv, start: 5000 }'), { 't.csv': 'time\n0\n1\n' }),
    );
    expect(after.stderr).toContain("trace 't.csv' has 0 record(s) from its start");
  });

  it('untyped records sent to a direct exchange', async () => {
    const text = `name: replay
duration: 1m
producers:
  - { name: replay, to: ex, trace: { file: t.csv } }
exchanges:
  - { name: ex, type: direct, to: [{ queue: q, types: [a] }] }
queues:
  - { name: q, consumers: 1, service: 1ms }
`;
    const outcome = await runIn(traceScenario(text, { 't.csv': 'time\n0\n1\n' }));
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain("its trace has no type column and it has no 'types'");
  });
});
