/** One line of CSV (RFC 4180 quoting within a line) → its cells and where each starts. */

/** A line's cells, unquoted, and the 0-based character offset where each begins (for error columns). */
export interface CsvCells {
  cells: string[];
  starts: number[];
}

/**
 * Splits a CSV line at commas outside double quotes; a quoted cell loses its quotes and `""` becomes `"`.
 * A record spread over several lines (a newline inside quotes) is not supported: a trace has no need of one.
 */
export function splitCsvLine(line: string): CsvCells {
  const cells: string[] = [];
  const starts: number[] = [];
  if (!line.includes('"')) {
    let start = 0;
    for (;;) {
      const comma = line.indexOf(',', start);
      starts.push(start);
      cells.push(line.slice(start, comma === -1 ? line.length : comma));
      if (comma === -1) return { cells, starts };
      start = comma + 1;
    }
  }
  let cell = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      starts.push(start);
      cell = '';
      start = i + 1;
    } else cell += c;
  }
  cells.push(cell);
  starts.push(start);
  return { cells, starts };
}
