import { describe, expect, it } from 'vitest';
import { compare, loadScenario, plan, runScenario, ScenarioError, sweep } from '../../src/api/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const SHIPPED = 'scenarios/user-registered.yaml';

/** The parsed `--json` output of a CLI command, which must succeed. */
async function cliJson(args: string[]): Promise<unknown> {
  const { status, stdout, stderr } = await runCliInProcess([
    ...args,
    '--json',
    '--no-report',
    '--workers',
    '1',
  ]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout);
}

describe('the library API', () => {
  it('runScenario returns the object `queuesim run --json` prints', async () => {
    const scenario = await loadScenario(SHIPPED);
    const result = await runScenario(scenario, { seed: 7, duration: '2m', workers: 1 });
    expect(result).toEqual(await cliJson(['run', SHIPPED, '--seed', '7', '--duration', '2m']));
    expect(result.seed).toBe(7);
  });

  it('gives the same result for the same seed, on one thread or two, and another for another seed', async () => {
    const scenario = await loadScenario(SHIPPED, { duration: '1m', replications: 2 });
    const one = await runScenario(scenario, { seed: 3, workers: 1 });
    const two = await runScenario(scenario, { seed: 3, workers: 2 });
    const other = await runScenario(scenario, { seed: 4, workers: 1 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
  });

  it('sweep and compare return what their --json prints', async () => {
    const scenario = await loadScenario(SHIPPED, { duration: '1m' });
    const vary = 'queues.welcome-email.consumers=1,2';
    const swept = await sweep(scenario, { vary: [vary], workers: 1 });
    expect(swept).toEqual(await cliJson(['sweep', SHIPPED, '--duration', '1m', '--vary', vary]));
    const compared = await compare([scenario, scenario], { replications: 2, workers: 1 });
    expect(compared).toEqual(
      await cliJson(['compare', SHIPPED, SHIPPED, '--duration', '1m', '--replications', '2']),
    );
  });

  it('plan returns what `queuesim plan --json` prints, apart from the wall-clock time', async () => {
    const file = 'scenarios/order-pipeline.yaml';
    const scenario = await loadScenario(file, { duration: '2m' });
    const { wallSeconds, ...planned } = await plan(scenario, { workers: 1 });
    const printed = (await cliJson(['plan', file, '--duration', '2m'])) as Record<string, unknown>;
    expect(wallSeconds).toBeGreaterThan(0);
    expect(planned).toEqual({ ...printed, wallSeconds: undefined });
  });

  it('throws ScenarioError with every problem located in the text, not an exit', async () => {
    const text = 'name: bad\nduration: 10m\nqueues:\n  - name: q\n    consumers: -2\n';
    const error = await loadScenario({ text, file: 'bad.yaml' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioError);
    const problem = (error as ScenarioError).problems.find((found) => found.path.includes('consumers'));
    expect(problem).toMatchObject({ file: 'bad.yaml', line: 5, severity: 'error' });
    expect(problem?.column).toBeGreaterThan(0);
  });

  it('names a bad option by the library name it was passed as', async () => {
    const scenario = await loadScenario(SHIPPED);
    const error = await runScenario(scenario, { maxBacklog: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems).toEqual([
      expect.objectContaining({ file: '<options>', path: 'maxBacklog', severity: 'error' }),
    ]);
  });
});
