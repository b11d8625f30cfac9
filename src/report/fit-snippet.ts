import type { DistributionSpec } from '../scenario/types.js';

/** What the observations were: a queue's service times or a producer's inter-arrival times. */
export type ObservedKind = 'service' | 'interarrival';

/** Significant digits written: rounding moves a parameter by at most 0.005 %, far inside any fit's error. */
const DIGITS = 4;

/**
 * The scenario line for a fitted distribution, in scenario syntax with readable units, e.g.
 * `service: { distribution: lognormal, mean: 25.57ms, cv: 1.216 }`. Exponential inter-arrival times are
 * written as the producer's `rate:`; any other (an empirical one too) as its `interarrival:` key.
 */
export function fitSnippet(spec: DistributionSpec, kind: ObservedKind): string {
  if (kind === 'interarrival' && spec.kind === 'exponential') return `rate: ${yamlRate(1 / spec.mean)}`;
  return `${kind}: ${distributionYaml(spec)}`;
}

/** A distribution as a flow mapping (a constant as a plain duration), times with units. */
function distributionYaml(spec: DistributionSpec): string {
  const mapping = (fields: Record<string, string>) =>
    `{ ${Object.entries({ distribution: spec.kind, ...fields })
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ')} }`;
  switch (spec.kind) {
    case 'constant':
      return yamlDuration(spec.value);
    case 'exponential':
      return mapping({ mean: yamlDuration(spec.mean) });
    case 'lognormal':
    case 'gamma':
      return mapping({ mean: yamlDuration(spec.mean), cv: decimal(spec.cv) });
    case 'erlang':
      return mapping({ k: String(spec.k), mean: yamlDuration(spec.mean) });
    case 'weibull':
      return mapping({ shape: decimal(spec.shape), scale: yamlDuration(spec.scale) });
    case 'normal':
      return mapping({ mean: yamlDuration(spec.mean), sd: yamlDuration(spec.sd) });
    case 'uniform':
      return mapping({ min: yamlDuration(spec.min), max: yamlDuration(spec.max) });
    case 'empirical':
      return mapping({ values: `[${spec.values.map(yamlDuration).join(', ')}]` });
  }
}

/** A duration in the scenario grammar with the unit that keeps the number readable: 850us, 25.57ms, 1.5s, 3min. */
export function yamlDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1e-3) return `${decimal(seconds * 1e6)}us`;
  if (seconds < 1) return `${decimal(seconds * 1e3)}ms`;
  if (seconds < 120) return `${decimal(seconds)}s`;
  if (seconds < 7200) return `${decimal(seconds / 60)}min`;
  return `${decimal(seconds / 3600)}h`;
}

/** A rate in the scenario grammar, per second unless that needs a leading 0: 40/s, 12/min, 3/h. */
export function yamlRate(perSecond: number): string {
  if (perSecond >= 1) return `${decimal(perSecond)}/s`;
  if (perSecond * 60 >= 1) return `${decimal(perSecond * 60)}/min`;
  return `${decimal(perSecond * 3600)}/h`;
}

/** A number with DIGITS significant digits as a plain decimal (the scenario grammar has no exponents). */
function decimal(value: number): string {
  const rounded = Number(value.toPrecision(DIGITS));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  // Below 1e-6 String() switches to exponent form; spell the decimal out instead.
  return rounded.toFixed(20).replace(/0+$/, '');
}
