import { describe, expect, it } from 'vitest';
import { findBottleneck, queueViews } from '../../../src/report/html/queue-views.js';
import { describePool } from '../../../src/report/pool.js';
import type { QueueResult } from '../../../src/model/run-result.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

/** The views of the three-queue example with one queue's result changed and the others quiet (idle, lossless). */
function viewsWith(queue: string, change: (result: QueueResult) => QueueResult) {
  const input = reportInputFor(threeQueues);
  const result = structuredClone(input.result);
  for (const [name, other] of Object.entries(result.queues)) {
    result.queues[name] =
      name === queue
        ? change(other)
        : {
            ...other,
            utilization: 0.1,
            fates: { ...other.fates, rejected: 0, droppedHead: 0, expired: 0, exhausted: 0, deadLettered: 0 },
          };
  }
  return queueViews({ ...input, result });
}

describe('the bottleneck verdict', () => {
  it('names an autoscaled pool that hit its max, whatever its utilisation', () => {
    const views = viewsWith('orders', (queue) => ({
      ...queue,
      utilization: 0.2,
      autoscale: {
        range: [2, 8],
        meanConsumers: 3.5,
        peakConsumers: 8,
        lowestConsumers: 2,
        scaleUps: 4,
        scaleDowns: 3,
      },
    }));
    const verdict = findBottleneck(views);
    expect(describePool(views.find((view) => view.name === 'orders')!.result)).toBe(
      '2–8 consumers, autoscaled (mean 3.5)',
    );
    expect(verdict?.saturated).toBe(true);
    expect(verdict?.reason).toContain('reached its max of 8 consumers');
  });

  it("names a topic's hot partition when its lag is far above the mean", () => {
    const partitions = (lagRatio: number) => ({
      count: 4,
      hotPartition: { partition: 2, shareOfArrivals: 0.55, lagRatio },
      idleConsumers: 0,
      assignment: { even: true, fewestPartitions: 1, mostPartitions: 1 },
      perConsumer: [],
      busiestConsumer: null,
      rebalances: 0,
      rebalancePausedSeconds: 0,
      perPartition: [],
    });
    const hot = findBottleneck(
      viewsWith('orders', (queue) => ({ ...queue, utilization: 0.9, partitions: partitions(3.4) })),
    );
    expect(hot?.view.name).toBe('orders');
    expect(hot?.reason).toContain('hot partition 2 takes 55% of arrivals, its lag 3.4× the mean');
    const even = findBottleneck(
      viewsWith('orders', (queue) => ({ ...queue, utilization: 0.9, partitions: partitions(1.2) })),
    );
    expect(even?.reason).not.toContain('hot partition');
  });

  it('judges a topic by its busiest consumer and names an uneven assignment', () => {
    // partitions: 2, consumers: 4 — two consumers idle, the two working ones 95 % busy, the group 47.5 %.
    const partitions = {
      count: 2,
      hotPartition: { partition: 0, shareOfArrivals: 0.5, lagRatio: 1 },
      idleConsumers: 2,
      assignment: { even: false, fewestPartitions: 0, mostPartitions: 1 },
      perConsumer: [0.95, 0.95, 0, 0].map((utilization, consumer) => ({
        consumer,
        partitions: consumer < 2 ? 1 : 0,
        utilization,
      })),
      busiestConsumer: { consumer: 0, utilization: 0.95 },
      rebalances: 0,
      rebalancePausedSeconds: 0,
      perPartition: [],
    };
    const verdict = findBottleneck(
      viewsWith('orders', (queue) => ({
        ...queue,
        utilization: 0.475,
        busiestConsumerUtilization: 0.95,
        partitions,
      })),
    );
    expect(verdict?.view.name).toBe('orders');
    expect(verdict?.saturated).toBe(true);
    expect(verdict?.reason).toContain('consumer 0 95% busy (the group 47.5% on average)');
    expect(verdict?.reason).toContain('uneven assignment: 0 to 1 partitions per consumer, 2 consumers idle');
  });
});
