import { LogHistogram, type FlowLatencyHistogram, type LatencySummary } from './log-histogram.js';

/** One route's completions end to end, over the measured interval (public JSON names, seconds). */
export interface RouteStats {
  /** Copies that completed this route (left the network after its last queue); losses are not counted. */
  completed: number;
  /** Publish → completion at the route's last queue. */
  endToEnd: LatencySummary;
}

/**
 * Streaming end-to-end statistics per route (a path of queues through `then` routes), by route number.
 * A route's histogram is made on its first completion, so routes that never complete cost nothing.
 */
export class RouteCollector {
  private readonly counts: Float64Array;
  private readonly histograms: Array<LogHistogram | null>;

  constructor(routeCount: number) {
    this.counts = new Float64Array(routeCount);
    this.histograms = new Array<LogHistogram | null>(routeCount).fill(null);
  }

  /** A copy completed route `route`, `endToEndSeconds` after it was published. */
  completed(route: number, endToEndSeconds: number): void {
    this.counts[route]++;
    const histogram = this.histograms[route] ?? (this.histograms[route] = new LogHistogram());
    histogram.record(endToEndSeconds);
  }

  /** Forgets the warm-up. */
  startMeasuring(): void {
    this.counts.fill(0);
    for (const histogram of this.histograms) histogram?.reset();
  }

  /** The routes completed at least once since measuring began, in route order, with their statistics. */
  snapshot(): Array<{ route: number; stats: RouteStats; latencyHistogram: FlowLatencyHistogram }> {
    const rows = [];
    for (let route = 0; route < this.counts.length; route++) {
      const histogram = this.histograms[route];
      if (this.counts[route] === 0 || histogram === null) continue;
      rows.push({
        route,
        stats: { completed: this.counts[route], endToEnd: histogram.summary() },
        latencyHistogram: { endToEnd: histogram.buckets() },
      });
    }
    return rows;
  }
}
