import type { AnalyticEstimate } from '../../analysis/analytic-estimates.js';
import type { QueueResult } from '../../model/run-result.js';
import type { TopologyQueue } from '../../model/topology.js';
import { formatPercent } from '../format.js';
import { htmlId } from './escape.js';
import type { ReportInput } from './input.js';
import { queueColor } from './palette.js';

/** One queue as the report presents it: its results beside its colour, anchor and configuration. */
export interface QueueView {
  name: string;
  index: number;
  color: string;
  /** HTML id of the queue's section. */
  anchor: string;
  result: QueueResult;
  topology: TopologyQueue | undefined;
  analytic: AnalyticEstimate | undefined;
  /** Offered arrival rate from the scenario (sum of its producers' rates), messages per second. */
  offeredRate: number;
}

/** The queues of a report in scenario order. */
export function queueViews(input: ReportInput): QueueView[] {
  return Object.entries(input.result.queues).map(([name, result], index) => ({
    name,
    index,
    color: queueColor(index),
    anchor: htmlId('queue', index, name),
    result,
    topology: input.topology.queues.find((queue) => queue.name === name),
    analytic: input.analytic?.[name],
    offeredRate: input.topology.producers
      .filter((producer) => producer.to === name)
      .reduce((sum, producer) => sum + producer.ratePerSecond, 0),
  }));
}

/** Why a queue limits the system, or null when it has room to spare. */
export interface Bottleneck {
  view: QueueView;
  /** True when it drops messages or its consumers are ≥ 80 % busy; otherwise it is just the busiest. */
  saturated: boolean;
  reason: string;
}

/** The queue under the most pressure: the most messages refused, then the busiest consumers. */
export function findBottleneck(views: QueueView[]): Bottleneck | null {
  let worst: QueueView | null = null;
  let worstScore = 0;
  for (const view of views) {
    const score = view.result.dropRate * 10 + (view.result.utilization ?? 0);
    if (score > worstScore) {
      worst = view;
      worstScore = score;
    }
  }
  if (!worst) return null;
  const { dropRate, utilization } = worst.result;
  const busy = utilization === null ? '' : `consumers ${formatPercent(utilization)} busy`;
  const drops = dropRate > 0 ? `${formatPercent(dropRate)} of arrivals refused` : '';
  return {
    view: worst,
    saturated: dropRate > 0 || (utilization ?? 0) >= 0.8,
    reason: [busy, drops].filter(Boolean).join(', '),
  };
}
