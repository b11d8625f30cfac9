/**
 * The built command line (dist/cli, the esbuild bundle of `npm run build`): `--version` reads only the bin,
 * every other command compiles the program script from its code cache, a cache that does not fit is never
 * used, and replications on the worker threads give the same results as one thread and as the source.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, scenarioFile, SMALL_SCENARIO } from '../helpers/cli.js';

const bin = `${projectRoot}dist/cli/main.js`;
const logLoaded = `${projectRoot}test/helpers/log-loaded-modules.mjs`;

/**
 * Runs the bundle; returns its outcome, the bytes of the bundle's files it loaded and the CommonJS files it
 * required.
 */
function runBundle(
  args: string[],
  { binFile = bin, nodeFlags = [] as string[] } = {},
): {
  status: number | null;
  stdout: string;
  loadedBytes: number;
  /** The bundle's files it loaded as modules. */
  files: string[];
  required: string[];
  /** program-script.ts's verdict on the code cache, or null when the program script was not loaded. */
  codeCache: string | null;
  /** Its verdicts in every thread that loaded the script (the command line's first). */
  codeCaches: string[];
} {
  const child = spawnSync(process.execPath, [...nodeFlags, '--import', logLoaded, binFile, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', QUEUESIM_CODE_CACHE_REPORT: '1' },
  });
  const urls = [...child.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((match) => match[1]);
  const codeCaches = [...child.stderr.matchAll(/^queuesim: code cache (.+)$/gm)].map((match) => match[1]);
  const files = urls.map((url) => fileURLToPath(url)).filter((file) => file.includes('/dist/cli/'));
  const loadedBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return {
    status: child.status,
    stdout: child.stdout,
    loadedBytes,
    files,
    required: requiredPaths(child.stderr),
    codeCache: codeCaches[0] ?? null,
    codeCaches,
  };
}

/**
 * The CommonJS files a run under log-loaded-modules.mjs required: its `required <path>` lines (a
 * pseudo-terminal ends them in \r).
 */
function requiredPaths(output: string): string[] {
  return [...output.matchAll(/^required (\S+?)\r?$/gm)].map((match) => match[1]);
}

describe('the bundled command line', () => {
  it('reads a valid scenario without the yaml package, which only a problem needs (for its positions)', () => {
    const usesYaml = ({ required }: { required: string[] }) =>
      required.some((path) => path.includes('/node_modules/yaml/'));
    const valid = runBundle([
      'run',
      scenarioFile(SMALL_SCENARIO),
      '--duration',
      '1s',
      '--json',
      '--no-report',
    ]);
    expect(valid.status).toBe(0);
    expect(usesYaml(valid)).toBe(false);
    const broken = scenarioFile(SMALL_SCENARIO.replace('consumers: 2', 'consumers: two'));
    const invalid = runBundle(['run', broken, '--json', '--no-report']);
    expect(invalid.status).toBe(2);
    expect(usesYaml(invalid)).toBe(true);
  });

  it('loads the progress bar package only when a bar shows, on a terminal', () => {
    const requiresBar = (required: string[]) =>
      required.some((path) => path.includes('/node_modules/cli-progress/'));
    const file = scenarioFile(SMALL_SCENARIO);
    const quiet = runBundle(['run', file, '--duration', '1s', '--json', '--no-report']);
    expect(quiet.status).toBe(0);
    expect(requiresBar(quiet.required)).toBe(false);
    // A run of a few seconds on a pseudo-terminal (util-linux `script`), where the bar appears after a second.
    const command = [
      process.execPath,
      '--import',
      logLoaded,
      bin,
      'run',
      file,
      '--duration',
      '80h',
      '--no-report',
    ]
      .map((word) => `'${word}'`)
      .join(' ');
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    });
    expect(terminal.error, 'util-linux `script` is needed for this test').toBeUndefined();
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toMatch(/replications \|[█░]+\|/);
    expect(requiresBar(requiredPaths(terminal.stdout))).toBe(true);
  });

  it('answers --version from a few kilobytes, without the program script', () => {
    const version = runBundle(['--version']);
    expect(version.status).toBe(0);
    expect(version.loadedBytes).toBeLessThan(16 * 1024);
    expect(version.codeCache).toBeNull();
    const help = runBundle(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('queuesim <command>');
    expect(help.codeCache).toBe('used');
  });

  it('compiles the program from its code cache, and from source, with the same results, when the cache does not fit', () => {
    const args = ['run', scenarioFile(SMALL_SCENARIO), '--duration', '1s', '--json', '--no-report'];
    const cached = runBundle(args);
    expect(cached.status).toBe(0);
    expect(cached.codeCache).toBe('used');
    // V8 refuses a cache made under other flags that change compiled code.
    const otherFlags = runBundle(args, { nodeFlags: ['--no-opt'] });
    expect(otherFlags.codeCache).toBe('rejected by V8');
    expect(otherFlags.stdout).toBe(cached.stdout);
    // A copy of the bundle inside the project (so that node_modules resolves), its cache then spoilt.
    const copy = `${projectRoot}dist/code-cache-test-${process.pid}/`;
    cpSync(`${projectRoot}dist/cli/`, copy, { recursive: true });
    try {
      // The script changed, its length not (V8 alone would take the cache): a cache for another script.
      const script = `${copy}program.cjs`;
      writeFileSync(
        script,
        readFileSync(script, 'utf8').replace('queuesim: internal error', 'QUEUESIM: internal error'),
      );
      const otherScript = runBundle(args, { binFile: `${copy}main.js` });
      expect(otherScript.codeCache).toBe('made for another script');
      expect(otherScript.stdout).toBe(cached.stdout);
      rmSync(`${copy}program.cache`);
      const absent = runBundle(args, { binFile: `${copy}main.js` });
      expect(absent.codeCache).toBe('absent');
      expect(absent.stdout).toBe(cached.stdout);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('gives the same replications on two worker threads, which run the same script, as on one, and as the source', () => {
    const file = scenarioFile(SMALL_SCENARIO);
    const args = ['run', file, '--replications', '4', '--json', '--no-report', '--quiet'];
    const one = runBundle([...args, '--workers', '1']);
    const two = runBundle([...args, '--workers', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // The threads run the command line's script, compiled from its cache as the command line's is.
    expect(one.codeCaches).toEqual(['used']);
    expect(two.codeCaches).toEqual(['used', 'used', 'used']);
    expect(runCli([...args, '--workers', '1']).stdout).toBe(one.stdout);
  });
});
