/** The compare table: SLO verdicts first, one table per queue and flow, never wider than 100 columns. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/analysis/compare.js';
import { COMPARE_WIDTH, renderCompareTable } from '../../src/report/compare-table.js';
import { compareExample } from '../helpers/compare-example.js';

/** The widest printed line, in characters (the box-drawing characters are one column each). */
function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

/** The example with `extra` more later scenarios, copies of the last one under long names. */
function withMoreScenarios(compare: CompareResult, extra: number): CompareResult {
  const last = compare.scenarios.at(-1)!;
  const lastDiff = compare.differences.at(-1)!;
  const names = Array.from({ length: extra }, (_, i) => `a-rather-long-variant-name-${i + 1}`);
  return {
    ...compare,
    scenarios: [...compare.scenarios, ...names.map((name) => ({ ...last, name }))],
    differences: [...compare.differences, ...names.map((scenario) => ({ ...lastDiff, scenario }))],
  };
}

describe('compare table', () => {
  let compare: CompareResult;
  let text: string;
  beforeAll(async () => {
    compare = await compareExample();
    text = renderCompareTable(compare, { color: false });
  }, 60_000);

  it('fits 100 columns', () => {
    expect(widest(text)).toBeLessThanOrEqual(COMPARE_WIDTH);
  });

  it('splits the scenarios over several tables rather than pass 100 columns', () => {
    const wide = renderCompareTable(withMoreScenarios(compare, 4), { color: false });
    expect(widest(wide)).toBeLessThanOrEqual(COMPARE_WIDTH);
    expect(wide).toContain('a-rather-long-variant-name-4');
    // The first scenario is repeated in every table of a group, so the later ones stay readable.
    const ordersTables = wide.split('\n').filter((line) => line.includes('queue orders '));
    expect(ordersTables.length).toBeGreaterThan(1);
    for (const head of ordersTables) expect(head).toContain('checkout-compare');
  });

  it('puts the SLO verdicts first, each scenario in its column', () => {
    const slo = text.indexOf('orders.sojourn.p99 ≤ 250ms');
    expect(slo).toBeGreaterThan(0);
    expect(slo).toBeLessThan(text.indexOf('queue orders '));
    const row = text.split('\n').find((line) => line.includes('orders.sojourn.p99 ≤ 250ms'))!;
    expect(row.match(/fail|pass|uncertain/g)).toEqual(['fail', 'pass', 'pass']);
  });

  it('shows each later scenario its difference with a significance mark and its CI', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('p99 sojourn'));
    expect(lines[at + 1]).toMatch(/−\d+(\.\d+)?ms \*.*−\d+(\.\d+)?ms \*/);
    expect(lines[at + 2]).toMatch(/\[−[\d.]+m?s, −[\d.]+ms\]/);
  });

  it('leaves out what does not apply: a dead-letter queue has no consumer metrics', () => {
    const start = text.indexOf('queue orders-dlq');
    const table = text.slice(start, text.indexOf('└', start));
    expect(table).toContain('mean queue length');
    for (const metric of ['throughput', 'utilisation', 'sojourn', 'consumer-hours', 'drop rate'])
      expect(table).not.toContain(metric);
    expect(text).not.toMatch(/│\s+–\s+│\s+–\s+│/);
  });

  it('shows consumer cost in consumer-hours', () => {
    const row = text.split('\n').find((line) => line.includes('consumer-hours'))!;
    // 1, 2 and 3 consumers for 3 minutes: 0.05, 0.1 and 0.15 consumer-hours.
    expect(row).toMatch(/0\.05 .*0\.1 .*0\.15 /);
  });
});
