#!/usr/bin/env node
/**
 * The queuesim bin. `queuesim --version` is answered here, before yargs and the command definitions load
 * (they are most of a start-up's cost); everything else goes to the yargs program, loaded on demand.
 */
import { packageVersion, writeStdout } from './io.js';
import { joinNegativeValues } from './negative-values.js';

const argv = joinNegativeValues(process.argv.slice(2));
if (argv.length === 1 && argv[0] === '--version') {
  writeStdout(`${packageVersion()}\n`);
} else {
  const { runProgram } = await import('./program.js');
  await runProgram(argv);
}
