/**
 * Serialises a result as pretty JSON with a stable key order (insertion order), so equal runs give equal
 * bytes. Arrays of plain values (time series, `[low, high]` intervals, histogram buckets) stay on one line
 * each, so a 500-point series is one line rather than 500.
 *
 * The engine's own `JSON.stringify(value, null, 2)` does the work and its JSON semantics (toJSON, NaN →
 * null, undefined properties left out); one linear pass then folds each array of plain values onto one
 * line. A formatter in JavaScript that built each level's string from its children's copied the output
 * once per level of nesting and kept a parsed copy of the result: seconds and hundreds of megabytes for a
 * 10,000-queue result.
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return foldPlainArrays(text) + '\n';
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const OPEN_OBJECT = 123; // {
const COMMA = 44;
const NEWLINE = 10;
const SPACE = 32;

/** Where the string that opens at `start` (a quote) ends: the index after its closing quote. */
function afterString(text: string, start: number): number {
  let i = start + 1;
  // Bounded by the text's end, though stringify's strings always close.
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else i++;
  }
  return text.length;
}

/**
 * The index of the `]` closing the array that opens at `start` when the array holds only plain values, or
 * -1 when it holds an array or an object.
 */
function plainArrayEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_ARRAY) return i;
    if (code === OPEN_ARRAY || code === OPEN_OBJECT) return -1;
    i = code === QUOTE ? afterString(text, i) : i + 1;
  }
  return -1;
}

/** The plain values between `start` and `end` (stringify puts one per line) as `a, b, c`. */
function oneLine(text: string, start: number, end: number): string {
  const parts: string[] = [];
  let segment = start;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = afterString(text, i);
      continue;
    }
    // Outside strings, stringify's output has spaces and newlines only as indentation.
    if (code === COMMA || code === NEWLINE || code === SPACE) {
      if (i > segment) parts.push(text.slice(segment, i));
      if (code === COMMA) parts.push(', ');
      segment = i + 1;
    }
    i++;
  }
  if (end > segment) parts.push(text.slice(segment, end));
  return parts.join('');
}

/** Folds every array of plain values in `JSON.stringify(…, null, 2)` output onto one line. */
function foldPlainArrays(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = afterString(text, i);
      continue;
    }
    if (code === OPEN_ARRAY) {
      const end = plainArrayEnd(text, i);
      if (end >= 0) {
        out.push(text.slice(copied, i), '[', oneLine(text, i + 1, end), ']');
        copied = i = end + 1;
        continue;
      }
    }
    i++;
  }
  out.push(text.slice(copied));
  return out.join('');
}
