/** Problems found in a scenario, the error that carries them, and their one-line-each text form. */

export type Severity = 'error' | 'warning';

/** One thing wrong (or suspicious) in a scenario, located in its file. */
export interface ScenarioProblem {
  /** The scenario file as given, or `<command line>` for flags. */
  file: string;
  /** 1-based; 0 when the problem has no place in the file (unreadable file, command-line flag). */
  line: number;
  /** 1-based; 0 when `line` is 0. */
  column: number;
  /** Where in the scenario, e.g. `queues[0].service.cv`, or the flag (`--duration`); '' for the whole file. */
  path: string;
  message: string;
  severity: Severity;
  /** Names a warning that is checked again once the run's actual settings are known (see trace-coverage). */
  code?: ProblemCode;
}

/** Warnings that depend on settings the command line can override. */
export type ProblemCode = 'trace-ends-before-run';

/** Thrown when a scenario has at least one error; carries every problem found, warnings included. */
export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** True when any problem is an error (not just a warning). */
export function hasErrors(problems: readonly ScenarioProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Problems in reading order: by file, then line, then column (stable otherwise). */
export function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Most problems printed: past this the list is noise, and printing 30,000 lines takes longer than finding them. */
export const MAX_PRINTED_PROBLEMS = 50;

/**
 * One line per problem: `scenarios/x.yaml:12:5  error  queues[0].service.cv: expected …`; past
 * MAX_PRINTED_PROBLEMS, one last line says how many more there are.
 */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  const lines = problems.slice(0, MAX_PRINTED_PROBLEMS).map((problem) => {
    const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
    const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
    return `${where}  ${problem.severity}  ${what}`;
  });
  const more = problems.length - MAX_PRINTED_PROBLEMS;
  if (more > 0) {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.length - errors;
    lines.push(`... and ${more} more (${errors} errors and ${warnings} warnings in all)`);
  }
  return lines.join('\n');
}
