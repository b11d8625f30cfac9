/** Serialises a result as pretty JSON: stable key order (insertion order), so equal runs give equal bytes. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
