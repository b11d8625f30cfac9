import { describe, expect, it } from 'vitest';
import { withAnalyticEstimates } from '../../../src/analysis/compare-analytic.js';
import { simulate } from '../../../src/model/simulate.js';
import { describeTopology } from '../../../src/model/topology.js';
import { renderReportHtml } from '../../../src/report/html/index.js';
import { QUEUES_IN_FULL } from '../../../src/report/html/sections/ranked-queues.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import { fanOutScenario } from '../../helpers/large-network.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

/** The report of 30 M/M/1 queues: q0 … q9 nearly idle (ρ = 0.05), q10 … q29 busy (ρ = 0.5 … 0.88). */
function thirtyQueueReport(): string {
  const { scenario } = parseScenario(
    fanOutScenario(30, 400, (i) => Number(((i + 1) * 0.3).toFixed(1))),
    'large.yaml',
  );
  return renderReportHtml({
    result: withAnalyticEstimates(simulate(scenario).result, scenario),
    topology: describeTopology(scenario),
    description: '',
    scenarioSource: { path: 'large.yaml', text: 'name: large\n' },
    version: '0.0.0-test',
    generatedAt: new Date(Date.UTC(2026, 10, 27, 9, 30)),
  });
}

describe('the report of a large network', () => {
  it('shows the most pressed queues in full and the rest in a sortable table, most pressed first', () => {
    const html = thirtyQueueReport();
    const sections = [...html.matchAll(/<section class="card queue" id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toHaveLength(QUEUES_IN_FULL);
    // Busy against nearly idle (utilisation 0.5 or more against 0.05, each over 400 s): the 20 most
    // pressed are q10 … q29 whatever the noise, shown in scenario order.
    expect(sections.map((id) => /q\d+/.exec(id)?.[0])).toEqual(
      Array.from({ length: 20 }, (_, k) => `q${k + 10}`),
    );
    const table = html.slice(html.indexOf('id="ranked-queues-table"'));
    const rows = [...table.matchAll(/<th scope="row" data-sort="">(q\d+)<\/th><td data-sort="([^"]*)"/g)];
    expect(rows.map((m) => m[1]).sort()).toEqual(Array.from({ length: 10 }, (_, k) => `q${k}`).sort());
    const pressure = rows.map((m) => Number(m[2]));
    expect(pressure).toEqual([...pressure].sort((a, b) => b - a)); // most pressed first
    expect(html).toContain('The other 10 queues');
  }, 60_000);

  it('leaves a small network as it was: every queue in full, no table', () => {
    const html = renderReportHtml(reportInputFor(threeQueues));
    expect(html).not.toContain('ranked-queues-table');
    expect([...html.matchAll(/<section class="card queue"/g)]).toHaveLength(3);
  });
});
