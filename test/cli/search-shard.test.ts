/**
 * `headroom` and `plan` with `--shard i/N --exchange DIR --part FILE` end to end: the shards run as separate
 * processes of the built command line at once, in lockstep through a temporary folder, and `merge` prints
 * what the unsharded search prints (the wall time aside, which is the longest shard's).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchPartPayload } from '../../src/cli/search-shard.js';
import { readPart } from '../../src/cli/part-file.js';
import {
  SMALL_SCENARIO,
  projectRoot,
  scenarioFile,
  spawnNode,
  withoutWallTime,
  type CliOutcome,
} from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

/** 4 replications of 20 s per load: about 11 loads, 44 runs (over 3 shards: 15, 15 and 14). */
const SCENARIO =
  SMALL_SCENARIO.replace('duration: 2m', 'duration: 20s\nreplications: 4') +
  'slo:\n  - { queue: q, metric: utilization, max: 75% }\n';
const FLAGS = ['--workers', '1', '--quiet', '--no-report'];

/** The built command line as its own process, not waited for: shards must run at the same time. */
const spawnCli = (args: string[], env: Record<string, string> = {}): Promise<CliOutcome> =>
  spawnNode([`${projectRoot}dist/cli/main.js`, ...args], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });

describe('headroom in shards', () => {
  const file = scenarioFile(SCENARIO);
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-headroom-shards-'));
  let whole: CliOutcome;

  /** Runs `count` shards at once into parts; shard 2 takes its index from the Indexed Job's variables. */
  const runShards = async (count: number, name: string) => {
    const exchange = join(dir, `exchange-${name}`);
    const parts = Array.from({ length: count }, (_, i) => join(dir, `${name}-${i + 1}.json`));
    const outs = await Promise.all(
      parts.map((part, i) =>
        i === 1
          ? spawnCli(['headroom', file, ...FLAGS, '--exchange', exchange, '--part', part], {
              JOB_COMPLETION_INDEX: '1',
              QUEUESIM_SHARDS: String(count),
            })
          : spawnCli([
              'headroom',
              file,
              ...FLAGS,
              '--exchange',
              exchange,
              '--shard',
              `${i + 1}/${count}`,
              '--part',
              part,
            ]),
      ),
    );
    for (const out of outs) {
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toBe('');
    }
    return parts;
  };

  beforeAll(async () => {
    whole = await spawnCli(['headroom', file, ...FLAGS, '--json']);
    expect(whole.status, whole.stderr).toBe(0);
  });

  it('2 shards at once, merged: the unsharded JSON byte for byte, with the longest shard as wall time', async () => {
    const parts = await runShards(2, 'two');
    const merged = await spawnCli(['merge', ...parts, '--json', '--no-report']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(withoutWallTime(merged.stdout)).toBe(withoutWallTime(whole.stdout));
    expect(merged.stdout).not.toBe(withoutWallTime(merged.stdout));
    const walls = await Promise.all(
      parts.map(async (part) => ((await readPart(part)).scenario as SearchPartPayload).wallSeconds),
    );
    expect(JSON.parse(merged.stdout).wallSeconds).toBe(Math.max(...walls));
    const header = JSON.parse(readFileSync(parts[1], 'utf8')).header;
    expect(header).toMatchObject({ command: 'headroom', shard: { index: 2, count: 2 }, seed: 7 });
    expect(header.scenarioText).toBe(SCENARIO);
  });

  it('3 shards (a count that does not divide the runs): the same JSON, the same table and report', async () => {
    const parts = await runShards(3, 'three');
    const units: number = JSON.parse(readFileSync(parts[0], 'utf8')).header.units;
    expect(units % 3).not.toBe(0);
    const merged = await runCliInProcess(['merge', ...parts.reverse(), '--json', '--no-report']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(withoutWallTime(merged.stdout)).toBe(withoutWallTime(whole.stdout));

    const wallLine = (text: string) => text.replace(/\d+\.\d s$/m, '<wall> s');
    const table = await runCliInProcess(['headroom', file, ...FLAGS]);
    const mergedTable = await runCliInProcess(['merge', ...parts, '--no-report']);
    expect(mergedTable.status, mergedTable.stderr).toBe(0);
    expect(wallLine(mergedTable.stdout)).toBe(wallLine(table.stdout));
    expect(mergedTable.stdout).toMatch(/evaluations, \d+\.\d s$/m);

    const own = join(dir, 'own-report');
    const mergedReport = join(dir, 'merged-report');
    await runCliInProcess(['headroom', file, '--workers', '1', '--quiet', '--out', own]);
    const out = await runCliInProcess(['merge', ...parts, '--out', mergedReport]);
    expect(out.status, out.stderr).toBe(0);
    expect(existsSync(join(mergedReport, 'headroom.html'))).toBe(true);
    const csv = (folder: string) => readFileSync(join(folder, 'headroom.csv'), 'utf8');
    expect(csv(mergedReport)).toBe(csv(own));
  });

  it('a restarted shard reuses the runs in the folder and writes the same runs again', async () => {
    const parts = [1, 2].map((i) => join(dir, `two-${i}.json`));
    const before = await readPart(parts[0]);
    const again = join(dir, 'again-1.json');
    const args = ['headroom', file, ...FLAGS, '--exchange', join(dir, 'exchange-two'), '--shard', '1/2'];
    const out = await runCliInProcess([...args, '--part', again]);
    expect(out.status, out.stderr).toBe(0);
    expect((await readPart(again)).outcomes).toEqual(before.outcomes);
  });

  const expectBadInput = async (args: string[], message: RegExp) => {
    const out = await runCliInProcess(args);
    expect(out.status, out.stderr).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  };

  it('refuses what lockstep cannot do, and a missing shard (exit 2)', async () => {
    const x = join(dir, 'x.json');
    const exchange = ['--exchange', join(dir, 'exchange-refused')];
    await expectBadInput(
      ['headroom', file, ...FLAGS, '--shard', '1/2', '--part', x],
      /needs --exchange DIR.*lockstep/,
    );
    await expectBadInput(['headroom', file, ...FLAGS, ...exchange], /--exchange is for a search in shards/);
    await expectBadInput(['headroom', file, ...FLAGS, '--exchange-timeout', '5'], /only with --exchange/);
    const sharded = ['headroom', file, ...FLAGS, ...exchange, '--part', x];
    await expectBadInput([...sharded, '--shard', '3/2'], /shard index 3 is out of range: expected 1 to 2/);
    await expectBadInput(
      [...sharded, '--shard', '1/2', '--redis', 'redis://localhost:1'],
      /--redis and --shard/,
    );
    await expectBadInput(
      [...sharded, '--shard', '1/2', '--precision', '5%'],
      /cannot be sharded: --precision/,
    );
    await expectBadInput(
      [...sharded, '--shard', '1/2', '--time-budget', '1m'],
      /cannot be sharded: a time budget/,
    );
    await expectBadInput(
      [...sharded, '--shard', '1/2', '--exchange-timeout', 'soon'],
      /expected a number of seconds/,
    );
    await expectBadInput(
      [...sharded, '--shard', '1/3', '--exchange-timeout', '0.3'],
      /no new run file in .* for 0\.3 s; missing 1\.json, 2\.json from shards 2\/3, 3\/3/,
    );
    const two = [1, 2].map((i) => join(dir, `two-${i}.json`));
    const three = [1, 2, 3].map((i) => join(dir, `three-${i}.json`));
    await expectBadInput(['merge', two[0]], /missing shard 2\/2/);
    await expectBadInput(['merge', two[0], three[1]], /does not belong with .*two-1\.json/);
  });
});

/** Two queues sized together at the least cost: a search over pairs of settings. */
const TWO_QUEUES = `name: two
seed: 3
duration: 2m
replications: 4
producers:
  - { name: pa, to: a, rate: 20/s }
  - { name: pb, to: b, rate: 10/s }
queues:
  - { name: a, consumers: 1, service: { distribution: exponential, mean: 50ms } }
  - { name: b, consumers: 1, service: { distribution: exponential, mean: 100ms } }
slo:
  - { queue: a, metric: utilization, max: 30% }
  - { queue: b, metric: utilization, max: 45% }
cost: { queues.a.consumers: 3, consumer: 1 }
`;

describe('plan in shards', () => {
  const file = scenarioFile(TWO_QUEUES);
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-plan-shards-'));
  const plan = [
    'plan',
    file,
    ...FLAGS,
    '--optimize',
    'queues.a.consumers',
    '--optimize',
    'queues.b.consumers',
  ];
  const shards = (extra: string[], name: string) => {
    const exchange = join(dir, `exchange-${name}`);
    const parts = [1, 2].map((i) => join(dir, `${name}-${i}.json`));
    const outs = parts.map((part, i) =>
      spawnCli([...plan, ...extra, '--exchange', exchange, '--shard', `${i + 1}/2`, '--part', part]),
    );
    return { parts, outs: Promise.all(outs) };
  };

  it('2 shards at once, merged: the unsharded JSON byte for byte and the same table; other parts refused', async () => {
    const whole = await spawnCli([...plan, '--json']);
    expect(whole.status, whole.stderr).toBe(0);
    const { parts, outs } = shards([], 'p');
    for (const out of await outs) expect(out.status, out.stderr).toBe(0);
    const merged = await runCliInProcess(['merge', ...parts, '--json', '--no-report']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(withoutWallTime(merged.stdout)).toBe(withoutWallTime(whole.stdout));
    expect(JSON.parse(merged.stdout).recommended).toEqual({
      'queues.a.consumers': 4,
      'queues.b.consumers': 3,
    });

    const wallLine = (text: string) => text.replace(/\d+\.\d s$/m, '<wall> s');
    const table = await runCliInProcess(plan);
    const mergedTable = await runCliInProcess(['merge', ...parts, '--no-report']);
    expect(wallLine(mergedTable.stdout)).toBe(wallLine(table.stdout));

    const other = shards(['--load', 'x1.1'], 'load');
    for (const out of await other.outs) expect(out.status, out.stderr).toBe(0);
    const mixed = await runCliInProcess(['merge', parts[0], other.parts[1], '--no-report']);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/\$\.header\.options: does not belong with .*p-1\.json: different options/);
    const alone = await runCliInProcess([...plan, '--shard', '1/2', '--part', join(dir, 'x.json')]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/plan in shards needs --exchange DIR/);
  });
});
