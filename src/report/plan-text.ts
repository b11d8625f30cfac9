/** A plan as a few lines of text: the recommendation, the runner-up and why it fails, the search's cost. */
import type { PlanResult } from '../analysis/plan.js';
import type { RunResult } from '../model/run-result.js';
import { sloLine } from './slo-table.js';

/** The SLO lines of a result, indented. */
function verdictLines(result: RunResult | null): string[] {
  return (result?.slo ?? []).map((verdict) => `    ${sloLine(verdict)}`);
}

/** The plan for the terminal. */
export function renderPlan(plan: PlanResult, wallSeconds: number): string {
  const lines: string[] = [];
  const at = plan.load === 1 ? 'at the written load' : `at ${plan.load}× the written load`;
  const [path] = Object.keys(plan.analyticGuess);
  if (path in plan.recommended) {
    lines.push(`${plan.scenario}: ${path} = ${plan.recommended[path]} meets every SLO ${at}`);
    lines.push(...verdictLines(plan.result));
  } else {
    lines.push(`${plan.scenario}: no value of ${path} in range meets every SLO ${at}`);
  }
  if (path in plan.runnerUp) {
    lines.push(`  runner-up ${path} = ${plan.runnerUp[path]} does not:`);
    lines.push(...verdictLines(plan.runnerUpResult));
  }
  lines.push(
    `  ${plan.evaluations} evaluations (analytic start ${plan.analyticGuess[path]}), ${wallSeconds.toFixed(1)} s`,
  );
  return lines.join('\n') + '\n';
}
