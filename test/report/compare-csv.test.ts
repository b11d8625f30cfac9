/** compare.csv: one row per later scenario and compared metric, the JSON's numbers unchanged. */
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/analysis/compare.js';
import { compareCsv } from '../../src/report/compare-csv.js';

const COMPARE: CompareResult = {
  seed: 3,
  replications: 5,
  scenarios: [],
  differences: [
    {
      scenario: 'bigger, "eager"',
      baseline: 'today',
      metrics: [
        {
          target: 'queues.billing.sojourn.p99',
          baseline: 0.25,
          value: 0.125,
          difference: -0.125,
          ci95: [-0.15, -0.1],
          significant: true,
        },
        { target: 'flows.checkout.lossRate', baseline: 0, value: null, difference: null, significant: false },
        {
          target: 'routes.checkout → orders.v2 → ledger.endToEnd.p95',
          baseline: 1.5,
          value: 1.25,
          difference: -0.25,
          ci95: [-0.5, 0],
          significant: false,
        },
      ],
    },
  ],
};

describe('compare csv', () => {
  it('writes a header and a row per difference, quoting names and leaving undefined values empty', () => {
    expect(compareCsv(COMPARE).split('\n')).toEqual([
      'scenario,baseline,kind,name,metric,baseline_value,value,difference,ci95_low,ci95_high,significant,replications',
      '"bigger, ""eager""",today,queue,billing,sojourn.p99,0.25,0.125,-0.125,-0.15,-0.1,true,5',
      '"bigger, ""eager""",today,flow,checkout,lossRate,0,,,,,false,5',
      // A route: its name (producer → queues, dots and all) in the name column.
      '"bigger, ""eager""",today,route,checkout → orders.v2 → ledger,endToEnd.p95,1.5,1.25,-0.25,-0.5,0,false,5',
      '',
    ]);
  });
});
