/**
 * The check before a long study: its estimated size (analysis/run-size) against the threshold above which
 * it must be confirmed with `--yes` (or bounded with `--time-budget`). A run of 10^12 simulated seconds
 * must not start silently and run for ever; the user hears the estimate and how to go ahead.
 */
import { CONFIRM_ABOVE_EVENTS, TYPICAL_EVENTS_PER_SECOND, type RunSize } from '../analysis/run-size.js';
import { formatSeconds } from '../report/format.js';
import { formatEvents } from './event-count.js';
import { writeStderr } from './io.js';

export { formatEvents };

/** Above this estimated wall time, seconds, the estimate is printed before the run (unless --quiet). */
export const ANNOUNCE_ABOVE_SECONDS = 30;

/** The flags that confirm or silence a long study. */
export interface RunSizeArgs {
  yes: boolean;
  quiet: boolean;
}

/** A study too long to start without `--yes`: the CLI prints the message and exits 2. */
export class RunTooLongError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunTooLongError';
  }
}

/** "about 6.0 billion events in 1 run, ~1.7h at 1 million events/s" */
export function describeRunSize(size: RunSize): string {
  const runs = `${size.runs} run${size.runs === 1 ? '' : 's'}`;
  const rate = formatEvents(TYPICAL_EVENTS_PER_SECOND);
  return `about ${formatEvents(size.events)} events in ${runs}, ~${formatSeconds(size.wallSeconds)} at ${rate} events/s`;
}

/**
 * Refuses a study over the threshold unless `--yes` or a time budget bounds it; announces one that will
 * take more than half a minute (unless `--quiet`).
 */
export function confirmRunSize(
  size: RunSize,
  options: RunSizeArgs & { timeBudgetSeconds: number | null },
): void {
  const tooLong = !(size.events <= CONFIRM_ABOVE_EVENTS); // NaN or Infinity count as too long
  if (tooLong && !options.yes && options.timeBudgetSeconds === null) {
    throw new RunTooLongError(
      `this would simulate ${describeRunSize(size)}, over the ${formatEvents(CONFIRM_ABOVE_EVENTS)}-event limit ` +
        'for starting unasked. Shorten --duration (or lower the rates), bound it with --time-budget 10m ' +
        '(partial results), or add --yes to run it anyway.',
    );
  }
  if (!options.quiet && !(size.wallSeconds <= ANNOUNCE_ABOVE_SECONDS)) {
    writeStderr(`queuesim: ${describeRunSize(size)}; progress on stderr (--quiet hides it)`);
  }
}
