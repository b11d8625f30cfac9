/** The loss account of a result in a few lines: every queue and flow that lost messages, and why. */
import type { RunResult } from '../model/run-result.js';
import { formatCount, formatPercent } from './format.js';

/** "1,234 deadLettered, 56 expired": the non-zero reasons of a `lostBy` record. */
export function describeLostBy(lostBy: object): string {
  return (Object.entries(lostBy) as Array<[string, number]>)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${formatCount(count)} ${reason}`)
    .join(', ');
}

/** One line per queue and flow that lost messages ("loss at billing: 17.0 % (…)"); none when nothing was lost. */
export function lossLines(result: RunResult | null, indent = '    '): string[] {
  if (!result) return [];
  const line = (what: string, record: { lossRate: number; lostBy: object }) =>
    `${indent}loss at ${what}: ${formatPercent(record.lossRate)} (${describeLostBy(record.lostBy)})`;
  return [
    ...Object.entries(result.queues)
      .filter(([, queue]) => queue.lost > 0)
      .map(([name, queue]) => line(`queue ${name}`, queue)),
    ...Object.entries(result.flows)
      .filter(([, flow]) => flow.lost > 0)
      .map(([name, flow]) => line(`flow ${name}`, flow)),
  ];
}
