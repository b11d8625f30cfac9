/** The fit table says when the values were treated as rounded and when no family fits. */
import { describe, expect, it } from 'vitest';
import { fitDistributions } from '../../src/analysis/fit/rank.js';
import { RandomStream } from '../../src/engine/random.js';
import { distributionFromSpec } from '../../src/model/distribution-from-spec.js';
import { fitSnippet } from '../../src/report/fit-snippet.js';
import { renderFitTable } from '../../src/report/fit-table.js';
import type { DistributionSpec } from '../../src/scenario/types.js';

function draw(spec: DistributionSpec, n: number, stream: string): number[] {
  const distribution = distributionFromSpec(spec);
  const random = new RandomStream(7, stream);
  return Array.from({ length: n }, () => distribution.sample(random));
}

function render(values: number[]): string {
  const report = fitDistributions(values);
  const yaml = fitSnippet(report.empirical ?? report.best.spec, 'interarrival');
  const view = { file: 'f.csv', column: { name: null, number: 1 }, kind: 'interarrival' as const };
  return renderFitTable({ ...view, report, yaml, notes: [] }, { color: false });
}

describe('renderFitTable', () => {
  it('notes that values on a 1 µs grid with gaps of 0 were treated as rounded', () => {
    const gaps = draw({ kind: 'gamma', mean: 0.0189, cv: 2.05 }, 1000, 'table/gamma');
    const text = render(gaps.map((x) => Math.round(x * 1e6) / 1e6));
    expect(text).toContain('they were treated as rounded to 1µs');
    expect(text).not.toContain('no family fits');
    expect(text).toMatch(/^ {2}interarrival: \{ distribution: gamma, /m);
  });

  it('says no family fits and prints the empirical line', () => {
    const fast = draw({ kind: 'lognormal', mean: 0.02, cv: 0.5 }, 2000, 'table/fast');
    const slow = draw({ kind: 'lognormal', mean: 0.12, cv: 1 }, 2000, 'table/slow');
    const text = render(fast.map((x, i) => (i % 8 < 5 ? x : slow[i])));
    expect(text).toContain(
      '! no family fits: every KS p-value is below 0.05. The lognormal above is only the least bad; the line ' +
        'below replays the sample itself (the means of 200 equal shares of the sorted sample)',
    );
    expect(text).toMatch(/^ {2}interarrival: \{ distribution: empirical, values: \[/m);
    expect(text).not.toContain('treated as rounded');
  });
});
