/**
 * The lines under the tables that say how the numbers were made: replications or batch means, the
 * detected warm-up, whether the precision was met, and where the simulation and theory disagree.
 */
import type { RunResult } from '../model/run-result.js';
import { formatPercent, formatSeconds } from './format.js';
import type { Paint } from './estimate-cells.js';

/** Lag-1 autocorrelation of batch means above which the batches are too short to be independent. */
const BATCH_CORRELATION_WARNING = 0.3;

/** "10 replications × 10min measured after 60s warm-up; ± = 95 % CI half-width" and the like. */
export function describeRuns(result: RunResult): string {
  const measured = formatSeconds(result.measuredSeconds);
  const warmup =
    result.warmupSeconds > 0
      ? ` after ${formatSeconds(result.warmupSeconds)} warm-up${result.warmupDetection ? ' (auto)' : ''}`
      : result.warmupDetection
        ? ' (auto warm-up: none needed)'
        : '';
  if (result.batchMeans) {
    const { batches, batchSeconds } = result.batchMeans;
    return `${measured} measured${warmup} in ${batches} batches of ${formatSeconds(batchSeconds)}; ± = 95 % CI half-width (batch means)`;
  }
  if (result.replications && result.replications > 1) {
    return `${result.replications} replications × ${measured} measured${warmup}; ± = 95 % CI half-width`;
  }
  return `${measured} measured${warmup}`;
}

/** "PARTIAL: the time budget ran out at 12.5s of 1h simulated …" for a study cut short, else null. */
export function describePartial(result: RunResult): string | null {
  const partial = result.partial;
  if (!partial) return null;
  const reached = `${formatSeconds(partial.simulatedSeconds)} of ${formatSeconds(partial.plannedSeconds)} simulated`;
  const how =
    partial.plannedRuns > 1
      ? partial.completedRuns > 0
        ? `${partial.completedRuns} of ${partial.plannedRuns} replications finished; the numbers combine those`
        : `no replication of ${partial.plannedRuns} finished; the numbers are the one that got furthest, ${reached}`
      : `the run reached ${reached}; the numbers cover the ${formatSeconds(result.measuredSeconds)} measured`;
  return `PARTIAL: the time budget ran out: ${how}`;
}

/** Notes for the end of the table, one per line, most important first. */
export function studyNotes(result: RunResult, paint: Paint): string[] {
  const notes: string[] = [];
  const partial = describePartial(result);
  if (partial) notes.push(paint.yellow(partial));
  const precision = result.precision;
  if (precision) {
    const runs = result.batchMeans
      ? `${result.batchMeans.batches} batches`
      : `${result.replications} replications`;
    const target = formatPercent(precision.target);
    if (precision.converged) {
      notes.push(`precision ${target}: met by every headline metric after ${runs}`);
    } else {
      const misses = precision.notConverged.map(
        (miss) =>
          `${miss.queue} ${miss.metric} ${miss.relativeHalfWidth === null ? '(no CI: undefined in some runs)' : `±${formatPercent(miss.relativeHalfWidth)}`}`,
      );
      notes.push(
        paint.yellow(`precision ${target}: NOT met after ${runs} (stopped by ${precision.stoppedBy}): `) +
          misses.join(', '),
      );
    }
  }
  const detection = result.warmupDetection;
  if (detection) {
    const cuts = Object.entries(result.queues).map(
      ([name, queue]) => `${name} ${formatSeconds(queue.warmupCutSeconds ?? 0)}`,
    );
    notes.push(
      `warm-up auto (MSER-5 on ${detection.pilotReplications} pilot run${detection.pilotReplications > 1 ? 's' : ''}): ${cuts.join(', ')}; the longest applies to all queues`,
    );
    for (const name of detection.unreliable) {
      notes.push(
        paint.yellow(
          `! ${name}: its transient lasts more than half of the ${formatSeconds(detection.horizonSeconds)} run, so the cut is a lower bound; increase duration`,
        ),
      );
    }
  }
  if (result.batchMeans) {
    for (const [name, r] of Object.entries(result.batchMeans.lag1Autocorrelation)) {
      if (r !== null && r > BATCH_CORRELATION_WARNING) {
        notes.push(
          paint.yellow(
            `! ${name}: consecutive batch means are correlated (lag-1 ${r.toFixed(2)}), so the CIs are too narrow; use fewer, longer batches`,
          ),
        );
      }
    }
  }
  notes.push(...analyticNotes(result, paint));
  return notes;
}

function analyticNotes(result: RunResult, paint: Paint): string[] {
  const notes: string[] = [];
  let judged = false;
  let shown = false;
  for (const [name, queue] of Object.entries(result.queues)) {
    const analytic = queue.analytic;
    if (!analytic) continue;
    // The table's theory row already says why there is no estimate.
    if (analytic.model === null) continue;
    shown = true;
    if (!analytic.stable && analytic.peakRate !== undefined) {
      notes.push(
        paint.yellow(
          `! ${name}: at the peak rate (${Number(analytic.peakRate.toPrecision(4))}/s offered) the consumers cannot keep up: the queue grows without bound for as long as the peak lasts`,
        ),
      );
    } else if (!analytic.stable) {
      notes.push(
        paint.yellow(
          `! ${name}: offered load reaches the consumers' capacity (${analytic.model} is unstable): the queue grows without bound, and longer runs show longer waits`,
        ),
      );
    }
    if (analytic.outside === undefined) continue;
    judged = true;
    if (analytic.outside.length === 0) continue;
    const metrics = analytic.outside.join(', ');
    notes.push(
      analytic.exact
        ? paint.red(
            `! ${name}: the simulation disagrees with exact ${analytic.model} theory on ${metrics} (outside the 99 % CI). ` +
              'A short run, warm-up or a modelling difference can explain it; if not, it is a bug.',
          )
        : paint.yellow(
            `! ${name}: the simulation is more than 30 % off the ${analytic.method} on ${metrics}; ` +
              'approximations can be that far off, so trust the simulation, but check the model.',
          ),
    );
  }
  if (shown && !judged) {
    notes.push(
      paint.dim(
        'theory rows are steady-state values; run with --replications 10 to check the simulation against them',
      ),
    );
  }
  return notes;
}
