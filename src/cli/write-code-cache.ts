/**
 * Run by `npm run build` (scripts/build-cli.mjs) on the built bundle, never by a user: runs `queuesim run`
 * of a small M/M/2/10 scenario (long enough to raise no short-run warning) through the program script, as
 * a table and as JSON, then writes V8's code cache beside the script (program-script.ts). V8 caches the
 * functions compiled so far, so the cache covers what a run needs: the scenario checks, the model, the
 * engine and the terminal output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { cacheHeader, crc32Function, loadProgramScript, programFiles } from './program-script.js';

const SCENARIO = `name: code-cache
seed: 1
duration: 1000s
producers:
  - { name: load, to: work, rate: 10/s }
queues:
  - { name: work, capacity: 8, consumers: 2, service: { distribution: exponential, mean: 100ms } }
`;

const crc32 = crc32Function();
if (crc32 !== undefined) {
  const loaded = loadProgramScript(import.meta, { useCache: false });
  const { runProgram } = await loaded.exports.loadProgram();
  const folder = mkdtempSync(join(tmpdir(), 'queuesim-code-cache-'));
  try {
    const scenario = join(folder, 'scenario.yaml');
    writeFileSync(scenario, SCENARIO);
    for (const output of [[], ['--json']]) {
      await runProgram(['run', scenario, '--no-report', '--quiet', ...output]);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (process.exitCode) throw new Error(`the runs for the code cache failed (exit code ${process.exitCode})`);
  const data = loaded.script.createCachedData();
  const header = cacheHeader(crc32, loaded.source, data);
  await writeFileAtomic(programFiles(import.meta).cacheFile, Buffer.concat([header, data]));
}
