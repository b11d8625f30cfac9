import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** The src/ files `entry` loads before any command runs: its static imports, followed to the end. */
function staticImportClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import … from './x.js'` and `export … from './x.js'`, but not `import type` nor `import('…')`.
    for (const match of text.matchAll(/^(?:import|export)(?! type)[^;]*?from '(\.[^']+)'/gms)) {
      visit(resolve(dirname(file), match[1].replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen].map((file) => relative(srcRoot, file)).sort();
}

describe('queuesim start-up', () => {
  const loaded = staticImportClosure(resolve(srcRoot, 'cli/program.ts'));

  it('answers --version from the bin itself, before yargs and the command definitions load', () => {
    expect(staticImportClosure(resolve(srcRoot, 'cli/main.ts'))).toEqual([
      'cli/io.ts',
      'cli/main.ts',
      'cli/negative-values.ts',
    ]);
  });

  it('finds the command definitions (the closure is followed at all)', () => {
    expect(loaded).toContain('cli/commands/run.ts');
    expect(loaded).toContain('cli/shared-options.ts');
  });

  it('loads no simulator, analysis or report code for --help and --version', () => {
    const heavy = loaded.filter(
      (file) =>
        /^(model|engine|metrics|report|scenario|trace|import)\//.test(file) ||
        (file.startsWith('analysis/') &&
          !['analysis/run-size-limits.ts', 'analysis/fit/time-units.ts'].includes(file)),
    );
    expect(heavy).toEqual([]);
  });

  it('loads no handler module before its command runs', () => {
    expect(loaded.filter((file) => file.startsWith('cli/handlers/'))).toEqual([]);
  });
});
