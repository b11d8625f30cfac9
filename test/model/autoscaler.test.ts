import { describe, expect, it } from 'vitest';
import { Simulation, type EventHandler } from '../../src/engine/index.js';
import { QueueCollector } from '../../src/metrics/index.js';
import { Autoscaler } from '../../src/model/autoscaler.js';
import type { ElasticConsumers } from '../../src/model/elastic-consumers.js';
import { EVENT_AUTOSCALE_POLL, EVENT_CONSUMER_STARTED } from '../../src/model/events.js';
import type { AutoscaleSpec } from '../../src/scenario/types.js';

/** A station whose metric follows a given function of time, recording every change the autoscaler makes. */
class ScriptedStation implements ElasticConsumers {
  readonly changes: Array<{ time: number; change: 'add' | 'remove' }> = [];
  working: number;

  constructor(
    initial: number,
    private readonly simulation: Simulation,
    private readonly waiting: (time: number) => number,
    private readonly held = () => 0,
    private readonly arrivals = (_time: number) => 0,
  ) {
    this.working = initial;
  }

  waitingMessages(): number {
    return this.waiting(this.simulation.now);
  }

  unacknowledgedMessages(): number {
    return this.held();
  }

  arrivalCount(): number {
    return this.arrivals(this.simulation.now);
  }

  addConsumer(now: number): void {
    this.working++;
    this.changes.push({ time: now, change: 'add' });
  }

  removeConsumer(now: number): void {
    this.working--;
    this.changes.push({ time: now, change: 'remove' });
  }
}

const SPEC: AutoscaleSpec = {
  min: 2,
  max: 10,
  target: 100,
  metric: 'waiting',
  pollingSeconds: 30,
  cooldownSeconds: 300,
  scaleUpStep: null,
  startupSeconds: 0,
  tolerance: 0, // exact recommendations; the tolerance band has its own test
};

/** Runs an autoscaler over `seconds` against a scripted metric; returns the station and the autoscaler. */
function runScaler(
  spec: Partial<AutoscaleSpec>,
  waiting: (time: number) => number,
  seconds: number,
  initial = 2,
) {
  const simulation = new Simulation();
  const station = new ScriptedStation(initial, simulation, waiting);
  const collector = new QueueCollector();
  collector.consumersChanged(0, initial);
  const scaler = new Autoscaler({ ...SPEC, ...spec }, initial, 0, station, collector, simulation);
  const handler: EventHandler = {
    handleEvent(kind, _target, payload) {
      if (kind === EVENT_AUTOSCALE_POLL) scaler.poll(simulation.now);
      else if (kind === EVENT_CONSUMER_STARTED) scaler.consumerStarted(payload, simulation.now);
    },
  };
  collector.startMeasuring(0, seconds);
  scaler.start();
  simulation.runUntil(seconds, handler);
  return { station, scaler, collector, simulation };
}

describe('Autoscaler', () => {
  it('recommends ceil(metric / target) replicas, clamped to min..max', () => {
    const levels = [0, 150, 1000, 5000, 250];
    // One level per poll (polls at 30, 60, …): 0 → min 2, 150 → 2, 1000 → 10, 5000 → capped at 10, 250 → 3 after cooldown.
    const { station, scaler } = runScaler(
      { cooldownSeconds: 0 },
      (t) => levels[Math.min(levels.length - 1, Math.round(t / 30) - 1)],
      150,
    );
    expect(station.working).toBe(3);
    expect(scaler.snapshot()).toMatchObject({
      peakConsumers: 10,
      lowestConsumers: 2,
      scaleUps: 1,
      scaleDowns: 1,
    });
  });

  it('never goes above max or below min whatever the metric does', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3000;
    const { station, scaler } = runScaler(
      { min: 3, max: 7, cooldownSeconds: 60, startupSeconds: 45 },
      noise,
      20_000,
      3,
    );
    let working = 3;
    for (const { change } of station.changes) {
      working += change === 'add' ? 1 : -1;
      expect(working).toBeGreaterThanOrEqual(3);
      expect(working).toBeLessThanOrEqual(7);
    }
    const stats = scaler.snapshot();
    expect(stats.scaleUps).toBeGreaterThan(10);
    expect(stats.scaleDowns).toBeGreaterThan(10);
    expect(stats.peakConsumers).toBe(7);
    expect(stats.lowestConsumers).toBe(3);
  });

  it('lets a new consumer take work exactly startup-time after the poll that added it', () => {
    const { station } = runScaler({ startupSeconds: 45 }, (t) => (t < 60 ? 0 : 450), 200);
    // The poll at 60 s sees 450 waiting → 5 replicas: three more, working from 105 s.
    expect(station.changes).toEqual([
      { time: 105, change: 'add' },
      { time: 105, change: 'add' },
      { time: 105, change: 'add' },
    ]);
  });

  it('pays for a starting consumer from the decision, and cancels the newest starting ones first', () => {
    // 600 waiting at the poll of 30 s → 6 replicas (4 starting until 130 s); at 60 s only 300 → 3,
    // cooldown 0: three of the four starting replicas are cancelled, one joins at 130 s.
    const { station, collector } = runScaler(
      { startupSeconds: 100, cooldownSeconds: 0 },
      (t) => (t < 45 ? 600 : 300),
      140,
    );
    expect(station.changes).toEqual([{ time: 130, change: 'add' }]);
    const { series } = collector.timeSeries(140);
    expect(collector.snapshot(140).consumerSeconds).toBeCloseTo(2 * 30 + 6 * 30 + 3 * 80, 9);
    expect(series.consumers.length).toBeGreaterThan(0);
  });

  it('scales down only to the highest recommendation of the last cooldown seconds', () => {
    // Busy until 600 s (1000 waiting → 10), idle after: the last high poll is at 600 s, so with a 300 s
    // cooldown the first poll whose window holds only low recommendations is at 900 s.
    const { station } = runScaler({ cooldownSeconds: 300 }, (t) => (t <= 600 ? 1000 : 0), 1200);
    const removals = station.changes.filter((entry) => entry.change === 'remove');
    expect(removals).toHaveLength(8);
    expect(new Set(removals.map((entry) => entry.time))).toEqual(new Set([900]));
  });

  it('steps down gradually when the recommendations of the window fall gradually', () => {
    // 1000 until 300 s, 500 until 600 s, then 0: down to 5 at 600 s (300 s after the last 10), to 2 at 900 s.
    const { station } = runScaler({}, (t) => (t <= 300 ? 1000 : t <= 600 ? 500 : 0), 1000);
    const removalsAt = (time: number) =>
      station.changes.filter((e) => e.change === 'remove' && e.time === time).length;
    expect(removalsAt(600)).toBe(5);
    expect(removalsAt(900)).toBe(3);
    expect(station.working).toBe(2);
  });

  it('adds at most scale-up-step consumers per poll', () => {
    const { station } = runScaler({ scaleUpStep: 3 }, () => 5000, 100);
    const addsAt = (time: number) =>
      station.changes.filter((e) => e.change === 'add' && e.time === time).length;
    expect([addsAt(30), addsAt(60), addsAt(90)]).toEqual([3, 3, 2]);
  });

  it('counts unacknowledged messages too when the metric is lag', () => {
    const simulation = new Simulation();
    const station = new ScriptedStation(
      1,
      simulation,
      () => 100,
      () => 300,
    );
    const scaler = new Autoscaler(
      { ...SPEC, min: 1, metric: 'lag' },
      1,
      0,
      station,
      new QueueCollector(),
      simulation,
    );
    scaler.start();
    simulation.runUntil(30, {
      handleEvent: () => scaler.poll(simulation.now),
    });
    expect(station.working).toBe(4);
  });

  it('reads the arrival rate over the last polling interval when the metric is rate', () => {
    const simulation = new Simulation();
    // 50 messages/s until 60 s, then 170/s: the polls at 30 and 60 s see 50/s, the one at 90 s 170/s.
    const arrivals = (t: number) => (t <= 60 ? 50 * t : 3000 + 170 * (t - 60));
    const station = new ScriptedStation(
      1,
      simulation,
      () => 0,
      () => 0,
      arrivals,
    );
    const scaler = new Autoscaler(
      { ...SPEC, min: 1, metric: 'rate', target: 20, cooldownSeconds: 0 },
      1,
      0,
      station,
      new QueueCollector(),
      simulation,
    );
    scaler.start();
    const counts: number[] = [];
    simulation.runUntil(90, {
      handleEvent: () => {
        scaler.poll(simulation.now);
        counts.push(station.working);
      },
    });
    expect(counts).toEqual([3, 3, 9]); // ceil(50 / 20), ceil(170 / 20)
  });

  it("keeps the count while the metric per consumer is within HPA's tolerance of the target", () => {
    // 4 consumers, target 100: 430 waiting is 7.5 % above (kept at 4); 460 is 15 % above (ceil 4.6 = 5).
    const levels = [430, 460, 390, 340];
    const counts: number[] = [];
    const simulation = new Simulation();
    const station = new ScriptedStation(4, simulation, (t) => levels[Math.round(t / 30) - 1]);
    const scaler = new Autoscaler(
      { ...SPEC, tolerance: 0.1, cooldownSeconds: 0 },
      4,
      0,
      station,
      new QueueCollector(),
      simulation,
    );
    scaler.start();
    simulation.runUntil(120, {
      handleEvent: () => {
        scaler.poll(simulation.now);
        counts.push(station.working);
      },
    });
    // 390 on 5 consumers is 22 % below: down to ceil(3.9) = 4; 340 on 4 is 15 % below: down to 4 (ceil 3.4).
    expect(counts).toEqual([4, 5, 4, 4]);
  });
});
