// `npm run bench`: times the real command line on the benchmark scenarios, as whole processes.
// For each case it prints the simulation loop's own rates (from `run --profile`), the whole-process
// rates (start-up, parsing and output included) and the peak resident memory. Then it times 8
// replications of the standard bench on 1 worker and on every core, and prints the speed-up.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const quick = process.argv.includes('--quick');

const cases = [
  { label: 'M/M/2/10, 5 M messages', file: 'bench/mm2-10.yaml', args: [], runs: quick ? 1 : 3 },
  {
    label: 'fanout + 3-stage pipeline + retries',
    file: 'bench/pipeline.yaml',
    args: [],
    runs: quick ? 1 : 3,
  },
  {
    label: 'topic: 12 partitions, skewed keys',
    file: 'bench/topic.yaml',
    args: [],
    runs: quick ? 1 : 3,
  },
  {
    label: 'M/M/2/10, 50 M messages',
    file: 'bench/mm2-10.yaml',
    args: ['--duration', '2000000s'],
    runs: quick ? 0 : 1,
  },
];

/** Runs the CLI once; returns the whole-process wall time and the engine profile it printed. */
function runOnce(file, args) {
  const { wallSeconds, profile } = runCli(file, args);
  return { wallSeconds, profile };
}

/** Runs `queuesim run <file> --json --profile …`; returns wall time, the profile and stdout. */
function runCli(file, args) {
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
  return { wallSeconds, profile: JSON.parse(child.stderr), stdout: child.stdout };
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

// Replications: 8 × the standard bench as it is (200,000 s, 5 M messages each), 1 worker vs all cores.
const cores = availableParallelism();
const replicationArgs = ['--replications', '8', '--duration', quick ? '20000s' : '200000s'];
const replicationRuns = quick ? 1 : 3;
const timed = (workers) =>
  Array.from({ length: replicationRuns }, () =>
    runCli('bench/mm2-10.yaml', [...replicationArgs, '--workers', String(workers)]),
  );
const serial = timed(1);
const parallel = timed(cores);
if (parallel.some((run) => run.stdout !== serial[0].stdout)) {
  throw new Error('replications: parallel and serial runs printed different results');
}
const serialWall = median(serial.map((run) => run.wallSeconds));
const parallelWall = median(parallel.map((run) => run.wallSeconds));
const serialStudy = median(serial.map((run) => run.profile.wallSeconds));
const parallelStudy = median(parallel.map((run) => run.profile.wallSeconds));
console.log(
  `\n8 replications of M/M/2/10 (${millions(serial[0].profile.messages)} messages), median of ${replicationRuns}, identical results:`,
);
console.table([
  {
    workers: 1,
    'process s': serialWall.toFixed(2),
    'replications s': serialStudy.toFixed(2),
  },
  {
    workers: cores,
    'process s': parallelWall.toFixed(2),
    'replications s': parallelStudy.toFixed(2),
  },
]);
console.log(
  `speed-up on ${cores} cores: ${(serialWall / parallelWall).toFixed(2)}× whole process, ` +
    `${(serialStudy / parallelStudy).toFixed(2)}× replications alone (worker start-up included)`,
);
