import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptForInlining } from './escape.js';

/** The minified browser builds the report inlines, in load order (vega-lite needs vega; vega-embed both). */
const BUNDLES = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;

let cached: string[] | undefined;

/**
 * The vega, vega-lite and vega-embed browser bundles, ready to inline (read once per process). The
 * packages' `exports` maps hide `build/*.min.js`, so each is found beside the package's resolved entry.
 */
export function chartLibraries(): string[] {
  cached ??= BUNDLES.map(([name, file]) => {
    const entry = fileURLToPath(import.meta.resolve(name));
    return scriptForInlining(readFileSync(join(dirname(entry), file), 'utf8'));
  });
  return cached;
}
