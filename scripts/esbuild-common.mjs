// What the command line's bundle (build-cli.mjs) and the library's (build-lib.mjs) build alike: ESM for
// Node 20 with code splitting, and the replication worker as a second entry. Chunks sit beside the
// entries, so a chunk's `import.meta.url` finds replication-worker.js beside it.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const WORKER_ENTRY = { 'replication-worker': 'src/api/replication-worker.ts' };

export const commonOptions = {
  absWorkingDir: root,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  keepNames: true,
  logLevel: 'warning',
};
