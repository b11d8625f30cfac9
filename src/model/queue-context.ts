import type { Simulation } from '../engine/index.js';
import type { FlowCollector } from '../metrics/index.js';
import type { DuplicateGroups } from './duplicate-groups.js';
import type { MessagePool } from './message-pool.js';
import type { RouteTracking } from './route-tracking.js';
import type { MessageRouter } from './routing.js';

/** The shared parts of the network a queue or topic works with. */
export interface QueueContext {
  simulation: Simulation;
  messages: MessagePool;
  duplicates: DuplicateGroups;
  flows: FlowCollector[];
  router: MessageRouter;
  /** Per-route tracking, only when the scenario has `then` routes (null: nothing to track). */
  routes: RouteTracking | null;
}
