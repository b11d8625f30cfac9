/** A comparison as CSV: one row per later scenario and compared metric, values in the JSON's units. */
import type { CompareResult } from '../analysis/compare.js';
import { parseTarget } from '../scenario/compare-targets.js';
import { toCsv } from './csv.js';

/**
 * compare.csv: each paired difference with both means and its 95 % CI. Units are the JSON's: seconds,
 * fractions (0.05 = 5 %), messages per second, consumer-seconds.
 */
export function compareCsv(compare: CompareResult): string {
  const header = [
    'scenario',
    'baseline',
    'kind',
    'name',
    'metric',
    'baseline_value',
    'value',
    'difference',
    'ci95_low',
    'ci95_high',
    'significant',
    'replications',
  ];
  const rows = compare.differences.flatMap((diff) =>
    diff.metrics.map((metric) => {
      const { kind, name, metric: what } = parseTarget(metric.target);
      return [
        diff.scenario,
        diff.baseline,
        kind,
        name,
        what,
        metric.baseline,
        metric.value,
        metric.difference,
        metric.ci95?.[0],
        metric.ci95?.[1],
        metric.significant,
        compare.replications,
      ];
    }),
  );
  return toCsv(header, rows);
}
