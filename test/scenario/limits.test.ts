/** Sizes past the documented limits are located errors, not allocation failures during the run. */
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseScenario } from '../../src/scenario/index.js';
import { parseParameters } from '../../src/scenario/parameters.js';
import { MAX_BATCHES, MAX_CONSUMERS, MAX_KEYS, MAX_PARTITIONS } from '../../src/scenario/limits.js';
import { problemAt, problemsOf } from './helpers.js';

const base = (queue: string, top = '') => `name: s
duration: 10s
${top}producers:
  - { name: p, to: q, rate: 10/s }
queues:
  - { name: q, service: 10ms, ${queue} }
`;

describe('size limits', () => {
  it.each([
    ['consumers: 1000000000', 'queues[0].consumers', MAX_CONSUMERS],
    ['partitions: 1000000000', 'queues[0].partitions', MAX_PARTITIONS],
    ['partitions: 12, keys: { count: 1000000000 }', 'queues[0].keys.count', MAX_KEYS],
    ['autoscale: { max: 1000000000, target: 10 }', 'queues[0].autoscale.max', MAX_CONSUMERS],
    ['backlog: 1000000000', 'queues[0].backlog', 10_000_000],
  ])('%s is refused at its place, naming the limit', (queue, path, limit) => {
    const problem = problemAt(problemsOf(base(queue)), path);
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain(`above the limit of ${limit.toLocaleString('en-US')}`);
    expect(problem.line).toBe(6);
  });

  it('a backlog is judged against the max-backlog the file sets', () => {
    expect(() => parseScenario(base('backlog: 20000000', 'max-backlog: 30000000\n'), 's.yaml')).not.toThrow();
    problemAt(problemsOf(base('backlog: 2000', 'max-backlog: 1000\n')), 'queues[0].backlog');
  });

  it('sizes at the limit pass', () => {
    expect(() => parseScenario(base(`consumers: ${MAX_CONSUMERS}`), 's.yaml')).not.toThrow();
    expect(() => parseScenario(base('consumers: 1', `batches: ${MAX_BATCHES}\n`), 's.yaml')).not.toThrow();
  });

  it('--batches, --replications and --max-backlog are checked as the file is', () => {
    const { scenario } = parseScenario(base('consumers: 1'), 's.yaml');
    expect(() => applyOverrides(scenario, { batches: '1000000000' })).toThrow(
      /--batches: 1,000,000,000 is above the limit of 10,000/,
    );
    expect(() => applyOverrides(scenario, { replications: '1000000' })).toThrow(
      /--replications: .* above the limit/,
    );
    expect(() => applyOverrides(scenario, { maxBacklog: '0' })).toThrow(
      /--max-backlog: expected an integer >= 1/,
    );
    expect(applyOverrides(scenario, { maxBacklog: '5000' }).maxBacklog).toBe(5000);
  });

  it("--vary values past a limit are refused like the file's", () => {
    const { scenario } = parseScenario(base('consumers: 1'), 's.yaml');
    expect(() => parseParameters(scenario, ['queues.q.consumers=2,1000000000'])).toThrow(
      /an integer from 0 to 1,000,000/,
    );
    expect(parseParameters(scenario, ['queues.q.consumers=2,1000000'])[0].values).toEqual([2, 1_000_000]);
  });

  it('a sweep grid past 10,000 points is refused before it is built', () => {
    const { scenario } = parseScenario(base('consumers: 1'), 's.yaml');
    expect(() =>
      parseParameters(scenario, ['queues.q.consumers=1..10000', 'queues.q.capacity=1..10000']),
    ).toThrow(/--vary: 100,000,000 is above the limit of 10,000: the grid of every --vary/);
    expect(parseParameters(scenario, ['queues.q.consumers=1..100', 'queues.q.capacity=1..100'])).toHaveLength(
      2,
    );
  });
});
