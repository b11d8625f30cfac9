/** The README's `npx queuesim …` runs the built command line (the bin must be executable after `npm ci`). */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';

describe('the queuesim bin', () => {
  it('is executable and answers `npx queuesim --version` with the package version', () => {
    const bin = `${projectRoot}dist/cli/main.js`;
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
    const child = spawnSync('npx', ['--no-install', 'queuesim', '--version'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const { version } = JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { version: string };
    expect(child.stdout.trim()).toBe(version);
  });
});
