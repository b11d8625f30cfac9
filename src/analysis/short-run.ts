/**
 * Runs too short for their load. A queue near saturation forgets its state slowly: its relaxation time,
 * for an M/M/c-like station, is about T = S / (c (1 − √ρ)²) (S the mean service time, c the consumers,
 * ρ their utilisation; Morse 1955, Cohen 1982 for M/M/1: 1/(μ(1 − √ρ)²)). A tail percentile is made by
 * rare long excursions, each lasting about T, so its estimate from a stretch of L seconds rests on about
 * (1 − q) · L / T of them, not on the (1 − q) · n messages beyond it. Calibrated on M/M/1 at ρ = 0.9
 * (test/analysis/percentile-coverage.test.ts): p99 sectioning intervals cover 95–96 % with replications of
 * 150 T (1.5 excursions each), about 80 % with 80 T. So the rule, for the p99 every queue reports:
 * - replications: each replication lasts at least 150 T;
 * - a single run (with or without batches): it lasts at least 750 T (five sections of 150 T).
 */
import type { QueueResult, RunResult } from '../model/run-result.js';
import { groupThousands } from '../math/thousands.js';

/** Relaxation times a replication (or a section of one run) needs for its p99 to behave. */
export const SECTION_RELAXATION_TIMES = 150;
/** Sections of that length a single run needs. */
export const RUN_SECTIONS = 5;

/** A queue's relaxation time in seconds from its own measured load; null when it has none (idle, saturated). */
export function relaxationSeconds(queue: QueueResult): number | null {
  const sojourn = queue.sojourn.mean;
  const wait = queue.wait.mean;
  if (sojourn === null || wait === null || queue.completed <= 0) return null;
  const service = sojourn - wait;
  // A topic: each partition is one consumer's, and the busiest consumer is the one that lags.
  const topic = typeof queue.busiestConsumerUtilization === 'number';
  const rho = topic ? (queue.busiestConsumerUtilization as number) : queue.utilization;
  const consumers = topic ? 1 : queue.consumers;
  if (rho === null || !(service > 0) || !(rho > 0) || rho >= 1 || !(consumers >= 1)) return null;
  return service / (consumers * (1 - Math.sqrt(rho)) ** 2);
}

/** Seconds, rounded up to two significant figures, for a message. */
function seconds(value: number): string {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return `${groupThousands(Math.ceil(value / magnitude) * magnitude)} s`;
}

/**
 * One warning per queue whose run is too short for its p99 (see the rule above), saying how long would
 * do. `replications` is the number of independent replications (1 for a single run or batch means).
 */
export function shortRunWarnings(result: RunResult, replications: number): string[] {
  const warnings: string[] = [];
  const measured = result.measuredSeconds;
  for (const [name, queue] of Object.entries(result.queues)) {
    const relaxation = relaxationSeconds(queue);
    if (relaxation === null) continue;
    const section = SECTION_RELAXATION_TIMES * relaxation;
    const rho = queue.busiestConsumerUtilization ?? queue.utilization ?? 0;
    const load = `relaxation time ${groupThousands(Number(relaxation.toPrecision(2)))} s at ${(rho * 100).toFixed(0)} % utilisation`;
    if (replications > 1 && measured < section) {
      warnings.push(
        `queue ${name}: replications too short for their load (${load}): its p99 and its CI are biased; run replications of ≥ ${seconds(section)} each (${SECTION_RELAXATION_TIMES} relaxation times; now ${seconds(measured)})`,
      );
    } else if (replications <= 1 && measured < RUN_SECTIONS * section) {
      warnings.push(
        `queue ${name}: run too short for its load (${load}): its p99 and any CI of it are unreliable; run ≥ ${seconds(RUN_SECTIONS * section)} (${RUN_SECTIONS * SECTION_RELAXATION_TIMES} relaxation times; now ${seconds(measured)}), or ≥ ${RUN_SECTIONS} replications of ≥ ${seconds(section)}`,
      );
    }
  }
  return warnings;
}
