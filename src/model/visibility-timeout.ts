/**
 * The copies a visibility timeout makes (SQS): the message in processing is superseded by a copy that is
 * visible again, or, past the delivery limit, by a copy that stands for the message the broker gives up.
 * Original and copy share a duplicate group, so whichever completes second is counted as a duplicate.
 */
import type { DuplicateGroups } from './duplicate-groups.js';
import { FLAG_DUPLICATE, FLAG_SUPERSEDED, type MessagePool } from './message-pool.js';

/** A copy of a timed-out `message` that entered the queue with it, ready now, with its deliveries so far. */
function timeoutCopy(messages: MessagePool, message: number, now: number): number {
  const copy = messages.copy(message);
  messages.enteredQueueAt[copy] = messages.enteredQueueAt[message];
  messages.readyAt[copy] = now;
  messages.attempts[copy] = messages.attempts[message];
  return copy;
}

/** The copy that becomes visible again (the caller makes it ready); the original is superseded. */
export function visibleCopy(
  messages: MessagePool,
  duplicates: DuplicateGroups,
  message: number,
  now: number,
): number {
  const copy = timeoutCopy(messages, message, now);
  let group = messages.group[message];
  if (group < 0) {
    group = duplicates.create();
    messages.group[message] = group;
  } else {
    duplicates.join(group);
  }
  messages.group[copy] = group;
  messages.flags[message] |= FLAG_SUPERSEDED;
  return copy;
}

/**
 * The delivery limit is reached while `message` is still processed: the copy the caller dead-letters or
 * loses. The message's flow is told once: of the exhaustion if no copy has completed yet (else the copy
 * is marked a duplicate and not counted).
 */
export function givenUpCopy(
  messages: MessagePool,
  duplicates: DuplicateGroups,
  message: number,
  now: number,
): number {
  const copy = timeoutCopy(messages, message, now);
  let group = messages.group[message];
  if (group < 0) {
    group = duplicates.create();
    duplicates.leave(group); // the copy leaves at once: the group lives on with the one in processing
    messages.group[message] = group;
  }
  // Marks the message done: a completion after this is a duplicate, and so is this copy after one.
  if (duplicates.complete(group)) messages.flags[copy] |= FLAG_DUPLICATE;
  messages.flags[message] |= FLAG_SUPERSEDED;
  return copy;
}
