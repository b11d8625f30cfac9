/**
 * Fixed-grid time series of a run's queues: the plain data behind the `timeseries` JSON field, the CSV
 * export and the report's charts over time.
 */

/** Default number of bins over the measured interval, whatever its length. */
export const TIME_SERIES_BINS = 500;

/**
 * Bins over all queues' series together. A network of more than 200 queues gets fewer bins per queue, so
 * the series of 10,000 queues (and their JSON copy) take megabytes, not gigabytes.
 */
export const TIME_SERIES_BIN_BUDGET = 100_000;

/** Fewest bins a queue's series gets, however large the network. */
export const MIN_TIME_SERIES_BINS = 25;

/** Bins per queue's series in a network of `queues` queues: the default up to 200 queues, fewer beyond. */
export function timeSeriesBinsFor(queues: number): number {
  const share = Math.floor(TIME_SERIES_BIN_BUDGET / Math.max(1, queues));
  return Math.max(MIN_TIME_SERIES_BINS, Math.min(TIME_SERIES_BINS, share));
}

/** Significant digits kept in time-series values: bin averages are far noisier than this. */
const SIGNIFICANT_DIGITS = 6;

/** One queue's series, one value per bin (aligned with `TimeSeries.time`). */
export interface QueueTimeSeries {
  /** Time-average number of waiting messages over the bin. */
  depth: number[];
  /** Messages arriving at the queue (accepted or refused) per second. */
  arrivalsPerSecond: number[];
  /** Messages completed by the consumers per second. */
  completionsPerSecond: number[];
  /**
   * Messages dropped per second, as the queue's `dropped` counts them: refused, dropped from the head or
   * exhausted, and not dead-lettered (expired and dead-lettered messages are in `lostPerSecond`).
   */
  dropsPerSecond: number[];
  /** Time-average number of consumers busy over the bin. */
  busyConsumers: number[];
  /** Time-average number of consumers provisioned over the bin (changes only when the pool autoscales). */
  consumers: number[];
  /** Messages lost per second, as the queue's `lost` counts them: every reason, dead-lettered included. */
  lostPerSecond: number[];
}

/** The `timeseries` field of a run result. */
export interface TimeSeries {
  /** Width of every bin, seconds. */
  intervalSeconds: number;
  /** Start of each bin, seconds since measuring began; bin i covers [time[i], time[i] + intervalSeconds). */
  time: number[];
  /** Per queue name, the series on that grid. */
  queues: Record<string, QueueTimeSeries>;
  /** Present when the network is large enough to get a coarser grid than the default: says why. */
  note?: string;
}

/** The time axis of a grid and one queue's series on it. */
export interface GridSeries {
  intervalSeconds: number;
  time: number[];
  series: QueueTimeSeries;
}

/** Anything that can report its series on the shared grid (a QueueCollector). */
export interface TimeSeriesSource {
  timeSeries(now: number): GridSeries;
}

/** Why a large network's series are coarser than the default, or null when they are not. */
export function coarseGridNote(queues: number): string | null {
  const bins = timeSeriesBinsFor(queues);
  if (bins === TIME_SERIES_BINS) return null;
  return `${bins} bins per queue instead of ${TIME_SERIES_BINS}: the series of ${queues} queues share a budget of ${TIME_SERIES_BIN_BUDGET} bins`;
}

/** Combines per-queue series recorded on the same grid into the `timeseries` result field. */
export function combineTimeSeries(
  sources: ReadonlyArray<readonly [name: string, source: TimeSeriesSource]>,
  now: number,
): TimeSeries {
  const note = coarseGridNote(sources.length);
  const combined: TimeSeries = { intervalSeconds: 0, time: [], queues: {}, ...(note ? { note } : {}) };
  for (const [name, source] of sources) {
    const { intervalSeconds, time, series } = source.timeSeries(now);
    if (combined.time.length === 0) {
      combined.intervalSeconds = intervalSeconds;
      combined.time = time;
    }
    combined.queues[name] = series;
  }
  return combined;
}

/** `value` to six significant digits, as a number (keeps the JSON and CSV compact). */
export function roundSignificant(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  // Neighbouring bins often hold the same value (a count over the same width): toPrecision is the cost
  // of a large network's series, so the last answer is kept.
  if (value === lastRounded[0]) return lastRounded[1];
  lastRounded[0] = value;
  lastRounded[1] = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return lastRounded[1];
}
const lastRounded = new Float64Array([NaN, NaN]);

/**
 * The mean of several runs' series on the same grid (replications of one scenario): each bin of each
 * channel is averaged across the runs. Runs on different grids cannot be averaged: the first is returned.
 */
export function averageTimeSeries(runs: readonly TimeSeries[]): TimeSeries {
  const [first] = runs;
  const sameGrid = runs.every(
    (run) => run.intervalSeconds === first.intervalSeconds && run.time.length === first.time.length,
  );
  if (runs.length === 1 || !sameGrid) return first;
  const queues: Record<string, QueueTimeSeries> = {};
  for (const [name, series] of Object.entries(first.queues)) {
    const channels = Object.keys(series) as Array<keyof QueueTimeSeries>;
    queues[name] = Object.fromEntries(
      channels.map((channel) => [
        channel,
        series[channel].map((_, bin) =>
          roundSignificant(runs.reduce((sum, run) => sum + run.queues[name][channel][bin], 0) / runs.length),
        ),
      ]),
    ) as unknown as QueueTimeSeries;
  }
  const note = first.note === undefined ? {} : { note: first.note };
  return { intervalSeconds: first.intervalSeconds, time: first.time, queues, ...note };
}
