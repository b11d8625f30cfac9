/**
 * The README's structure, without running anything: its generated blocks are well formed, its examples
 * table names exactly the shipped scenarios, and the helpers of `npm run docs` parse what they must.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commandArgs,
  exampleFiles,
  excerpt,
  expectedStatus,
  findBlocks,
  normaliseOutput,
  renderBody,
  replaceBlocks,
  shownCommand,
} from '../../scripts/docs/readme-blocks.js';
import { examplesTable, npmScript, queuesimArgs, shCommands } from '../../scripts/docs/readme-commands.js';
import { projectRoot } from '../helpers/cli.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

describe('the README examples table', () => {
  it('names every shipped scenario, and only those', () => {
    const shipped = readdirSync(join(projectRoot, 'scenarios'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `scenarios/${name}`)
      .sort();
    const listed = examplesTable(readme);
    expect(listed.length, 'a scenario is listed twice').toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(shipped);
  });

  it('is read from its first column, up to the end of the table', () => {
    const text =
      'Shipped examples:\n\n| scenario | what |\n| --- | --- |\n| `scenarios/a.yaml` | x |\n\nAfter\n| `b` |';
    expect(examplesTable(text)).toEqual(['scenarios/a.yaml']);
  });
});

describe('the README generated blocks', () => {
  it('are well formed: each block is a text fence that starts with its own command', () => {
    const blocks = findBlocks(readme);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      expect(
        block.body.startsWith(`\n\`\`\`text\n$ npx queuesim ${shownCommand(block.command)}\n`),
        `line ${block.line}`,
      ).toBe(true);
      expect(block.body.endsWith('\n```\n\n'), `line ${block.line}`).toBe(true);
    }
  });

  it('are replaced in place, leaving the text around them', () => {
    const text =
      'a\n<!-- docs:run x.yaml -->\nold\n<!-- /docs -->\nb\n<!-- docs:estimate y.yaml -->\nold\n<!-- /docs -->\n';
    const blocks = findBlocks(text);
    expect(blocks.map((block) => block.command)).toEqual(['run x.yaml', 'estimate y.yaml']);
    const out = replaceBlocks(text, blocks, [
      renderBody('run x.yaml', 'one\n'),
      renderBody('estimate y.yaml', 'two'),
    ]);
    expect(out).toBe(
      'a\n<!-- docs:run x.yaml -->\n\n```text\n$ npx queuesim run x.yaml\none\n```\n\n<!-- /docs -->\nb\n' +
        '<!-- docs:estimate y.yaml -->\n\n```text\n$ npx queuesim estimate y.yaml\ntwo\n```\n\n<!-- /docs -->\n',
    );
    expect(findBlocks(out).map((block) => block.command)).toEqual(['run x.yaml', 'estimate y.yaml']);
  });

  it('refuses a marker without its end', () => {
    expect(() =>
      findBlocks('<!-- docs:run a.yaml -->\ntext\n<!-- docs:run b.yaml -->\n<!-- /docs -->'),
    ).toThrow(/README.md:1: .* has no <!-- \/docs -->/);
  });

  it('are all checked: a marker that would make the test skip a block (docs-slow) is refused', () => {
    expect(() => findBlocks('a\n<!-- docs-slow:plan x.yaml -->\n```text\n```\n<!-- /docs -->\n')).toThrow(
      /README.md:2: <!-- docs-slow:plan x.yaml --> is not a block marker/,
    );
  });

  it('are compared ignoring only the report path, wall time, speed and time of day', () => {
    const a =
      'x 1.5s\n  4 evaluations (analytic start 6), 20.5 s\nqueuesim: 50.0% done · ETA 1s\nReport: a/b.html\nat 12:00:01';
    const b = 'x 1.5s\n  4 evaluations (analytic start 6), 54.6 s\nReport: c/d.html\nat 18:03:59';
    expect(normaliseOutput(a)).toBe(normaliseOutput(b));
    expect(normaliseOutput('about 3M events in 5 runs, ~2min at 1.2M events/s')).toBe(
      normaliseOutput('about 3M events in 5 runs, ~40s at 1 million events/s'),
    );
    // A simulated figure is never ignored.
    expect(normaliseOutput('x 1.5s\n  4 evaluations')).not.toBe(normaliseOutput('x 1.6s\n  4 evaluations'));
    expect(normaliseOutput('14 evaluations, 3.0 s')).not.toBe(normaliseOutput('13 evaluations, 3.0 s'));
  });

  it('show one table of the output when the marker asks for an excerpt', () => {
    const output = [
      'title',
      '┌─┐',
      '│ queue │',
      '└─┘',
      '┌─┐',
      '│ SLO │ max │',
      '├─┤',
      '│ a │ 1 │',
      '└─┘',
      'after',
    ];
    const command = 'run a.yaml --duration 5m | table SLO';
    expect(shownCommand(command)).toBe('run a.yaml --duration 5m');
    expect(commandArgs(command)).toEqual(['run', 'a.yaml', '--duration', '5m']);
    expect(excerpt(command, output.join('\n'))).toBe(output.slice(4, 9).join('\n'));
    expect(excerpt('run a.yaml', 'all\nof it')).toBe('all\nof it');
    expect(() => excerpt('run a.yaml | table nothing', output.join('\n'))).toThrow(/no table with "nothing"/);
  });

  it('show a documented exit code, and the example files the README defines', () => {
    const command = 'run orders.yaml | exits 2';
    expect(expectedStatus(command)).toBe(2);
    expect(expectedStatus('run a.yaml | table SLO')).toBe(0);
    expect(commandArgs(command)).toEqual(['run', 'orders.yaml']);
    expect(renderBody(command, 'orders.yaml:2:11  error\n', 2)).toBe(
      '\n```text\n$ npx queuesim run orders.yaml\norders.yaml:2:11  error\n$ echo $?\n2\n```\n\n',
    );
    const text = '```yaml\n# orders.yaml\nname: orders\n```\n```yaml\nname: other\n```\n';
    expect(exampleFiles(text)).toEqual([{ name: 'orders.yaml', text: 'name: orders\n' }]);
    expect(exampleFiles(readme).map((file) => file.name)).toContain('orders.yaml');
  });

  it('split a marker command into the CLI arguments', () => {
    expect(commandArgs('fit a.csv  --column x --unit ms')).toEqual([
      'fit',
      'a.csv',
      '--column',
      'x',
      '--unit',
      'ms',
    ]);
  });
});

describe('the README sh blocks', () => {
  it('parse into commands, with comments, continuations and documented exit codes', () => {
    const text = [
      '```sh',
      'npx queuesim run a.yaml   # the report',
      '# only a comment',
      'npx queuesim plan b.yaml \\',
      '  --load x9 # exits 1',
      '```',
      '```text',
      '$ npx queuesim ignored',
      '```',
      '```sh',
      'npm run build',
      '```',
    ].join('\n');
    expect(
      shCommands(text).map(({ text, expectedStatus, line }) => ({ text, expectedStatus, line })),
    ).toEqual([
      { text: 'npx queuesim run a.yaml', expectedStatus: 0, line: 2 },
      { text: 'npx queuesim plan b.yaml --load x9', expectedStatus: 1, line: 4 },
      { text: 'npm run build', expectedStatus: 0, line: 11 },
    ]);
    expect(queuesimArgs(['npx', 'queuesim', 'run', 'a.yaml'])).toEqual(['run', 'a.yaml']);
    expect(queuesimArgs(['queuesim', 'estimate'])).toEqual(['estimate']);
    expect(queuesimArgs(['npm', 'test'])).toBeNull();
    expect(npmScript(['npm', 'run', 'docs'])).toBe('docs');
    expect(npmScript(['npm', 'test'])).toBe('test');
  });

  it('name only programs the README test knows how to run (queuesim and npm)', () => {
    for (const command of shCommands(readme)) {
      const known = queuesimArgs(command.words) !== null || npmScript(command.words) !== null;
      expect(known, `README.md:${command.line}: ${command.text}`).toBe(true);
    }
  });
});
