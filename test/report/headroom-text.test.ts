/** Headroom as text: a multiple when decided, "cannot tell" with the replications that would decide. */
import { describe, expect, it } from 'vitest';
import type { HeadroomResult } from '../../src/analysis/headroom.js';
import { renderHeadroom } from '../../src/report/headroom-text.js';

const base: HeadroomResult = {
  scenario: 'order-pipeline',
  headroom: null,
  cannotTell: {
    passesAt: 1,
    failsAt: 1.102,
    replications: 5,
    decidedWithin: 0.1,
    replicationsToDecide: 6,
  },
  failsAt: 1.011,
  breaksFirst: [
    {
      target: 'flows.checkout.endToEnd.p99',
      max: 3,
      unit: 'seconds',
      value: 2.6,
      ci95: [2.1, 3.1],
      verdict: 'uncertain',
      significant: false,
    },
  ],
  evaluations: 14,
  result: null,
  evaluated: [],
};

describe('renderHeadroom', () => {
  it('says "cannot tell" instead of a multiple, with the band and the replications that would decide', () => {
    const text = renderHeadroom(base, 19.5);
    expect(text).toMatch(/^order-pipeline: cannot tell the headroom with 5 replications per load/);
    expect(text).toContain("every SLO passes at 1× today's traffic; one fails for sure at 1.102×");
    expect(text).toContain('about 6 replications (--replications 6) would decide it to within 10 %');
    expect(text).not.toMatch(/headroom 1×/);
  });

  it('gives the multiple when decided', () => {
    const text = renderHeadroom({ ...base, headroom: 1.45, cannotTell: null, failsAt: 1.47 }, 3);
    expect(text).toMatch(/^order-pipeline: headroom 1\.45× today's traffic/);
  });

  it('names what would decide an uncertain break, and says "cannot tell" when nothing passes for sure', () => {
    const verdict = {
      ...base.breaksFirst[0],
      ci95: undefined,
      decide: 'a run about 4× longer (no CI: too few messages)',
    };
    const text = renderHeadroom(
      {
        ...base,
        cannotTell: { ...base.cannotTell!, passesAt: null, failsAt: 4, replicationsToDecide: null },
        failsAt: 1 / 64,
        breaksFirst: [verdict],
      },
      1,
    );
    expect(text).toMatch(/^order-pipeline: cannot tell the headroom/);
    expect(text).toContain('no load searched passes every SLO for sure; one fails for sure at 4×');
    expect(text).toContain(
      'may exceed 3s (uncertain; would decide: a run about 4× longer (no CI: too few messages))',
    );
    expect(text).not.toMatch(/not met even/);
  });
});
