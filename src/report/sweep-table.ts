/** A sweep as a terminal table: one row per grid point, headline metrics of the relevant queues, SLO tally. */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { SweepResult } from '../analysis/sweep.js';
import { queueOfPath, type Parameter } from '../scenario/parameters.js';
import { metricCell, type Formatter } from './estimate-cells.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';
import { describeRuns } from './study-notes.js';
import type { TableOptions } from './terminal-table.js';

/** Headline metrics of a sweep, with their column heads and formats (also the sweep report's charts). */
export const SWEEP_METRICS: ReadonlyArray<{ metric: string; head: string; format: Formatter }> = [
  { metric: 'utilization', head: 'util', format: formatPercent },
  { metric: 'lossRate', head: 'loss', format: formatPercent },
  { metric: 'wait.mean', head: 'wait mean', format: formatSeconds },
  { metric: 'sojourn.p99', head: 'sojourn p99', format: formatSeconds },
  // What the consumers cost (an autoscaled pool's varies with the load): beside the latency it bought.
  { metric: 'consumerSeconds', head: 'consumer-h', format: formatConsumerHours },
];

/** Consumer-seconds as consumer-hours. */
function formatConsumerHours(consumerSeconds: number | null): string {
  return consumerSeconds === null ? '–' : formatNumber(consumerSeconds / 3600);
}

/** A parameter value as written: 7, 250ms, 60/s, ×1.5. */
export function formatSetting(parameter: Pick<Parameter, 'unit'>, value: number): string {
  if (parameter.unit === 'seconds') return formatSeconds(value);
  if (parameter.unit === 'perSecond') return `${formatNumber(value)}/s`;
  if (parameter.unit === 'multiplier') return `×${formatNumber(value)}`;
  return String(value);
}

/** Queues a sweep's table and charts show: those whose settings vary, or every queue when load varies. */
export function sweepQueues(sweep: SweepResult): string[] {
  const all = Object.keys(sweep.points[0]?.result.queues ?? {});
  const named = sweep.parameters.flatMap((parameter) =>
    parameter.path.startsWith('queues.') ? [queueOfPath(parameter.path) ?? ''] : [],
  );
  const varied = sweep.parameters.some((parameter) => !parameter.path.startsWith('queues.'));
  const chosen = varied ? all : all.filter((name) => named.includes(name));
  // Only queues with consumers have the headline metrics worth a column.
  return chosen.filter((name) => (sweep.points[0].result.queues[name]?.consumers ?? 0) > 0);
}

/** The sweep table, with a title line naming the runs behind every point. */
export function renderSweepTable(sweep: SweepResult, options: TableOptions): string {
  const colors = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] };
  const queues = sweepQueues(sweep);
  const multiQueue = queues.length > 1;
  const hasSlo = sweep.points.some((point) => (point.result.slo ?? []).length > 0);
  const table = new Table({
    head: [
      ...sweep.parameters.map((parameter) => parameter.path),
      ...queues.flatMap((queue) => SWEEP_METRICS.map(({ head }) => (multiQueue ? `${queue} ${head}` : head))),
      ...(hasSlo ? ['SLOs'] : []),
    ],
    colAligns: [
      ...sweep.parameters.map(() => 'right' as const),
      ...queues.flatMap(() => SWEEP_METRICS.map(() => 'right' as const)),
      'left',
    ],
    style,
  });
  for (const point of sweep.points) {
    const slo = point.result.slo ?? [];
    const tally = (['pass', 'fail', 'uncertain'] as const)
      .map((verdict) => [verdict, slo.filter((item) => item.verdict === verdict).length] as const)
      .filter(([, count]) => count > 0)
      .map(([verdict, count]) => {
        const text = `${count} ${verdict}`;
        return verdict === 'pass'
          ? colors.green(text)
          : verdict === 'fail'
            ? colors.red(text)
            : colors.yellow(text);
      })
      .join(', ');
    table.push([
      ...sweep.parameters.map((parameter) => formatSetting(parameter, point.settings[parameter.path])),
      ...queues.flatMap((queue) =>
        SWEEP_METRICS.map(({ metric, format }) =>
          metricCell(point.result.queues[queue], metric, format, colors),
        ),
      ),
      ...(hasSlo ? [tally] : []),
    ]);
  }
  const first = sweep.points[0]?.result;
  const title = `${colors.bold(sweep.scenario)}  sweep of ${sweep.points.length} points, seed ${sweep.seed} at every point${
    first ? `, ${describeRuns(first)}` : ''
  }`;
  return `${title}\n${table.toString()}\n`;
}
