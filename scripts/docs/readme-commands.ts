/**
 * The commands a reader copies from the README: every line of its ```sh blocks, and the shipped scenarios
 * its examples table names. The README tests run each command and check the table against scenarios/.
 */

/** One command of a ```sh block: its words, the exit code the README documents, and where it stands. */
export interface ReadmeCommand {
  /** The command as written, without its comment. */
  text: string;
  words: string[];
  /** 0, or the code named by a trailing comment such as `# exits 1`. */
  expectedStatus: number;
  /** Arguments a trailing comment `# tested with --duration 2m` says the test adds to shorten the run. */
  testedWith: string[];
  /** 1-based line in the README. */
  line: number;
}

/** Every command line of the README's ```sh blocks (comments stripped, `\` continuations joined). */
export function shCommands(readme: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  const lines = readme.split('\n');
  let inSh = false;
  let pending: { text: string; line: number } | null = null;
  lines.forEach((raw, index) => {
    if (/^```/.test(raw)) {
      inSh = !inSh && raw.trim() === '```sh';
      return;
    }
    if (!inSh) return;
    const joined = pending ? `${pending.text} ${raw.trim()}` : raw.trim();
    const line = pending?.line ?? index + 1;
    if (joined.endsWith('\\')) {
      pending = { text: joined.slice(0, -1).trim(), line };
      return;
    }
    pending = null;
    const command = parseCommand(joined, line);
    if (command) commands.push(command);
  });
  return commands;
}

/** A command line without its ` # comment`; null for a blank or comment-only line. */
function parseCommand(line: string, lineNumber: number): ReadmeCommand | null {
  const hash = line.search(/(^|\s)#/);
  const text = (hash >= 0 ? line.slice(0, hash) : line).trim();
  if (text.length === 0) return null;
  const comment = hash >= 0 ? line.slice(hash) : '';
  const exits = /\bexits? (?:with )?(?:code )?(\d+)\b/.exec(comment);
  // The shortened equivalent runs to the end of the comment or to a `;`.
  const shortened = /\btested with ((?:--?[^;\s]+(?:\s+[^-;\s][^;\s]*)?\s*)+)/.exec(comment);
  return {
    text,
    words: text.split(/\s+/),
    expectedStatus: exits ? Number(exits[1]) : 0,
    testedWith: shortened ? shortened[1].trim().split(/\s+/) : [],
    line: lineNumber,
  };
}

/** The queuesim arguments of a `npx queuesim …` or `queuesim …` command; null for any other program. */
export function queuesimArgs(words: string[]): string[] | null {
  if (words[0] === 'npx' && words[1] === 'queuesim') return words.slice(2);
  if (words[0] === 'queuesim') return words.slice(1);
  return null;
}

/** The npm script a `npm test` / `npm run X` / `npm ci` command runs (`ci` for an install); null otherwise. */
export function npmScript(words: string[]): string | null {
  if (words[0] !== 'npm') return null;
  if (words[1] === 'run' && words[2]) return words[2];
  return words[1] ?? null;
}

/** The scenario files named in the first column of the README's "Shipped examples" table. */
export function examplesTable(readme: string): string[] {
  const start = readme.indexOf('Shipped examples');
  if (start < 0) throw new Error('README.md has no "Shipped examples" table');
  const files: string[] = [];
  for (const line of readme.slice(start).split('\n').slice(1)) {
    if (files.length > 0 && !line.startsWith('|')) break;
    const cell = /^\|\s*`([^`]+)`/.exec(line);
    if (cell) files.push(cell[1]);
  }
  return files;
}
