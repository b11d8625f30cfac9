/** The plan and headroom CSVs: one row per evaluated point and SLO, with the point's role. */
import { describe, expect, it } from 'vitest';
import { headroomCsv, planCsv, planRoutesCsv } from '../../src/report/plan-csv.js';
import { routesCsv } from '../../src/report/csv.js';
import { headroom, onePlan, routedPlan, routedUnreachable, twoPlan } from './search-fixtures.js';

describe('planCsv', () => {
  it('writes a row per setting and SLO, naming the recommended setting and the runner-up', () => {
    const lines = planCsv(onePlan).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'queues.q.consumers,cost,meets_slos,role,slo,unit,value,ci_low,ci_high,max,verdict',
    );
    expect(lines).toHaveLength(1 + 4 * 2);
    expect(lines[1]).toBe('2,2,false,,queues.q.sojourn.p99,seconds,2.5,2.25,2.75,1,fail');
    expect(lines.filter((line) => line.includes(',recommended,'))).toEqual([
      '4,4,true,recommended,queues.q.sojourn.p99,seconds,0.4,0.36000000000000004,0.44000000000000006,1,pass',
      '4,4,true,recommended,queues.q.utilization,fraction,0.5,0.49,0.51,0.7,pass',
    ]);
    expect(lines.filter((line) => line.startsWith('3,3,false,runner-up,'))).toHaveLength(2);
  });

  it('gives each parameter a column and the total cost when several are sized', () => {
    const lines = planCsv(twoPlan).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^queues\.a\.consumers,queues\.b\.consumers,cost,meets_slos,role,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
      '1,3,6,false,runner-up',
      '2,2,8,false,',
      '2,3,9,true,recommended',
    ]);
  });
});

describe('headroomCsv', () => {
  it('writes a row per load and SLO, marking the headroom and the first failing load', () => {
    const lines = headroomCsv(headroom).trimEnd().split('\n');
    expect(lines[0]).toBe('load,meets_slos,role,slo,unit,value,ci_low,ci_high,max,verdict');
    expect(lines).toHaveLength(1 + 5 * 2);
    expect(lines.filter((line) => line.includes(',headroom,')).map((l) => l.split(',')[0])).toEqual([
      '2.2',
      '2.2',
    ]);
    expect(lines.find((line) => line.includes(',fails-at,queues.q.utilization'))).toBe(
      '2.4,false,fails-at,queues.q.utilization,fraction,0.75,0.74,0.76,0.7,fail',
    );
  });
});

describe('planRoutesCsv', () => {
  it('is run’s routes.csv at the recommended setting, led by the setting and its role', () => {
    const lines = planRoutesCsv(routedPlan)!.trimEnd().split('\n');
    const run = routesCsv(routedPlan.result!).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`queues.q.consumers,role,${run[0]}`);
    expect(lines[1]).toBe(`4,recommended,${run[1]}`);
    expect(lines[2]).toMatch(/^4,recommended,route-3,web,q > slow\.v2,300,0\.6,0\.5,1\.5,2,3,/);
  });

  it('falls back to the largest setting tried when none meets the SLOs, and is null without routes', () => {
    expect(planRoutesCsv(routedUnreachable)!.split('\n')[1]).toMatch(/^6,largest tried,route-2,/);
    expect(planRoutesCsv(onePlan)).toBeNull();
  });
});
