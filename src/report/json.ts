/**
 * Serialises a result as pretty JSON with a stable key order (insertion order), so equal runs give equal
 * bytes. Arrays of plain values (time series, `[low, high]` intervals, histogram buckets) stay on one line
 * each, so a 500-point series is one line rather than 500.
 */
export function toJson(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null'); // JSON semantics: toJSON, NaN → null…
  return format(plain, '') + '\n';
}

function format(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((item) => inner + format(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
