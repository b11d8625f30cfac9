/** Rules about `slo`: each names one existing queue or flow, a metric it has, and a limit in its unit. */
import * as msg from '../messages.js';
import type { PathProblem } from '../positions.js';
import { parseSloMax, sloMetrics, type SloScope } from '../slo-metrics.js';
import { closestMatch } from '../suggest.js';
import { asName, entries, isRecord } from './entries.js';
import { error } from './view.js';

/** Valid names of a section's entries. */
function namesIn(data: unknown, section: 'queues' | 'producers'): string[] {
  return entries(data, section).flatMap((entry) => (entry.name === undefined ? [] : [entry.name]));
}

/** Every problem of the `slo` list (skipping what the schema already rejects). */
export function checkSlos(data: unknown): PathProblem[] {
  const list = isRecord(data) ? data.slo : undefined;
  if (!Array.isArray(list)) return [];
  const queues = namesIn(data, 'queues');
  const producers = namesIn(data, 'producers');
  const judgeable = isRecord(data) && Array.isArray(data.queues) && Array.isArray(data.producers);
  return list.flatMap((item: unknown, index): PathProblem[] => {
    if (!isRecord(item)) return [];
    const hasQueue = item.queue !== undefined;
    const hasFlow = item.flow !== undefined;
    if (hasQueue === hasFlow) return [error(['slo', index], msg.sloNeedsOneTarget(hasQueue))];
    const scope: SloScope = hasQueue ? 'queue' : 'flow';
    const problems: PathProblem[] = [];
    const name = asName(item[scope]);
    const known = scope === 'queue' ? queues : producers;
    if (judgeable && name !== undefined && !known.includes(name)) {
      const suggestion = closestMatch(name, known);
      problems.push(
        error(
          ['slo', index, scope],
          scope === 'queue' ? msg.sloQueueUnknown(name, suggestion) : msg.sloFlowUnknown(name, suggestion),
        ),
      );
    }
    if (typeof item.metric !== 'string') return problems; // the schema reports it
    const metrics = sloMetrics(scope);
    const unit = metrics[item.metric];
    if (unit === undefined) {
      const names = Object.keys(metrics);
      problems.push(
        error(
          ['slo', index, 'metric'],
          msg.sloMetricUnknown(scope, item.metric, names, closestMatch(item.metric, names)),
        ),
      );
      return problems;
    }
    const max = item.max;
    const wellFormed = typeof max === 'number' || typeof max === 'string';
    if (wellFormed && parseSloMax(unit, max) === undefined && parseAnyLimit(max)) {
      problems.push(error(['slo', index, 'max'], msg.sloMaxWrongUnit(item.metric, unit, max)));
    }
    return problems;
  });
}

/** True for a limit the schema accepts in some unit (so a mismatch, not a malformed value, is reported here). */
function parseAnyLimit(value: string | number): boolean {
  return (['seconds', 'fraction'] as const).some((unit) => parseSloMax(unit, value) !== undefined);
}
