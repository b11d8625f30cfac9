import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Heap figures taken without a full collection measure garbage timing, not what is held.
// Exposing gc at run time lets a test compare heaps that hold only live objects.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use after a full collection: what live objects hold. */
export function liveHeapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
