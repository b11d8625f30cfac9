/** The sweep report's charts: CI band, line, and the SLO limit as a rule only where an SLO applies. */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../src/analysis/sweep.js';
import { serialRunner } from '../../../src/analysis/replications.js';
import { renderSweepHtml, sweepChartSpec } from '../../../src/report/html/sweep-page.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { parseParameters } from '../../../src/scenario/parameters.js';

const { scenario } = parseScenario(
  `name: t
duration: 20s
replications: 2
producers:
  - { name: p, to: q, rate: 10/s }
queues:
  - { name: q, consumers: 1, service: 50ms }
slo:
  - { queue: q, metric: sojourn.p99, max: 200ms }
`,
  'test.yaml',
);

describe('sweep report', async () => {
  const { result } = await runSweep(scenario, parseParameters(scenario, ['queues.q.consumers=1..3']), {
    runner: serialRunner(),
  });

  it('draws a band, a line, and a rule at the SLO limit', () => {
    const spec = sweepChartSpec(result, 'q', 'sojourn.p99') as unknown as {
      layer: Array<{ mark: { type: string } }>;
    };
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['area', 'line', 'rule']);
    const plain = sweepChartSpec(result, 'q', 'utilization') as unknown as { layer: unknown[] };
    expect(plain.layer).toHaveLength(2);
  });

  it('is one page with a chart per headline metric and a row per point', () => {
    const html = renderSweepHtml({
      sweep: result,
      description: '',
      version: 'test',
      generatedAt: new Date(0),
    });
    expect(html.match(/class="chart" id=/g)).toHaveLength(5);
    expect(html.match(/<tr><td>/g)).toHaveLength(3);
  });
});
