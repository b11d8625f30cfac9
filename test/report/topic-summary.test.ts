import { describe, expect, it } from 'vitest';
import type { TopicStats } from '../../src/metrics/index.js';
import { topicSummary } from '../../src/report/topic-summary.js';

const plain = {
  yellow: (text: string) => `<y>${text}</y>`,
  red: (text: string) => text,
  dim: (text: string) => text,
};

function topic(lags: number[], fields: Partial<TopicStats> = {}): TopicStats {
  const perPartition = lags.map((lag, partition) => ({
    partition,
    consumer: partition,
    arrivals: partition === 0 ? 500 : 100,
    completed: 0,
    expired: 0,
    lag: { mean: lag, max: lag * 3 },
    wait: { mean: null, p99: null },
  }));
  const meanLag = lags.reduce((a, b) => a + b, 0) / lags.length;
  return {
    count: lags.length,
    hotPartition: { partition: 0, shareOfArrivals: 500 / 800, lagRatio: Math.max(...lags) / meanLag },
    idleConsumers: 0,
    assignment: { even: true, fewestPartitions: 1, mostPartitions: 1 },
    perConsumer: [],
    busiestConsumer: null,
    rebalances: 0,
    rebalancePausedSeconds: 0,
    perPartition,
    ...fields,
  };
}

describe('topicSummary', () => {
  it('names the hot partition and the lag spread, in yellow when one partition lags far behind', () => {
    const line = topicSummary('orders', '4 consumers', topic([40, 1, 2, 1]), plain);
    expect(line).toMatch(
      /^<y>orders: 4 partitions on 4 consumers; hot partition 0 takes 62\.5\s?% of arrivals/,
    );
    expect(line).toContain('mean lag per partition 1 … 2 (median) … 40');
  });

  it('mentions idle consumers and rebalances only when there are some', () => {
    const even = topicSummary(
      'orders',
      '6 consumers',
      topic([1, 1, 1, 1], {
        idleConsumers: 2,
        assignment: { even: false, fewestPartitions: 0, mostPartitions: 1 },
        rebalances: 3,
        rebalancePausedSeconds: 9,
      }),
      plain,
    );
    expect(even.startsWith('<y>')).toBe(false);
    expect(even).toContain('uneven assignment: 0 to 1 partitions per consumer, 2 consumers idle');
    expect(even).toContain('3 rebalance(s) paused the group 9');
    expect(topicSummary('orders', '4 consumers', topic([1, 1, 1, 1]), plain)).not.toMatch(
      /idle|rebalance|uneven/,
    );
  });

  it('names the busiest consumer, in yellow from 80 % busy', () => {
    const line = topicSummary(
      'orders',
      '2 consumers',
      topic([1, 1, 1], {
        assignment: { even: false, fewestPartitions: 1, mostPartitions: 2 },
        busiestConsumer: { consumer: 0, utilization: 0.93 },
      }),
      plain,
    );
    expect(line.startsWith('<y>')).toBe(true);
    expect(line).toContain('busiest consumer 0 93');
    expect(line).toContain('uneven assignment: 1 to 2 partitions per consumer');
    expect(line).not.toContain('idle');
  });
});
