import { writeJson } from '../report/json.js';

// Apart from io.ts, which `--version` loads: the JSON writer is report code, loaded only by the commands.

/** Writes `value` as the project's JSON to stdout as it is made, a chunk at a time (no whole copy of it). */
export function writeJsonStdout(value: unknown): void {
  writeJson(value, (chunk) => process.stdout.write(chunk));
}
