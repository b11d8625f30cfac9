import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { planCapacity, planCapacityMulti } from '../../analysis/plan.js';
import { toJson } from '../../report/json.js';
import { renderMultiPlan, renderPlan } from '../../report/plan-text.js';
import { COMMAND_LINE, ScenarioError } from '../../scenario/index.js';
import * as msg from '../../scenario/messages.js';
import type { Scenario } from '../../scenario/types.js';
import { closestMatch } from '../../scenario/suggest.js';
import { EXIT_SLO_FAILED, writeStdout } from '../io.js';
import { loadScenario, overrideOptions, statisticsOptions, type OverrideArgs } from '../scenario-input.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { confirmRunSize, runSizeOptions, type RunSizeArgs } from '../run-size-gate.js';
import { chooseRunner, parallelTasks, workerCount } from './run.js';

interface PlanArgs extends OverrideArgs, RunSizeArgs {
  scenario: string;
  optimize?: string | string[];
  load?: string;
  json: boolean;
  workers?: string;
}

/** A command-line problem (exit code 2). */
export function commandLineError(path: string, message: string): ScenarioError {
  return new ScenarioError([{ file: COMMAND_LINE, line: 0, column: 0, path, message, severity: 'error' }]);
}

/** `--load x1.5` or `1.5` → 1.5. */
export function parseLoad(value: string | undefined): number {
  if (value === undefined) return 1;
  const factor = Number(value.trim().replace(/^x/, ''));
  if (Number.isFinite(factor) && factor > 0 && value.trim() !== '') return factor;
  throw commandLineError('--load', msg.expectedLoad(value));
}

/** The scenario must have SLOs to size against. */
export function requireSlos(scenario: Scenario): void {
  if ((scenario.slo ?? []).length === 0) throw commandLineError('slo', msg.planNeedsSlo());
}

/** `--optimize`, or the consumers of the first queue an SLO names. */
function optimisedPath(scenario: Scenario, optimize: string | undefined): string {
  const known = scenario.queues.flatMap((queue) => [
    `queues.${queue.name}.consumers`,
    `queues.${queue.name}.capacity`,
    // More replicas at the floor or the ceiling never make an autoscaled queue slower.
    ...(queue.autoscale ? [`queues.${queue.name}.autoscale.min`, `queues.${queue.name}.autoscale.max`] : []),
  ]);
  if (optimize === undefined) {
    const queue = scenario.slo?.find((slo) => slo.scope === 'queue')?.name;
    if (queue === undefined) throw commandLineError('--optimize', msg.planNeedsOptimize());
    return `queues.${queue}.consumers`;
  }
  if (!known.includes(optimize)) {
    throw commandLineError(
      '--optimize',
      msg.planPathUnsupported(optimize, known, closestMatch(optimize, known)),
    );
  }
  return optimize;
}

/** `queuesim plan <scenario>`: the smallest setting that meets every SLO. */
export const planCommand: CommandModule<object, PlanArgs> = {
  command: 'plan <scenario>',
  describe: 'Find the smallest number of consumers (or capacity) that meets every SLO',
  builder: (yargs: Argv) =>
    runSizeOptions(statisticsOptions(overrideOptions(yargs)))
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('optimize', {
        type: 'string',
        describe:
          'Parameter to size: queues.<name>.consumers (default: the first queue an SLO names) or .capacity; repeat it to size several at the least total cost (see cost: in the scenario)',
      })
      .option('load', { type: 'string', describe: 'Plan at this multiple of the written rates, e.g. x1.5' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: the number of cores)' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the plan as JSON on stdout',
      }) as unknown as Argv<PlanArgs>,
  handler: async (args: ArgumentsCamelCase<PlanArgs>) => {
    const scenario = await loadScenario(args.scenario, args);
    requireSlos(scenario);
    const given = args.optimize === undefined ? [undefined] : [args.optimize].flat();
    const paths = given.map((optimize) => optimisedPath(scenario, optimize));
    const twice = paths.find((path, i) => paths.indexOf(path) !== i);
    if (twice !== undefined) throw commandLineError('--optimize', msg.planPathTwice(twice));
    const load = parseLoad(args.load);
    // Each candidate is one study; the gate sees one (the scenario as given), a lower bound on the search.
    const timeBudgetSeconds = scenario.statistics?.timeBudgetSeconds ?? null;
    confirmRunSize(estimateRunSize(scenario), { yes: args.yes, quiet: args.quiet, timeBudgetSeconds });
    const workers = workerCount(args.workers);
    const runner = await chooseRunner(parallelTasks(scenario), workers);
    const startedAt = performance.now();
    try {
      if (paths.length === 1) {
        const plan = await planCapacity(scenario, { path: paths[0] }, { runner, load });
        const wallSeconds = (performance.now() - startedAt) / 1000;
        writeStdout(args.json ? toJson({ ...plan, wallSeconds }) : renderPlan(plan, wallSeconds));
        if (plan.recommended === null) process.exitCode = EXIT_SLO_FAILED;
      } else {
        const plan = await planCapacityMulti(scenario, paths, { runner, load, cost: scenario.cost });
        const wallSeconds = (performance.now() - startedAt) / 1000;
        writeStdout(args.json ? toJson({ ...plan, wallSeconds }) : renderMultiPlan(plan, wallSeconds));
        if (plan.recommended === null) process.exitCode = EXIT_SLO_FAILED;
      }
    } finally {
      await runner.close?.();
    }
  },
};
