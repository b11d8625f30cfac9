/** The warning printed before a run for each queue that grows without end. */
import type { Overload } from '../analysis/overload.js';
import { formatCount, formatNumber, formatSeconds } from './format.js';

/**
 * One line per overloaded queue: what it is offered and can serve, how fast its backlog grows, how many
 * messages that makes by the end of the run, and where the run would be stopped.
 */
export function overloadWarnings(
  overloads: readonly Overload[],
  runSeconds: number,
  maxBacklog: number,
): string[] {
  return overloads.map(({ queue, offered, served }) => {
    const growth = offered - served;
    const atEnd = growth * runSeconds;
    const stopsAt = maxBacklog / growth;
    const fate =
      atEnd > maxBacklog
        ? `it reaches the max-backlog of ${formatCount(maxBacklog)} messages after about ${formatSeconds(stopsAt)}, where the run stops`
        : `about ${formatCount(atEnd)} messages by the end of the run (${formatSeconds(runSeconds)})`;
    return (
      `warning: ${queue}: ${formatNumber(offered)}/s offered, ${formatNumber(served)}/s served at most: ` +
      `its backlog grows ~${formatNumber(growth)}/s, ${fate}. Add consumers, or bound it with capacity or ttl.`
    );
  });
}
