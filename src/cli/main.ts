#!/usr/bin/env node
/**
 * The queuesim bin. `queuesim --version` is answered here, before yargs and the command definitions load
 * (they are most of a start-up's cost); everything else goes to the yargs program, loaded on demand.
 */
import { packageVersion, writeStdout } from './io.js';
import { joinNegativeValues } from './negative-values.js';
import type * as Program from './program.js';

/** Defined (true) in the built bin, whose program is the script program-script.ts loads. */
declare const QUEUESIM_PROGRAM_SCRIPT: boolean | undefined;

/** The yargs program: the built bundle's cached script, or program.ts when run from source. */
async function loadProgram(): Promise<typeof Program> {
  // One expression, so that esbuild drops the import of program.ts from the bin.
  return typeof QUEUESIM_PROGRAM_SCRIPT === 'boolean'
    ? (await import('./program-script.js')).loadProgramScript(import.meta).exports.loadProgram()
    : import('./program.js');
}

const argv = joinNegativeValues(process.argv.slice(2));
if (argv.length === 1 && argv[0] === '--version') {
  writeStdout(`${packageVersion()}\n`);
} else {
  const { runProgram } = await loadProgram();
  await runProgram(argv);
}
