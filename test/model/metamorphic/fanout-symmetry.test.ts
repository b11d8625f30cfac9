/**
 * Fan-out symmetry: a fan-out exchange bound to two identical queues gives each the same messages, so the
 * two queues' results are statistically equal (their consumers draw from different random streams): paired
 * over replications, completions, losses and the mean sojourn differ by less than the interval allows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueResult } from '../../../src/model/run-result.js';
import type { RawScenarioInput } from '../../../src/scenario/index.js';
import { STANDARD_ERRORS, pairedDifference, replicateRuns } from '../../helpers/metamorphic-statistics.js';
import {
  metamorphicParameters,
  parseGenerated,
  scenarioArbitrary,
  toGenerated,
} from '../../helpers/scenario-arbitrary.js';

type Raw = Record<string, unknown>;

/** The generated producers, all publishing to a fan-out exchange bound to two copies of queue q0. */
function symmetric(raw: RawScenarioInput): RawScenarioInput {
  const { then: _then, 'dead-letter': _deadLetter, ...settings } = (raw.queues as Raw[])[0];
  return {
    ...raw,
    producers: (raw.producers as Raw[]).map((producer) => ({ ...producer, to: 'fan' })),
    exchanges: [{ name: 'fan', type: 'fanout', to: ['left', 'right'] }],
    queues: [
      { ...settings, name: 'left' },
      { ...settings, name: 'right' },
    ],
  } as RawScenarioInput;
}

/** The most messages one publish of `producer` carries. */
function largestBatch(producer: Raw): number {
  const batch = producer.batch as number | { max: number } | undefined;
  return batch === undefined ? 1 : typeof batch === 'number' ? batch : batch.max;
}

const METRICS: Record<string, (queue: QueueResult) => number | null> = {
  arrivals: (queue) => queue.arrivals,
  completed: (queue) => queue.completed,
  lost: (queue) => queue.lost,
  'sojourn.mean': (queue) => queue.sojourn.mean,
};

describe('fan-out symmetry', () => {
  it('two identical queues bound to one fan-out exchange give statistically equal results', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ topic: false, pipelines: false, fanout: false }), (generated) => {
        const runs = replicateRuns(parseGenerated(toGenerated(symmetric(generated.raw))));
        // Every message reaches both queues; a publisher stalled by a full `block` queue when measuring starts or
        // ends has given its batch to one queue and not yet to the other (one batch per producer at each edge).
        const blocks = (generated.raw.queues as Raw[])[0].overflow === 'block';
        const stalled = blocks
          ? 2 * (generated.raw.producers as Raw[]).reduce((sum, producer) => sum + largestBatch(producer), 0)
          : 0;
        for (const run of runs) {
          expect(Math.abs(run.queues.left.arrivals - run.queues.right.arrivals)).toBeLessThanOrEqual(stalled);
        }
        for (const [metric, read] of Object.entries(METRICS)) {
          const pairs = runs
            .map((run) => [read(run.queues.left), read(run.queues.right)] as const)
            .filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
          if (pairs.length < 3) continue;
          const { mean, standardError } = pairedDifference(
            pairs.map((pair) => pair[0]),
            pairs.map((pair) => pair[1]),
          );
          expect(Math.abs(mean), `right − left ${metric}`).toBeLessThanOrEqual(
            STANDARD_ERRORS * standardError + 1e-9,
          );
        }
      }),
      metamorphicParameters(30),
    );
  });
});
