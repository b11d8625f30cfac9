import type { QueueResult } from '../model/run-result.js';
import { formatNumber } from './format.js';

/** The consumer pool in words: "3 consumers", or "2–24 consumers, autoscaled (mean 7.69)". */
export function describePool(result: QueueResult): string {
  const scaled = result.autoscale;
  if (scaled) {
    return `${scaled.range[0]}–${scaled.range[1]} consumers, autoscaled (mean ${formatNumber(scaled.meanConsumers)})`;
  }
  return `${result.consumers} consumer${result.consumers === 1 ? '' : 's'}`;
}
