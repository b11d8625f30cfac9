/**
 * A consumer group whose size can change while the simulation runs: what an autoscaler drives. A topic
 * rebalances on every change (topic.ts); a plain queue just gains or loses a worker.
 */
export interface ElasticConsumers {
  /** The number the autoscaler scales on (a topic: its total lag, messages appended and not yet completed). */
  scalingMetric(): number;
  /** One more consumer joins at `now` (ignored at the maximum the group was built for). */
  addConsumer(now: number): void;
  /** One consumer leaves at `now`, after finishing the message it is processing (ignored at 0). */
  removeConsumer(now: number): void;
}
