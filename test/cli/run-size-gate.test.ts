import { describe, expect, it } from 'vitest';
import { CONFIRM_ABOVE_EVENTS, type RunSize } from '../../src/analysis/run-size.js';
import { confirmRunSize, formatEvents, RunTooLongError } from '../../src/cli/run-size-gate.js';

const size = (events: number): RunSize => ({
  eventsPerSecond: 1,
  runs: 1,
  events,
  wallSeconds: events / 1e6,
});
const quiet = { yes: false, quiet: true, timeBudgetSeconds: null };

describe('the run-size gate', () => {
  it('lets a run at the threshold through and stops one above it', () => {
    expect(() => confirmRunSize(size(CONFIRM_ABOVE_EVENTS), quiet)).not.toThrow();
    expect(() => confirmRunSize(size(CONFIRM_ABOVE_EVENTS * 1.01), quiet)).toThrow(RunTooLongError);
  });

  it('counts an estimate that is not a number as too long', () => {
    expect(() => confirmRunSize(size(Infinity), quiet)).toThrow(RunTooLongError);
    expect(() => confirmRunSize(size(NaN), quiet)).toThrow(RunTooLongError);
  });

  it('goes ahead with --yes, or with a time budget that bounds the run', () => {
    expect(() => confirmRunSize(size(1e15), { ...quiet, yes: true })).not.toThrow();
    expect(() => confirmRunSize(size(1e15), { ...quiet, timeBudgetSeconds: 60 })).not.toThrow();
  });

  it('writes event counts for people', () => {
    expect(formatEvents(12_345)).toBe('12,345');
    expect(formatEvents(6e8)).toBe('600 million');
    expect(formatEvents(3.6e12)).toBe('3,600 billion');
  });
});
