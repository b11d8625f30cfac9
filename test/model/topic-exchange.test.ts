/** A topic exchange routes each message to the queues with a matching pattern, once per queue. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';

const SCENARIO = `name: topic
duration: 10m
seed: 3
producers:
  - name: shop
    to: events
    rate: 100/s
    types: { order.placed: 0.5, order.cancelled: 0.2, payment.failed: 0.2, user.signup: 0.1 }
exchanges:
  - name: events
    type: topic
    to:
      - { queue: orders, patterns: ["order.*"] }
      - { queue: failures, patterns: ["#.failed", "payment.#"] }
      - { queue: audit, patterns: ["order.#"] }
queues:
  - { name: orders, consumers: 2, service: 10ms }
  - { name: failures, consumers: 1, service: 10ms }
  - { name: audit, consumers: 2, service: 5ms }
`;

describe('topic exchange', () => {
  const { result } = simulate(parseScenario(SCENARIO, 'topic.yaml').scenario);
  const exchange = result.exchanges.events;
  const arrivals = (queue: string) => result.queues[queue].arrivals;

  it('counts every copy it routes and every message no pattern matches', () => {
    expect(exchange.routed).toBe(arrivals('orders') + arrivals('failures') + arrivals('audit'));
    // user.signup matches nothing: unroutable, as at a direct exchange.
    const unroutableShare = exchange.unroutable / exchange.published;
    // About 60,000 messages: the share's standard error is sqrt(0.1·0.9/60000) ≈ 0.0012; 5 SE is 0.006.
    expect(Math.abs(unroutableShare - 0.1)).toBeLessThan(0.006);
  });

  it('sends order.* to orders and audit alike, and payment.failed to failures once though two patterns match', () => {
    expect(arrivals('orders')).toBe(arrivals('audit'));
    const share = arrivals('failures') / exchange.published;
    // 0.2 expected (0.4 if the two matching patterns each sent a copy); 5 SE = 5·sqrt(0.2·0.8/60000) ≈ 0.008.
    expect(Math.abs(share - 0.2)).toBeLessThan(0.008);
    expect(Math.abs(arrivals('orders') / exchange.published - 0.7)).toBeLessThan(0.01);
  });
});
