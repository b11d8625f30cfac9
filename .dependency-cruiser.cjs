// @ts-check
/**
 * The layer order of docs/architecture.md, checked on resolved imports at any folder depth (a path pattern
 * in eslint only sees `../x/` and `../../x/`). Run by `npm run lint` as `depcruise src`;
 * test/architecture/boundaries.test.ts checks on a fixture tree that a deep forbidden import and a cycle
 * are still reported, so these rules cannot silently stop working.
 */
const path = require('node:path');

/** Folders under src/ each layer may NOT import (imports point down: cli → api → report → analysis → scenario/model → metrics/engine/trace). */
const forbiddenBelow = {
  trace: ['cli', 'api', 'import', 'report', 'analysis', 'scenario', 'model', 'metrics', 'engine'],
  engine: ['cli', 'api', 'import', 'report', 'analysis', 'scenario', 'model', 'metrics'],
  metrics: ['cli', 'api', 'import', 'report', 'analysis', 'scenario', 'model', 'engine'],
  scenario: ['cli', 'api', 'import', 'report', 'analysis', 'model', 'metrics', 'engine'],
  model: ['cli', 'api', 'report', 'analysis'],
  analysis: ['cli', 'api', 'report'],
  report: ['cli', 'api'],
  // The library (`import … from 'queuesim'`) sits under the command line, which calls it; it prints nothing.
  api: ['cli'],
  // Importers sit beside scenario/: they write scenario text from other tools' files and run nothing.
  import: ['cli', 'api', 'report', 'analysis', 'model', 'metrics', 'engine', 'trace'],
};

/** Leaves every layer may read; they import nothing of ours outside themselves. */
const leaves = ['math', 'results'];

const layerRules = Object.entries(forbiddenBelow).map(([layer, forbidden]) => ({
  name: `layer-${layer}`,
  severity: 'error',
  comment: `src/${layer} may not import src/{${forbidden.join(',')}}: imports point down the layers (docs/architecture.md).`,
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
}));

const leafRules = leaves.map((leaf) => ({
  name: `leaf-${leaf}`,
  severity: 'error',
  comment: `src/${leaf} is a leaf: everything may import it, it imports nothing of ours outside itself.`,
  from: { path: `^src/${leaf}/` },
  to: { path: '^src/', pathNot: `^src/${leaf}/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports are bugs: each stage must be testable alone and load in a fixed order.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    ...leafRules,
    {
      name: 'report-reads-result-types',
      severity: 'error',
      comment:
        'report/ formats results it is given: from model/, metrics/, analysis/ and results/ it imports types only (import type), never code that runs.',
      from: { path: '^src/report/' },
      to: { path: '^src/(model|metrics|analysis|engine|results)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'results-are-types',
      severity: 'error',
      comment: 'src/results holds plain result types: import them with `import type`.',
      from: { path: '^src/' },
      to: { path: '^src/results/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'model-reads-scenario-types',
      severity: 'error',
      comment:
        'model/ builds from a validated Scenario: it imports scenario types only, plus the shared size limits (scenario/limits.ts) and the topic pattern matcher (scenario/topic-pattern.ts).',
      from: { path: '^src/model/' },
      to: {
        path: '^src/scenario/',
        pathNot: '^src/scenario/(limits|topic-pattern)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-command-imports',
      severity: 'error',
      comment:
        'CLI commands are leaves: a definition (commands/) imports no other definition and no handler; what two commands share lives in src/cli/, not in one of them.',
      from: { path: '^src/cli/commands/' },
      to: { path: '^src/cli/(commands|handlers)/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'no-handler-imports',
      severity: 'error',
      comment:
        'A handler runs one command: it may read its own definition (commands/<same name>), never another command or handler.',
      from: { path: '^src/cli/handlers/([^/]+)\\.ts$' },
      to: { path: '^src/cli/(commands|handlers)/', pathNot: '^src/cli/(commands/$1|handlers/$1)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle or a wrong-way import through `import type` is still a wrong way.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
