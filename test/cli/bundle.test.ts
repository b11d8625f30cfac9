/**
 * The built command line (dist/cli, the esbuild bundle of `npm run build`): each command reads only the
 * chunks it needs, and replications on its worker threads give the same results as one thread and as the
 * source.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli, scenarioFile, SMALL_SCENARIO } from '../helpers/cli.js';

const bin = `${projectRoot}dist/cli/main.js`;
const logLoaded = `${projectRoot}test/helpers/log-loaded-modules.mjs`;

/**
 * Runs the bundle; returns its outcome, the bytes of the bundle's files it loaded and the CommonJS files it
 * required.
 */
function runBundle(args: string[]): {
  status: number | null;
  stdout: string;
  loadedBytes: number;
  /** The bundle's files it loaded. */
  files: string[];
  required: string[];
} {
  const child = spawnSync(process.execPath, ['--import', logLoaded, bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  const urls = [...child.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((match) => match[1]);
  const files = urls.map((url) => fileURLToPath(url)).filter((file) => file.includes('/dist/cli/'));
  const loadedBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return {
    status: child.status,
    stdout: child.stdout,
    loadedBytes,
    files,
    required: requiredPaths(child.stderr),
  };
}

/**
 * The CommonJS files a run under log-loaded-modules.mjs required: its `required <path>` lines (a
 * pseudo-terminal ends them in \r).
 */
function requiredPaths(output: string): string[] {
  return [...output.matchAll(/^required (\S+?)\r?$/gm)].map((match) => match[1]);
}

/** The bytes of every JavaScript file of the bundle. */
function bundleBytes(): number {
  const dir = `${projectRoot}dist/cli/`;
  const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
  return files.reduce((sum, name) => sum + statSync(dir + name).size, 0);
}

describe('the bundled command line', () => {
  it('reads a valid scenario without the yaml package, which only a problem needs (for its positions)', () => {
    // The yaml package required from node_modules, or bundled into a chunk the command loaded (one of its
    // messages, kept by the minifier, marks its code).
    const yamlMessage = 'Implicit map keys need to be followed by map values';
    const usesYaml = ({ files, required }: { files: string[]; required: string[] }) =>
      required.some((path) => path.includes('/node_modules/yaml/')) ||
      files.some((file) => readFileSync(file, 'utf8').includes(yamlMessage));
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

  it('answers --version from a few kilobytes, and --help without the simulator', () => {
    const whole = bundleBytes();
    const version = runBundle(['--version']);
    expect(version.status).toBe(0);
    expect(version.loadedBytes).toBeLessThan(16 * 1024);
    const help = runBundle(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('queuesim <command>');
    // yargs and the command definitions only: under a quarter of the bundle (zod, yaml, the model, vega…).
    expect(help.loadedBytes).toBeLessThan(whole / 4);
  });

  it('gives the same replications on two worker threads as on one, and as the source', () => {
    const file = scenarioFile(SMALL_SCENARIO);
    const args = ['run', file, '--replications', '4', '--json', '--no-report', '--quiet'];
    const one = runBundle([...args, '--workers', '1']);
    const two = runBundle([...args, '--workers', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(runCli([...args, '--workers', '1']).stdout).toBe(one.stdout);
  });
});
