// What the command line's bundles (build-cli.mjs) and the library's (build-lib.mjs) build alike: ESM for
// Node 20 with code splitting (the command line's program script overrides both). Chunks sit beside the
// entries, so a chunk's `import.meta.url` finds replication-worker.js beside it.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The library's worker entry (the command line's is src/cli/replication-worker-entry.ts). */
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
