/**
 * Rules about `variants` (unique names, and every setting a known parameter path with a value in its unit)
 * and `cost` (every key a path `plan` can size, or `consumer` / `capacity`).
 */
import * as msg from '../messages.js';
import { parseSetting, variablePathsOf } from '../parameters.js';
import { formatPath, type PathProblem } from '../positions.js';
import { closestMatch } from '../suggest.js';
import { asName, entries, isRecord } from './entries.js';
import { error } from './view.js';

/** Valid names of a section's entries. */
function namesIn(data: unknown, section: 'queues' | 'producers'): string[] {
  return entries(data, section).flatMap((entry) => (entry.name === undefined ? [] : [entry.name]));
}

/** Every problem of the `variants` list (skipping what the schema already rejects). */
export function checkVariants(data: unknown): PathProblem[] {
  const list = isRecord(data) ? data.variants : undefined;
  if (!Array.isArray(list)) return [];
  const judgeable = isRecord(data) && Array.isArray(data.queues) && Array.isArray(data.producers);
  const queueEntries = entries(data, 'queues');
  const named = (has: (fields: Record<string, unknown>) => boolean) =>
    queueEntries.flatMap((entry) => (entry.name !== undefined && has(entry.fields) ? [entry.name] : []));
  const paths = variablePathsOf(
    namesIn(data, 'producers'),
    namesIn(data, 'queues'),
    named((fields) => fields.partitions !== undefined),
    named((fields) => isRecord(fields.autoscale)),
  );
  const scenarioName = isRecord(data) ? asName(data.name) : undefined;
  const firstUse = new Map<string, number>();
  return list.flatMap((item: unknown, index): PathProblem[] => {
    if (!isRecord(item)) return [];
    const problems: PathProblem[] = [];
    const name = asName(item.name);
    if (name !== undefined) {
      const first = firstUse.get(name);
      if (first !== undefined) {
        problems.push(
          error(['variants', index, 'name'], msg.duplicateVariantName(name, formatPath(['variants', first]))),
        );
      } else firstUse.set(name, index);
      if (name === scenarioName) {
        problems.push(error(['variants', index, 'name'], msg.variantNamedLikeScenario(name)));
      }
    }
    if (!judgeable || !isRecord(item.set)) return problems;
    for (const [path, value] of Object.entries(item.set)) {
      if (typeof value !== 'number' && typeof value !== 'string') continue; // the schema reports it
      if (!paths.includes(path)) {
        problems.push(
          error(
            ['variants', index, 'set', path],
            msg.variantPathUnknown(path, paths, closestMatch(path, paths)),
          ),
        );
        continue;
      }
      const parsed = parseSetting(path, value);
      if ('expected' in parsed) {
        problems.push(
          error(['variants', index, 'set', path], msg.variantValueInvalid(path, value, parsed.expected)),
        );
      }
    }
    return problems;
  });
}

/** Every key `cost` accepts for a scenario with these queues. */
export function costKeys(queues: readonly string[]): string[] {
  return [
    'consumer',
    'capacity',
    ...queues.flatMap((queue) => [`queues.${queue}.consumers`, `queues.${queue}.capacity`]),
  ];
}

/** Every problem of the `cost` mapping (the schema checks the prices). */
export function checkCost(data: unknown): PathProblem[] {
  const cost = isRecord(data) ? data.cost : undefined;
  if (!isRecord(cost) || !isRecord(data) || !Array.isArray(data.queues)) return [];
  const known = costKeys(namesIn(data, 'queues'));
  return Object.keys(cost).flatMap((key) =>
    known.includes(key)
      ? []
      : [error(['cost', key], msg.costKeyUnknown(key, known, closestMatch(key, known)))],
  );
}
