/**
 * Every shipped scenario, at a fixed seed, gives byte for byte the JSON it gave when the fixture was
 * written: restructuring the model (station core, calendar, factories) must not change a single result.
 * The path is the one `queuesim run --json` takes (load, overrides, runStudy, toJson); the fixture keeps
 * the SHA-256 of that JSON and a few headline numbers per queue so a mismatch says what moved.
 *
 * Regenerate (only when a change is meant to alter results): UPDATE_GOLDEN=1 npx vitest run test/model/golden-json.test.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import type { RunResult } from '../../src/model/run-result.js';
import { toJson } from '../../src/report/json.js';
import { applyOverrides, loadScenarioFile } from '../../src/scenario/index.js';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const fixturePath = fileURLToPath(new URL('../fixtures/golden/scenarios.json', import.meta.url));
const files = readdirSync(scenariosDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const updating = process.env.UPDATE_GOLDEN === '1';

/** Measured time per scenario: long enough to reach each one's features, short enough for ~15 s in all. */
const DURATION: Record<string, string> = {
  'keda-autoscaled.yaml': '3h', // past the first scale-up of the day
  'morning-peak.yaml': '9h', // into the morning peak
  'orders-topic-autoscaled.yaml': '1h',
};
const DEFAULT_DURATION = '30m';
const SEED = '1';

interface Golden {
  duration: string;
  sha256: string;
  bytes: number;
  headline: Record<string, string>;
}

/** A few numbers per queue that say what moved when the hash differs. */
function headline(result: RunResult): Record<string, string> {
  return Object.fromEntries(
    Object.entries(result.queues).map(([name, queue]) => [
      name,
      `arrivals ${queue.arrivals} completed ${queue.completed} dropped ${queue.dropped} lost ${queue.lost} ` +
        `sojourn.mean ${queue.sojourn.mean}`,
    ]),
  );
}

const stored: Record<string, Golden> = updating
  ? {}
  : (JSON.parse(readFileSync(fixturePath, 'utf8')) as Record<string, Golden>);
const written: Record<string, Golden> = {};

describe('golden JSON of every shipped scenario', () => {
  it('covers every shipped scenario', () => {
    if (!updating) expect(Object.keys(stored).sort()).toEqual(files);
  });

  for (const name of files) {
    it(`${name} gives the same JSON as before, byte for byte`, async () => {
      const duration = DURATION[name] ?? DEFAULT_DURATION;
      const { scenario } = await loadScenarioFile(join(scenariosDir, name));
      const overridden = applyOverrides(scenario, { seed: SEED, duration });
      const { result } = await runStudy(overridden, { runner: serialRunner() });
      const json = toJson(result);
      const actual: Golden = {
        duration,
        sha256: createHash('sha256').update(json).digest('hex'),
        bytes: json.length,
        headline: headline(result),
      };
      if (updating) {
        written[name] = actual;
        return;
      }
      if (actual.sha256 !== stored[name]?.sha256) {
        // Keep the new JSON for a diff against a run of the old code (`git stash`, then the same path).
        const dir = join(tmpdir(), 'queuesim-golden');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, name.replace(/\.yaml$/, '.json')), json);
        console.error(`${name}: JSON changed; the new JSON is in ${dir}`);
      }
      // The headline first: its diff names the queue and the number that moved.
      expect(actual.headline).toEqual(stored[name]?.headline);
      expect(actual).toEqual(stored[name]);
    });
  }

  afterAll(() => {
    if (updating) writeFileSync(fixturePath, `${JSON.stringify(written, null, 2)}\n`);
  });
});
