/** The sweep report's charts: CI band, line, and the SLO limit as a rule only where an SLO applies. */
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../src/analysis/sweep.js';
import { serialRunner } from '../../../src/analysis/replications.js';
import { renderSweepHtml, sweepChartSpec } from '../../../src/report/html/sweep-page.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { parseParameters } from '../../../src/scenario/parameters.js';

const text = `name: t
duration: 20s
replications: 2
producers:
  - { name: p, to: q, rate: 10/s }
queues:
  - { name: q, consumers: 1, service: 50ms }
slo:
  - { queue: q, metric: sojourn.p99, max: 200ms }
`;
const { scenario } = parseScenario(text, 'test.yaml');

describe('sweep report', async () => {
  const { result } = await runSweep(scenario, parseParameters(scenario, ['queues.q.consumers=1..3']), {
    runner: serialRunner(),
  });

  it('draws a band where there are CIs, a line, and a rule at the SLO limit', () => {
    const spec = sweepChartSpec(result, 'q', 'sojourn.p99') as unknown as {
      layer: Array<{ mark: { type: string } }>;
    };
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['line', 'rule']); // no CI for a p99
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

describe('sweep chart titles, units and series', async () => {
  const single = parseScenario(text.replace('replications: 2\n', ''), 'test.yaml').scenario;
  const { result } = await runSweep(
    single,
    parseParameters(single, ['queues.q.consumers=1..3', 'queues.q.capacity=5,50']),
    { runner: serialRunner() },
  );
  type Layer = { mark: { type: string }; encoding: Record<string, { title?: string; field?: string }> };
  const layersOf = (metric: string) =>
    (sweepChartSpec(result, 'q', metric) as unknown as { layer: Layer[] }).layer;
  const rowsOf = (metric: string) =>
    Object.values(
      (
        sweepChartSpec(result, 'q', metric) as unknown as {
          datasets: Record<string, Array<{ value: number }>>;
        }
      ).datasets,
    )[0];

  it('titles axes in words with units, and counts consumer-hours in hours', () => {
    const line = layersOf('sojourn.p99').find((layer) => layer.mark.type === 'line')!;
    expect(line.encoding.y.title).toBe('p99 sojourn (s)');
    expect(line.encoding.x.title).toBe('q consumers');
    expect(line.encoding.color.title).toBe('q capacity');
    const hours = layersOf('consumerSeconds').find((layer) => layer.mark.type === 'line')!;
    expect(hours.encoding.y.title).toBe('consumer-hours');
    // 1 consumer for 20 s is 20 consumer-seconds: 1/180 of a consumer-hour.
    const seconds = result.points[0].result.queues.q.consumerSeconds!;
    expect(seconds).toBeCloseTo(20, 6);
    expect(rowsOf('consumerSeconds')[0].value).toBeCloseTo(seconds / 3600, 9);
  });

  it('tells coinciding series apart by dash and marker, and has no band without intervals', () => {
    const layers = layersOf('utilization');
    expect(layers.map((layer) => layer.mark.type)).toEqual(['line']);
    expect(layers[0].encoding.strokeDash.field).toBe('series');
    expect(layers[0].encoding.shape.field).toBe('series');
  });

  it('gives each queue its own table with human heads and an SLO tally', () => {
    const html = renderSweepHtml({
      sweep: result,
      description: '',
      version: 'test',
      generatedAt: new Date(0),
    });
    expect(html.match(/<table class="data sweep-points">/g)).toHaveLength(1);
    expect(html).toContain('<th>p99 sojourn (s)</th>');
    expect(html).toContain('<th>consumer-hours</th>');
    expect(html).not.toContain('queues.q.consumers');
    expect(html).toMatch(/class="tally-(pass|fail|uncertain)">1 (pass|fail|uncertain)</);
  });
});
