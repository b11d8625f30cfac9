import type { Simulation } from '../engine/index.js';
import type { QueueProbe } from '../metrics/index.js';
import type { AutoscaleSpec } from '../scenario/types.js';
import type { ElasticConsumers } from './elastic-consumers.js';
import { forgetBefore, scaleDownLimit, scaleUpLimit, stabilize, type Timed } from './hpa-behavior.js';
import {
  EVENT_AUTOSCALE_POLL,
  EVENT_CONSUMER_STARTED,
  PRIORITY_AUTOSCALE,
  PRIORITY_CONSUMER_STARTED,
} from './events.js';

/** What an autoscaler did over the measured interval (the `autoscale` block of a queue's result). */
export interface AutoscaleStats {
  /** Most and fewest replicas set at any time (starting ones included, finishing ones not). */
  peakConsumers: number;
  lowestConsumers: number;
  /** Decisions (HPA syncs or KEDA polls) that raised, and that lowered, the replica count. */
  scaleUps: number;
  scaleDowns: number;
}

/** Which clock an autoscaler event belongs to (its payload). */
export const HPA_SYNC = 0;
export const KEDA_POLL = 1;

/**
 * A KEDA-driven HPA for one station's consumers, on two clocks (KEDA "Scaling Deployments" concept page;
 * Kubernetes "Horizontal Pod Autoscaling").
 *
 * The HPA syncs every `sync-period` and decides every 1 ↔ N change: it reads the metric live, recommends
 * ceil(metric / target) (or the current count while metric / (replicas × target) is within 1 ± tolerance),
 * stabilizes the recommendation over the scale-up and scale-down windows, and limits the change by the
 * behavior's policies (hpa-behavior.ts), within max(1, min)..max. At zero replicas the HPA is inactive.
 *
 * KEDA polls every `polling-interval` when min is 0: a metric above `activation` takes a pool at 0 to
 * max(1, min); a metric at or below it for longer than `cooldown` takes the pool to 0. With
 * `cached-metrics` (KEDA useCachedMetrics) KEDA polls whatever min is, and the HPA's syncs use the value
 * of its last poll instead of reading the metric live.
 *
 * A new replica is paid for from the decision and takes work `startup-time` later. Scaling down cancels
 * replicas still starting (newest first), then removes working ones; a busy one finishes its message.
 */
export class Autoscaler {
  /** Replicas set: working plus starting (finishing ones have left the count). */
  private replicas: number;
  /** Calendar handles of replicas still starting, oldest first (a constant startup time keeps them in order). */
  private readonly starting: number[] = [];
  /** The HPA's memory: its recommendations, and the replicas it added and removed, with their times. */
  private readonly recommendations: Timed[];
  private readonly added: Timed[] = [];
  private readonly removed: Timed[] = [];
  /** Longest time the HPA's memory is read back (windows and policy periods). */
  private readonly memorySeconds: number;
  /** When KEDA last saw the metric above activation (the run starts as if it just had). */
  private lastActive = 0;
  /** When KEDA last woke the pool from zero: the HPA takes over from its next sync, not the same instant. */
  private wokenAt = -1;
  /** The metric at KEDA's last poll, which the HPA uses with `cached-metrics` (nothing read before: 0). */
  private cachedMetric = 0;
  /** The station's arrival count and the time at each clock's last reading (for the rate metric). */
  private readonly lastArrivals = [0, 0];
  private readonly lastReading = [0, 0];
  private stats: AutoscaleStats;

  constructor(
    private readonly spec: AutoscaleSpec,
    initial: number,
    /** Position of the station in the network: the target of the autoscaler's events. */
    private readonly index: number,
    private readonly station: ElasticConsumers,
    private readonly probe: QueueProbe,
    private readonly simulation: Simulation,
  ) {
    this.replicas = initial;
    // Kubernetes seeds the scale-down window with the count the HPA first sees.
    this.recommendations = [{ time: 0, value: initial }];
    const periods = [...spec.scaleUp.policies, ...spec.scaleDown.policies].map((p) => p.periodSeconds);
    this.memorySeconds = Math.max(
      spec.scaleUp.stabilizationSeconds,
      spec.scaleDown.stabilizationSeconds,
      ...periods,
    );
    this.stats = this.freshStats();
  }

  /** Schedules the first HPA sync and the first KEDA poll (only a pool that may reach zero needs them). */
  start(): void {
    this.schedule(HPA_SYNC);
    if (this.spec.min === 0 || this.spec.cachedMetrics) this.schedule(KEDA_POLL);
  }

  /** One tick of a clock (HPA_SYNC or KEDA_POLL): reads the metric and scales; then schedules the next. */
  poll(now: number, clock: number = HPA_SYNC): void {
    if (clock === KEDA_POLL) this.kedaPoll(now);
    else this.hpaSync(now);
    this.schedule(clock);
  }

  /** The oldest starting replica's startup time is over: it joins (a scale-down cancels its event instead). */
  consumerStarted(now: number): void {
    this.starting.shift();
    this.station.addConsumer(now);
  }

  /** Ends the warm-up: the statistics count from here. */
  startMeasuring(): void {
    this.stats = this.freshStats();
  }

  snapshot(): AutoscaleStats {
    return { ...this.stats };
  }

  private scaleUp(replicas: number, now: number): void {
    const added = replicas - this.replicas;
    this.replicas = replicas;
    this.stats.scaleUps++;
    this.stats.peakConsumers = Math.max(this.stats.peakConsumers, replicas);
    this.probe.consumersChanged(now, added);
    for (let i = 0; i < added; i++) {
      if (this.spec.startupSeconds === 0) {
        this.station.addConsumer(now);
        continue;
      }
      this.starting.push(
        this.simulation.schedule(
          this.spec.startupSeconds,
          PRIORITY_CONSUMER_STARTED,
          EVENT_CONSUMER_STARTED,
          this.index,
          0,
        ),
      );
    }
  }

  private scaleDown(replicas: number, now: number): void {
    let removed = this.replicas - replicas;
    this.replicas = replicas;
    this.stats.scaleDowns++;
    this.stats.lowestConsumers = Math.min(this.stats.lowestConsumers, replicas);
    const cancelled = Math.min(removed, this.starting.length);
    for (let i = 0; i < cancelled; i++) this.simulation.cancel(this.starting.pop() as number); // the newest
    if (cancelled > 0) this.probe.consumersChanged(now, -cancelled);
    for (removed -= cancelled; removed > 0; removed--) this.station.removeConsumer(now);
  }

  /** KEDA: activation from zero above the threshold; back to zero after `cooldown` at or below it. */
  private kedaPoll(now: number): void {
    const { spec } = this;
    const metric = this.readMetric(now, KEDA_POLL);
    this.cachedMetric = metric;
    if (spec.min > 0) return; // activation and cooldown concern only a pool that may reach zero
    if (metric > spec.activation) {
      this.lastActive = now;
      if (this.replicas === 0) {
        this.wokenAt = now;
        this.scaleUp(Math.max(1, spec.min), now);
      }
    } else if (this.replicas > 0 && now - this.lastActive > spec.cooldownSeconds) {
      this.scaleDown(0, now); // KEDA: lastActiveTime + cooldownPeriod before now
    }
  }

  /** HPA: recommendation, stabilization, policy limits; inactive while the pool is at zero. */
  private hpaSync(now: number): void {
    const { spec } = this;
    const metric = spec.cachedMetrics ? this.cachedMetric : this.readMetric(now, HPA_SYNC);
    if (this.replicas === 0 || this.wokenAt === now) return;
    const current = this.replicas;
    const within = Math.abs(metric / (current * spec.target) - 1) <= spec.tolerance;
    // KEDA gives the HPA a floor of 1: only KEDA takes the pool to zero.
    const floor = Math.max(1, spec.min);
    const desired = Math.min(spec.max, Math.max(floor, within ? current : Math.ceil(metric / spec.target)));
    const stabilized = stabilize(this.recommendations, desired, current, now, spec.scaleUp, spec.scaleDown);
    this.recommendations.push({ time: now, value: desired });
    const cutoff = now - this.memorySeconds;
    forgetBefore(this.recommendations, cutoff);
    forgetBefore(this.added, cutoff);
    forgetBefore(this.removed, cutoff);
    if (stabilized > current) {
      const next = Math.min(stabilized, scaleUpLimit(spec.scaleUp, current, this.added, now));
      if (next > current) {
        this.added.push({ time: now, value: next - current });
        this.scaleUp(next, now);
      }
    } else if (stabilized < current) {
      const next = Math.max(stabilized, scaleDownLimit(spec.scaleDown, current, this.removed, now));
      if (next < current) {
        this.removed.push({ time: now, value: current - next });
        this.scaleDown(next, now);
      }
    }
  }

  /** The metric now; the rate is over the time since this clock's last reading. */
  private readMetric(now: number, clock: number): number {
    const { station } = this;
    switch (this.spec.metric) {
      case 'waiting':
        return station.waitingMessages();
      case 'lag':
        return (
          station.lagForScaler?.(this.spec.target, now) ??
          station.waitingMessages() + station.unacknowledgedMessages()
        );
      case 'rate': {
        const arrivals = station.arrivalCount();
        const elapsed = now - this.lastReading[clock];
        const rate = elapsed > 0 ? (arrivals - this.lastArrivals[clock]) / elapsed : 0;
        this.lastArrivals[clock] = arrivals;
        this.lastReading[clock] = now;
        return rate;
      }
    }
  }

  private schedule(clock: number): void {
    const interval = clock === KEDA_POLL ? this.spec.pollingSeconds : this.spec.syncSeconds;
    this.simulation.schedule(interval, PRIORITY_AUTOSCALE, EVENT_AUTOSCALE_POLL, this.index, clock);
  }

  private freshStats(): AutoscaleStats {
    return {
      peakConsumers: this.replicas,
      lowestConsumers: this.replicas,
      scaleUps: 0,
      scaleDowns: 0,
    };
  }
}
