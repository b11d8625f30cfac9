// `npm run docs`: rewrites every generated output block of README.md (between `<!-- docs:<command> -->` and
// `<!-- /docs -->`) with the real output of the built command line (run `npm run build` first). The README
// is replaced atomically: written beside it, then renamed over it. `npm run docs -- <text>` regenerates only
// the blocks whose command contains <text>.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commandArgs,
  exampleFiles,
  expectedStatus,
  findBlocks,
  renderBody,
  replaceBlocks,
} from './docs/readme-blocks.js';
import { makeSandbox, projectRoot, runQueuesim } from './docs/run-cli.js';

const readmePath = join(projectRoot, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const blocks = findBlocks(readme);
const only = process.argv[2];
const sandbox = makeSandbox(exampleFiles(readme));
const bodies: string[] = [];
try {
  for (const block of blocks) {
    if (only !== undefined && !block.command.includes(only)) {
      bodies.push(block.body);
      continue;
    }
    const started = performance.now();
    const { status, output } = runQueuesim(commandArgs(block.command), sandbox);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`README.md:${block.line}: queuesim ${block.command} → exit ${status}, ${seconds} s`);
    if (status !== expectedStatus(block.command)) {
      throw new Error(`queuesim ${block.command} exited with ${status}:\n${output}`);
    }
    bodies.push(renderBody(block.command, output, status ?? -1));
  }
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
const temporary = `${readmePath}.tmp`;
writeFileSync(temporary, replaceBlocks(readme, blocks, bodies));
renameSync(temporary, readmePath);
console.log(`wrote README.md (${blocks.length} blocks)`);
