/**
 * Headroom: the largest multiple of the written load at which every SLO still passes, and which SLO breaks
 * first beyond it. The search gallops (×2 or ÷2 from 1) to a bracket [passes, fails] and bisects it
 * geometrically until the two ends are within `tolerance` of each other. Every load runs with the same
 * seed, so neighbouring loads differ by the load and not by noise, which keeps the search monotone.
 *
 * A load's SLOs pass (every CI within its limit), fail (some CI beyond) or are uncertain (a CI straddles a
 * limit). Between the last significant pass and the first significant fail lies a band where the CIs do
 * not separate pass from fail; when it is wider than `DECIDED_WITHIN` the headroom is "cannot tell", not
 * the bottom of the band (which would read as "no headroom" when it means "not enough replications").
 * The same holds when nothing passes down to the lowest load but nothing fails there for sure either (runs
 * too short for a p99's CI): "cannot tell", never "not met even at 1/64×".
 */
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../results/analysis-results.js';
import { applyParameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { replicatedForSlos } from './slo.js';
import { runStudy, type TaskRunner } from './replications.js';
import { slimResult } from './sweep.js';

/** The headroom is decided when the band of uncertain loads spans at most this fraction (10 %). */
export const DECIDED_WITHIN = 0.1;

/** Why the headroom cannot be told: the band of loads where the CIs do not separate pass from fail. */
export interface HeadroomUndecided {
  /** Largest load found at which every SLO passes significantly; null when none down to `minLoad` does. */
  passesAt: number | null;
  /** Smallest load found at which some SLO fails significantly; null when none up to `maxLoad` does. */
  failsAt: number | null;
  /** Replications behind each load's CIs. */
  replications: number;
  /** The band `replicationsToDecide` aims at, as a fraction of the load (`DECIDED_WITHIN`). */
  decidedWithin: number;
  /**
   * Replications that would shrink the band to `DECIDED_WITHIN`: CI half-widths shrink as 1/√n, and so does
   * the band, so n·(ln(failsAt/passesAt) / ln(1 + DECIDED_WITHIN))²; null when there is no band to shrink.
   */
  replicationsToDecide: number | null;
}

/** What `queuesim headroom` reports (`--json`). */
export interface HeadroomResult {
  scenario: string;
  /**
   * Largest load multiplier found to meet every SLO; null when none down to `minLoad` does, or when the
   * CIs cannot tell (`cannotTell`).
   */
  headroom: number | null;
  /** Set instead of a `headroom` multiple when the CIs do not separate pass from fail; null otherwise. */
  cannotTell: HeadroomUndecided | null;
  /** Smallest load multiplier found to break some SLO; null when none up to `maxLoad` does. */
  failsAt: number | null;
  /** The SLOs that do not pass at `failsAt` (fail or uncertain): the ones that break first. */
  breaksFirst: SloVerdict[];
  evaluations: number;
  /** The result at `headroom` (at `cannotTell.passesAt` when undecided): metrics with CIs and SLO verdicts. */
  result: RunResult | null;
  /** Every load the search evaluated, in increasing order: the evidence of the search. */
  evaluated: HeadroomPoint[];
}

/** One load the search evaluated: whether every SLO passed there, and its SLO verdicts with their CIs. */
export interface HeadroomPoint {
  /** Multiple of the written load. */
  load: number;
  /** Every verdict a pass. */
  meets: boolean;
  slo: SloVerdict[];
}

/** How far the searches go: the bisection's relative tolerance and the range of loads tried. */
interface SearchRange {
  tolerance: number;
  minLoad: number;
  maxLoad: number;
}

/** Each load studied once (same seed), remembered; whether its SLOs all pass, or some surely fails. */
function loadEvaluator(scenario: Scenario, runner: TaskRunner) {
  const runs = new Map<number, RunResult>();
  const meets = async (load: number) => {
    if (!runs.has(load)) {
      const loaded = applyParameter(replicatedForSlos(scenario), { path: 'load', unit: 'multiplier' }, load);
      runs.set(load, slimResult((await runStudy(loaded, { runner })).result));
    }
    return (runs.get(load)?.slo ?? []).every((verdict) => verdict.verdict === 'pass');
  };
  /** True when some SLO fails significantly at `load`. */
  const fails = async (load: number) => {
    await meets(load);
    return (runs.get(load)?.slo ?? []).some((verdict) => verdict.verdict === 'fail' && verdict.significant);
  };
  return { runs, meets, fails };
}

/** The bracket [last load that passes, first that does not]: gallop ×2 or ÷2 from 1, bisect geometrically. */
async function passFailBracket(
  meets: (load: number) => Promise<boolean>,
  { tolerance, minLoad, maxLoad }: SearchRange,
): Promise<{ low: number | null; high: number | null }> {
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
  return { low, high };
}

/**
 * Where the first significant fail lies above the last pass: gallop, then narrow it only as far as
 * needed to tell whether the band between them is within DECIDED_WITHIN. Null when none up to `maxLoad`.
 */
async function firstSureFail(
  fails: (load: number) => Promise<boolean>,
  low: number,
  high: number,
  { tolerance, maxLoad }: SearchRange,
): Promise<number | null> {
  let surelyFails: number | null = null;
  let uncertain = low;
  for (let load = high; load <= maxLoad * (1 + 1e-9); load = Number((load * 2).toPrecision(6))) {
    if (await fails(load)) {
      surelyFails = load;
      break;
    }
    uncertain = load;
  }
  while (
    surelyFails !== null &&
    surelyFails / low > 1 + DECIDED_WITHIN &&
    uncertain / low <= 1 + DECIDED_WITHIN &&
    surelyFails / uncertain > 1 + tolerance
  ) {
    const middle = Number(Math.sqrt(uncertain * surelyFails).toPrecision(6));
    if (await fails(middle)) surelyFails = middle;
    else uncertain = middle;
  }
  return surelyFails;
}

/** The first load, galloping ×2 up from `lowest` (which does not fail for sure), where some SLO surely fails. */
async function firstSureFailAbove(
  fails: (load: number) => Promise<boolean>,
  lowest: number,
  maxLoad: number,
): Promise<number | null> {
  for (let load = Number((lowest * 2).toPrecision(6)); load <= maxLoad * (1 + 1e-9);) {
    if (await fails(load)) return load;
    load = Number((load * 2).toPrecision(6));
  }
  return null;
}

/** The undecided band between the last pass and the first sure fail, and the replications to close it. */
function undecidedBand(
  low: number | null,
  surelyFails: number | null,
  replications: number,
): HeadroomUndecided {
  return {
    passesAt: low,
    failsAt: surelyFails,
    replications,
    decidedWithin: DECIDED_WITHIN,
    replicationsToDecide:
      surelyFails === null || low === null
        ? null
        : Math.ceil(replications * (Math.log(surelyFails / low) / Math.log(1 + DECIDED_WITHIN)) ** 2),
  };
}

/** Finds the headroom of `scenario` (which must have SLOs). */
export async function findHeadroom(
  scenario: Scenario,
  options: { runner: TaskRunner; tolerance?: number; minLoad?: number; maxLoad?: number },
): Promise<HeadroomResult> {
  const range: SearchRange = {
    tolerance: options.tolerance ?? 0.02,
    minLoad: options.minLoad ?? 1 / 64,
    maxLoad: options.maxLoad ?? 64,
  };
  const { runs, meets, fails } = loadEvaluator(scenario, options.runner);
  const { low, high } = await passFailBracket(meets, range);
  const failing =
    high === null ? [] : (runs.get(high)?.slo ?? []).filter((verdict) => verdict.verdict !== 'pass');
  // Nothing passes down to the lowest load: "not met even there" only when some SLO fails there for
  // sure; uncertain verdicts all the way down (a run too short for a p99's CI) mean the CIs cannot tell.
  const noPassUndecided = low === null && high !== null && !(await fails(high));
  const surelyFails =
    low !== null && high !== null
      ? await firstSureFail(fails, low, high, range)
      : noPassUndecided
        ? await firstSureFailAbove(fails, high, range.maxLoad)
        : null;
  const decided =
    !noPassUndecided &&
    (low === null || high === null || (surelyFails !== null && surelyFails / low <= 1 + DECIDED_WITHIN));
  const replications = replicatedForSlos(scenario).statistics?.replications ?? 1;
  return {
    scenario: scenario.name,
    headroom: decided ? low : null,
    cannotTell: decided ? null : undecidedBand(low, surelyFails, replications),
    failsAt: high,
    breaksFirst: failing,
    evaluations: runs.size,
    result: low === null ? null : (runs.get(low) ?? null),
    evaluated: [...runs]
      .sort(([a], [b]) => a - b)
      .map(([load, run]) => {
        const slo = run.slo ?? [];
        return { load, meets: slo.every((verdict) => verdict.verdict === 'pass'), slo };
      }),
  };
}
