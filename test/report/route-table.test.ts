/** The terminal's route table: one row per route with its share and latency, none without routes. */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/run-result.js';
import { routeTable } from '../../src/report/route-table.js';
import { renderRunTables } from '../../src/report/terminal-table.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';

const plain = {
  yellow: (s: string) => s,
  dim: (s: string) => s,
  red: (s: string) => s,
  green: (s: string) => s,
};
const style = { head: [], border: [] };

const run = (text: string): RunResult => simulate(parseScenario(text, 'r.yaml').scenario).result;

describe('route table', () => {
  it('shows each route with its completions, share of its flow and end-to-end percentiles', () => {
    const result = run(`name: r
seed: 2
duration: 300
producers: [{ name: web, to: a, rate: 5 }]
queues:
  - { name: a, service: { distribution: constant, value: 0.01 }, then: [{ to: b, probability: 0.25 }] }
  - { name: b, service: { distribution: constant, value: 0.02 } }
`);
    const [table, note] = routeTable(result, plain as never, style);
    const rows = table.split('\n').filter((line) => line.includes('web →'));
    expect(rows.map((row) => row.split('│')[1].trim())).toEqual(['web → a', 'web → a → b']);
    const share = (row: string) => Number(row.split('│')[3].trim().replace('%', '')) / 100;
    expect(share(rows[0]) + share(rows[1])).toBeCloseTo(1, 2);
    expect(rows[1]).toContain('30ms'); // 10 ms + 20 ms of constant service, never waiting
    expect(note).toMatch(/loss account/);
    expect(renderRunTables(result, { color: false })).toContain('web → a → b');
  });

  it('is left out when the scenario has no `then` routes', () => {
    const result = run(`name: r
duration: 60
producers: [{ name: web, to: a, rate: 5 }]
queues: [{ name: a, service: { distribution: constant, value: 0.01 } }]
`);
    expect(routeTable(result, plain as never, style)).toEqual([]);
    expect(renderRunTables(result, { color: false })).not.toContain('route');
  });
});
