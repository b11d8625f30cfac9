/** The terminal's route table: one row per route with its share and latency, none without routes. */
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../src/report/route-table.js';
import { renderRunTables } from '../../src/report/terminal-table.js';
import { TWO_ROUTES_YAML, runYaml } from '../helpers/routes-example.js';

const plain = {
  yellow: (s: string) => s,
  dim: (s: string) => s,
  red: (s: string) => s,
  green: (s: string) => s,
};
const style = { head: [], border: [] };

const run = runYaml;

describe('route table', () => {
  it('shows each route with its completions, share of its flow and end-to-end percentiles', () => {
    const result = run(TWO_ROUTES_YAML);
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
