import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
  },
});
