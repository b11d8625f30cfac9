/** Inputs at scale and of odd kinds: many problems, repeated and merge keys, huge and non-regular files. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_PRINTED_PROBLEMS,
  ScenarioError,
  formatProblems,
  parseScenario,
  type ScenarioProblem,
} from '../../src/scenario/index.js';
import { MAX_SCENARIO_BYTES, loadScenarioFile } from '../../src/scenario/parse.js';
import * as msg from '../../src/scenario/messages.js';
import { problemsOf } from './helpers.js';

const TAIL = `producers:
  - { name: p, to: q, rate: 1/s }
duration: 10s
name: s
`;

/** A queue with `count` unknown keys, one per line from line 4. */
function manyUnknownKeys(count: number): string {
  const junk = Array.from({ length: count }, (_, i) => `    junk${i}: 1`).join('\n');
  return `queues:\n  - name: q\n    service: 100ms\n${junk}\n${TAIL}`;
}

describe('errors at scale', () => {
  it('locates every one of 20,000 unknown keys at its own line', () => {
    const problems = problemsOf(manyUnknownKeys(20_000));
    expect(problems).toHaveLength(20_000);
    expect(problems[0]).toMatchObject({ path: 'queues[0].junk0', line: 4, column: 5 });
    expect(problems[19_999]).toMatchObject({ path: 'queues[0].junk19999', line: 20_003, column: 5 });
  });

  it(`prints at most ${MAX_PRINTED_PROBLEMS} problems, then how many more`, () => {
    const problems = problemsOf(manyUnknownKeys(120));
    const lines = formatProblems(problems).split('\n');
    expect(lines).toHaveLength(MAX_PRINTED_PROBLEMS + 1);
    expect(lines[MAX_PRINTED_PROBLEMS]).toBe('... and 70 more (120 errors and 0 warnings in all)');
  });

  it('prints a short list in full', () => {
    const problems = problemsOf(manyUnknownKeys(3));
    expect(formatProblems(problems).split('\n')).toHaveLength(3);
  });
});

describe('repeated and merge keys', () => {
  it('refuses a repeated key at the repeat, in every mapping', () => {
    const problems = problemsOf(`queues:\n  - name: q\n    service: 1s\n    service: 2s\n${TAIL}name: t\n`);
    const at = (p: ScenarioProblem) => [p.line, p.column, p.message];
    expect(problems.map(at)).toEqual([
      [4, 5, msg.duplicateKey()],
      [9, 1, msg.duplicateKey()],
    ]);
  });

  it('applies YAML merge keys (<<), the later keys winning', () => {
    const { scenario } = parseScenario(
      `queues:
  - &base { name: a, consumers: 3, service: 100ms, capacity: 10 }
  - <<: *base
    name: b
    capacity: 20
producers:
  - { name: p, to: a, rate: 1/s }
duration: 10s
name: s
`,
      'merge.yaml',
    );
    expect(scenario.queues.map((q) => [q.name, q.consumers, q.capacity])).toEqual([
      ['a', 3, 10],
      ['b', 3, 20],
    ]);
  });
});

describe('scenario files that cannot be read sensibly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-robust-'));

  async function loadProblems(path: string): Promise<ScenarioProblem[]> {
    try {
      await loadScenarioFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).problems;
    }
    throw new Error('expected the file to be refused');
  }

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const [problem] = await loadProblems(fifo);
    expect(problem.message).toBe(msg.fileUnreadable(msg.notRegularFile()));
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n${manyUnknownKeys(0)}`);
    const [problem] = await loadProblems(big);
    expect(problem.message).toMatch(/^the scenario file is 10\.0 MB; the limit is 10 MB/);
  });

  it('refuses a trace file that is a FIFO, located at the trace key', async () => {
    execFileSync('mkfifo', [join(dir, 'arrivals.csv')]);
    const file = join(dir, 'trace.yaml');
    writeFileSync(
      file,
      `name: t\nduration: 10s\nqueues:\n  - { name: q, service: 10ms }\nproducers:\n  - name: p\n    to: q\n    trace: { file: arrivals.csv }\n`,
    );
    const problems = await loadProblems(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, path: 'producers[0].trace.file' });
    expect(problems[0].message).toContain(msg.notRegularFile());
  });
});
