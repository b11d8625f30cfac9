import type { Simulation } from '../engine/index.js';
import type { QueueProbe } from '../metrics/index.js';
import type { AutoscaleSpec } from '../scenario/types.js';
import type { ElasticConsumers } from './elastic-consumers.js';
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
  /** Polls that raised, and that lowered, the replica count. */
  scaleUps: number;
  scaleDowns: number;
}

/**
 * A KEDA/HPA-style autoscaler for one station's consumers. Every polling interval it reads the metric
 * (waiting messages, lag = waiting + unacknowledged, or the arrival rate since the last poll) and recommends
 * ceil(metric / target) replicas, or the current count while metric / (replicas × target) is within
 * 1 ± tolerance (HPA's tolerance band), clamped to min..max. It scales up at once (by at most `scale-up-step` per poll); it scales down only to
 * the highest recommendation of the last `cooldown` seconds (HPA's scale-down stabilization window), so
 * a count reached by scaling up is never given up within `cooldown` of that poll.
 *
 * A new replica is paid for from the decision and takes work `startup-time` later. Scaling down cancels
 * replicas still starting (newest first), then removes working ones; a busy one finishes its message.
 */
export class Autoscaler {
  /** Replicas set: working plus starting (finishing ones have left the count). */
  private replicas: number;
  /** Start numbers of replicas still starting, oldest first (a constant startup time keeps them in order). */
  private readonly starting: number[] = [];
  private nextStartNumber = 0;
  /** Recommendations of the polls within the cooldown window, oldest first. */
  private readonly recent: Array<{ time: number; replicas: number }> = [];
  private readonly step: number;
  /** The station's arrival count and the time at the last poll (for the rate metric). */
  private lastArrivals = 0;
  private lastPoll = 0;
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
    this.step = spec.scaleUpStep ?? Infinity;
    this.stats = this.freshStats();
  }

  /** Schedules the first poll, one polling interval after the start. */
  start(): void {
    this.schedulePoll();
  }

  /** Reads the metric and scales; then schedules the next poll. */
  poll(now: number): void {
    const { spec } = this;
    const metric = this.readMetric(now);
    // HPA keeps the count while the metric per replica is within the tolerance of the target.
    const ratio = metric / (this.replicas * spec.target);
    const within = this.replicas > 0 && Math.abs(ratio - 1) <= spec.tolerance;
    const desired = within ? this.replicas : Math.ceil(metric / spec.target);
    const recommended = Math.min(spec.max, Math.max(spec.min, desired));
    this.remember(now, recommended);
    if (recommended > this.replicas) {
      this.scaleUp(Math.min(recommended, this.replicas + this.step), now);
    } else {
      const stabilized = this.recent.reduce((highest, entry) => Math.max(highest, entry.replicas), 0);
      if (stabilized < this.replicas) this.scaleDown(stabilized, now);
    }
    this.schedulePoll();
  }

  /** A replica's startup time is over: it joins, unless a scale-down cancelled it meanwhile. */
  consumerStarted(startNumber: number, now: number): void {
    if (this.starting[0] !== startNumber) return; // cancelled
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
      const startNumber = this.nextStartNumber++;
      this.starting.push(startNumber);
      this.simulation.schedule(
        this.spec.startupSeconds,
        PRIORITY_CONSUMER_STARTED,
        EVENT_CONSUMER_STARTED,
        this.index,
        startNumber,
      );
    }
  }

  private scaleDown(replicas: number, now: number): void {
    let removed = this.replicas - replicas;
    this.replicas = replicas;
    this.stats.scaleDowns++;
    this.stats.lowestConsumers = Math.min(this.stats.lowestConsumers, replicas);
    const cancelled = Math.min(removed, this.starting.length);
    this.starting.length -= cancelled; // the newest starts
    if (cancelled > 0) this.probe.consumersChanged(now, -cancelled);
    for (removed -= cancelled; removed > 0; removed--) this.station.removeConsumer(now);
  }

  private readMetric(now: number): number {
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
        const rate = (arrivals - this.lastArrivals) / (now - this.lastPoll);
        this.lastArrivals = arrivals;
        this.lastPoll = now;
        return rate;
      }
    }
  }

  /** Adds this poll's recommendation and forgets those older than the cooldown window. */
  private remember(now: number, replicas: number): void {
    this.recent.push({ time: now, replicas });
    while (this.recent.length > 1 && this.recent[0].time <= now - this.spec.cooldownSeconds) {
      this.recent.shift();
    }
  }

  private schedulePoll(): void {
    this.simulation.schedule(
      this.spec.pollingSeconds,
      PRIORITY_AUTOSCALE,
      EVENT_AUTOSCALE_POLL,
      this.index,
      0,
    );
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
