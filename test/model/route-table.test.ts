/** The numbering of routes: depth first as written, fan-outs through exchanges, caps on cycles. */
import { describe, expect, it } from 'vitest';
import { MAX_ROUTE_QUEUES, RouteTable, hasRoutes } from '../../src/model/route-table.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenarioFrom = (text: string) => parseScenario(text, 'table.yaml').scenario;

describe('route table', () => {
  it('numbers each path once, producers first, following exchanges and `then` in the order written', () => {
    const scenario = scenarioFrom(`name: t
duration: 10
producers: [{ name: web, to: fan, rate: 1 }]
exchanges: [{ name: fan, type: fanout, to: [a, b] }]
queues:
  - { name: a, service: { distribution: constant, value: 0.1 }, then: [{ to: c, probability: 0.5 }] }
  - { name: b, service: { distribution: constant, value: 0.1 } }
  - { name: c, service: { distribution: constant, value: 0.1 } }
`);
    expect(hasRoutes(scenario)).toBe(true);
    const table = new RouteTable(scenario);
    expect(table.routes.map((route) => route.name)).toEqual([
      'web',
      'web → a',
      'web → a → c',
      'web → b',
      'web → … (other routes)',
    ]);
    // Destinations: a = 0, b = 1, c = 2.
    expect(table.next(0, 0)).toBe(1);
    expect(table.next(1, 2)).toBe(2);
    expect(table.next(0, 1)).toBe(3);
    expect(table.next(3, 2)).toBe(4); // b has no route to c: not a path of the scenario
  });

  it('ends a routing cycle at the longest path, past which every lap is an "other route"', () => {
    const table = new RouteTable(
      scenarioFrom(`name: t
duration: 10
producers: [{ name: web, to: q, rate: 1 }]
queues:
  - { name: q, service: { distribution: constant, value: 0.1 }, then: [{ to: q, probability: 0.5 }] }
`),
    );
    expect(table.routes).toHaveLength(1 + MAX_ROUTE_QUEUES + 1);
    let route = 0;
    for (let lap = 0; lap < MAX_ROUTE_QUEUES; lap++) route = table.next(route, 0);
    expect(table.routes[route].queues).toHaveLength(MAX_ROUTE_QUEUES);
    const other = table.next(route, 0);
    expect(table.routes[other].name).toBe('web → … (other routes)');
    expect(table.next(other, 0)).toBe(other);
  });
});
