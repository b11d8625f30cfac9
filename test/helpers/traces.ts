import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder holding `scenario.yaml` with `scenario` and each of `files` (paths relative to it). */
export function traceScenario(scenario: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-trace-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  writeFileSync(join(dir, 'scenario.yaml'), scenario);
  return dir;
}

/** A one-queue scenario whose producer replays `trace` (the YAML of the trace mapping). */
export function replayScenario(trace: string, extra = ''): string {
  return `name: replay
seed: 5
duration: 1m
${extra}producers:
  - name: replay
    to: q
    trace: ${trace}
queues:
  - { name: q, consumers: 1, service: 1ms }
`;
}
