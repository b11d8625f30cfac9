/**
 * Fuzzing the real command line: a sample of mutated scenarios through `queuesim run` as a user would run
 * it (with a report folder), each shortened to 2 s of simulated time. The exit code must be 0, 1 or 2 —
 * never 70 (internal error) or a signal — stderr must hold no stack trace, and each run must stay within a
 * wall-time and a peak-memory bound.
 *
 * The first PROCESS_CASES cases start a node process each (from source through tsx), which reports its own
 * peak memory at exit: what only a process shows (a signal, a crash outside the command's promise, start-up
 * from the bin). The rest run the same command line in this process (runCliInProcess), where a thrown
 * error becomes exit 70 with "internal error" on stderr just as in a process, and the memory bound applies
 * to this worker's peak (process.resourceUsage().maxRSS), which bounds each case's peak from above.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliOutcome, projectRoot } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { FUZZ_SEED, fuzzCase } from '../helpers/fuzz.js';
import { mutatedScenarioArbitrary } from '../helpers/scenario-mutations.js';

/** Cases here, FUZZ_CLI_RUNS=n for more; the in-process ones take a fraction of a second each. */
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 20);
/** Cases run as a node process of their own (about a second of start-up each). */
const PROCESS_CASES = 3;
/** Wall time of one run: start-up, 2 s of simulated time and the report take a few seconds. */
const WALL_SECONDS = 60;
/** Peak resident memory of one run: the runs are bounded to 100,000 messages at once. */
const PEAK_RSS_KB = 1_000_000;

const tsxLoader = pathToFileURL(`${projectRoot}node_modules/tsx/dist/loader.mjs`).href;
/** Makes each process print its own peak memory at exit, so no external timing tool is needed. */
const peakReporter = pathToFileURL(`${projectRoot}test/helpers/report-peak-rss.mjs`).href;
const exits = new Map<string, number>();

/** What one case came to: its exit (a code or a signal), stderr and peak memory in kB. */
interface CaseOutcome {
  code: string;
  stderr: string;
  peakKb: number;
}

/** Runs `args` as a node process of its own in `dir`. */
function inProcessOfItsOwn(args: string[], dir: string): CaseOutcome {
  const child = spawnSync(
    process.execPath,
    ['--import', peakReporter, '--import', tsxLoader, `${projectRoot}src/cli/main.ts`, ...args],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      timeout: WALL_SECONDS * 1000,
    },
  );
  const code = child.status === null ? `signal ${child.signal}` : String(child.status);
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { code, stderr: child.stderr, peakKb };
}

/** Runs `args` in this process in `dir`, with its wall time checked against the same bound. */
async function inThisProcess(args: string[], dir: string): Promise<CaseOutcome> {
  const startedAt = performance.now();
  const outcome: CliOutcome = await runCliInProcess(args, { cwd: dir });
  const seconds = (performance.now() - startedAt) / 1000;
  const code = seconds > WALL_SECONDS ? `over ${WALL_SECONDS} s` : String(outcome.status);
  return { code, stderr: outcome.stderr, peakKb: process.resourceUsage().maxRSS };
}

describe('fuzzing the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-fuzz-'));
  afterAll(() => {
    console.log(`cli fuzz: ${RUNS} cases, exit codes ${JSON.stringify(Object.fromEntries(exits))}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0, 1 or 2 without a stack trace, within time and memory', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(
        // Scenarios that the in-process harness would not run (a batch of a billion) are left out here too.
        mutatedScenarioArbitrary().filter((m) => fuzzCase(m.bytes).kind !== 'not run'),
        async (mutated) => {
          const file = join(dir, `case-${index}.yaml`);
          writeFileSync(file, mutated.bytes);
          const args = ['run', file, '--duration', '2s', '--max-backlog', '100000', '--workers', '1'];
          args.push('--out', join(dir, 'report'));
          const { code, stderr, peakKb } =
            index++ < PROCESS_CASES ? inProcessOfItsOwn(args, dir) : await inThisProcess(args, dir);
          exits.set(code, (exits.get(code) ?? 0) + 1);
          const context = `exit ${code}, peak ${peakKb} kB, mutations ${JSON.stringify(mutated.mutations)}\n--- stderr ---\n${stderr}\n--- scenario ---\n${mutated.bytes.toString('utf8')}`;
          expect(['0', '1', '2'], context).toContain(code);
          expect(stderr, context).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
          expect(peakKb, context).toBeLessThan(PEAK_RSS_KB);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
