/** A small network with two routes (a, and a → b for a quarter of the messages), run once at a fixed seed. */
import type { RunResult } from '../../src/model/run-result.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';

/** web → a, then a quarter on to b; constant service of 10 ms and 20 ms, so hardly any waiting. */
export const TWO_ROUTES_YAML = `name: r
seed: 2
duration: 300
producers: [{ name: web, to: a, rate: 5 }]
queues:
  - { name: a, service: { distribution: constant, value: 0.01 }, then: [{ to: b, probability: 0.25 }] }
  - { name: b, service: { distribution: constant, value: 0.02 } }
`;

/** The result of one run of scenario YAML text. */
export const runYaml = (text: string): RunResult => simulate(parseScenario(text, 'r.yaml').scenario).result;
