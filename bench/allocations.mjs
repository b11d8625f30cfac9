// Where a run's simulation loop allocates on the JavaScript heap, by function, per message: the garbage
// that makes scavenges. Counts do not depend on the machine's load (unlike times), so an optimisation
// that removes boxed numbers or per-event objects shows here even when timings are noise.
// It samples every allocation, kept or collected, with V8's sampling heap profiler, over a second run of
// the scenario after a first one (a tenth as long) has warmed the JIT up, as the real loop is.
//
// dist/ holds only the command line's bundle, so the simulator is bundled here the way the command line is
// (esbuild, minified, node20) into a temporary file: the profile sees the code that ships, but with its
// functions' names kept (the command line drops them), so that the table can name them.
//
//   node bench/allocations.mjs bench/mm2-10.yaml [--duration 40000s] [--top 12]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = mkdtempSync(join(tmpdir(), 'queuesim-allocations-'));
const entry =
  "export { parseDurationSeconds, parseScenario } from './src/scenario/index.ts';\n" +
  "export { simulate } from './src/model/simulate.ts';\n";
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  outfile: join(bundleDir, 'simulator.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  define: { QUEUESIM_VERSION: '"allocations"' },
  logLevel: 'warning',
});
const { parseDurationSeconds, parseScenario, simulate } = await import(
  pathToFileURL(join(bundleDir, 'simulator.mjs')).href
);
rmSync(bundleDir, { recursive: true, force: true });

/** The value following `--name` on the command line, or `fallback`. */
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

/** Bytes sampled per function (`name file:line`), from a sampling heap profile's tree. */
function bytesByFunction(root) {
  const totals = new Map();
  const visit = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    totals.set(where, (totals.get(where) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return totals;
}

const file = process.argv[2];
if (!file || file.startsWith('--'))
  throw new Error('usage: node bench/allocations.mjs <scenario.yaml> [...]');
const { scenario } = parseScenario(readFileSync(file, 'utf8'), file);
const duration = parseDurationSeconds(option('duration', `${scenario.durationSeconds}s`));
const top = Number(option('top', '12'));

simulate({ ...scenario, durationSeconds: duration / 10 }, { onProgress: () => {} }); // JIT warm-up
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const { profile } = simulate({ ...scenario, durationSeconds: duration }, { onProgress: () => {} });
const sampled = (await session.post('HeapProfiler.stopSampling')).profile;
session.disconnect();

const totals = bytesByFunction(sampled.head);
const allBytes = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0);
const perMessage = (bytes) => (bytes / profile.messages).toFixed(1);
console.log(
  `${file}: ${profile.messages} messages, ${profile.events} events, ` +
    `${(allBytes / 1e6).toFixed(1)} MB allocated (${perMessage(allBytes)} B/message, sampled every 4 KiB)`,
);
for (const [where, bytes] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${perMessage(bytes).padStart(8)} B/message  ${where}`);
}
