/**
 * `queuesim worker --redis URL` and `--redis URL` on the study commands, against a real redis-server (no
 * mock): two worker processes, one killed in the middle of a unit, and the output byte for byte the local
 * run's. `.ci/run` installs Debian's redis-server when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, projectRoot, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { packageVersion } from '../../src/cli/io.js';
import { queueName } from '../../src/api/redis-queue.js';

const tsxLoader = pathToFileURL(`${projectRoot}node_modules/tsx/dist/loader.mjs`).href;

/** Short locks, so that a killed worker's unit is retried within seconds, not BullMQ's default 30. */
const FAST_STALL = ['--lock-duration', '1500', '--stalled-interval', '500'];

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** A child process with its stderr collected, and a wait for a line matching a pattern. */
interface Watched {
  child: ChildProcess;
  log: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
}

function watch(child: ChildProcess, stream: 'stdout' | 'stderr'): Watched {
  let text = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    text += chunk;
    for (const waiter of [...waiters]) {
      const match = text.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  return {
    child,
    log: () => text,
    waitFor: (pattern, timeoutMs = 20_000) => {
      const match = text.match(pattern);
      if (match) return Promise.resolve(match);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${text}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
  };
}

/** Ends a child we started, by its own handle; resolves when it has exited. */
async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

describe('a worker pool on BullMQ (real redis-server)', () => {
  let redis: Watched | undefined;
  let url = '';
  const workers: Watched[] = [];

  /** `queuesim worker --redis URL` as its own process, from source; resolves once it serves the queue. */
  const startWorker = async (): Promise<Watched> => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsxLoader,
        `${projectRoot}src/cli/main.ts`,
        'worker',
        '--redis',
        url,
        '--workers',
        '1',
        ...FAST_STALL,
      ],
      { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    const worker = watch(child, 'stderr');
    workers.push(worker);
    await worker.waitFor(/serving queuesim-\S+ on /, 30_000);
    return worker;
  };

  beforeAll(async () => {
    const which = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
    if (which.error) throw new Error('redis-server not found: apt-get install redis-server (.ci/run does)');
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    redis = watch(child, 'stdout');
    await redis.waitFor(/Ready to accept connections/, 10_000);
    await Promise.all([startWorker(), startWorker()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => stop(worker.child)));
    await stop(redis?.child, 'SIGTERM');
  });

  /** Units of about a second each: long enough to kill a worker in the middle of one. */
  const file = scenarioFile(SMALL_SCENARIO);
  const LONG_UNITS = ['--duration', '3h', '--replications', '6', '--json', '--no-report', '--quiet'];

  it('run: a worker killed mid-unit has its unit retried by the other; stdout is the local run, byte for byte', async () => {
    const local = await runCliInProcess(['run', file, ...LONG_UNITS, '--workers', '2']);
    expect(local.status, local.stderr).toBe(0);

    const [first, second] = workers;
    const distributed = runCliInProcess(['run', file, ...LONG_UNITS, '--redis', url]);
    // Kill whichever worker starts a unit first, while the unit runs.
    const starts = [first, second].map((worker) =>
      worker.waitFor(/unit (\S+): started/).then((m) => ({ worker, unit: m[1] })),
    );
    for (const start of starts) start.catch(() => undefined); // the race's loser may time out later
    const victim = await Promise.race(starts);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(victim.worker.log()).not.toContain(`unit ${victim.unit}: done`);
    await stop(victim.worker.child);
    const survivor = victim.worker === first ? second : first;

    const outcome = await distributed;
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe(local.stdout);
    expect(JSON.parse(outcome.stdout).replications).toBe(6);
    // The killed worker's unit was finished by the survivor, as a second attempt.
    expect(survivor.log()).toMatch(
      new RegExp(`unit ${victim.unit.replace('.', '\\.')}: started \\(attempt 2\\)`),
    );
    expect(survivor.log()).toContain(`unit ${victim.unit}: done`);

    workers.splice(workers.indexOf(victim.worker), 1);
    await startWorker(); // two again for the tests below
  }, 60_000);

  it('sweep: the same JSON as the local sweep', async () => {
    const sweep = [
      'sweep',
      file,
      '--vary',
      'queues.q.consumers=1..3',
      '--duration',
      '10m',
      '--json',
      '--no-report',
      '--quiet',
    ];
    const local = await runCliInProcess([...sweep, '--workers', '2']);
    expect(local.status, local.stderr).toBe(0);
    const distributed = await runCliInProcess([...sweep, '--redis', url]);
    expect(distributed.status, distributed.stderr).toBe(0);
    expect(distributed.stdout).toBe(local.stdout);
  }, 30_000);

  it('compare, plan and headroom: the local output (plan and headroom but for their wall time)', async () => {
    const other = scenarioFile(
      SMALL_SCENARIO.replace('consumers: 2', 'consumers: 3').replace('name: small', 'name: bigger'),
    );
    const withSlo = scenarioFile(
      SMALL_SCENARIO.replace('duration: 2m', 'duration: 5m\nreplications: 3') +
        'slo:\n  - { queue: q, metric: utilization, max: 30% }\n',
    );
    const withoutWallTime = (stdout: string) =>
      stdout.replace(/"wallSeconds": [\d.e+-]+/, '"wallSeconds": 0');
    for (const command of [
      ['compare', file, other, '--replications', '3'],
      ['plan', withSlo],
      ['headroom', withSlo],
    ]) {
      const common = [...command, '--json', '--no-report', '--quiet'];
      const local = await runCliInProcess([...common, '--workers', '2']);
      const distributed = await runCliInProcess([...common, '--redis', url]);
      expect(distributed.status, distributed.stderr).toBe(local.status);
      expect(withoutWallTime(distributed.stdout)).toBe(withoutWallTime(local.stdout));
      expect(distributed.stdout.length).toBeGreaterThan(100);
    }
  }, 60_000);

  it('a worker refuses a unit enqueued by another queuesim version, and says which', async () => {
    const { Queue } = await import('bullmq');
    const queue = new Queue(queueName(packageVersion()), { connection: { url } });
    try {
      const job = await queue.add('unit', { version: '0.0.1-other', unit: '' }, { jobId: 'foreign-unit' });
      // Read the job itself: a QueueEvents stream opened now could miss an event that comes first.
      let reason: string | undefined;
      for (let tries = 0; tries < 200 && !reason; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reason = (await queue.getJob(job.id as string))?.failedReason;
      }
      expect(reason).toContain(
        `comes from queuesim 0.0.1-other; this worker is queuesim ${packageVersion()}`,
      );
    } finally {
      await queue.close();
    }
  }, 30_000);

  it('SIGTERM: a worker closes its queue connection and thread and exits 0', async () => {
    const worker = await startWorker();
    // The exit code, or the signal that ended the process (a worker without a SIGTERM handler dies of it).
    const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
      worker.child.once('exit', (code, signal) => resolve(code ?? signal)),
    );
    worker.child.kill('SIGTERM');
    expect(await exited, worker.log()).toBe(0);
    expect(worker.log()).toContain('SIGTERM, finishing the units in hand');
  }, 30_000);

  it('a URL with no Redis behind it, or not a redis:// URL: a one-line error and exit 2', async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    for (const [target, message] of [
      [closed, `cannot reach Redis at ${closed}: connect ECONNREFUSED`],
      ['localhost:6379', 'expected a redis:// or rediss:// URL'],
    ]) {
      const outcome = await runCliInProcess(['run', file, '--quiet', '--no-report', '--redis', target]);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toContain(message);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
      expect(outcome.stdout).toBe('');
    }
    const withPassword = await runCliInProcess([
      'run',
      file,
      '--quiet',
      '--no-report',
      '--redis',
      closed.replace('//', '//:hunter2@'),
    ]);
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).toContain('redis://:***@127.0.0.1');
    expect(withPassword.stderr).not.toContain('hunter2');
  });
});
