import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/run-result.js';
import { describePartial } from '../../src/report/study-notes.js';

const base = { measuredSeconds: 590, warmupSeconds: 10 } as RunResult;
const partial = (completedRuns: number, plannedRuns: number): RunResult => ({
  ...base,
  partial: { reason: 'time-budget', simulatedSeconds: 600, plannedSeconds: 7200, completedRuns, plannedRuns },
});

describe('the partial note', () => {
  it('is absent for a whole result', () => {
    expect(describePartial(base)).toBeNull();
  });

  it('says how far a single run got and what the numbers cover', () => {
    expect(describePartial(partial(0, 1))).toBe(
      'PARTIAL: the time budget ran out: the run reached 10min of 2h simulated; the numbers cover the 9.83min measured',
    );
  });

  it('says how many replications finished, or that none did', () => {
    expect(describePartial(partial(3, 10))).toContain('3 of 10 replications finished');
    expect(describePartial(partial(0, 10))).toContain('no replication of 10 finished');
  });
});
