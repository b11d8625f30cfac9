/**
 * What an autoscaler sees of the station whose consumers it scales (a queue, or a partitioned topic):
 * the metric it reads, and the two ways it changes the consumer count.
 */
export interface ElasticConsumers {
  /** Messages waiting for a consumer (ready, not yet delivered). */
  waitingMessages(): number;
  /** Messages delivered and not yet acknowledged (buffered or in processing). */
  unacknowledgedMessages(): number;
  /** Messages offered to the station since the start (accepted or not): a rate over a polling interval. */
  arrivalCount(): number;
  /**
   * The lag a scaler reads, where it is more than waiting plus unacknowledged (a topic's committed-offset
   * lag); absent = waiting plus unacknowledged.
   */
  lagForScaler?(target: number, now: number): number;
  /** A started consumer joins and takes work from now on. */
  addConsumer(now: number): void;
  /**
   * One consumer stops taking work: an idle one leaves at once, a busy one after its current message.
   * The station reports the consumer's departure to its probe (`consumersChanged(now, -1)`) when it leaves.
   */
  removeConsumer(now: number): void;
}
