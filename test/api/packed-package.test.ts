/**
 * The package as a user installs it: `npm pack`, installed into a fresh project, the README's library
 * example type-checked there (module nodenext, strict) with the repository's own TypeScript and run. The
 * example is read from the README, so the README cannot go stale. Slow (a pack, an install, a build):
 * it needs dist/ built by `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';

/** The TypeScript fence after `<!-- library-example -->` in the README. */
export function libraryExample(readme: string): string {
  const match = /<!-- library-example -->\s*```ts\n([\s\S]*?)\n```/.exec(readme);
  if (!match) throw new Error('README.md has no ```ts fence after <!-- library-example -->');
  return match[1] + '\n';
}

const work = mkdtempSync(join(tmpdir(), 'queuesim-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command in `cwd` and returns its stdout; a failure throws with its output (tsc's is on stdout). */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const output = `${stdout ?? ''}${stderr ?? ''}`;
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`, { cause: error });
  }
}

describe('the packed package', () => {
  it('installs into a fresh project where the README example type-checks and runs', () => {
    const packed = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], projectRoot),
    ) as Array<{ filename: string }>;
    const tarball = join(work, packed[0].filename);
    const app = join(work, 'app');
    mkdirSync(join(app, 'scenarios'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball], app);

    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        types: ['node'],
        typeRoots: [join(projectRoot, 'node_modules/@types')],
        outDir: 'out',
        skipLibCheck: false,
      },
      files: ['example.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(
      join(app, 'example.ts'),
      libraryExample(readFileSync(join(projectRoot, 'README.md'), 'utf8')),
    );
    copyFileSync(
      join(projectRoot, 'scenarios/order-pipeline.yaml'),
      join(app, 'scenarios/order-pipeline.yaml'),
    );
    const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);

    const output = run(process.execPath, ['out/example.js'], app);
    expect(output).toMatch(/^billing: sojourn p99 \d+\.\d{3} s, loss \d+\.\d{2} %$/m);
    expect(output).toMatch(/^billing meets its SLOs with \{ 'queues\.billing\.consumers': \d+ \}$/m);
  }, 300_000);
});
