/**
 * The worker process's side of the BullMQ pool: takes units from this version's queue and runs each on a
 * worker thread, never on the main thread, whose event loop must stay free to renew the job's lock — a
 * CPU-bound unit there would stop the renewal and BullMQ would take a healthy job for a stalled one.
 */
import type { Job } from 'bullmq';
import { RunStoppedError } from '../model/backlog-limit.js';
import {
  decodeUnit,
  encodeOutcome,
  probeRedis,
  queueName,
  type UnitJob,
  type UnitOutcome,
} from './redis-queue.js';
import { workerPoolRunner } from './worker-pool.js';

export interface RedisWorkerOptions {
  /** This worker's queuesim version: it serves that version's queue and refuses units of any other. */
  version: string;
  /** Units run at once, one worker thread each. */
  threads: number;
  /** BullMQ's lockDuration: a unit whose lock is not renewed for this long is stalled, milliseconds. */
  lockDurationMs: number;
  /** BullMQ's stalledInterval: how often this worker looks for stalled units, milliseconds. */
  stalledIntervalMs: number;
  /** Hears each unit as it starts and ends (for the worker's log). */
  onUnit?: (event: UnitEvent) => void;
  /** Hears connection and processing errors that do not stop the worker. */
  onError?: (error: Error) => void;
}

export type UnitEvent =
  | { kind: 'started'; jobId: string; attempt: number }
  | { kind: 'finished'; jobId: string; seconds: number }
  | { kind: 'failed'; jobId: string; reason: string };

/** A running worker: `close()` lets the units in hand finish, then stops. */
export interface RedisWorker {
  queue: string;
  close(): Promise<void>;
}

/** The least time between two progress reports of one unit to Redis, milliseconds. */
const PROGRESS_EVERY_MS = 250;

/** Starts serving the queue at `url`. */
export async function startRedisWorker(url: string, options: RedisWorkerOptions): Promise<RedisWorker> {
  await probeRedis(url);
  const { Worker, UnrecoverableError } = await import('bullmq');
  const threads = workerPoolRunner(options.threads);
  const name = queueName(options.version);

  const processUnit = async (job: Job<UnitJob, string>): Promise<string> => {
    const jobId = job.id ?? '?';
    if (job.data.version !== options.version) {
      throw new UnrecoverableError(
        `unit ${jobId} comes from queuesim ${job.data.version}; this worker is queuesim ${options.version}`,
      );
    }
    options.onUnit?.({ kind: 'started', jobId, attempt: job.attemptsStarted });
    const startedAt = performance.now();
    let reportedAt = 0;
    const onProgress = (fraction: number) => {
      const now = performance.now();
      if (now - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = now;
      void job.updateProgress(fraction).catch(() => undefined);
    };
    let outcome: UnitOutcome;
    try {
      outcome = await threads.run(decodeUnit(job.data.unit), onProgress);
    } catch (error) {
      // A backlog limit is the unit's result, which the study reports as the local run would.
      if (!(error instanceof RunStoppedError)) throw error;
      outcome = { kind: 'stopped', stop: error.stop };
    }
    options.onUnit?.({ kind: 'finished', jobId, seconds: (performance.now() - startedAt) / 1000 });
    return encodeOutcome(outcome);
  };

  const worker = new Worker<UnitJob, string>(name, processUnit, {
    // BullMQ requires workers' blocking connections to retry commands forever.
    connection: { url, maxRetriesPerRequest: null },
    concurrency: options.threads,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    autorun: false,
  });
  worker.on('error', (error) => options.onError?.(error));
  worker.on('failed', (job, error) =>
    options.onUnit?.({ kind: 'failed', jobId: job?.id ?? '?', reason: error.message }),
  );
  const running = worker.run();
  await worker.waitUntilReady();
  return {
    queue: name,
    async close() {
      await worker.close();
      await running;
      await threads.close();
    },
  };
}
