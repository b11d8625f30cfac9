// An esbuild plugin for the command line's bundle. string-width (behind yargs' help layout) builds an
// Intl.Segmenter when its module loads; that first use of ICU costs ~10 ms of every start-up, though only
// help text ever measures a width. The plugin makes that one statement build the segmenter on first use.
// The build fails if a string-width release no longer has the statement, so a dependency update cannot
// silently bring the cost back.
import { readFile } from 'node:fs/promises';

const EAGER = 'const segmenter = new Intl.Segmenter();';
const DEFERRED =
  'let builtSegmenter; const segmenter = { segment: (text) => (builtSegmenter ??= new Intl.Segmenter()).segment(text) };';

export const deferSegmenter = {
  name: 'defer-segmenter',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('new Intl.Segmenter')) return undefined; // string-width 4 has none
      if (source.split(EAGER).length !== 2) {
        throw new Error(
          `${path}: expected the statement "${EAGER}" once; update scripts/esbuild-defer-segmenter.mjs`,
        );
      }
      return { contents: source.replace(EAGER, DEFERRED), loader: 'js' };
    });
  },
};
