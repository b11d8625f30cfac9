import { describe, expect, it } from 'vitest';
import { Network } from '../../src/model/network.js';
import { simulate } from '../../src/model/simulate.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../src/scenario/normalise-queue.js';
import type { AutoscaleSpec, QueueSpec, Scenario } from '../../src/scenario/types.js';
import { expectConserved } from '../helpers/conservation.js';
import { parseScenario } from '../../src/scenario/index.js';
import { poissonProducer, queueSpec, scenarioOf, topicSpec } from '../helpers/scenarios.js';
import { TopicOrderChecker } from '../helpers/topic-order.js';

const AUTOSCALE: AutoscaleSpec = {
  min: 1,
  max: 12,
  target: 20,
  metric: 'waiting',
  pollingSeconds: 30,
  syncSeconds: 15,
  cooldownSeconds: 300,
  activation: 0,
  scaleUp: DEFAULT_SCALE_UP,
  scaleDown: { ...DEFAULT_SCALE_DOWN, stabilizationSeconds: 120 },
  startupSeconds: 20,
  cachedMetrics: false,
  tolerance: 0.1,
};

/** An on/off burst (60 s at 400/s every 10 minutes, 20/s between) into one autoscaled queue. */
function burstScenario(queue: Partial<QueueSpec>, autoscale: Partial<AutoscaleSpec> | null): Scenario {
  return scenarioOf({
    durationSeconds: 6 * 3600,
    warmupSeconds: 600,
    producers: [
      poissonProducer('bursts', 'work', 100, {
        onOff: { onSeconds: 60, offSeconds: 540, rateOnPerSecond: 400, rateOffPerSecond: 20 },
      }),
    ],
    queues: [
      queueSpec({
        name: 'work',
        consumers: 2,
        service: { kind: 'exponential', mean: 0.05 },
        ...queue,
        ...(autoscale ? { autoscale: { ...AUTOSCALE, ...autoscale } } : {}),
      }),
    ],
  });
}

describe('autoscaled consumers in a network', () => {
  it('with min = max = consumers behaves exactly like a fixed pool of that size', () => {
    const fixed = simulate(burstScenario({ consumers: 4 }, null)).result;
    const pinned = simulate(burstScenario({ consumers: 4 }, { min: 4, max: 4 })).result;
    const { autoscale, ...rest } = pinned.queues.work;
    expect(rest).toEqual(fixed.queues.work);
    expect(autoscale).toMatchObject({ peakConsumers: 4, lowestConsumers: 4, scaleUps: 0, scaleDowns: 0 });
    expect(autoscale!.meanConsumers).toBeCloseTo(4, 9);
  });

  it('follows the bursts within min..max, conserves messages, and pays less than a pool sized for the peak', () => {
    const scaled = simulate(burstScenario({}, {})).result;
    const peakSized = simulate(burstScenario({ consumers: 12 }, null)).result;
    const work = scaled.queues.work;
    expectConserved('work', work);
    const { autoscale } = work;
    expect(autoscale!.peakConsumers).toBeLessThanOrEqual(12);
    expect(autoscale!.lowestConsumers).toBeGreaterThanOrEqual(1);
    expect(autoscale!.scaleUps).toBeGreaterThanOrEqual(30); // at least one per burst (36 bursts)
    expect(autoscale!.scaleDowns).toBeGreaterThanOrEqual(30);
    const consumers = scaled.timeseries!.queues.work.consumers;
    expect(Math.max(...consumers)).toBeLessThanOrEqual(24); // max + those finishing a message
    expect(Math.min(...consumers)).toBeGreaterThanOrEqual(1);
    expect(work.consumerSeconds).toBeLessThan(0.5 * peakSized.queues.work.consumerSeconds);
    expect(peakSized.queues.work.consumerSeconds).toBeCloseTo(12 * 6 * 3600, 3);
    expect(work.utilization!).toBeLessThanOrEqual(1);
    expect(work.wait.p99!).toBeGreaterThan(peakSized.queues.work.wait.p99!); // startup lag costs latency
  });

  it('requeues the prefetched messages of consumers it removes, and scales from zero', () => {
    for (const queue of [{ prefetch: 10 }, { consumers: 0 }]) {
      const result = simulate(
        burstScenario(queue, {
          min: 0,
          cooldownSeconds: 30,
          scaleDown: { ...DEFAULT_SCALE_DOWN, stabilizationSeconds: 30 },
        }),
      ).result;
      const work = result.queues.work;
      expectConserved('work', work);
      expect(work.completed).toBeGreaterThan(0.99 * work.arrivals);
      expect(work.autoscale!.lowestConsumers).toBe(0);
    }
  });

  it('keeps failures, retries and onward routes consistent while the pool changes', () => {
    const scenario = burstScenario(
      {
        failureProbability: 0.1,
        retry: { maxAttempts: 3, backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: null },
        timeoutSeconds: 0.2,
        then: [{ to: 'next', probability: 0.5 }],
      },
      { metric: 'lag', scaleDown: { ...DEFAULT_SCALE_DOWN, stabilizationSeconds: 30 } },
    );
    scenario.queues.push(
      queueSpec({ name: 'next', consumers: 3, service: { kind: 'exponential', mean: 0.01 } }),
    );
    const { result } = simulate(scenario);
    for (const [name, queue] of Object.entries(result.queues)) expectConserved(name, queue);
  });

  it('never leaves a message waiting while a working consumer has room, as the pool grows and shrinks', () => {
    for (const prefetch of [1, 4]) {
      const network = new Network(
        burstScenario(
          { prefetch },
          { min: 0, cooldownSeconds: 30, scaleDown: { ...DEFAULT_SCALE_DOWN, stabilizationSeconds: 30 } },
        ),
      );
      // White-box: after every event, the queue's ready list is empty or no working consumer has room.
      const queue = (
        network as unknown as {
          queues: Array<{ ready: { length: number }; consumers: { hasRoom(): boolean } }>;
        }
      ).queues[0];
      let violations = 0;
      const dispatch = network.handleEvent.bind(network);
      network.handleEvent = (kind, target, payload) => {
        dispatch(kind, target, payload);
        if (queue.ready.length > 0 && queue.consumers.hasRoom()) violations++;
      };
      network.start();
      network.simulation.runUntil(3 * 3600, network);
      expect(violations, `prefetch ${prefetch}`).toBe(0);
    }
  });

  it('on the arrival rate settles at ceil(rate / target) under a steady Poisson load', () => {
    // 100/s against 30/s per consumer: every 30 s window sees 100 ± 2 per second, so ceil gives 4 each time.
    const scenario = scenarioOf({
      durationSeconds: 3600,
      warmupSeconds: 60,
      producers: [poissonProducer('steady', 'work', 100)],
      queues: [
        queueSpec({
          name: 'work',
          consumers: 1,
          service: { kind: 'exponential', mean: 0.02 },
          autoscale: { ...AUTOSCALE, metric: 'rate', target: 30, startupSeconds: 0 },
        }),
      ],
    });
    const { autoscale, consumerSeconds } = simulate(scenario).result.queues.work;
    expect(autoscale).toMatchObject({ peakConsumers: 4, lowestConsumers: 4, scaleUps: 0, scaleDowns: 0 });
    expect(consumerSeconds).toBeCloseTo(4 * 3600, 6);
  });

  it('gives byte-identical results for the same seed', () => {
    const once = JSON.stringify(simulate(burstScenario({ prefetch: 3 }, {})).result);
    expect(JSON.stringify(simulate(burstScenario({ prefetch: 3 }, {})).result)).toBe(once);
  });
});

describe("KEDA's clock and the HPA's in a network", () => {
  /** One message a second into a pool at zero; KEDA wakes it at its first poll. */
  const wakeScenario = (polling: string, sync: string) =>
    parseScenario(
      [
        'name: wake',
        'duration: 60s',
        'warmup: 0s',
        'producers:',
        '  - { name: p, to: work, interarrival: 1s }',
        'queues:',
        '  - name: work',
        '    service: 10ms',
        `    autoscale: { min: 0, max: 4, target: 100, polling-interval: ${polling}, sync-period: ${sync} }`,
      ].join('\n'),
      'wake.yaml',
    ).scenario;

  it('wakes a pool at zero at a KEDA poll, whatever the HPA sync period', () => {
    for (const [polling, sync, poll] of [
      ['30s', '15s', 30],
      ['10s', '15s', 10],
      ['30s', '5s', 30],
    ] as const) {
      const work = simulate(wakeScenario(polling, sync)).result.queues.work;
      // The first message (at 1 s at the latest) waits for the first poll; none waits after it.
      expect(work.wait.max!).toBeGreaterThanOrEqual(poll - 1.01);
      expect(work.wait.max!).toBeLessThanOrEqual(poll);
      expect(work.autoscale).toMatchObject({
        lowestConsumers: 0,
        peakConsumers: 1,
        scaleUps: 1,
        scaleDowns: 0,
      });
    }
  });
});

describe('an autoscaled Kafka-style topic', () => {
  /** Bursts into a 6-partition topic with skewed keys, autoscaled on its lag. */
  function topicScenario(autoscale: Partial<AutoscaleSpec>): Scenario {
    return scenarioOf({
      durationSeconds: 3 * 3600,
      producers: [
        poissonProducer('bursts', 'orders', 60, {
          onOff: { onSeconds: 120, offSeconds: 480, rateOnPerSecond: 200, rateOffPerSecond: 25 },
        }),
      ],
      queues: [
        topicSpec(
          { name: 'orders', consumers: 1, service: { kind: 'exponential', mean: 0.02 } },
          { partitions: 6, keyCount: 5000, keySkew: 0.8, rebalancePauseSeconds: 2 },
        ),
      ].map((queue) => ({
        ...queue,
        autoscale: { ...AUTOSCALE, min: 1, max: 6, metric: 'lag' as const, target: 50, ...autoscale },
      })),
    });
  }

  it('keeps every partition in order while the group grows and shrinks, with a rebalance per change', () => {
    const network = new Network(topicScenario({}));
    const checker = new TopicOrderChecker(network.topic('orders')!);
    network.start();
    network.startMeasuring();
    network.simulation.runUntil(3 * 3600, network);
    const orders = network.result().queues.orders;
    expect(checker.violations).toEqual([]);
    expectConserved('orders', orders);
    const { autoscale, partitions } = orders;
    expect(autoscale!.peakConsumers).toBeLessThanOrEqual(6);
    expect(autoscale!.scaleUps).toBeGreaterThan(10);
    // Each scaling decision that reaches the group is one rebalance (consumers joining together make one).
    expect(partitions!.rebalances).toBeLessThanOrEqual(autoscale!.scaleUps + autoscale!.scaleDowns);
    expect(partitions!.rebalances).toBeGreaterThan(10);
    expect(partitions!.rebalancePausedSeconds).toBeGreaterThan(2 * 10);
  });

  it('caps the replicas at the partition count and scales on the lag by default, with a warning', () => {
    const { scenario, warnings } = parseScenario(
      [
        'name: capped',
        'duration: 1h',
        'producers: [{ name: p, to: t, rate: 50/s }]',
        'queues:',
        '  - name: t',
        '    partitions: 4',
        '    service: 10ms',
        '    autoscale: { min: 2, max: 24, target: 100 }',
      ].join('\n'),
      'test.yaml',
    );
    expect(scenario.queues[0].autoscale).toMatchObject({ min: 2, max: 4, metric: 'lag' });
    expect(warnings.map((warning) => warning.path)).toContain('queues[0].autoscale.max');
  });
});
