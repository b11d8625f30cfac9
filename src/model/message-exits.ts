/** How a message leaves a queue or topic for good, with its flow told once (bookkeeping both share). */
import type { FlowCollector } from '../metrics/index.js';
import { NO_PUBLISHER } from './events.js';
import { FLAG_DEAD_LETTERED, FLAGS_NOT_COUNTED, type MessagePool } from './message-pool.js';
import type { MessageRouter } from './routing.js';

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

/** True when a message lost where `deadLetter` is the dead-letter destination (−1: none) goes there: once only. */
export function goesToDeadLetter(messages: MessagePool, message: number, deadLetter: number): boolean {
  return deadLetter >= 0 && (messages.flags[message] & FLAG_DEAD_LETTERED) === 0;
}

/** A message leaves unprocessed for `reason` (LOSS_*): its flow is told, then it is dead-lettered or released. */
export function loseMessage(
  context: { messages: MessagePool; flows: FlowCollector[]; router: MessageRouter },
  message: number,
  reason: number,
  deadLetter: number,
  deadLettered: boolean,
  now: number,
): void {
  const { messages } = context;
  endFlow(messages, context.flows, message, reason, deadLettered);
  if (deadLettered) {
    messages.flags[message] |= FLAG_DEAD_LETTERED;
    context.router.publish(message, deadLetter, NO_PUBLISHER, now);
  } else {
    messages.release(message);
  }
}
