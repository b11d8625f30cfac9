/** Headroom as text: "at 2.3× today's traffic, queues.billing.sojourn.p99 exceeds 250ms". */
import type { HeadroomResult } from '../analysis/headroom.js';
import { formatNumber } from './format.js';
import { lossLines } from './loss-lines.js';
import { formatSloValue, sloLine } from './slo-table.js';

/** The headroom for the terminal. */
export function renderHeadroom(headroom: HeadroomResult, wallSeconds: number): string {
  const lines: string[] = [];
  if (headroom.headroom === null) {
    lines.push(
      `${headroom.scenario}: the SLOs are not met even at ${formatNumber(headroom.failsAt)}× today's traffic`,
    );
  } else if (headroom.failsAt === null) {
    lines.push(
      `${headroom.scenario}: every SLO still passes at ${formatNumber(headroom.headroom)}× today's traffic (the limit searched)`,
    );
  } else {
    lines.push(`${headroom.scenario}: headroom ${formatNumber(headroom.headroom)}× today's traffic`);
    for (const verdict of headroom.breaksFirst) {
      const what =
        verdict.verdict === 'fail'
          ? `exceeds ${formatSloValue(verdict, verdict.max)}`
          : `may exceed ${formatSloValue(verdict, verdict.max)} (uncertain)`;
      lines.push(`  at ${formatNumber(headroom.failsAt)}× today's traffic, ${verdict.target} ${what}`);
    }
  }
  if (headroom.result) {
    lines.push(`  at ${formatNumber(headroom.headroom)}×:`);
    lines.push(...(headroom.result.slo ?? []).map((verdict) => `    ${sloLine(verdict)}`));
    lines.push(...lossLines(headroom.result));
  }
  lines.push(`  ${headroom.evaluations} evaluations, ${wallSeconds.toFixed(1)} s`);
  return lines.join('\n') + '\n';
}
