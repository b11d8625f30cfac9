// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports point down the module list in ARCHITECTURE.md only: cli → report → analysis → scenario/model → metrics/engine/trace. */
const layers = {
  trace: ['cli', 'import', 'report', 'analysis', 'scenario', 'model', 'metrics', 'engine'],
  engine: ['cli', 'import', 'report', 'analysis', 'scenario', 'model', 'metrics'],
  metrics: ['cli', 'import', 'report', 'analysis', 'scenario', 'model', 'engine'],
  scenario: ['cli', 'import', 'report', 'analysis', 'model', 'metrics', 'engine'],
  model: ['cli', 'report', 'analysis'],
  analysis: ['cli', 'report'],
  report: ['cli'],
  // Importers sit beside scenario/: they write scenario text from other tools' files and run nothing.
  import: ['cli', 'report', 'analysis', 'model', 'metrics', 'engine', 'trace'],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(layers).map(([layer, forbidden]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `../${other}`, `../../${other}`],
            message: `src/${layer} may not import src/${other} (see ARCHITECTURE.md: imports point down the module list).`,
          })),
        },
      ],
    },
  })),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
