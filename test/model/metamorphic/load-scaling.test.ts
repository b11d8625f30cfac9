/**
 * Load scaling: a load multiple k (`load: xk`, as sweep, plan, headroom and variants apply it) multiplies
 * the messages every producer publishes by k — Poisson, schedules, on-off sources and batches alike —
 * within the paired replications' confidence interval (plus one batch of slack at the run's edges). A
 * producer stalled by a full `block` queue publishes less than it would: those scenarios are left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyParameter } from '../../../src/scenario/parameters.js';
import {
  METAMORPHIC_CHECK_ALPHA,
  pairedDifference,
  replicateRuns,
} from '../../helpers/metamorphic-statistics.js';
import { criticalStandardErrors } from '../../helpers/statistical.js';
import {
  metamorphicParameters,
  parseGenerated,
  scenarioArbitrary,
} from '../../helpers/scenario-arbitrary.js';

/** The largest batch the generator writes: a constant-gap producer's count moves by up to one batch. */
const EDGE_SLACK = 5;
/** Counts are precise: a few replications suffice. */
const LOAD_REPLICATIONS = 6;
/** t₅ at the metamorphic per-check level (≈ 9.7: few replications, so a wide quantile). */
const STANDARD_ERRORS = criticalStandardErrors(METAMORPHIC_CHECK_ALPHA, LOAD_REPLICATIONS - 1);

describe('load scaling', () => {
  it(`a load multiple k multiplies every producer's published count by k (${LOAD_REPLICATIONS} paired replications)`, () => {
    fc.assert(
      fc.property(scenarioArbitrary({ block: false }), fc.constantFrom(2, 0.5), (generated, k) => {
        const scenario = parseGenerated(generated);
        const scaled = applyParameter(scenario, { path: 'load', unit: 'multiplier' }, k);
        const base = replicateRuns(scenario, LOAD_REPLICATIONS);
        const more = replicateRuns(scaled, LOAD_REPLICATIONS);
        for (const producer of Object.keys(base[0].flows)) {
          const counts = base.map((run) => run.flows[producer].published);
          const perK = more.map((run) => run.flows[producer].published / k);
          const { mean, standardError } = pairedDifference(counts, perK);
          // One event at the run's edge, of the base run or of the scaled one (counted in base units).
          const allowed = STANDARD_ERRORS * standardError + EDGE_SLACK + EDGE_SLACK / k;
          expect(Math.abs(mean), `${producer}: published × ${k}: ${counts} vs ${perK}`).toBeLessThanOrEqual(
            allowed,
          );
        }
      }),
      metamorphicParameters(20),
    );
  });
});
