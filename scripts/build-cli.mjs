// Builds the command line as an esbuild bundle in dist/cli: main.js (the bin), replication-worker.js (the
// worker threads' entry) and the chunks they share. Code splitting keeps each command's handler, and the
// simulator and report code behind it, in chunks loaded only when that command runs, so `--version` and
// `--help` read a few small files. Type checking is `tsc --noEmit`, run before this by `npm run build`.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { WORKER_ENTRY, commonOptions, root } from './esbuild-common.mjs';
import { deferSegmenter } from './esbuild-defer-segmenter.mjs';

const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Bundled CommonJS dependencies (yaml's Node entry, cli-table3, …) call require(); an ESM file has none, so
// each output file gets one from createRequire, under names no bundled module uses.
const banner = [
  "import { createRequire as __queuesimCreateRequire } from 'node:module';",
  'const require = __queuesimCreateRequire(import.meta.url);',
].join('\n');

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  ...commonOptions,
  entryPoints: { main: 'src/cli/main.ts', ...WORKER_ENTRY },
  outdir: 'dist/cli',
  // piscina finds its own worker file relative to its directory, so it loads from node_modules. The AsyncAPI
  // parser (~18 MB, with require()s of computed paths) loads from node_modules too, only for `import asyncapi`;
  // so do BullMQ and ioredis (require() of optional peers), only for `worker` and `--redis`.
  external: ['piscina', '@asyncapi/parser', 'bullmq', 'ioredis'],
  banner: { js: banner },
  // The version is known now; a bundle cannot find package.json relative to its own file.
  define: { QUEUESIM_VERSION: JSON.stringify(version) },
  minify: true,
  // Minified names, unlike the library's: keeping them cost every start-up ~25 ms (a __name() call per
  // function and class, and the bytes to compile); nothing reads a function's name at run time.
  keepNames: false,
  // Node 20 knows the `v` flag and \p{…} escapes in regular expressions; left as literals, patterns such as
  // string-width's /^\p{RGI_Emoji}$/v are compiled on first use, where esbuild's lowering to `new RegExp(…)`
  // compiled them at load (~20 ms of every start-up).
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  plugins: [deferSegmenter],
});
chmodSync(`${root}dist/cli/main.js`, 0o755);
