import type { Scenario } from '../scenario/types.js';
import { Network } from './network.js';
import type { RunResult } from './run-result.js';
import { runReporting, withinBacklogLimit } from './simulate.js';

/** How to cut one long run into batches. */
export interface BatchRunOptions {
  streamSeed?: number | string;
  /** Batches to run before `shouldContinue` is first asked; each lasts duration / batches. */
  batches: number;
  /** Never run more batches than this. */
  maxBatches: number;
  /** Asked after each batch from the `batches`-th on (not at the cap), with all results so far: one more? */
  shouldContinue?: (results: readonly RunResult[]) => boolean;
  /** Told the fraction of the initial batches' simulated time done (may pass 1 when the run is extended). */
  onProgress?: (fraction: number) => void;
  /** Epoch milliseconds at which the run stops, keeping only the batches finished by then; null = none. */
  deadline?: number | null;
}

/**
 * One long run after the warm-up, measured in consecutive equal batches (for batch means): each result
 * covers one batch only. The first batch starts where the warm-up ends, and each batch's statistics start
 * from the state the previous one left, so the batches together are exactly one run.
 */
export function simulateBatches(scenario: Scenario, options: BatchRunOptions): RunResult[] {
  const network = new Network(scenario, options.streamSeed ?? scenario.seed);
  const batchSeconds = scenario.durationSeconds / options.batches;
  const plannedEnd = scenario.warmupSeconds + scenario.durationSeconds;
  const results: RunResult[] = [];
  withinBacklogLimit(network, () => {
    network.start();
    // Without a warm-up, measuring starts before anything happens (a trace's first record arrives at 0).
    const deadline = options.deadline ?? null;
    if (scenario.warmupSeconds > 0) {
      if (!runReporting(network, scenario.warmupSeconds, plannedEnd, options.onProgress, deadline)) return;
    }
    network.startMeasuring();
    for (let batch = 1; batch <= options.maxBatches; batch++) {
      // Boundaries from the batch count, not by accumulation, so batch k ends at the same time in every run.
      const boundary = scenario.warmupSeconds + batch * batchSeconds;
      if (!runReporting(network, boundary, plannedEnd, options.onProgress, deadline)) return;
      results.push({ ...network.result(), measuredSeconds: batchSeconds });
      network.startMeasuring();
      if (batch < options.batches) continue;
      if (batch === options.maxBatches || !(options.shouldContinue?.(results) ?? false)) break;
    }
  });
  return results;
}
