/** A small comparison for the compare report's tests: a queue with a dead-letter queue, SLOs, two variants. */
import { compareScenarios, type CompareResult } from '../../src/analysis/compare.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { parseScenario } from '../../src/scenario/index.js';
import { withVariants } from '../../src/scenario/parameters.js';

/** One queue of 1–3 consumers at 30/s, expiring into a dead-letter queue nobody consumes. */
export const COMPARE_SCENARIO = `name: checkout-compare
description: Orders through one queue whose expired messages go to a dead-letter queue.
seed: 5
duration: 3m
replications: 4
producers:
  - { name: shop, to: orders, rate: 30/s }
queues:
  - name: orders
    consumers: 1
    capacity: 40
    ttl: 2s
    dead-letter: orders-dlq
    service: { distribution: exponential, mean: 30ms }
  - { name: orders-dlq }
slo:
  - { queue: orders, metric: sojourn.p99, max: 250ms }
  - { queue: orders, metric: lossRate, max: 1% }
variants:
  - { name: two-consumers, set: { queues.orders.consumers: 2 } }
  - { name: three-consumers, set: { queues.orders.consumers: 3 } }
`;

/** The comparison of COMPARE_SCENARIO with its variants (4 paired replications, this thread). */
export async function compareExample(): Promise<CompareResult> {
  const { scenario } = parseScenario(COMPARE_SCENARIO, 'compare.yaml');
  return compareScenarios(withVariants(scenario), { runner: serialRunner(), replications: 4 });
}

/**
 * A queue whose messages go on through `then` routes to one of two queues (one named with a dot), and a
 * variant with one more intake consumer: routes `shop → intake → fast` and `shop → intake → slow.v2`. A
 * second variant leaves `fast` one consumer, whose wait, near zero with two, grows many times over: a
 * difference the compare chart draws clipped.
 */
export const ROUTES_SCENARIO = `name: routed
seed: 7
duration: 2m
producers:
  - { name: shop, to: intake, rate: 20/s }
queues:
  - name: intake
    consumers: 1
    service: { distribution: exponential, mean: 40ms }
    then:
      - { to: fast, probability: 0.7 }
      - { to: slow.v2, probability: 0.3 }
  - { name: fast, consumers: 2, service: { distribution: exponential, mean: 20ms } }
  - { name: slow.v2, consumers: 2, service: { distribution: exponential, mean: 200ms } }
variants:
  - { name: two-intake, set: { queues.intake.consumers: 2 } }
  - { name: one-fast, set: { queues.fast.consumers: 1 } }
`;

/** The comparison of ROUTES_SCENARIO with its variants (3 paired replications, this thread). */
export async function compareRoutesExample(): Promise<CompareResult> {
  const { scenario } = parseScenario(ROUTES_SCENARIO, 'routed.yaml');
  return compareScenarios(withVariants(scenario), { runner: serialRunner(), replications: 3 });
}
