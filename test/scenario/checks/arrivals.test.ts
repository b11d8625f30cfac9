import { describe, expect, it } from 'vitest';
import { Arrivals, type PublishingLink } from '../../../src/scenario/checks/arrivals.js';

// x fans out to q1 and q2; y reaches q2 only for type "b".
const reach = (to: string, type: string): string[] =>
  to === 'x' ? ['x', 'q1', 'q2'] : to === 'y' ? (type === 'b' ? ['y', 'q2'] : ['y']) : [to];

const link = (index: number, to: string | undefined, types: string[] | undefined): PublishingLink => ({
  producer: { index },
  to,
  types,
});

describe('Arrivals', () => {
  it('lists the producers reaching a destination in producer order, with the types that arrive', () => {
    let searches = 0;
    const counted = (to: string, type: string) => {
      searches += 1;
      return reach(to, type);
    };
    const arrivals = new Arrivals(
      [
        link(0, 'y', ['a', 'b']),
        link(1, 'x', ['c']),
        link(2, 'x', ['c', 'd', 'c']),
        link(3, undefined, ['a']),
      ],
      counted,
    );
    expect(searches).toBe(4); // (y,a), (y,b), (x,c), (x,d): one search each, shared by producers 1 and 2
    const atQ2 = arrivals.get('q2');
    expect([...(atQ2 ?? [])].map(([index, types]) => [index, [...types]])).toEqual([
      [0, ['b']],
      [1, ['c']],
      [2, ['c', 'd']],
    ]);
    expect([...(arrivals.get('y')?.keys() ?? [])]).toEqual([0]);
    expect(arrivals.get('q1')?.get(2)).toEqual(new Set(['c', 'd']));
    expect(arrivals.get('nowhere')).toBeUndefined();
    expect(arrivals.get('q2')).toBe(atQ2); // built once
  });

  it('skips links whose destination or types cannot be read', () => {
    const arrivals = new Arrivals([link(0, 'x', undefined), link(1, undefined, ['a'])], reach);
    expect(arrivals.get('x')).toBeUndefined();
  });
});
