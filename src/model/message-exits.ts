/** The two ways a message leaves the network from a topic, with its flow told once (shared bookkeeping). */
import type { FlowCollector } from '../metrics/index.js';
import { FLAGS_NOT_COUNTED, type MessagePool } from './message-pool.js';

/** A processed message leaves the network: its flow completes (unless a dead letter, duplicate or backlog). */
export function completeInNetwork(
  messages: MessagePool,
  flows: FlowCollector[],
  message: number,
  now: number,
): void {
  if ((messages.flags[message] & FLAGS_NOT_COUNTED) === 0) {
    flows[messages.flow[message]].completed(now - messages.publishedAt[message]);
  }
  messages.release(message);
}

/** Tells the flow a message ended unprocessed for `reason` (LOSS_*); the caller releases or forwards it. */
export function endFlow(
  messages: MessagePool,
  flows: FlowCollector[],
  message: number,
  reason: number,
  deadLettered: boolean,
): void {
  if ((messages.flags[message] & FLAGS_NOT_COUNTED) === 0) {
    flows[messages.flow[message]].ended(reason, deadLettered);
  }
}
