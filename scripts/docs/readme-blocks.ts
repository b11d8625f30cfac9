/**
 * The README's output blocks: each sits between `<!-- docs:<command> -->` and `<!-- /docs -->`, where
 * <command> is the queuesim command line (after `queuesim`) whose real output the block shows. Every block
 * is checked by `npm test`, so a command that would take minutes is shown with flags that make it quick
 * (there is no marker for blocks the test skips). This module finds the blocks, renders one from a command's output and compares a block with a fresh output, ignoring
 * only what differs from machine to machine.
 */

/** One generated block of the README: the command that makes it and the text it holds now. */
export interface ReadmeBlock {
  /** The queuesim arguments, e.g. `run scenarios/user-registered.yaml`. */
  command: string;
  /** The text between the markers, as it stands in the README. */
  body: string;
  /** Offsets of the body in the README (after the opening marker's line, before the closing one). */
  start: number;
  end: number;
  /** 1-based line of the opening marker, for messages. */
  line: number;
}

const OPEN = /^<!-- docs:(.+?) -->$/gm;
/** Any other marker that looks like an opening one (e.g. the former `docs-slow:`), refused by name. */
const LOOKALIKE = /^<!-- docs[^:\s]+:.*-->$/gm;
const CLOSE = '<!-- /docs -->';

/** Every generated block of `readme`, in order; throws on a marker without its closing one. */
export function findBlocks(readme: string): ReadmeBlock[] {
  for (const match of readme.matchAll(LOOKALIKE)) {
    const line = readme.slice(0, match.index).split('\n').length;
    throw new Error(`README.md:${line}: ${match[0]} is not a block marker (only <!-- docs:<command> -->)`);
  }
  const blocks: ReadmeBlock[] = [];
  for (const match of readme.matchAll(OPEN)) {
    const start = match.index + match[0].length + 1;
    const end = readme.indexOf(CLOSE, start);
    const line = readme.slice(0, match.index).split('\n').length;
    const next = readme.slice(start).search(OPEN);
    if (end < 0 || (next >= 0 && start + next < end)) {
      throw new Error(`README.md:${line}: ${match[0]} has no ${CLOSE} after it`);
    }
    blocks.push({ command: match[1].trim(), body: readme.slice(start, end), start, end, line });
  }
  return blocks;
}

/** A marker's command without its excerpt filter: what the user types after `queuesim`. */
export function shownCommand(command: string): string {
  return command.split(' | ')[0].trim();
}

/** The queuesim arguments of a marker's command (words split on spaces; no quoting is needed by ours). */
export function commandArgs(command: string): string[] {
  return shownCommand(command)
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The marker's options after its command: `| table <words>`, `| exits <code>`. */
function options(command: string): string[] {
  return command
    .split(' | ')
    .slice(1)
    .map((option) => option.trim());
}

/** The exit code a marker documents with `| exits <code>`; 0 without one. */
export function expectedStatus(command: string): number {
  const exits = options(command)
    .map((option) => /^exits (\d+)$/.exec(option)?.[1])
    .find((code) => code !== undefined);
  return exits === undefined ? 0 : Number(exits);
}

/**
 * The part of the output a block shows: all of it, or with `… | table <words>` in the marker, the one
 * terminal table whose header row contains <words> (from its top border to its bottom border).
 */
export function excerpt(command: string, output: string): string {
  const filters = options(command).filter((option) => !/^exits \d+$/.test(option));
  if (filters.length === 0) return output;
  const words = /^table (.+)$/.exec(filters[0])?.[1];
  if (!words || filters.length > 1) {
    throw new Error(
      `unknown option "${filters.join(' | ')}" (only "table <words in its header>", "exits <code>")`,
    );
  }
  const lines = output.split('\n');
  const header = lines.findIndex(
    (line, i) => line.startsWith('│') && lines[i - 1]?.startsWith('┌') && line.includes(words),
  );
  if (header < 0)
    throw new Error(`no table with "${words}" in its header in the output of ${shownCommand(command)}`);
  const bottom = lines.findIndex((line, i) => i > header && line.startsWith('└'));
  return lines.slice(header - 1, bottom + 1).join('\n');
}

/**
 * A block's body: the command as a user types it, then its output (or excerpt), and for a command that
 * fails on purpose its exit code (`$ echo $?`), in a fenced text block.
 */
export function renderBody(command: string, output: string, status = 0): string {
  const text = excerpt(command, output).replace(/\s+$/, '');
  const exit = status === 0 ? '' : `\n$ echo $?\n${status}`;
  return `\n\`\`\`text\n$ npx queuesim ${shownCommand(command)}\n${text}${exit}\n\`\`\`\n\n`;
}

/**
 * The example files the README shows: each ```yaml block whose first line is `# <name>.yaml`, as that
 * file without its first line (so that the line numbers of its messages match the file).
 */
export function exampleFiles(readme: string): Array<{ name: string; text: string }> {
  const files: Array<{ name: string; text: string }> = [];
  for (const match of readme.matchAll(/^```yaml\n# ([\w.-]+\.yaml)\n([\s\S]*?)^```$/gm)) {
    files.push({ name: match[1], text: match[2] });
  }
  return files;
}

/** `readme` with each block's body replaced by `bodies[i]` (the blocks as `findBlocks` returned them). */
export function replaceBlocks(readme: string, blocks: ReadmeBlock[], bodies: string[]): string {
  let out = '';
  let at = 0;
  blocks.forEach((block, i) => {
    out += readme.slice(at, block.start) + bodies[i];
    at = block.end;
  });
  return out + readme.slice(at);
}

/**
 * Output with the machine-dependent parts replaced by placeholders: progress lines (dropped), wall-clock
 * durations and speeds (plan's and headroom's "N evaluations …, 12.3 s", the size estimate's "~2min at
 * 1.2M events/s"), the report's path and any time of day. Everything else must match exactly.
 */
export function normaliseOutput(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^queuesim: .*% done/.test(line))
    .map((line) =>
      line
        .replace(/(evaluations(?: \([^)]*\))?), \d+(?:\.\d+)? s\b/, '$1, <wall time> s')
        .replace(/~\S+ at [^,;]*? events\/s/, '~<wall time> at <speed> events/s')
        .replace(/\bin \d+(?:\.\d+)? ?s on \d+ threads?\b/, 'in <wall time> on <threads>')
        .replace(/^(\s*Reports?:\s*).*$/, '$1<report path>')
        .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z?\b/g, '<time of day>')
        .replace(/\b\d\d:\d\d:\d\d\b/g, '<time of day>')
        .trimEnd(),
    )
    .join('\n')
    .trim();
}
