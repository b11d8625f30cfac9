export { LogHistogram, type LatencySummary } from './log-histogram.js';
export * from './queue-probe.js';
export { QueueCollector, type QueueStats, type QueueFates } from './queue-collector.js';
export { FlowCollector, type FlowStats } from './flow-collector.js';
