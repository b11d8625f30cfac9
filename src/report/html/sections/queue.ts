import type { TimeSeries } from '../../../metrics/index.js';
import { formatNumber, formatPercent } from '../../format.js';
import { latencyCdfChart, latencyHistogramChart } from '../charts/latency.js';
import { partitionLagChart } from '../charts/partitions.js';
import {
  busyConsumersChart,
  depthChart,
  elasticConsumersChart,
  ratesChart,
  seriesRows,
} from '../charts/time-series.js';
import { escapeHtml, htmlId } from '../escape.js';
import { chartFigure, joinFragments, type Fragment } from '../fragment.js';
import { utilizationColor } from '../palette.js';
import { describePool } from '../../pool.js';
import { describeRoom, type QueueView } from '../queue-views.js';
import { unevenAssignmentText } from '../../topic-summary.js';
import type { TimeAxis } from '../time-axis.js';
import { summaryTable } from './summary-table.js';

/** One queue's section: configuration, summary table, its charts over time and its latency distribution. */
export function queueSection(
  view: QueueView,
  timeSeries: TimeSeries | undefined,
  axis: TimeAxis,
  replications = 1,
): Fragment {
  const { result } = view;
  const series = joinFragments(overTimeCharts(view, timeSeries, axis, replications));
  const distributions = joinFragments(latencyCharts(view, replications));
  const chips = queueChips(view);
  const gauge = utilizationGauge(result.utilization);
  return {
    html: `<section class="card queue" id="${view.anchor}" style="--queue-color:${view.color}">
  <div class="queue-head">
    <div>
      <h2><span class="swatch" style="background:${view.color}"></span>${escapeHtml(view.name)}</h2>
      <ul class="chips">${chips.map((chip) => `<li>${escapeHtml(chip)}</li>`).join('')}</ul>
    </div>
    ${gauge}
  </div>
  <div class="queue-body">
    <div class="queue-table">${summaryTable(view)}</div>
    <div class="chart-stack">${series.html}</div>
  </div>
  <div class="chart-grid">${distributions.html}</div>
</section>`,
    charts: [...series.charts, ...distributions.charts],
  };
}

/** The chart id for one of the queue's charts. */
function chartId(view: QueueView, chart: string): string {
  return htmlId('chart', view.index, chart);
}

/** " (3 replications)" after a chart title when the run was replicated. */
function replicatedTitle(replications: number): string {
  return replications > 1 ? ` (${replications} replications)` : '';
}

/** Depth, rates and consumers over time, when the run kept a time series. */
function overTimeCharts(
  view: QueueView,
  timeSeries: TimeSeries | undefined,
  axis: TimeAxis,
  replications: number,
): Fragment[] {
  const { result } = view;
  const id = (chart: string) => chartId(view, chart);
  const overTime: Fragment[] = [];
  const rows = timeSeries ? seriesRows(timeSeries, view.name, axis) : [];
  if (rows.length === 0) return overTime;
  // Replicated runs: series are the bin-by-bin mean and distributions the pool of all replications.
  const which = replications > 1 ? `Mean of ${replications} replications. ` : '';
  const first = replicatedTitle(replications);
  const bin = timeSeries
    ? `${which}Averages over bins of ${formatNumber(timeSeries.intervalSeconds)} s.`
    : '';
  overTime.push(
    chartFigure(
      id('depth'),
      `Queue depth over time${first}`,
      `Messages waiting for a consumer. ${bin}`,
      depthChart(view, rows, axis),
    ),
    chartFigure(
      id('rates'),
      `Arrivals, completions, drops and losses${first}`,
      `Messages per second arriving, completed, dropped (as the table's dropped counts) and lost (every reason, as its lost counts). ${bin}`,
      ratesChart(view, rows, axis),
    ),
  );
  if (result.autoscale) {
    overTime.push(
      chartFigure(
        id('consumers'),
        `Consumers over time against queue depth${first}`,
        `Consumers provisioned (line; paid for while starting and finishing) and busy (area), and messages waiting (dashed, right axis). ${formatNumber(result.consumerSeconds)} consumer-seconds in all. ${bin}`,
        elasticConsumersChart(view, rows, axis),
      ),
    );
  } else if (result.consumers > 0) {
    overTime.push(
      chartFigure(
        id('busy'),
        `Busy consumers over time${first}`,
        `How many of the ${result.consumers} consumers were processing a message. ${bin}`,
        busyConsumersChart(view, rows, axis),
      ),
    );
  }
  return overTime;
}

/** The partition lag (topics) and the sojourn-time histogram and CDF (when anything completed). */
function latencyCharts(view: QueueView, replications: number): Fragment[] {
  const { result } = view;
  const id = (chart: string) => chartId(view, chart);
  const first = replicatedTitle(replications);
  const latency: Fragment[] = [];
  if (result.partitions) {
    const topic = result.partitions;
    const hot = topic.hotPartition;
    latency.push(
      chartFigure(
        id('partitions'),
        `Lag per partition${first}`,
        `Messages appended and not yet consumed, time-averaged (bars) and at most (ticks), per partition. Partition ${hot.partition} (coloured) takes ${formatPercent(hot.shareOfArrivals)} of arrivals against an even ${formatPercent(1 / topic.count)}.`,
        partitionLagChart(htmlId('partitions', view.index), topic, view.color),
      ),
    );
  }
  if (result.latencyHistogram && result.completed > 0) {
    latency.push(
      chartFigure(
        id('histogram'),
        `Sojourn time distribution${first}`,
        replications > 1
          ? `Share of completed messages of all ${replications} replications by time from arrival to completion; p50, p95 and p99 marked at the summary table's values (its estimate over the replications, not a second one from this histogram).`
          : "Share of completed messages by time from arrival to completion; p50, p95 and p99 marked at the summary table's values.",
        latencyHistogramChart(view),
      ),
      chartFigure(
        id('cdf'),
        `Cumulative latency${first}`,
        'Share of messages that waited (grey) or were done (colour) within a given time.',
        latencyCdfChart(view),
      ),
    );
  }
  return latency;
}

/** The chips under the queue's name: its pool, capacity or topic, service, arrival rate and overflow. */
function queueChips(view: QueueView): string[] {
  const { result } = view;
  return [
    describePool(result),
    result.autoscale ? `${formatNumber(result.consumerSeconds / 3600)} consumer-hours` : '',
    result.partitions
      ? `topic, ${result.partitions.count} partitions`
      : describeRoom(view) === 'unbounded'
        ? 'unbounded queue'
        : describeRoom(view),
    result.partitions && result.partitions.idleConsumers > 0
      ? `${result.partitions.idleConsumers} idle consumer${result.partitions.idleConsumers === 1 ? '' : 's'}`
      : '',
    result.partitions?.busiestConsumer
      ? `busiest consumer ${result.partitions.busiestConsumer.consumer} at ${formatPercent(result.partitions.busiestConsumer.utilization)}`
      : '',
    result.partitions && !result.partitions.assignment.even ? unevenAssignmentText(result.partitions) : '',
    result.partitions && result.partitions.rebalances > 0
      ? `${formatNumber(result.partitions.rebalances)} rebalances`
      : '',
    view.topology?.service ? `service ${view.topology.service}` : '',
    view.arrivalRate > 0 ? `${formatNumber(view.arrivalRate)} msg/s arriving` : '',
    result.overflow !== 'reject-new' || result.capacity !== null ? `overflow ${result.overflow}` : '',
  ].filter(Boolean);
}

/** The utilisation gauge beside the name; empty for a queue without consumers. */
function utilizationGauge(utilization: number | null): string {
  return utilization === null
    ? ''
    : `<div class="gauge" title="Mean share of consumers busy"><div class="gauge-value" style="color:${utilizationColor(utilization)}">${escapeHtml(formatPercent(utilization))}</div><div class="gauge-label">utilisation</div><div class="gauge-bar"><span style="width:${Math.min(100, utilization * 100).toFixed(1)}%;background:${utilizationColor(utilization)}"></span></div></div>`;
}
