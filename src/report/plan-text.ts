/** A plan as a few lines of text: the recommendation, the runner-up and why it fails, the search's cost. */
import type { MultiPlanResult, PlanResult } from '../analysis/plan.js';
import type { RunResult } from '../model/run-result.js';
import { lossLines } from './loss-lines.js';
import { sloLine } from './slo-table.js';

/** The SLO lines of a result, indented, then its loss account where anything was lost. */
function verdictLines(result: RunResult | null): string[] {
  return [...(result?.slo ?? []).map((verdict) => `    ${sloLine(verdict)}`), ...lossLines(result)];
}

/** The SLO that binds a recommendation, and the plan's doubts about it. */
function bindingLines(plan: PlanResult): string[] {
  return [
    ...(plan.binding ? [`  binding SLO: ${plan.binding}`] : []),
    ...plan.warnings.map((warning) => `  ! ${warning}`),
  ];
}

/** Why the runner-up is not judged as meeting the SLOs although its verdicts may pass. */
function fillingNotes(plan: PlanResult): string[] {
  // Without a recommendation the same sentences are already in `why`.
  if (!plan.recommended) return [];
  return (plan.runnerUpFilling ?? []).map((sentence) => `    ! ${sentence}`);
}

/** Why no value meets the SLOs. */
function whyLines(plan: PlanResult): string[] {
  return plan.why ? [`  why: ${plan.why}`] : [];
}

/** The plan for the terminal. */
export function renderPlan(plan: PlanResult, wallSeconds: number): string {
  const lines: string[] = [];
  const at = plan.load === 1 ? 'at the written load' : `at ${plan.load}× the written load`;
  const [path] = Object.keys(plan.analyticGuess);
  if (plan.recommended) {
    lines.push(`${plan.scenario}: ${path} = ${plan.recommended[path]} meets every SLO ${at}`);
    lines.push(...bindingLines(plan), ...verdictLines(plan.result));
  } else {
    lines.push(`${plan.scenario}: no value of ${path} meets every SLO ${at}`);
    lines.push(...whyLines(plan));
  }
  if (path in plan.runnerUp) {
    const which = plan.recommended ? 'runner-up' : 'the largest tried,';
    lines.push(`  ${which} ${path} = ${plan.runnerUp[path]} does not:`);
    lines.push(...verdictLines(plan.runnerUpResult), ...fillingNotes(plan));
  }
  lines.push(
    `  ${plan.evaluations} evaluations (analytic start ${plan.analyticGuess[path]}), ${wallSeconds.toFixed(1)} s`,
  );
  return lines.join('\n') + '\n';
}

/** A multi-parameter plan for the terminal. */
export function renderMultiPlan(plan: MultiPlanResult, wallSeconds: number): string {
  const lines: string[] = [];
  const at = plan.load === 1 ? 'at the written load' : `at ${plan.load}× the written load`;
  const paths = Object.keys(plan.analyticGuess);
  const recommended = plan.recommended;
  if (recommended && plan.cost !== null) {
    const setting = paths.map((path) => `${path} = ${recommended[path]}`).join(', ');
    lines.push(`${plan.scenario}: ${setting} (cost ${plan.cost}) meets every SLO ${at}`);
    lines.push(...bindingLines(plan), ...verdictLines(plan.result));
  } else {
    lines.push(`${plan.scenario}: no setting of ${paths.join(', ')} meets every SLO ${at}`);
    lines.push(...whyLines(plan));
  }
  const named = (setting: Record<string, number>) =>
    paths.map((path) => `${path} = ${setting[path]}`).join(', ');
  if (Object.keys(plan.runnerUp).length > 0) {
    lines.push(`  runner-up ${named(plan.runnerUp)} does not meet them:`);
    lines.push(...verdictLines(plan.runnerUpResult), ...fillingNotes(plan));
  }
  // The other one-less settings, by name with what they fail: each was evaluated.
  for (const other of plan.oneLess) {
    if (paths.every((path) => other.setting[path] === plan.runnerUp[path])) continue;
    const outcome = other.meets
      ? 'also meets them (its runs disagree with the search; more replications would settle it)'
      : `fails ${other.failing.join(', ')}`;
    lines.push(`  ${named(other.setting)} ${outcome}`);
  }
  const start = paths.map((path) => plan.analyticGuess[path]).join(', ');
  lines.push(`  ${plan.evaluations} evaluations (analytic start ${start}), ${wallSeconds.toFixed(1)} s`);
  return lines.join('\n') + '\n';
}
