import { parseWholeNumber } from '../../api/option-values.js';
import { redactedUrl } from '../../api/redis-queue.js';
import { startRedisWorker, type UnitEvent } from '../../api/redis-worker.js';
import type { WorkerArgs } from '../commands/worker.js';
import { packageVersion, writeStderr } from '../io.js';
import { workerCount } from '../study-session.js';

/** Serves the queue until SIGTERM or SIGINT, which let the units in hand finish (a second one exits now). */
export async function handle(args: WorkerArgs): Promise<void> {
  const threads = workerCount(args.workers);
  const lockDurationMs = parseWholeNumber('--lock-duration', args.lockDuration, 1);
  const stalledIntervalMs = parseWholeNumber('--stalled-interval', args.stalledInterval, 1);
  // Listening from the start: a signal while connecting still means "stop once ready", not a hard kill.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
      resolve(signal);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  const worker = await startRedisWorker(args.redis, {
    version: packageVersion(),
    threads,
    lockDurationMs,
    stalledIntervalMs,
    onUnit: args.quiet ? undefined : (event) => writeStderr(describeUnit(event)),
    onError: (error) => writeStderr(`queuesim worker: ${error.message}`),
  });
  const log = (text: string) => {
    if (!args.quiet) writeStderr(`queuesim worker ${process.pid}: ${text}`);
  };
  log(`serving ${worker.queue} on ${redactedUrl(args.redis)} with ${threads} thread(s)`);
  log(`${await stopSignal}, finishing the units in hand`);
  await worker.close();
}

/** One line of the worker's log. */
function describeUnit(event: UnitEvent): string {
  switch (event.kind) {
    case 'started':
      return `unit ${event.jobId}: started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'finished':
      return `unit ${event.jobId}: done in ${event.seconds.toFixed(2)} s`;
    case 'failed':
      return `unit ${event.jobId}: failed: ${event.reason}`;
  }
}
