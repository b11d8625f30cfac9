/** The queuesim command line on yargs: every command, its help and the exit code of each failure. */
import yargs, { type Argv } from 'yargs';
import { lazyCommand } from './command-definition.js';
import { compareCommand } from './commands/compare.js';
import { estimateCommand } from './commands/estimate.js';
import { fitCommand } from './commands/fit.js';
import { headroomCommand } from './commands/headroom.js';
import { importCommand } from './commands/import.js';
import { kedaCommand } from './commands/import-keda.js';
import { mergeCommand } from './commands/merge.js';
import { rabbitmqCommand } from './commands/import-rabbitmq.js';
import { asyncapiCommand } from './commands/import-asyncapi.js';
import { planCommand } from './commands/plan.js';
import { runCommand } from './commands/run.js';
import { sweepCommand } from './commands/sweep.js';
import { workerCommand } from './commands/worker.js';
import {
  EXIT_BAD_INPUT,
  EXIT_CODES_HELP,
  EXIT_INTERNAL,
  handleClosedStdout,
  packageVersion,
  writeStderr,
} from './io.js';

/** An error no handler expected: one paragraph on stderr (the stack only with QUEUESIM_DEBUG), exit 70. */
function reportInternalError(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  writeStderr(
    `queuesim: internal error: ${detail}\nThis is a bug in queuesim; please report it with the scenario file.`,
  );
  if (process.env.QUEUESIM_DEBUG && error instanceof Error) writeStderr(error.stack ?? '');
  process.exitCode = EXIT_INTERNAL;
}

/** The part of yargs' usage object this file reaches into: not in its published types. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance(): { cacheHelpMessage?: () => void } };
}

/**
 * yargs renders a command's whole help text right after starting its handler, only to print it should the
 * handler fail; queuesim never prints help for a failure, and that rendering took a tenth of the CPU time
 * of `run` on a 1-second scenario. `--help` still renders the help when asked.
 */
function withoutHelpCaching(program: Argv): Argv {
  const usage = (program as unknown as YargsInternals).getInternalMethods?.().getUsageInstance();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => undefined;
  return program;
}

/** Runs the queuesim command line on `argv` (without node and the script), printing and setting the exit code. */
export async function runProgram(argv: string[]): Promise<void> {
  handleClosedStdout();
  // An error thrown outside the command's promise (a timer, a stream) still exits 70, not Node's 1.
  process.on('uncaughtException', (error) => {
    reportInternalError(error);
    process.exit(EXIT_INTERNAL);
  });
  try {
    await withoutHelpCaching(yargs(argv))
      .scriptName('queuesim')
      .usage('$0 <command> [options]')
      // Each handler module (and the simulator behind it) loads only when its command runs.
      .command(lazyCommand(runCommand, () => import('./handlers/run.js')))
      .command(lazyCommand(estimateCommand, () => import('./handlers/estimate.js')))
      .command(lazyCommand(sweepCommand, () => import('./handlers/sweep.js')))
      .command(lazyCommand(compareCommand, () => import('./handlers/compare.js')))
      .command(lazyCommand(planCommand, () => import('./handlers/plan.js')))
      .command(lazyCommand(headroomCommand, () => import('./handlers/headroom.js')))
      .command(lazyCommand(fitCommand, () => import('./handlers/fit.js')))
      .command(lazyCommand(mergeCommand, () => import('./handlers/merge.js')))
      .command(lazyCommand(workerCommand, () => import('./handlers/worker.js')))
      .command(
        importCommand((formats) =>
          formats
            .command(lazyCommand(kedaCommand, () => import('./handlers/import-keda.js')))
            .command(lazyCommand(rabbitmqCommand, () => import('./handlers/import-rabbitmq.js')))
            .command(lazyCommand(asyncapiCommand, () => import('./handlers/import-asyncapi.js'))),
        ),
      )
      .demandCommand(
        1,
        'Name a command: run, estimate, sweep, compare, plan, headroom, fit, merge, worker or import (queuesim <command> <scenario.yaml>)',
      )
      .strict()
      .version(packageVersion())
      .help()
      .epilogue(EXIT_CODES_HELP)
      .wrap(Math.min(110, process.stdout.columns ?? 110))
      .fail((message, error) => {
        if (error) throw error; // a failure inside a handler: reported below
        writeStderr(`queuesim: ${message}\nRun 'queuesim --help' for usage.`);
        process.exit(EXIT_BAD_INPUT);
      })
      .parseAsync();
  } catch (error) {
    const { explainFailure } = await import('./command-failure.js');
    const failure = explainFailure(error);
    if (failure !== null) {
      writeStderr(failure.message);
      process.exitCode = failure.exitCode;
      return;
    }
    reportInternalError(error);
  }
}
