import { describe, expect, it } from 'vitest';
import {
  SIZE,
  assignLayers,
  cubic,
  key,
  place,
  type Edge,
  type Kind,
  type Node,
} from '../../../src/report/html/sections/topology-layout.js';

/** Nodes by kind and name, in the order given. */
function nodesOf(...entries: Array<[Kind, string]>): Map<string, Node> {
  return new Map(
    entries.map(([kind, name], order) => [
      key(kind, name),
      { id: key(kind, name), kind, name, layer: 0, order, x: 0, y: 0 },
    ]),
  );
}

/** An edge between two node ids. */
function edge(from: string, to: string, dashed = false): Edge {
  return { from, to, rate: 1, label: '1/s', title: '', color: '#000', dashed };
}

describe('topology layout', () => {
  it('puts every edge at least one column to the right: producer, queue, next queue, dead letters', () => {
    const nodes = nodesOf(['producer', 'p'], ['queue', 'a'], ['queue', 'b'], ['queue', 'dlq']);
    const edges = [
      edge('producer:p', 'queue:a'),
      edge('queue:a', 'queue:b'),
      edge('queue:b', 'queue:dlq', true),
    ];
    assignLayers(nodes, edges, false);
    expect([...nodes.values()].map((node) => node.layer)).toEqual([0, 1, 2, 3]);
  });

  it('stops on a cycle through dead-letter queues instead of looping', () => {
    const nodes = nodesOf(['producer', 'p'], ['queue', 'a'], ['queue', 'b']);
    const edges = [
      edge('producer:p', 'queue:a'),
      edge('queue:a', 'queue:b'),
      edge('queue:b', 'queue:a', true),
    ];
    assignLayers(nodes, edges, false);
    for (const node of nodes.values()) expect(node.layer).toBeLessThanOrEqual(nodes.size);
  });

  it('stacks a column without overlap, follows the predecessors and sinks dead-letter queues', () => {
    const nodes = nodesOf(
      ['producer', 'top'],
      ['producer', 'bottom'],
      ['queue', 'dlq'],
      ['queue', 'b'],
      ['queue', 'a'],
    );
    const edges = [
      edge('producer:top', 'queue:a'),
      edge('producer:bottom', 'queue:b'),
      edge('producer:bottom', 'queue:dlq', true),
    ];
    assignLayers(nodes, edges, false);
    const { width, height } = place(nodes, edges);
    const column = ['queue:a', 'queue:b', 'queue:dlq'].map((id) => nodes.get(id)!);
    // Ordered by their producers' heights; the dead-letter queue, reached only by a dashed edge, last.
    expect(column.map((node) => node.y)).toEqual([...column.map((node) => node.y)].sort((x, y) => x - y));
    for (let i = 1; i < column.length; i++) {
      expect(column[i].y - column[i - 1].y).toBeGreaterThanOrEqual(SIZE.queue.height);
    }
    expect(width).toBeGreaterThan(SIZE.producer.width + SIZE.queue.width);
    expect(height).toBe(3 * SIZE.queue.height + 2 * 26);
  });

  it('evaluates the Bézier at its ends and middle', () => {
    expect(cubic(0, 1, 2, 3, 0)).toBe(0);
    expect(cubic(0, 1, 2, 3, 1)).toBe(3);
    expect(cubic(0, 1, 2, 3, 0.5)).toBeCloseTo(1.5, 12);
  });
});
