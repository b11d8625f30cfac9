import { describe, expect, it } from 'vitest';
import { readSamples, type ReadSamplesOptions } from '../../../src/analysis/fit/read-samples.js';
import { parseIsoSeconds } from '../../../src/analysis/fit/timestamps.js';
import { splitFields } from '../../../src/analysis/fit/csv-fields.js';
import { ScenarioError, type ScenarioProblem } from '../../../src/scenario/index.js';

const plain: ReadSamplesOptions = { timestamps: false };
const tenValues = (format: (i: number) => string) => Array.from({ length: 10 }, (_, i) => format(i + 1));

function problemsOf(text: string, options: ReadSamplesOptions = plain): ScenarioProblem[] {
  try {
    readSamples(text, 'obs.csv', options);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the samples to be rejected');
}

describe('readSamples: layout', () => {
  it('reads one value per line in seconds, skipping blank lines and # comments', () => {
    const text = ['# service times', '', ...tenValues((i) => `${i / 100}`), '   ', '# end'].join('\n');
    const samples = readSamples(text, 'obs.txt', plain);
    expect(samples.values).toEqual(tenValues((i) => `${i / 100}`).map(Number));
    expect(samples.column).toEqual({ name: null, number: 1 });
  });

  it('detects a header, takes the first numeric column by default, and a column by name or number', () => {
    const text = ['host,service_ms,queue_ms', ...tenValues((i) => `web-${i},${i},${2 * i}`)].join('\r\n');
    const byDefault = readSamples(text, 'obs.csv', { ...plain, unit: 'ms' });
    expect(byDefault.column).toEqual({ name: 'service_ms', number: 2 });
    expect(byDefault.values[9]).toBeCloseTo(0.01, 15);
    expect(readSamples(text, 'obs.csv', { ...plain, unit: 'ms', column: 'queue_ms' }).values[9]).toBeCloseTo(
      0.02,
      15,
    );
    expect(readSamples(text, 'obs.csv', { ...plain, unit: 'ms', column: 'QUEUE_MS' }).column.name).toBe(
      'queue_ms',
    );
    expect(readSamples(text, 'obs.csv', { ...plain, unit: 'ms', column: '3' }).values[0]).toBeCloseTo(
      0.002,
      15,
    );
  });

  it('says when a column name suggests milliseconds but values are read as seconds', () => {
    const text = ['service_ms', ...tenValues(String)].join('\n');
    expect(readSamples(text, 'obs.csv', plain).notes[0]).toMatch(
      /'service_ms' looks like it holds milliseconds.*--unit ms/,
    );
    expect(readSamples(text, 'obs.csv', { ...plain, unit: 'ms' }).notes).toEqual([]);
  });

  it('accepts tabs, semicolons, quoted fields and a byte-order mark', () => {
    expect(readSamples('\uFEFFa\tb\n' + tenValues((i) => `x\t${i}`).join('\n'), 'f', plain).values[2]).toBe(
      3,
    );
    expect(readSamples(tenValues((i) => `"a;b";${i}`).join('\n'), 'f', plain).values[4]).toBe(5);
    expect(splitFields('"x,""y""", 2 ,', ',')).toEqual([
      { text: 'x,"y"', column: 1 },
      { text: '2', column: 12 },
      { text: '', column: 15 },
    ]);
  });

  it('reads durations with unit suffixes whatever --unit says, and plain numbers in --unit', () => {
    const text = ['250us', '1.5ms', '2 ms', '0.5s', '1m', ...tenValues(String)].join('\n');
    const values = readSamples(text, 'f', { ...plain, unit: 'ms' }).values;
    expect(values.slice(0, 6)).toEqual([0.00025, 0.0015, 0.002, 0.5, 60, 0.001]);
    expect(readSamples(tenValues(String).join('\n'), 'f', { ...plain, unit: 'us' }).values[1]).toBeCloseTo(
      2e-6,
      20,
    );
    expect(readSamples(tenValues(String).join('\n'), 'f', { ...plain, unit: 'm' }).values[1]).toBe(120);
  });

  it('allows zeros (the families that cannot take them say so when fitting)', () => {
    expect(readSamples(['0', ...tenValues(String)].join('\n'), 'f', plain).values[0]).toBe(0);
  });
});

describe('readSamples: timestamps', () => {
  it('fits the intervals between ISO-8601 timestamps, keeping sub-millisecond digits', () => {
    const times = Array.from(
      { length: 12 },
      (_, i) => `2026-11-27T05:00:${String(i).padStart(2, '0')}.000250Z`,
    );
    times[3] = '2026-11-27 05:00:03.5+00:00';
    const samples = readSamples(['time,id', ...times.map((t, i) => `${t},${i}`)].join('\n'), 'f', {
      timestamps: true,
    });
    expect(samples.values).toHaveLength(11);
    expect(samples.values[2]).toBeCloseTo(1.49975, 9);
    expect(samples.values[3]).toBeCloseTo(0.50025, 9);
  });

  it('prefers an ISO column over a numeric id column, and reads numeric timestamps as epoch milliseconds', () => {
    const iso = tenValues((i) => `${i},2026-01-01T00:00:${String(2 * i).padStart(2, '0')}Z`);
    expect(
      readSamples(['0,2026-01-01T00:00:00Z', ...iso].join('\n'), 'f', { timestamps: true }).values[0],
    ).toBe(2);
    const epoch = ['1764219600000', ...tenValues((i) => String(1764219600000 + 250 * i))];
    expect(readSamples(epoch.join('\n'), 'f', { timestamps: true }).values[0]).toBe(0.25);
    expect(readSamples(epoch.join('\n'), 'f', { timestamps: true, unit: 's' }).values[0]).toBe(250);
  });

  it('keeps the microseconds of epoch-millisecond timestamps written with three decimals', () => {
    // As one double, 1800000000001.104 ms is off by up to 0.12 µs: the 1 µs grid of the log would be lost.
    const stamps = Array.from(
      { length: 12 },
      (_, i) => `1800000000${String(1 + 3 * i).padStart(3, '0')}.${String(104 + 7 * i)}`,
    );
    const { values } = readSamples(stamps.join('\n'), 'f', { timestamps: true });
    for (const gap of values) expect(Math.abs(gap - 0.003007)).toBeLessThan(1e-12);
  });

  it('sorts timestamps that are out of order and says how many were', () => {
    const epoch = ['0', '2000', '1000', ...tenValues((i) => String(2000 + 1000 * i))];
    const samples = readSamples(epoch.join('\n'), 'f', { timestamps: true });
    expect(samples.values.slice(0, 2)).toEqual([1, 1]);
    expect(samples.notes).toEqual([expect.stringMatching(/^1 timestamp was earlier than the one before/)]);
  });

  it('parses offsets, a missing zone as UTC, and rejects what is not a date-time', () => {
    expect(parseIsoSeconds('2026-11-27T06:00:00+01:00')).toBe(parseIsoSeconds('2026-11-27T05:00:00Z'));
    expect(parseIsoSeconds('2026-11-27T05:00:00')).toBe(Date.UTC(2026, 10, 27, 5) / 1000);
    expect(parseIsoSeconds('2026-11-27T05:00:00+0100')).toBe(Date.UTC(2026, 10, 27, 4) / 1000);
    expect(parseIsoSeconds('yesterday')).toBeUndefined();
    expect(parseIsoSeconds('2026-13-45T05:00:00Z')).toBeUndefined();
  });
});

describe('readSamples: located errors', () => {
  it('names file, line and column of each bad value and says what was expected', () => {
    const text = ['id,service', ...tenValues((i) => `${i},${i}ms`)].join('\n').replace('4,4ms', '4,fast');
    expect(problemsOf(text, { ...plain, column: 'service' })).toEqual([
      {
        file: 'obs.csv',
        line: 5,
        column: 3,
        path: '',
        severity: 'error',
        message: `column 'service': expected a duration (a number of seconds, or with a unit such as 25ms), got "fast"`,
      },
    ]);
  });

  it('rejects negative durations, explaining that 0 is allowed', () => {
    const [problem] = problemsOf(['0.1', '-0.2', ...tenValues(String)].join('\n'));
    expect(problem).toMatchObject({ line: 2, column: 1 });
    expect(problem.message).toMatch(/^negative duration -0.2: .*cannot be negative \(0 is allowed/);
    expect(problemsOf(['-3ms', ...tenValues(String)].join('\n'))[0].message).toMatch(
      /^negative duration -3ms/,
    );
  });

  it('reports missing cells, empty cells and stops listing after 20 bad rows', () => {
    const text = ['a,b', ...tenValues((i) => `${i},${i}`), '11', '12,'].join('\n');
    expect(problemsOf(text, { ...plain, column: 'b' }).map((p) => [p.line, p.column, p.message])).toEqual([
      [12, 1, "this row has 1 column; column 'b' is missing"],
      [13, 4, "empty value in column 'b'"],
    ]);
    const bad = problemsOf(['1', ...Array<string>(30).fill('x')].join('\n'));
    expect(bad).toHaveLength(21);
    expect(bad[20].message).toBe('… and 10 more rows like these');
  });

  it('rejects unknown column names with a suggestion, names without a header, and numbers out of range', () => {
    const text = ['host,latency', ...tenValues((i) => `h,${i}`)].join('\n');
    expect(problemsOf(text, { ...plain, column: 'latncy' })[0].message).toBe(
      "no column named 'latncy' (did you mean 'latency'?); the header has 'host', 'latency'",
    );
    expect(problemsOf(text, { ...plain, column: '3' })[0].message).toMatch(/the file has 2 columns/);
    expect(problemsOf(tenValues(String).join('\n'), { ...plain, column: 'latency' })[0].message).toMatch(
      /no header row/,
    );
  });

  it('needs at least 10 values (intervals, with timestamps)', () => {
    expect(problemsOf('1\n2\n3')[0]).toMatchObject({
      line: 0,
      message: expect.stringMatching(/^only 3 values; a fit needs at least 10/),
    });
    expect(problemsOf(tenValues(String).join('\n'), { timestamps: true })[0].message).toMatch(
      /^only 9 intervals \(from 10 timestamps\)/,
    );
    expect(problemsOf('# nothing\n\n')[0].message).toMatch(/holds no values/);
  });
});
