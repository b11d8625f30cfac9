/** The shared folder of a search in shards, and the runners that number runs through it. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskRunner } from '../../src/analysis/replications.js';
import type { ReplicationTask, TaskOutcome } from '../../src/analysis/replication-task.js';
import { Exchange, type ExchangeOptions } from '../../src/cli/exchange.js';
import { lockstepReplay, lockstepRunner, taskHash } from '../../src/cli/lockstep.js';
import type { Scenario } from '../../src/scenario/types.js';

const open = (dir: string, index: number, extra: Partial<ExchangeOptions> = {}) =>
  Exchange.open({ dir, jobId: 'job', shard: { index, count: 2 }, timeoutSeconds: 60, pollMs: 10, ...extra });

/** Replication `index` of a stand-in scenario: the runners only hash and pass tasks on. */
const task = (index: number, load = 1): ReplicationTask => ({
  kind: 'replication',
  scenario: { name: 'stand-in', load } as unknown as Scenario,
  index,
  deadline: null,
});

/** An outcome with a double and a typed array, which must come back exactly. */
const outcome = (index: number) => ({
  kind: 'replication',
  value: index / 3,
  bins: new Float64Array([0.1, index]),
});

/** A runner that "simulates" by returning `outcome(index)` and counts its calls. */
function countingRunner(): TaskRunner & { calls: number[] } {
  const calls: number[] = [];
  return {
    concurrency: 1,
    calls,
    run(t) {
      const index = (t as { index: number }).index;
      calls.push(index);
      return Promise.resolve(outcome(index) as unknown as TaskOutcome);
    },
  };
}

describe('the exchange folder', () => {
  it('writes each run atomically (no temporary file left) and reads it back exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-exchange-'));
    const one = await open(dir, 1);
    await one.publish(0, 'abc', outcome(5));
    expect(readdirSync(join(dir, 'job'))).toEqual(['0.json']);
    const file = JSON.parse(readFileSync(join(dir, 'job', '0.json'), 'utf8'));
    expect(file).toMatchObject({ run: 0, task: 'abc', shard: '1/2' });
    expect(await one.read(0, 'abc')).toEqual({ outcome: outcome(5) });
    expect(await one.read(1, 'abc')).toBeNull();
  });

  it('waits until another shard writes the run, then hands over its outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-exchange-'));
    const [one, two] = await Promise.all([open(dir, 1), open(dir, 2)]);
    const waited = one.wait(1, 'h1');
    setTimeout(() => void two.publish(1, 'h1', outcome(1)), 50);
    expect(await waited).toEqual(outcome(1));
    one.close();
    two.close();
  });

  it('gives up after the timeout without a new file, naming the missing run files and their shards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-exchange-'));
    const one = await open(dir, 1, { timeoutSeconds: 0.2 });
    const waits = [one.wait(1, 'a'), one.wait(3, 'b')];
    await expect(waits[0]).rejects.toThrow(
      /no new run file in .*job for 0\.2 s; missing 1\.json, 3\.json from shard 2\/2/,
    );
    await expect(waits[1]).rejects.toThrow(/--exchange-timeout/);
  });

  it('refuses a run file of another task: the shards diverged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-exchange-'));
    const [one, two] = await Promise.all([open(dir, 1), open(dir, 2)]);
    await two.publish(1, 'theirs', outcome(1));
    await expect(one.wait(1, 'mine')).rejects.toThrow(
      /shards diverged: .*1\.json holds run 1 of task theirs \(written by shard 2\/2\).*needs run 1 of task mine/,
    );
    writeFileSync(join(dir, 'job', '2.json'), 'not json');
    await expect(one.read(2, 'x')).rejects.toThrow(/2\.json is not a run file/);
  });
});

describe('lockstep runners', () => {
  /** Two shards asking for the same runs in the same order, as two processes of one search would. */
  const runBoth = async (dir: string, inner: [TaskRunner, TaskRunner]) => {
    const shards = await Promise.all([open(dir, 1), open(dir, 2)]);
    const runners = shards.map((exchange, i) =>
      lockstepRunner(inner[i], exchange, { index: i + 1, count: 2 }),
    );
    const tasks = [0, 1, 2].map((index) => task(index));
    const results = await Promise.all(runners.map((runner) => Promise.all(tasks.map((t) => runner.run(t)))));
    for (const exchange of shards) exchange.close();
    return { runners, results };
  };

  it('simulate only their own runs (k mod N), read the rest, and a restarted shard reuses its files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-lockstep-'));
    const inner: [ReturnType<typeof countingRunner>, ReturnType<typeof countingRunner>] = [
      countingRunner(),
      countingRunner(),
    ];
    const { runners, results } = await runBoth(dir, inner);
    expect(inner[0].calls).toEqual([0, 2]);
    expect(inner[1].calls).toEqual([1]);
    expect(results[0]).toEqual([0, 1, 2].map(outcome));
    expect(results[1]).toEqual(results[0]);
    expect([...runners[0].mine.keys()].sort()).toEqual([0, 2]);
    expect(runners[0].mine.get(2)?.task).toBe(taskHash(task(2)));
    expect(runners[0].runs()).toBe(3);

    const again: [ReturnType<typeof countingRunner>, ReturnType<typeof countingRunner>] = [
      countingRunner(),
      countingRunner(),
    ];
    const restarted = await runBoth(dir, again);
    expect(again[0].calls).toEqual([]);
    expect(again[1].calls).toEqual([]);
    expect(restarted.results[0]).toEqual(results[0]);
  });

  it('pass a failed run on to the other shards at once, and run it again when the shard restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-lockstep-'));
    const failing: TaskRunner = { concurrency: 1, run: () => Promise.reject(new Error('boom')) };
    const [one, two] = await Promise.all([open(dir, 1), open(dir, 2)]);
    const shard1 = lockstepRunner(failing, one, { index: 1, count: 2 });
    const shard2 = lockstepRunner(countingRunner(), two, { index: 2, count: 2 });
    await expect(shard1.run(task(0))).rejects.toThrow('boom');
    await expect(shard2.run(task(0))).rejects.toThrow(/--exchange: run 0 failed on shard 1\/2: boom/);
    two.close();
    const again = countingRunner();
    const restarted = lockstepRunner(again, await open(dir, 1), { index: 1, count: 2 });
    expect(await restarted.run(task(0))).toEqual(outcome(0));
    expect(again.calls).toEqual([0]);
  });

  it('replay the runs in order at a merge, refusing a run of another task and a run no part holds', async () => {
    const records = [0, 1].map((index) => ({ task: taskHash(task(index)), outcome: outcome(index) }));
    const replay = lockstepReplay(records, 'p1.json');
    expect(await replay.run(task(0))).toEqual(outcome(0));
    await expect(replay.run(task(1, 2))).rejects.toThrow(
      /run 1 in the parts is not the run the search asks for/,
    );
    await expect(replay.run(task(2))).rejects.toThrow(/needs run 2, which no part holds \(they hold 2\)/);
    expect(replay.used()).toBe(3);
  });
});
