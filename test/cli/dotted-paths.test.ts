/** sweep and plan address producers and queues whose names contain dots (issue 18, item 7). */
import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const file = scenarioFile(`name: dots
seed: 3
duration: 30s
producers:
  - { name: web.eu, to: orders.v2, interarrival: { distribution: constant, value: 50ms } }
  - { name: web, to: orders, rate: 5/s }
queues:
  - { name: orders.v2, consumers: 12, service: { distribution: exponential, mean: 500ms } }
  - { name: orders, consumers: 1, service: 50ms }
slo:
  - { queue: orders.v2, metric: wait.mean, max: 200ms }
`);
// (wait.mean, not a p99: 30 s hold too few messages beyond a p99 for its interval by sectioning.)

describe('dotted names in parameter paths', () => {
  it('sweep multiplies the rate of producer web.eu exactly (constant gaps: 600 then 1,200 in 30 s)', async () => {
    const { status, stdout } = await runCliInProcess([
      'sweep',
      file,
      '--vary',
      'producers.web.eu.rate=x1,x2',
      '--json',
      '--no-report',
    ]);
    expect(status).toBe(0);
    const points = JSON.parse(stdout).points as Array<{
      result: { flows: Record<string, { published: number }> };
    }>;
    const published = points.map((point) => point.result.flows['web.eu'].published);
    // A gap of 50 ms (25 ms at ×2) over 30 s, give or take the arrival at the boundary.
    expect(Math.abs(published[0] - 600)).toBeLessThanOrEqual(1);
    expect(Math.abs(published[1] - 1200)).toBeLessThanOrEqual(1);
  });

  it('plan sizes queue orders.v2; a path that names nothing exits 2 with a located problem', async () => {
    const plan = await runCliInProcess([
      'plan',
      file,
      '--optimize',
      'queues.orders.v2.consumers',
      '--json',
      '--workers',
      '1',
    ]);
    expect(plan.stderr).not.toMatch(/internal error/);
    expect(Object.keys(JSON.parse(plan.stdout).recommended ?? {})).toEqual(['queues.orders.v2.consumers']);
    const unknown = await runCliInProcess([
      'sweep',
      file,
      '--vary',
      'queues.orders.v3.consumers=1',
      '--no-report',
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /<command line>.*--vary: cannot vary 'queues\.orders\.v3\.consumers'; did you mean 'queues\.orders\.v2\.consumers'/,
    );
  });
});
