/** `queuesim headroom` end to end. */
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

describe('queuesim headroom', () => {
  it('says at which load which SLO breaks, and gives the numbers as JSON', async () => {
    const file = scenarioFile(
      SMALL_SCENARIO.replace('duration: 2m', 'duration: 10m\nreplications: 4') +
        'slo:\n  - { queue: q, metric: utilization, max: 75% }\n',
    );
    const text = await runCliInProcess(['headroom', file, '--workers', '1']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/today's traffic, queues\.q\.utilization (may )?exceed/);
    const { stdout } = await runCliInProcess(['headroom', file, '--json', '--workers', '1']);
    const headroom = JSON.parse(stdout);
    // 20/s × 50 ms over 2 consumers is 50 % busy: 75 % at 1.5×.
    expect(headroom.headroom).toBeGreaterThan(1.35);
    expect(headroom.headroom).toBeLessThanOrEqual(1.5);
    expect(typeof headroom.wallSeconds).toBe('number');
  });
});
