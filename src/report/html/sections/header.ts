import type { SloVerdict } from '../../../results/analysis-results.js';
import { describeDeadlock } from '../../deadlock-text.js';
import { describePartial } from '../../study-notes.js';
import { formatSeconds } from '../../format.js';
import {
  describeCiSource,
  describeDecide,
  describeSloValue,
  describeVerdict,
  formatSloValue,
} from '../../slo-table.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput } from '../input.js';
import type { QueueView } from '../queue-views.js';

/** Independent replications behind a result (1 for a single run or batch means). */
export function replicationsOf(result: ReportInput['result']): number {
  return result.replications ?? 1;
}

/** "27 Nov 2026, 03:12 UTC": unambiguous whatever the reader's locale. */
function formatTimestamp(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** " (95 % CI from batch means (20 batches); to decide: about 40 replications)", escaped; '' when neither. */
function sloNotes(verdict: SloVerdict): string {
  const source = describeCiSource(verdict);
  const from = verdict.largestOf ? source : `95 % CI from ${source}`;
  const notes = [source ? from : '', describeDecide(verdict)].filter(Boolean);
  return notes.length > 0 ? ` <span class="slo-notes">(${escapeHtml(notes.join('; '))})</span>` : '';
}

/** One line per SLO: its target and limit, the value with its CI, and the verdict (coloured by class). */
function sloVerdicts(verdicts: readonly SloVerdict[] | undefined): string {
  if (!verdicts || verdicts.length === 0) return '';
  const items = verdicts.map(
    (verdict) =>
      `<li class="slo slo-${verdict.verdict}"><span class="slo-verdict">${escapeHtml(describeVerdict(verdict))}</span> <code>${escapeHtml(verdict.target)}</code> ≤ ${escapeHtml(formatSloValue(verdict, verdict.max))}: ${escapeHtml(describeSloValue(verdict))}${sloNotes(verdict)}</li>`,
  );
  return `<ul class="slo-verdicts" aria-label="SLOs">${items.join('')}</ul>`;
}

/** A deadlocked run says so before anything else (empty when there is none). */
function deadlockWarning(result: ReportInput['result']): string {
  if (!result.deadlock) return '';
  const text = describeDeadlock(result.deadlock, replicationsOf(result));
  return `<p class="deadlock-warning" role="alert">${escapeHtml(text)}</p>`;
}

/** A study cut short by its time budget says so under the title (empty otherwise). */
function partialWarning(result: ReportInput['result']): string {
  const text = describePartial(result);
  return text ? `<p class="deadlock-warning" role="alert">${escapeHtml(text)}</p>` : '';
}

/** The title block: scenario name and description, the run's settings, and links to every queue. */
export function headerSection(input: ReportInput, views: QueueView[]): string {
  const { result } = input;
  const facts: Array<[string, string]> = [
    ['Seed', String(result.seed)],
    ['Measured', formatSeconds(result.measuredSeconds)],
    ['Warm-up', result.warmupSeconds > 0 ? formatSeconds(result.warmupSeconds) : 'none'],
    result.batchMeans
      ? ['Batch means', `${result.batchMeans.batches} × ${formatSeconds(result.batchMeans.batchSeconds)}`]
      : ['Replications', String(replicationsOf(result))],
    ['queuesim', input.version],
    ['Ran', formatTimestamp(input.generatedAt)],
  ];
  const source = input.scenarioSource
    ? `<p class="source-path">${escapeHtml(input.scenarioSource.path)}</p>`
    : '';
  const nav = views
    .map(
      (view) =>
        `<a href="#${view.anchor}"><span class="swatch" style="background:${view.color}"></span>${escapeHtml(view.name)}</a>`,
    )
    .join('');
  return `<header class="report-header">
  <p class="eyebrow">queuesim capacity report</p>
  <h1>${escapeHtml(result.scenario)}</h1>
  ${input.description ? `<p class="description">${escapeHtml(input.description)}</p>` : ''}
  ${source}
  <dl class="facts">${facts.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>
  ${partialWarning(result)}
  ${deadlockWarning(result)}
  ${sloVerdicts(result.slo)}
  <nav class="queue-nav" aria-label="Queues"><span>Queues</span>${nav}</nav>
</header>`;
}
