/** Headroom as text: "at 2.3× today's traffic, queues.billing.sojourn.p99 exceeds 250ms". */
import type { HeadroomResult } from '../analysis/headroom.js';
import type { SloVerdict } from '../results/analysis-results.js';
import { formatNumber } from './format.js';
import { lossLines } from './loss-lines.js';
import { formatSloValue, sloLine } from './slo-table.js';

/** "exceeds 3s", or "may exceed 3s (uncertain; would decide: about 40 replications)". */
function describeBreak(verdict: SloVerdict): string {
  if (verdict.verdict === 'fail') return `exceeds ${formatSloValue(verdict, verdict.max)}`;
  const decide = verdict.decide ? `; would decide: ${verdict.decide}` : '';
  return `may exceed ${formatSloValue(verdict, verdict.max)} (uncertain${decide})`;
}

/** The headroom for the terminal. */
export function renderHeadroom(headroom: HeadroomResult, wallSeconds: number): string {
  const lines: string[] = [];
  const undecided = headroom.cannotTell;
  if (undecided) {
    const n = undecided.replications;
    lines.push(
      `${headroom.scenario}: cannot tell the headroom with ${n} replication${n === 1 ? '' : 's'} per load: the CIs do not separate pass from fail`,
    );
    const passes =
      undecided.passesAt === null
        ? 'no load searched passes every SLO for sure'
        : `every SLO passes at ${formatNumber(undecided.passesAt)}× today's traffic`;
    const fails =
      undecided.failsAt === null
        ? 'no load up to the limit searched fails one for sure'
        : `one fails for sure at ${formatNumber(undecided.failsAt)}×`;
    lines.push(`  ${passes}; ${fails}; in between the answer is uncertain`);
    if (undecided.replicationsToDecide !== null) {
      lines.push(
        `  about ${undecided.replicationsToDecide} replications (--replications ${undecided.replicationsToDecide}) would decide it to within ${Math.round(undecided.decidedWithin * 100)} %`,
      );
    }
    for (const verdict of headroom.breaksFirst) {
      lines.push(
        `  at ${formatNumber(headroom.failsAt)}× today's traffic, ${verdict.target} ${describeBreak(verdict)}`,
      );
    }
  } else if (headroom.headroom === null) {
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
      lines.push(
        `  at ${formatNumber(headroom.failsAt)}× today's traffic, ${verdict.target} ${describeBreak(verdict)}`,
      );
    }
  }
  if (headroom.result) {
    lines.push(`  at ${formatNumber(headroom.headroom ?? undecided?.passesAt ?? null)}×:`);
    lines.push(...(headroom.result.slo ?? []).map((verdict) => `    ${sloLine(verdict)}`));
    lines.push(...lossLines(headroom.result));
  }
  lines.push(`  ${headroom.evaluations} evaluations, ${wallSeconds.toFixed(1)} s`);
  return lines.join('\n') + '\n';
}
