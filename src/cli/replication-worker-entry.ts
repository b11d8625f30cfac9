/**
 * The worker threads' entry in the built command line (`dist/cli/replication-worker.js`): the replication
 * worker from the same script as the command line, compiled from the same code cache (program-script.ts).
 * Run from source, worker-pool.ts starts src/api/replication-worker.ts instead.
 */
import { loadProgramScript } from './program-script.js';

const { default: runInWorker } = await loadProgramScript(import.meta).exports.loadReplicationWorker();
export default runInWorker;
