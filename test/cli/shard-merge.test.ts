/** `--shard i/N --part FILE` and `queuesim merge`: the merged output is the unsharded output, byte for byte. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardUnits } from '../../src/cli/shard.js';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

/** 5 replications over 3 shards: 2 + 2 + 1 units, a count the shards do not divide. */
const RUN = ['--replications', '5', '--duration', '20s', '--workers', '1', '--quiet', '--no-report'];

describe('shard units', () => {
  it('deal units round-robin: every unit to exactly one shard, shares differing by at most one', () => {
    const shares = [1, 2, 3].map((index) => shardUnits(5, { index, count: 3 }));
    expect(shares).toEqual([[0, 3], [1, 4], [2]]);
    expect(shardUnits(2, { index: 3, count: 3 })).toEqual([]);
  });
});

describe('run --replications N in shards', () => {
  const file = scenarioFile(SMALL_SCENARIO);
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-parts-'));
  const part = (name: string) => join(dir, name);

  const writeShards = async (extra: string[] = [], prefix = 'p') => {
    for (const index of [1, 2, 3]) {
      const out = await runCliInProcess([
        'run',
        file,
        ...RUN,
        ...extra,
        '--shard',
        `${index}/3`,
        '--part',
        part(`${prefix}${index}.json`),
      ]);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toBe('');
    }
    return [1, 2, 3].map((index) => part(`${prefix}${index}.json`));
  };

  it('merge prints the unsharded JSON byte for byte, and the same tables', async () => {
    const whole = await runCliInProcess(['run', file, ...RUN, '--json']);
    expect(whole.status, whole.stderr).toBe(0);
    const parts = await writeShards();
    const merged = await runCliInProcess(['merge', ...parts.reverse(), '--json', '--no-report']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(JSON.parse(merged.stdout).replications).toBe(5);
    const tables = await runCliInProcess(['run', file, ...RUN]);
    const mergedTables = await runCliInProcess(['merge', ...parts, '--no-report']);
    expect(mergedTables.stdout).toBe(tables.stdout);
  });

  it('merge writes the same report files as the unsharded run', async () => {
    const parts = [1, 2, 3].map((index) => part(`p${index}.json`));
    const ownDir = join(dir, 'own');
    const mergedDir = join(dir, 'merged');
    const own = await runCliInProcess([
      'run',
      file,
      ...RUN.filter((a) => a !== '--no-report'),
      '--out',
      ownDir,
    ]);
    const merged = await runCliInProcess(['merge', ...parts, '--out', mergedDir]);
    expect(own.status).toBe(0);
    expect(merged.status, merged.stderr).toBe(0);
    for (const name of ['summary.json', 'latency.csv', 'timeseries.csv', 'routes.csv']) {
      expect(existsSync(join(mergedDir, name))).toBe(true);
      expect(readFileSync(join(mergedDir, name), 'utf8')).toBe(readFileSync(join(ownDir, name), 'utf8'));
    }
  });

  it('reads the shard from JOB_COMPLETION_INDEX (from 0) and QUEUESIM_SHARDS, as an Indexed Job sets them', async () => {
    const out = await runCliInProcess(['run', file, ...RUN, '--part', part('env.json')], {
      env: { JOB_COMPLETION_INDEX: '1', QUEUESIM_SHARDS: '3' },
    });
    expect(out.status, out.stderr).toBe(0);
    const header = JSON.parse(readFileSync(part('env.json'), 'utf8')).header;
    expect(header.shard).toEqual({ index: 2, count: 3 });
    expect(header.command).toBe('run');
    expect(header.seed).toBe(7);
    expect(header.scenarioText).toBe(SMALL_SCENARIO);
  });

  const expectBadInput = async (args: string[], message: RegExp) => {
    const out = await runCliInProcess(args);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  };

  it('refuses parts of a different seed, a missing or duplicated shard, and a malformed part (exit 2)', async () => {
    const parts = [1, 2, 3].map((index) => part(`p${index}.json`));
    const other = await writeShards(['--seed', '99'], 's');
    await expectBadInput(
      ['merge', parts[0], parts[1], other[2]],
      /\$\.header\.seed: .*different seed \(99 vs 7\)/,
    );
    await expectBadInput(['merge', parts[0], parts[2]], /missing shard 2\/3/);
    await expectBadInput(['merge', parts[0], parts[1], parts[1], parts[2]], /shard 2\/3 is also in/);
    writeFileSync(part('bad.json'), '{"header": {"format": "queuesim-part"');
    await expectBadInput(['merge', part('bad.json')], /bad\.json .*not a part file: invalid JSON/);
    writeFileSync(part('shape.json'), '{"header": {"format": "something-else"}}');
    await expectBadInput(['merge', part('shape.json')], /\$\.header\.format: expected "queuesim-part"/);
  });

  it('refuses a shard index out of range, a shard without --part and a run that cannot be divided (exit 2)', async () => {
    await expectBadInput(
      ['run', file, ...RUN, '--shard', '4/3', '--part', part('x.json')],
      /shard index 4 is out of range: expected 1 to 3/,
    );
    await expectBadInput(['run', file, ...RUN, '--shard', '0/3', '--part', part('x.json')], /out of range/);
    await expectBadInput(['run', file, ...RUN, '--shard', '1/3'], /add --part FILE/);
    await expectBadInput(
      ['run', file, ...RUN, '--precision', '5%', '--shard', '1/3', '--part', part('x.json')],
      /cannot be sharded: --precision/,
    );
    const out = await runCliInProcess(['run', file, ...RUN, '--part', part('x.json')], {
      env: { JOB_COMPLETION_INDEX: '3', QUEUESIM_SHARDS: '3' },
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/JOB_COMPLETION_INDEX\/QUEUESIM_SHARDS: shard index 4 is out of range/);
  });
});

/**
 * Runs `args` whole with --json, then in 3 shards to part files, merges them with --json, and checks the
 * merge printed the same bytes. Returns the merged JSON and the parts' unit count.
 */
async function expectShardsMergeToWhole(
  args: string[],
  prefix: string,
): Promise<{
  merged: Record<string, unknown> & { points?: unknown[]; replications?: number };
  units: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const whole = await runCliInProcess([...args, '--json']);
  expect(whole.status, whole.stderr).toBe(0);
  const parts = [1, 2, 3].map((index) => join(dir, `p${index}.json`));
  for (const [i, part] of parts.entries()) {
    const out = await runCliInProcess([...args, '--shard', `${i + 1}/3`, '--part', part]);
    expect(out.status, out.stderr).toBe(0);
  }
  const merged = await runCliInProcess(['merge', ...parts, '--json', '--no-report']);
  expect(merged.status, merged.stderr).toBe(0);
  expect(merged.stdout).toBe(whole.stdout);
  return {
    merged: JSON.parse(merged.stdout),
    units: JSON.parse(readFileSync(parts[2], 'utf8')).header.units,
  };
}

describe('sweep in shards', () => {
  it('merge prints the unsharded sweep JSON byte for byte (2 points × 2 replications over 3 shards)', async () => {
    const file = scenarioFile(SMALL_SCENARIO);
    const sweep = ['--replications', '2', '--duration', '20s', '--workers', '1', '--quiet', '--no-report'];
    const args = ['sweep', file, '--vary', 'queues.q.consumers=2,3', ...sweep];
    const { merged, units } = await expectShardsMergeToWhole(args, 'queuesim-sweep-parts-');
    expect(units).toBe(4);
    expect(merged.points).toHaveLength(2);
  });
});

describe('compare in shards', () => {
  it('merge prints the unsharded comparison JSON byte for byte (2 scenarios × 4 pairs over 3 shards)', async () => {
    const baseline = scenarioFile(SMALL_SCENARIO);
    const other = scenarioFile(
      SMALL_SCENARIO.replace('name: small', 'name: three').replace('consumers: 2', 'consumers: 3'),
    );
    const args = [
      'compare',
      baseline,
      other,
      '--replications',
      '4',
      '--duration',
      '20s',
      '--workers',
      '1',
      '--quiet',
      '--no-report',
    ];
    const { merged, units } = await expectShardsMergeToWhole(args, 'queuesim-compare-parts-');
    expect(units).toBe(8);
    expect(merged.replications).toBe(4);
  });
});
