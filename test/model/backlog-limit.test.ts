/** An overloaded queue stops the run at its backlog limit instead of exhausting memory. */
import { describe, expect, it } from 'vitest';
import { RunStoppedError } from '../../src/model/backlog-limit.js';
import { simulateBatches } from '../../src/model/batch-run.js';
import { MessagePool } from '../../src/model/message-pool.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

const OVERLOADED = `name: over
duration: 60s
max-backlog: 5000
producers:
  - { name: p, to: billing, rate: 1000/s }
queues:
  - { name: billing, consumers: 1, service: 1s }
  - { name: audit, consumers: 1, service: 1ms }
exchanges: []
`;

describe('backlog limit', () => {
  it('the pool refuses one message past its limit, and reuses freed handles below it', () => {
    const pool = new MessagePool(3);
    const handles = [0, 1, 2].map(() => pool.allocate(0, 0, -1, 0, 0));
    expect(() => pool.allocate(0, 0, -1, 0, 0)).toThrow(/more than 3 messages/);
    pool.release(handles[1]);
    expect(pool.allocate(0, 0, -1, 0, 0)).toBe(handles[1]);
  });

  it('stops an overloaded run at the limit and names the queue that grew', () => {
    const { scenario } = parseScenario(OVERLOADED.replace('exchanges: []\n', ''), 'over.yaml');
    let stopped: unknown;
    try {
      simulate(scenario);
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(RunStoppedError);
    const { stop } = stopped as RunStoppedError;
    expect(stop.limit).toBe(5000);
    expect(stop.fullest[0]).toEqual({ queue: 'billing', waiting: 4999 });
    // 1000/s in, 1/s out: 5,000 held (4 done by then) at the 5,004th or 5,005th arrival, a Gamma(n, 1000/s)
    // time with mean n/1000 ≈ 5.005 s and standard deviation √n/1000 ≈ 0.071 s (± 1 ms for which arrival).
    const family = checkFamily('backlog stop time', 1);
    expectPass(
      family.withinStandardErrors(stop.at, 5.005, Math.sqrt(5005) / 1000, {
        label: 'stop',
        absoluteSlack: 0.001,
      }),
    );
  });

  it('stops a batch-means run the same way', () => {
    const { scenario } = parseScenario(OVERLOADED.replace('exchanges: []\n', ''), 'over.yaml');
    expect(() => simulateBatches(scenario, { batches: 5, maxBatches: 5 })).toThrow(RunStoppedError);
  });

  it('leaves a stable run untouched (the default limit is far above its backlog)', () => {
    const stable = OVERLOADED.replace('max-backlog: 5000\n', '')
      .replace('1000/s', '0.5/s')
      .replace('exchanges: []\n', '');
    const { scenario } = parseScenario(stable, 'stable.yaml');
    expect(simulate(scenario).result.queues.billing.arrivals).toBeGreaterThan(0);
  });
});
