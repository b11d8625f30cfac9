import { describe, expect, it } from 'vitest';
import { CumulativeGrid } from '../../src/metrics/cumulative-grid.js';

describe('CumulativeGrid', () => {
  it('turns running totals recorded at the edges into per-second values per bin', () => {
    const grid = new CumulativeGrid(4, 2);
    const source = new Float64Array(3);
    let edge = grid.begin(100, 8);
    expect(edge).toBe(100);
    const totalsAtEdges = [
      [0, 0],
      [4, 1],
      [4, 3],
      [10, 3],
      [12, 9],
    ];
    const edgesAsked: number[] = [];
    for (const [a, b] of totalsAtEdges) {
      source[2] = a;
      source[0] = b;
      edgesAsked.push(edge);
      edge = grid.recordEdge(source, [2, 0]);
    }
    expect(edgesAsked).toEqual([100, 102, 104, 106, 108]);
    expect(edge).toBe(Infinity);
    expect(grid.binSeconds).toBe(2);
    expect(grid.binStarts()).toEqual([0, 2, 4, 6]);
    expect(grid.perSecond(0)).toEqual([2, 0, 3, 1]);
    expect(grid.perSecond(1)).toEqual([0.5, 1, 0, 3]);
    expect(grid.recordEdge(source, [2, 0])).toBe(Infinity); // past the last edge: ignored
  });

  it('ends exactly at start + span and reports only completed bins', () => {
    const grid = new CumulativeGrid(3, 1);
    grid.begin(0.1, 0.7);
    expect(grid.edgeTime(3)).toBe(0.1 + 0.7);
    const source = new Float64Array(1);
    grid.recordEdge(source, [0]);
    expect(grid.completedBins).toBe(0);
    grid.recordEdge(source, [0]);
    expect(grid.completedBins).toBe(1);
    expect(grid.perSecond(0)).toEqual([0]);
  });

  it('rejects a grid without bins or span', () => {
    expect(() => new CumulativeGrid(0, 1)).toThrow(/bins/);
    expect(() => new CumulativeGrid(10, 1).begin(0, 0)).toThrow(/span/);
  });
});
