/**
 * The entry of the built command line's one script, `dist/cli/program.cjs` (program-script.ts loads it): the
 * yargs program for the bin, the replication worker for the worker threads. Both are imported on demand, so
 * running the script only defines these two functions, and a thread runs no command-line code.
 */
export const loadProgram = () => import('./program.js');
export const loadReplicationWorker = () => import('../api/replication-worker.js');
