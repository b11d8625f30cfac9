// Builds the library (`import { runScenario } from 'queuesim'`) in dist/lib: index.js, replication-worker.js
// (the worker threads' entry, beside the code that starts them, as in dist/cli) and their shared chunks;
// then its declarations in dist/types, re-exported by dist/lib/index.d.ts, the file package.json's
// `exports` names. Dependencies stay imports of the installed packages: the library is not a bin.
// Run after build-cli.mjs, which empties dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WORKER_ENTRY, commonOptions, root } from './esbuild-common.mjs';

rmSync(`${root}dist/lib`, { recursive: true, force: true });
rmSync(`${root}dist/types`, { recursive: true, force: true });
await build({
  ...commonOptions,
  entryPoints: { index: 'src/api/index.ts', ...WORKER_ENTRY },
  outdir: 'dist/lib',
  packages: 'external',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });
writeFileSync(`${root}dist/lib/index.d.ts`, "export * from '../types/api/index.js';\n");
