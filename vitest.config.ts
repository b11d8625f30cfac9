import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take longest (tens of seconds each: coverage studies, worker threads, a browser), started
 * first so that no worker is left running one of them alone at the end. Without a cache of past runs (a
 * fresh CI checkout) vitest orders files by size, which put these last.
 */
const SLOW_FIRST = [
  'test/analysis/percentile-coverage.test.ts',
  'test/analysis/coverage.test.ts',
  'test/cli/replications.test.ts',
  'test/report/html/browser.test.ts',
  'test/api/packed-package.test.ts',
  'test/model/autoscaling.test.ts',
  'test/analysis/plan.test.ts',
  'test/fuzz/cli-fuzz.test.ts',
  'test/deploy/image.test.ts',
  'test/model/message-queue-semantics.test.ts',
];

/** vitest's order (failed first, then slowest by its cache, else largest), with SLOW_FIRST ahead. */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return index < 0 ? SLOW_FIRST.length : index;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Forks, not threads: the in-process CLI tests change the working directory (process.chdir), which a
    // worker thread may not do.
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on a 2-core CI machine, one file at a time.
    // The files are CPU-bound simulations and node processes, so one worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
  },
});
