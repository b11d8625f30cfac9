/** Imported autoscale settings as YAML: a block to paste, or merged into a scenario keeping its comments. */
import { Document, isMap, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import type { ImportedSetting } from './keda-scaled-object.js';

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
    file: '<command line>',
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
  doc.setIn(['queues', index, 'autoscale'], autoscaleNode(doc, settings, header));
  return { text: doc.toString({ lineWidth: 0 }), replaced };
}
