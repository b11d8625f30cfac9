/**
 * Serialises a result as pretty JSON with a stable key order (insertion order), so equal runs give equal
 * bytes. Arrays of plain values (time series, `[low, high]` intervals, histogram buckets) stay on one line
 * each, so a 500-point series is one line rather than 500. JSON semantics are JSON.stringify's: toJSON is
 * called, NaN and Infinity become null, undefined properties are left out and undefined items are null.
 *
 * The text is written in chunks of about 64 KB as it is made, so a result of a hundred megabytes (10,000
 * queues, 50,000 producers) goes to stdout without a second copy of the result or the whole text in memory.
 */
const CHUNK_CHARS = 64 * 1024;

/** The whole text at once (report files, tests). */
export function toJson(value: unknown): string {
  const chunks: string[] = [];
  writeJson(value, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/** Writes the text of `value` through `write`, a chunk at a time; the last chunk ends with a newline. */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  const out = new ChunkedText(write);
  const plain = jsonValue(value, '');
  if (isOmitted(plain)) out.push('null');
  else writeValue(plain, '', out);
  out.push('\n');
  out.flush();
}

/** Pieces gathered into chunks of about CHUNK_CHARS before they are handed on. */
class ChunkedText {
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  push(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.length >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.pieces.length === 0) return;
    this.write(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
  }
}

/** What JSON.stringify serialises in place of `value` under `key`: its toJSON result, if it has one. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key) as unknown;
  }
  return value;
}

/** Values JSON leaves out of objects and writes as null in arrays. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** True for what JSON writes as a plain value (not an array or an object). */
function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function writeValue(value: unknown, indent: string, out: ChunkedText): void {
  if (Array.isArray(value)) {
    const items = value.map((item, i) => jsonValue(item, String(i)));
    if (items.length === 0) {
      out.push('[]');
    } else if (items.every(isPlain)) {
      out.push(`[${items.map((item) => (isOmitted(item) ? 'null' : JSON.stringify(item))).join(', ')}]`);
    } else {
      const inner = indent + '  ';
      out.push('[\n');
      items.forEach((item, i) => {
        out.push(i === 0 ? inner : `,\n${inner}`);
        if (isOmitted(item)) out.push('null');
        else writeValue(item, inner, out);
      });
      out.push(`\n${indent}]`);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    const inner = indent + '  ';
    let written = 0;
    for (const key of Object.keys(value)) {
      const item = jsonValue((value as Record<string, unknown>)[key], key);
      if (isOmitted(item)) continue;
      out.push(`${written === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      writeValue(item, inner, out);
      written++;
    }
    out.push(written === 0 ? '{}' : `\n${indent}}`);
    return;
  }
  out.push(JSON.stringify(value));
}
