import { describe, expect, it } from 'vitest';
import { Simulation, type EventHandler } from '../../src/engine/index.js';
import { QueueCollector } from '../../src/metrics/index.js';
import { Autoscaler } from '../../src/model/autoscaler.js';
import type { ElasticConsumers } from '../../src/model/elastic-consumers.js';
import { EVENT_AUTOSCALE_POLL, EVENT_CONSUMER_STARTED } from '../../src/model/events.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../src/scenario/normalise-queue.js';
import type { AutoscaleSpec, ScalingRulesSpec } from '../../src/scenario/types.js';

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

/** Kubernetes' and KEDA's defaults (HPA sync 15 s, default behavior; KEDA poll 30 s, cooldown 300 s). */
const SPEC: AutoscaleSpec = {
  min: 2,
  max: 100,
  target: 100,
  metric: 'waiting',
  pollingSeconds: 30,
  syncSeconds: 15,
  cooldownSeconds: 300,
  activation: 0,
  scaleUp: DEFAULT_SCALE_UP,
  scaleDown: DEFAULT_SCALE_DOWN,
  startupSeconds: 0,
  cachedMetrics: false,
  tolerance: 0, // exact recommendations; the tolerance band has its own test
};

/** No stabilization and no rate limit down: the count follows each recommendation at once. */
const FREE_DOWN: ScalingRulesSpec = { ...DEFAULT_SCALE_DOWN, stabilizationSeconds: 0 };

/** No rate limit up: the count follows each recommendation at once (for tests of the metric). */
const FREE_UP: ScalingRulesSpec = {
  stabilizationSeconds: 0,
  policies: [{ type: 'pods', value: 1000, periodSeconds: 15 }],
  select: 'max',
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
      if (kind === EVENT_AUTOSCALE_POLL) scaler.poll(simulation.now, payload);
      else if (kind === EVENT_CONSUMER_STARTED) scaler.consumerStarted(simulation.now);
    },
  };
  collector.startMeasuring(0, seconds);
  scaler.start();
  simulation.runUntil(seconds, handler);
  return { station, scaler, collector, simulation };
}

/** The working count after each instant at which it changed: [time, count] pairs in time order. */
function timeline(station: ScriptedStation, initial = 2): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  let working = initial;
  for (const { time, change } of station.changes) {
    working += change === 'add' ? 1 : -1;
    const last = points[points.length - 1];
    if (last && last[0] === time) last[1] = working;
    else points.push([time, working]);
  }
  return points;
}

describe('Autoscaler: the HPA on its sync period', () => {
  it('under the default policies climbs 2 → 6 → 12 → 24 → 48 at 15 s steps after a load step', () => {
    // 10,000 waiting from the start: desired 100 each sync; the limit is max(+4 pods, +100 %) per 15 s.
    const { station } = runScaler({}, () => 10_000, 75);
    expect(timeline(station)).toEqual([
      [15, 6],
      [30, 12],
      [45, 24],
      [60, 48],
      [75, 96],
    ]);
  });

  it('scales down only after 300 s without a higher recommendation (the default window)', () => {
    // 1,000 waiting until 600 s (10 replicas), none after: the sync at 600 s is the last high one, so the
    // first sync whose window (now − 300, now] holds only low recommendations is at 900 s.
    const { station } = runScaler({}, (t) => (t <= 600 ? 1000 : 0), 1200);
    expect(timeline(station)).toEqual([
      [15, 6],
      [30, 10],
      [900, 2],
    ]);
  });

  it('keeps the count the HPA first saw for the first 300 s (Kubernetes seeds the window with it)', () => {
    const { station } = runScaler({}, () => 0, 400, 8);
    expect(timeline(station, 8)).toEqual([[300, 2]]);
  });

  it('steps down gradually when the recommendations of the window fall gradually', () => {
    // 1000 until 300 s, 500 until 600 s, then 0: down to 5 at 600 s (300 s after the last 10), to 2 at 900 s.
    const { station } = runScaler({}, (t) => (t <= 300 ? 1000 : t <= 600 ? 500 : 0), 1000);
    expect(timeline(station).slice(2)).toEqual([
      [600, 5],
      [900, 2],
    ]);
  });

  it('applies a custom behavior: a percent policy with select min, a pods policy, disabled', () => {
    const up: ScalingRulesSpec = {
      stabilizationSeconds: 0,
      policies: [
        { type: 'percent', value: 50, periodSeconds: 30 },
        { type: 'pods', value: 1, periodSeconds: 15 },
      ],
      select: 'min',
    };
    // From 4: 15 s min(ceil(4 × 1.5), 4 + 1) = 5; 30 s: the percent period began at 4 → min(6, 6) = 6;
    // 45 s: the +1 at 30 s is within the percent period → min(ceil(5 × 1.5), 6 + 1) = 7.
    const lowest = runScaler({ scaleUp: up }, () => 10_000, 45, 4);
    expect(timeline(lowest.station, 4)).toEqual([
      [15, 5],
      [30, 6],
      [45, 7],
    ]);
    // select max: 15 s max(6, 5) = 6; 30 s max(6, 7) = 7; 45 s max(ceil(6 × 1.5), 8) = 9;
    // 60 s max(ceil(7 × 1.5), 10) = 11.
    const highest = runScaler({ scaleUp: { ...up, select: 'max' } }, () => 10_000, 60, 4);
    expect(timeline(highest.station, 4)).toEqual([
      [15, 6],
      [30, 7],
      [45, 9],
      [60, 11],
    ]);
    // Scale-down by at most 2 pods per 30 s with no window: 10 → 8 at 15 s, held at 30 s, 6 at 45 s…
    const down: ScalingRulesSpec = {
      stabilizationSeconds: 0,
      policies: [{ type: 'pods', value: 2, periodSeconds: 30 }],
      select: 'max',
    };
    const stepped = runScaler({ scaleDown: down }, () => 0, 90, 10);
    expect(timeline(stepped.station, 10)).toEqual([
      [15, 8],
      [45, 6],
      [75, 4],
    ]);
    // Disabled: no scale-down at all, however long the queue stays empty.
    const held = runScaler({ scaleDown: { ...down, select: 'disabled' } }, () => 0, 900, 10);
    expect(held.station.changes).toEqual([]);
    const frozen = runScaler({ scaleUp: { ...up, select: 'disabled' } }, () => 10_000, 300, 4);
    expect(frozen.station.changes).toEqual([]);
  });

  it('takes a scale-down percent policy from the replicas at the start of its period, truncated', () => {
    // 50 % per 60 s from 9: 9 → trunc(4.5) = 4 at 15 s, then held until the period has passed (75 s) → 2.
    const down: ScalingRulesSpec = {
      stabilizationSeconds: 0,
      policies: [{ type: 'percent', value: 50, periodSeconds: 60 }],
      select: 'max',
    };
    const { station } = runScaler({ scaleDown: down }, () => 0, 120, 9);
    expect(timeline(station, 9)).toEqual([
      [15, 4],
      [75, 2],
    ]);
  });

  it('recommends ceil(metric / target) replicas, clamped to min..max', () => {
    const levels = [0, 150, 1000, 5000, 250];
    // One level per sync (15, 30, …): 0 → min 2, 150 → 2, 1000 → 10 (limit 2 + 4 = 6? no: 100 % of 2 is 4,
    // so max(6, 4) = 6), 5000 → capped at max 10 (6 + 4 = 10), 250 → 3.
    const { station, scaler } = runScaler(
      { max: 10, scaleDown: FREE_DOWN },
      (t) => levels[Math.min(levels.length - 1, Math.round(t / 15) - 1)],
      75,
    );
    expect(timeline(station)).toEqual([
      [45, 6],
      [60, 10],
      [75, 3],
    ]);
    expect(scaler.snapshot()).toMatchObject({
      peakConsumers: 10,
      lowestConsumers: 2,
      scaleUps: 2,
      scaleDowns: 1,
    });
  });

  it('never goes above max or below min whatever the metric does', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 3000;
    const { station, scaler } = runScaler(
      { min: 3, max: 7, scaleDown: FREE_DOWN, startupSeconds: 45 },
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

  it('lets a new consumer take work exactly startup-time after the sync that added it', () => {
    const { station } = runScaler({ startupSeconds: 45 }, (t) => (t < 60 ? 0 : 450), 200);
    // The sync at 60 s sees 450 waiting → 5 replicas: three more, working from 105 s.
    expect(station.changes).toEqual([
      { time: 105, change: 'add' },
      { time: 105, change: 'add' },
      { time: 105, change: 'add' },
    ]);
  });

  it('pays for a starting consumer from the decision, and cancels the newest starting ones first', () => {
    // 600 waiting at the sync of 15 s → 6 replicas (4 starting until 115 s); at 30 s only 300 → 3, no
    // window: three of the four starting replicas are cancelled, one joins at 115 s.
    const { station, collector } = runScaler(
      { startupSeconds: 100, scaleDown: FREE_DOWN },
      (t) => (t < 20 ? 600 : 300),
      125,
    );
    expect(station.changes).toEqual([{ time: 115, change: 'add' }]);
    expect(collector.snapshot(125).consumerSeconds).toBeCloseTo(2 * 15 + 6 * 15 + 3 * 95, 9);
  });

  it('adds at most scale-up-step consumers per sync (one pods policy)', () => {
    const step: ScalingRulesSpec = {
      stabilizationSeconds: 0,
      policies: [{ type: 'pods', value: 3, periodSeconds: 15 }],
      select: 'max',
    };
    const { station } = runScaler({ max: 10, scaleUp: step }, () => 5000, 50);
    expect(timeline(station)).toEqual([
      [15, 5],
      [30, 8],
      [45, 10],
    ]);
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
    simulation.runUntil(15, { handleEvent: (_k, _t, payload) => scaler.poll(simulation.now, payload) });
    expect(station.working).toBe(4);
  });

  it('reads the arrival rate since the last sync when the metric is rate', () => {
    const simulation = new Simulation();
    // 50 messages/s until 30 s, then 170/s: the syncs at 15 and 30 s see 50/s, the one at 45 s 170/s.
    const arrivals = (t: number) => (t <= 30 ? 50 * t : 1500 + 170 * (t - 30));
    const station = new ScriptedStation(
      1,
      simulation,
      () => 0,
      () => 0,
      arrivals,
    );
    const scaler = new Autoscaler(
      { ...SPEC, min: 1, metric: 'rate', target: 20, scaleUp: FREE_UP, scaleDown: FREE_DOWN },
      1,
      0,
      station,
      new QueueCollector(),
      simulation,
    );
    scaler.start();
    const counts: number[] = [];
    simulation.runUntil(45, {
      handleEvent: (_k, _t, payload) => {
        scaler.poll(simulation.now, payload);
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
    const station = new ScriptedStation(4, simulation, (t) => levels[Math.round(t / 15) - 1]);
    const scaler = new Autoscaler(
      { ...SPEC, tolerance: 0.1, scaleDown: FREE_DOWN },
      4,
      0,
      station,
      new QueueCollector(),
      simulation,
    );
    scaler.start();
    simulation.runUntil(60, {
      handleEvent: (_k, _t, payload) => {
        scaler.poll(simulation.now, payload);
        counts.push(station.working);
      },
    });
    // 390 on 5 consumers is 22 % below: down to ceil(3.9) = 4; 340 on 4 is 15 % below: down to 4 (ceil 3.4).
    expect(counts).toEqual([4, 5, 4, 4]);
  });
});

describe("Autoscaler: KEDA's activation and cooldown", () => {
  it('activates from zero to max(1, min) at a KEDA poll above the threshold, then the HPA climbs', () => {
    // Nothing until 100 s, then 10,000 waiting. KEDA polls every 30 s: the poll at 120 s wakes the pool to
    // 1; the HPA's syncs at 135, 150, … climb by max(+4, +100 %).
    const { station } = runScaler({ min: 0, max: 50 }, (t) => (t < 100 ? 0 : 10_000), 210, 0);
    expect(timeline(station, 0)).toEqual([
      [120, 1],
      [135, 5],
      [150, 10],
      [165, 20],
      [180, 40],
      [195, 50],
    ]);
  });

  it('stays at zero while the metric is at or below the activation threshold', () => {
    const quiet = runScaler({ min: 0, activation: 50 }, () => 50, 600, 0);
    expect(quiet.station.changes).toEqual([]);
    const woken = runScaler({ min: 0, activation: 50 }, () => 51, 30, 0);
    expect(timeline(woken.station, 0)).toEqual([[30, 1]]);
  });

  it('takes the last replica to zero only after cooldown with the metric at or below activation', () => {
    // 1,000 waiting until 600 s. The HPA brings 10 down to its floor of 1 at 900 s (300 s window); KEDA
    // last saw the metric active at its poll of 600 s, and lastActive + cooldown (900 s) must be passed:
    // the poll at 930 s takes the pool to 0.
    const { station, scaler } = runScaler({ min: 0 }, (t) => (t <= 600 ? 1000 : 0), 1200, 1);
    expect(timeline(station, 1)).toEqual([
      [15, 5],
      [30, 10],
      [900, 1],
      [930, 0],
    ]);
    expect(scaler.snapshot().lowestConsumers).toBe(0);
    // A short cooldown takes the pool to zero from whatever count the HPA still holds.
    const short = runScaler({ min: 0, cooldownSeconds: 60 }, (t) => (t <= 600 ? 1000 : 0), 700, 1);
    expect(timeline(short.station, 1).slice(-1)).toEqual([[690, 0]]);
  });
});

describe('Autoscaler: cached metrics (KEDA useCachedMetrics)', () => {
  // 1,000 waiting from 40 s on; KEDA polls at 30, 60, …; the HPA syncs at 15, 30, 45, 60, ….
  const load = (t: number) => (t < 40 ? 0 : 1000);
  const free = { min: 1, scaleUp: FREE_UP, scaleDown: FREE_DOWN };

  it('without them the HPA reads the metric live: 10 replicas at the sync at 45 s', () => {
    const { station } = runScaler(free, load, 90, 1);
    expect(timeline(station, 1)).toEqual([[45, 10]]);
  });

  it('with them the HPA uses the value of the last KEDA poll: 10 replicas only at 60 s', () => {
    const { station } = runScaler({ ...free, cachedMetrics: true }, load, 90, 1);
    expect(timeline(station, 1)).toEqual([[60, 10]]);
  });
});
