/**
 * Graph layout for the topology diagram, pure and free of markup: node sizes, columns by longest path
 * from the producers, stacking within a column by the barycentre of the predecessors, and the Bézier
 * point the edge labels sit at.
 */

// Node sizes and spacing, in SVG units (the drawing scales to the card's width).
export const SIZE = {
  producer: { width: 190, height: 70 },
  exchange: { width: 180, height: 70 },
  queue: { width: 330, height: 112 },
} as const;
/** Least room between two columns. */
const COLUMN_GAP = 110;
/** Room between two nodes of a column. */
const ROW_GAP = 26;

export type Kind = keyof typeof SIZE;

export interface Node {
  id: string;
  kind: Kind;
  name: string;
  /** Column, from 0 (producers). */
  layer: number;
  /** Scenario order, to break ties. */
  order: number;
  x: number;
  y: number;
}

export interface Edge {
  from: string;
  to: string;
  rate: number;
  label: string;
  title: string;
  color: string;
  dashed: boolean;
}

/** A node's id: its kind and name. */
export const key = (kind: Kind, name: string) => `${kind}:${name}`;

/** Columns by longest path from the producers: every edge goes at least one column to the right. */
export function assignLayers(nodes: Map<string, Node>, edges: Edge[], hasExchanges: boolean): void {
  for (const node of nodes.values()) {
    node.layer = node.kind === 'producer' ? 0 : node.kind === 'exchange' ? 1 : hasExchanges ? 2 : 1;
  }
  // Bellman–Ford style relaxation; capped, so a cycle through dead-letter queues cannot loop forever.
  for (let round = 0; round < nodes.size; round++) {
    let changed = false;
    for (const edge of edges) {
      const from = nodes.get(edge.from);
      const to = nodes.get(edge.to);
      if (from && to && to.layer < from.layer + 1 && from.layer + 1 <= nodes.size) {
        to.layer = from.layer + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** Places the columns and stacks each one, ordering nodes by the mean height of their predecessors. */
export function place(nodes: Map<string, Node>, edges: Edge[]): { width: number; height: number } {
  // Room between a column and the next for the labels of the edges leaving it (about 6.6 units a character).
  const gapAfter = (layer: number) =>
    Math.max(
      COLUMN_GAP,
      ...edges
        .filter((edge) => nodes.get(edge.from)?.layer === layer)
        .map((edge) => edge.label.length * 6.6 + 36),
    );
  const layers: Node[][] = [];
  for (const node of nodes.values()) (layers[node.layer] ??= []).push(node);
  const columns = layers.filter((layer) => layer !== undefined);
  const stackHeight = (layer: Node[]) =>
    layer.reduce((sum, node) => sum + SIZE[node.kind].height, 0) + ROW_GAP * (layer.length - 1);
  const height = Math.max(...columns.map(stackHeight));
  let x = 0;
  let last = 0;
  for (const layer of columns) {
    const gap = gapAfter(layer[0].layer);
    // Barycentre of the (already placed) predecessors; dead-letter queues sink to the bottom.
    const rank = (node: Node) => {
      const incoming = edges.filter(
        (edge) => edge.to === node.id && nodes.get(edge.from)!.layer < node.layer,
      );
      const solid = incoming.filter((edge) => !edge.dashed);
      const from = (solid.length > 0 ? solid : incoming).map((edge) => nodes.get(edge.from)!.y);
      const centre = from.length > 0 ? from.reduce((a, b) => a + b, 0) / from.length : 0;
      return (solid.length === 0 && incoming.length > 0 ? 1e6 : 0) + centre + node.order * 1e-3;
    };
    layer.sort((a, b) => rank(a) - rank(b));
    let y = (height - stackHeight(layer)) / 2;
    const width = Math.max(...layer.map((node) => SIZE[node.kind].width));
    for (const node of layer) {
      node.x = x + (width - SIZE[node.kind].width) / 2;
      node.y = y + SIZE[node.kind].height / 2;
      y += SIZE[node.kind].height + ROW_GAP;
    }
    x += width + gap;
    last = gap;
  }
  return { width: x - last, height };
}

/** The point at t on a cubic Bézier with control values p0…p3. */
export function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}
