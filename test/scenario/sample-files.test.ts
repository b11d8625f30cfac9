/** Empirical samples read from a file: `{ distribution: empirical, file: samples.csv }` (issue 12). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/index.js';
import { problemAt, problemsOf, scenarioText } from './helpers.js';

let dir: string;
/** The scenario's file name: in a sub-folder, so that samples paths are seen to be relative to it. */
const scenarioFile = () => join(dir, 'sub', 'scenario.yaml');
const text = (service: string) => scenarioText({ queue: `    service: ${service}\n` });
const write = (name: string, content: string) => writeFileSync(join(dir, 'sub', name), content);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'queuesim-samples-'));
  mkdirSync(join(dir, 'sub'));
  write('plain.txt', '# observed 2026-12-01\n0.01\n0.02\n\n0.03\n0.04\n');
  write('header.csv', 'service_seconds\n0.01\n20ms\n0.03\n40ms\n');
  write('two.csv', 'id,service\r\n1,0.01\r\n2,0.02\r\n3,0.03\r\n4,40ms\r\n');
  write('sizes.txt', '1KB\n2000\n');
  write('bad.txt', '0.01\nabc\n-1\n0.05,3\n');
  write('empty.txt', '\n\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serviceOf = (service: string) =>
  parseScenario(text(service), scenarioFile()).scenario.queues[0].service;

describe('empirical samples from a file', () => {
  it('gives the same distribution as the values listed inline (plain numbers are seconds)', () => {
    const inline = serviceOf('{ distribution: empirical, values: [0.01, 0.02, 0.03, 0.04] }');
    expect(inline).toEqual({ kind: 'empirical', values: [0.01, 0.02, 0.03, 0.04] });
    expect(serviceOf('{ distribution: empirical, file: plain.txt }')).toEqual(inline);
    // A one-column header is skipped; values may carry units, as in values:.
    expect(serviceOf('{ distribution: empirical, file: header.csv }')).toEqual(inline);
    expect(serviceOf('{ distribution: empirical, file: two.csv, column: service }')).toEqual(inline);
  });

  it('reads a size distribution in bytes', () => {
    const producer = '    rate: 10/s\n    message-size: { distribution: empirical, file: sizes.txt }\n';
    const parsed = parseScenario(scenarioText({ producer }), scenarioFile());
    expect(parsed.scenario.producers[0].messageBytes).toEqual({ kind: 'empirical', values: [1000, 2000] });
  });

  it('locates bad values in the samples file (file:line:col)', () => {
    const problems = problemsOf(text('{ distribution: empirical, file: bad.txt }'), scenarioFile());
    const shown = join(dir, 'sub', 'bad.txt');
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
      [shown, 2, 1],
      [shown, 3, 1],
      [shown, 4, 1],
    ]);
    expect(problems[0].message).toMatch(/'abc' is not a time .*a plain number is seconds/);
    expect(problems[2].message).toBe('this line has 2 cells, the file has one column');
  });

  it('needs exactly one of values and file, and column only with file', () => {
    const neither = problemsOf(text('{ distribution: empirical }'), scenarioFile());
    expect(neither.map((p) => p.message).join('\n')).toMatch(/exactly one of values .* or file/);
    const both = problemsOf(
      text('{ distribution: empirical, values: [1], file: plain.txt }'),
      scenarioFile(),
    );
    expect(both.map((p) => p.message).join('\n')).toMatch(/exactly one of values .* or file/);
    const column = problemsOf(text('{ distribution: empirical, values: [1], column: x }'), scenarioFile());
    expect(problemAt(column, 'queues[0].service.column').message).toMatch(/give file too/);
  });

  it('refuses a missing, empty, ambiguous or non-regular file at its key', () => {
    const at = (file: string, extra = '') =>
      problemAt(
        problemsOf(text(`{ distribution: empirical, file: ${file}${extra} }`), scenarioFile()),
        `queues[0].service.${extra ? 'column' : 'file'}`,
      ).message;
    expect(at('missing.txt')).toBe("cannot read samples file 'missing.txt': no such file");
    expect(at('empty.txt')).toMatch(/has no values/);
    expect(at('two.csv', ', column: servise')).toMatch(/no column 'servise' .*did you mean 'service'/);
    const two = problemsOf(text('{ distribution: empirical, file: two.csv }'), scenarioFile());
    expect(two[0].message).toMatch(/several columns \(id, service\): name the one to read with column:/);
    // A FIFO would block a reader for ever: refused without opening it.
    const fifo = join(dir, 'sub', 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    expect(at('fifo.csv')).toMatch(/not a regular file/);
  });
});
