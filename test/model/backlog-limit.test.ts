/** An overloaded queue stops the run at its backlog limit instead of exhausting memory. */
import { describe, expect, it } from 'vitest';
import { RunStoppedError } from '../../src/model/backlog-limit.js';
import { simulateBatches } from '../../src/model/batch-run.js';
import { MessagePool } from '../../src/model/message-pool.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';

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
    // 1000/s in, about 1/s out: 5,000 messages by about 5 s (Poisson: sd of the arrival time ≈ 0.07 s).
    expect(stop.at).toBeGreaterThan(4.5);
    expect(stop.at).toBeLessThan(5.5);
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
