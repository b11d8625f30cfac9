/**
 * Repeated keys in a YAML mapping, found in one walk of the document. The parser's own check compares
 * each key with every earlier one, which takes minutes on a mapping of tens of thousands of keys, so the
 * parser's check is off and this one (a set per mapping) takes its place.
 */
import type { Document } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** The YAML 1.1 merge key: several `<<` entries in one mapping are allowed. */
const MERGE_KEY = '<<';

/** Source offsets of every key that repeats an earlier key of the same mapping. */
export function duplicateKeyOffsets(doc: Document): number[] {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const offsets: number[] = [];
  const stack: unknown[] = [doc.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && pair.key.value !== MERGE_KEY) {
          if (seen.has(pair.key.value) && pair.key.range) offsets.push(pair.key.range[0]);
          seen.add(pair.key.value);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return offsets.sort((a, b) => a - b);
}
