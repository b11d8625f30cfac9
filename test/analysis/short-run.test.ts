import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { relaxationSeconds, shortRunWarnings } from '../../src/analysis/short-run.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';

/** M/M/1, λ = 9/s, μ = 10/s: relaxation time 1/(μ(1 − √0.9)²) = 38.0 s. */
const mm1 = (durationSeconds: number, arrivalRate = 9) =>
  singleQueueScenario({
    arrivalRate,
    service: exponentialService(10),
    consumers: 1,
    durationSeconds,
    warmupSeconds: 100,
  });

describe('runs too short for their load', () => {
  it('warn that 10 replications of 400 s at ρ = 0.9 are short, and say how long would do', async () => {
    const { result } = await runStudy(
      { ...mm1(400), statistics: statistics({ replications: 10 }) },
      { runner: serialRunner() },
    );
    const relaxation = relaxationSeconds(result.queues.station)!;
    // Measured utilisation and service time, so within a few % of the exact 38.0 s.
    expect(relaxation).toBeGreaterThan(30);
    expect(relaxation).toBeLessThan(48);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings![0]).toMatch(
      /^queue station: replications too short for their load \(relaxation time \d+ s at \d+ % utilisation\): .* run replications of ≥ [\d,]+ s each \(150 relaxation times; now 400 s\)$/,
    );
  });

  it('warn a single run shorter than 750 relaxation times, and not one long enough or lightly loaded', () => {
    const queue = {
      sojourn: { mean: 1, p50: null, p95: null, p99: null, max: null },
      wait: { mean: 0.9, p50: null, p95: null, p99: null, max: null },
      completed: 1000,
      utilization: 0.9,
      consumers: 1,
    };
    const result = (seconds: number, utilization = 0.9) =>
      ({ measuredSeconds: seconds, queues: { q: { ...queue, utilization } } }) as never;
    // T = 0.1 / (1 − √0.9)² = 38.0 s: a single run needs 750 T = 28,500 s.
    expect(shortRunWarnings(result(4000), 1)[0]).toMatch(
      /run ≥ 29,000 s \(750 relaxation times; now 4,000 s\), or ≥ 5 replications of ≥ 5,700 s$/,
    );
    expect(shortRunWarnings(result(30000), 1)).toEqual([]);
    // ρ = 0.25: T = 0.1 / 0.25 = 0.4 s, so 4,000 s is 10,000 relaxation times.
    expect(shortRunWarnings(result(4000, 0.25), 1)).toEqual([]);
    // Saturated or idle: no relaxation time, no warning (other checks speak for those).
    expect(shortRunWarnings(result(4000, 1), 1)).toEqual([]);
    expect(shortRunWarnings(result(6000), 5)).toEqual([]);
  });
});
