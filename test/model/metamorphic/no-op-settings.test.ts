/**
 * No-op settings: a setting that cannot change anything (a TTL far beyond the run, failure probability 0,
 * a visibility timeout far beyond any service, one priority class, prefetch 1, unlimited attempts,
 * autoscaling with min = max, retention far beyond the run) gives a byte-identical result to leaving it out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/model/simulate.js';
import type { RunResult } from '../../../src/model/run-result.js';
import type { RawScenarioInput } from '../../../src/scenario/index.js';
import {
  metamorphicParameters,
  parseGenerated,
  scenarioArbitrary,
  toGenerated,
} from '../../helpers/scenario-arbitrary.js';

type RawQueue = Record<string, unknown>;

/** Far beyond any generated run (at most 22 s) and any service time. */
const FOREVER = 1_000_000;

/** Each no-op, applied to every queue that does not set the key already. */
const NO_OPS: Record<string, (queue: RawQueue, raw: RawScenarioInput) => void> = {
  'a huge TTL': (queue) => {
    if (queue.partitions === undefined && queue.ttl === undefined) queue.ttl = FOREVER;
  },
  'failure probability 0': (queue) => {
    if (queue.failure === undefined) queue.failure = { probability: 0 };
  },
  'a long visibility timeout': (queue) => {
    if (queue.partitions === undefined && queue.timeout === undefined) queue.timeout = FOREVER;
  },
  'one priority class': (queue, raw) => {
    // Without message types every message has priority 0: one class, FIFO.
    if (queue.partitions === undefined && raw['message-types'] === undefined) queue['max-priority'] = 9;
  },
  'prefetch 1': (queue) => {
    if (queue.partitions === undefined && queue.prefetch === undefined) queue.prefetch = 1;
  },
  'unlimited attempts': (queue) => {
    if (queue.retry === undefined) queue.retry = { 'max-attempts': 'unlimited' };
  },
  'autoscaling with min = max': (queue) => {
    if (queue.partitions === undefined && queue.autoscale === undefined) {
      const count = queue.consumers as number;
      queue.autoscale = { min: count, max: count, target: 1 };
    }
  },
  'retention beyond the run': (queue) => {
    if (queue.partitions !== undefined && queue.retention === undefined) queue.retention = FOREVER;
  },
};

/** The result as JSON, without the autoscaler's own report (present only when autoscale is written). */
function json(result: RunResult): string {
  const queues = Object.fromEntries(
    Object.entries(result.queues).map(([name, queue]) => {
      const { autoscale: _autoscale, ...rest } = queue;
      return [name, rest];
    }),
  );
  return JSON.stringify({ ...result, queues });
}

describe('no-op settings', () => {
  it('give byte-identical results to leaving them out', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.constantFrom(...Object.keys(NO_OPS)), (generated, setting) => {
        const withSetting = structuredClone(generated.raw);
        for (const queue of withSetting.queues as RawQueue[]) NO_OPS[setting](queue, withSetting);
        const base = simulate(parseGenerated(generated)).result;
        const other = simulate(parseGenerated(toGenerated(withSetting))).result;
        expect(json(other), setting).toBe(json(base));
      }),
      metamorphicParameters(80),
    );
  });
});
