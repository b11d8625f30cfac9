/**
 * The Kubernetes HPA's `behavior` arithmetic (pkg/controller/podautoscaler/horizontal.go): stabilization
 * over past recommendations, then the scaling policies' rate limits. Pure functions over the controller's
 * memory, so the timelines can be checked against the documented rules one sync at a time.
 */
import type { ScalingRulesSpec } from '../scenario/types.js';

/** A past recommendation, or a past change of the replica count (positive for both directions). */
export interface Timed {
  time: number;
  value: number;
}

/**
 * The stabilized recommendation: the current count, raised to the lowest recommendation of the scale-up
 * window and lowered to the highest of the scale-down window (both windows include `desired`, made now).
 */
export function stabilize(
  recommendations: readonly Timed[],
  desired: number,
  current: number,
  now: number,
  up: ScalingRulesSpec,
  down: ScalingRulesSpec,
): number {
  let upRecommendation = desired;
  let downRecommendation = desired;
  for (const { time, value } of recommendations) {
    // Kubernetes keeps a recommendation while its timestamp is strictly after now − window.
    if (time > now - up.stabilizationSeconds) upRecommendation = Math.min(upRecommendation, value);
    if (time > now - down.stabilizationSeconds) downRecommendation = Math.max(downRecommendation, value);
  }
  let recommendation = current;
  if (recommendation < upRecommendation) recommendation = upRecommendation;
  if (recommendation > downRecommendation) recommendation = downRecommendation;
  return recommendation;
}

/** Replicas changed by the events of the last `period` seconds (strictly after now − period). */
function changedWithin(events: readonly Timed[], period: number, now: number): number {
  let changed = 0;
  for (const { time, value } of events) if (time > now - period) changed += value;
  return changed;
}

/**
 * Most replicas the scale-up policies allow now: each policy counts from the replicas at the start of its
 * period (the current count less what was added within it); `select` picks the most (max) or least (min).
 */
export function scaleUpLimit(
  rules: ScalingRulesSpec,
  current: number,
  added: readonly Timed[],
  now: number,
): number {
  if (rules.select === 'disabled') return current;
  let limit = rules.select === 'max' ? -Infinity : Infinity;
  for (const policy of rules.policies) {
    const start = current - changedWithin(added, policy.periodSeconds, now);
    const proposed =
      policy.type === 'pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
    limit = rules.select === 'max' ? Math.max(limit, proposed) : Math.min(limit, proposed);
  }
  return Math.max(limit, current); // never below the current count (Kubernetes does the same)
}

/**
 * Fewest replicas the scale-down policies allow now: each policy counts from the replicas at the start of
 * its period (the current count plus what was removed within it); `select` max allows the biggest drop.
 */
export function scaleDownLimit(
  rules: ScalingRulesSpec,
  current: number,
  removed: readonly Timed[],
  now: number,
): number {
  if (rules.select === 'disabled') return current;
  let limit = rules.select === 'max' ? Infinity : -Infinity;
  for (const policy of rules.policies) {
    const start = current + changedWithin(removed, policy.periodSeconds, now);
    // Kubernetes truncates the percent form (int32 conversion of a non-negative number).
    const proposed =
      policy.type === 'pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
    limit = rules.select === 'max' ? Math.min(limit, proposed) : Math.max(limit, proposed);
  }
  return Math.min(limit, current);
}

/** Drops entries at or before `cutoff` (older than anything a window or period still reads). */
export function forgetBefore(entries: Timed[], cutoff: number): void {
  let stale = 0;
  while (stale < entries.length && entries[stale].time <= cutoff) stale++;
  if (stale > 0) entries.splice(0, stale);
}
