/** A topic's section in the HTML report: a per-partition lag bar chart that compiles cleanly. */
import { compileWarnings } from '../../helpers/vega-warnings.js';
import { describe, expect, it } from 'vitest';
import { reportBody } from '../../../src/report/html/page.js';
import { reportInputFor } from '../../helpers/report-input.js';
import { poissonProducer, scenarioOf, topicSpec } from '../../helpers/scenarios.js';

describe('topic report section', () => {
  const scenario = scenarioOf({
    name: 'skewed-topic',
    durationSeconds: 300,
    producers: [poissonProducer('shop', 'orders', 100)],
    queues: [
      topicSpec(
        { name: 'orders', consumers: 8, service: { kind: 'lognormal', mean: 0.02, cv: 1 } },
        { partitions: 6, keyCount: 1000, keySkew: 1.1 },
      ),
    ],
  });
  const input = reportInputFor(scenario);
  const body = reportBody(input);

  it('draws the lag of every partition, naming the hot one and the idle consumers', () => {
    const chart = body.charts.find((entry) => entry.id === 'chart-0-partitions');
    expect(chart).toBeDefined();
    expect(compileWarnings(chart!.spec)).toEqual([]);
    const rows = Object.values((chart!.spec as { datasets: Record<string, unknown[]> }).datasets)[0];
    expect(rows).toHaveLength(6);
    const hot = input.result.queues.orders.partitions!.hotPartition.partition;
    const lags = input.result.queues.orders.partitions!.perPartition.map((p) => p.lag.mean);
    expect(lags[hot]).toBe(Math.max(...lags));
    const coloured = (rows as Array<{ partition: string; hot: boolean }>).filter((row) => row.hot);
    expect(coloured.map((row) => row.partition)).toEqual([String(hot)]);
    expect(body.html).toContain(`Partition ${hot} (coloured)`);
    expect(body.html).toContain('topic, 6 partitions');
    expect(body.html).toContain('2 idle consumers');
    expect(body.html).toContain('uneven assignment: 0 to 1 partitions per consumer, 2 consumers idle');
    expect(body.html).toMatch(/busiest consumer \d at /);
  });

  it('draws lag on a log scale, so one hot partition does not flatten the others to nothing', () => {
    const chart = body.charts.find((entry) => entry.id === 'chart-0-partitions')!;
    const layers = (
      chart.spec as unknown as { layer: Array<{ encoding: { y: { scale?: { type: string } } } }> }
    ).layer;
    expect(layers.map((layer) => layer.encoding.y.scale?.type)).toEqual(['symlog', 'symlog']);
  });
});
