/** A comparison as a terminal table: each metric side by side, the difference from the first with its CI. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { CompareResult } from '../analysis/compare.js';
import type { Formatter } from './estimate-cells.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';
import type { TableOptions } from './terminal-table.js';

/** The format of a compared metric, by its last part of the path. */
export function compareFormat(target: string): Formatter {
  if (/\.(utilization|dropRate|lossRate)$/.test(target)) return formatPercent;
  if (/\.(wait|sojourn|endToEnd)\.[a-z0-9]+$/.test(target)) return formatSeconds;
  return formatNumber;
}

/** A signed difference: "+12ms", "−0.4%", "0". */
function signed(format: Formatter, value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

/** The comparison table with a title naming the runs behind it. */
export function renderCompareTable(compare: CompareResult, options: TableOptions): string {
  const colors = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] };
  const names = compare.scenarios.map((scenario) => scenario.name);
  const table = new Table({
    head: [
      'metric',
      ...names,
      ...compare.differences.map((diff) => `${diff.scenario} − ${diff.baseline} [95% CI]`),
    ],
    colAligns: [
      'left',
      ...names.map(() => 'right' as const),
      ...compare.differences.map(() => 'right' as const),
    ],
    style,
  });
  const targets = compare.differences[0]?.metrics.map((metric) => metric.target) ?? [];
  for (const target of targets) {
    const format = compareFormat(target);
    const values = compare.differences.map((diff) => diff.metrics.find((metric) => metric.target === target));
    const baseline = values[0]?.baseline ?? null;
    table.push([
      target,
      format(baseline),
      ...values.map((metric) => format(metric?.value ?? null)),
      ...values.map((metric) => {
        if (!metric || metric.difference === null) return '–';
        const interval = metric.ci95
          ? ` [${signed(format, metric.ci95[0])}, ${signed(format, metric.ci95[1])}]`
          : '';
        const text = `${signed(format, metric.difference)}${interval}`;
        return metric.significant ? colors.bold(`${text} *`) : colors.dim(text);
      }),
    ]);
  }
  const title = `${colors.bold(names.join(' vs '))}  ${compare.replications} paired replications, seed ${compare.seed} for all (common random numbers)`;
  const note = '* significant: the 95 % CI of the paired difference excludes 0';
  const partial = compare.partial
    ? `\nPARTIAL: the time budget ran out: ${compare.partial.completedPairs} of ${compare.partial.plannedPairs} paired replications finished in every scenario, and only those are compared`
    : '';
  return `${title}\n${table.toString()}\n${note}${partial}\n`;
}
