/**
 * What the BullMQ client (`redis-runner.ts`) and the worker process (`redis-worker.ts`) agree on: the queue's
 * name, the job payload, how a task and its outcome travel (node:v8 serialize as base64, so every number
 * round-trips exactly), and the check that a Redis URL answers. BullMQ and ioredis are not imported here,
 * so the command line's failure messages can name this module's error without loading them.
 */
import { deserialize, serialize } from 'node:v8';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import type { StoppedOutcome } from './replication-worker.js';

/** A Redis URL that does not parse or answer, or a unit a worker could not carry out. */
export class RedisQueueError extends Error {}

/**
 * The queue of one queuesim version: a worker of another version never sees its units, since a unit's
 * outcome must come from the same simulator as the local run it stands in for. BullMQ forbids ':' in names.
 */
export function queueName(version: string): string {
  return `queuesim-${version}`;
}

/** A job's data: the unit (a replication task, v8-serialized, base64) and the version that enqueued it. */
export interface UnitJob {
  version: string;
  unit: string;
}

/** What a worker returns for a unit: its outcome, or a run stopped by its backlog limit. */
export type UnitOutcome = TaskOutcome | StoppedOutcome;

export const encodeUnit = (task: ReplicationTask): string => serialize(task).toString('base64');
export const decodeUnit = (text: string): ReplicationTask =>
  deserialize(Buffer.from(text, 'base64')) as ReplicationTask;
export const encodeOutcome = (outcome: UnitOutcome): string => serialize(outcome).toString('base64');
export const decodeOutcome = (text: string): UnitOutcome =>
  deserialize(Buffer.from(text, 'base64')) as UnitOutcome;

/** The URL as given, checked to be a redis:// or rediss:// URL with a host. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisQueueError(
      `--redis ${JSON.stringify(url)} is not a URL; expected redis://host:port (or rediss:// for TLS)`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisQueueError(
      `--redis ${JSON.stringify(redactedUrl(url))}: expected a redis:// or rediss:// URL, not ${parsed.protocol}//`,
    );
  }
  if (parsed.hostname === '')
    throw new RedisQueueError(`--redis ${JSON.stringify(redactedUrl(url))} names no host`);
  return url;
}

/** The URL for messages and logs, its password (if any) replaced by `***`. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.href;
  } catch {
    return url;
  }
}

/** How long to wait for Redis to answer a first PING before giving up, milliseconds. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * Connects once, without retrying, and sends PING: BullMQ's own connections retry forever, so an address
 * with no Redis behind it would leave a command waiting silently instead of failing.
 */
export async function probeRedis(url: string): Promise<void> {
  checkRedisUrl(url);
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: PROBE_TIMEOUT_MS,
    enableOfflineQueue: false,
  });
  // The socket's error (ECONNREFUSED, ENOTFOUND…) says more than the "Connection is closed" that follows.
  let socketError: Error | undefined;
  client.on('error', (error: Error) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = (socketError ?? (error instanceof Error ? error : new Error(String(error)))).message;
    throw new RedisQueueError(`cannot reach Redis at ${redactedUrl(url)}: ${reason}`);
  } finally {
    client.disconnect();
  }
}
