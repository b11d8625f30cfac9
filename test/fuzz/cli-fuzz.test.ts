/**
 * Fuzzing the real command line: a sample of mutated scenarios through `queuesim run` as a user would run
 * it (from source, with a report folder), each shortened to 2 s of simulated time. The exit code must be
 * 0, 1 or 2 — never 70 (internal error) or a signal — stderr must hold no stack trace, and the process
 * must stay within a wall-time and a peak-memory bound (the process reports its own peak at exit).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';
import { FUZZ_SEED, fuzzCase } from '../helpers/fuzz.js';
import { mutatedScenarioArbitrary } from '../helpers/scenario-mutations.js';

/** Cases here: each starts a process (about a second); FUZZ_CLI_RUNS=n for more. */
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 20);
/** Wall time of one run: start-up, 2 s of simulated time and the report take a few seconds. */
const WALL_SECONDS = 60;
/** Peak resident memory of one run: the runs are bounded to 100,000 messages at once. */
const PEAK_RSS_KB = 1_000_000;

const tsxLoader = pathToFileURL(`${projectRoot}node_modules/tsx/dist/loader.mjs`).href;
/** Makes each process print its own peak memory at exit, so no external timing tool is needed. */
const peakReporter = pathToFileURL(`${projectRoot}test/helpers/report-peak-rss.mjs`).href;
const exits = new Map<string, number>();

describe('fuzzing the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-fuzz-'));
  afterAll(() => {
    console.log(`cli fuzz: ${RUNS} cases, exit codes ${JSON.stringify(Object.fromEntries(exits))}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0, 1 or 2 without a stack trace, within time and memory', () => {
    let index = 0;
    fc.assert(
      fc.property(
        // Scenarios that the in-process harness would not run (a batch of a billion) are left out here too.
        mutatedScenarioArbitrary().filter((m) => fuzzCase(m.bytes).kind !== 'not run'),
        (mutated) => {
          const file = join(dir, `case-${index++}.yaml`);
          writeFileSync(file, mutated.bytes);
          const args = ['run', file, '--duration', '2s', '--max-backlog', '100000', '--workers', '1'];
          const child = spawnSync(
            process.execPath,
            [
              '--import',
              peakReporter,
              '--import',
              tsxLoader,
              `${projectRoot}src/cli/main.ts`,
              ...args,
              '--out',
              join(dir, 'report'),
            ],
            {
              cwd: dir,
              encoding: 'utf8',
              env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
              timeout: WALL_SECONDS * 1000,
            },
          );
          const code = child.status === null ? `signal ${child.signal}` : String(child.status);
          exits.set(code, (exits.get(code) ?? 0) + 1);
          const peak = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN);
          const context = `exit ${code}, peak ${peak} kB, mutations ${JSON.stringify(mutated.mutations)}\n--- stderr ---\n${child.stderr}\n--- scenario ---\n${mutated.bytes.toString('utf8')}`;
          expect(['0', '1', '2'], context).toContain(code);
          expect(child.stderr, context).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
          expect(peak, context).toBeLessThan(PEAK_RSS_KB);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
