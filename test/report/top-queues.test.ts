import { describe, expect, it } from 'vitest';
import type { AnalyticEstimate } from '../../src/analysis/estimates.js';
import { simulate } from '../../src/model/simulate.js';
import { renderEstimateTable } from '../../src/report/estimate-table.js';
import { renderRunTables } from '../../src/report/terminal-table.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { fanOutScenario } from '../helpers/large-network.js';
import { TERMINAL_QUEUE_ROWS, topQueues } from '../../src/report/top-queues.js';

/** An exact M/M/1 estimate at the given load. */
function estimate(utilization: number, lossRate = 0): AnalyticEstimate {
  return {
    model: 'M/M/1',
    method: 'M/M/1 test',
    exact: true,
    stable: utilization < 1,
    values: { throughput: 1, utilization, lossRate },
  };
}

describe('topQueues', () => {
  it('keeps every queue of a small network', () => {
    const queues: Array<[string, number]> = [
      ['a', 1],
      ['b', 2],
    ];
    expect(topQueues(queues, (v) => v)).toEqual({ shown: queues, leftOut: 0 });
  });

  it('keeps the highest scores in scenario order, ties in scenario order', () => {
    const queues: Array<[string, number]> = ['a', 'b', 'c', 'd', 'e'].map((n, i) => [n, [1, 5, 3, 5, 0][i]!]);
    const { shown, leftOut } = topQueues(queues, (v) => v, 3);
    expect(shown.map(([name]) => name)).toEqual(['b', 'c', 'd']);
    expect(leftOut).toBe(2);
  });
});

describe('renderEstimateTable on a large network', () => {
  const queues: Record<string, AnalyticEstimate> = {};
  for (let i = 0; i < 100; i++) queues[`q${String(i).padStart(3, '0')}`] = estimate(0.1);
  queues['q042'] = estimate(0.9);
  queues['q077'] = estimate(0.2, 0.05);
  const text = renderEstimateTable({ scenario: 'big', queues }, { color: false });
  const rows = text.split('\n').filter((line) => /^│ q\d{3} /.test(line));

  it('shows only the most pressed queues, losses and busy consumers among them', () => {
    expect(rows).toHaveLength(TERMINAL_QUEUE_ROWS);
    expect(text).toContain('│ q042 ');
    expect(text).toContain('│ q077 ');
    expect(text).not.toContain('│ q099 ');
  });

  it('says how many were left out and where the full list is', () => {
    expect(text).toContain(`${100 - TERMINAL_QUEUE_ROWS} of 100 queues left out`);
    expect(text).toContain('--json lists every queue');
  });
});

describe('renderRunTables on a large network', () => {
  // 40 M/M/1 queues (100 ms service) at 1/s, but q7 at 9/s: utilization 0.9 against 0.1.
  const text = fanOutScenario(40, 20, (queue) => (queue === 7 ? 9 : 1));
  const { result } = simulate(parseScenario(text, 'large.yaml').scenario);
  const table = renderRunTables(result, { color: false });

  it('has rows for the most pressed queues and flows only', () => {
    const queueRows = table.split('\n').filter((line) => /^│ q\d+ /.test(line));
    // Each shown queue has a traffic row and a latency row.
    expect(queueRows).toHaveLength(2 * TERMINAL_QUEUE_ROWS);
    expect(table).toContain('│ q7 ');
    expect(table).toContain('│ p7 ');
  });

  it('says how many queues and flows were left out', () => {
    expect(table).toContain(`${40 - TERMINAL_QUEUE_ROWS} of 40 queues left out`);
    expect(table).toContain(`${40 - TERMINAL_QUEUE_ROWS} of 40 flows left out`);
  });
});
