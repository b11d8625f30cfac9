export { LogHistogram, type LatencySummary } from './log-histogram.js';
export type { QueueProbe } from './queue-probe.js';
export { QueueCollector, type QueueStats } from './queue-collector.js';
