/**
 * Kafka consumer groups as configured: the eager pause lasts until the slowest member has finished its
 * batch (max.poll.records) plus the join time, cooperative-sticky pauses only the moved partitions, the
 * initial delay applies only to an empty group, and the scaler's lag counts processed records not yet
 * committed (auto.commit.interval.ms). Deterministic timelines: a backlog, constant service times.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/model/network.js';
import type { RunResult } from '../../src/model/run-result.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Scenario, TopicSpec } from '../../src/scenario/types.js';
import { scenarioOf, topicSpec } from '../helpers/scenarios.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';
import { TopicOrderChecker } from '../helpers/topic-order.js';

/** Topic `orders` with a backlog and constant service, no producers: every time below is exact. */
function backlogTopic(
  consumers: number,
  backlog: number,
  topic: Partial<TopicSpec> & Pick<TopicSpec, 'partitions'>,
): Scenario {
  return scenarioOf({
    durationSeconds: 60,
    producers: [],
    queues: [
      topicSpec({ name: 'orders', consumers, service: { kind: 'constant', value: 1 }, backlog }, topic),
    ],
  });
}

type Step = [time: number, act: (network: Network, now: number) => void];
const join: Step[1] = (network, now) => network.elasticConsumers('orders')!.addConsumer(now);
const leave: Step[1] = (network, now) => network.elasticConsumers('orders')!.removeConsumer(now);

/** Runs `scenario` with the ordering checker on `orders`, applying `steps` at their times. */
function watchedRun(scenario: Scenario, steps: Step[]): { result: RunResult; checker: TopicOrderChecker } {
  const network = new Network(scenario);
  const checker = new TopicOrderChecker(network.topic('orders')!);
  network.start();
  network.startMeasuring();
  for (const [time, act] of steps) {
    network.simulation.runUntil(time, network);
    act(network, network.simulation.now);
  }
  network.simulation.runUntil(scenario.durationSeconds, network);
  return { result: network.result(), checker };
}

const startsBetween = (checker: TopicOrderChecker, from: number, to: number) =>
  checker.startLog.filter(([, , , time]) => time > from && time < to);
const startTimes = (checker: TopicOrderChecker, from: number, to: number) =>
  startsBetween(checker, from, to).map(([, , , time]) => time);

// The backlog is appended one record at a time at t = 0, so each member's first poll returns the one
// record appended to its partitions while it was free; its later polls return full batches.
describe('eager rebalances (range, round-robin)', () => {
  it('stop the group until the slowest member has finished its batch, then the join time', () => {
    // Three members; one leaves at 0.5: the records in processing end at 1, the join takes 3 s, the
    // other two resume at 4 and poll 10 records each (4…13, done at 14). A member joins at 7.5: nobody
    // polls again, the batches end at 14, the join takes 3 s: work resumes at 17 with three members.
    for (const assignor of ['range', 'round-robin'] as const) {
      const { result, checker } = watchedRun(
        backlogTopic(3, 1000, { partitions: 4, assignor, maxPollRecords: 10, rebalancePauseSeconds: 3 }),
        [
          [0.5, leave],
          [7.5, join],
        ],
      );
      expect(checker.violations).toEqual([]);
      expect(startTimes(checker, 0.5, 4)).toEqual([]);
      // After the join each member only finishes its batch: starts at 8…13, two per second.
      expect(startTimes(checker, 7.5, 17)).toEqual([8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
      const resumed = checker.startLog.filter(([, , , t]) => t === 17).map(([, , consumer]) => consumer);
      expect(resumed.sort()).toEqual([0, 1, 2]);
      const partitions = result.queues.orders.partitions!;
      expect(partitions.rebalances).toBe(2);
      expect(partitions.rebalancePausedSeconds).toBe(4 - 0.5 + (17 - 7.5));
    }
  });

  it('with max-poll-records 1 wait only for the records in processing', () => {
    const { result, checker } = watchedRun(
      backlogTopic(3, 1000, {
        partitions: 4,
        assignor: 'range',
        maxPollRecords: 1,
        rebalancePauseSeconds: 3,
      }),
      [
        [0.5, leave],
        [7.5, join],
      ],
    );
    // The records started at 7 end at 8; the join ends at 11.
    expect(startTimes(checker, 7.5, 11)).toEqual([]);
    expect(checker.startLog.filter(([, , , t]) => t === 11)).toHaveLength(3);
    expect(result.queues.orders.partitions!.rebalancePausedSeconds).toBe(3.5 + 3.5);
  });
});

describe('cooperative-sticky rebalances (KIP-429)', () => {
  it('pause only the partitions that move, until their record in processing ends, plus the join time', () => {
    // Sticky assignment of 4 partitions over 3: {0, 3}, {1}, {2}. Consumer 2 leaves at 2.5: only its
    // partition 2 moves (to consumer 1), after its record in processing ends at 3, plus 3 s: 6.
    // Consumer 1 is busy on partition 1 then; its round-robin restarts at its first partition (1 at 7),
    // so partition 2's next record starts at 8.
    const { result, checker } = watchedRun(
      backlogTopic(3, 1000, {
        partitions: 4,
        assignor: 'cooperative-sticky',
        maxPollRecords: 10,
        rebalancePauseSeconds: 3,
      }),
      [
        [2.5, leave],
        [10.5, join],
      ],
    );
    expect(checker.violations).toEqual([]);
    expect(startsBetween(checker, 2.5, 7).filter(([, p]) => p === 2)).toEqual([]);
    expect(checker.startLog.find(([, p, , t]) => p === 2 && t > 2.5)!.slice(1)).toEqual([2, 1, 8]);
    // Consumers 0 and 1 never stopped: one start a second each from 3 to 10.
    for (const consumer of [0, 1]) {
      const times = startsBetween(checker, 2.5, 10.5).filter(([, , c]) => c === consumer);
      expect(times).toHaveLength(8);
    }
    // A member joins at 10.5: consumer 1 gives partition 2 back, once its record there has ended.
    const inFlight = checker.startLog.find(([, p, , t]) => p === 2 && t < 10.5 && t > 9.5);
    const end = (inFlight === undefined ? 10.5 : inFlight[3] + 1) + 3;
    expect(startsBetween(checker, 10.5, end).filter(([, p]) => p === 2)).toEqual([]);
    expect(checker.startLog.find(([, , c, t]) => c === 2 && t > 10.5)!.slice(1)).toEqual([2, 2, end]);
    const partitions = result.queues.orders.partitions!;
    expect(partitions.perPartition.map((p) => p.consumer)).toEqual([0, 1, 2, 0]);
    expect(partitions.rebalancePausedSeconds).toBe(6 - 2.5 + (end - 10.5));
  });
});

describe('the initial rebalance delay', () => {
  it('applies when a consumer joins an empty group, not when one leaves or joins a working group', () => {
    const { result, checker } = watchedRun(
      backlogTopic(1, 1000, {
        partitions: 2,
        assignor: 'range',
        maxPollRecords: 1,
        rebalancePauseSeconds: 1,
        initialRebalanceDelaySeconds: 3,
      }),
      [
        [0.5, leave], // the record ends at 1, then the 1 s join: the (empty) group settles at 2
        [5, join], // empty group: the 3 s initial delay, first start at 8
      ],
    );
    expect(startTimes(checker, 0.5, 8)).toEqual([]);
    expect(checker.startLog.find(([, , , t]) => t > 0.5)!.slice(2)).toEqual([0, 8]);
    expect(result.queues.orders.partitions!.rebalancePausedSeconds).toBe(2 - 0.5 + 3);
  });
});

describe('the lag a scaler reads', () => {
  /** The topic's scaler lag at `at` (target `target`), with `topic` settings, after a backlog of `backlog`. */
  function lagAt(at: number, backlog: number, topic: Partial<TopicSpec>, target = 1): number {
    const scenario = scenarioOf({
      durationSeconds: 60,
      producers: [],
      queues: [
        topicSpec(
          { name: 'orders', consumers: 1, service: { kind: 'constant', value: 0.75 }, backlog },
          { partitions: 1, ...topic },
        ),
      ],
    });
    const network = new Network(scenario);
    network.start();
    network.simulation.runUntil(at, network);
    return network.topic('orders')!.lagForScaler(target, at);
  }

  it('counts processed records until the next auto-commit: latest − committed offset', () => {
    // Records end at 0.75 k. By 12.5, 16 have ended (the last at 12.0); the commit at 10 covered the 13
    // that had ended by then (9.75), so 10.5, 11.25 and 12.0 are processed but uncommitted.
    expect(lagAt(12.5, 100, { commitIntervalSeconds: 0 })).toBe(100 - 16);
    expect(lagAt(12.5, 100, { commitIntervalSeconds: 5 })).toBe(100 - 16 + 3);
    // Right after a tick nothing processed is uncommitted (10.0 → the last end was 9.75).
    expect(lagAt(10.1, 100, { commitIntervalSeconds: 5 })).toBe(100 - 13);
    // A 1 s interval: ends at 12.0 only since the tick at 12.
    expect(lagAt(12.5, 100, { commitIntervalSeconds: 1 })).toBe(100 - 16 + 1);
  });

  it('is capped at target × partitions with lag under limit-to-partitions-with-lag', () => {
    // One key: every record on one partition of four; lag 40 − (records done by 2.0: 2) + 0 uncommitted.
    const topic = { partitions: 4, keyCount: 1, commitIntervalSeconds: 0 };
    expect(lagAt(2, 40, { ...topic }, 5)).toBe(38);
    expect(lagAt(2, 40, { ...topic, limitToPartitionsWithLag: true }, 5)).toBe(5);
  });
});

describe('auto-commit and the autoscaler', () => {
  const yaml = (commit: string) => `
name: commit-lag
seed: 11
duration: 10m
warmup: 0s
producers:
  - { name: shop, to: orders, rate: 100/s }
queues:
  - name: orders
    partitions: 12
    commit-interval: ${commit}
    consumers: 2
    service: { distribution: exponential, mean: 2ms }
    autoscale: { min: 2, max: 12, target: 50, polling-interval: 30s, cooldown: 5m }
`;

  it('adds rate × interval / 2 processed, uncommitted records to the lag on average', () => {
    // 100/s with a 5 s auto-commit: each partition's records wait on average half an interval for the
    // commit, 250 in all. Samples 0.1 s apart, averaged per commit interval: 120 interval means, nearly
    // independent (each commit empties the count), whose Student-t interval must hold 250.
    const { scenario } = parseScenario(yaml('5s'), 'commit.yaml');
    const network = new Network(scenario);
    network.start();
    const topic = network.topic('orders')!;
    const perInterval = 50;
    const intervalMeans: number[] = [];
    for (let interval = 0; interval < 120; interval++) {
      let sum = 0;
      for (let i = 0; i < perInterval; i++) {
        const t = 5 * interval + 0.05 + 0.1 * i;
        network.simulation.runUntil(t, network);
        sum += topic.uncommittedMessages(t);
      }
      intervalMeans.push(sum / perInterval);
    }
    expectPass(
      checkFamily('auto-commit lag', 1).ciContains(intervalMeans, 250, { label: 'mean uncommitted records' }),
    );
  });

  it('makes a lag-scaled group hold more consumers than a commit per message would', () => {
    // Per message the lag is ~0.2 (ρ = 0.2 per partition owner): the group stays at its minimum, 2. With a
    // 5 s commit the scaler sees ~250 more: ceil(250 / 50) = 5 or more replicas.
    const mean = (commit: string) =>
      simulate(parseScenario(yaml(commit), 'commit.yaml').scenario).result.queues.orders.autoscale!
        .meanConsumers;
    expect(mean('per-message')).toBe(2);
    expect(mean('5s')).toBeGreaterThan(4.5);
  });
});
