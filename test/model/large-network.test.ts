import { describe, expect, it } from 'vitest';
import { estimateScenario } from '../../src/analysis/estimates.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { fanOutScenario } from '../helpers/large-network.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

const QUEUES = 2000;

describe('a network of 2,000 queues', () => {
  it('loads, estimates and runs, holding memory per queue to what it records', () => {
    // 2,000 queues × 1/s × 5 s: about 10,000 messages. Before this issue the dense routing matrices and the
    // pairwise exactness scan made loading and estimating quadratic, and every queue held 143 KB of
    // histograms (286 MB of typed arrays here) before a message moved.
    const { scenario } = parseScenario(fanOutScenario(QUEUES, 5), 'large.yaml');
    expect(scenario.queues).toHaveLength(QUEUES);

    const estimates = estimateScenario(scenario);
    expect(Object.keys(estimates)).toHaveLength(QUEUES);
    const q0 = estimates.q0;
    expect(q0.model).toBe('M/M/1');

    const before = process.memoryUsage().arrayBuffers;
    const { result } = simulate(scenario);
    const grown = process.memoryUsage().arrayBuffers - before;
    const queues = Object.values(result.queues);
    expect(queues).toHaveLength(QUEUES);
    const arrivals = queues.reduce((sum, queue) => sum + queue.arrivals, 0);
    // A sum of independent Poisson counts: Poisson with mean 10,000 (standard deviation 100).
    const family = checkFamily('large network arrivals', 1);
    expectPass(family.withinStandardErrors(arrivals, 10_000, 100, { label: 'arrivals over 2,000 queues' }));
    // Typed arrays per queue: a few histogram octaves (about 15 KB) and a time-series grid coarsened to
    // 50 bins for 2,000 queues (2.9 KB instead of 28 KB): 18 KB measured, 43 KB with the full grid.
    expect(grown / QUEUES).toBeLessThan(30_000);
    expect(result.timeseries?.time).toHaveLength(50);
    expect(result.timeseries?.note).toContain('50 bins per queue instead of 500');
  }, 120_000);
});
