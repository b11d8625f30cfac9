/**
 * Fuzzing the scenario path in-process: mutated valid scenarios (wrong types, missing fields, extremes,
 * unknown units, self references, deep nesting, long strings, flipped and invalid UTF-8 bytes) are parsed
 * and, when valid, simulated for a bounded number of events. Every case must end as a located error, a
 * run, or a run stopped by its backlog limit: never anything else thrown, never past a time or memory
 * bound. A few hundred cases here; FUZZ_RUNS=100000 for a long run, FUZZ_SEED to change the seed.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, fuzzCase, fuzzRuns, type FuzzOutcome } from '../helpers/fuzz.js';
import { mutatedScenarioArbitrary } from '../helpers/scenario-mutations.js';

/**
 * Wall time one case may take: most take milliseconds, but a queue of a million consumers takes seconds
 * to build (11 s on a loaded 2-core machine, FUZZ_SEED=7); 30 s means a hang.
 */
const CASE_SECONDS = 30;
/** Resident memory the test process may reach: each case is bounded to about 100,000 messages. */
const RSS_BYTES = 1.5e9;

const outcomes = new Map<FuzzOutcome['kind'], number>();
const templates = new Map<string, number>();

describe('fuzzing the scenario path', () => {
  afterAll(() => {
    const cases = [...outcomes.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${cases} cases (seed ${FUZZ_SEED}): ${JSON.stringify(Object.fromEntries(outcomes))}; ` +
        `${templates.size} distinct error kinds`,
    );
    if (process.env.FUZZ_TEMPLATES)
      for (const [template, count] of [...templates].sort((a, b) => b[1] - a[1]))
        console.log(`${String(count).padStart(7)}  ${template}`);
  });

  it('ends every mutated scenario in a run or a located error, within time and memory', () => {
    fc.assert(
      fc.property(mutatedScenarioArbitrary(), (mutated) => {
        const started = performance.now();
        const outcome = fuzzCase(mutated.bytes);
        const seconds = (performance.now() - started) / 1000;
        outcomes.set(outcome.kind, (outcomes.get(outcome.kind) ?? 0) + 1);
        if (outcome.kind === 'refused')
          for (const template of new Set(outcome.templates))
            templates.set(template, (templates.get(template) ?? 0) + 1);
        const describe = () =>
          `mutations ${JSON.stringify(mutated.mutations)}\n--- scenario ---\n${mutated.bytes.toString('utf8')}`;
        if (outcome.kind === 'crashed') {
          const error = outcome.error as Error;
          throw new Error(`crashed: ${error?.stack ?? String(error)}\n${describe()}`);
        }
        if (seconds > CASE_SECONDS) throw new Error(`took ${seconds.toFixed(1)} s\n${describe()}`);
        const rss = process.memoryUsage().rss;
        if (rss > RSS_BYTES) throw new Error(`resident memory ${(rss / 1e6).toFixed(0)} MB\n${describe()}`);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(300), endOnFailure: false },
    );
    expect(outcomes.get('refused')).toBeGreaterThan(0);
    expect(outcomes.get('ran')).toBeGreaterThan(0);
  }, 600_000);
});
