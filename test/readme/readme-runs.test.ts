/**
 * The README against the built command line (`dist/`, as `npx queuesim` runs it): every generated output
 * block is what `npm run docs` would write now (ignoring only the report path, wall time, speed and time of
 * day), and every command of its ```sh blocks exits as documented. Each distinct command runs once, in a
 * scratch folder that links the shipped scenarios. Every block runs (the README shows slow commands with
 * flags that make them quick); a command whose README comment says `tested with <args>` runs with those
 * arguments added (a shorter run).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commandArgs,
  exampleFiles,
  expectedStatus,
  findBlocks,
  normaliseOutput,
  renderBody,
} from '../../scripts/docs/readme-blocks.js';
import { npmScript, queuesimArgs, shCommands } from '../../scripts/docs/readme-commands.js';
import { makeSandbox, runQueuesim, type CommandOutcome } from '../../scripts/docs/run-cli.js';
import { projectRoot } from '../helpers/cli.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const packageScripts = (
  JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const sandbox = makeSandbox(exampleFiles(readme));
const outcomes = new Map<string, CommandOutcome>();

/** The outcome of `queuesim …args`, run once per distinct command line. */
function queuesim(args: string[]): CommandOutcome {
  const key = args.join(' ');
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = runQueuesim(args, sandbox);
    outcomes.set(key, outcome);
  }
  return outcome;
}

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('README output blocks', () => {
  for (const block of findBlocks(readme)) {
    it(`README.md:${block.line}: queuesim ${block.command}`, () => {
      const { status, output } = queuesim(commandArgs(block.command));
      expect(status, output).toBe(expectedStatus(block.command));
      const fresh = renderBody(block.command, output, status ?? -1);
      expect(normaliseOutput(block.body), 'the README block is stale: run `npm run docs`').toBe(
        normaliseOutput(fresh),
      );
    });
  }
});

describe('README commands', () => {
  const commands = shCommands(readme);

  it('include the main job: running a shipped example, which writes its report', () => {
    const main = commands.find(
      (command) => command.text === 'npx queuesim run scenarios/user-registered.yaml',
    );
    expect(main, 'the quick start runs scenarios/user-registered.yaml').toBeDefined();
    expect(queuesim(queuesimArgs(main!.words)!).status).toBe(0);
    expect(existsSync(join(sandbox, 'reports/user-registered/report.html'))).toBe(true);
  });

  for (const command of commands) {
    const args = queuesimArgs(command.words);
    const script = npmScript(command.words);
    const expected = command.expectedStatus;
    if (args) {
      it(`README.md:${command.line}: ${command.text} exits ${expected}`, () => {
        const { status, output } = queuesim([...args, ...command.testedWith]);
        expect(status, output).toBe(expected);
      });
    } else if (script) {
      // npm's own commands are not run here (`npm test` would run this suite, `npm ci` reinstall):
      // the script each names must exist.
      it(`README.md:${command.line}: ${command.text} names an npm command that exists`, () => {
        expect(script === 'ci' || script === 'install' || script in packageScripts, script).toBe(true);
      });
    }
  }
});
