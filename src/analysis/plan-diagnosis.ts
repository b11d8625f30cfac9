/**
 * What a plan says about itself: when its search stops making progress, why no value can meet the SLOs,
 * which SLO binds the recommendation, and whether a queue was still filling when the run ended. Pure
 * functions of results and the scenario; the CLI prints them.
 */
import type { QueueResult, RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../results/analysis-results.js';
import { queueOfPath } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';

/** Relative improvement of the failing SLOs, over a doubling of the parameter, below which a search gives up. */
export const STALL_IMPROVEMENT = 0.02;

/** Offered load a queue is counted as saturated at (arrivals per completion × utilisation). */
const SATURATED = 0.97;

/**
 * How far a result is from meeting its SLOs: the worst value ÷ limit of a verdict that does not pass, and
 * for a queue still filling at the end, 1 + its growth over its arrivals (so more consumers that slow the
 * filling count as progress, and more room that only delays it does not).
 */
export function sloShortfall(result: RunResult): number {
  let worst = 0;
  for (const { grewBy, queue } of growingQueues(result)) {
    worst = Math.max(worst, 1 + grewBy / Math.max(1, result.queues[queue].arrivals));
  }
  for (const verdict of result.slo ?? []) {
    if (verdict.verdict === 'pass') continue;
    const ratio =
      verdict.value === null ? Infinity : verdict.max > 0 ? verdict.value / verdict.max : verdict.value;
    worst = Math.max(worst, ratio);
  }
  return worst;
}

/**
 * Whether a result meets every SLO: each verdict a pass, no deadlock, and no queue still filling when the
 * run ended (its verdicts would only say the run was too short to fill it: a drop-rate target "met" by an
 * overloaded queue whose buffer a 1-minute run does not fill). A dead-letter queue without consumers is a
 * sink meant to fill and is not counted.
 */
export function meetsSlos(result: RunResult, scenario?: Pick<Scenario, 'queues'>): boolean {
  return (
    !result.deadlock &&
    (result.slo ?? []).every((verdict) => verdict.verdict === 'pass') &&
    fillingQueues(scenario, result).length === 0
  );
}

/**
 * Watches a search's failing settings (a single parameter's values, in any order) and says when more of
 * the parameter has stopped helping: a failing value at least twice a smaller failing value whose
 * shortfall it improves by less than `STALL_IMPROVEMENT`. Comparing over a doubling keeps slow but real
 * progress (a capacity step of one on a long queue) from looking like a stall.
 */
export class StallWatch {
  private readonly failing = new Map<number, number>();
  /** The two settings that showed the stall: [smaller, larger]. */
  stalledBetween: [number, number] | null = null;

  /** Records a failing evaluation; true when it shows that more no longer helps. */
  failed(value: number, result: RunResult): boolean {
    const shortfall = sloShortfall(result);
    let reference: number | null = null;
    for (const known of this.failing.keys()) {
      if (known * 2 <= value && (reference === null || known > reference)) reference = known;
    }
    this.failing.set(value, shortfall);
    if (reference === null) return false;
    const before = this.failing.get(reference) as number;
    const improved = result.deadlock ? false : before - shortfall > STALL_IMPROVEMENT * before;
    if (!improved) this.stalledBetween = [reference, value];
    return !improved;
  }
}

/** The queue that `path` (queues.<name>.…) sizes, or null. */
function sizedQueue(path: string): string | null {
  return queueOfPath(path);
}

/** The largest useful value of `path`: a topic's consumers (or autoscale max) stop at its partition count. */
export function structuralCap(scenario: Scenario, path: string): number | null {
  const queue = scenario.queues.find((q) => q.name === sizedQueue(path));
  if (!queue?.topic) return null;
  return path.endsWith('.consumers') || path.endsWith('.autoscale.max') ? queue.topic.partitions : null;
}

/** Offered load of a queue in a result: utilisation × arrivals per completion (over 1: it cannot keep up; lost messages count as offered). */
export function offeredLoad(queue: QueueResult): number | null {
  if (queue.utilization === null) return null;
  // Busy time per completion × arrivals ÷ consumer time: what the consumers would need to be busy.
  const completed = queue.completed;
  return completed > 0 ? queue.utilization * (queue.arrivals / completed) : queue.arrivals > 0 ? Infinity : 0;
}

const percent = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)} %`;

/** "17.0 % of queue billing's messages are lost, mostly dead-lettered after exhausting their attempts". */
function lossCause(
  kind: 'queue' | 'flow',
  name: string,
  record: QueueResult | RunResult['flows'][string],
): string {
  const reasons: Array<[string, number]> = Object.entries(record.lostBy).filter(([, count]) => count > 0);
  reasons.sort((a, b) => b[1] - a[1]);
  const words: Record<string, string> = {
    rejected: 'refused by a full queue',
    droppedHead: 'dropped from the head of a full queue',
    expired: 'expired (TTL)',
    exhausted: 'exhausted their delivery limit (failures)',
    deadLettered: 'dead-lettered',
    unroutable: 'unroutable (no binding for their type)',
  };
  let main = reasons.length > 0 ? words[reasons[0][0]] : 'lost';
  if (kind === 'queue' && reasons[0]?.[0] === 'deadLettered') {
    const by = (record as QueueResult).deadLetteredBy;
    const top = (Object.entries(by) as Array<[string, number]>).sort((a, b) => b[1] - a[1])[0];
    if (top && top[1] > 0) main = `dead-lettered after being ${words[top[0]]}`;
  }
  return `${percent(record.lossRate)} of ${kind} ${name}'s messages are lost, mostly ${main}`;
}

/**
 * The queue or flow a verdict's target names and its metric ("queues.billing.sojourn.p99" → ['queue',
 * 'billing', 'sojourn.p99']), matched against the result's names so a name with dots stays whole.
 */
function subjectOf(verdict: SloVerdict, result: RunResult): ['queue' | 'flow', string, string] {
  const kind = verdict.target.startsWith('flows.') ? 'flow' : 'queue';
  const section = kind === 'flow' ? 'flows' : 'queues';
  const names = Object.keys(kind === 'flow' ? result.flows : result.queues);
  const name = names
    .filter((candidate) => verdict.target.startsWith(`${section}.${candidate}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (name !== undefined) return [kind, name, verdict.target.slice(section.length + name.length + 2)];
  const [, first, ...rest] = verdict.target.split('.');
  return [kind, first, rest.join('.')];
}

/**
 * Why no value of `paths` meets the SLOs, from the result at the largest setting tried: one sentence that
 * names the queue or flow and the cause (a deadlock, a saturated queue elsewhere, a topic capped by its
 * partitions or a hot partition, losses more of the parameter does not change, a latency floor).
 */
export function explainUnreachable(
  scenario: Scenario,
  paths: readonly string[],
  largest: RunResult,
  setting: string,
  stall: { from: RunResult; between: string } | null,
): string {
  if (largest.deadlock) {
    return `at ${setting} the block queues ${largest.deadlock.queues.join(', ')} deadlock (from ${largest.deadlock.at.toPrecision(3)} s): publishers wait on each other in a cycle, and no amount of ${paths.join(', ')} breaks it`;
  }
  const sized = new Set(paths.map(sizedQueue).filter((name): name is string => name !== null));
  const failing = (largest.slo ?? []).filter((verdict) => verdict.verdict !== 'pass');
  const causes: string[] = [];
  // A queue still filling: its verdicts cannot be trusted, whatever they say.
  const filling = fillingQueues(scenario, largest);
  for (const queue of filling) causes.push(fillingText(queue, largest.measuredSeconds));
  if (failing.length === 0 && filling.length > 0) {
    return `no setting up to ${setting} can be judged: ${causes.join('; ')}`;
  }
  causes.push(...saturatedCauses(largest, sized, paths));
  causes.push(...partitionCauses(scenario, largest, paths));
  causes.push(...unchangedCauses(failing, largest, paths));
  if (causes.length === 0 && stall) {
    const target = failing[0]?.target ?? 'the failing SLO';
    causes.push(
      `more ${paths.join(', ')} stopped improving ${target} (${stall.between}: ${formatShortfall(stall.from)} → ${formatShortfall(largest)} of its limit)`,
    );
  }
  if (causes.length === 0) causes.push(`${setting} is the largest setting searched`);
  const names = failing.map((verdict) => verdict.target);
  const what = names.length > 0 ? names.join(', ') : 'the SLOs';
  return `${what} still fail${names.length === 1 ? 's' : ''} at ${setting}: ${causes.join('; ')}`;
}

/** Another queue that cannot keep up at this load, which more of the sized ones cannot relieve. */
function saturatedCauses(largest: RunResult, sized: ReadonlySet<string>, paths: readonly string[]): string[] {
  const causes: string[] = [];
  for (const [name, queue] of Object.entries(largest.queues)) {
    if (sized.has(name)) continue;
    const load = offeredLoad(queue);
    if (load !== null && load >= SATURATED) {
      causes.push(
        `queue ${name} is saturated at this load (offered ${percent(load)} of what its ${queue.consumers === 1 ? 'consumer' : `${queue.consumers} consumers`} can do), which more ${paths.join(', ')} cannot relieve`,
      );
    }
  }
  return causes;
}

/** A sized topic whose consumers are capped by its partitions, or held back by a hot partition. */
function partitionCauses(scenario: Scenario, largest: RunResult, paths: readonly string[]): string[] {
  const causes: string[] = [];
  for (const path of paths) {
    const name = sizedQueue(path);
    const cap = structuralCap(scenario, path);
    const topic = name ? largest.queues[name]?.partitions : undefined;
    if (cap === null || !topic || !name) continue;
    const hot = topic.hotPartition;
    const hotText =
      hot.shareOfArrivals > 1.5 / topic.count
        ? `; its hot partition ${hot.partition} takes ${percent(hot.shareOfArrivals)} of the arrivals${hot.lagRatio !== null ? ` with ${hot.lagRatio.toFixed(1)}× the mean lag` : ''}, and one consumer serves it`
        : '';
    causes.push(`topic ${name} has ${cap} partitions, so consumers past ${cap} sit idle${hotText}`);
  }
  return causes;
}

/** Losses or latencies that more of the parameter no longer changes. */
function unchangedCauses(
  failing: readonly SloVerdict[],
  largest: RunResult,
  paths: readonly string[],
): string[] {
  const causes: string[] = [];
  for (const verdict of failing) {
    const [kind, name, metric] = subjectOf(verdict, largest);
    const record = kind === 'queue' ? largest.queues[name] : largest.flows[name];
    if (!record) continue;
    if (metric === 'lossRate' && record.lost > 0) {
      causes.push(`${lossCause(kind, name, record)}, and more ${paths.join(', ')} does not change that`);
    } else if (kind === 'queue' && /^(sojourn|wait)\./.test(metric)) {
      const queue = record as QueueResult;
      if (metric.startsWith('sojourn.') && (queue.wait.p99 ?? 0) < 0.05 * (verdict.value ?? 0)) {
        causes.push(
          `${verdict.target} is ${formatSecondsShort(verdict.value)} with almost no waiting (wait p99 ${formatSecondsShort(queue.wait.p99)}): the service time alone exceeds the target of ${formatSecondsShort(verdict.max)}`,
        );
      }
    }
  }
  return causes;
}

/** The SLO that binds a recommendation: the one the runner-up fails, else the one with the least margin. */
export function bindingSlo(result: RunResult | null, runnerUp: RunResult | null): string | null {
  const failed = (runnerUp?.slo ?? []).find((verdict) => verdict.verdict !== 'pass');
  if (failed) return failed.target;
  let binding: SloVerdict | null = null;
  let least = Infinity;
  for (const verdict of result?.slo ?? []) {
    if (verdict.value === null) continue;
    const margin = verdict.max > 0 ? (verdict.max - verdict.value) / verdict.max : -verdict.value;
    if (margin < least) {
      least = margin;
      binding = verdict;
    }
  }
  return binding?.target ?? null;
}

/**
 * Queues still filling when the run ended: more waiting at the end than at the start, by more than 1 %
 * of their arrivals and more than 20 messages. Their verdicts may pass only because the run was short.
 * Messages in service or prefetched are left out: the consumers bound them, so they cannot fill for ever,
 * and a run starting empty without warm-up would otherwise count the consumers getting busy as filling.
 */
export function growingQueues(result: RunResult | null): Array<{ queue: string; grewBy: number }> {
  if (!result) return [];
  const present = (queue: QueueResult, edge: 'Start' | 'End') =>
    queue[`queuedAt${edge}`] + queue[`delayedAt${edge}`];
  return Object.entries(result.queues)
    .map(([name, queue]) => ({
      queue: name,
      grewBy: present(queue, 'End') - present(queue, 'Start'),
      arrivals: queue.arrivals,
    }))
    .filter(({ grewBy, arrivals }) => grewBy > 20 && grewBy > 0.01 * arrivals)
    .map(({ queue, grewBy }) => ({ queue, grewBy: Math.round(grewBy) }));
}

/** A queue still filling at the end of a run, with how fast and, when bounded, when it would be full. */
export interface FillingQueue {
  queue: string;
  grewBy: number;
  /** Net inflow over the measured window, messages per second. */
  perSecond: number;
  /** Its capacity (null: unbounded, it fills for ever). */
  capacity: number | null;
  /** Measured seconds a run would need for the buffer to fill at that net inflow: capacity ÷ net inflow. */
  fullAfterSeconds: number | null;
}

/** Queues still filling at the end of the run (see `growingQueues`), a dead-letter sink without consumers aside. */
export function fillingQueues(
  scenario: Pick<Scenario, 'queues'> | undefined,
  result: RunResult | null,
): FillingQueue[] {
  const deadLetterQueues = new Set(
    (scenario?.queues ?? []).map((queue) => queue.deadLetter).filter((name) => name !== null),
  );
  const seconds = Math.max(result?.measuredSeconds ?? 0, Number.MIN_VALUE);
  return growingQueues(result)
    .filter(({ queue }) => !(deadLetterQueues.has(queue) && (result?.queues[queue]?.consumers ?? 0) === 0))
    .map(({ queue, grewBy }) => {
      const capacity = result?.queues[queue]?.capacity ?? null;
      const perSecond = grewBy / seconds;
      return {
        queue,
        grewBy,
        perSecond,
        capacity,
        fullAfterSeconds: capacity === null ? null : capacity / perSecond,
      };
    });
}

/** "queue q was still filling when the run ended (+1200 messages, 20/s net): …run at least 8.3min". */
export function fillingText(filling: FillingQueue, measuredSeconds: number): string {
  const rate = filling.perSecond.toPrecision(3).replace(/\.?0+$/, '');
  const head = `queue ${filling.queue} was still filling when the run ended (+${filling.grewBy} messages, ${rate}/s net)`;
  if (filling.fullAfterSeconds === null) {
    return `${head}: it has no capacity, so it grows as long as the run lasts and its verdicts judge only how long the run was`;
  }
  return `${head}: its capacity of ${filling.capacity} fills after about ${formatDuration(filling.fullAfterSeconds)} of measured time (capacity ÷ net inflow), and this run measured ${formatDuration(measuredSeconds)}: too short to judge; run at least that long (duration)`;
}

/** A plan's warnings about its recommended result: queues that still grow, a dead-letter backlog aside. */
export function planWarnings(scenario: Scenario, result: RunResult | null): string[] {
  return fillingQueues(scenario, result).map(
    ({ queue, grewBy }) =>
      `queue ${queue} still grows at the end of the run (+${grewBy} messages): its SLOs may pass only because the run was too short to fill it; run longer (duration) to be sure`,
  );
}

/** Seconds as "45 s", "8.3 min", "2.5 h". */
function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'for ever';
  if (seconds < 120) return `${Number(seconds.toPrecision(2))} s`;
  if (seconds < 7200) return `${Number((seconds / 60).toPrecision(2))} min`;
  return `${Number((seconds / 3600).toPrecision(2))} h`;
}

function formatSecondsShort(seconds: number | null): string {
  if (seconds === null) return '–';
  return seconds >= 1 ? `${seconds.toPrecision(3)} s` : `${(seconds * 1000).toPrecision(3)} ms`;
}

function formatShortfall(result: RunResult): string {
  const shortfall = sloShortfall(result);
  return Number.isFinite(shortfall) ? `${shortfall.toFixed(2)}×` : '∞';
}
