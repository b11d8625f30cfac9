import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture', import.meta.url));
const depcruise = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs depcruise with the project's config over the fixture tree and returns what it reports. */
function cruiseFixture(): Promise<Violation[]> {
  const args = [depcruise, 'src', '--config', `${root}.dependency-cruiser.cjs`, '--output-type', 'json'];
  return new Promise((resolve, reject) => {
    // depcruise exits non-zero when it finds errors, which is what this fixture is for: read stdout either way.
    execFile(
      process.execPath,
      args,
      { cwd: fixture, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (stdout.trim() === '') reject(new Error(`depcruise printed nothing: ${stderr || String(error)}`));
        else resolve((JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations);
      },
    );
  });
}

describe('the dependency rules (.dependency-cruiser.cjs)', () => {
  it('report a forbidden import three folders deep, a cycle, a command importing a command and a value import of model in report', async () => {
    const found = (await cruiseFixture()).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'layer-report: src/report/html/sections/deep.ts → src/cli/main.ts',
      'no-circular: src/engine/calendar.ts → src/engine/clock.ts',
      'no-command-imports: src/cli/commands/estimate.ts → src/cli/commands/run.ts',
      'report-reads-result-types: src/report/table.ts → src/model/run-result.ts',
    ]);
  }, 60_000);
});
