// A leaf, so that the option help can state the run-size limit without loading the estimate.
import { groupThousands } from '../math/thousands.js';

/** 6.0 billion, 350 million, 12,000: an event count a person reads at a glance. */
export function formatEvents(events: number): string {
  if (!Number.isFinite(events)) return String(events);
  const short = (value: number) => groupThousands(Number(value.toPrecision(2)));
  if (events >= 1e9) return `${short(events / 1e9)} billion`;
  if (events >= 1e6) return `${short(events / 1e6)} million`;
  return groupThousands(Math.round(events));
}
