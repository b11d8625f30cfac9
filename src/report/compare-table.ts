/**
 * A comparison in the terminal, 100 columns at most: the SLO verdicts first, then one table per queue and
 * flow with its metrics as rows and the scenarios as columns; a later scenario's cell holds its value, its
 * difference from the first and that difference's 95 % CI, one per line. Scenarios that would make a
 * table too wide go on into a next table (the first scenario and the metric names repeated).
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { CompareResult } from '../analysis/compare.js';
import type { SloVerdict } from '../results/analysis-results.js';
import { compareGroups, showInterval, showSigned, showValue, type CompareGroup } from './compare-rows.js';
import { formatSloValue } from './slo-table.js';
import type { TableOptions } from './terminal-table.js';

/** The widest line the compare table prints. */
export const COMPARE_WIDTH = 100;

type Colors = ReturnType<typeof pc.createColors>;

/** A cell as plain lines (for measuring) and as printed (maybe coloured). */
interface Cell {
  lines: string[];
  text: string;
}

const plain = (text: string): Cell => ({ lines: text.split('\n'), text });

/** Width of a table with these columns: each cell padded by one space a side, a border between. */
function tableWidth(columns: Cell[][]): number {
  const widths = columns.map((cells) =>
    Math.max(...cells.flatMap((cell) => cell.lines.map((l) => l.length))),
  );
  return widths.reduce((sum, width) => sum + width + 2, 0) + columns.length + 1;
}

/** Splits the later columns into runs that fit `width` beside the fixed first ones (at least one each). */
function fitColumns(fixed: Cell[][], rest: Cell[][], width: number): Cell[][][] {
  const chunks: Cell[][][] = [];
  let chunk: Cell[][] = [];
  for (const column of rest) {
    if (chunk.length > 0 && tableWidth([...fixed, ...chunk, column]) > width) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(column);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map((columns) => [...fixed, ...columns]);
}

/** Columns as a cli-table3 table (first column left, the rest right-aligned). */
function drawTable(columns: Cell[][], color: boolean): string {
  const table = new Table({
    head: columns.map((cells) => cells[0].text),
    colAligns: columns.map((_, i) => (i === 0 ? 'left' : 'right')),
    style: color ? {} : { head: [], border: [] },
  });
  for (let row = 1; row < columns[0].length; row++) table.push(columns.map((cells) => cells[row].text));
  return table.toString();
}

/** The columns of one queue or flow: metric names, the first scenario's values, each later scenario's. */
function groupColumns(group: CompareGroup, names: string[], colors: Colors): Cell[][] {
  const metrics = [plain(`${group.kind} ${group.name}`), ...group.rows.map((row) => plain(row.label))];
  const baseline = [plain(names[0]), ...group.rows.map((row) => plain(showValue(row, row.values[0])))];
  const later = names.slice(1).map((name, j) => [
    plain(name),
    ...group.rows.map((row): Cell => {
      const value = showValue(row, row.values[j + 1]);
      const difference = row.differences[j];
      if (!difference || difference.difference === null) return plain(value);
      const change = `${showSigned(row, difference.difference)}${difference.significant ? ' *' : ''}`;
      // Identical in every pair: the interval [0, 0] would only repeat the 0.
      const interval =
        difference.difference === 0 && !difference.significant ? '' : showInterval(row, difference);
      const lines = [value, change, ...(interval ? [interval] : [])];
      const paint = difference.significant ? colors.bold : colors.dim;
      return { lines, text: [value, ...lines.slice(1).map((line) => paint(line))].join('\n') };
    }),
  ]);
  return [metrics, baseline, ...later];
}

/** "queues.orders.sojourn.p99 ≤ 30s" shortened to "orders sojourn.p99 ≤ 30s". */
function sloName(verdict: SloVerdict): string {
  const short = verdict.target.replace(/^(queues|flows)\./, '');
  return `${short} ≤ ${formatSloValue(verdict, verdict.max)}`;
}

/** The SLO columns: each SLO as a row, each scenario's verdict and value. */
function sloColumns(compare: CompareResult, colors: Colors): Cell[][] | null {
  const baseline = compare.scenarios[0].result.slo ?? [];
  if (baseline.length === 0) return null;
  const paint = { pass: colors.green, fail: colors.red, uncertain: colors.yellow };
  const names = [plain('SLO'), ...baseline.map((verdict) => plain(sloName(verdict)))];
  const scenarios = compare.scenarios.map(({ name, result }) => [
    plain(name),
    ...baseline.map((written): Cell => {
      const verdict = result.slo?.find((slo) => slo.target === written.target && slo.max === written.max);
      if (!verdict) return plain('–');
      const value = formatSloValue(verdict, verdict.value);
      return {
        lines: [verdict.verdict, value],
        text: `${paint[verdict.verdict](verdict.verdict)}\n${value}`,
      };
    }),
  ]);
  return [names, ...scenarios];
}

/** Tables of columns, each split to fit the width beside its first `fixed` columns. */
function fitted(columns: Cell[][], fixed: number, color: boolean): string[] {
  return fitColumns(columns.slice(0, fixed), columns.slice(fixed), COMPARE_WIDTH).map((chunk) =>
    drawTable(chunk, color),
  );
}

/** "a vs b vs c" over as many lines as it takes to stay within the width. */
function wrapNames(names: string[]): string[] {
  const lines: string[] = [];
  for (const name of names) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 4 + name.length <= COMPARE_WIDTH)
      lines[lines.length - 1] = `${last} vs ${name}`;
    else lines.push(last === undefined ? name : `vs ${name}`);
  }
  return lines;
}

/** The comparison: title, SLO verdicts, one table per queue and flow, the notes. */
export function renderCompareTable(compare: CompareResult, options: TableOptions): string {
  const colors = options.color ? pc : pc.createColors(false);
  const names = compare.scenarios.map((scenario) => scenario.name);
  const slo = sloColumns(compare, colors);
  const tables = [
    ...(slo ? fitted(slo, 1, options.color) : []),
    ...compareGroups(compare).flatMap((group) =>
      fitted(groupColumns(group, names, colors), 2, options.color),
    ),
  ];
  const title = [
    ...wrapNames(names).map((line) => colors.bold(line)),
    `${compare.replications} paired replications, seed ${compare.seed} for all (common random numbers)`,
  ].join('\n');
  const notes = [
    `Under each later scenario's value: its difference from ${names[0]} (mean of the paired`,
    'differences) and the 95 % CI of that difference; * significant: the CI excludes 0.',
  ];
  const partial = compare.partial
    ? [
        `PARTIAL: the time budget ran out: ${compare.partial.completedPairs} of ${compare.partial.plannedPairs} paired replications finished in every scenario,`,
        'and only those are compared',
      ]
    : [];
  return `${[title, ...tables, ...notes, ...partial].join('\n')}\n`;
}
