/**
 * Every shipped example in `scenarios/` is checked against the published JSON Schema (what an editor
 * sees), loaded by queuesim without warnings, and run, with sane and conserved results.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simulate } from '../src/model/simulate.js';
import { loadScenarioFile } from '../src/scenario/index.js';
import { expectConserved } from './helpers/conservation.js';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const schemaPath = new URL('../schema/scenario.schema.json', import.meta.url);
const files = (await readdir(scenariosDir)).filter((name) => name.endsWith('.yaml')).sort();

describe('shipped scenarios', async () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')));

  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of files) {
    it(`${name} is valid, loads without warnings and runs with conserved messages`, async () => {
      const path = `${scenariosDir}${name}`;
      const valid = validate(parse(await readFile(path, 'utf8')));
      expect(validate.errors ?? [], 'JSON Schema errors').toEqual([]);
      expect(valid).toBe(true);

      const { scenario, warnings } = await loadScenarioFile(path);
      expect(warnings).toEqual([]);
      const { result } = simulate({ ...scenario, durationSeconds: Math.min(scenario.durationSeconds, 600) });
      for (const [name, queue] of Object.entries(result.queues)) {
        expect(queue.arrivals, `arrivals at ${name}`).toBeGreaterThan(0);
        expectConserved(name, queue);
      }
    });
  }

  it('the JSON Schema rejects what queuesim rejects: an unknown key and a bad distribution', () => {
    const base = {
      name: 'x',
      duration: '1m',
      producers: [{ name: 'p', to: 'q', rate: '5/s' }],
      queues: [{ name: 'q', service: { distribution: 'lognormal', mean: '5ms', cv: 1 } }],
    };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, capacty: 3 })).toBe(false);
    const badDistribution = {
      ...base,
      queues: [{ name: 'q', service: { distribution: 'lognormal', mean: '5ms', sd: 1 } }],
    };
    expect(validate(badDistribution)).toBe(false);
  });
});
