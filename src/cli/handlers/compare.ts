import { compareScenarios } from '../../analysis/compare.js';
import { estimateReplications, totalRunSize } from '../../analysis/run-size.js';
import { renderCompareTable } from '../../report/compare-table.js';
import { toJson } from '../../report/json.js';
import { ScenarioError } from '../../scenario/index.js';
import { compareNeedsFixedWarmup, compareNeedsTwo } from '../../scenario/messages.js';
import { withVariants } from '../../scenario/parameters.js';
import type { Scenario } from '../../scenario/types.js';
import { commandLineError, parseWholeNumber } from '../command-line.js';
import { DEFAULT_COMPARE_REPLICATIONS, type CompareArgs } from '../commands/compare.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';
import { runStudySession } from '../study-session.js';

/**
 * Runs the scenarios (and variants) as pairs with common random numbers, prints the differences and
 * writes the compare report.
 */
export async function handle(args: CompareArgs): Promise<void> {
  const { replications: flag, ...overrides } = args;
  const loaded = await Promise.all(args.scenarios.map((path) => loadScenario(path, overrides)));
  // Each file contributes itself, then its variants; the first is the baseline.
  const scenarios = loaded.flatMap(withVariants);
  if (scenarios.length < 2) throw commandLineError('scenarios', compareNeedsTwo(scenarios.length));
  requireFixedWarmups(loaded, args.scenarios);
  const replications =
    flag === undefined
      ? (loaded[0].statistics?.replications ?? DEFAULT_COMPARE_REPLICATIONS)
      : parseWholeNumber('--replications', flag, 2);
  const timeBudgetSeconds = loaded[0].statistics?.timeBudgetSeconds ?? null;
  const { value: result } = await runStudySession(
    {
      args,
      size: totalRunSize(scenarios.map((scenario) => estimateReplications(scenario, replications))),
      timeBudgetSeconds,
      tasks: replications * scenarios.length,
    },
    (runner) => compareScenarios(scenarios, { runner, replications, timeBudgetSeconds }),
  );
  writeStdout(args.json ? toJson(result) : renderCompareTable(result, { color: stdoutWantsColor() }));
  if (args.report) {
    const { writeCompareReportAndSayWhere } = await import('../compare-report.js');
    const description = loaded[0].description;
    await writeCompareReportAndSayWhere({ dir: args.out, compare: result, description }, args.json);
  }
}

/** Pairs need one warm-up for all: a file with `warmup: auto` is a problem located in that file. */
function requireFixedWarmups(loaded: Scenario[], files: string[]): void {
  const problems = loaded.flatMap((scenario, i) =>
    scenario.warmupAuto
      ? [
          {
            file: files[i],
            line: 0,
            column: 0,
            path: 'warmup',
            message: compareNeedsFixedWarmup(),
            severity: 'error' as const,
          },
        ]
      : [],
  );
  if (problems.length > 0) throw new ScenarioError(problems);
}
