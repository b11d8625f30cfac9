/** Problems found in a data file a scenario names (a trace, a samples file): listed up to a cap, then counted. */
import { statSync } from 'node:fs';
import type { ScenarioProblem } from './errors.js';
import * as msg from './messages.js';

/** Problems listed per file before the rest are only counted: past a few, they are one mistake repeated. */
const MAX_LISTED = 10;

/** The problems of one file, located in it (`shown` is the file as the user names it). */
export class FileProblems {
  readonly problems: ScenarioProblem[] = [];
  private unlisted = 0;

  constructor(private readonly shown: string) {}

  /** A problem at `line`, `column` of the file; past the cap it is only counted. */
  report(line: number, column: number, message: string): void {
    if (this.problems.length < MAX_LISTED) {
      this.problems.push({ file: this.shown, line, column, path: '', message, severity: 'error' });
    } else this.unlisted++;
  }

  /** The listed problems, the last followed by how many more there were (`more` words it). */
  finish(more: (count: number) => string): ScenarioProblem[] {
    if (this.unlisted > 0) {
      this.problems.push({ ...this.problems[this.problems.length - 1], message: more(this.unlisted) });
    }
    return this.problems;
  }
}

/**
 * Why a path cannot be read as a data file although it exists: reading a FIFO blocks until a writer comes,
 * and a device may never end. Undefined for a regular file (and for a missing one, which reading reports).
 */
export function notRegularFileReason(path: string): string | undefined {
  let facts;
  try {
    facts = statSync(path);
  } catch {
    return undefined;
  }
  if (facts.isDirectory()) return 'it is a directory, not a file';
  return facts.isFile() ? undefined : msg.notRegularFile();
}
