import type { Scenario } from '../scenario/types.js';
import { Network } from './network.js';
import { withinBacklogLimit } from './simulate.js';

/**
 * The time-averaged number in system of every queue on a fixed grid: `points` equal cells over
 * [0, horizonSeconds], no warm-up. This is the series that warm-up detection (MSER-5) reads; it costs one
 * pass over the model and `points` numbers per queue, whatever the run length.
 */
export function recordInSystemSeries(
  scenario: Scenario,
  options: {
    streamSeed?: number | string;
    horizonSeconds: number;
    points: number;
    onProgress?: (fraction: number) => void;
  },
): Record<string, number[]> {
  const network = new Network({ ...scenario, warmupSeconds: 0 }, options.streamSeed ?? scenario.seed);
  const { simulation } = network;
  const cell = options.horizonSeconds / options.points;
  const queues = scenario.queues.length;
  const area = new Float64Array(queues);
  const previous = new Float64Array(queues);
  const series = scenario.queues.map(() => new Array<number>(options.points));
  withinBacklogLimit(network, () => {
    network.start();
    network.startMeasuring();
    for (let k = 1; k <= options.points; k++) {
      const time = k === options.points ? options.horizonSeconds : k * cell;
      simulation.runUntil(time, network);
      network.integratedInSystem(area);
      for (let q = 0; q < queues; q++) {
        series[q][k - 1] = (area[q] - previous[q]) / cell;
        previous[q] = area[q];
      }
      if (options.onProgress && k % Math.max(1, Math.floor(options.points / 100)) === 0) {
        options.onProgress(k / options.points);
      }
    }
  });
  return Object.fromEntries(scenario.queues.map((spec, q) => [spec.name, series[q]]));
}
