export {
  LogHistogram,
  poolBuckets,
  type FlowLatencyHistogram,
  type HistogramBucket,
  type LatencyHistogram,
  type LatencySummary,
} from './log-histogram.js';
export * from './queue-probe.js';
export {
  QueueCollector,
  type QueueCollectorOptions,
  type LostBy,
  type QueueFates,
  type QueueStats,
} from './queue-collector.js';
export { FlowCollector, type FlowLostBy, type FlowStats } from './flow-collector.js';
export {
  TIME_SERIES_BINS,
  averageTimeSeries,
  combineTimeSeries,
  timeSeriesBinsFor,
  type QueueTimeSeries,
  type TimeSeries,
  type TimeSeriesSource,
} from './time-series.js';
export {
  MAX_PARTITIONS_WITH_PERCENTILES,
  PartitionCollector,
  assignmentOf,
  busiestConsumerOf,
  hotPartitionOf,
  type AssignmentStats,
  type GroupConsumerStats,
  type PartitionStats,
  type TopicStats,
} from './partition-collector.js';
export { RouteCollector, type RouteStats } from './route-collector.js';
