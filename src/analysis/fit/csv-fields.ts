/** One cell of a delimited line, with the 1-based column where it starts (for located errors). */
export interface Field {
  text: string;
  column: number;
}

/** The delimiters recognised, in order of preference when a line holds several. */
const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter of a CSV/TSV file from its first data line; null means one value per line. */
export function detectDelimiter(line: string): string | null {
  return DELIMITERS.find((delimiter) => line.includes(delimiter)) ?? null;
}

/**
 * Splits one line into trimmed fields. Double quotes group a field that may hold the delimiter, and `""`
 * inside them is a quote (RFC 4180); a null delimiter makes the whole line one field.
 */
export function splitFields(line: string, delimiter: string | null): Field[] {
  if (delimiter === null) return [trimmed(line, 0)];
  const fields: Field[] = [];
  let start = 0;
  let i = 0;
  let text = '';
  let quoted = false;
  while (i <= line.length) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        text += '"';
        i += 2;
        continue;
      }
      if (char === '"' || char === undefined) quoted = false;
      else text += char;
      i++;
      continue;
    }
    if (char === delimiter || char === undefined) {
      fields.push(trimmed(text, start));
      text = '';
      start = i + 1;
    } else if (char === '"' && text.trim() === '') {
      quoted = true;
      text = '';
    } else text += char;
    i++;
  }
  return fields;
}

/** A field without surrounding blanks, its column moved past the leading ones. */
function trimmed(text: string, start: number): Field {
  const leading = text.length - text.trimStart().length;
  return { text: text.trim(), column: start + leading + 1 };
}
