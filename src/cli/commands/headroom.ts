import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { findHeadroom } from '../../analysis/headroom.js';
import { renderHeadroom } from '../../report/headroom-text.js';
import { toJson } from '../../report/json.js';
import { writeStdout } from '../io.js';
import { loadScenario, overrideOptions, statisticsOptions, type OverrideArgs } from '../scenario-input.js';
import { requireSlos } from './plan.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { confirmRunSize, runSizeOptions, type RunSizeArgs } from '../run-size-gate.js';
import { chooseRunner, parallelTasks, workerCount } from './run.js';

interface HeadroomArgs extends OverrideArgs, RunSizeArgs {
  scenario: string;
  json: boolean;
  workers?: string;
}

/** `queuesim headroom <scenario>`: the largest load multiplier at which every SLO still passes. */
export const headroomCommand: CommandModule<object, HeadroomArgs> = {
  command: 'headroom <scenario>',
  describe: 'Find how much more traffic the configuration takes before an SLO breaks, and which one',
  builder: (yargs: Argv) =>
    runSizeOptions(statisticsOptions(overrideOptions(yargs)))
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('workers', { type: 'string', describe: 'Worker threads (default: the number of cores)' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the result as JSON on stdout',
      }) as unknown as Argv<HeadroomArgs>,
  handler: async (args: ArgumentsCamelCase<HeadroomArgs>) => {
    const scenario = await loadScenario(args.scenario, args);
    requireSlos(scenario);
    // Each candidate is one study; the gate sees one (the scenario as given), a lower bound on the search.
    const timeBudgetSeconds = scenario.statistics?.timeBudgetSeconds ?? null;
    confirmRunSize(estimateRunSize(scenario), { yes: args.yes, quiet: args.quiet, timeBudgetSeconds });
    const workers = workerCount(args.workers);
    const runner = await chooseRunner(parallelTasks(scenario), workers);
    const startedAt = performance.now();
    try {
      const headroom = await findHeadroom(scenario, { runner });
      const wallSeconds = (performance.now() - startedAt) / 1000;
      writeStdout(args.json ? toJson({ ...headroom, wallSeconds }) : renderHeadroom(headroom, wallSeconds));
    } finally {
      await runner.close?.();
    }
  },
};
