/** Rules about `variants`: unique names, and every setting a known parameter path with a value in its unit. */
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
  const paths = variablePathsOf(namesIn(data, 'producers'), namesIn(data, 'queues'));
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
