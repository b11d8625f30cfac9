import { RouteCollector } from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import { FLAGS_NOT_COUNTED, type MessagePool } from './message-pool.js';
import { RouteTable } from './route-table.js';
import type { RouteResult } from './run-result.js';

/**
 * Which route each message is on, and each route's completions: built only for a scenario with `then`
 * routes. A route counts the copies that completed it; a copy lost on the way stays in its flow's and
 * queue's loss account and completes no route.
 */
export class RouteTracking {
  readonly table: RouteTable;
  private readonly collector: RouteCollector;

  constructor(scenario: Scenario) {
    this.table = new RouteTable(scenario);
    this.collector = new RouteCollector(this.table.routes.length);
  }

  /** `message` finished at station `station` and goes on: its route now includes that station. */
  passed(messages: MessagePool, message: number, station: number): void {
    messages.route[message] = this.table.next(messages.route[message], station);
  }

  /** `message` finished at station `station` and leaves the network: its route completes (if it counts). */
  completed(messages: MessagePool, message: number, station: number, now: number): void {
    if ((messages.flags[message] & FLAGS_NOT_COUNTED) !== 0) return;
    const route = this.table.next(messages.route[message], station);
    this.collector.completed(route, now - messages.publishedAt[message]);
  }

  /** Forgets the warm-up. */
  startMeasuring(): void {
    this.collector.startMeasuring();
  }

  /** Every route completed since measuring began, by name, in route order. */
  results(): Record<string, RouteResult> {
    return Object.fromEntries(
      this.collector.snapshot().map(({ route, stats, latencyHistogram }) => {
        const { name, producer, queues } = this.table.routes[route];
        return [name, { id: `route-${route}`, producer, queues, ...stats, latencyHistogram }];
      }),
    );
  }
}
