/**
 * `import rabbitmq --metrics`: measured publish rates and consumer counts from a saved Prometheus
 * query_range response, for the queues of the imported vhost. What it cannot place is said, not guessed.
 */
import type { ScenarioProblem } from '../scenario/errors.js';
import {
  readRangeResponse,
  summarizeRange,
  type DestinationMetrics,
  type RangeMetrics,
  type RateStep,
} from './prometheus-range.js';
import type { ImportedQueue } from './rabbitmq-queues.js';

/** The metrics file and how its rates are written. */
export interface MetricsInput {
  text: string;
  file: string;
  /** Write each producer's peak rate instead of a schedule over the recorded window. */
  peak: boolean;
}

/** The metrics, keyed by scenario queue name, with the window they cover. */
export interface QueueMetrics {
  input: MetricsInput;
  byQueue: Map<string, DestinationMetrics>;
  /** The recorded window: start and end as ISO times, and its length in seconds. */
  window: { from: string; to: string; seconds: number };
  /** What `byQueue` is keyed by, in comments: `queue` (the default) or `topic`. */
  kind?: 'queue' | 'topic';
}

/** A producer's rate as written, and the comment naming its source. */
export interface MeasuredRate {
  rate: string | Array<{ until?: string; rate: string }>;
  comment: string;
}

/** Reads the metrics; series of queues the vhost does not have become warnings, Kafka series notes. */
export function readQueueMetrics(
  input: MetricsInput,
  vhost: string,
  queues: readonly ImportedQueue[],
  warnings: ScenarioProblem[],
  notes: string[],
): QueueMetrics {
  const range = summarizeRange(readRangeResponse(input.text, input.file), input.file, vhost);
  const scenarioNames = new Map(queues.map((q) => [q.source.name, q.entry.name]));
  const metrics = queueMetricsOf(range, input, scenarioNames, (queue) =>
    warnings.push(
      unknownSeries(input.file, `queue '${queue}', which vhost '${vhost}' of the definitions does not have`),
    ),
  );
  for (const topic of range.topics.keys())
    notes.push(`Kafka topic ${topic} in ${input.file}: read, not mapped to a RabbitMQ scenario`);
  for (const lag of range.lags)
    notes.push(
      `consumer group ${lag.group} on topic ${lag.topic}: lag up to ${lag.max} (${input.file}): read, not mapped`,
    );
  for (const [group, { members }] of range.groups)
    notes.push(`consumer group ${group}: up to ${members} members (${input.file}): read, not mapped`);
  return metrics;
}

/**
 * The queue series of `range` under their scenario names (`scenarioNames`: broker name → scenario name);
 * `unknown` hears of each queue the scenario does not have.
 */
export function queueMetricsOf(
  range: RangeMetrics,
  input: MetricsInput,
  scenarioNames: ReadonlyMap<string, string>,
  unknown: (queue: string) => void,
): QueueMetrics {
  const byQueue = new Map<string, DestinationMetrics>();
  for (const [queue, metrics] of range.queues) {
    const name = scenarioNames.get(queue);
    if (name !== undefined) byQueue.set(name, metrics);
    else unknown(queue);
  }
  return { input, byQueue, window: windowOf(range) };
}

/** The recorded window as ISO times and its length. */
export function windowOf(range: RangeMetrics): QueueMetrics['window'] {
  const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
  return { from: iso(range.start), to: iso(range.end), seconds: range.end - range.start };
}

/** A warning that series in the metrics name something the scenario does not have. */
export function unknownSeries(file: string, what: string): ScenarioProblem {
  return { file, line: 0, column: 0, path: '', message: `series for ${what}: ignored`, severity: 'warning' };
}

/**
 * The measured rate of a producer reaching `queues` (scenario names), of which `whole` receive every message
 * it sends. A measured queue of `whole` gives the publish rate itself; otherwise, per interval, the busiest
 * queue's rate is a lower bound (routing keys split the messages), and the comment says so. Undefined when
 * no queue has a published series, or every rate is 0 (then the default stays). `share` producers take
 * their rates from the same queues: each gets an equal part, as the series cannot say who sent what.
 */
export function measuredRate(
  metrics: QueueMetrics,
  queues: readonly string[],
  whole: readonly string[],
  share = 1,
): MeasuredRate | undefined {
  const all = queues.flatMap((q) => {
    const m = metrics.byQueue.get(q);
    return m?.published
      ? [{ queue: q, steps: m.published, series: m.publishedSeries, note: m.publishedNote }]
      : [];
  });
  const exact = all.find((m) => whole.includes(m.queue));
  const measured = exact ? [exact] : all;
  const first = measured[0];
  if (first === undefined) return undefined;
  const steps: RateStep[] = first.steps.map((step, i) => ({
    ...step,
    rate: Math.max(...measured.map((m) => m.steps[i]!.rate)) / share,
  }));
  const peak = Math.max(...steps.map((s) => s.rate));
  if (!(peak > 0)) return undefined;
  const { file, peak: peakOnly } = metrics.input;
  const which =
    measured.length === 1
      ? `${metrics.kind ?? 'queue'} ${first.queue}${first.note ? ` (${first.note})` : ''}`
      : `the busiest of ${measured.map((m) => m.queue).join(', ')}`;
  const source = `${first.series} of ${which}, ${metrics.window.from} to ${metrics.window.to} (${file})`;
  const split =
    share > 1
      ? `; 1/${share} of it: ${share} producers send there, split equally (the series do not say who sent what)`
      : '';
  const bound = (exact ? '' : '; a lower bound: routing keys split the messages among these queues') + split;
  if (peakOnly) return { rate: perSecond(peak), comment: `peak rate of ${source}${bound}` };
  const entries = schedule(steps);
  // One rate over the whole window is written as that rate, not a schedule of one piece.
  if (entries.length === 1) return { rate: entries[0]!.rate, comment: `constant rate of ${source}${bound}` };
  return { rate: entries, comment: `rate per ${stepSeconds(steps)}s step of ${source}${bound}` };
}

/** Consumers: the highest count seen, with the delivered rate as a check on the published one. */
export function measuredConsumers(
  metrics: QueueMetrics,
  queue: string,
): { consumers: number; comment: string } | undefined {
  const m = metrics.byQueue.get(queue);
  if (m?.consumers === undefined || m.consumers < 1) return undefined;
  const mean = (steps: RateStep[]) =>
    steps.reduce((sum, s) => sum + s.rate * (s.end - s.start), 0) / metrics.window.seconds;
  const delivered =
    m.delivered && m.published
      ? `; delivered ${perSecond(mean(m.delivered))} vs published ${perSecond(mean(m.published))} on average`
      : '';
  return {
    consumers: Math.round(m.consumers),
    comment: `max of ${m.consumersSeries} ${metrics.window.from} to ${metrics.window.to} (${metrics.input.file})${delivered}`,
  };
}

/** A rate in the scenario's notation, to 3 decimals. */
export const perSecond = (rate: number): string => `${Number(rate.toFixed(3))}/s`;

/** The step of the recorded series (the first interval's length). */
const stepSeconds = (steps: readonly RateStep[]): number => steps[0]!.end - steps[0]!.start;

/** Piecewise-constant rates from the window's start, equal neighbours merged; the last has no `until`. */
function schedule(steps: readonly RateStep[]): Array<{ until?: string; rate: string }> {
  const start = steps[0]!.start;
  const entries: Array<{ until?: string; rate: string }> = [];
  for (const step of steps) {
    const rate = perSecond(step.rate);
    const last = entries[entries.length - 1];
    if (last?.rate === rate) last.until = `${step.end - start}s`;
    else entries.push({ until: `${step.end - start}s`, rate });
  }
  delete entries[entries.length - 1]!.until;
  return entries;
}
