import { estimateRunSize, totalRunSize } from '../../analysis/run-size.js';
import { runSweep } from '../../analysis/sweep.js';
import { readFile } from 'node:fs/promises';
import { sweepGrid, sweepPointWarnings } from '../../api/sweep.js';
import { formatProblems, type Scenario } from '../../scenario/index.js';
import type { SweepArgs } from '../commands/sweep.js';
import { writeStderr } from '../io.js';
import { runShardUnits, studyTasks, writeShardPart } from '../run-shard.js';
import { loadScenario } from '../scenario-input.js';
import { resolveShard, shardUnits, type Shard } from '../shard.js';
import { parallelTasks, runStudySession } from '../study-session.js';
import { presentSweep } from '../sweep-output.js';

/** Runs every point of the grid, prints the table and writes the sweep report. */
export async function handle(args: SweepArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  const { parameters, grid } = sweepGrid(scenario, args.vary);
  const shard = resolveShard(args);
  if (shard !== null) return runShard(scenario, args, shard, grid);
  const points = grid.length;
  const pointWarnings = sweepPointWarnings(scenario, grid, args.scenario).flatMap(
    ({ settings, warnings }) => {
      const at = Object.entries(settings)
        .map(([path, value]) => `${path} = ${value}`)
        .join(', ');
      return warnings.map((warning) => `at ${at}: ${formatProblems([warning])}`);
    },
  );
  if (pointWarnings.length > 0) writeStderr(pointWarnings.join('\n'));
  const size = totalRunSize(grid.map((point) => estimateRunSize(point.scenario)));
  const session = await runStudySession(
    {
      args,
      size,
      timeBudgetSeconds: scenario.statistics?.timeBudgetSeconds ?? null,
      tasks: points * parallelTasks(scenario),
      progress: { runSeconds: scenario.warmupSeconds + scenario.durationSeconds, events: size.events },
    },
    (runner, bar) =>
      runSweep(scenario, parameters, {
        runner,
        onProgress: (done, total) => bar.update({ phase: 'sweep points', done, total }),
      }),
  );
  const { result } = session.value;
  await presentSweep(scenario, args, result, () => {
    if (!args.json)
      writeStderr(`${points} points in ${session.wallSeconds.toFixed(1)} s on ${session.threads} thread(s)`);
  });
}

/** Runs this shard's share of every point's tasks and writes them to the part file. */
async function runShard(scenario: Scenario, args: SweepArgs, shard: Shard, grid: SweepGrid): Promise<void> {
  const tasks = grid.flatMap((point) => studyTasks(point.scenario));
  const mine = shardUnits(tasks.length, shard).length;
  const size = totalRunSize(grid.map((point) => estimateRunSize(point.scenario)));
  const session = await runStudySession(
    {
      args,
      size: { ...size, events: (size.events * mine) / Math.max(1, tasks.length) },
      timeBudgetSeconds: null,
      tasks: Math.max(1, mine),
    },
    (runner) => runShardUnits(tasks, shard, runner),
  );
  await writeShardPart({
    header: {
      command: 'sweep',
      scenarioPath: args.scenario,
      scenarioText: await readFile(args.scenario, 'utf8'),
      scenario,
      args,
      shard,
      units: tasks.length,
    },
    part: args.part as string,
    quiet: args.quiet,
    payload: scenario,
    outcomes: session.value,
  });
}

type SweepGrid = ReturnType<typeof sweepGrid>['grid'];
