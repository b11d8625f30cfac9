// Builds the command line as esbuild bundles in dist/cli:
// - main.js, the bin (ESM), which answers --version itself and loads the yargs program for anything else;
// - program.cjs, that program, every command behind it and the replication worker as one script, and
//   program.cache, V8's code cache of what a `run` compiles (src/cli/program-script.ts loads the two;
//   write-code-cache.js, run here, writes the cache). Each command's code still runs only when the
//   command does;
// - replication-worker.js, the worker threads' entry, which takes the replication worker from program.cjs.
// Type checking is `tsc --noEmit`, run before this by `npm run build`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { commonOptions, root } from './esbuild-common.mjs';
import { deferSegmenter } from './esbuild-defer-segmenter.mjs';

const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Bundled CommonJS dependencies (yaml's Node entry, cli-table3, …) call require(); an ESM file has none, so
// each output file gets one from createRequire, under names no bundled module uses.
const banner = [
  "import { createRequire as __queuesimCreateRequire } from 'node:module';",
  'const require = __queuesimCreateRequire(import.meta.url);',
].join('\n');

/** What every bundle of the command line shares (see each option's reason). */
const cliOptions = {
  ...commonOptions,
  outdir: 'dist/cli',
  // piscina finds its own worker file relative to its directory, so it loads from node_modules. The AsyncAPI
  // parser (~18 MB, with require()s of computed paths) loads from node_modules too, only for `import asyncapi`;
  // so do BullMQ and ioredis (require() of optional peers), only for `worker` and `--redis`.
  external: ['piscina', '@asyncapi/parser', 'bullmq', 'ioredis'],
  minify: true,
  // Minified names, unlike the library's: keeping them cost every start-up ~25 ms (a __name() call per
  // function and class, and the bytes to compile); nothing reads a function's name at run time.
  keepNames: false,
  // Node 20 knows the `v` flag and \p{…} escapes in regular expressions; left as literals, patterns such as
  // string-width's /^\p{RGI_Emoji}$/v are compiled on first use, where esbuild's lowering to `new RegExp(…)`
  // compiled them at load (~20 ms of every start-up).
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  plugins: [deferSegmenter],
};
// The version is known now; a bundle cannot find package.json relative to its own file.
const define = { QUEUESIM_VERSION: JSON.stringify(version) };

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...cliOptions,
  entryPoints: {
    main: 'src/cli/main.ts',
    'write-code-cache': 'src/cli/write-code-cache.ts',
    // The threads' entry takes the replication worker from program.cjs, as the bin takes the program.
    'replication-worker': 'src/cli/replication-worker-entry.ts',
  },
  banner: { js: banner },
  define: { ...define, QUEUESIM_PROGRAM_SCRIPT: 'true' },
});
await build({
  ...cliOptions,
  entryPoints: { program: 'src/cli/program-entry.ts' },
  splitting: false,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The script gets the bin's import.meta as a parameter (program-script.ts); a script has none of its own.
  define: { ...define, 'import.meta': '__queuesimImportMeta' },
  // import() of the packages left in node_modules becomes require(): a script compiled by node:vm has no
  // module loader for import() (each of them has a CommonJS entry).
  supported: { ...cliOptions.supported, 'dynamic-import': false },
});
chmodSync(`${root}dist/cli/main.js`, 0o755);
execFileSync(process.execPath, [`${root}dist/cli/write-code-cache.js`], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
