import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastYamlData } from '../../src/scenario/fast-yaml.js';
import { parseScenario } from '../../src/scenario/index.js';

const root = join(import.meta.dirname, '..', '..');

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(root, folder, name));
}

// Not bench/generated/: the bench's large networks, git-ignored, would make the mutation fuzz take minutes.
const benchFiles = yamlFilesUnder('bench').filter((file) => !file.includes(join('bench', 'generated')));
const files = [...yamlFilesUnder('scenarios'), ...yamlFilesUnder('test'), ...benchFiles];
const texts = files.map((file) => readFileSync(file, 'utf8'));

/**
 * The property the parser relies on: whatever the fast read returns is exactly what the Document
 * (with the parser's options) gives, and the Document finds nothing to say about that text.
 */
function expectFastReadAgrees(text: string): boolean {
  const fast = fastYamlData(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: false });
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  expect(doc.warnings.map((warning) => warning.message)).toEqual([]);
  expect(fast.value).toEqual(doc.toJS());
  return true;
}

describe('fastYamlData', () => {
  it('agrees with the Document on every YAML file in the repository, and reads most of them', () => {
    const fastCount = texts.filter((text) => expectFastReadAgrees(text)).length;
    // Not vacuous: the plain files (most of them) take the fast path.
    expect(fastCount).toBeGreaterThanOrEqual(Math.ceil(texts.length / 2));
  });

  it('never accepts a mutated file the Document refuses or reads differently', () => {
    // Mutations aimed at where YAML readers differ: indicators, quotes, indentation, flow collections.
    const pieces = [
      ' ',
      '  ',
      '\t',
      '\n',
      ':',
      ': ',
      '- ',
      '"',
      "'",
      '#',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\\',
      '0x1F',
      '1e3',
      '.inf',
      '~',
      'null',
      'yes',
      '0o17',
      '+12',
      '-.5',
      '@',
      '`',
      '%',
      '=',
      '|',
      '>',
      '|-',
      '? ',
      '&a ',
      '*a',
      '!',
      '<<: ',
      '---',
      '...',
      '\r\n',
    ];
    const mutation = fc.record({
      file: fc.nat({ max: texts.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 6 }),
      insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }),
    });
    let accepted = 0;
    fc.assert(
      fc.property(mutation, ({ file, at, cut, insert }) => {
        const text = texts[file]!;
        const position = Math.floor(at * text.length);
        const mutated = text.slice(0, position) + insert.join('') + text.slice(position + cut);
        if (expectFastReadAgrees(mutated)) accepted += 1;
      }),
      { seed: 20261204, numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('leaves to the Document what two readers may read differently', () => {
    const slow = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: |\n  text\n', // block scalars
      'a: >-\n  text\n',
      '? a\n: 1\n', // explicit keys
      '[a, b]: 1\n', // flow-collection keys
      '<<: {a: 1}\n', // merge keys
      '%YAML 1.2\n---\na: 1\n', // directives
      'a: 1\n---\nb: 2\n', // several documents
      'null: 1\n', // keys YAML does not read as strings
      '~: 1\n',
      '1.0: x\n',
      '0x10: x\n',
      'true: x\n',
      'a:\n  __proto__: 1\n',
      'a: 1\na: 2\n', // repeated keys (the Document's check reports them)
      '', // empty
    ];
    for (const text of slow) expect(fastYamlData(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads plain text with comments that mention indicators', () => {
    const text = '# routing & retries | see *docs*\nname: x # a > b\nrate: 50/s\nlist: [1, 2]\n';
    expect(fastYamlData(text)).toEqual({ value: { name: 'x', rate: '50/s', list: [1, 2] } });
  });
});

describe('parseScenario: the fast read changes nothing', () => {
  const scenarioFiles = yamlFilesUnder('scenarios').filter((file) => !file.includes('/imports/'));

  it('gives the same scenario as the Document path for every shipped scenario', () => {
    let fastCount = 0;
    for (const file of scenarioFiles) {
      const text = readFileSync(file, 'utf8');
      if (fastYamlData(text) !== undefined) fastCount += 1;
      // A directive forces the Document path; it changes no value.
      const viaDocument = parseScenario(`%YAML 1.2\n---\n${text}`, file);
      expect(parseScenario(text, file), file).toEqual(viaDocument);
    }
    expect(fastCount).toBeGreaterThan(0);
  });

  it('reports a problem at its line and column when the fast read succeeded', () => {
    const text =
      'name: x\nduration: 10s\nproducers:\n  - { name: p, to: q, rate: 5/s }\nqueues:\n  - name: q\n    consumers: -1\n';
    expect(fastYamlData(text)).toBeDefined();
    expect(() => parseScenario(text, 'bad.yaml')).toThrow(/bad\.yaml:7:\d+/);
  });
});
