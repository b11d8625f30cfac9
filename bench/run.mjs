// `npm run bench`: the real command line beside bench/reference-loop.mjs (a tight plain-JavaScript
// M/M/c/K loop) in the same run, every case of issue 14's table printed as a ratio (or a difference) to
// its reference, with the target beside it and the peak resident memory. Medians of several runs.
//   --quick   fewer runs and shorter cases (a smoke test of the harness, not figures to quote)
//   --check   exit 1 when a case misses its target (the failing cases are printed); not part of CI
//   --only=startup,plain,features,replications,scale,simpy   run just those groups of cases
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeNetwork } from './generate-network.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const peakRssPreload = `${root}test/helpers/report-peak-rss.mjs`;
const generated = `${root}bench/generated`;
const quick = process.argv.includes('--quick');
const check = process.argv.includes('--check');
const RUNS = quick ? 1 : 3;
const STARTUP_RUNS = quick ? 3 : 7;
const BIG_CASE_LIMIT_S = quick ? 30 : 120;

/**
 * Runs one process to completion (or kills it after `limitSeconds`); returns its wall time, stdout,
 * stderr, peak RSS in MiB (from the preload) and whether it timed out.
 */
function timeProcess(command, args, { limitSeconds = 600, nodeOptions = [] } = {}) {
  const isNode = command === process.execPath;
  const fullArgs = isNode ? ['--import', peakRssPreload, ...nodeOptions, ...args] : args;
  const started = process.hrtime.bigint();
  const child = spawnSync(command, fullArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: limitSeconds * 1000,
    killSignal: 'SIGKILL',
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /peak-rss-kb (\d+)/.exec(child.stderr ?? '');
  return {
    wallSeconds,
    stdout: child.stdout ?? '',
    stderr: child.stderr ?? '',
    status: child.status,
    timedOut: child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL',
    peakRssMiB: rss ? Number(rss[1]) / 1024 : NaN,
  };
}

/** Runs `queuesim run <file> --json --profile --no-report …`; returns the process and its engine profile. */
function runCli(file, args = [], options = {}) {
  const run = timeProcess(
    process.execPath,
    [cli, 'run', file, '--json', '--profile', '--no-report', '--quiet', ...args],
    options,
  );
  if (run.timedOut) return { ...run, profile: null };
  if (run.status !== 0) {
    return { ...run, profile: null, failed: run.stderr.split('\n').slice(-40).join('\n') };
  }
  const profileText = run.stderr.slice(run.stderr.indexOf('{'), run.stderr.lastIndexOf('}') + 1);
  return { ...run, profile: JSON.parse(profileText) };
}

/** The median of a list of numbers. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** `runs` repetitions of `make()`. */
const repeat = (runs, make) => Array.from({ length: runs }, make);
const millions = (value) => `${(value / 1e6).toFixed(2)} M`;

const rows = [];
/** Records one case: `ok` is null when it could not be measured (the reason is in `measured`). */
function record(label, measured, reference, result, target, ok, peakRssMiB = NaN) {
  rows.push({
    case: label,
    measured,
    reference,
    result,
    target,
    ok: ok === null ? 'n/a' : ok ? 'yes' : 'NO',
    'peak RSS MiB': Number.isFinite(peakRssMiB) ? peakRssMiB.toFixed(0) : '',
  });
}

/** `--version` and a 1-second run, each against `node -e 0`: the start-up cost. */
function startupCases() {
  const bare = median(repeat(STARTUP_RUNS, () => timeProcess(process.execPath, ['-e', '0']).wallSeconds));
  const version = repeat(STARTUP_RUNS, () => timeProcess(process.execPath, [cli, '--version']));
  const versionWall = median(version.map((r) => r.wallSeconds));
  const versionOver = versionWall - bare;
  record(
    '--version, whole process',
    `${versionWall.toFixed(3)} s`,
    `node -e 0: ${bare.toFixed(3)} s`,
    `+${versionOver.toFixed(3)} s`,
    '≤ +0.10 s',
    versionOver <= 0.1,
    median(version.map((r) => r.peakRssMiB)),
  );
  const oneSecond = repeat(STARTUP_RUNS, () => runCli('bench/mm2-10.yaml', ['--duration', '1s']));
  const runWall = median(oneSecond.map((r) => r.wallSeconds));
  record(
    'run of a 1-second scenario',
    `${runWall.toFixed(3)} s`,
    `node -e 0: ${bare.toFixed(3)} s`,
    `+${(runWall - bare).toFixed(3)} s`,
    '≤ +0.15 s',
    runWall - bare <= 0.15,
    median(oneSecond.map((r) => r.peakRssMiB)),
  );
}

/** M/M/2/10 against the reference loop: loop rate ratio and whole-process ratio. Returns plain cost/msg. */
function plainCase() {
  const duration = quick ? '20000s' : '200000s';
  const reference = repeat(RUNS, () =>
    timeProcess(process.execPath, ['bench/reference-loop.mjs', '--json', '--duration', duration]),
  );
  const referenceLoop = median(reference.map((r) => JSON.parse(r.stdout).messagesPerSecond));
  const referenceWall = median(reference.map((r) => r.wallSeconds));
  const product = repeat(RUNS, () => runCli('bench/mm2-10.yaml', ['--duration', duration]));
  const messages = product[0].profile.messages;
  const productLoop = median(product.map((r) => r.profile.messages / r.profile.loopSeconds));
  const productWall = median(product.map((r) => r.wallSeconds));
  const label = `M/M/2/10, ${millions(messages)} messages`;
  record(
    `${label}: simulation loop`,
    `${millions(productLoop)} msg/s`,
    `${millions(referenceLoop)} msg/s`,
    `${(productLoop / referenceLoop).toFixed(2)}×`,
    '≥ 0.6×',
    productLoop / referenceLoop >= 0.6,
    median(product.map((r) => r.peakRssMiB)),
  );
  record(
    `${label}: whole process`,
    `${productWall.toFixed(2)} s`,
    `${referenceWall.toFixed(2)} s`,
    `${(referenceWall / productWall).toFixed(2)}×`,
    '≥ 0.5×',
    referenceWall / productWall >= 0.5,
    median(reference.map((r) => r.peakRssMiB)),
  );
  return 1 / productLoop;
}

/** Loop seconds per queue visit of a scenario file, from the engine profile (median of runs). */
function costPerVisit(file, args, options) {
  const runs = repeat(options.runs ?? RUNS, () => runCli(file, args, options));
  const failed = runs.find((r) => r.timedOut || r.failed);
  if (failed) return { failed };
  const cost = median(runs.map((r) => r.profile.loopSeconds / r.profile.queueArrivals));
  return { cost, runs, peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)) };
}

/** Why a case could not be measured, in a few words. */
function failure({ timedOut, failed }, limitSeconds) {
  if (timedOut) return `over ${limitSeconds} s (stopped)`;
  if (/heap out of memory|Reached heap limit/.test(failed)) return 'out of memory (1.5 GB heap cap)';
  const lines = failed.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('peak-rss-kb'));
  return `failed: ${(lines.pop() ?? 'no message').slice(0, 60)}`;
}

/** Pipeline and topic benches: cost per queue visit against the plain path's cost per message. */
function featureCases(plainCost) {
  const args = quick ? ['--duration', '2000s'] : [];
  for (const [label, file] of [
    ['pipeline (fanout, 3 stages, retries)', 'bench/pipeline.yaml'],
    ['topic (12 partitions, skewed keys)', 'bench/topic.yaml'],
  ]) {
    const { cost, runs, peakRssMiB, failed } = costPerVisit(file, args, {});
    if (failed) {
      record(label, failure(failed, 600), '', '', '≤ 1.5× plain', false);
      continue;
    }
    const published = median(runs.map((r) => r.profile.messages / r.wallSeconds));
    record(
      `${label}: per queue visit`,
      `${(cost * 1e9).toFixed(0)} ns (${millions(published)} published/s)`,
      `plain ${(plainCost * 1e9).toFixed(0)} ns/msg`,
      `${(cost / plainCost).toFixed(2)}×`,
      '≤ 1.5×',
      cost / plainCost <= 1.5,
      peakRssMiB,
    );
  }
}

/** 8 replications on 2 workers against 1, whole process; results must be identical. */
function replicationCase() {
  const duration = quick ? '4000s' : '40000s'; // 1 M messages per replication (100,000 with --quick)
  const args = ['--replications', '8', '--duration', duration];
  // Alternated, so that a change in the machine's other load falls on both sides alike.
  const pairs = repeat(RUNS, () =>
    [1, 2].map((w) => runCli('bench/mm2-10.yaml', [...args, '--workers', `${w}`])),
  );
  const serial = pairs.map(([one]) => one);
  const parallel = pairs.map(([, two]) => two);
  const identical = parallel.every((run) => run.stdout === serial[0].stdout);
  const serialWall = median(serial.map((r) => r.wallSeconds));
  const parallelWall = median(parallel.map((r) => r.wallSeconds));
  const speedUp = serialWall / parallelWall;
  record(
    `8 replications × ${quick ? '0.1' : '1'} M, 2 workers vs 1`,
    `${parallelWall.toFixed(2)} s`,
    `${serialWall.toFixed(2)} s`,
    `${speedUp.toFixed(2)}×${identical ? '' : ' (results DIFFER)'}`,
    '≥ 1.8×',
    identical && speedUp >= 1.8,
    Math.max(...parallel.map((r) => r.peakRssMiB)),
  );
}

/** Large generated networks: per-visit cost and memory at 1,000 queues, memory at 10,000, `estimate`. */
function scaleCases(plainCost) {
  const messages = quick ? 100_000 : 1_000_000;
  const limit = BIG_CASE_LIMIT_S;
  for (const shape of ['fanout', 'pipeline']) {
    const { file } = writeNetwork({ shape, queues: 1000, messages }, generated);
    const label = `1,000-queue ${shape}, ${millions(messages)} visits`;
    const { cost, peakRssMiB, failed } = costPerVisit(file, [], { limitSeconds: limit, runs: 1 });
    if (failed)
      record(label, failure(failed, limit), '', '', '≤ 2× plain, ≤ 300 MiB', false, failed.peakRssMiB);
    else
      record(
        label,
        `${(cost * 1e9).toFixed(0)} ns/visit`,
        `plain ${(plainCost * 1e9).toFixed(0)} ns/msg`,
        `${(cost / plainCost).toFixed(2)}×`,
        '≤ 2× plain, ≤ 300 MiB',
        cost / plainCost <= 2 && peakRssMiB <= 300,
        peakRssMiB,
      );
  }
  const big = writeNetwork({ shape: 'fanout', queues: 10_000, producers: 50_000, messages }, generated);
  // A heap cap, so a run that would take gigabytes fails fast instead of swapping the machine.
  const huge = runCli(big.file, [], { limitSeconds: limit, nodeOptions: ['--max-old-space-size=1536'] });
  const hugeOk = !huge.timedOut && !huge.failed && huge.peakRssMiB <= 1024;
  record(
    '10,000 queues, 50,000 producers',
    huge.profile ? `${huge.wallSeconds.toFixed(1)} s` : failure(huge, limit),
    '',
    huge.profile ? `${huge.peakRssMiB.toFixed(0)} MiB` : '',
    'runs, ≤ 1,024 MiB',
    hugeOk,
    huge.peakRssMiB,
  );
  const estimate = timeProcess(process.execPath, [cli, 'estimate', big.file], { limitSeconds: limit });
  const estimateOk = !estimate.timedOut && estimate.status === 0 && estimate.wallSeconds < 2;
  record(
    'estimate on 10,000 queues',
    estimate.timedOut ? `over ${limit} s (stopped)` : `${estimate.wallSeconds.toFixed(2)} s`,
    '',
    estimate.status === 0 || estimate.timedOut ? '' : `exit ${estimate.status}`,
    '< 2 s',
    estimateOk,
    estimate.peakRssMiB,
  );
}

/** SimPy 3 (producer → Store → consumers) against `queuesim run`, 1 M messages, whole process. */
function simpyCase() {
  const python = ['/usr/bin/python3', 'python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import simpy'], { stdio: 'ignore' }).status === 0,
  );
  if (!python) {
    record(
      'SimPy 3, 1 M messages',
      'skipped: SimPy is not installed (apt-get install python3-simpy3)',
      '',
      '',
      '≥ 20× faster',
      null,
    );
    return;
  }
  const messages = quick ? 100_000 : 1_000_000;
  const simpy = timeProcess(python, ['bench/simpy-mm2.py', String(messages)]);
  const product = runCli('bench/mm2-10.yaml', ['--duration', `${messages / 25}s`]);
  const ratio = simpy.wallSeconds / product.wallSeconds;
  record(
    `SimPy 3, ${millions(messages)} messages, whole process`,
    `${product.wallSeconds.toFixed(2)} s`,
    `SimPy ${simpy.wallSeconds.toFixed(2)} s`,
    `${ratio.toFixed(1)}× faster`,
    '≥ 20× faster',
    ratio >= 20,
    product.peakRssMiB,
  );
}

if (!existsSync(cli)) throw new Error(`${cli} is missing: npm run build first`);
// `--only startup,replications` runs just those groups (the plain case always runs when a later one needs it).
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name) => only === undefined || only.includes(name);
if (wanted('startup')) startupCases();
const needsPlain = ['plain', 'features', 'scale'].some(wanted);
const plainCost = needsPlain ? plainCase() : NaN;
if (wanted('features')) featureCases(plainCost);
if (wanted('replications')) replicationCase();
if (wanted('scale')) scaleCases(plainCost);
if (wanted('simpy')) simpyCase();
console.log(
  `queuesim benchmark — node ${process.version}, ${process.platform}, median of ${RUNS} run(s)` +
    `${quick ? ' (--quick: short cases, not figures to quote)' : ''}; reference: bench/reference-loop.mjs`,
);
console.table(rows);
const missed = rows.filter((row) => row.ok === 'NO');
if (check && missed.length > 0) {
  console.error(`bench --check: ${missed.length} case(s) missed the target:`);
  for (const row of missed)
    console.error(`  ${row.case}: ${row.result || row.measured} (target ${row.target})`);
  process.exitCode = 1;
}
