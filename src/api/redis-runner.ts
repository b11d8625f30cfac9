/**
 * A task runner whose runs happen on `queuesim worker` processes: each task is a BullMQ job on Redis, and the
 * study awaits its outcome exactly as it awaits a worker thread's, so aggregation and output are the local
 * run's. Each unit's job id is `<run id>.<unit number>`; its outcome is taken once, when the first completion
 * of that id is heard, so a unit BullMQ retried after a worker died is never counted twice.
 */
import { randomUUID } from 'node:crypto';
import type { Job, Queue, QueueEvents } from 'bullmq';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import { RunStoppedError } from '../model/backlog-limit.js';
import {
  RedisQueueError,
  decodeOutcome,
  encodeUnit,
  probeRedis,
  queueName,
  type UnitJob,
} from './redis-queue.js';
import type { ClosableRunner } from './runner.js';

export interface RedisRunnerOptions {
  /** The queuesim version: units go to this version's queue only. */
  version: string;
  /** How many units the study may have in flight at once. */
  concurrency: number;
  /** Told once, at the start, when no worker is serving the queue yet. */
  onNoWorkers?: (queue: string) => void;
}

/** A unit whose outcome the study is waiting for. */
interface PendingUnit {
  resolve(outcome: TaskOutcome): void;
  reject(error: Error): void;
  onProgress?: (fraction: number) => void;
  /** True once the job is in Redis: from then on, a job not found there was lost. */
  added: boolean;
}

/**
 * Outcomes arrive as QueueEvents; a unit whose event was missed (a reconnect, a trimmed event stream) is
 * found by reading its job this often, milliseconds.
 */
const FALLBACK_POLL_MS = 5000;

/** How long Redis keeps a finished job nobody took (its study was interrupted), seconds. */
const LEFTOVER_SECONDS = 3600;

/** A runner on the BullMQ queue at `url`; close it when done (it removes the study's unfinished jobs). */
export async function redisRunner(url: string, options: RedisRunnerOptions): Promise<ClosableRunner> {
  await probeRedis(url);
  const { Queue, QueueEvents } = await import('bullmq');
  const name = queueName(options.version);
  const connection = { url };
  const queue: Queue<UnitJob, string> = new Queue(name, { connection });
  queue.on('error', () => undefined); // ioredis reconnects by itself; a lost unit is found by the poll
  // Events are read from the stream's last entry now, not from whenever the first read starts ('$'):
  // a unit that ends before that first read would otherwise be heard only by the poll.
  const lastEventId = await lastStreamId(url, queue.toKey('events'));
  const events: QueueEvents = new QueueEvents(name, { connection, lastEventId });
  events.on('error', () => undefined);
  await events.waitUntilReady();
  if (options.onNoWorkers && (await queue.getWorkersCount()) === 0) options.onNoWorkers(name);

  const runId = randomUUID();
  let nextUnit = 0;
  const ledger = unitLedger(queue, events);
  return {
    concurrency: Math.max(1, options.concurrency),
    async run(task: ReplicationTask, onProgress?: (fraction: number) => void): Promise<TaskOutcome> {
      const jobId = `${runId}.${nextUnit++}`;
      const outcome = ledger.expect(jobId, onProgress);
      try {
        await queue.add(
          'unit',
          { version: options.version, unit: encodeUnit(task) },
          // Removed once taken; these ages only evict what an interrupted study left behind.
          { jobId, removeOnComplete: { age: LEFTOVER_SECONDS }, removeOnFail: { age: LEFTOVER_SECONDS } },
        );
      } catch (error) {
        ledger.forget(jobId);
        throw error;
      }
      ledger.added(jobId);
      return outcome;
    },
    async close() {
      await ledger.close();
      await Promise.all([events.close(), queue.close()]);
    },
  };
}

/** The id of the stream's newest entry, or '0-0' for an empty or missing stream. */
async function lastStreamId(url: string, key: string): Promise<string> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    const [newest] = await client.xrevrange(key, '+', '-', 'COUNT', 1);
    return newest?.[0] ?? '0-0';
  } finally {
    client.disconnect();
  }
}

/** The study's units in flight, keyed by job id: each one's outcome is taken once, from the first report. */
interface UnitLedger {
  expect(jobId: string, onProgress?: (fraction: number) => void): Promise<TaskOutcome>;
  added(jobId: string): void;
  forget(jobId: string): void;
  /** Stops listening and removes the study's jobs from Redis, finished or not. */
  close(): Promise<void>;
}

function unitLedger(queue: Queue<UnitJob, string>, events: QueueEvents): UnitLedger {
  const pending = new Map<string, PendingUnit>();
  /** Finished jobs being deleted: their outcomes are taken, and Redis should not keep them. */
  const removals: Promise<unknown>[] = [];

  const settle = (jobId: string, outcome: string | Error) => {
    const unit = pending.get(jobId);
    if (unit === undefined) return; // another study's unit, or a completion already taken
    pending.delete(jobId);
    removals.push(queue.remove(jobId).catch(() => 0));
    if (outcome instanceof Error) return unit.reject(outcome);
    const decoded = decodeOutcome(outcome);
    if (decoded.kind === 'stopped') unit.reject(new RunStoppedError(decoded.stop));
    else unit.resolve(decoded);
  };
  const failure = (jobId: string, reason: string) =>
    new RedisQueueError(`unit ${jobId} failed on a queuesim worker: ${reason}`);

  events.on('completed', ({ jobId, returnvalue }) => settle(jobId, String(returnvalue)));
  events.on('failed', ({ jobId, failedReason }) => settle(jobId, failure(jobId, failedReason)));
  events.on('progress', ({ jobId, data }) => {
    if (typeof data === 'number') pending.get(jobId)?.onProgress?.(data);
  });
  const poll = setInterval(() => {
    for (const [jobId, unit] of pending) {
      if (!unit.added) continue;
      void queue.getJob(jobId).then(
        (job: Job<UnitJob, string> | undefined) => {
          if (job === undefined) {
            return settle(jobId, new RedisQueueError(`unit ${jobId} is gone from Redis (was it restarted?)`));
          }
          if (job.finishedOn === undefined) return;
          if (job.failedReason) settle(jobId, failure(jobId, job.failedReason));
          else settle(jobId, job.returnvalue);
        },
        () => undefined,
      );
    }
  }, FALLBACK_POLL_MS);

  return {
    expect: (jobId, onProgress) =>
      new Promise<TaskOutcome>((resolve, reject) => {
        pending.set(jobId, { resolve, reject, onProgress, added: false });
      }),
    added: (jobId) => {
      const unit = pending.get(jobId);
      if (unit) unit.added = true;
    },
    forget: (jobId) => pending.delete(jobId),
    async close() {
      clearInterval(poll);
      // Units nobody will wait for: a waiting job is removed; one a worker holds runs out and is dropped.
      const unfinished = [...pending.keys()];
      pending.clear();
      await Promise.all([...removals, ...unfinished.map((jobId) => queue.remove(jobId).catch(() => 0))]);
    },
  };
}
