import { emptyStatistics } from '../../src/scenario/index.js';
import type { DistributionSpec, Scenario, StatisticsSpec } from '../../src/scenario/types.js';

export interface SingleQueueOptions {
  arrivalRate: number;
  service: DistributionSpec;
  consumers: number;
  /** Waiting room; null = unbounded. */
  capacity?: number | null;
  durationSeconds: number;
  warmupSeconds?: number;
  seed?: number;
}

/** A scenario with one Poisson producer feeding one queue: the textbook single-station system. */
export function singleQueueScenario(options: SingleQueueOptions): Scenario {
  return {
    name: 'textbook',
    description: '',
    seed: options.seed ?? 1,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds ?? 0,
    producers: [
      { name: 'source', to: 'station', interarrival: { kind: 'exponential', mean: 1 / options.arrivalRate } },
    ],
    queues: [
      {
        name: 'station',
        capacity: options.capacity ?? null,
        overflow: 'reject-new',
        consumers: options.consumers,
        service: options.service,
      },
    ],
  };
}

/** Exponential service with the given rate per consumer. */
export function exponentialService(ratePerSecond: number): DistributionSpec {
  return { kind: 'exponential', mean: 1 / ratePerSecond };
}

/** Statistics settings: the given ones, nothing else. */
export function statistics(spec: Partial<StatisticsSpec>): StatisticsSpec {
  return { ...emptyStatistics(), ...spec };
}
