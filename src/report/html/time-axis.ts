/** The unit a report uses for simulated time on chart axes, chosen from the measured interval's length. */
export interface TimeAxis {
  /** Seconds per axis unit. */
  secondsPerUnit: number;
  /** Short unit name: "s", "min" or "h". */
  unit: string;
  /** Axis title with the unit. */
  title: string;
}

/** Seconds up to 5 minutes, minutes up to 5 hours, hours beyond. */
export function timeAxis(measuredSeconds: number, warmupSeconds: number): TimeAxis {
  const [secondsPerUnit, unit] =
    measuredSeconds <= 300 ? [1, 's'] : measuredSeconds <= 5 * 3600 ? [60, 'min'] : [3600, 'h'];
  const since = warmupSeconds > 0 ? 'Time since the warm-up ended' : 'Simulated time';
  return { secondsPerUnit, unit, title: `${since} (${unit})` };
}

/** The unit for latencies on chart axes: milliseconds when the tail is under 2 s, else seconds. */
export function latencyUnit(tailSeconds: number | null): { secondsPerUnit: number; unit: string } {
  return tailSeconds !== null && tailSeconds < 2
    ? { secondsPerUnit: 1e-3, unit: 'ms' }
    : { secondsPerUnit: 1, unit: 's' };
}
