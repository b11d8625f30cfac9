// `npm run bench`: times the real command line on the benchmark scenarios, as whole processes.
// For each case it prints the simulation loop's own rates (from `run --profile`), the whole-process
// rates (start-up, parsing and output included) and the peak resident memory.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const quick = process.argv.includes('--quick');

const cases = [
  { label: 'M/M/2/10, 5 M messages', file: 'bench/mm2-10.yaml', args: [], runs: quick ? 1 : 3 },
  {
    label: 'M/M/2/10, 50 M messages',
    file: 'bench/mm2-10.yaml',
    args: ['--duration', '2000000s'],
    runs: quick ? 0 : 1,
  },
];

/** Runs the CLI once; returns the whole-process wall time and the engine profile it printed. */
function runOnce(file, args) {
  const started = process.hrtime.bigint();
  // --no-report: the benchmark measures the simulator; the report's cost is measured on its own.
  const child = spawnSync(
    process.execPath,
    [cli, 'run', file, '--json', '--profile', '--no-report', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`queuesim failed on ${file}:\n${child.stderr}`);
  return { wallSeconds, profile: JSON.parse(child.stderr) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const millions = (value) => `${(value / 1e6).toFixed(2)} M`;

const rows = [];
for (const { label, file, args, runs } of cases) {
  if (runs === 0) continue;
  const samples = Array.from({ length: runs }, () => runOnce(file, args));
  const wall = median(samples.map((s) => s.wallSeconds));
  const loop = median(samples.map((s) => s.profile.loopSeconds));
  const { messages, events } = samples[0].profile;
  rows.push({
    case: label,
    runs,
    messages: millions(messages),
    'loop msg/s': millions(messages / loop),
    'loop events/s': millions(events / loop),
    'process s': wall.toFixed(2),
    'process msg/s': millions(messages / wall),
    'peak RSS MiB': Math.max(...samples.map((s) => s.profile.peakRssMiB)).toFixed(0),
  });
}
console.log(`queuesim benchmark — node ${process.version}, median of runs, whole process includes start-up`);
console.table(rows);
