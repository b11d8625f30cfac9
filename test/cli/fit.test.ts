import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { distributionFromSpec } from '../../src/model/distribution-from-spec.js';
import { parseScenario, type DistributionSpec } from '../../src/scenario/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { checkFamily, expectPass, meanAndStandardError } from '../helpers/statistical.js';
import { scenarioText } from '../scenario/helpers.js';

const SAMPLE = 'scenarios/samples/service-times.csv';

/** Writes `text` to a fresh temporary samples file and returns its path. */
function samplesFile(text: string, name = 'samples.csv'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'queuesim-fit-')), name);
  writeFileSync(file, text);
  return file;
}

const tenToTwenty = Array.from({ length: 11 }, (_, i) => String(10 + i));

describe('queuesim fit', () => {
  // Two statistical checks: the fitted rate of the shipped timestamps, the arrivals of a pasted empirical line.
  const family = checkFamily('queuesim fit', 2);

  it('ranks the families for the shipped sample and prints a scenario line that parses to the best fit', async () => {
    const { status, stdout, stderr } = await runCliInProcess(['fit', SAMPLE, '--unit', 'ms']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(`fit 2,000 service times from ${SAMPLE}, column 'service_ms'`);
    expect(stdout).toMatch(/│ ★ │ lognormal/);
    expect(stdout).toMatch(/best: lognormal — p50 [\d.]+ms \(observed [\d.]+ms\)/);
    const line = /^ {2}(service: \{ distribution: lognormal, mean: [\d.]+ms, cv: [\d.]+ \})$/m.exec(stdout);
    expect(line).not.toBeNull();
    const { scenario } = parseScenario(scenarioText({ queue: `    ${line![1]}\n` }), 'pasted.yaml');
    expect(scenario.queues[0].service).toEqual({
      kind: 'lognormal',
      mean: expect.closeTo(0.0396, 4),
      cv: expect.closeTo(0.8, 1),
    });
  });

  it('prints JSON with the documented fields, and its yaml parses back to best', async () => {
    const { status, stdout } = await runCliInProcess([
      'fit',
      SAMPLE,
      '--column',
      'service_ms',
      '--unit',
      'ms',
      '--json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      n: number;
      summary: Record<string, number>;
      fits: Array<{
        distribution: string;
        parameters: Record<string, number>;
        logLikelihood: number;
        aic: number;
        deltaAic: number;
        ks: { d: number; pValue: number };
      }>;
      best: { distribution: string; spec: DistributionSpec };
      yaml: string;
      column: { name: string; number: number };
    };
    expect(result.n).toBe(2000);
    expect(Object.keys(result.summary)).toEqual([
      'n',
      'mean',
      'sd',
      'cv',
      'min',
      'max',
      'p50',
      'p95',
      'p99',
      'distinct',
      'lag1Autocorrelation',
      'seriallyCorrelated',
    ]);
    expect(result.summary.seriallyCorrelated).toBe(false);
    expect(result.column).toEqual({ name: 'service_ms', number: 2 });
    expect(result.fits.map((f) => f.distribution).sort()).toEqual([
      'erlang',
      'exponential',
      'gamma',
      'lognormal',
      'normal',
      'uniform',
      'weibull',
    ]);
    for (const fit of result.fits) {
      expect(fit).toMatchObject({
        parameters: expect.any(Object),
        logLikelihood: expect.any(Number),
        aic: expect.any(Number),
        deltaAic: expect.any(Number),
        ks: { d: expect.any(Number), pValue: expect.any(Number) },
      });
    }
    expect(result.fits[0]).toMatchObject({ distribution: 'lognormal', deltaAic: 0 });
    expect(result.best.distribution).toBe('lognormal');
    const { scenario } = parseScenario(scenarioText({ queue: `    ${result.yaml}\n` }), 'pasted.yaml');
    const parsed = scenario.queues[0].service as Extract<DistributionSpec, { kind: 'lognormal' }>;
    const best = result.best.spec as Extract<DistributionSpec, { kind: 'lognormal' }>;
    expect(parsed.kind).toBe('lognormal');
    expect(parsed.mean / best.mean).toBeCloseTo(1, 3);
    expect(parsed.cv / best.cv).toBeCloseTo(1, 3);
  });

  it('fits the intervals between timestamps and writes an exponential as the producer rate', async () => {
    const { status, stdout } = await runCliInProcess(['fit', SAMPLE, '--timestamps', '--json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      n: number;
      kind: string;
      best: { distribution: string };
      yaml: string;
    };
    expect(result).toMatchObject({ n: 1999, kind: 'interarrival', best: { distribution: 'exponential' } });
    // Generated at 40/s: the fitted rate n/Σ intervals of 1 999 intervals has standard error 40/√1999 (2.2 %).
    const rate = Number(/^rate: ([\d.]+)\/s$/.exec(result.yaml)?.[1]);
    expectPass(family.withinStandardErrors(rate, 40, 40 / Math.sqrt(1999), { label: 'fitted rate' }));
    const { scenario } = parseScenario(scenarioText({ producer: `    ${result.yaml}\n` }), 'pasted.yaml');
    expect(scenario.producers[0].interarrival).toEqual({
      kind: 'exponential',
      mean: expect.closeTo(1 / rate, 9),
    });
  });

  it('fits epoch-millisecond timestamps written to the microsecond as rounded, and says so', async () => {
    // Bursty gaps (gamma, mean 18.9 ms, cv 2.05) written as epoch ms with three decimals: many gaps of 0.
    const gaps = distributionFromSpec({ kind: 'gamma', mean: 0.0189, cv: 2.05 });
    const random = new RandomStream(11, 'fit/cli-gamma');
    let microseconds = 0;
    const stamps = Array.from({ length: 2001 }, () => {
      microseconds += Math.round(gaps.sample(random) * 1e6);
      const ms = 1_800_000_000_000 + Math.floor(microseconds / 1000);
      return `${ms}.${String(microseconds % 1000).padStart(3, '0')}`;
    });
    const { status, stdout } = await runCliInProcess([
      'fit',
      samplesFile(stamps.join('\n')),
      '--timestamps',
      '--json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      resolution: number | null;
      familyFits: boolean;
      best: { distribution: string };
      yaml: string;
    };
    expect(result).toMatchObject({ resolution: 1e-6, familyFits: true, best: { distribution: 'gamma' } });
    expect(result.yaml).toMatch(/^interarrival: \{ distribution: gamma, mean: [\d.]+ms, cv: [\d.]+ \}$/);
  });

  it('offers the sample as an empirical line when no family fits; pasted, it runs at the sample mean', async () => {
    // Two modes (62 % around 20 ms, 38 % around 120 ms), written in ms with three decimals.
    const fast = distributionFromSpec({ kind: 'lognormal', mean: 0.02, cv: 0.5 });
    const slow = distributionFromSpec({ kind: 'lognormal', mean: 0.12, cv: 1 });
    const random = new RandomStream(12, 'fit/cli-mixture');
    const values = Array.from({ length: 2000 }, () =>
      ((random.next() < 0.62 ? fast : slow).sample(random) * 1e3).toFixed(3),
    );
    const file = samplesFile(values.join('\n'));
    const { status, stdout } = await runCliInProcess([
      'fit',
      file,
      '--unit',
      'ms',
      '--kind',
      'interarrival',
      '--json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      familyFits: boolean;
      passPValue: number;
      summary: { mean: number; cv: number };
      empirical: { kind: string; values: number[] };
      yaml: string;
      bestFamilyYaml: string;
    };
    expect(result.familyFits).toBe(false);
    expect(result.passPValue).toBe(0.05);
    expect(result.empirical.values).toHaveLength(200);
    expect(result.yaml).toMatch(/^interarrival: \{ distribution: empirical, values: \[[\d.]+ms, /);
    expect(result.bestFamilyYaml).toMatch(/^interarrival: \{ distribution: \w+, /);

    // The line validates, and a run of 20 min from it arrives at 1/mean of the pasted values: the count of a
    // renewal process has mean t/μ (± one interval at the edges) and sd √(t/μ)·cv (≈ 1.2 % here).
    const durationSeconds = 1200;
    const scenario = scenarioText({ producer: `    ${result.yaml}\n`, queue: '    service: 1ms\n' }).replace(
      'duration: 1m',
      `duration: ${durationSeconds}s`,
    );
    const parsed = parseScenario(scenario, 'pasted.yaml');
    const pasted = parsed.scenario.producers[0].interarrival;
    expect(pasted?.kind).toBe('empirical');
    expect(parsed.scenario.warmupSeconds).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-fit-run-'));
    writeFileSync(join(dir, 'pasted.yaml'), scenario);
    const run = await runCliInProcess(['run', 'pasted.yaml', '--json'], { cwd: dir });
    expect(run.status).toBe(0);
    const arrivals = (JSON.parse(run.stdout) as { queues: { q: { arrivals: number } } }).queues.q.arrivals;
    // The empirical law draws each pasted value with probability 1/200: its mean and population cv are exact.
    const pastedValues = (pasted as { values: number[] }).values;
    const { mean: interval, standardError } = meanAndStandardError(pastedValues);
    const cv = (standardError * Math.sqrt(pastedValues.length - 1)) / interval;
    const expected = durationSeconds / interval;
    expectPass(
      family.withinStandardErrors(arrivals, expected, Math.sqrt(expected) * cv, {
        label: 'arrivals from the pasted empirical line',
        absoluteSlack: 1,
      }),
    );
    // The pasted values' mean is the sample's, to their 4-digit rounding and the 200-quantile summary.
    expect(interval / result.summary.mean).toBeCloseTo(1, 2);
  });

  it('reports a bad row as file:line:column with exit 2 and no stack trace', async () => {
    const file = samplesFile(
      ['# latencies', 'host,latency', ...tenToTwenty.map((v) => `a,${v}ms`), 'b,12xs'].join('\n'),
    );
    const { status, stdout, stderr } = await runCliInProcess(['fit', file, '--column', 'latency']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${file}:14:3  error  column 'latency': expected a duration (a number of seconds, or with a unit such as 25ms), got "12xs"\n`,
    );
  });

  it('refuses negative values, too few values, a missing file and contradictory flags with exit 2', async () => {
    const negative = await runCliInProcess(['fit', samplesFile(['1', '-2', ...tenToTwenty].join('\n'))]);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toMatch(/:2:1 {2}error {2}negative duration -2: .*cannot be negative/);

    const few = await runCliInProcess(['fit', samplesFile('1\n2\n3\n')]);
    expect(few.status).toBe(2);
    expect(few.stderr).toMatch(/samples\.csv {2}error {2}only 3 values; a fit needs at least 10/);

    const missing = await runCliInProcess(['fit', 'no-such-file.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('no-such-file.csv  error  cannot read the samples file: no such file\n');

    const contradictory = await runCliInProcess(['fit', SAMPLE, '--timestamps', '--kind', 'service']);
    expect(contradictory.status).toBe(2);
    expect(contradictory.stderr).toMatch(/--kind: --timestamps gives inter-arrival times/);

    const badUnit = await runCliInProcess(['fit', SAMPLE, '--unit', 'fortnights']);
    expect(badUnit.status).toBe(2);
    expect(badUnit.stderr).toMatch(/Invalid values:[\s\S]*unit/);
  });

  it('warns when consecutive intervals are correlated (bursts), since the simulator draws them independently', async () => {
    // Alternating quiet and busy stretches of 20 events: short intervals follow short ones.
    let t = 0;
    const stamps = Array.from(
      { length: 400 },
      (_, i) => (t += Math.floor(i / 20) % 2 === 0 ? 100 + (i % 7) : 5 + (i % 3)),
    );
    const { status, stdout } = await runCliInProcess(['fit', samplesFile(stamps.join('\n')), '--timestamps']);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /consecutive values are correlated \(lag-1 autocorrelation 0\.\d\d;[^)]*\): .*on-off/,
    );
  });

  it('writes a column of intervals with --kind interarrival as the producer line, noting rounded values', async () => {
    // Gamma-like intervals (sums of two exponential phases) rounded to whole milliseconds.
    const random = new RandomStream(5, 'intervals');
    const intervals = Array.from({ length: 600 }, () =>
      Math.round(-10 * Math.log(random.nextOpen() * random.nextOpen())).toString(),
    );
    const { status, stdout } = await runCliInProcess([
      'fit',
      samplesFile(intervals.join('\n')),
      '--unit',
      'ms',
      '--kind',
      'interarrival',
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^ {2}interarrival: \{ distribution: (gamma|erlang|weibull|lognormal), /m);
    // Whole milliseconds with values of 1–2 ms: fitted as rounded, which the note says.
    expect(stdout).toMatch(/treated as rounded to 1ms \(each value stands for the interval around it/);
  });

  it('answers a constant when every value is equal', async () => {
    const { status, stdout } = await runCliInProcess([
      'fit',
      samplesFile(Array<string>(12).fill('25ms').join('\n')),
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('  service: 25ms\n');
  });
});
