/** The scenario line `queuesim fit` prints must parse, with the real scenario parser, back to the fit. */
import { describe, expect, it } from 'vitest';
import { fitSnippet, yamlDuration, yamlRate } from '../../src/report/fit-snippet.js';
import { parseScenario, type DistributionSpec } from '../../src/scenario/index.js';
import { scenarioText } from '../scenario/helpers.js';

/** The distribution a snippet gives the queue (service) or the producer (interarrival) once parsed. */
function parsedBack(snippet: string, kind: 'service' | 'interarrival'): DistributionSpec {
  const line = `    ${snippet}\n`;
  const text = kind === 'service' ? scenarioText({ queue: line }) : scenarioText({ producer: line });
  const { scenario } = parseScenario(text, 'snippet.yaml');
  const spec = kind === 'service' ? scenario.queues[0].service : scenario.producers[0].interarrival;
  if (spec === null) throw new Error('no distribution parsed');
  return spec;
}

/** Every numeric field equal to 4 significant digits (what the snippet writes), the kind exactly. */
function expectSameDistribution(actual: DistributionSpec, expected: DistributionSpec) {
  expect(actual.kind).toBe(expected.kind);
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value !== 'number') continue;
    const got = (actual as Record<string, unknown>)[key] as number;
    expect(Math.abs(got - value), `${key}: ${got} vs ${value}`).toBeLessThanOrEqual(5e-4 * Math.abs(value));
  }
}

const FITS: DistributionSpec[] = [
  { kind: 'exponential', mean: 0.0254321 },
  { kind: 'lognormal', mean: 0.0256789, cv: 1.21618 },
  { kind: 'gamma', mean: 1.234567, cv: 0.603 },
  { kind: 'erlang', k: 3, mean: 0.000812345 },
  { kind: 'weibull', shape: 1.73169, scale: 0.0301633 },
  { kind: 'normal', mean: 0.0250776, sd: 0.00504431 },
  { kind: 'normal', mean: 0.0000498, sd: 0.0498 },
  { kind: 'uniform', min: 0.0100014, max: 0.0299956 },
  { kind: 'constant', value: 0.025 },
  { kind: 'lognormal', mean: 312.5, cv: 0.5 },
  { kind: 'gamma', mean: 9000, cv: 2 },
];

describe('fitSnippet', () => {
  it('writes service times in scenario syntax with readable units', () => {
    expect(fitSnippet({ kind: 'lognormal', mean: 0.0256789, cv: 1.21618 }, 'service')).toBe(
      'service: { distribution: lognormal, mean: 25.68ms, cv: 1.216 }',
    );
    expect(fitSnippet({ kind: 'constant', value: 0.025 }, 'service')).toBe('service: 25ms');
    expect(fitSnippet({ kind: 'erlang', k: 3, mean: 0.000812345 }, 'service')).toBe(
      'service: { distribution: erlang, k: 3, mean: 812.3us }',
    );
  });

  it('writes an exponential inter-arrival time as the producer rate, any other as interarrival', () => {
    expect(fitSnippet({ kind: 'exponential', mean: 0.025 }, 'interarrival')).toBe('rate: 40/s');
    expect(fitSnippet({ kind: 'exponential', mean: 5 }, 'interarrival')).toBe('rate: 12/min');
    expect(fitSnippet({ kind: 'gamma', mean: 0.025, cv: 0.5 }, 'interarrival')).toBe(
      'interarrival: { distribution: gamma, mean: 25ms, cv: 0.5 }',
    );
  });

  it('uses only the unit grammar the scenario parser accepts', () => {
    expect([1e-9, 0.00025, 0.5, 90, 600, 9000].map(yamlDuration)).toEqual([
      '0.001us',
      '250us',
      '500ms',
      '90s',
      '10min',
      '2.5h',
    ]);
    expect(yamlDuration(1.234e-13)).toBe('0.0000001234us');
    expect([40, 0.5, 0.001].map(yamlRate)).toEqual(['40/s', '30/min', '3.6/h']);
  });

  for (const kind of ['service', 'interarrival'] as const) {
    it(`parses back to the same distribution through the scenario parser (${kind})`, () => {
      for (const spec of FITS) {
        const snippet = fitSnippet(spec, kind);
        expectSameDistribution(parsedBack(snippet, kind), spec);
      }
    });
  }
});

describe('the empirical line offered when no family fits', () => {
  it('parses back to the same values, as the service or as the producer interarrival', () => {
    const spec: DistributionSpec = { kind: 'empirical', values: [0.0012345, 0.02, 0.4567891, 1.5] };
    expect(fitSnippet(spec, 'interarrival')).toBe(
      'interarrival: { distribution: empirical, values: [1.234ms, 20ms, 456.8ms, 1.5s] }',
    );
    for (const kind of ['service', 'interarrival'] as const) {
      const back = parsedBack(fitSnippet(spec, kind), kind);
      expect(back.kind).toBe('empirical');
      const values = back.kind === 'empirical' ? back.values : [];
      values.forEach((v, i) =>
        expect(Math.abs(v - (spec.values as number[])[i])).toBeLessThanOrEqual(5e-4 * v),
      );
    }
  });
});
