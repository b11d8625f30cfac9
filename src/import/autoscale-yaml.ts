/** Imported autoscale settings as YAML: a block to paste, or merged into a scenario keeping its comments. */
import {
  Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { COMMAND_LINE } from '../scenario/overrides.js';
import type { ImportedSetting } from './imported-setting.js';

/** The `autoscale:` mapping node, each value commented with its source and the header above the first key. */
function autoscaleNode(
  doc: Document,
  settings: readonly ImportedSetting[],
  header: readonly string[],
): YAMLMap {
  const data: Record<string, unknown> = {};
  for (const { path, value } of settings) {
    let at = data;
    for (const segment of path.slice(0, -1)) at = (at[segment] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
  }
  const node = doc.createNode(data) as YAMLMap;
  for (const { path, comment } of settings) {
    const target = node.getIn(path, true) as Node;
    if (isSeq(target)) {
      // Policies read best one per line, in flow style: the comment goes above the list.
      for (const item of target.items) if (isMap(item)) item.flow = true;
      target.commentBefore = ` ${comment}`;
    } else target.comment = ` ${comment}`;
  }
  node.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return node;
}

/** A standalone `autoscale:` block (to paste under a queue) with the header as its leading comment. */
export function autoscaleBlock(settings: readonly ImportedSetting[], header: readonly string[]): string {
  const doc = new Document({});
  doc.set('autoscale', autoscaleNode(doc, settings, header));
  return doc.toString({ lineWidth: 0 });
}

/**
 * `text` (a scenario) with `queueName`'s autoscale replaced by the settings; every other line and comment
 * is kept. A queue not in the scenario is a located error naming the queues there are.
 */
export function mergeAutoscale(
  text: string,
  file: string,
  queueName: string,
  settings: readonly ImportedSetting[],
  header: readonly string[],
): { text: string; replaced: boolean } {
  const doc = parseDocument(text, { prettyErrors: false });
  const problem = (message: string): ScenarioProblem => ({
    file: COMMAND_LINE,
    line: 0,
    column: 0,
    path: '--queue',
    message,
    severity: 'error',
  });
  if (doc.errors.length > 0) {
    throw new ScenarioError([
      { ...problem(`${file} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`), path: '--into' },
    ]);
  }
  const queues = doc.get('queues', true);
  const names: string[] = [];
  let index = -1;
  if (isSeq(queues)) {
    queues.items.forEach((item, position) => {
      const name = isMap(item) ? item.get('name') : undefined;
      if (typeof name === 'string') {
        names.push(name);
        if (name === queueName && index < 0) index = position;
      }
    });
  }
  if (index < 0) {
    throw new ScenarioError([
      problem(
        `no queue named '${queueName}' in ${file}${names.length > 0 ? `; its queues are ${names.join(', ')}` : ' (it has no queues list)'}`,
      ),
    ]);
  }
  const replaced = doc.hasIn(['queues', index, 'autoscale']);
  settings = keepClusterSettings(settings, doc.getIn(['queues', index, 'autoscale']), file);
  const queue = (queues as YAMLSeq).items[index] as YAMLMap;
  const spliced = queue.flow ? undefined : spliceBlock(text, queue, settings, header);
  if (spliced !== undefined) return { text: spliced, replaced };
  // A queue written in flow style ({ name: orders, … }) has no lines to splice into: the document is re-printed.
  doc.setIn(['queues', index, 'autoscale'], autoscaleNode(doc, settings, header));
  return { text: doc.toString({ lineWidth: 0 }), replaced };
}

/**
 * The scenario text with the queue's `autoscale:` lines replaced (or the block added after its last key),
 * every other byte as written: re-printing the whole document would re-flow its lists and move comments.
 */
function spliceBlock(
  text: string,
  queue: YAMLMap,
  settings: readonly ImportedSetting[],
  header: readonly string[],
): string | undefined {
  const pairs = queue.items.filter(isPair);
  const first = pairs[0]?.key;
  if (!isNode(first) || !first.range) return undefined;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const end = text.indexOf('\n', offset);
    return end < 0 ? text.length : end + 1;
  };
  const indent = first.range[0] - lineStart(first.range[0]);
  const block = autoscaleBlock(settings, header)
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
  const existing = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'autoscale');
  /** The offset just past the lines a pair's value takes (its trailing comment included). */
  const endOfPair = (pair: Pair): number | undefined => {
    const value = pair.value;
    if (isNode(value) && value.range) return lineEnd(Math.max(value.range[1] - 1, value.range[0]));
    const key = pair.key;
    return isNode(key) && key.range ? lineEnd(key.range[1]) : undefined;
  };
  if (existing) {
    const key = existing.key as Node;
    const end = endOfPair(existing);
    if (!key.range || end === undefined) return undefined;
    const start = lineStart(key.range[0]);
    // A pair on the queue's first line (`- autoscale:`) shares it with the dash: keep the prefix.
    if (start !== key.range[0] - indent) return undefined;
    return text.slice(0, start) + block + text.slice(end);
  }
  const end = endOfPair(pairs[pairs.length - 1]);
  if (end === undefined) return undefined;
  const before = text.slice(0, end);
  return (before.endsWith('\n') ? before : before + '\n') + block + text.slice(end);
}

/**
 * What a ScaledObject cannot say (the cluster's sync period and tolerance, the pods' start-up time) is kept
 * from the autoscale block being replaced: it was written there on purpose, perhaps measured.
 */
function keepClusterSettings(
  settings: readonly ImportedSetting[],
  existing: unknown,
  file: string,
): ImportedSetting[] {
  if (!isMap(existing)) return [...settings];
  return settings.map((setting) => {
    const key = setting.path.join('.');
    if (!setting.fromCluster || !existing.has(key)) return setting;
    return { ...setting, value: existing.get(key), comment: `kept from ${file} (not in a ScaledObject)` };
  });
}
