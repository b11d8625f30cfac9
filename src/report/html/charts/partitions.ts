import type { TopLevelSpec } from 'vega-lite';
import type { TopicStats } from '../../../metrics/index.js';
import { COLOR } from '../palette.js';
import { specBase } from './theme.js';

/** One bar: a partition's time-average lag, its maximum, arrivals and owner. */
interface PartitionRow {
  partition: string;
  lag: number;
  maxLag: number;
  share: number;
  consumer: string;
  hot: boolean;
}

/** Ticks for a symlog lag axis: 0, then 1-2-5 steps up to the largest lag. */
function lagTicks(max: number): number[] {
  const ticks = [0];
  for (let decade = 1; decade <= Math.max(1, max) * 10; decade *= 10) {
    for (const step of [1, 2, 5]) if (step * decade <= Math.max(1, max)) ticks.push(step * decade);
  }
  return ticks;
}

/**
 * A topic's mean lag per partition as bars (the hot partition in the queue's colour, the others grey), with
 * each partition's maximum lag as a tick: skewed keys show up as one tall bar among short ones.
 */
export function partitionLagChart(dataset: string, topic: TopicStats, color: string): TopLevelSpec {
  const arrivals = topic.perPartition.reduce((sum, stats) => sum + stats.arrivals, 0);
  const rows: PartitionRow[] = topic.perPartition.map((stats) => ({
    partition: String(stats.partition),
    lag: stats.lag.mean,
    maxLag: stats.lag.max,
    share: arrivals > 0 ? stats.arrivals / arrivals : 0,
    consumer: stats.consumer === null ? 'none' : String(stats.consumer),
    hot: stats.partition === topic.hotPartition.partition,
  }));
  const x = {
    field: 'partition',
    type: 'ordinal' as const,
    title: 'Partition',
    sort: null,
    axis: { labelAngle: 0 },
  };
  const tooltip = [
    { field: 'partition', title: 'Partition' },
    { field: 'consumer', title: 'Consumer' },
    { field: 'lag', title: 'Mean lag', format: ',.2f' },
    { field: 'maxLag', title: 'Max lag', format: ',.0f' },
    { field: 'share', title: 'Share of arrivals', format: '.1%' },
  ];
  return {
    ...specBase(dataset, rows),
    data: { name: dataset },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          x,
          // Symmetric log: one hot partition's lag would flatten the other partitions' bars to nothing on a
          // linear scale; symlog keeps zero lag at zero.
          y: {
            field: 'lag',
            type: 'quantitative',
            title: 'Lag (messages, time-average, log scale)',
            scale: { type: 'symlog' },
            axis: { values: lagTicks(Math.max(0, ...rows.map((row) => row.maxLag))) },
          },
          color: {
            condition: { test: 'datum.hot', value: color },
            value: COLOR.neutral,
          },
          tooltip,
        },
      },
      {
        mark: { type: 'tick', color: COLOR.text, thickness: 2 },
        encoding: { x, y: { field: 'maxLag', type: 'quantitative', scale: { type: 'symlog' } }, tooltip },
      },
    ],
  } as TopLevelSpec;
}
