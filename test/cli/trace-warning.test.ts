/**
 * The warning that a trace ends before the run uses the run's actual settings (issue 18, item 11): the
 * file's `duration: 1m` is overridden by `--duration`, and a sweep's rate multiple replays the trace faster.
 * The trace spans 4 s of records.
 */
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { replayScenario, traceScenario } from '../helpers/traces.js';

const CSV =
  'timestamp\n2026-11-23T09:00:00Z\n2026-11-23T09:00:01Z\n2026-11-23T09:00:03Z\n2026-11-23T09:00:04Z\n';
const dir = traceScenario(replayScenario('{ file: t.csv }'), { 't.csv': CSV });
const warnings = (stderr: string) => stderr.split('\n').filter((line) => line.includes('the trace ends'));

describe('trace coverage warning', () => {
  it('quotes the run length --duration sets, not the file’s', async () => {
    const longer = await runCliInProcess(
      ['run', 'scenario.yaml', '--no-report', '--duration', '10m', '--json'],
      {
        cwd: dir,
      },
    );
    expect(longer.status).toBe(0);
    expect(warnings(longer.stderr)).toEqual([
      "scenario.yaml:7:12  warning  producers[0].trace: producer 'replay': the trace ends 4 s into the run, which lasts 600 s (warm-up included); the producer publishes nothing after that — add loop: true to repeat the trace",
    ]);
    // A 4 s run is covered by the 4 s trace: no warning, though the file's 1 m would raise one.
    const covered = await runCliInProcess(
      ['run', 'scenario.yaml', '--no-report', '--duration', '4s', '--json'],
      {
        cwd: dir,
      },
    );
    expect(covered.status).toBe(0);
    expect(warnings(covered.stderr)).toEqual([]);
  });

  it('sweep warns at the points whose settings change the figure', async () => {
    const sweep = await runCliInProcess(
      [
        'sweep',
        'scenario.yaml',
        '--no-report',
        '--duration',
        '4s',
        '--vary',
        'producers.replay.rate=x1,x2',
        '--json',
      ],
      { cwd: dir },
    );
    expect(sweep.status).toBe(0);
    const lines = warnings(sweep.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^at producers\.replay\.rate = 2: scenario\.yaml {2}warning {2}producers\[0\]\.trace: /,
    );
    expect(lines[0]).toContain('the trace ends 2 s into the run, which lasts 4 s');
  });
});
