import { estimateRunSize, totalRunSize } from '../../analysis/run-size.js';
import { runSweep } from '../../analysis/sweep.js';
import { sweepGrid, sweepPointWarnings } from '../../api/sweep.js';
import { toJson } from '../../report/json.js';
import { renderSweepTable } from '../../report/sweep-table.js';
import { formatProblems } from '../../scenario/index.js';
import type { SweepArgs } from '../commands/sweep.js';
import { stdoutWantsColor, writeStderr, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Runs every point of the grid, prints the table and writes the sweep report. */
export async function handle(args: SweepArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  const { parameters, grid } = sweepGrid(scenario, args.vary);
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
  writeStdout(args.json ? toJson(result) : renderSweepTable(result, { color: stdoutWantsColor() }));
  if (!args.json)
    writeStderr(`${points} points in ${session.wallSeconds.toFixed(1)} s on ${session.threads} thread(s)`);
  if (args.report) {
    const { writeSweepReportAndSayWhere } = await import('../report-files.js');
    const dir = args.out ?? `reports/${scenario.name.replace(/[^A-Za-z0-9_.-]/g, '-')}-sweep`;
    await writeSweepReportAndSayWhere({ dir, sweep: result, description: scenario.description }, args.json);
  }
}
