/**
 * Closed-form queueing results used to validate the simulator and to print analytic estimates beside
 * simulated ones. Rates per second, times in seconds. Infinite-queue formulas return `stable: false` with
 * Infinity means when λ ≥ cμ (see SteadyState); finite M/M/c/K always has a steady state.
 */
export type { SteadyState } from './steady-state.js';
export { erlangB, erlangC } from './erlang.js';
export { mmc, mmcWaitCdf, mmcWaitQuantile, mmcSojournCdf, mmcSojournQuantile, type MmcQueue } from './mmc.js';
export { mmck, mmckStateProbabilities, type MmckQueue, type MmckMetrics } from './mmck.js';
export { mg1, md1, type Mg1Queue } from './mg1.js';
export { kingman, allenCunneen, type GgcQueue } from './ggc-approx.js';
export { mm1Ttl, type Mm1TtlQueue, type Mm1TtlMetrics } from './mm1-ttl.js';
