/**
 * Headroom: the largest multiple of the written load at which every SLO still passes, and which SLO breaks
 * first beyond it. The search gallops (×2 or ÷2 from 1) to a bracket [passes, fails] and bisects it
 * geometrically until the two ends are within `tolerance` of each other. Every load runs with the same
 * seed, so neighbouring loads differ by the load and not by noise, which keeps the search monotone.
 */
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../model/statistics-result.js';
import { applyParameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { replicatedForSlos } from './slo.js';
import { runStudy, type TaskRunner } from './replications.js';
import { slimResult } from './sweep.js';

/** What `queuesim headroom` reports (`--json`). */
export interface HeadroomResult {
  scenario: string;
  /** Largest load multiplier found to meet every SLO; null when none down to `minLoad` does. */
  headroom: number | null;
  /** Smallest load multiplier found to break some SLO; null when none up to `maxLoad` does. */
  failsAt: number | null;
  /** The SLOs that do not pass at `failsAt` (fail or uncertain): the ones that break first. */
  breaksFirst: SloVerdict[];
  evaluations: number;
  /** The result at `headroom`: metrics with CIs and SLO verdicts. */
  result: RunResult | null;
}

/** Finds the headroom of `scenario` (which must have SLOs). */
export async function findHeadroom(
  scenario: Scenario,
  options: { runner: TaskRunner; tolerance?: number; minLoad?: number; maxLoad?: number },
): Promise<HeadroomResult> {
  const tolerance = options.tolerance ?? 0.02;
  const minLoad = options.minLoad ?? 1 / 64;
  const maxLoad = options.maxLoad ?? 64;
  const runs = new Map<number, RunResult>();
  const meets = async (load: number) => {
    if (!runs.has(load)) {
      const loaded = applyParameter(replicatedForSlos(scenario), { path: 'load', unit: 'multiplier' }, load);
      runs.set(load, slimResult((await runStudy(loaded, { runner: options.runner })).result));
    }
    return (runs.get(load)?.slo ?? []).every((verdict) => verdict.verdict === 'pass');
  };
  let low: number | null = null;
  let high: number | null = null;
  if (await meets(1)) {
    low = 1;
    for (let load = 2; load <= maxLoad; load *= 2) {
      if (await meets(load)) low = load;
      else {
        high = load;
        break;
      }
    }
  } else {
    high = 1;
    for (let load = 0.5; load >= minLoad; load /= 2) {
      if (await meets(load)) {
        low = load;
        break;
      }
      high = load;
    }
  }
  while (low !== null && high !== null && high / low > 1 + tolerance) {
    const middle = Number(Math.sqrt(low * high).toPrecision(6));
    if (await meets(middle)) low = middle;
    else high = middle;
  }
  const failing =
    high === null ? [] : (runs.get(high)?.slo ?? []).filter((verdict) => verdict.verdict !== 'pass');
  return {
    scenario: scenario.name,
    headroom: low,
    failsAt: high,
    breaksFirst: failing,
    evaluations: runs.size,
    result: low === null ? null : (runs.get(low) ?? null),
  };
}
