import { parseWholeNumber } from '../../api/option-values.js';
import { startRedisWorker, type UnitEvent } from '../../api/redis-worker.js';
import type { WorkerArgs } from '../commands/worker.js';
import { packageVersion, writeStderr } from '../io.js';
import { workerCount } from '../study-session.js';

/** Serves the queue until SIGTERM or SIGINT, which let the units in hand finish (a second one exits now). */
export async function handle(args: WorkerArgs): Promise<void> {
  const threads = workerCount(args.workers);
  const worker = await startRedisWorker(args.redis, {
    version: packageVersion(),
    threads,
    lockDurationMs: parseWholeNumber('--lock-duration', args.lockDuration, 1),
    stalledIntervalMs: parseWholeNumber('--stalled-interval', args.stalledInterval, 1),
    onUnit: args.quiet ? undefined : (event) => writeStderr(describeUnit(event)),
    onError: (error) => writeStderr(`queuesim worker: ${error.message}`),
  });
  if (!args.quiet) {
    writeStderr(
      `queuesim worker ${process.pid}: serving ${worker.queue} on ${args.redis} with ${threads} thread(s)`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
      if (!args.quiet) writeStderr(`queuesim worker ${process.pid}: ${signal}, finishing the units in hand`);
      void worker.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
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
