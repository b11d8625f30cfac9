import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

// M/M/1 at λ = 50/s, μ = 100/s: 200,000 seconds is about 20 million events, several seconds of work.
const long = singleQueueScenario({
  arrivalRate: 50,
  service: exponentialService(100),
  consumers: 1,
  durationSeconds: 200_000,
  warmupSeconds: 10,
});

describe('a run with a deadline', () => {
  it('stops at the deadline with a consistent result for the time it measured, marked partial', () => {
    const { result, profile } = simulate(long, { deadline: Date.now() - 1 }); // already past: one slice
    expect(result.partial).toMatchObject({ reason: 'time-budget', plannedSeconds: 200_010 });
    const reached = result.partial!.simulatedSeconds;
    expect(reached).toBeGreaterThan(10); // one slice of 200,000 events is ~2000 s at 100 events/s
    expect(reached).toBeLessThan(200_010);
    expect(profile.events).toBeLessThan(1_000_000);
    expect(result.measuredSeconds).toBeCloseTo(reached - 10, 9);
    const queue = result.queues.station;
    expect(queue.throughput).toBeCloseTo(queue.completed / result.measuredSeconds, 9);
    // Poisson arrivals at 50/s over the measured time T: the rate's standard error is √(50/T).
    const family = checkFamily('partial run rate', 1);
    const rate = queue.arrivals / result.measuredSeconds;
    expectPass(
      family.withinStandardErrors(rate, 50, Math.sqrt(50 / result.measuredSeconds), {
        label: 'arrival rate',
      }),
    );
    expect(queue.utilization).toBeGreaterThan(0.45);
    expect(queue.utilization).toBeLessThan(0.55);
  });

  it('stopped in the warm-up, measures nothing and says how far it got', () => {
    const warm = { ...long, warmupSeconds: 100_000 };
    const { result } = simulate(warm, { deadline: Date.now() - 1 });
    expect(result.partial!.simulatedSeconds).toBeLessThan(100_000);
    expect(result.measuredSeconds).toBe(0);
    expect(result.queues.station.arrivals).toBe(0);
  });

  it('changes nothing when the deadline is not reached, nor does listening for progress', () => {
    const short = { ...long, durationSeconds: 2_000 };
    const plain = simulate(short).result;
    const sliced = simulate(short, { deadline: Date.now() + 600_000, onProgress: () => {} }).result;
    expect(sliced.partial).toBeUndefined();
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(plain));
  });
});
