import { describe, expect, it } from 'vitest';
import { backlogStopSeconds, estimateRunSize, eventRate } from '../../src/analysis/run-size.js';
import { simulate } from '../../src/model/simulate.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

// M/M/1 at λ = 50/s, μ = 100/s for 2000 s: about 100,000 arrivals, each an arrival and a departure event.
const mm1 = singleQueueScenario({
  arrivalRate: 50,
  service: exponentialService(100),
  consumers: 1,
  durationSeconds: 2000,
});

describe('run size before the run', () => {
  it('puts an M/M/1 run at two events per arrival, as the simulation counts them', () => {
    const size = estimateRunSize(mm1);
    expect(eventRate(mm1)).toBeCloseTo(100, 9); // 50 arrivals + 50 departures a second
    expect(size.events).toBeCloseTo(200_000, 3);
    expect(size.runs).toBe(1);
    const { profile, result } = simulate(mm1);
    // Arrivals are Poisson(100,000) (sd 316): half the estimated events, within their standard errors; the
    // simulation counts two events per arrival, but for the messages in flight at the end (within 1 %).
    const family = checkFamily('run size', 1);
    const arrivals = result.queues.station.arrivals;
    expectPass(
      family.withinStandardErrors(arrivals, size.events / 2, Math.sqrt(size.events / 2), {
        label: 'arrivals',
      }),
    );
    expect(Math.abs(profile.events / (2 * arrivals) - 1)).toBeLessThan(0.01);
  });

  it('counts the warm-up, every replication, pilot runs and the second pass of batch means', () => {
    const perRun = estimateRunSize(mm1).events;
    expect(estimateRunSize({ ...mm1, warmupSeconds: 1000 }).events).toBeCloseTo(perRun * 1.5, 3);
    const replicated = { ...mm1, statistics: statistics({ replications: 4 }) };
    expect(estimateRunSize(replicated)).toMatchObject({ runs: 4, events: 4 * perRun });
    const auto = { ...replicated, warmupAuto: true };
    expect(estimateRunSize(auto)).toMatchObject({ runs: 8, events: 8 * perRun });
    const batches = { ...mm1, statistics: statistics({ batches: 10 }) };
    expect(estimateRunSize(batches)).toMatchObject({ runs: 2, events: 2 * perRun });
  });

  it('counts each message of a batch, and ends an overloaded run where the max-backlog stops it', () => {
    const batched = {
      ...mm1,
      producers: [{ ...mm1.producers[0], batch: { kind: 'constant' as const, value: 1e9 } }],
    };
    // 5·10^10 messages a second into one consumer: the backlog passes 10^7 within a millisecond.
    expect(backlogStopSeconds(batched)).toBeCloseTo(1e7 / (50e9 - 100), 12);
    expect(estimateRunSize(batched).events).toBeLessThan(1e8);
    const capped = { ...batched, queues: [{ ...batched.queues[0], capacity: 100 }] };
    expect(backlogStopSeconds(capped)).toBe(Infinity);
    expect(estimateRunSize(capped).events).toBeGreaterThan(1e14); // 5·10^10/s for 2000 s
  });

  it('sees a run of 10^12 simulated seconds for what it is', () => {
    const endless = { ...mm1, durationSeconds: 1e12 };
    expect(estimateRunSize(endless).events).toBeCloseTo(1e14, -10);
    expect(estimateRunSize(endless).wallSeconds).toBeGreaterThan(1e7);
  });
});
